package page

import (
	"errors"
	"math"
	"testing"

	"khenthuong"
)

func TestParseSize(t *testing.T) {
	good := []struct {
		in   string
		w, h float64
	}{
		{"A3L", 420, 297}, {"a4l", 297, 210}, {" A4P ", 210, 297}, {"A3", 420, 297},
		{"400x300", 400, 300}, {"400×300", 400, 300}, {"400,5 x 300 mm", 400.5, 300}, {"297X210", 297, 210},
	}
	for _, c := range good {
		w, h, err := ParseSize(c.in)
		if err != nil || w != c.w || h != c.h {
			t.Errorf("ParseSize(%q) = %g, %g, %v; want %g × %g", c.in, w, h, err, c.w, c.h)
		}
	}
	for _, in := range []string{"", "A9", "10x10", "400x", "x300", "axb", "400x300x2", "5000x300", "NaNxNaN"} {
		_, _, err := ParseSize(in)
		var e *khenthuong.Error
		if !errors.As(err, &e) || e.Field != "size" || e.Code != khenthuong.EINVALID {
			t.Errorf("ParseSize(%q): %v", in, err)
		}
	}
}

func TestValidSize(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		w, h float64
		ok   bool
	}{
		{210, 297, true}, {420, 297, true}, {MinSide, MaxSide, true},
		{49.9, 297, false}, {210, 1200.1, false}, {0, 0, false}, {-210, 297, false},
		{nan, 297, false}, {210, nan, false}, {math.Inf(1), 297, false},
	} {
		if got := ValidSize(c.w, c.h); got != c.ok {
			t.Errorf("ValidSize(%g, %g) = %v", c.w, c.h, got)
		}
	}
}
