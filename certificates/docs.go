package certificates

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"khenthuong/page"
)

// The office documents (decision, attached list, run-sheet, payment list,
// award history) share one small typesetter. As with certificates, a layout
// is data (DocStyle: page size, margins in millimetres, fonts and sizes) plus
// functions that place the text, giving page.Pages: the PDF writer, an
// on-screen preview and the printer draw from the same Pages. Text widths
// come from the embedded fonts' own metrics (page.Face.Width), the ones fpdf
// prints with.
//
// Content is a list of boxes stacked down the page: a box is a line (or an
// indivisible block such as the heading or the signature) of a given height.
// Boxes glued together go to the same page, so an entry of a list, a table
// row or the signature block is never split; a table repeats its header row
// after a page break.

// DocStyle is the page of an office document: data, checked by tests
// against the Decree 30/2020 ranges.
type DocStyle struct {
	Width, Height float64 // page, mm
	Top, Bottom   float64 // margins, mm (Decree 30: 20–25)
	Left, Right   float64 // margins, mm (Decree 30: left 30–35, right 15–20)
	Font          string  // family: FontSerif (Liberation Serif, Times New Roman's metric twin)
	Size          float64 // body text, pt (13–14)
	HeadSize      float64 // header block (issuing body, national motto), pt (12–13)
	SmallSize     float64 // "Nơi nhận" lines, pt (11)
	Leading       float64 // baseline distance in multiples of the size (single: 1.15)
	Indent        float64 // first-line indent of body paragraphs, mm (10–12.7)
	ParaSpace     float64 // space before a body paragraph, mm (6 pt)
	// PageNumberSize and PageNumberBaseline place the page number, centred
	// over the text column in the top margin, from page 2.
	PageNumberSize     float64 // pt
	PageNumberBaseline float64 // mm from the top edge
}

// AdminStyle is the A4 portrait page of Decree 30/2020: margins top and bottom
// 20 mm, left 30 mm, right 15 mm, Times New Roman (Liberation Serif) 14 pt.
func AdminStyle() DocStyle {
	return DocStyle{
		Width: 210, Height: 297, Top: 20, Bottom: 20, Left: 30, Right: 15,
		Font: page.FontSerif, Size: 14, HeadSize: 13, SmallSize: 11, Leading: 1.15,
		Indent: 12.7, ParaSpace: 6 * page.MMPerPt,
		PageNumberSize: 13, PageNumberBaseline: 13,
	}
}

// TextWidth is the width of the text column in mm.
func (s DocStyle) TextWidth() float64 { return s.Width - s.Left - s.Right }

// lead is the baseline distance in mm of lines at size pt.
func (s DocStyle) lead(size float64) float64 {
	face := page.LookupFace(s.Font, "")
	return math.Max(s.Leading, face.Ascent+face.Descent) * size * page.MMPerPt
}

// span is a run of text in one style ("", "B", "I", "BI").
type span struct {
	text  string
	style string
}

func sp(style, text string) span { return span{text: text, style: style} }

// para is a paragraph placed in a column (x, w) of the page.
type para struct {
	spans  []span
	size   float64 // pt
	align  byte    // 'L', 'C', 'R', 'J' (justified, last line left)
	x, w   float64 // column, mm from the page's left edge
	indent float64 // extra indent of the first line, mm
	// label is a hanging label ("1.", "-") set at x+labelX; the text then starts
	// at x+hang on every line.
	label  *span
	labelX float64
	hang   float64
	space  float64 // space above, mm (dropped at the top of a page)
	soft   bool    // lines may break after "/" and "-" (table cells)
	keep   bool    // every line on one page
	next   bool    // on the same page as what follows
	lead   float64 // baseline distance, mm (0: the style's)
	color  page.RGB
}

// box is one indivisible piece of the page: a line or a block of lines.
type box struct {
	h       float64      // height, mm
	space   float64      // space above, mm, dropped at the top of a page
	texts   []page.Text  // Baseline relative to the top of the box
	shapes  []page.Shape // Y relative to the top of the box
	glue    bool         // on the same page as the next box
	newPage bool         // starts a new page
	restart bool         // with newPage: an appendix, its pages numbered on their own
	header  []box        // a table's header, repeated when this row starts a page
}

// word is a unit of line breaking: pieces of text of one or more styles
// with no space between them.
type lword struct {
	pieces []span
	widths []float64
	w      float64
	tight  bool // no space before it: it goes on after a "/" or "-" where a line may break
}

func (s DocStyle) face(style string) *page.Face { return page.LookupFace(s.Font, style) }

// words splits spans into words, measuring them at size pt. With soft, a
// line may also break after "/" and "-" inside a word ("2871/" "QĐ-UBND"),
// as narrow table columns need.
func (s DocStyle) words(spans []span, size float64, soft bool) []lword {
	var out []lword
	joined := false // the next piece continues the current word
	for _, sn := range spans {
		face := s.face(sn.style)
		text, _ := face.Cover(sn.text)
		first := true
		for len(text) > 0 {
			i := strings.IndexFunc(text, breakSpace)
			if i == 0 {
				text = strings.TrimLeftFunc(text, breakSpace)
				joined = false
				first = false
				continue
			}
			piece := text
			if i > 0 {
				piece, text = text[:i], text[i:]
			} else {
				text = ""
			}
			for k, sub := range softParts(piece, soft) {
				pw := face.Width(sub, size)
				if k == 0 && joined && first && len(out) > 0 {
					last := &out[len(out)-1]
					last.pieces = append(last.pieces, span{sub, sn.style})
					last.widths = append(last.widths, pw)
					last.w += pw
				} else {
					out = append(out, lword{pieces: []span{{sub, sn.style}}, widths: []float64{pw}, w: pw, tight: k > 0})
				}
			}
			joined = true
			first = false
		}
	}
	return out
}

// breakSpace is a space a line may break at: any but the no-break space,
// which ties a blank to its word ("số\u00a0…").
func breakSpace(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' }

// softParts splits a word after each "/" and "-" inside it when soft.
func softParts(w string, soft bool) []string {
	if !soft || !strings.ContainsAny(w, "/-") {
		return []string{w}
	}
	var out []string
	start := 0
	for i := 0; i < len(w)-1; i++ {
		if (w[i] == '/' || w[i] == '-') && i+1 > start {
			out = append(out, w[start:i+1])
			start = i + 1
		}
	}
	return append(out, w[start:])
}

// splitWide breaks a word wider than w into pieces that fit, letter by letter.
func (s DocStyle) splitWide(wd lword, w, size float64) []lword {
	var out []lword
	for _, pc := range wd.pieces {
		face := s.face(pc.style)
		for _, l := range face.BreakChars(pc.text, w, size) {
			lw := face.Width(l, size)
			out = append(out, lword{pieces: []span{{l, pc.style}}, widths: []float64{lw}, w: lw})
		}
	}
	return out
}

// boxes lays the paragraph out in lines, one box per line.
func (s DocStyle) boxes(p para) []box {
	size := p.size
	if size == 0 {
		size = s.Size
	}
	lead := p.lead
	if lead == 0 {
		lead = s.lead(size)
	}
	reg := s.face("")
	space := reg.Width(" ", size)
	ws := s.words(p.spans, size, p.soft)
	sep := func(wd lword) float64 {
		if wd.tight {
			return 0
		}
		return space
	}
	// Widths available: the first line is shorter by its indent.
	start := p.indent
	if p.label != nil {
		start = p.hang
	}
	avail := func(line int) float64 {
		if line == 0 {
			return p.w - start
		}
		if p.label != nil {
			return p.w - p.hang
		}
		return p.w
	}
	// Break words too wide for any line.
	for i := 0; i < len(ws); i++ {
		if lim := math.Min(avail(0), avail(1)); ws[i].w > lim+1e-6 {
			parts := s.splitWide(ws[i], lim, size)
			ws = append(ws[:i], append(parts, ws[i+1:]...)...)
			i += len(parts) - 1
		}
	}
	// Greedy line breaking.
	var lines [][]lword
	var cur []lword
	width := 0.0
	for _, wd := range ws {
		if len(cur) > 0 && width+sep(wd)+wd.w > avail(len(lines))+1e-6 {
			lines = append(lines, cur)
			cur, width = nil, 0
		}
		if len(cur) > 0 {
			width += sep(wd)
		}
		cur = append(cur, wd)
		width += wd.w
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	asc := reg.Ascent * size * page.MMPerPt
	out := make([]box, 0, len(lines))
	for n, line := range lines {
		x := p.x
		if n == 0 {
			x += start
		} else if p.label != nil {
			x += p.hang
		}
		lw, gaps := 0.0, 0
		for i, wd := range line {
			if i > 0 {
				lw += sep(wd)
				if !wd.tight {
					gaps++
				}
			}
			lw += wd.w
		}
		gap := space
		switch p.align {
		case 'C':
			x += (avail(n) - lw) / 2
		case 'R':
			x += avail(n) - lw
		case 'J':
			if n < len(lines)-1 && gaps > 0 {
				gap = space + (avail(n)-lw)/float64(gaps)
			}
		}
		b := box{h: lead, glue: p.keep && n < len(lines)-1 || p.next && n == len(lines)-1}
		if n == 0 {
			b.space = p.space
			if p.label != nil {
				b.texts = append(b.texts, s.text(p.label.style, size, p.label.text, p.x+p.labelX, asc, p.color))
			}
		}
		b.texts = append(b.texts, s.lineTexts(line, x, asc, size, gap, space, p.color)...)
		out = append(out, b)
	}
	return out
}

// lineTexts places the words of a line from x. With the natural gap,
// consecutive pieces of one style share a Text; a stretched (justified)
// line places every word on its own.
func (s DocStyle) lineTexts(line []lword, x, baseline, size, gap, space float64, color page.RGB) []page.Text {
	var out []page.Text
	stretched := gap > space+1e-6
	var b strings.Builder
	curStyle, curX, curW := "", x, 0.0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, s.textW(curStyle, size, b.String(), curX, baseline, curW, color))
			b.Reset()
		}
	}
	for i, wd := range line {
		if i > 0 && !wd.tight {
			if stretched {
				flush()
				x += gap
			} else {
				// A space joins the current Text when the style goes on.
				if wd.pieces[0].style == curStyle && b.Len() > 0 {
					b.WriteByte(' ')
					curW += space
				} else {
					flush()
				}
				x += space
			}
		}
		for j, pc := range wd.pieces {
			if pc.style != curStyle || b.Len() == 0 {
				flush()
				curStyle, curX, curW = pc.style, x, 0
			}
			b.WriteString(pc.text)
			curW += wd.widths[j]
			x += wd.widths[j]
		}
	}
	flush()
	return out
}

// text is one line of text at x with its baseline at y.
func (s DocStyle) text(style string, size float64, str string, x, y float64, color page.RGB) page.Text {
	face := s.face(style)
	str, _ = face.Cover(str)
	return s.textW(style, size, str, x, y, face.Width(str, size), color)
}

func (s DocStyle) textW(style string, size float64, str string, x, y, w float64, color page.RGB) page.Text {
	face := s.face(style)
	return page.Text{Field: -1, Key: "doc", X: x, Baseline: y, Width: w,
		Ascent: face.Ascent * size * page.MMPerPt, Descent: face.Descent * size * page.MMPerPt,
		Font: face.Family, Style: face.Style, Size: size, Color: color, Text: str}
}

// centred places lines of one style centred on cx, the first baseline at y;
// it returns the texts and the widest line's width.
func (s DocStyle) centred(lines []string, style string, size, cx, y, lead float64) ([]page.Text, float64) {
	var out []page.Text
	widest := 0.0
	for i, l := range lines {
		t := s.text(style, size, l, 0, y+float64(i)*lead, page.RGB{})
		t.X = cx - t.Width/2
		widest = math.Max(widest, t.Width)
		out = append(out, t)
	}
	return out, widest
}

// wrapCentred breaks a heading into balanced lines no wider than w.
func (s DocStyle) wrapCentred(str, style string, size, w float64) []string {
	face := s.face(style)
	var hard []string
	for _, l := range strings.Split(str, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			hard = append(hard, l)
		}
	}
	if lines := face.Wrap(hard, w, size); lines != nil {
		return lines
	}
	var out []string
	for _, l := range hard {
		out = append(out, face.BreakChars(l, w, size)...)
	}
	return out
}

// rule is a horizontal line of length w centred on cx at y.
func rule(cx, y, w float64) page.Shape {
	return page.Shape{Kind: page.ShapeLine, Points: []page.Point{{X: cx - w/2, Y: y}, {X: cx + w/2, Y: y}}, LineWidth: 0.3}
}

func hline(x1, x2, y, lw float64) page.Shape {
	return page.Shape{Kind: page.ShapeLine, Points: []page.Point{{X: x1, Y: y}, {X: x2, Y: y}}, LineWidth: lw}
}

func vline(x, y1, y2, lw float64) page.Shape {
	return page.Shape{Kind: page.ShapeLine, Points: []page.Point{{X: x, Y: y1}, {X: x, Y: y2}}, LineWidth: lw}
}

// heading is a centred paragraph of balanced lines across the text column.
func (s DocStyle) heading(str, style string, size, space float64) []box {
	lead := s.lead(size)
	asc := s.face(style).Ascent * size * page.MMPerPt
	cx := s.Left + s.TextWidth()/2
	var out []box
	for i, l := range s.wrapCentred(str, style, size, s.TextWidth()) {
		ts, _ := s.centred([]string{l}, style, size, cx, asc, lead)
		b := box{h: lead, texts: ts, glue: true}
		if i == 0 {
			b.space = space
		}
		out = append(out, b)
	}
	return out
}

// ruleUnder draws a short rule under the last line of a heading (boxes from
// heading), 1/3 to 1/2 of its widest line, at most max mm, and unglues it.
func (s DocStyle) ruleUnder(bs []box, style string, size, most float64) {
	if len(bs) == 0 {
		return
	}
	widest := 0.0
	for _, b := range bs {
		for _, t := range b.texts {
			widest = max(widest, t.Width)
		}
	}
	last := &bs[len(bs)-1]
	if len(last.texts) == 0 {
		return
	}
	y := last.texts[0].Baseline + s.face(style).Descent*size*page.MMPerPt + ruleGap
	l := ruleLength(widest)
	if most > 0 {
		l = min(l, most)
	}
	last.shapes = append(last.shapes, rule(s.Left+s.TextWidth()/2, y, l))
	last.glue = false
}

// paginate stacks the boxes onto pages and numbers them (centred in the top
// margin, from page 2). Glued boxes go to the same page unless together they
// are taller than a page; a table row starting a page brings its header.
func (s DocStyle) paginate(boxes []box) []page.Page {
	var pages []page.Page
	pg := s.pager(func(p page.Page) error { pages = append(pages, p); return nil })
	for _, b := range boxes {
		pg.add(b) // collecting pages cannot fail
	}
	pg.close()
	return pages
}

// pager is paginate a box at a time: it holds the glued boxes not yet
// placed and the page being filled, and hands each finished page to emit,
// so a document of 4,000 pages is never laid out whole.
type pager struct {
	s      DocStyle
	emit   func(page.Page) error
	cur    page.Page
	pages  int // pages started; the current one is pages-1
	first  int // the first page of the part the current page belongs to
	y      float64
	empty  bool
	chunk  []box // glued boxes waiting for the box that ends their run
	err    error
	closed bool
}

func (s DocStyle) pager(emit func(page.Page) error) *pager {
	p := &pager{s: s, emit: emit}
	p.newPage()
	return p
}

// add places b (once the run of glued boxes it ends is complete); an error
// from emit stops the document and is returned from then on.
func (p *pager) add(b box) error {
	if p.err != nil {
		return p.err
	}
	p.chunk = append(p.chunk, b)
	if !b.glue {
		p.place()
	}
	return p.err
}

// close places what is left and emits the last page.
func (p *pager) close() error {
	if p.err == nil && !p.closed {
		p.closed = true
		if len(p.chunk) > 0 {
			p.place()
		}
		p.finish()
	}
	return p.err
}

// finish numbers the current page (from page 2 of its part) and emits it.
func (p *pager) finish() {
	if p.err != nil {
		return
	}
	s := &p.s
	if n := p.pages - 1; n > 0 && n != p.first {
		t := s.text("", s.PageNumberSize, strconv.Itoa(n-p.first+1), 0, s.PageNumberBaseline, page.RGB{})
		t.X = s.Left + s.TextWidth()/2 - t.Width/2
		t.Key = "page_number"
		p.cur.Texts = append(p.cur.Texts, t)
	}
	p.err = p.emit(p.cur)
}

func (p *pager) newPage() {
	if p.pages > 0 {
		p.finish()
	}
	// Fresh slices for every page: the page emitted is the receiver's.
	p.cur = page.Page{Width: p.s.Width, Height: p.s.Height}
	p.pages++
	p.y, p.empty = p.s.Top, true
}

func (p *pager) put(b *box) {
	if !p.empty {
		p.y += b.space
	}
	pg := &p.cur
	n := len(pg.Texts)
	pg.Texts = append(pg.Texts, b.texts...)
	for k := n; k < len(pg.Texts); k++ {
		pg.Texts[k].Baseline += p.y
	}
	for _, sh := range b.shapes {
		pg.Shapes = append(pg.Shapes, moveShape(sh, p.y))
	}
	p.y += b.h
	if b.h > 0 || len(b.texts) > 0 {
		p.empty = false
	}
}

func (p *pager) withHeader(b *box) {
	for i := range b.header {
		p.put(&b.header[i])
	}
}

func boxesHeight(bs []box, atTop bool) float64 {
	h := 0.0
	for i, b := range bs {
		if i > 0 || !atTop {
			h += b.space
		}
		h += b.h
	}
	return h
}

// place puts the waiting run of glued boxes on the page, or on a new one.
func (p *pager) place() {
	const eps = 1e-6
	top, bottom := p.s.Top, p.s.Height-p.s.Bottom
	chunk := p.chunk
	p.chunk = p.chunk[:0]
	if chunk[0].newPage && !p.empty {
		p.newPage()
		p.withHeader(&chunk[0])
	}
	if chunk[0].newPage && chunk[0].restart {
		p.first = p.pages - 1
	}
	// Move the chunk to a new page if it does not fit here but fits there.
	if !p.empty && p.y+boxesHeight(chunk, false) > bottom+eps &&
		boxesHeight(chunk, true)+boxesHeight(chunk[0].header, true) <= bottom-top+eps {
		p.newPage()
		p.withHeader(&chunk[0])
	}
	for k := range chunk {
		b := &chunk[k]
		need := b.h
		if !p.empty {
			need += b.space
		}
		if !p.empty && p.y+need > bottom+eps {
			p.newPage()
			p.withHeader(b)
		}
		p.put(b)
	}
	clear(chunk) // the boxes' texts can go
}

func moveShape(sh page.Shape, dy float64) page.Shape {
	sh.Y += dy
	if len(sh.Points) > 0 {
		pts := make([]page.Point, len(sh.Points))
		for i, p := range sh.Points {
			pts[i] = page.Point{X: p.X, Y: p.Y + dy}
		}
		sh.Points = pts
	}
	return sh
}
