package vntext

import (
	"bytes"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fuzzSeeds are the texts every fuzz target starts from: the real strings in
// all their forms plus a few troublemakers.
func fuzzSeeds(f *testing.F) []string {
	seeds := []string{"", " ", "a", "Đ/c Nguyễn Văn A", "Ông  Trương\u00a0Quang Sáng", "Thượng uý Lê",
		"\u0301", "a\u00ad\u0301", "Ð", "K\u212a", "\xff\xfe", "x\r\n\r\n\ny", "\u2028\u2029", "“Hà”", "Vò Linh Nhi"}
	for _, r := range formRows(f) {
		seeds = append(seeds, r.nfc, r.nfd, r.cp1258Style, r.tcvn3, r.vni, r.tcvn3Caps)
	}
	return seeds
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) || !norm.NFC.IsNormalString(c) {
			t.Fatalf("Clean(%+q) = %+q: not valid NFC", s, c)
		}
		if again := Clean(c); again != c {
			t.Fatalf("Clean is not idempotent: %+q -> %+q -> %+q", s, c, again)
		}
		if strings.HasPrefix(c, " ") || strings.HasSuffix(c, " ") || strings.Contains(c, "  ") {
			t.Fatalf("Clean(%+q) = %+q: untidy spaces", s, c)
		}
		for _, r := range c {
			if cl := classify(r); cl != classKeep {
				if r != ' ' && r != '-' {
					t.Fatalf("Clean(%+q) = %+q keeps %U", s, c, r)
				}
			}
		}
		if Fold(c) != Fold(s) {
			t.Fatalf("Fold(Clean(%+q)) = %q but Fold = %q", s, Fold(c), Fold(s))
		}
	})
}

func FuzzCleanMultiline(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CleanMultiline(s)
		if !utf8.ValidString(c) || !norm.NFC.IsNormalString(c) {
			t.Fatalf("CleanMultiline(%+q) = %+q: not valid NFC", s, c)
		}
		if again := CleanMultiline(c); again != c {
			t.Fatalf("not idempotent: %+q -> %+q -> %+q", s, c, again)
		}
		if strings.HasPrefix(c, "\n") || strings.HasSuffix(c, "\n") || strings.Contains(c, "\n\n\n") {
			t.Fatalf("CleanMultiline(%+q) = %+q: untidy blank lines", s, c)
		}
		for line := range strings.SplitSeq(c, "\n") {
			if Clean(line) != line {
				t.Fatalf("CleanMultiline(%+q) has an unclean line %+q", s, line)
			}
		}
	})
}

var foldKey = regexp.MustCompile(`^([a-z0-9]+( [a-z0-9]+)*)?$`)

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if !foldKey.MatchString(k) {
			t.Fatalf("Fold(%+q) = %q: not lower-case ASCII words", s, k)
		}
		if len(k) > len(s) {
			t.Fatalf("Fold(%+q) = %q is longer than its source", s, k)
		}
		if Fold(k) != k {
			t.Fatalf("Fold is not idempotent on %+q", s)
		}
		for form, v := range map[string]string{"NFC": norm.NFC.String(s), "NFD": norm.NFD.String(s), "Clean": Clean(s)} {
			if Fold(v) != k {
				t.Fatalf("Fold(%s(%+q)) = %q, want %q", form, s, Fold(v), k)
			}
		}
	})
}

func FuzzCompareSortKey(f *testing.F) {
	seeds := fuzzSeeds(f)
	for i, s := range seeds {
		f.Add(s, seeds[(i*7+3)%len(seeds)])
	}
	f.Add("Hoá", "Hóa")
	f.Add("An", "Anh")
	f.Fuzz(func(t *testing.T, a, b string) {
		c := Compare(a, b)
		if sign(c) != c {
			t.Fatalf("Compare(%+q, %+q) = %d, want -1, 0 or 1", a, b, c)
		}
		if Compare(b, a) != -c {
			t.Fatalf("Compare(%+q, %+q) is not antisymmetric", a, b)
		}
		if k := sign(bytes.Compare(SortKey(a), SortKey(b))); k != c {
			t.Fatalf("Compare(%+q, %+q) = %d but SortKey order is %d", a, b, c, k)
		}
		equal := Clean(a) == Clean(b)
		if (c == 0) != equal {
			t.Fatalf("Compare(%+q, %+q) = %d, but Clean equal is %v", a, b, c, equal)
		}
		if nk := bytes.Equal(NameSortKey(a), NameSortKey(b)); nk != equal {
			t.Fatalf("NameSortKey(%+q) == NameSortKey(%+q) is %v, but Clean equal is %v", a, b, nk, equal)
		}
		fa, ma, ga := SplitName(a)
		if got := strings.Join(slices.DeleteFunc([]string{fa, ma, ga}, func(s string) bool { return s == "" }), " "); got != Clean(a) {
			t.Fatalf("SplitName(%+q) parts %q %q %q do not rebuild %q", a, fa, ma, ga, Clean(a))
		}
	})
}

func FuzzSplitHonorific(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, h := range Honorifics() {
		f.Add(strings.ToUpper(h) + " Nguyễn Văn An")
	}
	f.Fuzz(func(t *testing.T, s string) {
		title, name := SplitHonorific(s)
		if title == "" {
			if name != Clean(s) {
				t.Fatalf("SplitHonorific(%+q) = %q, %q: no title, so want the cleaned input", s, title, name)
			}
			return
		}
		if !slices.Contains(Honorifics(), title) {
			t.Fatalf("SplitHonorific(%+q) title %q is not canonical", s, title)
		}
		if name == "" || Clean(name) != name {
			t.Fatalf("SplitHonorific(%+q) = %q, %q: name must be non-empty and clean", s, title, name)
		}
		if !strings.HasSuffix(Clean(s), name) {
			t.Fatalf("SplitHonorific(%+q) name %q is not the end of the input", s, name)
		}
	})
}

// vietnameseOnly keeps the characters of s that the legacy encoders know:
// printable ASCII and Vietnamese letters.
func vietnameseOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= ' ' && r < 0x7F {
			return r
		}
		if _, ok := vietLetters[r]; ok {
			return r
		}
		if _, ok := vietLetters[[]rune(strings.ToLower(string(r)))[0]]; ok && strings.ToUpper(strings.ToLower(string(r))) == string(r) {
			return r
		}
		return -1
	}, norm.NFC.String(s))
}

func FuzzDecodeTCVN3(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	encTCVN3, _ := legacyEncoders(f)
	f.Fuzz(func(t *testing.T, s string) {
		for name, d := range map[string]string{"DecodeTCVN3": DecodeTCVN3(s), "DecodeTCVN3Caps": DecodeTCVN3Caps(s)} {
			if !utf8.ValidString(d) || !norm.NFC.IsNormalString(d) {
				t.Fatalf("%s(%+q) = %+q: not valid NFC", name, s, d)
			}
		}
		v := vietnameseOnly(s)
		if got := DecodeTCVN3(encTCVN3(v)); got != v {
			t.Fatalf("DecodeTCVN3(TCVN3 of %+q) = %+q", v, got)
		}
	})
}

func FuzzDecodeVNI(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	_, encVNI := legacyEncoders(f)
	f.Fuzz(func(t *testing.T, s string) {
		d := DecodeVNI(s)
		if !utf8.ValidString(d) || !norm.NFC.IsNormalString(d) {
			t.Fatalf("DecodeVNI(%+q) = %+q: not valid NFC", s, d)
		}
		v := vietnameseOnly(s)
		if got := DecodeVNI(encVNI(v)); got != v {
			t.Fatalf("DecodeVNI(VNI of %+q) = %+q", v, got)
		}
	})
}

func FuzzToUnicode(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, "")
		f.Add(s, ".VnTimeH")
	}
	f.Add("abc", "VNI-Times")
	f.Fuzz(func(t *testing.T, s, font string) {
		out, enc := ToUnicode(s, font)
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Fatalf("ToUnicode(%+q, %q) = %+q: not valid NFC", s, font, out)
		}
		if enc == Unicode && out != norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD")) {
			t.Fatalf("ToUnicode(%+q, %q) = %+q, Unicode: changed the text", s, font, out)
		}
		if enc != Unicode && enc != DetectEncoding(s, font) {
			t.Fatalf("ToUnicode(%+q, %q) reports %v, DetectEncoding says %v", s, font, enc, DetectEncoding(s, font))
		}
		// Text that holds a Vietnamese letter no cp1252 byte produces is
		// genuine Unicode, font or not.
		for _, r := range s {
			if _, ok := legacyByte(r); !ok && r != utf8.RuneError {
				if enc != Unicode {
					t.Fatalf("ToUnicode(%+q, %q) converted genuine Unicode (%U)", s, font, r)
				}
				break
			}
		}
	})
}

func FuzzNumberInWords(f *testing.F) {
	for _, n := range []int64{0, 1, 5, 10, 15, 21, 24, 101, 1005, 7020000, 1e9, 1e15, math.MaxInt64, math.MinInt64, -1} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		w := NumberInWords(n)
		if back, err := parseNumberWords(w); err != nil || back != n {
			t.Fatalf("NumberInWords(%d) = %q reads back as %d (%v)", n, w, back, err)
		}
		if a := AmountInWords(n); !strings.HasSuffix(a, " đồng") || strings.ToLower(a[:1]) == a[:1] && a[0] < 0x80 {
			t.Fatalf("AmountInWords(%d) = %q", n, a)
		}
		digits := strings.ReplaceAll(FormatNumber(n), ".", "")
		if back, err := strconv.ParseInt(digits, 10, 64); err != nil || back != n {
			t.Fatalf("FormatNumber(%d) = %q", n, FormatNumber(n))
		}
	})
}

var decimalFormat = regexp.MustCompile(`^-?[0-9]{1,3}(\.[0-9]{3})*(,[0-9]*[1-9])?$`)

func FuzzFormatDecimal(f *testing.F) {
	f.Add(1.5, 2)
	f.Add(-1234567.891, 3)
	f.Add(0.0, 0)
	f.Fuzz(func(t *testing.T, x float64, decimals int) {
		decimals %= 20
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e20 {
			return
		}
		s := FormatDecimal(x, decimals)
		if !decimalFormat.MatchString(s) {
			t.Fatalf("FormatDecimal(%v, %d) = %q: bad shape", x, decimals, s)
		}
		back, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."), 64)
		if err != nil || math.Abs(back-x) > math.Pow10(-max(decimals, 0))/2*1.000001+math.Abs(x)*1e-15 {
			t.Fatalf("FormatDecimal(%v, %d) = %q reads back as %v", x, decimals, s, back)
		}
	})
}

// FuzzDecodeVIQR: any text decodes to valid NFC, and neither function panics.
func FuzzDecodeVIQR(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Add("Nguye^~n Va(n Ti`nh, Tru+o+ng Quang Sa'ng \\. dd DD")
	f.Fuzz(func(t *testing.T, s string) {
		d := DecodeVIQR(s)
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(d) || !norm.NFC.IsNormalString(d) {
			t.Fatalf("DecodeVIQR(%+q) = %+q: not valid NFC", s, d)
		}
		_ = LooksLikeVIQR(s)
	})
}
