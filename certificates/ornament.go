package certificates

import (
	"math"
	"sync"

	"khenthuong/page"
)

// Default colours of the border ornament.
const (
	DefaultBorderColor  = "#B8860B" // dark gold
	DefaultBorderAccent = "#C00000" // red
)

type ornamentKey struct {
	w, h float64
	b    Border
}

var ornaments sync.Map // ornamentKey → []page.Shape

// ornament returns the border drawn on plain paper, in the manner of the
// model certificates: a red band between gold lines carrying a gold key
// fret (hồi văn), gold squares with a red flower at the corners, and a thin
// red line inside with flourishes at its corners. The slice is shared
// between pages: callers must not change it.
func ornament(w, h float64, b Border) []page.Shape {
	if b.Width <= 0 {
		return nil
	}
	key := ornamentKey{w, h, b}
	if s, ok := ornaments.Load(key); ok {
		return s.([]page.Shape)
	}
	s := buildOrnament(w, h, b)
	ornaments.Store(key, s)
	return s
}

func buildOrnament(pw, ph float64, b Border) []page.Shape {
	color, ok := page.ParseColor(b.Color)
	if !ok {
		color, _ = page.ParseColor(DefaultBorderColor)
	}
	accent, ok := page.ParseColor(b.Accent)
	if !ok {
		accent, _ = page.ParseColor(DefaultBorderAccent)
	}
	o, bw := b.Inset, b.Width
	gap := math.Min(1.2, bw/8) // between the outer gold line and the band
	a := o + gap               // outer edge of the band
	z := o + bw                // inner edge of the band
	t := z - a                 // band thickness
	frame := func(inset, lw float64, c page.RGB) page.Shape {
		return page.Shape{Kind: page.ShapeRect, X: inset, Y: inset, W: pw - 2*inset, H: ph - 2*inset, LineWidth: lw, Stroke: c}
	}
	// The red band: four filled strips between the corner squares.
	shapes := []page.Shape{
		{Kind: page.ShapeRect, X: a, Y: a, W: pw - 2*a, H: t, Filled: true, Fill: accent},
		{Kind: page.ShapeRect, X: a, Y: ph - z, W: pw - 2*a, H: t, Filled: true, Fill: accent},
		{Kind: page.ShapeRect, X: a, Y: a, W: t, H: ph - 2*a, Filled: true, Fill: accent},
		{Kind: page.ShapeRect, X: pw - z, Y: a, W: t, H: ph - 2*a, Filled: true, Fill: accent},
		frame(o, math.Max(0.5, bw/16), color),
		frame(a, 0.35, color),
		frame(z, 0.5, color),
		frame(z+math.Min(1.6, bw/6), 0.3, color),
	}
	// The key fret along each side: square spirals, every other one mirrored
	// so that the band reads as one running pattern.
	fretW := math.Max(0.25, t*0.07)
	side := func(x0, y0, x1, y1 float64) {
		length := math.Hypot(x1-x0, y1-y0)
		n := math.Max(1, math.Round(length/(t*1.05)))
		cell := length / n
		ux, uy := (x1-x0)/length, (y1-y0)/length // along the side
		vx, vy := -uy, ux                        // across the band, inward for these directions
		m := 0.16 * t
		spiral := [][2]float64{{m, t - m}, {m, m}, {cell - m, m}, {cell - m, t - m}, {0.34 * cell, t - m},
			{0.34 * cell, 0.37 * t}, {0.66 * cell, 0.37 * t}, {0.66 * cell, 0.63 * t}}
		for i := 0.0; i < n; i++ {
			pts := make([]page.Point, len(spiral))
			for k, p := range spiral {
				along := p[0]
				if int(i)%2 == 1 {
					along = cell - along
				}
				d, e := i*cell+along, p[1]-t/2
				pts[k] = page.Point{X: x0 + ux*d + vx*e, Y: y0 + uy*d + vy*e}
			}
			shapes = append(shapes, page.Shape{Kind: page.ShapeLine, Points: pts, LineWidth: fretW, Stroke: color})
		}
	}
	mid := (a + z) / 2
	side(z, mid, pw-z, mid)       // top
	side(pw-z, ph-mid, z, ph-mid) // bottom
	side(mid, ph-z, mid, z)       // left
	side(pw-mid, z, pw-mid, ph-z) // right
	// Corners: a gold square holding a red eight-petalled flower.
	for _, c := range []page.Point{{X: a, Y: a}, {X: pw - z, Y: a}, {X: a, Y: ph - z}, {X: pw - z, Y: ph - z}} {
		cx, cy := c.X+t/2, c.Y+t/2
		shapes = append(shapes, page.Shape{Kind: page.ShapeRect, X: c.X, Y: c.Y, W: t, H: t, Filled: true, Fill: color, LineWidth: 0.3, Stroke: accent})
		for k := 0; k < 8; k++ {
			ang := float64(k) * math.Pi / 4
			dx, dy := math.Cos(ang), math.Sin(ang)
			px, py := -dy, dx
			r1, r2, wd := 0.12*t, 0.44*t, 0.1*t
			shapes = append(shapes, page.Shape{Kind: page.ShapePolygon, Points: []page.Point{
				{X: cx + dx*r1, Y: cy + dy*r1}, {X: cx + dx*(r1+r2)/2 + px*wd, Y: cy + dy*(r1+r2)/2 + py*wd},
				{X: cx + dx*r2, Y: cy + dy*r2}, {X: cx + dx*(r1+r2)/2 - px*wd, Y: cy + dy*(r1+r2)/2 - py*wd},
			}, Filled: true, Fill: accent})
		}
		shapes = append(shapes, page.Shape{Kind: page.ShapeCircle, X: cx, Y: cy, R: 0.12 * t, Filled: true, Fill: accent})
	}
	// Inside: a thin red line with a flourish at each corner.
	in := innerLine(b)
	shapes = append(shapes, frame(in, 0.35, accent))
	f := math.Min(18, bw*1.6)
	for _, c := range []struct{ x, y, sx, sy float64 }{
		{in, in, 1, 1}, {pw - in, in, -1, 1}, {in, ph - in, 1, -1}, {pw - in, ph - in, -1, -1},
	} {
		d := 2.2
		shapes = append(shapes, page.Shape{Kind: page.ShapeLine, Points: []page.Point{
			{X: c.x + c.sx*d, Y: c.y + c.sy*f}, {X: c.x + c.sx*d, Y: c.y + c.sy*d}, {X: c.x + c.sx*f, Y: c.y + c.sy*d},
		}, LineWidth: 0.5, Stroke: accent})
		shapes = append(shapes, page.Shape{Kind: page.ShapeCircle, X: c.x + c.sx*d, Y: c.y + c.sy*d, R: 0.9, Filled: true, Fill: accent})
	}
	return shapes
}

// innerLine is the distance from the page's edge to the border's innermost
// line: what the text inside must stand clear of.
func innerLine(b Border) float64 {
	if b.Width <= 0 {
		return 0
	}
	return b.Inset + b.Width + math.Min(2.4, b.Width/3)
}
