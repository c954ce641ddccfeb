package certificates

import (
	"math"
	"sync"

	"khenthuong/page"
)

// The national emblem (Quốc huy) printed above the Quốc hiệu of a
// certificate on plain paper, when the office supplies no image of its own.
// It is vector art drawn for this program from the emblem's description in
// the Constitution (Article 13: a red circle with a yellow five-pointed star
// in its middle, surrounded by rice ears, a cogwheel below and the words
// "Cộng hòa xã hội chủ nghĩa Việt Nam"): a simplified rendering in shapes,
// not a copy of any image (see assets/EMBLEM.md).

// Emblem colours.
var (
	emblemRed  = page.RGB{R: 0xDA, G: 0x25, B: 0x1D}
	emblemGold = page.RGB{R: 0xF2, G: 0xC1, B: 0x1D}
	emblemDark = page.RGB{R: 0xA6, G: 0x7C, B: 0x00} // outlines of the gold parts
)

// EmblemText is the motto on the emblem's ribbon.
const EmblemText = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"

type emblemKey struct{ x, y, w, h float64 }

var emblems sync.Map // emblemKey → []page.Shape

// emblem draws the emblem centred in the box (x, y, w, h), as large as the
// box allows; the slice is shared: callers must not change it.
func emblem(x, y, w, h float64) []page.Shape {
	key := emblemKey{x, y, w, h}
	if s, ok := emblems.Load(key); ok {
		return s.([]page.Shape)
	}
	s := buildEmblem(x+w/2, y+h/2, math.Min(w, h)/2)
	emblems.Store(key, s)
	return s
}

// emblemRibbon is the ribbon's band in the emblem's unit (radius 1): its
// centre line and half height, where EmblemText is printed.
const (
	ribbonY    = 0.80
	ribbonHalf = 0.13
	ribbonSpan = 0.98 // half width of the band's straight part
)

// buildEmblem draws the emblem of radius r centred on (cx, cy): rice ears
// on a gold ring, the red disc with the yellow star, the cogwheel and the red
// ribbon across the bottom.
func buildEmblem(cx, cy, r float64) []page.Shape {
	at := func(u, v float64) page.Point { return page.Point{X: cx + u*r, Y: cy + v*r} }
	var out []page.Shape
	poly := func(fill page.RGB, outline float64, pts ...page.Point) {
		s := page.Shape{Kind: page.ShapePolygon, Points: pts, Filled: true, Fill: fill}
		if outline > 0 {
			s.LineWidth, s.Stroke = outline, emblemDark
		}
		out = append(out, s)
	}
	circle := func(u, v, rad float64, fill page.RGB, outline float64) {
		s := page.Shape{Kind: page.ShapeCircle, X: cx + u*r, Y: cy + v*r, R: rad * r, Filled: true, Fill: fill}
		if outline > 0 {
			s.LineWidth, s.Stroke = outline, emblemDark
		}
		out = append(out, s)
	}
	lw := math.Max(0.12, r*0.012)

	// Rice ears: on each side a stalk along an arc from above the ribbon up
	// to the top, with grains on both sides of it pointing up the stalk.
	const earR = 0.80
	for _, side := range []float64{-1, 1} {
		pos := func(th, rad float64) (float64, float64) { return side * math.Sin(th) * rad, math.Cos(th) * rad }
		var stalk []page.Point
		for th := 0.26 * math.Pi; th <= 0.94*math.Pi; th += 0.02 * math.Pi {
			u, v := pos(th, earR)
			stalk = append(stalk, at(u, v))
		}
		out = append(out, page.Shape{Kind: page.ShapeLine, Points: stalk, LineWidth: 2 * lw, Stroke: emblemDark})
		const grains = 14
		for i := 0; i < grains; i++ {
			th := 0.28*math.Pi + float64(i)*0.63*math.Pi/(grains-1)
			size := 0.15 - 0.05*float64(i)/(grains-1)
			for _, tilt := range []float64{-1, 1} {
				// Tilted off the stalk, outward or inward, by 25°.
				dir := th + tilt*0.14*math.Pi
				du, dv := side*math.Cos(dir), -math.Sin(dir) // up the arc
				nu, nv := side*math.Sin(th), math.Cos(th)    // outward
				u, v := pos(th, earR)
				gu, gv := u+nu*tilt*0.05, v+nv*tilt*0.05
				pu, pv := -dv*side, du*side // across the grain
				poly(emblemGold, lw,
					at(gu, gv),
					at(gu+du*size*0.5+pu*size*0.33, gv+dv*size*0.5+pv*size*0.33),
					at(gu+du*size*1.3, gv+dv*size*1.3),
					at(gu+du*size*0.5-pu*size*0.33, gv+dv*size*0.5-pv*size*0.33))
			}
		}
	}
	circle(0, -0.02, 0.62, emblemRed, lw)
	out = append(out, star(cx, cy-0.07*r, 0.43*r, emblemGold))

	// The cogwheel at the bottom of the disc, its teeth on a ring.
	const teeth = 12
	gy, gr := 0.52, 0.23
	var cog []page.Point
	for i := 0; i < teeth*4; i++ {
		a := float64(i) / float64(teeth*4) * 2 * math.Pi
		rad := gr
		if i%4 == 1 || i%4 == 2 {
			rad = gr * 1.22
		}
		cog = append(cog, at(math.Cos(a)*rad, gy+math.Sin(a)*rad))
	}
	poly(emblemGold, lw, cog...)
	circle(0, gy, gr*0.55, emblemRed, lw)
	circle(0, gy, gr*0.2, emblemGold, lw)

	// The ribbon: a red band with its ends folded back behind it.
	top, bot := ribbonY-ribbonHalf, ribbonY+ribbonHalf
	for _, side := range []float64{-1, 1} {
		poly(page.RGB{R: 0xA8, G: 0x1A, B: 0x14}, 0,
			at(side*ribbonSpan*0.88, top+0.08), at(side*(ribbonSpan+0.14), top+0.08),
			at(side*(ribbonSpan+0.06), ribbonY+0.08), at(side*(ribbonSpan+0.14), bot+0.08),
			at(side*ribbonSpan*0.88, bot+0.08))
	}
	poly(emblemRed, lw,
		at(-ribbonSpan, top), at(0, top+0.06), at(ribbonSpan, top),
		at(ribbonSpan, bot), at(0, bot+0.06), at(-ribbonSpan, bot))
	return out
}

// star is a five-pointed star of outer radius r centred on (cx, cy), point up.
func star(cx, cy, r float64, fill page.RGB) page.Shape {
	pts := make([]page.Point, 10)
	inner := r * math.Sin(math.Pi/10) / math.Sin(7*math.Pi/10)
	for i := range pts {
		rad := r
		if i%2 == 1 {
			rad = inner
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		pts[i] = page.Point{X: cx + rad*math.Cos(a), Y: cy + rad*math.Sin(a)}
	}
	return page.Shape{Kind: page.ShapePolygon, Points: pts, Filled: true, Fill: fill}
}

// emblemMotto is the ribbon's words, placed on its band in the box of the
// emblem field f: bold, yellow, as large as the band allows.
func emblemMotto(i int, f *Field) []page.Text {
	face := page.LookupFace(page.FontSerif, "B")
	if face == nil {
		return nil
	}
	r := math.Min(f.W, f.H) / 2
	cx, cy := f.X+f.W/2, f.Y+f.H/2
	width := 2 * ribbonSpan * r * 0.86
	size := 12.0
	for size > 2 && (face.Width(EmblemText, size) > width || (face.Ascent+face.Descent)*size*page.MMPerPt > 2*ribbonHalf*r*0.8) {
		size -= 0.25
	}
	w := face.Width(EmblemText, size)
	base := cy + (ribbonY+0.03)*r + (face.Ascent-face.Descent)*size*page.MMPerPt/2
	return []page.Text{{Field: i, Key: KeyEmblem, X: cx - w/2, Baseline: base, Width: w,
		Ascent: face.Ascent * size * page.MMPerPt, Descent: face.Descent * size * page.MMPerPt,
		Font: face.Family, Style: face.Style, Size: size, Color: emblemGold, Text: EmblemText}}
}

type decorKey struct {
	border ornamentKey
	emblem emblemKey
}

var decors sync.Map // decorKey → []page.Shape

// withEmblem is the border of a plain page followed by the emblem in the
// field's box: one slice shared by every page of that template, so that the
// PDF writer draws it once.
func withEmblem(w, h float64, b Border, f *Field) []page.Shape {
	key := decorKey{ornamentKey{w, h, b}, emblemKey{f.X, f.Y, f.W, f.H}}
	if s, ok := decors.Load(key); ok {
		return s.([]page.Shape)
	}
	border := ornament(w, h, b)
	s := append(append(make([]page.Shape, 0, len(border)+64), border...), emblem(f.X, f.Y, f.W, f.H)...)
	decors.Store(key, s)
	return s
}
