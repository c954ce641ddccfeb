package vntext

import (
	"strings"
	"testing"
)

// legacyEncoders returns functions that write NFC text the way TCVN3 and VNI
// files show it in Excel, built from the letters table, so tests can turn any
// Vietnamese text into realistic mojibake.
func legacyEncoders(t testing.TB) (tcvn3, vni func(string) string) {
	toTCVN3, toVNI := map[rune]string{}, map[rune]string{}
	for _, l := range letterRows(t) {
		r := []rune(l.nfc)[0]
		toTCVN3[r], toVNI[r] = l.tcvn3, l.vni
	}
	encode := func(table map[rune]string) func(string) string {
		return func(s string) string {
			var b strings.Builder
			for _, r := range s {
				if e, ok := table[r]; ok {
					b.WriteString(e)
				} else {
					b.WriteRune(r)
				}
			}
			return b.String()
		}
	}
	return encode(toTCVN3), encode(toVNI)
}

// TestDetectEncodingOnGeneratedNames measures detection on 10,000 realistic
// names written in each legacy encoding. Single names can be ambiguous
// ("Vò Linh Nhi" is Unicode and TCVN3 for "Vũ Linh Nhi"), so a few misses
// are expected and logged; the test guards the rate. Genuine Unicode must
// never be taken for legacy text.
func TestDetectEncodingOnGeneratedNames(t *testing.T) {
	tcvn3, vni := legacyEncoders(t)
	names := realNames(t, 10000)
	checked, missed, wrongLegacy := 0, 0, 0
	for _, name := range names {
		if got := DetectEncoding(name, ""); got != Unicode {
			t.Errorf("DetectEncoding(%q) = %v, want Unicode", name, got)
		}
		for _, c := range []struct {
			enc Encoding
			s   string
		}{{TCVN3, tcvn3(name)}, {VNI, vni(name)}} {
			if c.s == name {
				continue // nothing to convert
			}
			checked++
			out, got := ToUnicode(c.s, "")
			switch {
			case got == c.enc:
				if out != name {
					t.Errorf("ToUnicode(%q) = %q, want %q", c.s, out, name)
				}
			case got == Unicode:
				missed++
				t.Logf("%v %q (%q) left as Unicode", c.enc, c.s, name)
			default:
				wrongLegacy++
				t.Logf("%v %q (%q) detected as %v", c.enc, c.s, name, got)
			}
		}
	}
	t.Logf("%d legacy names: %d left as Unicode, %d taken for the other encoding", checked, missed, wrongLegacy)
	if missed*100 > checked || wrongLegacy*500 > checked {
		t.Errorf("detection got worse: %d of %d missed, %d wrong encoding", missed, checked, wrongLegacy)
	}
}

func TestDetectEncodingOfAColumn(t *testing.T) {
	tcvn3, vni := legacyEncoders(t)
	names := realNames(t, 200)
	var tcvn3Column, vniColumn []string
	for _, n := range names {
		tcvn3Column = append(tcvn3Column, tcvn3(n))
		vniColumn = append(vniColumn, vni(n))
	}
	if got := DetectEncoding(strings.Join(names, "\n"), ""); got != Unicode {
		t.Errorf("Unicode column detected as %v", got)
	}
	if got := DetectEncoding(strings.Join(tcvn3Column, "\n"), ""); got != TCVN3 {
		t.Errorf("TCVN3 column detected as %v", got)
	}
	if got := DetectEncoding(strings.Join(vniColumn, "\n"), ""); got != VNI {
		t.Errorf("VNI column detected as %v", got)
	}
	// The cells that are ambiguous on their own decode right with the
	// column's verdict.
	for _, s := range []string{"Vò Linh Nhi", "Phan Tróc Mai"} {
		if got := DecodeTCVN3(s); DetectEncoding(s, "") != Unicode || got == s {
			t.Errorf("%q: expected an ambiguous cell that TCVN3 decoding changes, got %q", s, got)
		}
	}
}

// TestRepairsTheNameListsMojibake pins a trap in the shared name lists
// (family_name_freq.tsv, middle_name_freq.tsv of vietnamese-namedb): some
// rows are VNI text read as cp1252. Each is detected and repaired as it
// stands, including the misplaced tones the source itself had ("Huøynh").
func TestRepairsTheNameListsMojibake(t *testing.T) {
	found := map[string]string{
		"Buøi": "Bùi", "Döông": "Dương", "Ñoã": "Đỗ", "Ñinh": "Đinh", "Huøynh": "Hùynh", "Laâm": "Lâm",
		"Vuõ": "Vũ", "Ngoâ": "Ngô", "Taï": "Tạ", "Höùa": "Hứa", "Chaâu": "Châu", "Löu": "Lưu",
		"Löông": "Lương", "Ñoøan": "Đòan", "Toâ": "Tô", "Vieät": "Việt", "Tuaán": "Tuấn",
		"Hoøang": "Hòang", "Thuyø": "Thuỳ", "Xuaân": "Xuân", "Chuùc": "Chúc", "Thieän": "Thiện",
		"Vuõ Lam": "Vũ Lam", "Tuyeát": "Tuyết", "Caåm": "Cẩm", "Phöôùc": "Phước", "Baûo": "Bảo",
		"Toaïi": "Toại", "Tröôøng": "Trường", "Truùc": "Trúc", "Vónh": "Vĩnh", "Töû": "Tử",
		"Nhaát": "Nhất", "Hoøang Anh": "Hòang Anh", "Thieân": "Thiên", "Truøng": "Trùng",
		"Minh Höõu": "Minh Hữu",
	}
	for in, want := range found {
		if out, enc := ToUnicode(in, ""); enc != VNI || out != want {
			t.Errorf("ToUnicode(%q) = %q, %v; want %q, VNI", in, out, enc, want)
		}
	}
	// Their neighbours in the same lists are genuine Unicode.
	for _, s := range []string{"Lâm", "Châu", "Thân", "Nhâm", "Khâu", "Tô", "Hà", "Lê", "Hồ", "Vũ"} {
		if out, enc := ToUnicode(s, ""); enc != Unicode || out != s {
			t.Errorf("ToUnicode(%q) = %q, %v; want it unchanged", s, out, enc)
		}
	}
}
