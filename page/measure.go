package page

import (
	"math"
	"strconv"
	"strings"

	"khenthuong"
)

// Pages are measured in millimetres, font sizes in points.

// MMPerPt is one point (1/72 inch) in millimetres: a font size times it is
// the size in the page's unit.
const MMPerPt = 25.4 / 72

// The sides of a page, generous for any real sheet.
const (
	MinSide = 50.0   // mm
	MaxSide = 1200.0 // mm
)

// ValidSize reports whether a sheet of w × h mm can be printed (NaN cannot).
func ValidSize(w, h float64) bool {
	return w >= MinSide && w <= MaxSide && h >= MinSide && h <= MaxSide
}

// Page sizes by name, landscape unless the name ends in P.
var pageSizes = map[string][2]float64{
	"A3L": {420, 297}, "A3P": {297, 420}, "A3": {420, 297},
	"A4L": {297, 210}, "A4P": {210, 297}, "A4": {297, 210},
	"A5L": {210, 148}, "A5P": {148, 210},
}

// ParseSize reads "A3L", "A4L" (also A3P, A4P, A5L, A5P) or "WxH" in
// millimetres ("400x300", "400×300", "400,5x300").
func ParseSize(s string) (w, h float64, err error) {
	key := strings.ToUpper(strings.TrimSpace(s))
	if v, ok := pageSizes[key]; ok {
		return v[0], v[1], nil
	}
	bad := khenthuong.FieldErrorf("size", "Khổ giấy “%s” không hợp lệ: dùng A3L, A4L hoặc rộngxcao tính bằng mm (ví dụ 400x300)", s)
	key = strings.NewReplacer("×", "X", " ", "", "MM", "").Replace(key)
	parts := strings.Split(key, "X")
	if len(parts) != 2 {
		return 0, 0, bad
	}
	var v [2]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.ReplaceAll(p, ",", "."), 64)
		if err != nil || math.IsNaN(f) || f < MinSide || f > MaxSide {
			return 0, 0, bad
		}
		v[i] = f
	}
	return v[0], v[1], nil
}
