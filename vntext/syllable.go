package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Tones, in collation order.
const (
	toneNone = iota
	toneHuyen
	toneHoi
	toneNga
	toneSac
	toneNang
)

// letterInfo is a Vietnamese letter split into its toneless base and tone.
type letterInfo struct {
	base rune
	tone uint8
}

// vietLetters holds every lower-case Vietnamese letter: the 12 vowels with
// each of the 6 tones (built through NFC, so the table cannot drift from the
// Unicode data) and the 17 consonants.
var vietLetters = buildVietLetters()

func buildVietLetters() map[rune]letterInfo {
	marks := [...]string{toneNone: "", toneHuyen: grave, toneHoi: hook, toneNga: tilde, toneSac: acute, toneNang: dotBelow}
	m := make(map[rune]letterInfo, 12*6+17)
	for _, base := range "aăâeêioôơuưy" {
		for tone, mark := range marks {
			letter := []rune(norm.NFC.String(string(base) + mark))[0]
			m[letter] = letterInfo{base, uint8(tone)}
		}
	}
	for _, c := range "bcdđghklmnpqrstvx" {
		m[c] = letterInfo{c, toneNone}
	}
	return m
}

// Spelling of a syllable: initial consonant + vowel nucleus (with its glide)
// + final consonant. The tables are the standard ones from Vietnamese
// orthography; "qu" and "gi" are initials of their own. Loanword rhymes such
// as "oo" ("xoong") are left out: they are rare, and accepting them lets VNI
// text pass for TCVN3 ("Thoâng" would read "Thoõng").
var (
	syllableInitials = []string{"ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}
	syllableFinals = setOf("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
	// openNuclei end a syllable; closedNuclei are followed by a final.
	openNuclei = setOf("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
		"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi",
		"ua", "uê", "ui", "uơ", "uy", "ưa", "ưi", "ưu",
		"iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu")
	closedNuclei = setOf("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
		"iê", "yê", "oa", "oă", "oe", "uâ", "uê", "uô", "uy", "ươ", "uyê")
)

func setOf(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

func isVietVowel(r rune) bool { return strings.ContainsRune("aăâeêioôơuưy", r) }

// toneSitsWell reports whether a tone on the vowel at index pos of nucleus is
// where Vietnamese spelling puts it: on the last vowel with a shape (ă â ê ô
// ơ ư) if there is one, in the middle of a triple, on the first vowel of a
// pair ending in a glide ("ai", "ao", "ia", "ua"...), and on either vowel of
// "oa", "oe", "uy" where old and new styles differ ("hoá"/"hóa").
// Reading VNI as TCVN3 or the other way round puts tones on the wrong vowel
// ("Leõ"), which is what makes this rule useful for detection.
func toneSitsWell(nucleus string, pos int) bool {
	vowels := []rune(nucleus)
	if pos < 0 || pos >= len(vowels) {
		return false // the tone is on the "u" of "qu" or the "i" of "gi"
	}
	shaped := -1
	for i, v := range vowels {
		if strings.ContainsRune("ăâêôơư", v) {
			shaped = i
		}
	}
	switch {
	case shaped >= 0:
		return pos == shaped
	case len(vowels) == 1:
		return true
	case len(vowels) == 3:
		return pos == 1
	}
	switch nucleus {
	case "oa", "oe", "uy":
		return true
	}
	return pos == 0
}

// isVietnameseSyllable reports whether word (letters only, any case, NFC) is
// a well-formed Vietnamese syllable: Vietnamese letters only, at most one
// tone, a valid initial, nucleus and final, and only sắc or nặng before the
// stop finals c, ch, p, t. Legacy-encoding detection trusts a decoding only
// when it yields such syllables.
func isVietnameseSyllable(word string) bool {
	var buf [8]rune
	base := buf[:0]
	tone, tonePos := uint8(toneNone), -1 // tonePos counts runes
	for _, r := range word {
		li, ok := vietLetters[unicode.ToLower(r)]
		if !ok || len(base) == len(buf) {
			return false // "nghiêng", the longest syllable, has 7 letters
		}
		if li.tone != toneNone {
			if tone != toneNone {
				return false
			}
			tone, tonePos = li.tone, len(base)
		}
		base = append(base, li.base)
	}
	s := string(base)
	initial := ""
	for _, c := range syllableInitials {
		if strings.HasPrefix(s, c) {
			initial = c
			break
		}
	}
	rest := s[len(initial):]
	if initial == "gi" && strings.IndexFunc(rest, isVietVowel) < 0 {
		initial, rest = "g", s[1:] // "gì", "gìn": g + i
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !isVietVowel(r) })
	if end < 0 {
		end = len(rest)
	}
	nucleus, final := rest[:end], rest[end:]
	if nucleus == "" || !syllableFinals[final] {
		return false
	}
	if final == "" && !openNuclei[nucleus] || final != "" && !closedNuclei[nucleus] {
		return false
	}
	if nucleus == "y" && final != "" && initial != "qu" {
		return false // "quýt", "quỳnh"; elsewhere the rhyme is "uy", "inh"...
	}
	if tone != toneNone {
		// Where the tone sits, in runes from the start of the nucleus.
		pos := tonePos - len([]rune(s[:len(s)-len(rest)]))
		if !toneSitsWell(nucleus, pos) {
			return false
		}
	}
	switch final {
	case "c", "ch", "p", "t":
		if tone != toneSac && tone != toneNang {
			return false
		}
	}
	if final == "ch" || final == "nh" {
		// Only after a, ê, i, y ("anh", "ếch", "inh", "huynh", "oanh").
		last := []rune(nucleus)[len([]rune(nucleus))-1]
		if !strings.ContainsRune("aêiy", last) {
			return false
		}
	}
	first := []rune(nucleus)[0]
	front := strings.ContainsRune("ieêy", first)
	switch initial {
	case "k":
		return front
	case "gh", "ngh":
		return front && first != 'y'
	case "c", "ng":
		return !front
	}
	return true
}
