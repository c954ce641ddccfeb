package vntext

import (
	"strings"
	"unicode"
)

// PersonNameCase writes a person's name the way Vietnamese names are
// written, each word with a capital and the rest small: "NGUYỄN VĂN AN" and
// "nguyễn văn an" give "Nguyễn Văn An". A letter after an apostrophe or a
// hyphen starts a word too, as in the names of the Central Highlands
// ("H'HEN NIÊ" gives "H'Hen Niê"). Only letters change; the text is NFC.
func PersonNameCase(s string) string {
	s = Clean(s)
	var b strings.Builder
	b.Grow(len(s))
	start := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if start {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			start = false
		default:
			b.WriteRune(r)
			start = r == ' ' || r == '\'' || r == '’' || r == '-'
		}
	}
	return b.String()
}
