package page

import (
	"strconv"
	"strings"
)

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
	Field    int     `json:"field"`    // the template field it fills (a certificate's), -1 for any other text
	Key      string  `json:"key"`      // that field's key
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

// Shape is a vector drawing (a border ornament, a rule, a table's lines, the
// calibration grid).
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

// Image is a picture file placed in a box (the national emblem), kept to its
// aspect ratio and centred in the box by the writer, the preview and the
// printer alike.
type Image struct {
	Path string  `json:"path"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

// RGB is a colour with 8-bit channels.
type RGB struct{ R, G, B uint8 }

// ParseColor reads "#RRGGBB" or "#RGB".
func ParseColor(s string) (RGB, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return RGB{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}
