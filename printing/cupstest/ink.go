package cupstest

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
)

// InkDPI is the resolution SameInk renders at: a pixel is 0.05 mm.
const InkDPI = 508

// SameInk compares where the letters are, not the boxes pdftotext draws
// around them. A word box's top and bottom come from the ascent and descent
// the PDF declares for its font, and a printer's PDF (Ghostscript turning
// the driver's PostScript into PDF) declares for each font subset the
// extremes of the glyphs it holds: a subset of "−" and "số" gets a descent
// of −9/1000 where the writer's full font says −216, and the box's bottom
// moves by 0.7 mm on a 10 pt word though no letter moved. So each word of
// the written page is paired with the printed word of the same text whose
// edges across the line lie within 3 mm (the page turned as it fits
// best), and the ink of both pages inside the two boxes' union, rendered
// with pdftoppm at InkDPI, must have its four edges within tolMM.
// It returns the differences (empty when every word is in place), the
// largest deviation in mm and the word it belongs to.
func SameInk(writtenPDF, printedPDF []byte, tolMM float64) (problems []string, maxMM float64, worst string, err error) {
	dir, err := os.MkdirTemp("", "kt-ink-")
	if err != nil {
		return nil, 0, "", err
	}
	defer os.RemoveAll(dir)
	var paths [2]string
	var pages [2][]Page
	for i, data := range [][]byte{writtenPDF, printedPDF} {
		paths[i] = filepath.Join(dir, fmt.Sprintf("%d.pdf", i))
		if err := os.WriteFile(paths[i], data, 0o644); err != nil {
			return nil, 0, "", err
		}
		if pages[i], err = Words(data); err != nil {
			return nil, 0, "", err
		}
	}
	written, printed := pages[0], pages[1]
	if len(written) != len(printed) {
		return []string{fmt.Sprintf("%d pages printed, %d written", len(printed), len(written))}, math.Inf(1), "", nil
	}
	for i := range written {
		var r [2]*raster
		for k, path := range paths {
			if r[k], err = render(path, i+1, filepath.Join(dir, fmt.Sprint(k))); err != nil {
				return nil, 0, "", err
			}
		}
		msgs, dev, word := inkPage(written[i], printed[i], r[0], r[1], tolMM*mmPt)
		for _, m := range msgs {
			problems = append(problems, fmt.Sprintf("page %d: %s", i+1, m))
		}
		if dev > maxMM {
			maxMM, worst = dev, fmt.Sprintf("page %d: “%s”", i+1, word)
		}
	}
	return problems, maxMM / mmPt, worst, nil
}

// along tells whether two boxes (in printed coordinates) agree within tol on
// the edges that run across the line: the written line's left and right.
func along(a, b Word, turn int, tol float64) bool {
	if turn%2 == 0 {
		return math.Abs(a.XMin-b.XMin) <= tol && math.Abs(a.XMax-b.XMax) <= tol
	}
	return math.Abs(a.YMin-b.YMin) <= tol && math.Abs(a.YMax-b.YMax) <= tol
}

// inkPage compares one page; the turn is the one that pairs the most words.
func inkPage(w, p Page, rw, rp *raster, tol float64) (problems []string, worstPt float64, worstWord string) {
	best, bestPairs := 0, -1
	for turn := 0; turn < 4; turn++ {
		t := newTurned(w, p, turn)
		n := 0
		for _, word := range w.Words {
			want := box(word, t.to)
			for _, got := range p.Words {
				if got.Text == want.Text && along(want, got, turn, pairing) {
					n++
					break
				}
			}
		}
		if n > bestPairs {
			best, bestPairs = turn, n
		}
	}
	t := newTurned(w, p, best)
	used := make([]bool, len(p.Words))
	for _, word := range w.Words {
		want := box(word, t.to)
		k := nearestWord(want, p.Words, used, best)
		if k < 0 {
			problems = append(problems, fmt.Sprintf("“%s” not printed near (%.1f, %.1f)–(%.1f, %.1f) pt", want.Text, want.XMin, want.YMin, want.XMax, want.YMax))
			worstPt, worstWord = math.Inf(1), word.Text
			continue
		}
		used[k] = true
		got := p.Words[k]
		region := Word{XMin: math.Min(want.XMin, got.XMin), YMin: math.Min(want.YMin, got.YMin),
			XMax: math.Max(want.XMax, got.XMax), YMax: math.Max(want.YMax, got.YMax)}
		inkP, okP := rp.ink(region)
		inkW, okW := rw.ink(box(region, t.from))
		if !okP && !okW {
			continue // a word of no ink (white on white) has no place to check
		}
		d := math.Inf(1)
		if okP && okW {
			inkW = box(inkW, t.to)
			d = math.Max(math.Max(math.Abs(inkW.XMin-inkP.XMin), math.Abs(inkW.XMax-inkP.XMax)),
				math.Max(math.Abs(inkW.YMin-inkP.YMin), math.Abs(inkW.YMax-inkP.YMax)))
		}
		if d > worstPt {
			worstPt, worstWord = d, word.Text
		}
		if d > tol {
			problems = append(problems, fmt.Sprintf("“%s” printed %.2f mm from its place near (%.1f, %.1f) pt", want.Text, d/mmPt, want.XMin, want.YMin))
		}
	}
	return problems, worstPt, worstWord
}

// pairing is how far along the line a printed word may lie from its written
// place and still be taken for it (and then measured, not called missing).
const pairing = 3 * mmPt

// nearestWord is the unused printed word of the same text nearest to want
// across the line among those within pairing along it, or −1.
func nearestWord(want Word, words []Word, used []bool, turn int) int {
	k, dist := -1, math.Inf(1)
	for i, got := range words {
		if used[i] || got.Text != want.Text || !along(want, got, turn, pairing) {
			continue
		}
		d := math.Abs((want.XMin+want.XMax)/2-(got.XMin+got.XMax)/2) + math.Abs((want.YMin+want.YMax)/2-(got.YMin+got.YMax)/2)
		if d < dist {
			k, dist = i, d
		}
	}
	return k
}

// raster is a page rendered in grey, one byte a pixel, at InkDPI.
type raster struct {
	w, h int
	pix  []byte
}

func render(pdf string, page int, prefix string) (*raster, error) {
	out, err := exec.Command("pdftoppm", "-r", fmt.Sprint(InkDPI), "-gray", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page),
		"-singlefile", pdf, prefix).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(prefix + ".pgm")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r raster
	var magic string
	var maxVal int
	if _, err := fmt.Fscan(br, &magic, &r.w, &r.h, &maxVal); err != nil || magic != "P5" || maxVal != 255 {
		return nil, fmt.Errorf("pdftoppm: not an 8-bit PGM: %v", err)
	}
	if _, err := br.ReadByte(); err != nil { // the single white space after the header
		return nil, err
	}
	r.pix = make([]byte, r.w*r.h)
	if _, err := io.ReadFull(br, r.pix); err != nil {
		return nil, fmt.Errorf("pdftoppm: short PGM: %w", err)
	}
	return &r, nil
}

// ink is the bounding box, in points, of the dark pixels (darker than mid
// grey: text in black, red or blue, not a pale background) inside b.
func (r *raster) ink(b Word) (Word, bool) {
	s := InkDPI / 72.0
	x0, y0 := max(0, int(math.Floor(b.XMin*s))), max(0, int(math.Floor(b.YMin*s)))
	x1, y1 := min(r.w, int(math.Ceil(b.XMax*s))), min(r.h, int(math.Ceil(b.YMax*s)))
	minX, minY, maxX, maxY := r.w, r.h, -1, -1
	for y := y0; y < y1; y++ {
		row := r.pix[y*r.w : (y+1)*r.w]
		for x := x0; x < x1; x++ {
			if row[x] < 128 {
				minX, maxX = min(minX, x), max(maxX, x)
				minY, maxY = min(minY, y), max(maxY, y)
			}
		}
	}
	if maxX < 0 {
		return Word{}, false
	}
	return Word{XMin: float64(minX) / s, YMin: float64(minY) / s, XMax: float64(maxX+1) / s, YMax: float64(maxY+1) / s}, true
}
