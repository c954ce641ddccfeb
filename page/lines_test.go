package page

import (
	"strings"
	"testing"
)

func TestCover(t *testing.T) {
	serif := LookupFace(FontSerif, "")
	for _, c := range []struct {
		in, want, missing string
	}{
		{"Nguyễn Thị Ánh", "Nguyễn Thị Ánh", ""},
		{"hai\ndòng", "hai\ndòng", ""},
		{"tab\tở giữa", "tab ở giữa", ""},
		{"chữ Hán 漢字 漢", "chữ Hán ?? ?", "漢字"},
		{"hỏng \xff", "hỏng ?", "�"},
	} {
		got, missing := serif.Cover(c.in)
		if got != c.want || missing != c.missing {
			t.Errorf("Cover(%q) = %q, %q; want %q, %q", c.in, got, missing, c.want, c.missing)
		}
	}
}

func TestWrap(t *testing.T) {
	serif := LookupFace(FontSerif, "")
	const size = 13
	achievement := "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"
	for _, c := range []struct {
		name  string
		hard  []string
		w     float64
		lines int // 0: nil, a word is wider than w
	}{
		{"FitsOnOne", []string{"Sở Tư pháp"}, 100, 1},
		{"TwoBalanced", []string{achievement}, 150, 2},
		{"Three", []string{achievement}, 90, 3},
		{"HardLinesStay", []string{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, 200, 2},
		{"WordTooWide", []string{"Quyết định số 2871/QĐ-UBND"}, 15, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			lines := serif.Wrap(c.hard, c.w, size)
			if c.lines == 0 {
				if lines != nil {
					t.Fatalf("got %q, want nil", lines)
				}
				return
			}
			if len(lines) != c.lines {
				t.Fatalf("%d lines %q, want %d", len(lines), lines, c.lines)
			}
			if got, want := strings.Join(lines, " "), strings.Join(c.hard, " "); got != want {
				t.Errorf("words changed: %q, want %q", got, want)
			}
			widest, narrowest := 0.0, c.w
			for _, l := range lines {
				lw := serif.Width(l, size)
				if lw > c.w {
					t.Errorf("%q is %.1f mm wide, more than %g", l, lw, c.w)
				}
				widest, narrowest = max(widest, lw), min(narrowest, lw)
			}
			// Balanced: a paragraph's lines come out about even, not one full and a stub.
			if len(c.hard) == 1 && len(lines) > 1 && narrowest < widest*0.6 {
				t.Errorf("unbalanced lines %q", lines)
			}
		})
	}
}

func TestBreakChars(t *testing.T) {
	serif := LookupFace(FontSerif, "B")
	const size = 12
	for _, c := range []struct {
		name string
		in   string
		w    float64
		want string // the lines joined, spaces at the breaks gone
	}{
		{"LongNumber", "BK-2022-0001234567890/QĐ-UBND", 20, "BK-2022-0001234567890/QĐ-UBND"},
		{"SpacesAtBreaksGo", "AAAA AAAA AAAA", 11, "AAAAAAAAAAAA"},
		{"LetterWiderThanTheBox", "WĐW", 1, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			lines := serif.BreakChars(c.in, c.w, size)
			for _, l := range lines {
				if lw := serif.Width(l, size); lw > c.w {
					t.Errorf("%q is %.2f mm wide, more than %g", l, lw, c.w)
				}
			}
			if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != c.want {
				t.Errorf("lines %q, want the letters %q", lines, c.want)
			}
			if c.want != "" && len(lines) < 2 {
				t.Errorf("%q in %g mm: one line %q", c.in, c.w, lines)
			}
		})
	}
}
