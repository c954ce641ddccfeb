package vntext

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestSplitName(t *testing.T) {
	tests := []struct {
		in, family, middle, given string
	}{
		{"Nguyễn Thị Như Quỳnh", "Nguyễn", "Thị Như", "Quỳnh"},
		{"Trương Quang Sáng", "Trương", "Quang", "Sáng"},
		{"  Lê   Tiến ", "Lê", "", "Tiến"},
		{"Anh", "", "", "Anh"},
		{"", "", "", ""},
		{"Nguye\u0302\u0303n\u00a0Văn\tAn", "Nguyễn", "Văn", "An"},
		{"Tôn Nữ Thị Hoàng Anh", "Tôn", "Nữ Thị Hoàng", "Anh"},
	}
	for _, tt := range tests {
		f, m, g := SplitName(tt.in)
		if f != tt.family || m != tt.middle || g != tt.given {
			t.Errorf("SplitName(%q) = %q, %q, %q; want %q, %q, %q", tt.in, f, m, g, tt.family, tt.middle, tt.given)
		}
	}
}

func TestNameSortKeyOrder(t *testing.T) {
	// A one-word name has empty family and middle names, which sort first
	// among equal given names; case only breaks ties between equal names.
	want := []string{
		"Trần Văn An",
		"Đặng Đại Bàng",
		"Bình",
		"Nguyễn Thị Bình",
		"Lê Văn Bình",
		"Trần Văn Bình", // equal but for case: the bytes decide,
		"Trần văn Bình", // so the order is stable
		"trần Văn Bình",
		"Nguyễn Bính",
		"Lê Anh Bính",
		"Hoàng Thị Mỹ Linh",
		"Nguyễn Văn Tình",
	}
	for i := 0; i+1 < len(want); i++ {
		if bytes.Compare(NameSortKey(want[i]), NameSortKey(want[i+1])) >= 0 {
			t.Errorf("NameSortKey(%q) >= NameSortKey(%q)", want[i], want[i+1])
		}
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, func(a, b string) int { return bytes.Compare(NameSortKey(a), NameSortKey(b)) })
	if !slices.Equal(got, want) {
		t.Errorf("sorted:\n%q\nwant:\n%q", got, want)
	}
}

func TestNameSortKeyPrefixesOrderByWord(t *testing.T) {
	// "An" must come before "Anh" whatever follows in the other fields, so
	// field keys need a terminator below every key byte.
	pairs := [][2]string{
		{"Võ Văn An", "Ân Văn Anh"},
		{"Zơ An", "A Anh"},
		{"Lê An Bình", "Lê Anh Bình"},
		{"Lê Bình", "Lê An Bình"},
		{"Lê Thị Bình", "Lê Thị Ánh Bình"},
		{"Lê Bình", "Lê Thị Bình"},
	}
	for _, p := range pairs {
		if bytes.Compare(NameSortKey(p[0]), NameSortKey(p[1])) >= 0 {
			t.Errorf("NameSortKey(%q) >= NameSortKey(%q)", p[0], p[1])
		}
	}
}

func TestNameSortKeyEqualOnlyWhenCleanEqual(t *testing.T) {
	if !bytes.Equal(NameSortKey("Nguyễn Văn  Tình"), NameSortKey("Nguye\u0302\u0303n Văn Tình")) {
		t.Error("NFD and extra spaces change the key")
	}
	if bytes.Equal(NameSortKey("Nguyễn Văn Tình"), NameSortKey("Nguyễn Văn Tỉnh")) {
		t.Error("Tình and Tỉnh share a key")
	}
}

// generatedNames synthesises n realistic full names: family names drawn by
// their frequency, middle and given names from the boy and girl lists of
// vietnamese-namedb (MIT, see testdata/LICENSE.vietnamese-namedb.MIT.txt).
func generatedNames(tb testing.TB, n int) []string {
	tb.Helper()
	type family struct {
		name string
		cum  int
	}
	var families []family
	total := 0
	for i, r := range readTSV(tb, "family_name_freq.tsv") {
		c, err := strconv.Atoi(r["count"])
		if err != nil {
			tb.Fatalf("family_name_freq.tsv row %d: %v", i+2, err)
		}
		total += c
		families = append(families, family{r["family_name"], total})
	}
	var given []string
	for _, f := range []string{"boy.txt", "girl.txt"} {
		given = append(given, readLines(tb, f)...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	names := make([]string, n)
	for i := range names {
		x := rng.IntN(total)
		j, _ := slices.BinarySearchFunc(families, x+1, func(f family, v int) int { return f.cum - v })
		names[i] = families[j].name + " " + given[rng.IntN(len(given))]
	}
	return names
}

// realNames are generatedNames as the app would store them: the lists hold
// VNI mojibake ("Buøi", "Ñoã", "Vieät") and ETH (Ð) for Đ, which ToUnicode
// and Clean repair part by part (a whole name mixes mojibake and Unicode,
// which no real cell does).
func realNames(tb testing.TB, n int) []string {
	names := generatedNames(tb, n)
	for i, name := range names {
		words := strings.Fields(name)
		for j, w := range words {
			w, _ = ToUnicode(w, "")
			words[j] = Clean(w)
		}
		names[i] = strings.Join(words, " ")
	}
	return names
}

func readLines(tb testing.TB, name string) []string {
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return lines
}
