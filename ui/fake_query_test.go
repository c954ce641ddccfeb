package ui

import (
	"bytes"
	"cmp"
	"slices"
	"sync"

	"khenthuong"
	"khenthuong/vntext"
)

// The fake's query-shaped services, built on its whole-slice ones: the
// screens meet pages, totals and streams as the store gives them.

// fakeQueryState counts the page queries and keeps the subscribers.
type fakeQueryState struct {
	mu      sync.Mutex
	queries int                          // calls of QueryNominations
	asked   []khenthuong.NominationQuery // what they asked for
	subs    map[int]func(khenthuong.Change)
	next    int
}

var fakeQueries sync.Map // *fakeServices -> *fakeQueryState

func (f *fakeServices) queryState() *fakeQueryState {
	s, _ := fakeQueries.LoadOrStore(f, &fakeQueryState{subs: map[int]func(khenthuong.Change){}})
	return s.(*fakeQueryState)
}

func pageOf[T any](s []T, p khenthuong.Page) []T {
	if p.Offset >= len(s) {
		return nil
	}
	s = s[p.Offset:]
	if p.Limit > 0 && p.Limit < len(s) {
		s = s[:p.Limit]
	}
	return s
}

func badPage(p khenthuong.Page) error {
	if p.Offset < 0 || p.Limit < 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Trang không hợp lệ")
	}
	return nil
}

func (f *fakeServices) QueryNominations(q khenthuong.NominationQuery) (khenthuong.NominationPage, error) {
	st := f.queryState()
	st.mu.Lock()
	st.queries++
	st.asked = append(st.asked, q)
	st.mu.Unlock()
	if !q.Sort.Valid() {
		return khenthuong.NominationPage{}, khenthuong.Errorf(khenthuong.EINVALID, "Không sắp xếp được theo “%s”", q.Sort)
	}
	if err := badPage(q.Page); err != nil {
		return khenthuong.NominationPage{}, err
	}
	ns, err := f.Nominations(q.Filter)
	if err != nil {
		return khenthuong.NominationPage{}, err
	}
	if q.WithWarnings {
		ws, err := f.Warnings(q.Filter.CampaignID)
		if err != nil {
			return khenthuong.NominationPage{}, err
		}
		ns = slices.DeleteFunc(ns, func(n khenthuong.Nomination) bool { return len(ws[n.ID]) == 0 })
	}
	if q.Sort == khenthuong.SortByList && q.Descending {
		slices.Reverse(ns)
	} else if q.Sort != khenthuong.SortByList {
		slices.SortStableFunc(ns, func(a, b khenthuong.Nomination) int {
			c := bytes.Compare(q.Sort.Key(&a), q.Sort.Key(&b))
			if q.Descending {
				c = -c
			}
			return c
		})
	}
	total, atLeast := q.Bounded(len(ns))
	return khenthuong.NominationPage{Nominations: pageOf(ns, q.Page), Total: total, TotalAtLeast: atLeast}, nil
}

func (f *fakeServices) CountNominations(flt khenthuong.NominationFilter) (khenthuong.NominationCounts, error) {
	ns, err := f.Nominations(flt)
	if err != nil {
		return khenthuong.NominationCounts{}, err
	}
	c := khenthuong.NominationCounts{Total: len(ns), ByStatus: map[khenthuong.Status]int{},
		ByKind: map[khenthuong.Kind]int{}, ByForm: map[string]int{}}
	for _, n := range ns {
		c.ByStatus[n.Status]++
		c.ByKind[n.Nominee.Kind]++
		c.ByForm[n.FormCode]++
	}
	return c, nil
}

func (f *fakeServices) EachNomination(flt khenthuong.NominationFilter, fn func(*khenthuong.Nomination) error) error {
	ns, err := f.Nominations(flt)
	if err != nil {
		return err
	}
	for i := range ns {
		if err := fn(&ns[i]); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeServices) NominationsByName(folded []string) ([]khenthuong.Nomination, error) {
	ns, err := f.matching(khenthuong.NominationFilter{})
	if err != nil {
		return nil, err
	}
	var out []khenthuong.Nomination
	for _, n := range ns {
		if slices.Contains(folded, vntext.Fold(n.Nominee.Name)) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b khenthuong.Nomination) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

func (f *fakeServices) DecisionSummaries(campaignID uint64) ([]khenthuong.DecisionSummary, error) {
	ds, err := f.Decisions(campaignID)
	if err != nil {
		return nil, err
	}
	out := make([]khenthuong.DecisionSummary, len(ds))
	for i := range ds {
		out[i] = summaryOf(&ds[i])
	}
	return out, nil
}

func (f *fakeServices) DecisionSummary(id uint64) (*khenthuong.DecisionSummary, error) {
	d, err := f.Decision(id)
	if err != nil {
		return nil, err
	}
	s := summaryOf(d)
	return &s, nil
}

func (f *fakeServices) Recipients(id uint64, p khenthuong.Page) ([]khenthuong.Recipient, error) {
	if err := badPage(p); err != nil {
		return nil, err
	}
	d, err := f.Decision(id)
	if err != nil {
		return nil, err
	}
	return pageOf(d.Recipients, p), nil
}

func (f *fakeServices) EachRecipient(id uint64, fn func(*khenthuong.Recipient) error) error {
	d, err := f.Decision(id)
	if err != nil {
		return err
	}
	for i := range d.Recipients {
		if err := fn(&d.Recipients[i]); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeServices) QueryHistory(query string, p khenthuong.Page) ([]khenthuong.HistoryEntry, int, error) {
	if err := badPage(p); err != nil {
		return nil, 0, err
	}
	hs, err := f.History(query)
	return pageOf(hs, p), len(hs), err
}

// EachAudit: the fake keeps no audit trail.
func (f *fakeServices) EachAudit(khenthuong.AuditFilter, func(*khenthuong.AuditRecord) error) error {
	return nil
}

func (f *fakeServices) Identity() khenthuong.Identity {
	return khenthuong.Identity{Login: "canbo", Role: khenthuong.RoleHead, Local: true}
}

func (f *fakeServices) Subscribe(fn func(khenthuong.Change)) (cancel func()) {
	st := f.queryState()
	st.mu.Lock()
	defer st.mu.Unlock()
	id := st.next
	st.next++
	st.subs[id] = fn
	return func() {
		st.mu.Lock()
		delete(st.subs, id)
		st.mu.Unlock()
	}
}

// matching is Nominations without counting a load: counts, streams and name
// look-ups are not the loads the screens' tests count.
func (f *fakeServices) matching(flt khenthuong.NominationFilter) ([]khenthuong.Nomination, error) {
	ns, err := f.Nominations(flt)
	f.mu.Lock()
	f.nominations--
	f.mu.Unlock()
	return ns, err
}

// askedSince returns the page queries made after the first n.
func (f *fakeServices) askedSince(n int) []khenthuong.NominationQuery {
	st := f.queryState()
	st.mu.Lock()
	defer st.mu.Unlock()
	return slices.Clone(st.asked[min(n, len(st.asked)):])
}

// askedCount is how many page queries were made.
func (f *fakeServices) askedCount() int {
	st := f.queryState()
	st.mu.Lock()
	defer st.mu.Unlock()
	return len(st.asked)
}

// summaryOf is a decision as the list shows it, without its recipients.
func summaryOf(d *khenthuong.Decision) khenthuong.DecisionSummary {
	s := khenthuong.DecisionSummary{Decision: *d, RecipientCount: len(d.Recipients), ByKind: d.CountByKind(), TotalAmount: d.Total()}
	s.Recipients = nil
	return s
}
