package certificates

import (
	"io"
	"strconv"

	"khenthuong/page"
)

// ListPages lays out the attached list alone (`print list`): the pages
// WriteList prints, for a preview. table chooses the table form.
func ListPages(doc DecisionDoc, table bool) ([]page.Page, error) {
	t, err := doc.Text(DecisionOptions{})
	if err != nil {
		return nil, err
	}
	st := AdminStyle()
	return st.paginate(st.listBoxes(&t.List, table)), nil
}

// WriteList writes the attached list of a decision alone as a PDF, in the
// decision's recipient order: numbered lines ("1. Ông ..., ...;") or, with
// table, a table STT | Họ và tên / Tên tập thể | Chức vụ, đơn vị.
// Errors: EINVALID (no recipients...), EINTERNAL.
func WriteList(w io.Writer, doc DecisionDoc, table bool) error {
	pages, err := ListPages(doc, table)
	if err != nil {
		return err
	}
	return page.WritePDF(w, "Danh sách kèm theo Quyết định "+DecisionNumber(doc.Decision.Number, doc.Settings.AuthorityAbbr), pages)
}

// Column titles of the list's table form.
const (
	ColNo       = "STT"
	ColName     = "Họ và tên / Tên tập thể"
	ColPosition = "Chức vụ, đơn vị"
)

// listBoxes lays out the list: its title block, then each section.
func (s DocStyle) listBoxes(l *ListText, table bool) []box {
	var out []box
	out = append(out, s.heading(l.Title, "B", s.Size, 0)...)
	out = append(out, s.heading(l.Subtitle, "B", s.Size, 0)...)
	att := s.heading(l.Attached, "I", s.Size, 0)
	s.ruleUnder(att, "I", s.Size, 50)
	out = append(out, att...)
	if table {
		return append(out, s.listTable(l)...)
	}

	// Numbers right-aligned in a gutter; wrapped lines hang under the text.
	reg := s.face("")
	widestNo := 0.0
	for _, sec := range l.Sections {
		widestNo = max(widestNo, reg.Width(strconv.Itoa(len(sec.Entries))+".", s.Size))
	}
	const gap = 1.8
	hang := max(s.Indent, widestNo+gap)
	for si, sec := range l.Sections {
		space := s.ParaSpace
		if si == 0 {
			space = 2 * s.ParaSpace
		}
		if sec.Heading != "" {
			out = append(out, s.boxes(para{spans: []span{sp("B", sec.Heading)}, size: s.Size, align: 'L',
				x: s.Left, w: s.TextWidth(), space: space, next: true})...)
			space = s.ParaSpace / 2
		}
		for _, e := range sec.Entries {
			label := strconv.Itoa(e.No) + "."
			out = append(out, s.boxes(para{spans: []span{sp("", e.Text)}, size: s.Size, align: 'J',
				x: s.Left, w: s.TextWidth(), label: &span{text: label}, labelX: hang - gap - reg.Width(label, s.Size),
				hang: hang, space: space, keep: true})...)
			space = s.ParaSpace / 2
		}
	}
	return out
}

// listTable is the table form of the list: a row per recipient, the
// sections as full-width rows glued to their first recipient.
func (s DocStyle) listTable(l *ListText) []box {
	size := s.Size - 1
	var names, details []string
	for _, sec := range l.Sections {
		for _, e := range sec.Entries {
			names, details = append(names, e.Name), append(details, e.Detail)
		}
	}
	nameW, detailW := nameDetailWidths(s.TextWidth()-14, names, details)
	t := s.newTable(s.Left, size,
		column{title: ColNo, w: 14, align: 'C'},
		column{title: ColName, w: nameW, align: 'L'},
		column{title: ColPosition, w: detailW, align: 'L'})
	var out []box
	hdr := t.header[0]
	hdr.space = 2 * s.ParaSpace
	out = append(out, hdr)
	for _, sec := range l.Sections {
		if sec.Heading != "" {
			r := s.dataRow(t, []cell{{paras: []cellPara{{spans: []span{sp("B", sec.Heading)}, align: 'L'}}, cols: 3}}, 0)
			r.glue = true
			out = append(out, r)
		}
		for _, e := range sec.Entries {
			out = append(out, s.dataRow(t, append([]cell{textCell("", strconv.Itoa(e.No))}, nameCells(e.Name, e.Detail)...), 0))
		}
	}
	return out
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
	n, d := 0, 0
	for i := range names {
		if details[i] == "" {
			continue
		}
		n += len([]rune(names[i]))
		d += len([]rune(details[i]))
	}
	share := 0.45
	if n+d > 0 {
		share = min(max(float64(n)/float64(n+d), 0.43), 0.65)
	}
	return avail * share, avail * (1 - share)
}
