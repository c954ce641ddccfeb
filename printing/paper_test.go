package printing

import (
	"reflect"
	"strings"
	"testing"

	"khenthuong/page"
)

func TestPaperFor(t *testing.T) {
	for _, tc := range []struct {
		w, h   float64
		name   string
		custom bool
	}{
		{420, 297, "A3", false},
		{297, 420, "A3", false},
		{210, 297, "A4", false},
		{210.2, 296.8, "A4", false},
		{250, 180, "180×250 mm", true},
	} {
		p, ok := PaperFor(tc.w, tc.h)
		if p.Name != tc.name || ok == tc.custom {
			t.Errorf("PaperFor(%g, %g) = %q, %v; want %q", tc.w, tc.h, p.Name, ok, tc.name)
		}
	}
}

func TestParsePages(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want []int
		err  string
	}{
		{"", 3, []int{0, 1, 2}, ""},
		{"tất cả", 2, []int{0, 1}, ""},
		{"1-3, 7", 10, []int{0, 1, 2, 6}, ""},
		{"2;4", 5, []int{1, 3}, ""},
		{"3-1", 5, nil, "Trang “3-1” không hợp lệ"},
		{"a", 5, nil, "Trang “a” không hợp lệ"},
		{"9", 5, nil, "chỉ có 5 trang"},
	} {
		got, err := ParsePages(tc.in, tc.n)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParsePages(%q) err = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParsePages(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestFontNamesForGDI(t *testing.T) {
	for _, tc := range []struct {
		family, style       string
		wantFamily, wantSub string
		wantWeight          int
		wantItalic          bool
	}{
		{"serif", "", "Liberation Serif", "Regular", 400, false},
		{"serif", "BI", "Liberation Serif", "Bold Italic", 700, true},
		{"decor", "", "Vollkorn", "Bold Italic", 700, true},
	} {
		f := page.LookupFace(tc.family, tc.style)
		fam, sub := fontName(f.Data())
		w, it := fontStyle(sub)
		if fam != tc.wantFamily || sub != tc.wantSub || w != tc.wantWeight || it != tc.wantItalic {
			t.Errorf("%s %q: %q %q (%d, %v), want %q %q", tc.family, tc.style, fam, sub, w, it, tc.wantFamily, tc.wantSub)
		}
	}
}
