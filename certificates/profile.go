package certificates

import (
	"math"
	"strings"
	"sync"

	"khenthuong"
	"khenthuong/page"
)

// PrinterProfile is how one printer feeds the office's stock: everything
// printed moves by OffsetX, OffsetY (mm; positive x moves the print right,
// positive y moves it down, towards the bottom edge) after scaling by Scale
// about the sheet's top-left corner (0 means 1). Stored as JSON.
type PrinterProfile struct {
	Name    string  `json:"name"`
	OffsetX float64 `json:"offset_x"`
	OffsetY float64 `json:"offset_y"`
	Scale   float64 `json:"scale,omitempty"`
}

// Limits of a printer profile: beyond them the profile is surely mistyped.
const (
	MaxOffset = 50.0 // mm
	MinScale  = 0.5
	MaxScale  = 2.0
)

// Validate checks the profile; the error names the field.
func (p *PrinterProfile) Validate() error {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch {
	case strings.TrimSpace(p.Name) == "":
		return khenthuong.FieldErrorf("name", "Chưa nhập tên máy in")
	case len([]rune(p.Name)) > khenthuong.MaxNameLength:
		return khenthuong.FieldErrorf("name", "Tên máy in dài quá %d ký tự", khenthuong.MaxNameLength)
	case !finite(p.OffsetX) || math.Abs(p.OffsetX) > MaxOffset:
		return khenthuong.FieldErrorf("offset_x", "Độ lệch ngang %s mm không hợp lệ (từ -%g đến %g mm)", mm(p.OffsetX), MaxOffset, MaxOffset)
	case !finite(p.OffsetY) || math.Abs(p.OffsetY) > MaxOffset:
		return khenthuong.FieldErrorf("offset_y", "Độ lệch dọc %s mm không hợp lệ (từ -%g đến %g mm)", mm(p.OffsetY), MaxOffset, MaxOffset)
	case !finite(p.Scale) || p.Scale != 0 && (p.Scale < MinScale || p.Scale > MaxScale):
		return khenthuong.FieldErrorf("scale", "Tỉ lệ %s không hợp lệ (từ %g đến %g)", mm(p.Scale), MinScale, MaxScale)
	}
	return nil
}

func (p PrinterProfile) scale() float64 {
	if p.Scale == 0 {
		return 1
	}
	return p.Scale
}

// Identity reports whether the profile moves nothing.
func (p PrinterProfile) Identity() bool {
	return p.OffsetX == 0 && p.OffsetY == 0 && p.scale() == 1
}

// Pos maps a point of the template to where it is printed.
func (p PrinterProfile) Pos(x, y float64) (float64, float64) {
	s := p.scale()
	return x*s + p.OffsetX, y*s + p.OffsetY
}

// Apply returns the page as printed through the profile: every text, image
// and shape moved (and scaled). The page size does not change. Shapes are
// read-only and may be shared between pages.
func (p PrinterProfile) Apply(pg page.Page) page.Page {
	if p.Identity() {
		return pg
	}
	s := p.scale()
	out := page.Page{Width: pg.Width, Height: pg.Height}
	out.Texts = make([]page.Text, len(pg.Texts))
	for i, t := range pg.Texts {
		t.X, t.Baseline = p.Pos(t.X, t.Baseline)
		t.Width *= s
		t.Ascent *= s
		t.Descent *= s
		t.Size *= s
		out.Texts[i] = t
	}
	if pg.Images != nil {
		out.Images = make([]page.Image, len(pg.Images))
		for i, im := range pg.Images {
			im.X, im.Y = p.Pos(im.X, im.Y)
			im.W *= s
			im.H *= s
			out.Images[i] = im
		}
	}
	out.Shapes = p.applyShapes(pg.Shapes)
	return out
}

// lastShapes remembers the last shapes moved: a batch moves the same shared
// border on every page.
var lastShapes struct {
	sync.Mutex
	in      *page.Shape
	n       int
	profile PrinterProfile
	out     []page.Shape
}

func (p PrinterProfile) applyShapes(shapes []page.Shape) []page.Shape {
	if len(shapes) == 0 {
		return shapes
	}
	lastShapes.Lock()
	defer lastShapes.Unlock()
	if lastShapes.in == &shapes[0] && lastShapes.n == len(shapes) && lastShapes.profile == p {
		return lastShapes.out
	}
	out := p.moveShapes(shapes)
	lastShapes.in, lastShapes.n, lastShapes.profile, lastShapes.out = &shapes[0], len(shapes), p, out
	return out
}

func (p PrinterProfile) moveShapes(shapes []page.Shape) []page.Shape {
	s := p.scale()
	out := make([]page.Shape, len(shapes))
	for i, sh := range shapes {
		sh.X, sh.Y = p.Pos(sh.X, sh.Y)
		sh.W *= s
		sh.H *= s
		sh.R *= s
		sh.LineWidth *= s
		if sh.Points != nil {
			pts := make([]page.Point, len(sh.Points))
			for j, pt := range sh.Points {
				pts[j].X, pts[j].Y = p.Pos(pt.X, pt.Y)
			}
			sh.Points = pts
		}
		out[i] = sh
	}
	return out
}

// Corrected returns the profile adjusted after a calibration page printed
// with p: measuredX, measuredY are where the clerk found a crosshair (mm from
// the sheet's left and top edges) and nominalX, nominalY where the page's
// table says it belongs. One crosshair corrects the offset only.
func (p PrinterProfile) Corrected(measuredX, measuredY, nominalX, nominalY float64) PrinterProfile {
	corrected, _ := p.Calibrated([]Measurement{{nominalX, nominalY, measuredX, measuredY}})
	return corrected
}

// Measurement is one crosshair of a calibration page printed through a
// profile: where the page puts it and where the clerk measured it (mm from
// the sheet's left and top edges).
type Measurement struct {
	NominalX, NominalY   float64
	MeasuredX, MeasuredY float64
}

// CalibrationFit is what the measured crosshairs say about the printer.
type CalibrationFit struct {
	ShiftX, ShiftY float64 // mean of measured minus nominal, mm
	ScaleMeasured  bool    // the crosshairs were far enough apart to measure a stretch
	Residual       float64 // farthest crosshair from the fitted model, mm: large means a bad measure or a skewed feed
}

// Calibration limits: crosshairs closer than minScaleSpan cannot tell a
// stretch from a measuring error, and a stretch under minStretch (0.8 mm
// over an A3 sheet) is left alone rather than chased.
const (
	minScaleSpan = 100.0 // mm between the crosshairs, root mean square
	minStretch   = 0.002
)

// Calibrated returns the profile that puts the crosshairs where they belong,
// from where they were measured on a page printed through p. The printer is
// modelled as moving and uniformly stretching what it is sent
// (measured = k·sent + d, sent = s·nominal + offset); k and d are fitted by
// least squares and the new profile undoes them: scale 1/k, offset -d/k.
// With one crosshair, or crosshairs too close together, the stretch is not
// measured and the profile's scale is kept.
func (p PrinterProfile) Calibrated(ms []Measurement) (PrinterProfile, CalibrationFit) {
	var fit CalibrationFit
	if len(ms) == 0 {
		return p, fit
	}
	s0 := p.scale()
	n := float64(len(ms))
	// Means of what was sent to the printer (q) and of what it printed (m).
	var qx, qy, mx, my float64
	for _, m := range ms {
		x, y := p.Pos(m.NominalX, m.NominalY)
		qx, qy, mx, my = qx+x/n, qy+y/n, mx+m.MeasuredX/n, my+m.MeasuredY/n
		fit.ShiftX += (m.MeasuredX - m.NominalX) / n
		fit.ShiftY += (m.MeasuredY - m.NominalY) / n
	}
	var cov, variance float64
	for _, m := range ms {
		x, y := p.Pos(m.NominalX, m.NominalY)
		cov += (x-qx)*(m.MeasuredX-mx) + (y-qy)*(m.MeasuredY-my)
		variance += (x-qx)*(x-qx) + (y-qy)*(y-qy)
	}
	k := 1 / s0 // what the profile's scale assumes of the printer
	if variance/n >= minScaleSpan*minScaleSpan {
		fit.ScaleMeasured = true
		if measured := cov / variance; math.Abs(measured*s0-1) >= minStretch {
			k = measured
		}
	}
	dx, dy := mx-k*qx, my-k*qy
	for _, m := range ms {
		x, y := p.Pos(m.NominalX, m.NominalY)
		fit.Residual = math.Max(fit.Residual, math.Hypot(k*x+dx-m.MeasuredX, k*y+dy-m.MeasuredY))
	}
	if k != 1/s0 {
		p.Scale = math.Round(10000/k) / 10000
	}
	p.OffsetX = math.Round(-dx/k*10) / 10
	p.OffsetY = math.Round(-dy/k*10) / 10
	return p, fit
}
