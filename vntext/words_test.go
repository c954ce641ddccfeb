package vntext

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestNumberInWords(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "không"},
		{1, "một"},
		{4, "bốn"},
		{5, "năm"},
		{10, "mười"},
		{11, "mười một"},
		{14, "mười bốn"},
		{15, "mười lăm"},
		{20, "hai mươi"},
		{21, "hai mươi mốt"},
		{24, "hai mươi tư"},
		{25, "hai mươi lăm"},
		{55, "năm mươi lăm"},
		{99, "chín mươi chín"},
		{100, "một trăm"},
		{101, "một trăm linh một"},
		{104, "một trăm linh bốn"},
		{105, "một trăm linh năm"},
		{110, "một trăm mười"},
		{115, "một trăm mười lăm"},
		{121, "một trăm hai mươi mốt"},
		{1000, "một nghìn"},
		{1005, "một nghìn không trăm linh năm"},
		{1010, "một nghìn không trăm mười"},
		{1100, "một nghìn một trăm"},
		{10000, "mười nghìn"},
		{15000, "mười lăm nghìn"},
		{21000, "hai mươi mốt nghìn"},
		{100000, "một trăm nghìn"},
		{469100, "bốn trăm sáu mươi chín nghìn một trăm"},
		{1000000, "một triệu"},
		{1000500, "một triệu năm trăm"},
		{1000005, "một triệu không trăm linh năm"},
		{1020000, "một triệu không trăm hai mươi nghìn"},
		{1490000, "một triệu bốn trăm chín mươi nghìn"},
		{2340000, "hai triệu ba trăm bốn mươi nghìn"},
		{3510000, "ba triệu năm trăm mười nghìn"},
		{7020000, "bảy triệu không trăm hai mươi nghìn"},
		{1000000000, "một tỷ"},
		{1000000005, "một tỷ không trăm linh năm"},
		{1001000000, "một tỷ không trăm linh một triệu"},
		{5003000000000, "năm nghìn không trăm linh ba tỷ"},
		{1000000000000, "một nghìn tỷ"},
		{1000000000000000, "một triệu tỷ"},
		{1000000000000000000, "một tỷ tỷ"},
		{-1500, "âm một nghìn năm trăm"},
		{math.MaxInt64, "chín tỷ tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"},
		{math.MinInt64, "âm chín tỷ tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám"},
	}
	for _, tt := range tests {
		if got := NumberInWords(tt.n); got != tt.want {
			t.Errorf("NumberInWords(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestAmountInWords(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{7020000, "Bảy triệu không trăm hai mươi nghìn đồng"},
		{0, "Không đồng"},
		{3510000, "Ba triệu năm trăm mười nghìn đồng"},
		{-5000, "Âm năm nghìn đồng"},
	}
	for _, tt := range tests {
		if got := AmountInWords(tt.n); got != tt.want {
			t.Errorf("AmountInWords(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestNumberInWordsReadsBack(t *testing.T) {
	for n := int64(0); n <= 21000; n++ {
		checkReadsBack(t, n)
	}
	for n := int64(1); n > 0 && n < math.MaxInt64/7; n = n*7 + 3 {
		checkReadsBack(t, n)
		checkReadsBack(t, -n)
		checkReadsBack(t, n*1000)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		// Every magnitude, with runs of zero digits.
		n := rng.Int64() >> rng.UintN(63)
		if rng.IntN(2) == 0 {
			n -= n % int64(math.Pow10(rng.IntN(10)))
		}
		checkReadsBack(t, n)
	}
	checkReadsBack(t, math.MaxInt64)
	checkReadsBack(t, math.MinInt64)
}

func checkReadsBack(t *testing.T, n int64) {
	t.Helper()
	w := NumberInWords(n)
	got, err := parseNumberWords(w)
	if err != nil || got != n {
		t.Fatalf("NumberInWords(%d) = %q, which reads back as %d (%v)", n, w, got, err)
	}
}

// parseNumberWords reads Vietnamese number words back: a number is a run of
// segments below a billion, each followed by as many "tỷ" as it is worth
// ("chín tỷ tỷ hai trăm ... sáu tỷ tám trăm ..."), and within a segment
// "triệu" and "nghìn" multiply what was read since the previous scale.
func parseNumberWords(s string) (int64, error) {
	digits := map[string]uint64{"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
		"năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	words := strings.Fields(s)
	negative := len(words) > 0 && words[0] == "âm"
	if negative {
		words = words[1:]
	}
	var total, segment, small, last uint64
	endSegment := func() uint64 { v := segment + small + last; segment, small, last = 0, 0, 0; return v }
	for i := 0; i < len(words); i++ {
		w := words[i]
		if d, ok := digits[w]; ok {
			last = d
			continue
		}
		switch w {
		case "tỷ":
			v := endSegment()
			for i+1 < len(words) && words[i+1] == "tỷ" {
				v *= 1e9
				i++
			}
			total += v * 1e9
			continue
		case "triệu":
			segment += (small + last) * 1e6
			small = 0
		case "nghìn":
			segment += (small + last) * 1e3
			small = 0
		case "trăm":
			small += last * 100
		case "mười":
			small += 10
		case "mươi":
			small += last * 10
		case "linh":
		default:
			return 0, fmt.Errorf("unknown word %q", w)
		}
		last = 0
	}
	total += endSegment()
	if negative {
		return -int64(total), nil // wraps to MinInt64 as intended
	}
	return int64(total), nil
}
