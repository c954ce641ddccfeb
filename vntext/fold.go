package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Latin letters with diacritics live in these two blocks; foldLatin maps
// each of them to its ASCII base in lower case ("" when it has none).
const (
	latinLow       = 0x00C0 // À
	latinHigh      = 0x024F // end of Latin Extended-B
	latinExtLow    = 0x1E00 // Latin Extended Additional: ạ ả ấ ầ ... ỹ
	latinExtHigh   = 0x1EFF
	fullwidthLow   = 0xFF01 // fullwidth ASCII forms, typed with some IMEs
	fullwidthHigh  = 0xFF5E
	fullwidthShift = 0xFF01 - '!'
)

// The tables are package variables (not filled by init) so that other
// files' init functions, which fold titles, can rely on them.
var (
	foldLatin    = foldTable(latinLow, latinHigh)
	foldLatinExt = foldTable(latinExtLow, latinExtHigh)
)

// foldSpecial covers letters whose stroke or ligature is not a combining
// mark, so NFD does not reduce them to ASCII.
var foldSpecial = map[rune]string{
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'ı': "i",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss",
}

// foldTable folds every rune from low to high, indexed by r-low.
func foldTable(low, high rune) []string {
	t := make([]string, high-low+1)
	for r := low; r <= high; r++ {
		t[r-low] = foldByDecomposition(r)
	}
	return t
}

// foldByDecomposition computes the ASCII fold of one precomposed letter from
// its canonical decomposition, so the table is right by construction for
// every Vietnamese letter and every other Latin letter.
func foldByDecomposition(r rune) string {
	if f, ok := foldSpecial[r]; ok {
		return f
	}
	base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
	if f, ok := foldSpecial[base]; ok {
		return f
	}
	base = unicode.ToLower(base)
	if base >= 'a' && base <= 'z' {
		return string(base)
	}
	return ""
}

// Fold returns the key used for matching and search, never for storage or
// printing: lower case, all diacritics removed down to ASCII letters (ă â→a,
// ê→e, ô ơ→o, ư→u, đ→d, tones gone), so "Hoá", "Hóa" and "hoa" are equal and
// old and new tone placement ("Thuỷ"/"Thủy") no longer matter. NFC, NFD and
// Windows-1258-style input give the same key. Everything that is not a letter
// or digit separates words; words are joined by one space. Letters with no
// ASCII base (Greek, CJK...) separate words too, so the key is always ASCII.
//
// Fold runs on every name at start-up and on every keystroke, so it returns
// s itself when s is already a key and otherwise allocates only the result.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s)) // a key is never longer than its source
	pendingSpace := false
	for i := 0; i < len(s); {
		var f string // the folded letter or digit, if any
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				f = asciiString(c)
			case 'A' <= c && c <= 'Z':
				f = asciiString(c + 'a' - 'A')
			case classify(rune(c)) == classDrop:
				continue // Clean removes it, so it must not split a word
			default:
				pendingSpace = true
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			switch {
			case r >= latinExtLow && r <= latinExtHigh: // most toned vowels
				f = foldLatinExt[r-latinExtLow]
			case r >= 0x0300 && r <= 0x036F:
				// Combining marks are the diacritics of NFD input: dropping
				// them gives NFD and NFC the same key.
				continue
			default:
				f = foldRune(r)
			}
			if f == "" {
				if classify(r) != classDrop && !unicode.Is(unicode.Mn, r) {
					pendingSpace = true // other marks are dropped like those above
				}
				continue
			}
		}
		if pendingSpace && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteString(f)
	}
	return b.String()
}

// asciiTable lets asciiString return one-byte strings without allocating.
const asciiTable = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

func asciiString(c byte) string { return asciiTable[c : c+1] }

// foldRune returns the ASCII fold of a non-ASCII letter or digit, or "" when
// it has none.
func foldRune(r rune) string {
	switch {
	case r >= latinLow && r <= latinHigh:
		return foldLatin[r-latinLow]
	case r >= latinExtLow && r <= latinExtHigh:
		return foldLatinExt[r-latinExtLow]
	case r >= fullwidthLow && r <= fullwidthHigh:
		c := byte(r - fullwidthShift)
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			return asciiString(c)
		case 'A' <= c && c <= 'Z':
			return asciiString(c + 'a' - 'A')
		}
		return ""
	case r < latinLow:
		return "" // Latin-1 symbols and C1 controls: nothing to fold
	}
	return foldCompatibilityLetter(r)
}

// foldCompatibilityLetter folds the few letters outside the Latin blocks that
// NFC itself rewrites (KELVIN SIGN is "K", ANGSTROM SIGN is "Å"), so that a
// key does not change when Clean normalises its source.
func foldCompatibilityLetter(r rune) string {
	var buf [utf8.UTFMax]byte
	d := norm.NFC.Properties(utf8.AppendRune(buf[:0], r)).Decomposition()
	if len(d) == 0 {
		return ""
	}
	base, _ := utf8.DecodeRune(d)
	if base < utf8.RuneSelf {
		c := byte(unicode.ToLower(base))
		if 'a' <= c && c <= 'z' {
			return asciiString(c)
		}
		return ""
	}
	if base == r {
		return ""
	}
	return foldRune(base)
}

// isFolded reports whether s is already a Fold key: lower-case ASCII letters
// and digits in words separated by single spaces.
func isFolded(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace:
			prevSpace = true
		default:
			return false
		}
	}
	return len(s) == 0 || !prevSpace
}
