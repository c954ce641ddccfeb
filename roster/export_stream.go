package roster

import (
	"bytes"
	"sort"
	"strconv"
	"unicode/utf8"

	"khenthuong"
	"khenthuong/vntext"
)

// RowStream gives the rows of a roster one at a time (a decision's
// recipients read from the data, QueryService.EachRecipient): the writers
// read it a few times instead of holding it, once to group, order and
// measure the rows, then once per sheet. A row is the callee's only during
// the call; an error fn returns stops the stream and is returned as it is.
type RowStream func(fn func(*ExportRow) error) error

// SliceRows streams rows held in memory.
func SliceRows(rows []ExportRow) RowStream {
	return func(fn func(*ExportRow) error) error {
		for i := range rows {
			if err := fn(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// DecisionRowStream is DecisionRows for a decision whose recipients come
// from each rather than d.Recipients.
func DecisionRowStream(d *khenthuong.Decision, each khenthuong.RecipientReader) RowStream {
	return func(fn func(*ExportRow) error) error {
		i := 0
		return each(func(r *khenthuong.Recipient) error {
			row := decisionRow(d, i, r)
			i++
			return fn(&row)
		})
	}
}

// exportChunk is how many rows a sheet whose order is not the stream's
// holds at a time, at least: each chunk is one more read of the stream (a
// variable so that tests can make chunks of a few rows).
var exportChunk = 20_000

// maxReads bounds the reads of the stream after the plan: a sheet out of
// the stream's order takes chunks of its rows large enough to be read in
// maxReads reads, and a roster that would take more (a campaign's roster
// of many forms in alphabetical order, or as CSV) holds its rows instead,
// read once more.
const maxReads = 8

// chunk is how many rows of the group a read gathers.
func (g *exportGroup) chunk() int {
	return max(exportChunk, (g.n+maxReads-1)/maxReads)
}

// readSource is where the sheets read their rows from: the stream, or the
// rows held when the stream would be read more than maxReads times
// (ordered: the sheets in the stream's order are written together, in one
// read).
func readSource(rows RowStream, groups []*exportGroup, together bool) (RowStream, error) {
	reads, ordered := 0, false
	for _, g := range groups {
		switch {
		case g.at != nil:
			reads += (g.n + g.chunk() - 1) / g.chunk()
		case together:
			ordered = true
		default:
			reads++
		}
	}
	if ordered {
		reads++
	}
	if reads <= maxReads {
		return rows, nil
	}
	var held []ExportRow
	err := rows(func(r *ExportRow) error {
		held = append(held, *r)
		return nil
	})
	return SliceRows(held), err
}

// exportGroup is the rows of one award form: one sheet of the workbook.
type exportGroup struct {
	code, name string
	n          int       // rows
	widths     []float64 // fitted column widths (measured only for the workbook)
	// at is the place (from 0) of the group's k-th row in stream order,
	// nil when the stream gives the group in its order already.
	at []int32
}

// sortEntry is what a row is sorted by.
type sortEntry struct {
	order int
	id    uint64
	kind  int
	key   []byte
}

// planExport reads the stream once: the rows' forms in catalogue rank order
// (unknown codes last, by code), each form's rows sorted (list order, or
// Vietnamese order: collectives, individuals by given name, households)
// and, with measure, the column widths its rows need.
func planExport(rows RowStream, opts ExportOptions, measure bool) ([]*exportGroup, error) {
	names := map[string]string{}
	rank := map[string]int{}
	for _, f := range opts.Forms {
		rank[f.Code] = f.Rank
		names[f.Code] = f.Name
	}
	byCode := map[string]*exportGroup{}
	var groups []*exportGroup
	keys := map[*exportGroup][]sortEntry{}
	err := rows(func(r *ExportRow) error {
		code := r.Nomination.FormCode
		g := byCode[code]
		if g == nil {
			name := names[code]
			if name == "" {
				name = code
			}
			g = &exportGroup{code: code, name: name}
			if measure {
				g.widths = headerWidths()
			}
			byCode[code] = g
			groups = append(groups, g)
		}
		g.n++
		keys[g] = append(keys[g], sortKey(r, opts.Order))
		if measure {
			for c, col := range exportColumns {
				n := cellChars(col.value(r, g.n, g.name))
				g.widths[c] = max(g.widths[c], min(col.maxWidth, float64(n)*charWidth+2))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(groups, func(a, b int) bool {
		ra, oka := rank[groups[a].code]
		rb, okb := rank[groups[b].code]
		switch {
		case oka != okb:
			return oka
		case ra != rb:
			return ra > rb
		}
		return groups[a].code < groups[b].code
	})
	for _, g := range groups {
		g.at = placesOf(keys[g], opts.Order)
	}
	return groups, nil
}

var kindOrder = map[khenthuong.Kind]int{khenthuong.Collective: 0, khenthuong.Individual: 1, khenthuong.Household: 2}

func sortKey(r *ExportRow, order khenthuong.ListOrder) sortEntry {
	n := &r.Nomination
	if order != khenthuong.OrderAlpha {
		return sortEntry{order: n.Order, id: n.ID}
	}
	e := sortEntry{kind: kindOrder[n.Nominee.Kind]}
	if n.Nominee.Kind == khenthuong.Individual {
		e.key = vntext.NameSortKey(n.Nominee.Name)
	} else {
		e.key = vntext.SortKey(n.Nominee.Name)
	}
	return e
}

// placesOf sorts a group's entries (in stream order) and gives each its
// place, or nil when the stream order is the sorted one.
func placesOf(es []sortEntry, order khenthuong.ListOrder) []int32 {
	idx := make([]int32, len(es))
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ea, eb := &es[idx[a]], &es[idx[b]]
		if order != khenthuong.OrderAlpha {
			if ea.order != eb.order {
				return ea.order < eb.order
			}
			return ea.id < eb.id
		}
		if ea.kind != eb.kind {
			return ea.kind < eb.kind
		}
		return bytes.Compare(ea.key, eb.key) < 0
	})
	sorted := true
	at := make([]int32, len(idx))
	for place, k := range idx {
		at[k] = int32(place)
		sorted = sorted && int(k) == place
	}
	if sorted {
		return nil
	}
	return at
}

// headerWidths are the widths the headers need, within each column's bounds.
func headerWidths() []float64 {
	widths := make([]float64, len(exportColumns))
	for c, col := range exportColumns {
		widths[c] = min(col.maxWidth, float64(longestWord(col.header))*charWidth+2)
	}
	return widths
}

// cellChars is how many characters a cell's value shows.
func cellChars(v any) int {
	switch x := v.(type) {
	case string:
		return utf8.RuneCountInString(x)
	case int64:
		return len(vntext.FormatNumber(x))
	case int:
		return len(strconv.Itoa(x))
	}
	return 0
}

// each gives the group's rows in its order, numbered from 1, reading the
// stream once, or once per chunk of rows when the stream's order is not the
// group's. Rows that are not as planExport counted them changed while
// the roster was written: ECONFLICT.
func (g *exportGroup) each(rows RowStream, fn func(stt int, r *ExportRow) error) error {
	if g.at == nil {
		k := 0
		err := rows(func(r *ExportRow) error {
			if r.Nomination.FormCode != g.code {
				return nil
			}
			if k++; k > g.n {
				return errRowsChanged()
			}
			return fn(k, r)
		})
		if err == nil && k != g.n {
			err = errRowsChanged()
		}
		return err
	}
	chunk := g.chunk()
	for lo := 0; lo < g.n; lo += chunk {
		buf := make([]ExportRow, min(chunk, g.n-lo))
		k := 0
		err := rows(func(r *ExportRow) error {
			if r.Nomination.FormCode != g.code {
				return nil
			}
			if k++; k > g.n {
				return errRowsChanged()
			}
			if p := int(g.at[k-1]) - lo; p >= 0 && p < len(buf) {
				buf[p] = *r
			}
			return nil
		})
		if err == nil && k != g.n {
			err = errRowsChanged()
		}
		if err != nil {
			return err
		}
		for i := range buf {
			if err := fn(lo+i+1, &buf[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

func errRowsChanged() error {
	return khenthuong.Errorf(khenthuong.ECONFLICT, "Danh sách vừa thay đổi trong khi xuất, hãy xuất lại")
}
