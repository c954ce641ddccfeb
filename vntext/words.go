package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

const billion = 1_000_000_000

// NumberInWords reads n aloud in standard Vietnamese, in lower case, as the
// "Bằng chữ" line of a payment list needs it: 7020000 → "bảy triệu không trăm
// hai mươi nghìn", 1005 → "một nghìn không trăm linh năm", 21 → "hai mươi
// mốt", 24 → "hai mươi tư", 15 → "mười lăm", 0 → "không", negatives start
// with "âm".
//
// It follows the convention of the VND-to-words macros accountants use: a
// group of three digits that is all zeros is skipped ("một triệu", "một triệu
// năm trăm"), a group after the first is read in full with "không trăm" and
// "linh" ("một triệu không trăm linh năm"), and larger numbers count tỷ
// ("năm nghìn không trăm linh ba tỷ", "một tỷ tỷ"), which covers every int64.
func NumberInWords(n int64) string {
	if n == 0 {
		return digitWords[0]
	}
	var w []string
	u := uint64(n)
	if n < 0 {
		w = append(w, "âm")
		u = uint64(-(n + 1)) + 1 // math.MinInt64 has no positive int64
	}
	return strings.Join(appendNumberWords(w, u, true, 0), " ")
}

// appendNumberWords appends the words for u > 0 followed by "tỷ" tys
// times. leading says whether u starts the number, in which case its first
// group is read short ("năm" rather than "không trăm linh năm"). Numbers of
// 10^9 and more are read as so many tỷ (recursively, so 10^18 is "một tỷ
// tỷ") and then the rest below a tỷ.
func appendNumberWords(w []string, u uint64, leading bool, tys int) []string {
	if u >= billion {
		w = appendNumberWords(w, u/billion, leading, tys+1)
		u %= billion
		leading = false
		if u == 0 {
			return w
		}
	}
	groups := [3]struct {
		value uint64
		name  string
	}{{u / 1_000_000, "triệu"}, {u / 1000 % 1000, "nghìn"}, {u % 1000, ""}}
	for _, g := range groups {
		if g.value == 0 {
			continue
		}
		w = appendGroupWords(w, int(g.value), !leading)
		if g.name != "" {
			w = append(w, g.name)
		}
		leading = false
	}
	for range tys {
		w = append(w, "tỷ")
	}
	return w
}

// appendGroupWords appends the words for 1 <= g <= 999. full reads the
// hundreds even when zero, as groups after the first are read.
func appendGroupWords(w []string, g int, full bool) []string {
	hundreds, tens, units := g/100, g/10%10, g%10
	if full || hundreds > 0 {
		w = append(w, digitWords[hundreds], "trăm")
	}
	switch {
	case tens == 0:
		if units == 0 {
			return w
		}
		if full || hundreds > 0 {
			w = append(w, "linh")
		}
		return append(w, digitWords[units])
	case tens == 1:
		w = append(w, "mười")
	default:
		w = append(w, digitWords[tens], "mươi")
	}
	switch {
	case units == 0:
	case units == 5:
		w = append(w, "lăm")
	case units == 1 && tens > 1:
		w = append(w, "mốt")
	case units == 4 && tens > 1:
		w = append(w, "tư")
	default:
		w = append(w, digitWords[units])
	}
	return w
}

// AmountInWords writes an amount of money for the "Bằng chữ" line: the
// number in words with a capital first letter, followed by "đồng":
// 7020000 → "Bảy triệu không trăm hai mươi nghìn đồng".
func AmountInWords(n int64) string {
	s := NumberInWords(n)
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:] + " đồng"
}
