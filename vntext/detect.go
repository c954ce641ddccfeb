package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fontEncoding reads a cell's font name: the ABC fonts (".VnTime",
// ".VnArial"...) hold TCVN3, those ending in "H" (".VnTimeH") hold TCVN3
// capitals, and the "VNI-..." fonts hold VNI. ok is false for other fonts.
func fontEncoding(font string) (enc Encoding, caps, ok bool) {
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case strings.HasPrefix(f, ".vn"):
		return TCVN3, strings.HasSuffix(f, "h"), true
	case f == "vni" || strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni "):
		return VNI, false, true
	}
	return Unicode, false, false
}

// DetectEncoding guesses whether s, a string read from a cell, is TCVN3 or
// VNI mojibake rather than genuine Unicode. fontHint is the cell's font name
// when known (".VnTime", ".VnTimeH", "VNI-Times"...), "" otherwise.
//
// Text with a character that no cp1252 byte produces (ư, ạ, a combining
// tone...) is Unicode whatever the font. Other text follows the font when the
// font is a legacy one (even plain ASCII, which .VnTimeH shows in capitals).
// Without such a font, plain ASCII is Unicode, and otherwise every word with
// a non-ASCII character is read three ways: as is, as TCVN3 and as VNI. Each
// reading scores a point per word that is a well-formed Vietnamese syllable
// (letters, rhyme, tone placement; as is, also natural case). A legacy
// reading wins only if it beats the text as is and covers two thirds of the
// words. Genuine Vietnamese scores full marks as is, so it is never
// converted; "café" or "naïve" decode to nonsense both ways. On a tie TCVN3
// wins, as the government standard and the more common, unless "ö" or "ô"
// occur: ư and ơ in VNI are far more frequent than ử and ụ in TCVN3. One-letter
// words count for nothing ("â" is Unicode, "¸" is TCVN3 "á").
//
// A short cell can be ambiguous: "Vò" is a word, and TCVN3 for "Vũ"; "Hoà" is
// also VNI for "Hồ". Such cells stay Unicode. Deciding for a whole column at
// once settles them: pass its cells joined by "\n".
func DetectEncoding(s string, fontHint string) Encoding {
	candidates, possible := legacyCandidates(s)
	if !possible {
		return Unicode
	}
	if enc, _, ok := fontEncoding(fontHint); ok {
		return enc
	}
	if !candidates {
		return Unicode
	}
	var sc legacyScore
	// Split at ASCII other than letters only: legacy letters may look like
	// punctuation ("–" is TCVN3 "Ọ", "§" is "Đ"), but never like ASCII.
	for w := range strings.FieldsFuncSeq(s, isASCIISeparator) {
		if strings.IndexFunc(w, isLegacyCandidate) >= 0 {
			sc.add(w)
		}
	}
	return sc.verdict()
}

// legacyCandidates reports whether s could be legacy text at all (every
// character is one a cp1252 byte produces) and whether it has characters
// beyond plain ASCII that only a decoding would change.
func legacyCandidates(s string) (candidates, possible bool) {
	for _, r := range s {
		if _, ok := legacyByte(r); !ok {
			return false, false
		}
		candidates = candidates || isLegacyCandidate(r)
	}
	return candidates, true
}

// isASCIISeparator reports whether r separates words in legacy text: ASCII
// other than letters and the control codes TCVN3 uses for capitals.
func isASCIISeparator(r rune) bool {
	return r < 0x80 && !isLegacyCandidate(r) &&
		!('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
}

// legacyScore counts, over the words that hold legacy candidates, how many
// are well-formed Vietnamese syllables when read as is, as TCVN3 and as VNI.
type legacyScore struct {
	words, asIs, tcvn3, vni int
	// hornLetters counts "ö" and "ô": ư and ơ in VNI, among the most common
	// Vietnamese letters, but the rare ử and ụ in TCVN3. It settles a tie
	// between the two ("Löu" is VNI "Lưu" rather than TCVN3 "Lửu"). The
	// capitals do not count: "Ö" and "Ô" are the common ệ and ễ in TCVN3.
	hornLetters int
}

func (sc *legacyScore) add(word string) {
	if utf8.RuneCountInString(word) < 2 {
		// A single letter or mark ("â", "–", "¸") is common in Unicode text
		// and too short to tell anything.
		return
	}
	sc.words++
	sc.hornLetters += strings.Count(word, "ö") + strings.Count(word, "ô")
	// Nothing is trimmed: "§" or "¸" are TCVN3 letters, and a word that
	// keeps punctuation in a reading is not a syllable in that reading.
	if asIs := norm.NFC.String(word); isVietnameseSyllable(asIs) && hasNaturalCase(asIs) {
		sc.asIs++
	}
	if isVietnameseSyllable(DecodeTCVN3(word)) {
		sc.tcvn3++
	}
	if isVietnameseSyllable(DecodeVNI(word)) {
		sc.vni++
	}
}

// hasNaturalCase reports whether a word is lower case, capitalised or all
// capitals. Mojibake read as is often is not ("QuÕ" is TCVN3 "Quế"); a
// decoded word may be ("NGUYễN" is how .VnTime, which lacks capitals with
// tones, wrote "NGUYỄN"), so the rule applies to the text as is only.
func hasNaturalCase(w string) bool {
	upperSeen, lowerSeen := false, false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			if lowerSeen {
				return false
			}
			if i > 0 {
				upperSeen = true
			}
		case unicode.IsLower(r):
			if upperSeen {
				return false
			}
			lowerSeen = true
		}
	}
	return true
}

// verdict applies the rule described on DetectEncoding.
func (sc *legacyScore) verdict() Encoding {
	enc, best := TCVN3, sc.tcvn3
	if sc.vni > best || sc.vni == best && sc.hornLetters > 0 {
		enc, best = VNI, sc.vni
	}
	if best <= sc.asIs || 3*best < 2*sc.words {
		return Unicode
	}
	return enc
}

// ToUnicode detects the encoding of s (see DetectEncoding) and converts it:
// it returns the NFC text and the encoding found, Unicode when nothing had to
// change (invalid UTF-8 then becomes U+FFFD). With a .VnTimeH-style font the
// text is upper-cased, as the clerk saw it. Use it on raw cell text, before
// Clean.
func ToUnicode(s string, fontHint string) (string, Encoding) {
	nfc := norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	enc := DetectEncoding(s, fontHint)
	var out string
	switch enc {
	case TCVN3:
		if _, caps, _ := fontEncoding(fontHint); caps {
			out = DecodeTCVN3Caps(s)
		} else {
			out = DecodeTCVN3(s)
		}
	case VNI:
		out = DecodeVNI(s)
	default:
		return nfc, Unicode
	}
	if out == nfc {
		return nfc, Unicode
	}
	return out, enc
}
