package certificates

import (
	"math"
	"sync"
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

var ornaments sync.Map // ornamentKey → []Shape

// ornament returns the border drawn on plain paper: a double gold frame with
// a band of diamonds and red dots, rosettes in the corners and a thin red
// line inside. The slice is shared between pages: callers must not change it.
func ornament(w, h float64, b Border) []Shape {
	if b.Width <= 0 {
		return nil
	}
	key := ornamentKey{w, h, b}
	if s, ok := ornaments.Load(key); ok {
		return s.([]Shape)
	}
	s := buildOrnament(w, h, b)
	ornaments.Store(key, s)
	return s
}

func buildOrnament(pw, ph float64, b Border) []Shape {
	color, ok := parseColor(b.Color)
	if !ok {
		color, _ = parseColor(DefaultBorderColor)
	}
	accent, ok := parseColor(b.Accent)
	if !ok {
		accent, _ = parseColor(DefaultBorderAccent)
	}
	o, bw := b.Inset, b.Width
	gap := math.Min(1.6, bw/5) // between the outer line and the thin line inside it
	a := o + gap               // outer edge of the band
	z := o + bw                // inner edge of the band
	t := z - a                 // band thickness
	frame := func(inset, lw float64, c RGB) Shape {
		return Shape{Kind: ShapeRect, X: inset, Y: inset, W: pw - 2*inset, H: ph - 2*inset, LineWidth: lw, Stroke: c}
	}
	shapes := []Shape{
		frame(o, math.Max(0.3, bw/10), color),
		frame(a, 0.3, color),
		frame(z, math.Max(0.3, bw/14), color),
		frame(z+math.Min(1.5, bw/6), 0.35, accent),
	}
	// The band: along each side between the corner squares, cells of about the
	// band's thickness, each holding a gold diamond with a red dot.
	side := func(x0, y0, x1, y1 float64) {
		length := math.Hypot(x1-x0, y1-y0)
		n := math.Max(1, math.Round(length/t))
		cell := length / n
		ux, uy := (x1-x0)/length, (y1-y0)/length // along the side
		vx, vy := -uy, ux                        // across the band
		dl, dw := 0.42*cell, 0.34*t              // half-diagonals of a diamond
		for i := 0.0; i < n; i++ {
			d := (i + 0.5) * cell
			cx, cy := x0+ux*d, y0+uy*d
			shapes = append(shapes,
				Shape{Kind: ShapePolygon, Points: []Point{
					{cx - ux*dl, cy - uy*dl}, {cx + vx*dw, cy + vy*dw}, {cx + ux*dl, cy + uy*dl}, {cx - vx*dw, cy - vy*dw},
				}, Filled: true, Fill: color},
				Shape{Kind: ShapeCircle, X: cx, Y: cy, R: 0.11 * t, Filled: true, Fill: accent},
			)
			if i > 0 {
				bx, by := x0+ux*i*cell, y0+uy*i*cell
				shapes = append(shapes, Shape{Kind: ShapeCircle, X: bx, Y: by, R: 0.07 * t, Filled: true, Fill: color})
			}
		}
	}
	mid := (a + z) / 2
	side(z, mid, pw-z, mid)       // top
	side(z, ph-mid, pw-z, ph-mid) // bottom
	side(mid, z, mid, ph-z)       // left
	side(pw-mid, z, pw-mid, ph-z) // right
	// Corners: a square with a rosette.
	for _, c := range []Point{{a, a}, {pw - z, a}, {a, ph - z}, {pw - z, ph - z}} {
		cx, cy := c.X+t/2, c.Y+t/2
		shapes = append(shapes,
			Shape{Kind: ShapeRect, X: c.X, Y: c.Y, W: t, H: t, LineWidth: 0.35, Stroke: color},
			Shape{Kind: ShapeCircle, X: cx, Y: cy, R: 0.36 * t, LineWidth: 0.35, Stroke: color},
			Shape{Kind: ShapePolygon, Points: []Point{
				{cx, cy - 0.3*t}, {cx + 0.3*t, cy}, {cx, cy + 0.3*t}, {cx - 0.3*t, cy},
			}, Filled: true, Fill: color},
			Shape{Kind: ShapeCircle, X: cx, Y: cy, R: 0.13 * t, Filled: true, Fill: accent},
		)
	}
	// Inner corners: a small red quarter flourish made of two short lines.
	in := z + math.Min(1.5, bw/6)
	f := math.Min(18, bw*1.6)
	for _, c := range []struct{ x, y, sx, sy float64 }{
		{in, in, 1, 1}, {pw - in, in, -1, 1}, {in, ph - in, 1, -1}, {pw - in, ph - in, -1, -1},
	} {
		d := 2.2
		shapes = append(shapes, Shape{Kind: ShapeLine, Points: []Point{
			{c.x + c.sx*d, c.y + c.sy*f}, {c.x + c.sx*d, c.y + c.sy*d}, {c.x + c.sx*f, c.y + c.sy*d},
		}, LineWidth: 0.5, Stroke: accent})
	}
	return shapes
}
