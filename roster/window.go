package roster

import (
	"sort"

	"khenthuong/vntext"
)

// A sheet is read in two passes so that a list of 100,000 rows is never
// held whole. The first pass (sheetScan) sees every line once, as it is
// read, and keeps what the interpretation needs of the whole sheet: how
// many cells are clearly VIQR, and which columns hold legacy text. The
// second pass holds a window of lines: the first ones, where the header is
// looked for, then the lines around the row being read (a few ahead, for a
// sub-header or the numbered row below a group heading). The readers of
// files that cannot be read as a stream (.xls, .ods, .docx, HTML...) give
// every line at once, and the same two passes walk them.

// unicodeTopLines is how many first lines a column keeps the surely-Unicode
// cells of one by one: the data of the first table starts above (a header
// is looked for in headerScanRows lines, and its sub-header and numbering
// rows take at most four more).
const unicodeTopLines = headerScanRows + 8

// colScan is what the first pass learns of one column's legacy text.
type colScan struct {
	enc        map[vntext.Encoding]int // cells surely in a legacy encoding, by encoding
	unicodeTop []int                   // lines below unicodeTopLines with a cell that is surely Unicode
	unicode    int                     // cells surely Unicode, all lines
	pending    int                     // cells that may be legacy but read well as they are
}

// sheetScan is the first pass over a sheet's lines.
type sheetScan struct {
	rd          *reader
	font        func(line, col int) string
	hiddenCols  []int
	hiddenFirst map[int]string // the first value of each hidden column
	viqrClear   int            // cells clearly VIQR, counted up to 3
	cols        map[int]*colScan
	lines       int
}

func newSheetScan(rd *reader, g *grid) *sheetScan {
	return &sheetScan{rd: rd, font: g.font, hiddenCols: g.hiddenCols, hiddenFirst: map[int]string{}, cols: map[int]*colScan{}}
}

func (s *sheetScan) col(c int) *colScan {
	cs := s.cols[c]
	if cs == nil {
		cs = &colScan{enc: map[vntext.Encoding]int{}}
		s.cols[c] = cs
	}
	return cs
}

// add takes the next line; it empties the cells of hidden columns.
func (s *sheetScan) add(cells []string) {
	i := s.lines
	s.lines++
	for _, c := range s.hiddenCols {
		if c < len(cells) && cells[c] != "" {
			if _, ok := s.hiddenFirst[c]; !ok {
				s.hiddenFirst[c] = cells[c]
			}
			cells[c] = ""
		}
	}
	for c, v := range cells {
		if v == "" {
			continue
		}
		if isASCII(v) {
			if s.viqrClear < 3 && vntext.LooksLikeVIQR(v) {
				s.viqrClear++
			}
			continue
		}
		if !mayBeLegacy(v) {
			cs := s.col(c)
			cs.unicode++
			if i < unicodeTopLines {
				cs.unicodeTop = append(cs.unicodeTop, i)
			}
			continue
		}
		font := ""
		if s.font != nil {
			font = s.font(i+1, c)
		}
		if _, enc := s.rd.toUnicode(v, font); enc == vntext.Unicode {
			s.col(c).pending++
		} else {
			s.col(c).enc[enc]++
		}
	}
}

// viqrMarks is how many VIQR marks make a cell VIQR: two on their own,
// one in a sheet where several cells are clearly VIQR ("Minh Ho'a" under
// "Tra.m Y te^' xa~ Ngu+ Ho'a").
func (s *sheetScan) viqrMarks() int {
	if s.viqrClear >= 3 {
		return 1
	}
	return 2
}

// reportHidden reports each hidden column that held something, with its
// first value (its header, most often): what the clerk sees is what is imported.
func (s *sheetScan) reportHidden(sheet string) {
	for _, c := range s.hiddenCols {
		if first, ok := s.hiddenFirst[c]; ok {
			delete(s.hiddenFirst, c)
			s.rd.problem(sheet, 0, columnLetter(c), shorten(first, 60), SeverityWarning,
				"Cột %s đang bị ẩn trong bảng tính: không đọc; bỏ ẩn cột rồi nhập lại nếu cần", columnLetter(c))
		}
	}
}

// wholeColumns picks the columns where some cells are surely TCVN3 (or
// VNI) and none below the header surely Unicode: their doubtful cells from
// dataStart convert the same way.
func (s *sheetScan) wholeColumns(dataStart int) map[int]vntext.Encoding {
	out := map[int]vntext.Encoding{}
	for c, cs := range s.cols {
		above := 0
		for _, i := range cs.unicodeTop {
			if i < dataStart {
				above++
			}
		}
		if len(cs.enc) != 1 || cs.unicode-above > 0 {
			continue
		}
		for e, n := range cs.enc {
			if cs.pending <= n {
				out[c] = e
			}
		}
	}
	return out
}

// heldLine is a line of the window, with what its loading found.
type heldLine struct {
	cells   []string
	convs   []pendingConversion // cells converted as they were loaded
	pending []int               // columns of cells that may be legacy but read well as they are
}

// window is the second pass's view of a sheet.
type window struct {
	g    *grid
	rd   *reader
	next func() ([]string, bool) // the next line of the sheet
	held []heldLine              // held[k] is line base+k
	base int
	end  bool
	viqr int // VIQR marks that make a cell VIQR

	// Finalized lines (below final) are those the rows are read from: their
	// doubtful legacy cells converted by their column, merged cells filled
	// down, their conversions reported.
	final   int
	finder  *tableFinder
	whole   map[int]vntext.Encoding // columns converted whole, from dataStart
	from    int                     // first data line of the first table
	mergeV  map[int]string          // the value of each merged range, by its index in g.merges
	started bool                    // the first table is known: lines can be finalized
}

// load reads lines until line i is held or the sheet ends.
func (w *window) load(i int) bool {
	for !w.end && i >= w.base+len(w.held) {
		cells, ok := w.next()
		if !ok {
			w.end = true
			break
		}
		w.held = append(w.held, w.loadLine(w.base+len(w.held), cells))
	}
	return i >= w.base && i < w.base+len(w.held)
}

// loadLine converts a line's cells that are surely VIQR or legacy text,
// cell by cell, with the cell's font when the file has one.
func (w *window) loadLine(i int, cells []string) heldLine {
	h := heldLine{cells: cells}
	for c, v := range cells {
		if v == "" {
			continue
		}
		if isASCII(v) {
			// VIQR ("Nguye^~n Va(n Ti`nh") is ASCII: told by its marks.
			if vntext.VIQRMarks(v) >= w.viqr {
				out := vntext.DecodeVIQR(v)
				cells[c] = out
				h.convs = append(h.convs, pendingConversion{cellRef{i, c}, v, out, vntext.VIQR})
			}
			continue
		}
		if !mayBeLegacy(v) {
			continue
		}
		font := ""
		if w.g.font != nil {
			font = w.g.font(i+1, c)
		}
		out, enc := w.rd.toUnicode(v, font)
		if enc == vntext.Unicode {
			h.pending = append(h.pending, c)
			continue
		}
		cells[c] = out
		h.convs = append(h.convs, pendingConversion{cellRef{i, c}, v, out, enc})
	}
	return h
}

// raw is line i as loaded: what the header is looked for in.
func (w *window) raw(i int) []string {
	if !w.load(i) {
		return nil
	}
	return w.held[i-w.base].cells
}

// line is line i finalized: what the rows are read from.
func (w *window) line(i int) []string {
	w.finalize(i)
	return w.raw(i)
}

// finalize finalizes the lines up to i.
func (w *window) finalize(i int) {
	for w.started && w.final <= i && w.load(w.final) {
		k := w.final
		w.finder.through(k)
		h := &w.held[k-w.base]
		if k >= w.from {
			for _, c := range h.pending {
				enc, ok := w.whole[c]
				if !ok {
					continue
				}
				v := h.cells[c]
				if out, got := vntext.ToUnicode(v, legacyHint(enc)); got != vntext.Unicode {
					h.cells[c] = out
					h.convs = append(h.convs, pendingConversion{cellRef{k, c}, v, out, got})
				}
			}
		}
		w.fillDown(k, h)
		sort.Slice(h.convs, func(a, b int) bool { return h.convs[a].col < h.convs[b].col })
		l := w.finder.tableOf(k)
		for _, cv := range h.convs {
			w.rd.im.Converted = append(w.rd.im.Converted, Conversion{
				Sheet: w.g.name, Row: k + 1, Column: l.label(cv.col),
				From: cv.from, To: cv.to, Encoding: cv.enc.String(),
			})
		}
		h.convs, h.pending = nil, nil
		w.final++
	}
}

// fillDown copies the value of each range merged down over data rows into
// line k when its cell is empty: a unit or a form typed once for a group of
// people. The ranges go in their order, as one range may fill the first
// cell of another.
func (w *window) fillDown(k int, h *heldLine) {
	for n, m := range w.g.merges {
		if m.top < w.from || m.left >= maxColumns || k < m.top || k > m.bottom {
			continue
		}
		if k == m.top {
			if m.left < len(h.cells) && h.cells[m.left] != "" {
				w.mergeV[n] = h.cells[m.left]
			}
			continue
		}
		v, ok := w.mergeV[n]
		if !ok || m.left < len(h.cells) && h.cells[m.left] != "" {
			continue
		}
		for len(h.cells) <= m.left {
			h.cells = append(h.cells, "")
		}
		h.cells[m.left] = v
	}
}

// release lets go of the lines before i that are finalized.
func (w *window) release(i int) {
	i = min(i, w.final, w.base+len(w.held))
	if i <= w.base {
		return
	}
	n := i - w.base
	clear(w.held[:n])
	w.held = w.held[n:]
	w.base = i
}

// drain finalizes the lines left, for their conversions, holding none.
func (w *window) drain() {
	for w.load(w.final) {
		w.finalize(w.final)
		w.release(w.final)
	}
}

// tableFinder finds the tables of a sheet as the second pass goes down it:
// below the first header row, every row that names other columns starts a
// table of its own (see findHeaders).
type tableFinder struct {
	g      *grid
	m      *Mapping
	best   int // the first header row
	next   int // the next line to look at
	done   bool
	tables []*columnLayout
}

// through looks at the lines up to i.
func (tf *tableFinder) through(i int) {
	g, m := tf.g, tf.m
	for !tf.done && tf.next <= i {
		j := tf.next
		if !g.has(j) {
			tf.done = true
			return
		}
		tf.next = j + 1
		if j != tf.best {
			if !headerLike(g.raw(j)) {
				continue
			}
			// Above the best header, only a row naming three columns: a
			// title row may hold a couple of header words.
			if sc := headerScore(g, j, m); sc == 0 || j < tf.best && sc < 3 {
				continue
			}
		}
		l := layoutAt(g, j, m)
		if n := len(tf.tables); n > 0 {
			prev := tf.tables[n-1]
			if j < prev.dataStart || sameHeader(prev, l) {
				continue // the previous header's sub-header row, or a repeat of it
			}
		}
		tf.tables = append(tf.tables, l)
		tf.next = l.dataStart
	}
}

// more looks further down until the table after the n-th is found or the
// sheet ends; the lines it passes are finalized and let go.
func (tf *tableFinder) more(n int, w *window) {
	for len(tf.tables) <= n+1 && !tf.done && w.load(w.final) {
		w.finalize(w.final)
		w.release(w.final)
	}
}

// tableOf is the table a line belongs to.
func (tf *tableFinder) tableOf(line int) *columnLayout {
	l := tf.tables[0]
	for _, t := range tf.tables[1:] {
		if line >= t.headerLine {
			l = t
		}
	}
	return l
}
