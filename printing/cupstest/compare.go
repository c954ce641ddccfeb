package cupstest

import (
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Word is one word pdftotext -bbox finds, in points from the top-left corner.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Page is a page's size in points and its words.
type Page struct {
	Width, Height float64
	Words         []Word
}

// Words reads the pages and words of a PDF with pdftotext -bbox.
func Words(pdf []byte) ([]Page, error) {
	dir, err := os.MkdirTemp("", "kt-bbox-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		return nil, err
	}
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext -bbox: %w", err)
	}
	var doc struct {
		Pages []struct {
			Width  float64 `xml:"width,attr"`
			Height float64 `xml:"height,attr"`
			Words  []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("pdftotext -bbox: %w", err)
	}
	pages := make([]Page, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = Page{Width: p.Width, Height: p.Height}
		for _, w := range p.Words {
			pages[i].Words = append(pages[i].Words, Word{w.Text, w.XMin, w.YMin, w.XMax, w.YMax})
		}
	}
	return pages, nil
}

const mmPt = 72 / 25.4

// SamePlaces reports how the printed pages differ from the written ones:
// the same number of pages, each of the same size (in either orientation)
// and every word of the written page at its place on the printed one within
// tolMM, once the page is turned the way the printer turned it and centred
// on the paper. Empty when they agree.
func SamePlaces(written, printed []Page, tolMM float64) []string {
	return samePlaces(written, printed, tolMM)
}

func samePlaces(written, printed []Page, tolMM float64) []string {
	if len(written) != len(printed) {
		return []string{fmt.Sprintf("%d pages printed, %d written", len(printed), len(written))}
	}
	tol := tolMM * mmPt
	var problems []string
	for i := range written {
		w, p := written[i], printed[i]
		sameSize := math.Abs(w.Width-p.Width) <= tol && math.Abs(w.Height-p.Height) <= tol ||
			math.Abs(w.Width-p.Height) <= tol && math.Abs(w.Height-p.Width) <= tol
		if !sameSize {
			problems = append(problems, fmt.Sprintf("page %d: printed %.1f×%.1f pt, written %.1f×%.1f pt", i+1, p.Width, p.Height, w.Width, w.Height))
			continue
		}
		if len(w.Words) == 0 {
			problems = append(problems, fmt.Sprintf("page %d: the written page has no words to compare", i+1))
			continue
		}
		best := missingWords(w, p, 0, tol)
		for turn := 1; turn < 4 && len(best) > 0; turn++ {
			if missing := missingWords(w, p, turn, tol); len(missing) < len(best) {
				best = missing
			}
		}
		for _, m := range best {
			problems = append(problems, fmt.Sprintf("page %d: %s", i+1, m))
		}
	}
	return problems
}

// missingWords lists the written page's words the printed page lacks at
// their place, the written page turned by turn quarter turns clockwise.
func missingWords(w, p Page, turn int, tol float64) []string {
	t := newTurned(w, p, turn)
	used := make([]bool, len(p.Words))
	var missing []string
	for _, word := range w.Words {
		want := box(word, t.to)
		found := false
		for k, got := range p.Words {
			if !used[k] && got.Text == want.Text && near(got, want, tol) {
				used[k], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, fmt.Sprintf("“%s” not printed at (%.1f, %.1f)–(%.1f, %.1f) pt", want.Text, want.XMin, want.YMin, want.XMax, want.YMax))
		}
	}
	return missing
}

// near compares the edges of two word boxes.
func near(a, b Word, tol float64) bool {
	return math.Abs(a.XMin-b.XMin) <= tol && math.Abs(a.YMin-b.YMin) <= tol &&
		math.Abs(a.XMax-b.XMax) <= tol && math.Abs(a.YMax-b.YMax) <= tol
}

// turned maps a written page onto the printed paper, turned by turn quarter
// turns clockwise and centred on it, and back.
type turned struct {
	turn         int
	w, h, dx, dy float64 // the written page's size; the centring offset
}

func newTurned(w, p Page, turn int) turned {
	rw, rh := w.Width, w.Height
	if turn%2 == 1 {
		rw, rh = rh, rw
	}
	return turned{turn, w.Width, w.Height, (p.Width - rw) / 2, (p.Height - rh) / 2}
}

func (t turned) to(x, y float64) (float64, float64) {
	switch t.turn {
	case 1:
		x, y = t.h-y, x
	case 2:
		x, y = t.w-x, t.h-y
	case 3:
		x, y = y, t.w-x
	}
	return x + t.dx, y + t.dy
}

func (t turned) from(x, y float64) (float64, float64) {
	x, y = x-t.dx, y-t.dy
	switch t.turn {
	case 1:
		x, y = y, t.h-x
	case 2:
		x, y = t.w-x, t.h-y
	case 3:
		x, y = t.w-y, x
	}
	return x, y
}

// box maps a box through f, keeping min ≤ max.
func box(b Word, f func(x, y float64) (float64, float64)) Word {
	x1, y1 := f(b.XMin, b.YMin)
	x2, y2 := f(b.XMax, b.YMax)
	return Word{b.Text, math.Min(x1, x2), math.Min(y1, y2), math.Max(x1, x2), math.Max(y1, y2)}
}
