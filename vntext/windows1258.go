package vntext

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// DecodeWindows1258 decodes raw Windows-1258 bytes, as in CSV files saved by
// old Excel on Vietnamese Windows, to NFC. Windows-1258 writes most toned
// letters as a base letter plus a combining tone byte, so the decoded text
// is normalised before use.
func DecodeWindows1258(b []byte) string {
	// A charmap decoder maps every byte (unassigned ones to U+FFFD) and
	// never fails, so there is no error to report.
	s, _ := charmap.Windows1258.NewDecoder().Bytes(b)
	return norm.NFC.String(string(s))
}

// LooksLikeUTF8 reports whether b should be read as UTF-8 rather than as
// Windows-1258: it must be valid UTF-8 and hold no C1 control characters
// (U+0080–U+009F), which real text never has but mis-encoded text does.
// Plain ASCII is UTF-8 (it reads the same either way).
func LooksLikeUTF8(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x80 && r <= 0x9F {
			return false
		}
		b = b[size:]
	}
	return true
}
