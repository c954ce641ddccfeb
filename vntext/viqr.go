package vntext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// VIQR (RFC 1456) writes Vietnamese in ASCII, each mark typed after its
// letter: ( breve, ^ circumflex, + horn, then ' acute, ` grave, ? hook,
// ~ tilde, . dot below; dd is đ, and a backslash keeps the next mark as it
// is. Old e-mailed lists and some DOS-era files hold it.

// viqrShape is the letter a vowel becomes with a shape mark.
var viqrShape = map[string]string{
	"a(": "ă", "A(": "Ă", "a^": "â", "A^": "Â", "e^": "ê", "E^": "Ê",
	"o^": "ô", "O^": "Ô", "o+": "ơ", "O+": "Ơ", "u+": "ư", "U+": "Ư",
}

// viqrTone is the combining tone mark of a tone character.
var viqrTone = map[byte]rune{'\'': '\u0301', '`': '\u0300', '?': '\u0309', '~': '\u0303', '.': '\u0323'}

func isVowel(c byte) bool { return strings.IndexByte("aeiouyAEIOUY", c) >= 0 }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// DecodeVIQR turns VIQR text into NFC Unicode. A word takes one tone: a
// tone character after a word's tone is the text's own ("Ha` No^.i." keeps
// the full stop that ends the sentence).
func DecodeVIQR(s string) string {
	var b strings.Builder
	toned := false // the current word has its tone
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) {
			toned = false
		}
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("(^+'`?~.\\", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
			continue
		case (c == 'd' || c == 'D') && i+1 < len(s) && (s[i+1] == 'd' || s[i+1] == 'D') && (i == 0 || !isLetter(s[i-1])):
			if c == 'D' {
				b.WriteString("Đ")
			} else {
				b.WriteString("đ")
			}
			i++
			continue
		case !isVowel(c):
			b.WriteByte(c)
			continue
		}
		letter := string(c)
		if i+1 < len(s) {
			if shaped, ok := viqrShape[s[i:i+2]]; ok {
				letter = shaped
				i++
			}
		}
		b.WriteString(letter)
		if i+1 < len(s) && !toned {
			if tone, ok := viqrTone[s[i+1]]; ok {
				b.WriteRune(tone)
				toned = true
				i++
			}
		}
	}
	return norm.NFC.String(b.String())
}

// LooksLikeVIQR reports whether ASCII text reads as VIQR on its own: at
// least two marks typed after vowels (VIQRMarks).
func LooksLikeVIQR(s string) bool { return VIQRMarks(s) >= 2 }

// VIQRMarks counts the VIQR marks of ASCII text: shapes and tones typed
// after vowels inside words, and a word-initial dd. Text with something of an
// address or a link has none. One mark alone ("Minh Ho'a") is VIQR only
// where the rest of the file is.
func VIQRMarks(s string) int {
	if strings.ContainsAny(s, "@/\\") {
		return 0
	}
	marks := 0
	for i := 0; i+2 < len(s); i++ {
		// "DDo+n", "ddo^'c": đ at the start of a word, before a vowel.
		if (s[i] == 'd' || s[i] == 'D') && (s[i+1] == 'd' || s[i+1] == 'D') && isVowel(s[i+2]) && (i == 0 || !isLetter(s[i-1])) {
			marks++
		}
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isVowel(s[i-1]) && !(s[i-1] == '^' || s[i-1] == '(' || s[i-1] == '+') {
			continue
		}
		switch {
		case c == '^' || c == '(' || c == '+':
			if _, ok := viqrShape[s[i-1:i+1]]; ok && i+1 < len(s) && (isLetter(s[i+1]) || viqrTone[s[i+1]] != 0 || s[i+1] == ' ') {
				marks++
			}
		case viqrTone[c] != 0 && i+1 < len(s) && isLetter(s[i+1]):
			marks++
		case (c == '\'' || c == '`' || c == '~') && (i+1 == len(s) || s[i+1] == ' '):
			marks++
		case (c == '?' || c == '.') && i+1 == len(s) && isVowel(s[i-1]):
			marks++ // "Thuy?" ends the text: a sentence would end with a word
		}
	}
	return marks
}
