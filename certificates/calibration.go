package certificates

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/page"
)

// Mark is a numbered crosshair of the calibration page, at a known position
// in mm from the sheet's left and top edges (before the profile's offset).
type Mark struct {
	N int     `json:"n"`
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Calibration page geometry: where a mark's number sits relative to its centre.
const (
	markArm       = 8.0  // mm, half the length of a crosshair's lines
	markRadius    = 3.0  // mm
	markLabelDX   = 3.5  // mm right of the centre, clear of the circle
	markLabelDY   = -3.5 // mm, the label's baseline above the centre
	markLabelSize = 10.0 // pt
	markMargin    = 20.0 // mm from the edges to the outer marks
)

// CalibrationMarks are the nine crosshairs of a page: the corners 20 mm in
// from the edges, the middles of the edges and the centre, numbered left to
// right, top to bottom.
func CalibrationMarks(pageW, pageH float64) []Mark {
	xs := []float64{markMargin, round1(pageW / 2), round1(pageW - markMargin)}
	ys := []float64{markMargin, round1(pageH / 2), round1(pageH - markMargin)}
	marks := make([]Mark, 0, 9)
	for _, y := range ys {
		for _, x := range xs {
			marks = append(marks, Mark{N: len(marks) + 1, X: x, Y: y})
		}
	}
	return marks
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// MarkLabel is the text printed beside mark n: "#n".
func MarkLabel(n int) string { return "#" + strconv.Itoa(n) }

// CalibrationPage lays out the calibration page, printed through the profile
// so the clerk measures the shift that remains: a millimetre grid (1 mm light,
// 10 mm darker and numbered), the numbered crosshairs, and a table of their
// positions with the instructions.
func CalibrationPage(pageW, pageH float64, profile PrinterProfile) (page.Page, error) {
	if !page.ValidSize(pageW, pageH) {
		return page.Page{}, khenthuong.FieldErrorf("size", "Khổ giấy %s × %s mm không hợp lệ", mm(pageW), mm(pageH))
	}
	if err := profile.Validate(); err != nil && profile != (PrinterProfile{}) {
		return page.Page{}, err
	}
	pg := page.Page{Width: pageW, Height: pageH}
	light, dark, red, black := page.RGB{R: 200, G: 215, B: 230}, page.RGB{R: 110, G: 140, B: 170}, page.RGB{R: 210, G: 0, B: 0}, page.RGB{R: 0, G: 0, B: 0}
	// The grid: light lines every mm, darker every 10 mm (drawn last, on top).
	for _, major := range []bool{false, true} {
		for x := 0; float64(x) <= pageW; x++ {
			if (x%10 == 0) == major {
				pg.Shapes = append(pg.Shapes, gridLine(float64(x), 0, float64(x), pageH, major, light, dark))
			}
		}
		for y := 0; float64(y) <= pageH; y++ {
			if (y%10 == 0) == major {
				pg.Shapes = append(pg.Shapes, gridLine(0, float64(y), pageW, float64(y), major, light, dark))
			}
		}
	}
	regular, bold := page.LookupFace(page.FontSerif, ""), page.LookupFace(page.FontSerif, "B")
	text := func(face *page.Face, s string, x, baseline, size float64, c page.RGB) {
		pg.Texts = append(pg.Texts, page.Text{Field: -1, X: x, Baseline: baseline, Width: face.Width(s, size),
			Ascent: face.Ascent * size * page.MMPerPt, Descent: face.Descent * size * page.MMPerPt,
			Font: face.Family, Style: face.Style, Size: size, Color: c, Text: s})
	}
	// Grid numbers along the top and the left edge, every 10 mm.
	for x := 10; float64(x) < pageW-5; x += 10 {
		text(regular, strconv.Itoa(x), float64(x)+0.6, 4, 6, dark)
	}
	for y := 10; float64(y) < pageH-5; y += 10 {
		text(regular, strconv.Itoa(y), 0.8, float64(y)-0.6, 6, dark)
	}
	marks := CalibrationMarks(pageW, pageH)
	for _, m := range marks {
		pg.Shapes = append(pg.Shapes,
			page.Shape{Kind: page.ShapeLine, Points: []page.Point{{X: m.X - markArm, Y: m.Y}, {X: m.X + markArm, Y: m.Y}}, LineWidth: 0.25, Stroke: red},
			page.Shape{Kind: page.ShapeLine, Points: []page.Point{{X: m.X, Y: m.Y - markArm}, {X: m.X, Y: m.Y + markArm}}, LineWidth: 0.25, Stroke: red},
			page.Shape{Kind: page.ShapeCircle, X: m.X, Y: m.Y, R: markRadius, LineWidth: 0.25, Stroke: red},
		)
		text(bold, MarkLabel(m.N), m.X+markLabelDX, m.Y+markLabelDY, markLabelSize, red)
	}
	// The table, in the left half between the marks, on a white card.
	boxX, boxY := markMargin+12, markMargin+12
	boxW := math.Min(pageW/2-12-boxX, 150)
	size := 9.0
	lead := size * page.MMPerPt * 1.35
	var lines []struct {
		face *page.Face
		s    string
		tab  bool
	}
	add := func(face *page.Face, s string, tab bool) {
		lines = append(lines, struct {
			face *page.Face
			s    string
			tab  bool
		}{face, s, tab})
	}
	add(bold, "TRANG CĂN CHỈNH MÁY IN", false)
	name := profile.Name
	if name == "" {
		name = "(chưa chọn máy in)"
	}
	for _, l := range regular.Wrap([]string{fmt.Sprintf("Máy in: %s. Đang dùng độ lệch ngang %s mm, dọc %s mm, tỉ lệ %s. Khổ giấy %s × %s mm.",
		name, mm(profile.OffsetX), mm(profile.OffsetY), mm(profile.scale()), mm(pageW), mm(pageH))}, boxW-4, size) {
		add(regular, l, false)
	}
	add(bold, "Dấu\tx (mm)\ty (mm)", true)
	for _, m := range marks {
		add(regular, fmt.Sprintf("%s\t%s\t%s", MarkLabel(m.N), mm(m.X), mm(m.Y)), true)
	}
	howto := "Cách đo: in trang này trên đúng loại giấy và máy in sẽ dùng, rồi đo bằng thước khoảng cách từ mép trái " +
		"và mép trên của tờ giấy đến tâm mỗi dấu chữ thập. Độ lệch còn lại = số đo − số trong bảng. " +
		"Độ lệch mới của máy in = độ lệch đang dùng − độ lệch còn lại (ngang và dọc như nhau; lấy trung bình các dấu). " +
		"Số dương dời chữ sang phải (ngang) và xuống dưới (dọc)."
	for _, l := range regular.Wrap([]string{howto}, boxW-4, size) {
		add(regular, l, false)
	}
	boxH := float64(len(lines))*lead + 4
	pg.Shapes = append(pg.Shapes, page.Shape{Kind: page.ShapeRect, X: boxX, Y: boxY, W: boxW, H: boxH,
		LineWidth: 0.3, Stroke: dark, Filled: true, Fill: page.RGB{R: 255, G: 255, B: 255}})
	y := boxY + 2 + regular.Ascent*size*page.MMPerPt
	for _, l := range lines {
		if l.tab {
			for i, cell := range strings.Split(l.s, "\t") {
				text(l.face, cell, boxX+2+float64(i)*math.Min(28, (boxW-4)/3), y, size, black)
			}
		} else {
			text(l.face, l.s, boxX+2, y, size, black)
		}
		y += lead
	}
	return profile.Apply(pg), nil
}

func gridLine(x1, y1, x2, y2 float64, major bool, light, dark page.RGB) page.Shape {
	s := page.Shape{Kind: page.ShapeLine, Points: []page.Point{{X: x1, Y: y1}, {X: x2, Y: y2}}, LineWidth: 0.08, Stroke: light}
	if major {
		s.LineWidth, s.Stroke = 0.2, dark
	}
	return s
}

// WriteCalibration writes the calibration page of a sheet of pageW × pageH mm
// (see page.ParseSize) printed through the profile.
func WriteCalibration(w io.Writer, pageW, pageH float64, profile PrinterProfile) error {
	pg, err := CalibrationPage(pageW, pageH, profile)
	if err != nil {
		return err
	}
	return page.WritePDF(w, "Trang căn chỉnh máy in", []page.Page{pg})
}
