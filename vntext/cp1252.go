package vntext

import "unicode/utf8"

// Legacy text reaches us as mojibake: old Excel files were typed in TCVN3 or
// VNI fonts on Western Windows, so each byte is stored as the cp1252
// character Windows showed for it. This file turns such characters back into
// the bytes the decoders read.

// cp1252High gives the byte behind each character cp1252 puts at 0x80–0x9F.
// The five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come
// through as the C1 controls U+0081..., which legacyByte handles like Latin-1.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// legacyByte returns the byte a character stands for when legacy text is
// read as cp1252 (or as Latin-1, which some readers use), and false for
// characters no single byte produces, which are genuine Unicode.
func legacyByte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

// isLegacyCandidate reports whether r could be a TCVN3 or VNI byte seen as
// cp1252 other than plain ASCII: it is what makes a string worth examining.
func isLegacyCandidate(r rune) bool {
	if r < utf8.RuneSelf {
		return r < rune(len(tcvn3Low)) && tcvn3Low[r] != 0
	}
	_, ok := legacyByte(r)
	return ok
}
