package page

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
)

// poppler runs a poppler tool and fails (never skips) when it is missing or
// complains about the file: a reader that has to repair a PDF is a bug in
// the writer.
func poppler(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s không có trên máy: cài gói poppler-utils (apt-get install poppler-utils) để chạy kiểm thử PDF", name)
	}
	cmd := exec.Command(path, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// writeFile writes the pages with WritePDF into a temporary file.
func writeFile(t testing.TB, pages ...Page) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, "Trang thử", pages); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pages.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// line is a line of text on the page, the way tests place it: the face's own
// width and ascent at that size.
func line(family, style string, size, x, baseline float64, color RGB, s string) Text {
	f := LookupFace(family, style)
	return Text{Field: -1, X: x, Baseline: baseline, Width: f.Width(s, size),
		Ascent: f.Ascent * size * MMPerPt, Descent: f.Descent * size * MMPerPt,
		Font: f.Family, Style: f.Style, Size: size, Color: color, Text: s}
}

// Every Vietnamese letter, in every bundled face, comes back from the PDF
// as the same NFC letter.
func TestEveryLetterSurvivesThePDF(t *testing.T) {
	letters := strings.Join(vietnameseLetters(t), " ")
	var pages []Page
	for _, face := range AllFaces() {
		p := Page{Width: 420, Height: 297}
		for i, l := range face.Wrap([]string{letters}, 400, 20) {
			p.Texts = append(p.Texts, line(face.Family, face.Style, 20, 10, 20+float64(i)*12, RGB{}, l))
		}
		pages = append(pages, p)
	}
	out := strings.Split(string(poppler(t, "pdftotext", "-enc", "UTF-8", writeFile(t, pages...), "-")), "\f")
	nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for i, face := range AllFaces() {
		// pdftotext may not see the spaces between single letters; the letters are what counts.
		if nospace(out[i]) != nospace(letters) {
			t.Errorf("%s: got\n%s\nwant\n%s", face.File, out[i], letters)
		}
	}
}

// word is a word box from pdftotext -bbox, in mm.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// words returns the words of each page of the PDF.
func words(t testing.TB, path string) [][]word {
	t.Helper()
	var pages [][]word
	for _, pg := range strings.Split(string(poppler(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")), "<page ")[1:] {
		var ws []word
		for _, m := range bboxWord.FindAllStringSubmatch(pg, -1) {
			var v [4]float64
			for i := range v {
				f, err := strconv.ParseFloat(m[i+1], 64)
				if err != nil {
					t.Fatal(err)
				}
				v[i] = f * MMPerPt
			}
			ws = append(ws, word{unescape(m[5]), v[0], v[1], v[2], v[3]})
		}
		pages = append(pages, ws)
	}
	return pages
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}

// pdfSizes returns each page's size in mm, as pdfinfo reads it.
func pdfSizes(t testing.TB, path string, n int) [][2]float64 {
	t.Helper()
	out := string(poppler(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(n), path))
	var sizes [][2]float64
	for _, m := range regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w * MMPerPt, h * MMPerPt})
	}
	return sizes
}

// render draws page n (1-based) at dpi and returns it.
func render(t testing.TB, path string, n, dpi int) image.Image {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	poppler(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-png", "-singlefile", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), path, prefix)
	data, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// pngFile writes a w × h picture of one colour.
func pngFile(t testing.TB, w, h int, c color.Color) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "anh.png")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The PDF has each page's size and every text where the page says, in its
// face and size: checked on the word boxes pdftotext reads back.
func TestWritePDFPlacesEveryText(t *testing.T) {
	red := RGB{R: 0xC6, G: 0x28, B: 0x28}
	pages := []Page{
		{Width: 210, Height: 297, Texts: []Text{
			line(FontSerif, "", 13, 25, 30, RGB{}, "Quyết"),
			line(FontSerif, "B", 13, 120.5, 30, RGB{}, "ĐỘC"),
			line(FontSerif, "I", 9, 25, 280, red, "Trang"),
			line(FontSerif, "BI", 24, 60, 150, RGB{}, "Nguyễn"),
		}},
		{Width: 420, Height: 297, Texts: []Text{
			line(FontDecor, "", 36, 100, 120, red, "Trương"),
			line(FontSerif, "B", 20, 300, 290, RGB{}, "2871/QĐ-UBND"),
		}},
		{Width: 250, Height: 180, Texts: []Text{line(FontSerif, "", 6, 5, 10, RGB{}, "Ưng")}},
	}
	path := writeFile(t, pages...)
	sizes := pdfSizes(t, path, len(pages))
	got := words(t, path)
	if len(sizes) != len(pages) || len(got) != len(pages) {
		t.Fatalf("%d sizes and %d pages of words read back, want %d", len(sizes), len(got), len(pages))
	}
	const tol = 0.15 // mm: poppler rounds, fpdf writes 1/100 pt
	for i, p := range pages {
		if math.Abs(sizes[i][0]-p.Width) > tol || math.Abs(sizes[i][1]-p.Height) > tol {
			t.Errorf("page %d: %.2f × %.2f mm, want %g × %g", i+1, sizes[i][0], sizes[i][1], p.Width, p.Height)
		}
		if len(got[i]) != len(p.Texts) {
			t.Errorf("page %d: %d words %v, want %d", i+1, len(got[i]), got[i], len(p.Texts))
		}
		for _, tx := range p.Texts {
			found := false
			for _, w := range got[i] {
				if w.text != tx.Text {
					continue
				}
				found = true
				if math.Abs(w.xMin-tx.X) > tol || math.Abs(w.xMax-(tx.X+tx.Width)) > tol ||
					math.Abs(w.yMin-tx.Top()) > tol || math.Abs(w.yMax-(tx.Baseline+tx.Descent)) > tol {
					t.Errorf("page %d %q: PDF box [%.2f %.2f %.2f %.2f], page [%.2f %.2f %.2f %.2f]", i+1, tx.Text,
						w.xMin, w.yMin, w.xMax, w.yMax, tx.X, tx.Top(), tx.X+tx.Width, tx.Baseline+tx.Descent)
				}
			}
			if !found {
				t.Errorf("page %d: %q not in the PDF (%v)", i+1, tx.Text, got[i])
			}
		}
	}
}

// Shapes are filled and outlined in their colours, and an image keeps its
// aspect ratio, centred in its box: checked on pixels of the rendered page.
func TestWritePDFDrawsShapesAndImages(t *testing.T) {
	red, blue, green := RGB{R: 220}, RGB{B: 220}, color.NRGBA{G: 200, A: 255}
	p := Page{Width: 200, Height: 100,
		Shapes: []Shape{
			{Kind: ShapeRect, X: 10, Y: 10, W: 30, H: 20, Filled: true, Fill: red},
			{Kind: ShapeCircle, X: 70, Y: 20, R: 10, Filled: true, Fill: blue, LineWidth: 1, Stroke: red},
			{Kind: ShapeRect, X: 10, Y: 50, W: 30, H: 30, LineWidth: 2, Stroke: blue}, // outline only
			{Kind: ShapePolygon, Points: []Point{{X: 60, Y: 50}, {X: 90, Y: 50}, {X: 75, Y: 80}}, Filled: true, Fill: red},
			{Kind: ShapeLine, Points: []Point{{X: 100, Y: 95}, {X: 190, Y: 95}}, LineWidth: 2, Stroke: blue},
		},
		// A picture twice as wide as high in a square box: a band above and below stays white.
		Images: []Image{{Path: pngFile(t, 100, 50, green), X: 120, Y: 10, W: 60, H: 60}},
	}
	img := render(t, writeFile(t, p), 1, 100)
	at := func(xmm, ymm float64) color.NRGBA {
		const pxPerMM = 100 / 25.4
		return color.NRGBAModel.Convert(img.At(int(xmm*pxPerMM), int(ymm*pxPerMM))).(color.NRGBA)
	}
	near := func(c color.NRGBA, r, g, b uint8) bool {
		d := func(a, b uint8) bool { return math.Abs(float64(a)-float64(b)) < 40 }
		return d(c.R, r) && d(c.G, g) && d(c.B, b)
	}
	for _, c := range []struct {
		what    string
		x, y    float64
		r, g, b uint8
	}{
		{"filled rectangle", 25, 20, 220, 0, 0},
		{"filled circle", 70, 20, 0, 0, 220},
		{"circle's outline", 70, 10.1, 220, 0, 0},
		{"inside an outline", 25, 65, 255, 255, 255},
		{"outline's edge", 10, 65, 0, 0, 220},
		{"polygon", 75, 60, 220, 0, 0},
		{"line", 150, 95, 0, 0, 220},
		{"image's centre", 150, 40, 0, 200, 0},
		{"band above the image", 150, 15, 255, 255, 255},
		{"band below the image", 150, 68, 255, 255, 255},
		{"image's left edge", 121, 40, 0, 200, 0},
		{"outside everything", 100, 40, 255, 255, 255},
	} {
		if got := at(c.x, c.y); !near(got, c.r, c.g, c.b) {
			t.Errorf("%s at (%g, %g) mm: %v, want about (%d, %d, %d)", c.what, c.x, c.y, got, c.r, c.g, c.b)
		}
	}
}

// A border drawn on many pages is stored once, as one form XObject every
// page uses; another border is another XObject.
func TestWritePDFStoresABorderOnce(t *testing.T) {
	border := func(inset float64) []Shape {
		var s []Shape
		for i := range 40 {
			d := inset + float64(i)*0.5
			s = append(s, Shape{Kind: ShapeRect, X: d, Y: d, W: 210 - 2*d, H: 297 - 2*d, LineWidth: 0.6, Stroke: RGB{R: 150}})
		}
		return s
	}
	shared, copied, other := border(5), border(5), border(8)
	var pages []Page
	for i := range 6 {
		p := Page{Width: 210, Height: 297, Shapes: shared, Texts: []Text{line(FontSerif, "", 12, 50, 100, RGB{}, "Trang"+strconv.Itoa(i+1))}}
		switch i {
		case 3:
			p.Shapes = copied // the same shapes in another slice
		case 5:
			p.Shapes = other
		}
		pages = append(pages, p)
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, "Viền", pages); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("/Subtype /Form")); n != 2 {
		t.Errorf("%d form XObjects, want 2 (one per border)", n)
	}
	path := filepath.Join(t.TempDir(), "vien.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, ws := range words(t, path) {
		if len(ws) != 1 || ws[0].text != "Trang"+strconv.Itoa(i+1) {
			t.Errorf("page %d: %v", i+1, ws)
		}
	}
	// Each page shows its own border: 6 mm from the top lies within the first
	// border's lines (5 to 25 mm) and above the other's (from 8 mm).
	for _, c := range []struct {
		page   int
		border bool
	}{{1, true}, {4, true}, {6, false}} {
		img := render(t, path, c.page, 100)
		pxPerMM := 100 / 25.4
		px := color.NRGBAModel.Convert(img.At(int(105*pxPerMM), int(6*pxPerMM))).(color.NRGBA)
		if dark := px.G < 200; dark != c.border {
			t.Errorf("page %d: pixel %v 6 mm from the top, border there: %v", c.page, px, c.border)
		}
	}
}

func TestWritePDFErrors(t *testing.T) {
	notImage := filepath.Join(t.TempDir(), "quoc-huy.png")
	if err := os.WriteFile(notImage, []byte("not a picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "khong-co.png")
	a4 := func(im Image, tx Text) []Page {
		p := Page{Width: 210, Height: 297}
		if im.Path != "" {
			p.Images = []Image{im}
		}
		if tx.Text != "" {
			p.Texts = []Text{tx}
		}
		return []Page{p}
	}
	for _, c := range []struct {
		name  string
		pages []Page
		code  string
		says  string
	}{
		{"NoPages", nil, khenthuong.EINVALID, "Không có trang nào"},
		{"MissingImage", a4(Image{Path: missing, X: 10, Y: 10, W: 20, H: 20}, Text{}), khenthuong.EINVALID, "khong-co.png"},
		{"NotAnImage", a4(Image{Path: notImage, X: 10, Y: 10, W: 20, H: 20}, Text{}), khenthuong.EINVALID, "PNG, JPEG hoặc GIF"},
		{"UnknownFont", a4(Image{}, Text{Font: "comic", Size: 12, X: 10, Baseline: 20, Text: "chữ"}), khenthuong.EINTERNAL, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WritePDF(&buf, "Lỗi", c.pages)
			if khenthuong.ErrorCode(err) != c.code || !strings.Contains(err.Error(), c.says) {
				t.Errorf("got %v (%s), want %s saying %q", err, khenthuong.ErrorCode(err), c.code, c.says)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
		})
	}
}
