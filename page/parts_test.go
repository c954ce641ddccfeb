package page

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// A document longer than a part (partPages) is drawn in parts whose pages
// are put together at the end: the text and every pixel of every page are
// those of the same document drawn in one part, with its borders shared,
// a table of many lines per page, letters met only in later parts, a
// picture, pages of another size and colours carried across pages.
func TestLongDocumentInPartsIsTheSame(t *testing.T) {
	border := make([]Shape, 40) // stored once as a form XObject
	for i := range border {
		d := 5 + float64(i)*0.4
		border[i] = Shape{Kind: ShapeRect, X: d, Y: d, W: 210 - 2*d, H: 297 - 2*d, LineWidth: 0.3, Stroke: RGB{R: 150}}
	}
	emblem := pngFile(t, 20, 20, image.Black.C)
	words := []string{"Nguyễn Văn An", "Trần Thị Bích", "Đặng Ngọc Ửng", "Hồ Sĩ Quỳnh", "Lê Ỷ Lạc"}
	var pages []Page
	for i := range 11 {
		p := Page{Width: 210, Height: 297}
		if i == 7 {
			p.Width, p.Height = 297, 210
		}
		if i%2 == 0 {
			p.Shapes = border
		} else {
			for r := range 36 { // a table's lines, unique to the page
				y := 30 + float64(r)*6 + float64(i)
				p.Shapes = append(p.Shapes, Shape{Kind: ShapeLine, Points: []Point{{X: 20, Y: y}, {X: 190, Y: y}}, LineWidth: 0.2})
			}
		}
		if i == 5 {
			p.Images = []Image{{Path: emblem, X: 95, Y: 10, W: 20, H: 20}}
		}
		style := []string{"", "B", "I", "BI"}[i%4]
		color := RGB{}
		if i%3 == 2 {
			color = RGB{R: 0xC6, G: 0x28, B: 0x28} // the page after starts black
		}
		p.Texts = []Text{
			line(FontSerif, "", 13, 30, 40, RGB{}, "Trang "+strconv.Itoa(i+1)),
			line(FontSerif, style, 14, 30, 60, color, words[i%len(words)]),
		}
		if i == 9 {
			p.Texts = append(p.Texts, line(FontSerif, "B", 14, 30, 80, RGB{}, "Chữ chỉ có ở phần sau: Ỹ ỹ Ự ự"))
		}
		pages = append(pages, p)
	}
	write := func(name string, per int) string {
		defer func(old int) { partPages = old }(partPages)
		partPages = per
		pdf := NewPDF("Nhiều phần")
		for i := range pages {
			p := pages[i]
			if err := pdf.Add(&p); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := pdf.Finish(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	whole, parts := write("whole.pdf", 1000), write("parts.pdf", 3)
	if a, b := poppler(t, "pdftotext", "-layout", "-enc", "UTF-8", whole, "-"), poppler(t, "pdftotext", "-layout", "-enc", "UTF-8", parts, "-"); !bytes.Equal(a, b) {
		t.Errorf("text differs:\n%s\n---\n%s", a, b)
	}
	if a, b := pdfSizes(t, whole, len(pages)), pdfSizes(t, parts, len(pages)); !equalSizes(a, b) {
		t.Errorf("page sizes %v, in parts %v", a, b)
	}
	for n := 1; n <= len(pages); n++ {
		a, b := render(t, whole, n, 40), render(t, parts, n, 40)
		if !samePixels(a, b) {
			t.Errorf("page %d renders differently in parts", n)
		}
	}
}

func equalSizes(a, b [][2]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

// A document abandoned halfway (the data failed to read) leaves no spool
// file behind, nor does a finished one.
func TestPartsLeaveNoSpool(t *testing.T) {
	defer func(old int) { partPages = old }(partPages)
	partPages = 2
	for _, finish := range []bool{false, true} {
		dir := t.TempDir()
		t.Setenv("TMPDIR", dir)
		pdf := NewPDF("Bỏ dở")
		for i := range 5 {
			p := Page{Width: 210, Height: 297, Texts: []Text{line(FontSerif, "", 12, 30, 40, RGB{}, "Trang "+strconv.Itoa(i+1))}}
			if err := pdf.Add(&p); err != nil {
				t.Fatal(err)
			}
		}
		if es, _ := os.ReadDir(dir); len(es) != 1 {
			t.Fatalf("%d files in the temporary folder while writing, want the spool", len(es))
		}
		if finish {
			var buf bytes.Buffer
			if err := pdf.Finish(&buf); err != nil {
				t.Fatal(err)
			}
		}
		pdf.Close()
		if es, _ := os.ReadDir(dir); len(es) != 0 {
			t.Errorf("finish %v: %s left in the temporary folder", finish, es[0].Name())
		}
	}
}
