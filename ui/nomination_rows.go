package ui

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"khenthuong"
	"khenthuong/vntext"
)

// Columns of the nominations table.
const (
	colOrder    = iota // STT: the list order
	colKind            // Loại
	colTitle           // Danh xưng
	colName            // Họ và tên / Tên tập thể
	colStatus          // Trạng thái: beside the name, what the review looks at
	colWarnings        // Cảnh báo: how many the review found
	colGender          // Giới tính
	colBirth           // Năm sinh
	colPosition        // Chức vụ
	colUnit            // Đơn vị
	colForm            // Hình thức
	colProposer        // Đơn vị đề nghị
	numNomCols
)

// nomFilter is what the clerk narrowed the list to; zero fields match everything.
type nomFilter struct {
	query    string
	kind     khenthuong.Kind
	formCode string
	status   khenthuong.Status
}

// nomModel is the nominations of one campaign as the table shows them. The
// slice from the service is kept as it is (list order) with a folded search
// key per row computed once per load, so that filtering 100,000 rows on each
// keystroke is a scan of short ASCII strings. The first sort by a column
// ranks the rows on it once (Vietnamese collation keys for text); every
// later sort by that column, either way, is a counting sort of the ranks.
// order holds every row in the current sort order and view the rows passing
// the filter, in that order, so changing the filter never sorts again.
type nomModel struct {
	ns    []khenthuong.Nomination
	keys  []string // vntext.Fold of name, position, unit and proposing unit
	order []int32
	view  []int32

	sortCol  int // -1: list order
	sortDesc bool
	ranks    map[int][]int32 // per column: each row's place among the column's distinct values

	filter nomFilter
	tokens []string

	warnings map[uint64][]khenthuong.Warning // by nomination ID, from the review
}

// newNomModel prepares ns for the table; it is the costly part of a load and
// runs off the UI goroutine.
func newNomModel(ns []khenthuong.Nomination) *nomModel {
	m := &nomModel{ns: ns, keys: make([]string, len(ns)), order: make([]int32, len(ns)), sortCol: -1}
	parallel(len(ns), func(lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			n := &ns[i].Nominee
			buf = append(buf[:0], n.Name...)
			buf = append(append(buf, '|'), n.Position...)
			buf = append(append(buf, '|'), n.Unit...)
			buf = append(append(buf, '|'), ns[i].ProposingUnit...)
			m.keys[i] = vntext.Fold(string(buf)) // Fold turns the bars into word breaks
			m.order[i] = int32(i)
		}
	})
	m.view = m.order
	return m
}

// parallel runs fn on slices of [0, n) on every core: folding and collation
// keys of 100,000 names are the slow part of a load and of a first sort.
func parallel(n int, fn func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/5000, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { fn(n*w/workers, n*(w+1)/workers) })
	}
	wg.Wait()
}

// setFilter narrows the view; it keeps the sort order.
func (m *nomModel) setFilter(f nomFilter) {
	m.filter = f
	m.tokens = strings.Fields(vntext.Fold(f.query))
	m.applyFilter()
}

func (m *nomModel) applyFilter() {
	f := m.filter
	if len(m.tokens) == 0 && f.kind == "" && f.formCode == "" && f.status == "" {
		m.view = m.order
		return
	}
	view := make([]int32, 0, len(m.order)/4)
	for _, i := range m.order {
		n := &m.ns[i]
		if (f.kind != "" && n.Nominee.Kind != f.kind) ||
			(f.formCode != "" && n.FormCode != f.formCode) ||
			(f.status != "" && n.Status != f.status) ||
			!matchWords(m.keys[i], m.tokens) {
			continue
		}
		view = append(view, i)
	}
	m.view = view
}

// matchWords reports whether every token starts a word of key: "nguyen van"
// finds "Nguyễn Văn An" and "Văn Thị Nguyên" but "an" does not find "Hoàng".
func matchWords(key string, tokens []string) bool {
	for _, t := range tokens {
		found := false
		for off := 0; ; {
			i := strings.Index(key[off:], t)
			if i < 0 {
				break
			}
			i += off
			if i == 0 || key[i-1] == ' ' {
				found = true
				break
			}
			off = i + 1
		}
		if !found {
			return false
		}
	}
	return true
}

// sortBy orders the rows by col (-1: list order), desc for the reverse
// order; rows that tie keep the list order either way, so sorting by Loại
// lists each kind in submitted order.
func (m *nomModel) sortBy(col int, desc bool) {
	m.sortCol, m.sortDesc = col, desc
	if col < 0 {
		for i := range m.order {
			m.order[i] = int32(i)
		}
		m.applyFilter()
		return
	}
	ranks := m.ranksFor(col)
	// Counting sort: rows go to their rank's bucket in list order.
	var top int32
	for _, r := range ranks {
		top = max(top, r)
	}
	start := make([]int, top+2)
	for _, r := range ranks {
		if desc {
			r = top - r
		}
		start[r+1]++
	}
	for r := 1; r < len(start); r++ {
		start[r] += start[r-1]
	}
	for i, r := range ranks {
		if desc {
			r = top - r
		}
		m.order[start[r]] = int32(i)
		start[r]++
	}
	m.applyFilter()
}

// ranksFor returns each row's rank on col, computing it on the first sort
// by col of this load.
func (m *nomModel) ranksFor(col int) []int32 {
	if r, ok := m.ranks[col]; ok {
		return r
	}
	r := m.computeRanks(col)
	m.setRanks(col, r)
	return r
}

// hasRanks reports whether sorting by col is only a counting sort now.
func (m *nomModel) hasRanks(col int) bool {
	_, ok := m.ranks[col]
	return ok || col < 0
}

func (m *nomModel) setRanks(col int, ranks []int32) {
	if m.ranks == nil {
		m.ranks = map[int][]int32{}
	}
	m.ranks[col] = ranks
}

// computeRanks ranks the rows on col. It reads only the nominations, which
// never change within a load, so it may run off the UI goroutine.
func (m *nomModel) computeRanks(col int) []int32 {
	if compare := m.numericComparator(col); compare != nil {
		return rankBy(len(m.ns), compare)
	}
	// Text: a list repeats its units, positions and many names, so collation
	// keys (the slow part) are made once per distinct text, in parallel, and
	// only the distinct texts are sorted.
	type text struct {
		s      string
		person bool // a person's name sorts by given name first
	}
	ids := make([]int32, len(m.ns))
	seen := map[text]int32{}
	var distinct []text
	for i := range m.ns {
		t := text{s: m.rawText(i, col), person: col == colName && m.ns[i].Nominee.Kind.IsPerson()}
		id, ok := seen[t]
		if !ok {
			id = int32(len(distinct))
			seen[t] = id
			distinct = append(distinct, t)
		}
		ids[i] = id
	}
	keys := make([][]byte, len(distinct))
	parallel(len(distinct), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if distinct[i].person {
				keys[i] = vntext.NameSortKey(distinct[i].s)
			} else {
				keys[i] = vntext.SortKey(distinct[i].s)
			}
		}
	})
	textRanks := rankBy(len(distinct), func(a, b int32) int { return bytes.Compare(keys[a], keys[b]) })
	ranks := make([]int32, len(m.ns))
	for i, id := range ids {
		ranks[i] = textRanks[id]
	}
	return ranks
}

// rankBy gives each of n items its rank under compare; equal items share one.
func rankBy(n int, compare func(a, b int32) int) []int32 {
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, compare)
	ranks := make([]int32, n)
	var r int32
	for k, i := range idx {
		if k > 0 && compare(idx[k-1], i) != 0 {
			r++
		}
		ranks[i] = r
	}
	return ranks
}

// numericComparator compares two rows on a column that is not text: numbers
// as numbers, kinds and statuses in the domain's order; nil for text columns.
func (m *nomModel) numericComparator(col int) func(a, b int32) int {
	switch col {
	case colOrder:
		return func(a, b int32) int { return cmp.Compare(m.ns[a].Order, m.ns[b].Order) }
	case colBirth:
		return func(a, b int32) int {
			x, y := m.ns[a].Nominee.Birth, m.ns[b].Nominee.Birth
			return cmp.Or(cmp.Compare(x.Year, y.Year), cmp.Compare(x.Month, y.Month), cmp.Compare(x.Day, y.Day))
		}
	case colKind:
		return func(a, b int32) int {
			return cmp.Compare(slices.Index(khenthuong.Kinds, m.ns[a].Nominee.Kind), slices.Index(khenthuong.Kinds, m.ns[b].Nominee.Kind))
		}
	case colStatus:
		return func(a, b int32) int {
			return cmp.Compare(slices.Index(khenthuong.Statuses, m.ns[a].Status), slices.Index(khenthuong.Statuses, m.ns[b].Status))
		}
	case colWarnings:
		return func(a, b int32) int {
			return cmp.Compare(len(m.warnings[m.ns[a].ID]), len(m.warnings[m.ns[b].ID]))
		}
	}
	return nil
}

// setWarnings gives the rows their review warnings; a sort by the warnings
// column ranks them again.
func (m *nomModel) setWarnings(w map[uint64][]khenthuong.Warning) {
	m.warnings = w
	delete(m.ranks, colWarnings)
}

// warningMark is what the Cảnh báo column shows for n warnings.
func warningMark(n int) string {
	if n == 0 {
		return ""
	}
	return "⚠ " + strconv.Itoa(n)
}

// rawText is the text of a column that does not depend on the language.
func (m *nomModel) rawText(i int, col int) string {
	n := &m.ns[i]
	switch col {
	case colTitle:
		return n.Nominee.Title
	case colName:
		return n.Nominee.Name
	case colGender:
		return string(n.Nominee.Gender)
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

// len is the number of rows shown.
func (m *nomModel) len() int { return len(m.view) }

// at returns the nomination shown on row r.
func (m *nomModel) at(r int) *khenthuong.Nomination {
	if r < 0 || r >= len(m.view) {
		return nil
	}
	return &m.ns[m.view[r]]
}

// rowOf returns the row showing the nomination with id, or -1.
func (m *nomModel) rowOf(id uint64) int {
	for r, i := range m.view {
		if m.ns[i].ID == id {
			return r
		}
	}
	return -1
}

// cellLabels are the translated labels the table shows, looked up once
// rather than on every cell refresh.
type cellLabels struct {
	kind   map[khenthuong.Kind]string
	status map[khenthuong.Status]string
	gender map[khenthuong.Gender]string
}

func newCellLabels() *cellLabels {
	l := &cellLabels{kind: map[khenthuong.Kind]string{}, status: map[khenthuong.Status]string{}, gender: map[khenthuong.Gender]string{}}
	for _, k := range khenthuong.Kinds {
		l.kind[k] = kindLabel(k)
	}
	for _, s := range khenthuong.Statuses {
		l.status[s] = statusLabel(s)
	}
	for _, g := range []khenthuong.Gender{khenthuong.Male, khenthuong.Female} {
		l.gender[g] = genderLabel(g)
	}
	return l
}

// text is what cell (r, col) shows.
func (m *nomModel) text(r, col int, l *cellLabels) string {
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
	}
	return m.rawText(int(m.view[r]), col)
}

func labelOr[K ~string](labels map[K]string, k K) string {
	if s, ok := labels[k]; ok {
		return s
	}
	return string(k)
}
