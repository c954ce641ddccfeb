package roster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// entryBullets start the entries of a list typed or pasted from Word.
var entryBullets = []string{"-", "+", "•", "–", "—", "*", "·", "+)", "-)"}

// cleanNameCell drops what a list entry carries around a name in a table's
// name column: a bullet before it ("- Trần Văn C", "•Lê Văn D") and the
// punctuation after it ("Hoàng Văn F;", "…./."), which would otherwise be
// printed on the certificate.
func cleanNameCell(s string) string {
	s = strings.TrimSpace(s)
	for _, b := range entryBullets {
		rest, ok := strings.CutPrefix(s, b)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
			s = rest
		}
		break
	}
	return trimEntryEnd(s)
}

// trimCellEnd drops the separators a list entry ends with (";", ",", "./.")
// from a post or unit; a final "." may belong to an abbreviation and stays.
func trimCellEnd(s string) string {
	s = strings.TrimSpace(s)
	for _, end := range []string{"./.", "/.", ";", ","} {
		s = strings.TrimSpace(strings.TrimSuffix(s, end))
	}
	return s
}
