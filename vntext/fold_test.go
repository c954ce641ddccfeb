package vntext

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Hoá", "hoa"},
		{"Hóa", "hoa"},
		{"hoa", "hoa"},
		{"Thuỷ", "thuy"},
		{"Thủy", "thuy"},
		{"ĐẶNG ĐẠI BÀNG", "dang dai bang"},
		{"Trường THPT số 2", "truong thpt so 2"},
		{"Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp", "phong pho bien giao duc phap luat so tu phap"},
		{"Số: 2871/QĐ-UBND", "so 2871 qd ubnd"},
		{"  Độc lập – Tự do — Hạnh phúc  ", "doc lap tu do hanh phuc"},
		{"Nguye\u0302\u0303n", "nguyen"},
		{"Nguy\u00ea\u0303n", "nguyen"},
		{"Khen\u00adthưởng", "khenthuong"},
		{"a\x00b", "ab"},
		{"a\u200bb", "a b"},
		{"ăâêôơưđ ĂÂÊÔƠƯĐ", "aaeooud aaeooud"},
		{"café Müller Straße Œuvre Øre", "cafe muller strasse oeuvre ore"},
		{"Ａｂｃ１２", "abc12"},
		{"Kelvin \u212a", "kelvin k"},
		{"Москва 2025", "2025"},
		{"“Toàn dân”", "toan dan"},
		{"already folded", "already folded"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%+q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldLettersToTheirBase(t *testing.T) {
	ascii := map[string]string{"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}
	for _, l := range letterRows(t) {
		want, ok := ascii[l.base]
		if !ok {
			want = l.base
		}
		for _, s := range []string{l.nfc, l.nfd} {
			if got := Fold(s); got != want {
				t.Errorf("Fold(%+q) = %q, want %q", s, got, want)
			}
		}
	}
}

func TestFoldEqualAcrossForms(t *testing.T) {
	for _, r := range formRows(t) {
		want := Fold(r.nfc)
		forms := map[string]string{
			"NFD":          r.nfd,
			"cp1258-style": r.cp1258Style,
			"TCVN3":        DecodeTCVN3(r.tcvn3),
			"VNI":          DecodeVNI(r.vni),
			"upper":        strings.ToUpper(r.nfc),
		}
		if r.tcvn3Caps != "" {
			forms["TCVN3 caps"] = DecodeTCVN3Caps(r.tcvn3Caps)
		}
		for form, s := range forms {
			if got := Fold(s); got != want {
				t.Errorf("%q: Fold(%s %+q) = %q, want %q", r.nfc, form, s, got, want)
			}
		}
	}
}

func TestFoldUnifiesTonePlacement(t *testing.T) {
	pairs := [][2]string{{"Minh Hóa", "Minh Hoá"}, {"Thủy", "Thuỷ"}, {"Khánh Hòa", "Khánh Hoà"}, {"Ủy ban", "Uỷ ban"}, {"Thượng úy", "Thượng uý"}}
	for _, p := range pairs {
		if Fold(p[0]) != Fold(p[1]) {
			t.Errorf("Fold(%q) = %q but Fold(%q) = %q", p[0], Fold(p[0]), p[1], Fold(p[1]))
		}
	}
}

func TestFoldAllocatesOnlyTheResult(t *testing.T) {
	name := "Nguyễn Thị Như Quỳnh"
	if n := testing.AllocsPerRun(100, func() { Fold(name) }); n > 1 {
		t.Errorf("Fold allocates %v times, want at most 1", n)
	}
	key := "nguyen thi nhu quynh"
	if n := testing.AllocsPerRun(100, func() { Fold(key) }); n != 0 {
		t.Errorf("Fold of a key allocates %v times, want 0", n)
	}
}
