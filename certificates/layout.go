package certificates

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mode is how a certificate is printed.
type Mode string

const (
	// ModeBlank prints only the fields marked OnBlank, for pre-printed blanks
	// (phôi) that already carry the emblem, the border and the headings.
	ModeBlank Mode = "blank"
	// ModePlain draws the whole certificate on plain paper: border ornament,
	// headings, the emblem image when the office supplies one.
	ModePlain Mode = "plain"
)

// ParseMode reads "blank" or "plain" ("" is blank, the usual case).
func ParseMode(s string) (Mode, error) {
	switch Mode(strings.ToLower(strings.TrimSpace(s))) {
	case "", ModeBlank:
		return ModeBlank, nil
	case ModePlain:
		return ModePlain, nil
	}
	return "", fmt.Errorf("kiểu in “%s” không có (blank: in trên phôi, plain: in trên giấy trắng)", s)
}

// Page is everything drawn on one sheet, in millimetres from the top-left
// corner: the single source the PDF writer and an on-screen preview draw
// from. Shapes are drawn first, then images, then texts.
type Page struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Shapes []Shape `json:"shapes,omitempty"`
	Images []Image `json:"images,omitempty"`
	Texts  []Text  `json:"texts,omitempty"`
}

// Text is one line of text placed on the page.
type Text struct {
	Field    int     `json:"field"`    // index in Template.Fields, -1 for text of no field
	Key      string  `json:"key"`      // the field's key
	X        float64 `json:"x"`        // left end of the line, mm
	Baseline float64 `json:"baseline"` // mm from the top
	Width    float64 `json:"width"`    // advance width, mm
	Ascent   float64 `json:"ascent"`   // mm above the baseline (font's hhea ascent at this size)
	Descent  float64 `json:"descent"`  // mm below the baseline
	Font     string  `json:"font"`     // family: "serif", "decor"
	Style    string  `json:"style"`    // "", "B", "I", "BI"
	Size     float64 `json:"size"`     // pt
	Color    RGB     `json:"color"`
	Text     string  `json:"text"` // NFC, covered by the font
}

// Top is the top of the line box in mm, where a preview anchors its label.
func (t Text) Top() float64 { return t.Baseline - t.Ascent }

// Shape kinds.
const (
	ShapeLine    = "line"    // open polyline through Points
	ShapePolygon = "polygon" // closed outline through Points
	ShapeRect    = "rect"    // X, Y top-left, W × H
	ShapeCircle  = "circle"  // centre X, Y, radius R
)

// Point is a position in mm.
type Point struct{ X, Y float64 }

// Shape is a vector drawing (the border ornament, the calibration grid).
type Shape struct {
	Kind      string  `json:"kind"`
	X         float64 `json:"x,omitempty"`
	Y         float64 `json:"y,omitempty"`
	W         float64 `json:"w,omitempty"`
	H         float64 `json:"h,omitempty"`
	R         float64 `json:"r,omitempty"`
	Points    []Point `json:"points,omitempty"`
	LineWidth float64 `json:"line_width,omitempty"` // mm; 0 = no outline
	Stroke    RGB     `json:"stroke"`
	Filled    bool    `json:"filled,omitempty"`
	Fill      RGB     `json:"fill"`
}

// Image is a picture placed in a box (the emblem), kept to its aspect ratio
// and centred in the box by the writer and the preview alike.
type Image struct {
	Path string  `json:"path"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

// Warning is a problem worth telling the clerk before printing, naming the
// recipient: a text that does not fit its box even at the minimum size, or a
// letter the font lacks.
type Warning struct {
	Recipient string `json:"recipient"`
	Field     int    `json:"field"`
	Key       string `json:"key"`
	Message   string `json:"message"`
}

func (w Warning) String() string {
	if w.Recipient == "" {
		return w.Message
	}
	return w.Recipient + ": " + w.Message
}

// Layout places the texts of one recipient on the template. Every line stays
// inside its field's box: a long text first shrinks down to the field's
// minimum size, then wraps onto balanced lines; if it still cannot fit it
// shrinks further (or, as a last resort, is cut) and a Warning names the
// recipient. The page is in template coordinates: apply a PrinterProfile to
// print it.
func Layout(t Template, data Values, mode Mode) (Page, []Warning) {
	page := Page{Width: t.PageWidth, Height: t.PageHeight}
	var warns []Warning
	warn := func(i int, f *Field, format string, args ...any) {
		warns = append(warns, Warning{Recipient: data.Recipient, Field: i, Key: f.Key,
			Message: FieldLabels[f.Key] + ": " + fmt.Sprintf(format, args...)})
	}
	if mode == ModePlain {
		page.Shapes = ornament(t.PageWidth, t.PageHeight, t.Border)
	}
	for i := range t.Fields {
		f := &t.Fields[i]
		if mode == ModeBlank && !f.OnBlank {
			continue
		}
		if !(f.W > 0 && f.H > 0) || math.IsNaN(f.X+f.Y) || math.IsInf(f.X+f.Y+f.W+f.H, 0) {
			warn(i, f, "ô chữ không hợp lệ")
			continue
		}
		if f.Key == KeyEmblem {
			switch {
			case mode != ModePlain:
			case data.Emblem != "": // the office's own image
				page.Images = append(page.Images, Image{Path: data.Emblem, X: f.X, Y: f.Y, W: f.W, H: f.H})
			default: // the emblem drawn by the program
				page.Shapes = withEmblem(t.PageWidth, t.PageHeight, t.Border, f)
				page.Texts = append(page.Texts, emblemMotto(i, f)...)
			}
			continue
		}
		face := LookupFace(f.Font, f.Style)
		if face == nil {
			warn(i, f, "phông chữ “%s %s” không có", f.Font, f.Style)
			continue
		}
		// A template being edited may not be valid yet: never loop or print at 0 pt.
		size, minSize := f.Size, f.MinSize
		if !(size > 0) || math.IsInf(size, 0) {
			warn(i, f, "cỡ chữ không hợp lệ")
			continue
		}
		size = math.Min(math.Max(size, smallestSize), MaxFontSize)
		if !(minSize >= smallestSize) || minSize > size {
			minSize = math.Min(math.Max(minSize, smallestSize), size)
		}
		s := data.text(f)
		if strings.TrimSpace(s) == "" {
			continue
		}
		s, missing := coverText(face, s)
		if missing != "" {
			warn(i, f, "phông chữ không có chữ “%s”, đã in dấu ? thay vào", missing)
		}
		color, _ := parseColor(f.Color)
		fit := fitText(face, s, f.W, f.H, size, minSize)
		if fit.clipped || fit.size < minSize-1e-9 {
			// Too long for its box: a collective's name may take the line of
			// the position, which a collective leaves empty.
			if grown := growBox(t, i, data, mode); grown.H > f.H {
				if better := fitText(face, s, grown.W, grown.H, size, minSize); better.size > fit.size || fit.clipped && !better.clipped {
					fit, f = better, &grown
				}
			}
		}
		switch {
		case fit.clipped:
			warn(i, f, "quá dài, không in hết trong ô %s × %s mm", mm(f.W), mm(f.H))
		case fit.size < minSize-1e-9:
			warn(i, f, "quá dài, đã thu nhỏ chữ xuống %s pt (nhỏ hơn cỡ tối thiểu %s pt)", mm(fit.size), mm(minSize))
		}
		page.Texts = append(page.Texts, place(i, f, face, fit, color)...)
	}
	return page, warns
}

// growBox returns field i's box extended down over the fields below it that
// print nothing for this recipient (in plain mode, or blank fields of the
// blank mode), up to the first field below that prints something. Without
// such an empty field the box stays as it is.
func growBox(t Template, i int, data Values, mode Mode) Field {
	f := t.Fields[i]
	bottom, limit := f.Y+f.H, math.Inf(1)
	var empties []Field
	for j, g := range t.Fields {
		if j == i || g.Y < f.Y+f.H-0.5 || g.X >= f.X+f.W || g.X+g.W <= f.X {
			continue // not below, or beside it
		}
		printed := g.Key == KeyEmblem || (mode == ModePlain || g.OnBlank) && strings.TrimSpace(data.text(&g)) != ""
		if mode == ModeBlank && !g.OnBlank {
			printed = true // pre-printed on the blank
		}
		if printed {
			limit = math.Min(limit, g.Y)
		} else {
			empties = append(empties, g)
		}
	}
	for _, g := range empties {
		if g.Y+g.H <= limit+1e-9 {
			bottom = math.Max(bottom, g.Y+g.H)
		}
	}
	f.H = bottom - f.Y
	return f
}

// coverText replaces the letters the face lacks with "?" (fpdf would print
// an empty box) and returns them; tabs and spaces the face lacks become spaces.
func coverText(face *Face, s string) (string, string) {
	ok := true
	for _, r := range s {
		if r != '\n' && !face.Has(r) || r == '\t' {
			ok = false
			break
		}
	}
	if ok {
		return s, ""
	}
	var b, missing strings.Builder
	seen := map[rune]bool{}
	for _, r := range s {
		if r != '\n' && unicode.IsSpace(r) {
			r = ' ' // tabs and odd spaces from a template's text
		}
		if r == '\n' || face.Has(r) {
			b.WriteRune(r)
			continue
		}
		b.WriteByte('?')
		if !seen[r] && r != utf8.RuneError {
			seen[r] = true
			missing.WriteRune(r)
		} else if r == utf8.RuneError && !seen[r] {
			seen[r] = true
			missing.WriteString("�")
		}
	}
	return b.String(), missing.String()
}

// Line spacing: baselines are lineSpacing × size apart, or the font's own
// ascent + descent if larger.
const lineSpacing = 1.15

// sizeStep is how finely text shrinks, in pt.
const sizeStep = 0.5

// wrapShrink is how far a text shrinks on one line before it wraps: 18 pt
// goes down to 16 pt, no smaller, while the box holds two lines.
const wrapShrink = 0.885

// smallestSize is the floor below the template's minimum, used with a warning.
const smallestSize = 3.0

type fitted struct {
	lines   []string
	size    float64
	clipped bool
}

// blockHeight is the height in mm of n lines at size pt: from the first
// line's ascent to the last line's descent.
func blockHeight(face *Face, n int, size float64) float64 {
	if n == 0 {
		return 0
	}
	return float64(n-1)*lineAdvance(face, size) + (face.Ascent+face.Descent)*size*mmPerPt
}

func lineAdvance(face *Face, size float64) float64 {
	return math.Max(lineSpacing, face.Ascent+face.Descent) * size * mmPerPt
}

func fitText(face *Face, s string, w, h, size, minSize float64) fitted {
	const eps = 1e-6
	var hard []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			hard = append(hard, l)
		}
	}
	sizes := func(from, to float64) []float64 {
		var out []float64
		for v := from; v > to+eps; v -= sizeStep {
			out = append(out, v)
		}
		return append(out, to)
	}
	oneLine := func(sz float64) bool {
		if blockHeight(face, len(hard), sz) > h+eps {
			return false
		}
		for _, l := range hard {
			if face.Width(l, sz) > w+eps {
				return false
			}
		}
		return true
	}
	wrapped := func(sz float64) []string {
		lines := wrapAll(face, hard, w, sz)
		if lines == nil || blockHeight(face, len(lines), sz) > h+eps {
			return nil
		}
		return lines
	}
	// 1. Shrink on one line (per hard line), but only a little: a long
	// achievement goes onto two lines before it gets small.
	wrapAt := math.Max(minSize, size*wrapShrink)
	for _, sz := range sizes(size, wrapAt) {
		if oneLine(sz) {
			return fitted{lines: hard, size: sz}
		}
	}
	// 2. Wrap, at the largest size at which the wrapped text fits.
	for _, sz := range sizes(size, minSize) {
		if lines := wrapped(sz); lines != nil {
			return fitted{lines: lines, size: sz}
		}
	}
	// A box too low for two lines: shrink on one line down to the minimum.
	for _, sz := range sizes(wrapAt, minSize) {
		if oneLine(sz) {
			return fitted{lines: hard, size: sz}
		}
	}
	// 3. Below the minimum (the caller warns).
	if minSize > smallestSize {
		for _, sz := range sizes(minSize-sizeStep, smallestSize) {
			if oneLine(sz) {
				return fitted{lines: hard, size: sz}
			}
			if lines := wrapped(sz); lines != nil {
				return fitted{lines: lines, size: sz}
			}
		}
	}
	// 4. Last resort: break inside words and drop the lines that do not fit.
	sz := smallestSize
	var lines []string
	for _, l := range hard {
		lines = append(lines, breakChars(face, l, w, sz)...)
	}
	n := 0
	for n < len(lines) && blockHeight(face, n+1, sz) <= h+eps {
		n++
	}
	return fitted{lines: lines[:n], size: sz, clipped: n < len(lines)}
}

// wrapAll wraps each hard line at width w (mm) and size sz into balanced
// lines; nil if a single word is wider than w.
func wrapAll(face *Face, hard []string, w, sz float64) []string {
	var out []string
	for _, l := range hard {
		words := strings.Fields(l)
		widths := make([]float64, len(words))
		widest := 0.0
		for i, wd := range words {
			widths[i] = face.Width(wd, sz)
			widest = math.Max(widest, widths[i])
		}
		if widest > w+1e-6 {
			return nil
		}
		space := face.Width(" ", sz)
		k := len(greedy(widths, space, w))
		// Balance: the narrowest width that still gives k lines.
		lo, hi := widest, w
		for range 30 {
			if hi-lo < 0.05 {
				break
			}
			mid := (lo + hi) / 2
			if len(greedy(widths, space, mid)) <= k {
				hi = mid
			} else {
				lo = mid
			}
		}
		for _, br := range greedy(widths, space, hi) {
			out = append(out, strings.Join(words[br[0]:br[1]], " "))
		}
	}
	return out
}

// greedy breaks words (by width) into lines no wider than w; it returns
// [start, end) word ranges.
func greedy(widths []float64, space, w float64) [][2]int {
	var lines [][2]int
	start, cur := 0, 0.0
	for i, wd := range widths {
		if i > start && cur+space+wd > w+1e-6 {
			lines = append(lines, [2]int{start, i})
			start, cur = i, wd
			continue
		}
		if i > start {
			cur += space
		}
		cur += wd
	}
	if len(widths) > 0 {
		lines = append(lines, [2]int{start, len(widths)})
	}
	return lines
}

// breakChars wraps at width w breaking anywhere, for text that cannot wrap
// at spaces. A letter wider than the box on its own is dropped.
func breakChars(face *Face, s string, w, sz float64) []string {
	var lines []string
	var cur strings.Builder
	width := 0.0
	flush := func() {
		if l := strings.TrimSpace(cur.String()); l != "" {
			lines = append(lines, l)
		}
		cur.Reset()
		width = 0
	}
	for _, r := range s {
		rw := face.Width(string(r), sz)
		if rw > w {
			continue
		}
		if width+rw > w {
			flush()
			if r == ' ' {
				continue
			}
		}
		cur.WriteRune(r)
		width += rw
	}
	flush()
	return lines
}

// place turns fitted lines into Texts: the block centred vertically in the
// box, each line aligned horizontally.
func place(i int, f *Field, face *Face, fit fitted, color RGB) []Text {
	sz := fit.size
	asc, desc := face.Ascent*sz*mmPerPt, face.Descent*sz*mmPerPt
	top := f.Y + (f.H-blockHeight(face, len(fit.lines), sz))/2
	out := make([]Text, 0, len(fit.lines))
	for n, l := range fit.lines {
		lw := face.Width(l, sz)
		x := f.X
		switch f.Align {
		case "C":
			x += (f.W - lw) / 2
		case "R":
			x += f.W - lw
		}
		out = append(out, Text{
			Field: i, Key: f.Key, X: x, Baseline: top + asc + float64(n)*lineAdvance(face, sz),
			Width: lw, Ascent: asc, Descent: desc,
			Font: face.Family, Style: face.Style, Size: sz, Color: color, Text: l,
		})
	}
	return out
}
