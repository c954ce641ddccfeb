package vntext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// VNI-Windows writes a Vietnamese vowel as its base letter followed by one
// byte for its marks, and Excel shows those bytes as cp1252 letters:
// "Nguyeãn Vaên Tình" is "Nguyễn Văn Tình". A few letters have bytes of their
// own: ơ, ư, đ, the toned i's and ỵ.

// vniLetters are the bytes (as cp1252 characters) that stand for a whole
// letter. "í" and "ì" are the same in VNI and Unicode.
var vniLetters = map[rune]rune{
	'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
	'í': 'í', 'Í': 'Í', 'ì': 'ì', 'Ì': 'Ì', 'æ': 'ỉ', 'Æ': 'Ỉ',
	'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị', 'î': 'ỵ', 'Î': 'Ỵ',
}

// vniMark is what one mark byte adds to the vowel before it.
type vniMark struct {
	combining string // combining characters, composed by NFC
	shape     byte   // 0, or the mark's vowel shape: 'b' breve (ă), 'c' circumflex (â ê ô)
	tone      bool   // whether it carries a tone
}

const (
	acute      = "\u0301"
	grave      = "\u0300"
	hook       = "\u0309"
	tilde      = "\u0303"
	dotBelow   = "\u0323"
	breve      = "\u0306"
	circumflex = "\u0302"
	noShape    = 0
	withBreve  = 'b'
	withCirc   = 'c'
)

// vniMarks maps each mark byte, lower and upper case (capitals use the
// upper-case byte), to its marks.
var vniMarks = map[rune]vniMark{
	'ù': {acute, noShape, true}, 'Ù': {acute, noShape, true},
	'ø': {grave, noShape, true}, 'Ø': {grave, noShape, true},
	'û': {hook, noShape, true}, 'Û': {hook, noShape, true},
	'õ': {tilde, noShape, true}, 'Õ': {tilde, noShape, true},
	'ï': {dotBelow, noShape, true}, 'Ï': {dotBelow, noShape, true},

	'ê': {breve, withBreve, false}, 'Ê': {breve, withBreve, false},
	'é': {breve + acute, withBreve, true}, 'É': {breve + acute, withBreve, true},
	'è': {breve + grave, withBreve, true}, 'È': {breve + grave, withBreve, true},
	'ú': {breve + hook, withBreve, true}, 'Ú': {breve + hook, withBreve, true},
	'ü': {breve + tilde, withBreve, true}, 'Ü': {breve + tilde, withBreve, true},
	'ë': {breve + dotBelow, withBreve, true}, 'Ë': {breve + dotBelow, withBreve, true},

	'â': {circumflex, withCirc, false}, 'Â': {circumflex, withCirc, false},
	'á': {circumflex + acute, withCirc, true}, 'Á': {circumflex + acute, withCirc, true},
	'à': {circumflex + grave, withCirc, true}, 'À': {circumflex + grave, withCirc, true},
	'å': {circumflex + hook, withCirc, true}, 'Å': {circumflex + hook, withCirc, true},
	'ã': {circumflex + tilde, withCirc, true}, 'Ã': {circumflex + tilde, withCirc, true},
	'ä': {circumflex + dotBelow, withCirc, true}, 'Ä': {circumflex + dotBelow, withCirc, true},
}

// vniVowel describes the vowel a mark byte may follow.
type vniVowel struct {
	shapes   string // shapes it can take: "bc" for a, "c" for e and o
	hasShape bool   // it already has its shape (ơ, ư, or after a shape mark)
	hasTone  bool
}

// vniVowelFor returns the state of a freshly written vowel, or false when r
// takes no marks.
func vniVowelFor(r rune) (vniVowel, bool) {
	switch r {
	case 'a', 'A':
		return vniVowel{shapes: "bc"}, true
	case 'e', 'E', 'o', 'O':
		return vniVowel{shapes: "c"}, true
	case 'i', 'I', 'u', 'U', 'y', 'Y':
		return vniVowel{}, true
	case 'ơ', 'Ơ', 'ư', 'Ư':
		return vniVowel{hasShape: true}, true
	}
	return vniVowel{}, false
}

// DecodeVNI converts VNI-Windows text as Excel shows it to NFC Unicode:
// "Nguyeãn Vaên Tình" → "Nguyễn Văn Tình". A mark byte is decoded only right
// after a vowel that can take it (a shape mark, a tone, or one byte for both,
// the longest match first), so accented letters elsewhere ("café") are left
// alone.
func DecodeVNI(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	var vowel vniVowel
	inVowel := false
	for _, r := range s {
		if m, ok := vniMarks[r]; ok && inVowel && vowel.accepts(m) {
			b.WriteString(m.combining)
			vowel.hasShape = vowel.hasShape || m.shape != noShape
			vowel.hasTone = vowel.hasTone || m.tone
			continue
		}
		if l, ok := vniLetters[r]; ok {
			r = l
		}
		b.WriteRune(r)
		vowel, inVowel = vniVowelFor(r)
	}
	return norm.NFC.String(b.String())
}

// accepts reports whether mark m can follow the vowel in its current state.
func (v vniVowel) accepts(m vniMark) bool {
	if m.tone && v.hasTone {
		return false
	}
	if m.shape != noShape && (v.hasShape || v.hasTone || strings.IndexByte(v.shapes, m.shape) < 0) {
		return false
	}
	return m.shape != noShape || m.tone
}
