package certificates

import (
	"fmt"
	"math"
	"strings"

	"khenthuong"
	"khenthuong/page"
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
	return "", khenthuong.FieldErrorf("mode", "kiểu in “%s” không có: dùng blank (in trên phôi) hoặc plain (in trên giấy trắng)", s)
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
func Layout(t Template, data Values, mode Mode) (page.Page, []Warning) {
	pg := page.Page{Width: t.PageWidth, Height: t.PageHeight}
	var warns []Warning
	warn := func(i int, f *Field, format string, args ...any) {
		warns = append(warns, Warning{Recipient: data.Recipient, Field: i, Key: f.Key,
			Message: FieldLabels[f.Key] + ": " + fmt.Sprintf(format, args...)})
	}
	if mode == ModePlain {
		pg.Shapes = ornament(t.PageWidth, t.PageHeight, t.Border)
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
				pg.Images = append(pg.Images, page.Image{Path: data.Emblem, X: f.X, Y: f.Y, W: f.W, H: f.H})
			default: // the emblem drawn by the program
				pg.Shapes = withEmblem(t.PageWidth, t.PageHeight, t.Border, f)
				pg.Texts = append(pg.Texts, emblemMotto(i, f)...)
			}
			continue
		}
		face := page.LookupFace(f.Font, f.Style)
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
		s, missing := face.Cover(s)
		if missing != "" {
			warn(i, f, "phông chữ không có chữ “%s”, đã in dấu ? thay vào", missing)
		}
		color, _ := page.ParseColor(f.Color)
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
		pg.Texts = append(pg.Texts, place(i, f, face, fit, color)...)
	}
	return pg, warns
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
func blockHeight(face *page.Face, n int, size float64) float64 {
	if n == 0 {
		return 0
	}
	return float64(n-1)*lineAdvance(face, size) + (face.Ascent+face.Descent)*size*page.MMPerPt
}

func lineAdvance(face *page.Face, size float64) float64 {
	return math.Max(lineSpacing, face.Ascent+face.Descent) * size * page.MMPerPt
}

func fitText(face *page.Face, s string, w, h, size, minSize float64) fitted {
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
		lines := face.Wrap(hard, w, sz)
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
		lines = append(lines, face.BreakChars(l, w, sz)...)
	}
	n := 0
	for n < len(lines) && blockHeight(face, n+1, sz) <= h+eps {
		n++
	}
	return fitted{lines: lines[:n], size: sz, clipped: n < len(lines)}
}

// place turns fitted lines into Texts: the block centred vertically in the
// box, each line aligned horizontally.
func place(i int, f *Field, face *page.Face, fit fitted, color page.RGB) []page.Text {
	sz := fit.size
	asc, desc := face.Ascent*sz*page.MMPerPt, face.Descent*sz*page.MMPerPt
	top := f.Y + (f.H-blockHeight(face, len(fit.lines), sz))/2
	out := make([]page.Text, 0, len(fit.lines))
	for n, l := range fit.lines {
		lw := face.Width(l, sz)
		x := f.X
		switch f.Align {
		case "C":
			x += (f.W - lw) / 2
		case "R":
			x += f.W - lw
		}
		out = append(out, page.Text{
			Field: i, Key: f.Key, X: x, Baseline: top + asc + float64(n)*lineAdvance(face, sz),
			Width: lw, Ascent: asc, Descent: desc,
			Font: face.Family, Style: face.Style, Size: sz, Color: color, Text: l,
		})
	}
	return out
}
