// Package stats computes the figures of the Tổng quan dashboard and of the
// periodic summary report (báo cáo tổng hợp khen thưởng) from domain values.
// It is pure: Summarize works on slices already loaded, Compute loads them
// through the domain services.
package stats

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"khenthuong"
	"khenthuong/vntext"
)

// TopUnits is how many units the by-unit table lists before "Khác".
const TopUnits = 15

// Years is how many years the by-year table covers, ending at the period's end.
const Years = 10

// OtherUnits is the label of the row that sums the units past the top ones.
const OtherUnits = "Khác"

// Filter selects what is counted; zero fields match everything.
type Filter struct {
	CampaignID uint64
	From, To   khenthuong.Date // decision dates, both included
	FormCode   string
	Issuer     string // matched, folded, within the form's issuer
}

// Count is one row of a table: a label, how many, the bonus and the share of the table's total.
type Count struct {
	Key     string  // status, form code, kind, gender, year, unit or classification
	Label   string  // as printed
	Count   int     // nominations or recipients
	Amount  int64   // bonus in đồng (awards only)
	Percent float64 // of the table's total, 0–100
}

// Summary is every figure of the dashboard and the report.
type Summary struct {
	Filter    Filter
	Decisions int   // issued decisions counted
	Awards    int   // their recipients
	Bonus     int64 // sum of the recipients' amounts, đồng

	ByStatus []Count // nominations of the campaign (all when none is chosen) by status, dated by NominationDate within the period
	ByForm   []Count // awards by form, the catalogue's order
	ByKind   []Count // awards by kind of nominee
	ByUnit   []Count // awards by unit: the top ones, then "Khác"
	ByGender []Count // awarded individuals by gender
	ByYear   []Count // awards by year of decision over the last Years years (period start ignored)
	// ByClassification is the awarded collectives by classification, percentages of the collectives.
	ByClassification []Count

	Individuals  int
	Women        int
	WomenPercent float64 // of the awarded individuals
	Collectives  int
}

// Table finds a table by name: "status", "form", "kind", "unit", "gender", "year", "classification".
func (s *Summary) Table(name string) []Count {
	switch name {
	case "status":
		return s.ByStatus
	case "form":
		return s.ByForm
	case "kind":
		return s.ByKind
	case "unit":
		return s.ByUnit
	case "gender":
		return s.ByGender
	case "year":
		return s.ByYear
	case "classification":
		return s.ByClassification
	}
	return nil
}

// Compute summarises the data behind svc without loading it whole. Without
// a period the nominations are counted where they are (CountNominations, no
// record read); with one, they are streamed for their dates. Decisions are
// read without their recipients, and the recipients of the issued ones that
// count are streamed, each carrying its proposing unit (a recipient of an
// older file without it has its nomination read). Errors: those of the services.
func Compute(svc khenthuong.Services, f Filter) (*Summary, error) {
	forms, err := svc.Forms()
	if err != nil {
		return nil, err
	}
	sm := newSummer(forms, f)
	if f.From.IsZero() && f.To.IsZero() {
		if err := countStatuses(svc, sm); err != nil {
			return nil, err
		}
	} else {
		err = svc.EachNomination(khenthuong.NominationFilter{CampaignID: f.CampaignID}, func(n *khenthuong.Nomination) error {
			sm.nomination(n)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	decs, err := svc.DecisionSummaries(f.CampaignID)
	if err != nil {
		return nil, err
	}
	var counted []*khenthuong.DecisionSummary
	for i := range decs {
		if sm.decision(&decs[i].Decision, decs[i].RecipientCount, decs[i].TotalAmount) {
			counted = append(counted, &decs[i])
		}
	}
	// Decoding the recipients is most of the work: decisions are read by
	// two at a time, and counted here as they come (the sums do not depend
	// on the order). Memory holds two decisions' recipients at the most.
	err = eachDecisionsRecipients(svc, counted, func(d *khenthuong.DecisionSummary, rs []khenthuong.Recipient) {
		for i := range rs {
			r := &rs[i]
			if _, known := sm.unitOf[r.NominationID]; r.ProposingUnit == "" && !known {
				sm.unitOf[r.NominationID] = "" // one look-up per nomination
				if n, err := svc.Nomination(r.NominationID); err == nil {
					sm.unitOf[r.NominationID] = n.ProposingUnit
				}
			}
			sm.recipient(d.FormCode, r)
		}
	})
	if err != nil {
		return nil, err
	}
	s := sm.finish()
	return &s, nil
}

// eachDecisionsRecipients reads the recipients of ds with two readers and
// calls fn with each decision's, one call at a time, in no fixed order.
func eachDecisionsRecipients(svc khenthuong.Services, ds []*khenthuong.DecisionSummary, fn func(*khenthuong.DecisionSummary, []khenthuong.Recipient)) error {
	type result struct {
		d   *khenthuong.DecisionSummary
		rs  []khenthuong.Recipient
		err error
	}
	todo := make(chan *khenthuong.DecisionSummary)
	done := make(chan result)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for d := range todo {
				rs := make([]khenthuong.Recipient, 0, d.RecipientCount)
				err := svc.EachRecipient(d.ID, func(r *khenthuong.Recipient) error {
					rs = append(rs, *r)
					return nil
				})
				done <- result{d, rs, err}
			}
		})
	}
	go func() {
		for _, d := range ds {
			todo <- d
		}
		close(todo)
		wg.Wait()
		close(done)
	}()
	var first error
	for r := range done {
		if r.err != nil && first == nil {
			first = r.err
		}
		if first == nil {
			fn(r.d, r.rs)
		}
	}
	return first
}

// countStatuses counts the nominations by status without a period: by form
// where the filter names forms (a form or an issuer), else all at once.
func countStatuses(svc khenthuong.Services, sm *summer) error {
	f := sm.s.Filter
	if f.FormCode == "" && sm.issuer == "" {
		c, err := svc.CountNominations(khenthuong.NominationFilter{CampaignID: f.CampaignID})
		for st, n := range c.ByStatus {
			sm.status[st] += n
		}
		return err
	}
	for i := range sm.forms {
		code := sm.forms[i].Code
		if !sm.matchForm(code) {
			continue
		}
		c, err := svc.CountNominations(khenthuong.NominationFilter{CampaignID: f.CampaignID, FormCode: code})
		if err != nil {
			return err
		}
		for st, n := range c.ByStatus {
			sm.status[st] += n
		}
	}
	return nil
}

func key(d khenthuong.Date) int { return d.Year*10000 + d.Month*100 + d.Day }

// InPeriod reports whether d lies between from and to (zero bounds are open).
func InPeriod(d, from, to khenthuong.Date) bool {
	k := key(d)
	if !from.IsZero() && k < key(from) {
		return false
	}
	if !to.IsZero() && k > key(to) {
		return false
	}
	return true
}

// NominationDate is the date a nomination counts under in a period: its
// unit's Tờ trình, else the day it was recorded; zero when neither is known.
func NominationDate(n *khenthuong.Nomination) khenthuong.Date {
	if !n.SubmissionDate.IsZero() {
		return n.SubmissionDate
	}
	if !n.CreatedAt.IsZero() {
		return khenthuong.DateOf(n.CreatedAt)
	}
	return khenthuong.Date{}
}

// nominationInPeriod: with no period every nomination counts; with one, those
// whose NominationDate falls in it.
func nominationInPeriod(n *khenthuong.Nomination, f Filter) bool {
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	d := NominationDate(n)
	return !d.IsZero() && InPeriod(d, f.From, f.To)
}

// Summarize computes the summary of the given nominations and decisions
// (drafts are skipped) with the catalogue forms.
func Summarize(noms []khenthuong.Nomination, decisions []khenthuong.Decision, forms []khenthuong.AwardForm, f Filter) Summary {
	sm := newSummer(forms, f)
	for i := range noms {
		sm.nomination(&noms[i])
	}
	for i := range decisions {
		d := &decisions[i]
		if sm.decision(d, len(d.Recipients), d.Total()) {
			for j := range d.Recipients {
				sm.recipient(d.FormCode, &d.Recipients[j])
			}
		}
	}
	return sm.finish()
}

// acc is a count and an amount.
type acc struct {
	n   int
	amt int64
}

// summer accumulates a Summary from nominations, then decisions and their
// recipients, fed one at a time.
type summer struct {
	s         Summary
	forms     []khenthuong.AwardForm
	formByCod map[string]*khenthuong.AwardForm
	issuer    string
	formOK    map[string]bool
	status    map[khenthuong.Status]int
	unitOf    map[uint64]string
	units     map[string]string // interned proposing units
	endYear   int               // the latest issued decision's year, without a period end
	byForm    map[string]*acc
	byKind    map[khenthuong.Kind]*acc
	byUnit    map[string]*acc
	byGender  map[khenthuong.Gender]int
	byYear    map[int]*acc
	byClass   map[string]int
}

func newSummer(forms []khenthuong.AwardForm, f Filter) *summer {
	sm := &summer{s: Summary{Filter: f}, forms: forms, formByCod: make(map[string]*khenthuong.AwardForm, len(forms)),
		issuer: vntext.Fold(strings.TrimSpace(f.Issuer)), formOK: map[string]bool{},
		status: map[khenthuong.Status]int{}, unitOf: map[uint64]string{}, units: map[string]string{},
		byForm: map[string]*acc{}, byKind: map[khenthuong.Kind]*acc{}, byUnit: map[string]*acc{},
		byGender: map[khenthuong.Gender]int{}, byYear: map[int]*acc{}, byClass: map[string]int{}}
	for i := range forms {
		sm.formByCod[forms[i].Code] = &forms[i]
	}
	return sm
}

func (sm *summer) matchForm(code string) bool {
	ok, seen := sm.formOK[code]
	if seen {
		return ok
	}
	f := sm.s.Filter
	ok = f.FormCode == "" || code == f.FormCode
	if ok && sm.issuer != "" {
		fm := sm.formByCod[code]
		ok = fm != nil && strings.Contains(vntext.Fold(fm.Issuer), sm.issuer)
	}
	sm.formOK[code] = ok
	return ok
}

// nomination counts n by status and notes its proposing unit.
func (sm *summer) nomination(n *khenthuong.Nomination) {
	f := sm.s.Filter
	if n.ProposingUnit != "" {
		u, ok := sm.units[n.ProposingUnit]
		if !ok {
			u = n.ProposingUnit
			sm.units[u] = u
		}
		sm.unitOf[n.ID] = u
	}
	if (f.CampaignID == 0 || n.CampaignID == f.CampaignID) && sm.matchForm(n.FormCode) && nominationInPeriod(n, f) {
		sm.status[n.Status]++
	}
}

// decision counts an issued decision of count recipients and total amount
// by year, and reports whether its recipients count in the period.
func (sm *summer) decision(d *khenthuong.Decision, count int, total int64) bool {
	f := sm.s.Filter
	if d.Status != khenthuong.DecisionIssued || (f.CampaignID != 0 && d.CampaignID != f.CampaignID) || !sm.matchForm(d.FormCode) {
		return false
	}
	if f.To.IsZero() || key(d.Date) <= key(f.To) {
		a := sm.byYear[d.Date.Year]
		if a == nil {
			a = &acc{}
			sm.byYear[d.Date.Year] = a
		}
		a.n += count
		a.amt += total
	}
	sm.endYear = max(sm.endYear, d.Date.Year)
	if !InPeriod(d.Date, f.From, f.To) {
		return false
	}
	sm.s.Decisions++
	return true
}

func add[K comparable](m map[K]*acc, k K, amt int64) {
	a := m[k]
	if a == nil {
		a = &acc{}
		m[k] = a
	}
	a.n++
	a.amt += amt
}

// recipient counts one award of a decision counted by decision.
func (sm *summer) recipient(formCode string, r *khenthuong.Recipient) {
	s := &sm.s
	s.Awards++
	s.Bonus += r.Amount
	add(sm.byForm, formCode, r.Amount)
	add(sm.byKind, r.Nominee.Kind, r.Amount)
	proposing := r.ProposingUnit
	if proposing == "" {
		proposing = sm.unitOf[r.NominationID]
	}
	add(sm.byUnit, UnitOf(r, proposing), r.Amount)
	switch r.Nominee.Kind {
	case khenthuong.Individual:
		s.Individuals++
		sm.byGender[r.Nominee.Gender]++
		if r.Nominee.Gender == khenthuong.Female {
			s.Women++
		}
	case khenthuong.Collective:
		s.Collectives++
		sm.byClass[r.Nominee.Classification]++
	}
}

// finish makes the tables.
func (sm *summer) finish() Summary {
	s, f, forms := sm.s, sm.s.Filter, sm.forms
	byForm, byKind, byUnit, byGender, byYear, byClass := sm.byForm, sm.byKind, sm.byUnit, sm.byGender, sm.byYear, sm.byClass
	total := 0
	for _, st := range khenthuong.Statuses {
		s.ByStatus = append(s.ByStatus, Count{Key: string(st), Label: st.Label(), Count: sm.status[st]})
		total += sm.status[st]
	}
	percents(s.ByStatus, total)
	endYear := f.To.Year
	if endYear == 0 {
		endYear = sm.endYear
	}

	// By form: the catalogue's order, then codes not in it.
	seen := map[string]bool{}
	for i := range forms {
		if a := byForm[forms[i].Code]; a != nil {
			s.ByForm = append(s.ByForm, Count{Key: forms[i].Code, Label: forms[i].Name, Count: a.n, Amount: a.amt})
			seen[forms[i].Code] = true
		}
	}
	var rest []string
	for c := range byForm {
		if !seen[c] {
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	for _, c := range rest {
		s.ByForm = append(s.ByForm, Count{Key: c, Label: c, Count: byForm[c].n, Amount: byForm[c].amt})
	}
	percents(s.ByForm, s.Awards)

	for _, k := range khenthuong.Kinds {
		a := byKind[k]
		if a == nil {
			a = &acc{}
		}
		s.ByKind = append(s.ByKind, Count{Key: string(k), Label: k.Label(), Count: a.n, Amount: a.amt})
	}
	percents(s.ByKind, s.Awards)

	// By unit: most awards first, ties by Vietnamese alphabetical order.
	units := make([]Count, 0, len(byUnit))
	for u, a := range byUnit {
		units = append(units, Count{Key: u, Label: u, Count: a.n, Amount: a.amt})
	}
	sort.Slice(units, func(i, j int) bool {
		if units[i].Count != units[j].Count {
			return units[i].Count > units[j].Count
		}
		return vntext.Compare(units[i].Label, units[j].Label) < 0
	})
	if len(units) > TopUnits {
		other := Count{Key: "", Label: OtherUnits}
		for _, u := range units[TopUnits:] {
			other.Count += u.Count
			other.Amount += u.Amount
		}
		units = append(units[:TopUnits:TopUnits], other)
	}
	s.ByUnit = units
	percents(s.ByUnit, s.Awards)

	for _, g := range []khenthuong.Gender{khenthuong.Male, khenthuong.Female, khenthuong.GenderUnknown} {
		label := g.Label()
		if g == khenthuong.GenderUnknown {
			if byGender[g] == 0 {
				continue
			}
			label = "Không rõ"
		}
		s.ByGender = append(s.ByGender, Count{Key: string(g), Label: label, Count: byGender[g]})
	}
	percents(s.ByGender, s.Individuals)
	s.WomenPercent = percent(s.Women, s.Individuals)

	if endYear > 0 {
		yearTotal := 0
		for y := endYear - Years + 1; y <= endYear; y++ {
			c := Count{Key: strconv.Itoa(y), Label: strconv.Itoa(y)}
			if a := byYear[y]; a != nil {
				c.Count, c.Amount = a.n, a.amt
			}
			yearTotal += c.Count
			s.ByYear = append(s.ByYear, c)
		}
		percents(s.ByYear, yearTotal)
	}

	classes := append([]string(nil), khenthuong.Classifications...)
	known := map[string]bool{}
	for _, c := range classes {
		known[c] = true
	}
	var extra []string
	for c := range byClass {
		if !known[c] {
			extra = append(extra, c)
		}
	}
	sort.Strings(extra)
	for _, c := range append(classes, extra...) {
		label := c
		if c == "" {
			label = "Chưa phân loại"
		}
		if byClass[c] > 0 || known[c] {
			s.ByClassification = append(s.ByClassification, Count{Key: c, Label: label, Count: byClass[c]})
		}
	}
	percents(s.ByClassification, s.Collectives)
	return s
}

// UnitOf is the unit an award is counted under: the nomination's proposing
// unit, else the nominee's unit (the parent unit of a collective), else its address.
func UnitOf(r *khenthuong.Recipient, proposing string) string {
	for _, u := range []string{proposing, r.Nominee.Unit, r.Nominee.Address} {
		if u != "" {
			return u
		}
	}
	return "Chưa rõ đơn vị"
}

func percent(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}

func percents(cs []Count, total int) {
	for i := range cs {
		cs[i].Percent = percent(cs[i].Count, total)
	}
}

// FormatPercent writes a percentage with a comma and at most one decimal: "52,3%".
func FormatPercent(p float64) string { return vntext.FormatDecimal(p, 1) + "%" }

// Section is one table of the report with its chart.
type Section struct {
	Title  string
	Sheet  string // the workbook's sheet name (at most 31 characters)
	Unit   string // what is counted: "Số lượt", "Số hồ sơ", "Số người"
	Rows   []Count
	Amount bool // the table has a bonus column
}

// Sections are the report's tables in print order; the xlsx workbook
// has one sheet per section.
func Sections(s *Summary) []Section {
	status := "Hồ sơ đề nghị theo trạng thái"
	if !s.Filter.From.IsZero() || !s.Filter.To.IsZero() {
		status += " (tính theo ngày tờ trình, hoặc ngày nhập hồ sơ)"
	}
	return []Section{
		{Title: status, Sheet: "Trạng thái hồ sơ", Unit: "Số hồ sơ", Rows: s.ByStatus},
		{Title: "Khen thưởng theo hình thức", Sheet: "Hình thức", Unit: "Số lượt", Rows: s.ByForm, Amount: true},
		{Title: "Khen thưởng theo đối tượng", Sheet: "Đối tượng", Unit: "Số lượt", Rows: s.ByKind, Amount: true},
		{Title: "Khen thưởng theo đơn vị", Sheet: "Đơn vị", Unit: "Số lượt", Rows: s.ByUnit, Amount: true},
		{Title: "Cá nhân được khen thưởng theo giới tính", Sheet: "Giới tính", Unit: "Số người", Rows: s.ByGender},
		{Title: "Tập thể được khen thưởng theo phân loại", Sheet: "Phân loại tập thể", Unit: "Số tập thể", Rows: s.ByClassification},
		{Title: "Khen thưởng theo năm (" + strconv.Itoa(Years) + " năm gần nhất)", Sheet: "Theo năm", Unit: "Số lượt", Rows: s.ByYear, Amount: true},
	}
}

// Totals are the lines of the general part: label and value as printed.
func Totals(s *Summary) [][2]string {
	return [][2]string{
		{"Số quyết định khen thưởng đã ban hành", vntext.FormatNumber(int64(s.Decisions))},
		{"Tổng số lượt được khen thưởng", vntext.FormatNumber(int64(s.Awards))},
		{"Tổng số tập thể được khen thưởng", vntext.FormatNumber(int64(s.Collectives))},
		{"Tổng số cá nhân được khen thưởng", vntext.FormatNumber(int64(s.Individuals))},
		{"Trong đó nữ", vntext.FormatNumber(int64(s.Women)) + " (" + FormatPercent(s.WomenPercent) + ")"},
		{"Tổng số tiền thưởng", vntext.FormatNumber(s.Bonus) + " đồng"},
	}
}
