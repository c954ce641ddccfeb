package certificates

import (
	"math"

	"khenthuong/page"
)

// column is one column of a ruled table.
type column struct {
	title string
	w     float64 // mm
	align byte    // 'L', 'C', 'R', 'J'
}

// table is a ruled table across the text column: one box per row, rows
// never split, the header repeated at the top of every page it continues on.
type table struct {
	cols   []column
	x      float64 // left edge, mm
	size   float64 // pt
	pad    float64 // left and right padding in a cell, mm
	vpad   float64 // top and bottom padding, mm
	header []box
}

// cellPara is one paragraph of a cell.
type cellPara struct {
	spans []span
	size  float64 // 0: the table's
	align byte    // 0: the column's
}

// cell is the content of a cell covering cols columns (0 means 1).
type cell struct {
	paras []cellPara
	cols  int
}

func textCell(style, text string) cell {
	return cell{paras: []cellPara{{spans: []span{sp(style, text)}}}}
}

func (s DocStyle) newTable(x, size float64, cols ...column) *table {
	t := &table{cols: cols, x: x, size: size, pad: 1.5, vpad: 1.2}
	hdr := make([]cell, len(cols))
	for i, c := range cols {
		hdr[i] = cell{paras: []cellPara{{spans: []span{sp("B", c.title)}, align: 'C'}}}
	}
	h := s.row(t, hdr, 0)
	h.glue = true
	t.header = []box{h}
	return t
}

// width is the table's total width.
func (t *table) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.w
	}
	return w
}

// row lays out one row; minH is its least height in mm. The row is glued to
// nothing: the caller glues rows that belong together.
func (s DocStyle) row(t *table, cells []cell, minH float64) box {
	var b box
	type placed struct {
		x0, x1 float64
		texts  []page.Text
		h      float64
	}
	var ps []placed
	x, col := t.x, 0
	for _, c := range cells {
		n := max(c.cols, 1)
		if col+n > len(t.cols) {
			n = len(t.cols) - col
		}
		if n <= 0 {
			break
		}
		w := 0.0
		for k := col; k < col+n; k++ {
			w += t.cols[k].w
		}
		align := t.cols[col].align
		p := placed{x0: x, x1: x + w}
		y := t.vpad
		for _, cp := range c.paras {
			size := cp.size
			if size == 0 {
				size = t.size
			}
			a := cp.align
			if a == 0 {
				a = align
			}
			for _, lb := range s.boxes(para{spans: cp.spans, size: size, align: a, x: x + t.pad, w: w - 2*t.pad, soft: true}) {
				for _, tx := range lb.texts {
					tx.Baseline += y
					p.texts = append(p.texts, tx)
				}
				y += lb.h
			}
		}
		p.h = y + t.vpad
		ps = append(ps, p)
		x += w
		col += n
	}
	h := minH
	for _, p := range ps {
		h = math.Max(h, p.h)
	}
	b.h = h
	const lw = 0.2
	b.shapes = append(b.shapes, hline(t.x, t.x+t.width(), 0, lw), hline(t.x, t.x+t.width(), h, lw))
	for i, p := range ps {
		b.texts = append(b.texts, p.texts...)
		if i == 0 {
			b.shapes = append(b.shapes, vline(p.x0, 0, h, lw))
		}
		b.shapes = append(b.shapes, vline(p.x1, 0, h, lw))
	}
	return b
}

// dataRow is a body row, carrying the header to repeat after a page break.
func (s DocStyle) dataRow(t *table, cells []cell, minH float64) box {
	b := s.row(t, cells, minH)
	b.header = t.header
	return b
}
