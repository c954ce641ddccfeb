package ui

import (
	"strconv"
	"strings"

	"khenthuong"
)

// Đề nghị pages through the campaign rather than loading it: the table has
// as many rows as the query matches (QueryNominations' Total), and holds
// only a window of them, a few hundred around the rows on screen. A row
// drawn outside the window asks for the window around it; the filter, the
// search and the sort are the query's, so a keystroke or a click on a
// column header is one page query, whatever the size of the campaign.

const (
	// pageWindow is how many rows one query brings: the rows on screen
	// (about 40 on a large screen) and a few screens either side, so that
	// scrolling asks again only every few screens.
	pageWindow = 300
	// searchCountLimit bounds the count while the clerk types a search:
	// "hơn 1.000 đề nghị" says enough, and an office server stops counting there.
	searchCountLimit = 1000
)

// columnSorts are the columns a click on the header sorts by, and the
// query's order for each; the other columns have no order in the query.
var columnSorts = map[int]khenthuong.NominationSort{
	colOrder:    khenthuong.SortByList,
	colName:     khenthuong.SortByName,
	colStatus:   khenthuong.SortByStatus,
	colUnit:     khenthuong.SortByUnit,
	colForm:     khenthuong.SortByForm,
	colProposer: khenthuong.SortByProposer,
	colKind:     khenthuong.SortByKind,
	colTitle:    khenthuong.SortByTitle,
	colGender:   khenthuong.SortByGender,
	colBirth:    khenthuong.SortByBirth,
	colPosition: khenthuong.SortByPosition,
}

// nomPages is the rows of Đề nghị as the table shows them: the query, its
// total, and the window of rows held.
type nomPages struct {
	campaignID uint64
	filter     nomFilter
	sortCol    int // -1: list order
	sortDesc   bool

	total   int  // rows matching (the table's length)
	atLeast bool // more match than total (a bounded count while searching)
	offset  int  // the first row held
	rows    []khenthuong.Nomination

	wanted   int                             // a row asked for outside the window, -1 if none
	warnings map[uint64][]khenthuong.Warning // by nomination ID, from the review
}

func newNomPages(campaignID uint64, f nomFilter, sortCol int, desc bool) *nomPages {
	return &nomPages{campaignID: campaignID, filter: f, sortCol: sortCol, sortDesc: desc, wanted: -1}
}

// query is the page of rows [offset, offset+limit) of the clerk's filter and sort.
func (m *nomPages) query(offset, limit int) khenthuong.NominationQuery {
	q := khenthuong.NominationQuery{
		Filter: khenthuong.NominationFilter{CampaignID: m.campaignID, Kind: m.filter.kind, FormCode: m.filter.formCode,
			Status: m.filter.status, Query: m.filter.query},
		Sort: columnSorts[m.sortCol], Descending: m.sortDesc,
		Page:         khenthuong.Page{Offset: offset, Limit: limit},
		WithWarnings: m.filter.warned,
	}
	if strings.TrimSpace(m.filter.query) != "" {
		q.CountLimit = offset + limit + searchCountLimit
	}
	return q
}

// windowAround is the offset of the window that shows row r with room above.
func windowAround(r int) int { return max(0, r-pageWindow/3) }

// set takes a page the query at offset returned.
func (m *nomPages) set(offset int, p khenthuong.NominationPage) {
	m.offset, m.rows = offset, p.Nominations
	m.total, m.atLeast = p.Total, p.TotalAtLeast
	if m.wanted >= m.offset && m.wanted < m.offset+len(m.rows) || m.wanted >= m.total {
		m.wanted = -1
	}
}

// filtered reports whether the clerk narrowed the list.
func (m *nomPages) filtered() bool {
	f := m.filter
	return strings.TrimSpace(f.query) != "" || f.kind != "" || f.formCode != "" || f.status != "" || f.warned
}

// len is the number of rows the table has.
func (m *nomPages) len() int { return m.total }

// at returns the nomination on row r if it is held; a row of the table
// that is not held is remembered as wanted (the screen fetches its window).
func (m *nomPages) at(r int) *khenthuong.Nomination {
	if r >= m.offset && r < m.offset+len(m.rows) {
		return &m.rows[r-m.offset]
	}
	if r >= 0 && r < m.total {
		m.wanted = r
	}
	return nil
}

// rowOf returns the row showing the nomination with id among those held, or -1.
func (m *nomPages) rowOf(id uint64) int {
	for i := range m.rows {
		if m.rows[i].ID == id {
			return m.offset + i
		}
	}
	return -1
}

// setWarnings gives the rows their review warnings.
func (m *nomPages) setWarnings(w map[uint64][]khenthuong.Warning) { m.warnings = w }

// text is what cell (r, col) shows; a row not held yet shows empty until its window arrives.
func (m *nomPages) text(r, col int, l *cellLabels) string {
	n := m.at(r)
	if n == nil {
		return ""
	}
	switch col {
	case colOrder:
		return strconv.Itoa(n.Order)
	case colKind:
		return labelOr(l.kind, n.Nominee.Kind)
	case colGender:
		return labelOr(l.gender, n.Nominee.Gender)
	case colBirth:
		if n.Nominee.Birth.Year == 0 {
			return ""
		}
		return strconv.Itoa(n.Nominee.Birth.Year)
	case colStatus:
		return labelOr(l.status, n.Status)
	case colWarnings:
		return warningMark(len(m.warnings[n.ID]))
	case colTitle:
		return n.Nominee.Title
	case colName:
		return n.Nominee.Name
	case colPosition:
		return n.Nominee.Position
	case colUnit:
		return n.Nominee.Unit
	case colForm:
		return n.FormCode
	case colProposer:
		return n.ProposingUnit
	}
	return ""
}
