package vntext

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// checkOrder asserts that want is in strictly increasing order under both
// Compare and SortKey, and that sorting a reversed copy restores it.
func checkOrder(t *testing.T, want []string) {
	t.Helper()
	for i := 0; i+1 < len(want); i++ {
		a, b := want[i], want[i+1]
		if c := Compare(a, b); c >= 0 {
			t.Errorf("Compare(%q, %q) = %d, want < 0", a, b, c)
		}
		if c := Compare(b, a); c <= 0 {
			t.Errorf("Compare(%q, %q) = %d, want > 0", b, a, c)
		}
		if c := bytes.Compare(SortKey(a), SortKey(b)); c >= 0 {
			t.Errorf("SortKey(%q) >= SortKey(%q)", a, b)
		}
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %q, want %q", got, want)
	}
}

func TestCompareAlphabet(t *testing.T) {
	checkOrder(t, strings.Fields("a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y"))
}

func TestCompareTones(t *testing.T) {
	// none < huyền < hỏi < ngã < sắc < nặng
	checkOrder(t, []string{"a", "à", "ả", "ã", "á", "ạ"})
	checkOrder(t, []string{"ma", "mà", "mả", "mã", "má", "mạ"})
}

func TestCompareLettersBeforeTones(t *testing.T) {
	// Letters decide first: "an" < "ăn" whatever the tones; tones decide
	// only between equal letters.
	checkOrder(t, []string{"án", "ăn", "bác", "đa", "Đà", "đá"})
	checkOrder(t, []string{"Bình", "Bính", "Bình An"})
}

func TestCompareCaseOnlyBreaksTies(t *testing.T) {
	checkOrder(t, []string{"an", "An", "AN", "anh", "Anh"})
	checkOrder(t, []string{"bình", "Bình", "bính"})
}

func TestCompareEqualOnlyWhenCleanEqual(t *testing.T) {
	equal := [][2]string{
		{"Nguyễn Văn Tình", "Nguye\u0302\u0303n  Văn\u00a0Tình "},
		{"Hoá", "Hoa\u0301"},
		{"", "  "},
	}
	for _, p := range equal {
		if c := Compare(p[0], p[1]); c != 0 {
			t.Errorf("Compare(%q, %q) = %d, want 0", p[0], p[1], c)
		}
		if !bytes.Equal(SortKey(p[0]), SortKey(p[1])) {
			t.Errorf("SortKey(%q) != SortKey(%q)", p[0], p[1])
		}
	}
	different := [][2]string{{"Hoá", "Hóa"}, {"Thuỷ", "Thủy"}, {"a", "A"}, {"a-b", "a b"}}
	for _, p := range different {
		if c := Compare(p[0], p[1]); c == 0 {
			t.Errorf("Compare(%q, %q) = 0, want them ordered", p[0], p[1])
		}
		if c := Compare(p[0], p[1]); c != -Compare(p[1], p[0]) {
			t.Errorf("Compare(%q, %q) is not antisymmetric", p[0], p[1])
		}
	}
}

func TestSortKeyAgreesWithCompare(t *testing.T) {
	var all []string
	for _, r := range formRows(t) {
		all = append(all, r.nfc, r.nfd, strings.ToUpper(r.nfc), strings.ToLower(r.nfc))
	}
	for _, l := range letterRows(t) {
		all = append(all, l.nfc, l.nfc+"n", "x"+l.nfd)
	}
	all = append(all, "", " ", "a", "a b", "ab", "a\x00", "1", "10", "2", "Đ/c", "-")
	keys := make([][]byte, len(all))
	for i, s := range all {
		keys[i] = SortKey(s)
	}
	for i, a := range all {
		for j, b := range all[i:] {
			c, k := Compare(a, b), sign(bytes.Compare(keys[i], keys[i+j]))
			if c != k {
				t.Fatalf("Compare(%q, %q) = %d but SortKey order is %d", a, b, c, k)
			}
		}
	}
}

func TestCompareConcurrent(t *testing.T) {
	names := realNames(t, 2000)
	want := slices.Clone(names)
	slices.SortFunc(want, Compare)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			keys := make(map[string][]byte, len(names))
			for _, n := range names {
				keys[n] = SortKey(n)
			}
			got := slices.Clone(names)
			slices.SortFunc(got, func(a, b string) int { return bytes.Compare(keys[a], keys[b]) })
			for i := range got {
				if got[i] != want[i] {
					errs <- fmt.Errorf("goroutine %d: position %d = %q, want %q", g, i, got[i], want[i])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
