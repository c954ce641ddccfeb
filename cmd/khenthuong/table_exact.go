package main

import (
	"bufio"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// exactTable prints a table byte for byte as table prints it (text/tabwriter,
// padding 2, spaces, no flags) without holding its text: the rows are
// produced twice, first to measure the cells, then to print them padded.
// Memory holds a few numbers a cell, not the rows (tabwriter keeps every row
// of a column block until the end, and a table of one block is the whole
// output).
//
// each produces the rows, the same both times, calling row for each; pass is
// 0 while measuring, 1 while printing (each may stop the second pass after
// as many rows as the first produced).
func exactTable(w io.Writer, header []string, each func(pass int, row func(cells ...string) error) error) error {
	m := &tableMeasure{}
	sc := &cellScanner{cell: m.cell, line: m.line}
	sc.write(header)
	if err := each(0, func(cells ...string) error { sc.write(cells); return nil }); err != nil {
		return err
	}
	sc.close()
	m.layout()

	out := bufio.NewWriterSize(w, 1<<16)
	p := &tablePrinter{m: m, w: out}
	sc = &cellScanner{cell: p.cell, line: p.line}
	sc.write(header)
	if err := each(1, func(cells ...string) error { sc.write(cells); return nil }); err != nil {
		return err
	}
	sc.close()
	return out.Flush()
}

// cellScanner splits text into cells and lines as tabwriter.Writer.Write
// does: '\t' and '\v' end a cell, '\n' and '\f' a cell and a line, and text
// between two tabwriter.Escape bytes is one piece of a cell, its width
// without the two Escapes.
type cellScanner struct {
	cur     []byte // the cell's bytes so far
	counted int    // how many of them width counts
	width   int
	escape  bool // inside an escaped piece
	ncells  int  // cells ended on the current line
	// cell receives each cell ended; line each line ended, flush telling
	// whether tabwriter flushes after it ('\f', or a line of one cell).
	cell func(text []byte, width int)
	line func(newline, flush bool)
}

func (s *cellScanner) write(cells []string) {
	for i, c := range cells {
		if i > 0 {
			s.bytes("\t")
		}
		s.bytes(c)
	}
	s.bytes("\n")
}

// count adds the width of the bytes not counted yet, as tabwriter's updateWidth.
func (s *cellScanner) count() {
	s.width += utf8.RuneCount(s.cur[s.counted:])
	s.counted = len(s.cur)
}

func (s *cellScanner) bytes(text string) {
	from := 0
	for i := 0; i < len(text); i++ {
		ch := text[i]
		if s.escape {
			if ch == tabwriter.Escape {
				s.cur = append(s.cur, text[from:i+1]...)
				from = i + 1
				s.endEscape()
			}
			continue
		}
		switch ch {
		case '\t', '\v', '\n', '\f':
			s.cur = append(s.cur, text[from:i]...)
			from = i + 1
			s.count()
			s.endCell()
			if ch == '\n' || ch == '\f' {
				s.line(true, ch == '\f' || s.ncells == 1)
				s.ncells = 0
			}
		case tabwriter.Escape:
			s.cur = append(s.cur, text[from:i]...)
			from = i
			s.count()
			s.escape = true
		}
	}
	s.cur = append(s.cur, text[from:]...)
}

// endEscape counts an escaped piece without its two Escapes.
func (s *cellScanner) endEscape() {
	s.count()
	s.width -= 2
	s.escape = false
}

func (s *cellScanner) endCell() {
	s.cell(s.cur, s.width)
	s.cur, s.counted, s.width = s.cur[:0], 0, 0
	s.ncells++
}

// close ends the text as tabwriter's Flush does: a cell begun is ended,
// and the last line is printed without a newline.
func (s *cellScanner) close() {
	if len(s.cur) > 0 {
		if s.escape {
			s.endEscape()
		}
		s.count()
		s.endCell()
	}
	if s.ncells > 0 {
		s.line(false, true)
	}
}

// tableMeasure keeps the width of every cell, then the width each is
// padded to.
type tableMeasure struct {
	widths []int32 // every cell's width, line after line; then its padded width, -1 for none
	starts []int   // where each line's cells begin in widths, and where the next would
	breaks []int   // the lines before which tabwriter has flushed
}

func (m *tableMeasure) cell(_ []byte, width int) {
	if len(m.starts) == 0 {
		m.starts = append(m.starts, 0)
	}
	m.widths = append(m.widths, int32(width))
}

func (m *tableMeasure) line(_, flush bool) {
	m.starts = append(m.starts, len(m.widths))
	if flush {
		m.breaks = append(m.breaks, m.lines())
	}
}

func (m *tableMeasure) lines() int { return max(len(m.starts)-1, 0) }

func (m *tableMeasure) ncells(line int) int { return m.starts[line+1] - m.starts[line] }

// layout computes the padded widths, each run of lines between two flushes
// laid out as tabwriter's format lays out its buffer.
func (m *tableMeasure) layout() {
	n := m.lines()
	cells := append([]int32(nil), m.widths...)
	from := 0
	for _, b := range append(m.breaks, n) {
		m.format(cells, nil, from, b)
		from = b
	}
}

// format is text/tabwriter's (*Writer).format on widths only: a column block
// is a run of lines having a cell in the column; its width is the widest of
// its cells plus the padding, and the columns to its right are laid out
// within it.
func (m *tableMeasure) format(cells []int32, widths []int32, line0, line1 int) {
	column := len(widths)
	for this := line0; this < line1; this++ {
		if column >= m.ncells(this)-1 {
			continue
		}
		m.pad(widths, line0, this)
		line0 = this
		width := int32(0)
		for ; this < line1; this++ {
			if column >= m.ncells(this)-1 {
				break
			}
			width = max(width, cells[m.starts[this]+column]+2)
		}
		m.format(cells, append(widths, width), line0, this)
		line0 = this
	}
	m.pad(widths, line0, line1)
}

func (m *tableMeasure) pad(widths []int32, line0, line1 int) {
	for l := line0; l < line1; l++ {
		for j := range m.ncells(l) {
			w := int32(-1)
			if j < len(widths) {
				w = widths[j]
			}
			m.widths[m.starts[l]+j] = w
		}
	}
}

// tablePrinter prints the cells padded as tableMeasure laid them out.
type tablePrinter struct {
	m  *tableMeasure
	w  *bufio.Writer
	at int // the line printing
	j  int // its cells printed
}

func (p *tablePrinter) cell(text []byte, width int) {
	p.w.Write(text)
	if p.at < p.m.lines() && p.j < p.m.ncells(p.at) {
		if pad := int(p.m.widths[p.m.starts[p.at]+p.j]); pad > width {
			p.w.WriteString(strings.Repeat(" ", pad-width))
		}
	}
	p.j++
}

func (p *tablePrinter) line(newline, _ bool) {
	if newline {
		p.w.WriteByte('\n')
	}
	p.at++
	p.j = 0
}
