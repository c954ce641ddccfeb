package certificates

import (
	"math"
	"testing"
)

// printerModel is a printer that stretches what it is sent by k and moves it by dx, dy.
type printerModel struct{ k, kx, dx, dy float64 }

// measure prints the calibration marks of a w × h page through profile p on
// the printer and returns where the marks land.
func (pm printerModel) measure(p PrinterProfile, w, h float64, marks ...int) []Measurement {
	var ms []Measurement
	for _, m := range CalibrationMarks(w, h) {
		for _, n := range marks {
			if m.N == n {
				x, y := p.Pos(m.X, m.Y)
				kx := pm.kx
				if kx == 0 {
					kx = pm.k
				}
				ms = append(ms, Measurement{m.X, m.Y, kx*x + pm.dx, pm.k*y + pm.dy})
			}
		}
	}
	return ms
}

func TestCalibrated(t *testing.T) {
	corners := []int{1, 3, 7, 9}
	cases := []struct {
		name      string
		profile   PrinterProfile
		printer   printerModel
		marks     []int
		wantScale float64 // the profile's Scale afterwards; -1: any
		measured  bool    // the stretch could be measured
		skewed    bool    // the marks fit no shift and scale: Residual > 1 mm
	}{
		{"ShiftOnly", PrinterProfile{Name: "a", OffsetX: 1, OffsetY: -1}, printerModel{k: 1, dx: 1.5, dy: -2}, corners, 0, true, false},
		{"OneMarkKeepsTheScale", PrinterProfile{Name: "a", Scale: 0.99}, printerModel{k: 1 / 0.99, dx: 3, dy: 1}, []int{5}, 0.99, false, false},
		{"MarksTooCloseKeepTheScale", PrinterProfile{Name: "a"}, printerModel{k: 1.01, dx: 1, dy: 1}, []int{1, 2}, 0, false, false},
		{"StretchOfOnePercentIsUndone", PrinterProfile{Name: "a", OffsetX: 2}, printerModel{k: 1.01, dx: 2, dy: -3}, corners, 0.9901, true, false},
		{"ShrinkOnAnEarlierScale", PrinterProfile{Name: "a", Scale: 1.01, OffsetY: 1}, printerModel{k: 0.985, dx: -1, dy: 2}, []int{1, 5, 9}, 1.0152, true, false},
		{"TinyStretchIsLeftAlone", PrinterProfile{Name: "a"}, printerModel{k: 1.001, dx: 1, dy: 1}, corners, 0, true, false},
		{"StretchAcrossOnlyIsSkew", PrinterProfile{Name: "a"}, printerModel{k: 1, kx: 1.012, dx: 0, dy: 0}, corners, -1, true, true},
	}
	const w, h = 420, 297
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, fit := c.profile.Calibrated(c.printer.measure(c.profile, w, h, c.marks...))
			if c.wantScale >= 0 && math.Abs(got.Scale-c.wantScale) > 1e-9 || fit.ScaleMeasured != c.measured || (fit.Residual > 1) != c.skewed {
				t.Fatalf("profile %+v, fit %+v; want scale %v, measured %v, skewed %v", got, fit, c.wantScale, c.measured, c.skewed)
			}
			if err := got.Validate(); err != nil {
				t.Fatal(err)
			}
			if c.skewed {
				return
			}
			// Printed again through the new profile, every mark lands where it belongs.
			worst := 0.0
			for _, m := range c.printer.measure(got, w, h, 1, 2, 3, 4, 5, 6, 7, 8, 9) {
				worst = math.Max(worst, math.Hypot(m.MeasuredX-m.NominalX, m.MeasuredY-m.NominalY))
			}
			tolerance := 0.15 // offsets are kept to 0.1 mm
			if !c.measured || got.Scale == 0 && c.printer.k != 1 {
				tolerance = math.Abs(c.printer.k*c.profile.scale()-1)*math.Hypot(w, h) + 0.15 // a stretch left alone
			}
			if worst > tolerance {
				t.Errorf("printed through %+v the marks land up to %.2f mm off (tolerance %.2f)", got, worst, tolerance)
			}
		})
	}
}
