package cupstest

import (
	"bytes"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"khenthuong/assets/fonts"
)

// placed is a line of text at its baseline's start, in mm on a landscape page.
type placed struct {
	text, font string
	size, x, y float64
}

// inkPDF writes lines on a landscape A5 page, or, turned, on portrait A5
// paper with the page turned a quarter counter-clockwise as the Windows
// path turns it (the page's top-left corner at the paper's bottom-left).
func inkPDF(t *testing.T, lines []placed, turned bool) []byte {
	t.Helper()
	const w, h = 210.0, 148.0
	size := fpdf.SizeType{Wd: w, Ht: h}
	if turned {
		size = fpdf.SizeType{Wd: h, Ht: w}
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: size})
	for _, f := range []struct{ family, file string }{{"serif", "LiberationSerif-Regular.ttf"}, {"decor", "Vollkorn-BoldItalic.ttf"}} {
		data, err := fonts.Bytes(f.file)
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddUTF8FontFromBytes(f.family, "", data)
	}
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddPage()
	for _, l := range lines {
		pdf.SetFont(l.font, "", l.size)
		if !turned {
			pdf.Text(l.x, l.y, l.text)
			continue
		}
		x, y := l.y, w-l.x
		pdf.TransformBegin()
		pdf.TransformRotate(90, x, y)
		pdf.Text(x, y, l.text)
		pdf.TransformEnd()
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSameInk(t *testing.T) {
	written := []placed{
		{"Phòng Cảnh sát", "decor", 36, 20, 50},
		{"Số sổ vàng: BKCT-2024-0001", "serif", 10, 20, 100},
		{"− số", "serif", 10, 150, 120},
	}
	moved := func(i int, dx, dy float64) []placed {
		ls := append([]placed(nil), written...)
		ls[i].x += dx
		ls[i].y += dy
		return ls
	}
	tests := []struct {
		name    string
		printed []placed
		turned  bool
		wrong   string // a word the check must find out of place; "" for none
	}{
		{"the same page", written, false, ""},
		{"turned onto portrait paper", written, true, ""},
		{"a line 0.5 mm lower", moved(1, 0, 0.5), false, "vàng:"},
		{"a line 0.5 mm further along, turned", moved(2, 0.5, 0), true, "số"},
		{"a line 0.15 mm off, within the tolerance", moved(0, 0.15, -0.15), true, ""},
		{"a line missing", written[:2], false, "−"},
	}
	w := inkPDF(t, written, false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, dev, worst, err := SameInk(w, inkPDF(t, tt.printed, tt.turned), 0.3)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wrong == "" {
				if len(problems) > 0 || dev > 0.3 {
					t.Errorf("largest deviation %.2f mm (%s), problems: %v", dev, worst, problems)
				}
				return
			}
			if !strings.Contains(strings.Join(problems, "\n"), "“"+tt.wrong+"”") {
				t.Errorf("the check missed “%s” (largest deviation %.2f mm, %s): %v", tt.wrong, dev, worst, problems)
			}
		})
	}
}
