package khenthuong

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// normalizedCode is the catalogue key form of a code: upper case, no spaces.
func (f *AwardForm) normalizedCode() string {
	return strings.ToUpper(strings.Join(strings.Fields(f.Code), ""))
}
