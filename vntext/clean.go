package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// runeClass says what Clean does with a character. Fold uses the same
// classification so that Fold(Clean(s)) == Fold(s) holds by construction.
type runeClass uint8

const (
	classKeep  runeClass = iota
	classSpace           // collapses with its neighbours into one ASCII space
	classDash            // becomes "-"
	classDrop            // removed without a trace
	classEth             // Ð or ð, always a mistake for Đ or đ in Vietnamese text
)

// classify sorts a character into what Clean does with it.
func classify(r rune) runeClass {
	if r < utf8.RuneSelf {
		switch {
		case r == ' ' || r >= '\t' && r <= '\r':
			return classSpace
		case r < ' ' || r == 0x7F:
			return classDrop
		}
		return classKeep
	}
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		// Zero-width spaces and joiners arrive from web pages and Word and
		// are taken as word separators; a BOM left at the start of a CSV
		// cell must not survive either.
		return classSpace
	case 0x00AD:
		// A soft hyphen is invisible in Excel and breaks search; in TCVN3
		// text it is really "ư", which DecodeTCVN3 handles before Clean.
		return classDrop
	case 0x2212:
		return classDash
	case 'Ð', 'ð':
		// ETH looks exactly like Đ and is what Windows-1258 text read as
		// cp1252 turns Đ/đ into (the byte 0xD0/0xF0); name lists are full
		// of it. Vietnamese has no eth, so it is always a wrong Đ/đ.
		return classEth
	case 0x200E, 0x200F, 0x061C:
		// Bidi marks: invisible, meaningless in Vietnamese text, and they
		// make two equal-looking names differ.
		return classDrop
	}
	switch {
	case r >= 0x2010 && r <= 0x2015:
		return classDash
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return classDrop // bidi embeddings and isolates, see above
	case unicode.IsSpace(r):
		return classSpace
	case r >= 0x80 && r <= 0x9F:
		return classDrop // C1 controls (U+0085 is caught by IsSpace above)
	}
	return classKeep
}

// Clean returns s as NFC with surrounding space trimmed, every run of white
// space (including NBSP, tabs, line breaks, zero-width spaces and joiners and
// U+FEFF) collapsed to one ASCII space, dash variants (U+2010–U+2015, U+2212)
// turned into "-", and control characters, soft hyphens and bidi marks
// removed. Typographic quotes are kept: they are deliberate. The look-alike
// ETH (Ð, ð) becomes Đ, đ: Vietnamese has no eth, and a name with it would
// not match the same name typed correctly.
//
// Windows-1258-style mixes (a precomposed base with a separate combining
// tone) and NFD input become NFC, so equal-looking text is equal in storage.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		switch classify(r) {
		case classSpace:
			pendingSpace = b.Len() > 0
			continue
		case classDrop:
			continue
		case classDash:
			r = '-'
		case classEth:
			r = ethToD(r)
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(r) // invalid UTF-8 arrives here as U+FFFD
	}
	return norm.NFC.String(b.String())
}

// ethToD returns the Vietnamese letter a look-alike eth stands for.
func ethToD(r rune) rune {
	if r == 'Ð' {
		return 'Đ'
	}
	return 'đ'
}

// isClean reports whether Clean would return s unchanged, so that cleaning
// stored text again (Compare and the sort keys do) costs a scan and no
// allocation.
func isClean(s string) bool {
	prevSpace := true // a leading space is not clean
	needNFCCheck := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' && !prevSpace:
				prevSpace = true
				continue
			case c <= ' ' || c == 0x7F:
				return false
			}
			prevSpace = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || classify(r) != classKeep {
			return false
		}
		i += size
		prevSpace = false
		needNFCCheck = needNFCCheck || !isNFCStarter(r)
	}
	if prevSpace && len(s) > 0 {
		return false
	}
	return !needNFCCheck || norm.NFC.IsNormalString(s)
}

// isNFCStarter reports whether r is in a block where every character is
// NFC on its own and never combines with the character before it: the
// Latin blocks up to U+02FF and Latin Extended Additional, which hold all
// Vietnamese letters. Text made of such characters only is NFC, which saves
// the full check on nearly every stored name (TestNFCStarterBlocks).
func isNFCStarter(r rune) bool {
	return r < 0x0300 || r >= latinExtLow && r <= latinExtHigh
}

// CleanMultiline is Clean for each line of a multi-line cell or text box. It
// keeps line breaks as "\n" (CRLF, CR, U+2028 and U+2029 become "\n"), drops
// blank lines at the start and end, and collapses runs of blank lines to one
// so that paragraphs survive but stray Alt+Enter presses do not.
func CleanMultiline(s string) string {
	s = lineBreaks.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	blankPending := false
	for line := range strings.SplitSeq(s, "\n") {
		line = Clean(line)
		if line == "" {
			blankPending = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blankPending {
				b.WriteByte('\n')
			}
		}
		blankPending = false
		b.WriteString(line)
	}
	return b.String()
}

// lineBreaks unifies every kind of line break; built once, it is used on every import cell.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n")
