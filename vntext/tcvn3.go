package vntext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// TCVN3 text reaches us as Excel shows it: each byte read as a cp1252
// character (0xAD "ư" as a soft hyphen, 0xB8 "á" as "¸", 0x91 "Ị" as "‘").
// Decoding turns each such character back into its byte and the byte into
// the letter TCVN 5712:1993 gives it (glibc's TCVN5712-1 table, a superset of
// the ABC fonts: it also has the capitals .VnTime lacks).

// tcvn3High maps bytes 0x80–0xFF to Unicode. Bytes 0xB0–0xB4 are combining
// tone marks, composed by NFC after decoding.
var tcvn3High = [128]rune{
	0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, // 80-87
	0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128, // 88-8F
	0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, // 90-97
	0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, // 98-9F
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // A0-A7
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // A8-AF
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, // B0-B7
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // B8-BF
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // C0-C7
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // C8-CF
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // D0-D7
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // D8-DF
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // E0-E7
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // E8-EF
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // F0-F7
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // F8-FF
}

// tcvn3Low maps the control bytes that TCVN3 reuses for capitals; the others
// (tab, line feed, carriage return...) keep their meaning.
var tcvn3Low = [0x18]rune{
	0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ',
	0x11: 'Ứ', 0x12: 'Ự', 0x13: 'Ỳ', 0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ',
}

// tcvn3Rune is the character TCVN3 byte b stands for.
func tcvn3Rune(b byte) rune {
	switch {
	case b < byte(len(tcvn3Low)) && tcvn3Low[b] != 0:
		return tcvn3Low[b]
	case b < 0x80:
		return rune(b)
	}
	return tcvn3High[b-0x80]
}

// DecodeTCVN3 converts TCVN3 (ABC, .VnTime) text as Excel shows it to NFC
// Unicode: "NguyÔn V¨n T×nh" → "Nguyễn Văn Tình", "Tr\u00ad¬ng" → "Trương".
// Characters that no cp1252 byte produces are kept, so text that is already
// partly Unicode is not damaged further. Decode before Clean, which would
// remove the soft hyphens and control codes that carry "ư" and capitals.
func DecodeTCVN3(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, r := range s {
		if c, ok := legacyByte(r); ok {
			r = tcvn3Rune(c)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// DecodeTCVN3Caps converts text written with the all-capitals TCVN3 fonts
// (.VnTimeH, .VnArialH ...). Those fonts draw capitals for the lower-case
// codes, so the file holds "quyÕt ®Þnh" where the clerk saw "QUYẾT ĐỊNH":
// the decoded text is upper-cased to match what was seen.
func DecodeTCVN3Caps(s string) string {
	return norm.NFC.String(strings.ToUpper(DecodeTCVN3(s)))
}
