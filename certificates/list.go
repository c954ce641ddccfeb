package certificates

import (
	"io"
	"strconv"
	"unicode/utf8"

	"khenthuong"

	"khenthuong/page"
)

// ListPages lays out the attached list alone (`print list`): the pages
// WriteList prints, for a preview. table chooses the table form.
func ListPages(doc DecisionDoc, table bool) ([]page.Page, error) {
	return collect(func(emit func(page.Page) error) error { return doc.listLayout(table, emit) })
}

// listLayout lays out the list alone a page at a time.
func (doc *DecisionDoc) listLayout(table bool, emit func(page.Page) error) error {
	t, counts, err := doc.text(DecisionOptions{})
	if err != nil {
		return err
	}
	st := AdminStyle()
	pg := st.pager(emit)
	if err := st.listBoxes(doc, &t.List, counts, table, false, pg.add); err != nil {
		return err
	}
	return pg.close()
}

// WriteList writes the attached list of a decision alone as a PDF, in the
// decision's recipient order: numbered lines ("1. Ông ..., ...;") or, with
// table, a table STT | Họ và tên / Tên tập thể | Chức vụ, đơn vị.
// Errors: EINVALID (no recipients...), EINTERNAL.
func WriteList(w io.Writer, doc DecisionDoc, table bool) error {
	if err := doc.check(); err != nil {
		return err
	}
	pdf := page.NewPDF("Danh sách kèm theo Quyết định " + DecisionNumber(doc.Decision.Number, doc.Settings.AuthorityAbbr))
	defer pdf.Close()
	if err := doc.listLayout(table, func(p page.Page) error { return pdf.Add(&p) }); err != nil {
		return err
	}
	return pdf.Finish(w)
}

// Column titles of the list's table form.
const (
	ColNo       = "STT"
	ColName     = "Họ và tên / Tên tập thể"
	ColPosition = "Chức vụ, đơn vị"
)

// listBoxes lays out the list a box at a time: its title block (on a new
// page numbered on its own when the list is the decision's appendix), then
// each section, its entries read from the doc's recipients.
func (s DocStyle) listBoxes(doc *DecisionDoc, l *ListText, counts map[khenthuong.Kind]int, table, appendix bool, add func(box) error) error {
	var head []box
	head = append(head, s.heading(l.Title, "B", s.Size, 0)...)
	head = append(head, s.heading(l.Subtitle, "B", s.Size, 0)...)
	att := s.heading(l.Attached, "I", s.Size, 0)
	s.ruleUnder(att, "I", s.Size, 50)
	head = append(head, att...)
	if appendix {
		head[0].newPage, head[0].restart = true, true
	}
	for _, b := range head {
		if err := add(b); err != nil {
			return err
		}
	}
	entries := func(fn func(sec *ListSection, e *ListEntry) error) error {
		return eachListEntry(doc.Decision, doc.stream(), counts, fn)
	}
	if table {
		return s.listTable(entries, add)
	}

	// Numbers right-aligned in a gutter; wrapped lines hang under the text.
	reg := s.face("")
	widestNo := 0.0
	for _, n := range counts {
		widestNo = max(widestNo, reg.Width(strconv.Itoa(n)+".", s.Size))
	}
	const gap = 1.8
	hang := max(s.Indent, widestNo+gap)
	var cur *ListSection
	space := 0.0
	return entries(func(sec *ListSection, e *ListEntry) error {
		if sec != cur { // a section starts
			space = s.ParaSpace
			if cur == nil {
				space = 2 * s.ParaSpace
			}
			cur = sec
			if sec.Heading != "" {
				for _, b := range s.boxes(para{spans: []span{sp("B", sec.Heading)}, size: s.Size, align: 'L',
					x: s.Left, w: s.TextWidth(), space: space, next: true}) {
					if err := add(b); err != nil {
						return err
					}
				}
				space = s.ParaSpace / 2
			}
		}
		label := strconv.Itoa(e.No) + "."
		for _, b := range s.boxes(para{spans: []span{sp("", e.Text)}, size: s.Size, align: 'J',
			x: s.Left, w: s.TextWidth(), label: &span{text: label}, labelX: hang - gap - reg.Width(label, s.Size),
			hang: hang, space: space, keep: true}) {
			if err := add(b); err != nil {
				return err
			}
		}
		space = s.ParaSpace / 2
		return nil
	})
}

// listTable is the table form of the list: a row per recipient, the
// sections as full-width rows glued to their first recipient. The columns
// are shared by what the whole list holds: a first pass measures it.
func (s DocStyle) listTable(entries func(fn func(sec *ListSection, e *ListEntry) error) error, add func(box) error) error {
	size := s.Size - 1
	var share nameShare
	err := entries(func(_ *ListSection, e *ListEntry) error {
		share.add(e.Name, e.Detail)
		return nil
	})
	if err != nil {
		return err
	}
	nameW, detailW := share.widths(s.TextWidth() - 14)
	t := s.newTable(s.Left, size,
		column{title: ColNo, w: 14, align: 'C'},
		column{title: ColName, w: nameW, align: 'L'},
		column{title: ColPosition, w: detailW, align: 'L'})
	hdr := t.header[0]
	hdr.space = 2 * s.ParaSpace
	if err := add(hdr); err != nil {
		return err
	}
	var cur *ListSection
	return entries(func(sec *ListSection, e *ListEntry) error {
		if sec != cur {
			cur = sec
			if sec.Heading != "" {
				r := s.dataRow(t, []cell{{paras: []cellPara{{spans: []span{sp("B", sec.Heading)}, align: 'L'}}, cols: 3}}, 0)
				r.glue = true
				if err := add(r); err != nil {
					return err
				}
			}
		}
		return add(s.dataRow(t, append([]cell{textCell("", strconv.Itoa(e.No))}, nameCells(e.Name, e.Detail)...), 0))
	})
}

// nameCells are the name and "Chức vụ, đơn vị" cells of a row; a name with
// nothing beside it (a collective whose name holds its unit) takes both
// columns rather than wrapping beside an empty cell.
func nameCells(name, detail string) []cell {
	if detail == "" {
		return []cell{{paras: []cellPara{{spans: []span{sp("", name)}}}, cols: 2}}
	}
	return []cell{textCell("", name), textCell("", detail)}
}

// nameDetailWidths shares avail mm between the name and the "Chức vụ, đơn
// vị" columns in proportion to what they hold (rows with both), so that
// long collective names do not wrap onto five lines beside empty space:
// the name column takes 43 to 65 % of it.
func nameDetailWidths(avail float64, names, details []string) (float64, float64) {
	var share nameShare
	for i := range names {
		share.add(names[i], details[i])
	}
	return share.widths(avail)
}

// nameShare sums what the name and detail columns hold, a row at a time.
type nameShare struct{ n, d int }

func (c *nameShare) add(name, detail string) {
	if detail == "" {
		return
	}
	c.n += utf8.RuneCountInString(name)
	c.d += utf8.RuneCountInString(detail)
}

func (c *nameShare) widths(avail float64) (float64, float64) {
	share := 0.45
	if c.n+c.d > 0 {
		share = min(max(float64(c.n)/float64(c.n+c.d), 0.43), 0.65)
	}
	return avail * share, avail * (1 - share)
}
