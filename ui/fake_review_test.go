package ui

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"

	"khenthuong"
	"khenthuong/vntext"
)

// The fake's review, decisions and history, keeping the promises of
// service.go's doc comments as the store does: status changes all or
// nothing and only along CanTransition, a rejection needs its reason,
// nominations in a decision are locked, registry numbers come from the
// form's series in list order and never repeat, bonuses come from
// Settings.Bonus, an issued decision refuses edits (ECONFLICT) and takes
// amendments with a reason and the old values. The state hangs off the
// fake in a side table, leaving fake_test.go's struct as it is.

var (
	_ khenthuong.Services = (*fakeServices)(nil)

	fakeReviewStates sync.Map // *fakeServices -> *fakeReviewState
)

type fakeReviewState struct {
	decisions []khenthuong.Decision
	series    map[string]khenthuong.RegistrySeries
	counters  map[string]int // RegistrySeries.CounterKey -> last number given
	distinct  map[khenthuong.NomineePair]bool
	user      string
	pages     [][]uint64 // the IDs each WarningsOf asked for
}

// reviewState returns f's review data; f.mu must be held.
func (f *fakeServices) reviewState() *fakeReviewState {
	st, _ := fakeReviewStates.LoadOrStore(f, &fakeReviewState{
		series: map[string]khenthuong.RegistrySeries{}, counters: map[string]int{},
		distinct: map[khenthuong.NomineePair]bool{}, user: "canbo",
	})
	return st.(*fakeReviewState)
}

// cloneDecision copies d deeply enough that the caller cannot change the fake.
func cloneDecision(d khenthuong.Decision) khenthuong.Decision {
	d.Recipients = slices.Clone(d.Recipients)
	d.Amendments = slices.Clone(d.Amendments)
	return d
}

// decisionOf returns the decision listing nomination id, or nil.
func (st *fakeReviewState) decisionOf(id uint64) *khenthuong.Decision {
	for i := range st.decisions {
		for _, r := range st.decisions[i].Recipients {
			if r.NominationID == id {
				return &st.decisions[i]
			}
		}
	}
	return nil
}

func (st *fakeReviewState) decisionIndex(id uint64) int {
	return slices.IndexFunc(st.decisions, func(d khenthuong.Decision) bool { return d.ID == id })
}

// awards are what the issued decisions gave, by nomination ID.
func (st *fakeReviewState) awards() map[uint64]khenthuong.Award {
	out := map[uint64]khenthuong.Award{}
	for _, d := range st.decisions {
		if d.Status != khenthuong.DecisionIssued {
			continue
		}
		for _, r := range d.Recipients {
			out[r.NominationID] = khenthuong.Award{NominationID: r.NominationID, DecisionID: d.ID, FormCode: d.FormCode,
				DecisionNumber: d.Number, DecisionDate: d.Date, RegistryNo: r.RegistryNo, Amount: r.Amount}
		}
	}
	return out
}

// Review

func (f *fakeServices) SetStatus(ids []uint64, to khenthuong.Status, reason string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	st := f.reviewState()
	reason = vntext.CleanMultiline(reason)
	switch {
	case !to.Valid():
		return khenthuong.FieldErrorf("status", "Trạng thái “%s” không hợp lệ", to)
	case to == khenthuong.StatusRejected && reason == "":
		return khenthuong.FieldErrorf("reject_reason", "Không duyệt phải ghi rõ lý do")
	}
	if to != khenthuong.StatusRejected {
		reason = ""
	}
	var change []int
	seen := map[uint64]bool{}
	for _, id := range ids { // everything is checked before anything changes
		if seen[id] {
			continue
		}
		seen[id] = true
		i := f.nominationIndex(id)
		if i < 0 {
			return notFound("đề nghị")
		}
		n := &f.noms[i]
		if n.Status == to && n.RejectReason == reason {
			continue // already there
		}
		if d := st.decisionOf(id); d != nil {
			return khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) đã có trong quyết định số %s, không đổi trạng thái được", id, n.Nominee.DisplayName(), d.Number)
		}
		if n.Status != to && !khenthuong.CanTransition(n.Status, to) {
			return khenthuong.FieldErrorf("status", "Đề nghị số %d (%s): không chuyển được từ “%s” sang “%s”", id, n.Nominee.DisplayName(), n.Status.Label(), to.Label())
		}
		change = append(change, i)
	}
	now := f.tick()
	for _, i := range change {
		n := &f.noms[i]
		n.Status, n.RejectReason, n.UpdatedAt = to, reason, now
	}
	return nil
}

func (f *fakeServices) Warnings(campaignID uint64) (map[uint64][]khenthuong.Warning, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return nil, err
	}
	i := f.campaignIndex(campaignID)
	if i < 0 {
		return nil, notFound("đợt khen thưởng")
	}
	st := f.reviewState()
	c := f.campaigns[i]
	in := khenthuong.ReviewInput{Campaign: &c, All: slices.Clone(f.noms), Awards: st.awards(),
		Distinct: st.distinct, Forms: map[string]*khenthuong.AwardForm{}}
	for _, n := range f.noms {
		if n.CampaignID == campaignID {
			in.Nominations = append(in.Nominations, n)
		}
	}
	for k := range f.forms {
		in.Forms[f.forms[k].Code] = &f.forms[k]
	}
	return khenthuong.ReviewWarnings(in), nil
}

// WarningsOf gives the listed nominations' warnings of the whole
// computation, and counts the calls: the screen asks for its rows only.
func (f *fakeServices) WarningsOf(campaignID uint64, ids []uint64) (map[uint64][]khenthuong.Warning, error) {
	all, err := f.Warnings(campaignID)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	f.reviewState().pages = append(f.reviewState().pages, slices.Clone(ids))
	f.mu.Unlock()
	out := map[uint64][]khenthuong.Warning{}
	for _, id := range ids {
		if w, ok := all[id]; ok {
			out[id] = w
		}
	}
	return out, nil
}

// pair returns the two nominations by ID.
func (f *fakeServices) pair(a, b uint64) (*khenthuong.Nomination, *khenthuong.Nomination, error) {
	i, j := f.nominationIndex(a), f.nominationIndex(b)
	if i < 0 || j < 0 {
		return nil, nil, notFound("đề nghị")
	}
	if a == b {
		return nil, nil, khenthuong.Errorf(khenthuong.EINVALID, "Hai đề nghị phải khác nhau")
	}
	return &f.noms[i], &f.noms[j], nil
}

func (f *fakeServices) LinkNominees(a, b uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	na, nb, err := f.pair(a, b)
	if err != nil {
		return err
	}
	if na.Nominee.Kind != nb.Nominee.Kind {
		return khenthuong.Errorf(khenthuong.EINVALID, "%s và %s không cùng loại đối tượng", na.Nominee.DisplayName(), nb.Nominee.DisplayName())
	}
	st := f.reviewState()
	from, to := nb.NomineeID, na.NomineeID
	delete(st.distinct, khenthuong.PairOf(from, to))
	for i := range f.noms {
		if f.noms[i].NomineeID == from {
			f.noms[i].NomineeID = to
		}
	}
	return nil
}

func (f *fakeServices) MarkDistinct(a, b uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	na, nb, err := f.pair(a, b)
	if err != nil {
		return err
	}
	if na.NomineeID == nb.NomineeID { // taken for one nominee: B becomes someone else
		nb.NomineeID = f.id()
	}
	f.reviewState().distinct[khenthuong.PairOf(na.NomineeID, nb.NomineeID)] = true
	return nil
}

// Decisions

func (f *fakeServices) Decisions(campaignID uint64) ([]khenthuong.Decision, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return nil, err
	}
	if campaignID != 0 && f.campaignIndex(campaignID) < 0 {
		return nil, notFound("đợt khen thưởng")
	}
	var out []khenthuong.Decision
	for _, d := range f.reviewState().decisions {
		if campaignID == 0 || d.CampaignID == campaignID {
			out = append(out, cloneDecision(d))
		}
	}
	slices.SortStableFunc(out, func(a, b khenthuong.Decision) int { // newest first
		switch {
		case a.Date != b.Date && a.Date.Before(b.Date):
			return 1
		case a.Date != b.Date:
			return -1
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return out, nil
}

func (f *fakeServices) Decision(id uint64) (*khenthuong.Decision, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return nil, err
	}
	st := f.reviewState()
	i := st.decisionIndex(id)
	if i < 0 {
		return nil, notFound("quyết định")
	}
	d := cloneDecision(st.decisions[i])
	return &d, nil
}

// decisionForm checks d's campaign and returns its form.
func (f *fakeServices) decisionForm(d *khenthuong.Decision) (*khenthuong.AwardForm, error) {
	if f.campaignIndex(d.CampaignID) < 0 {
		return nil, notFound("đợt khen thưởng")
	}
	i := f.formIndex(d.FormCode)
	if i < 0 {
		return nil, khenthuong.FieldErrorf("form", "Không có hình thức khen thưởng mã “%s” trong danh mục", d.FormCode)
	}
	return &f.forms[i], nil
}

// listable returns the nominations ids name, each approved for d's form in
// d's campaign and in no other decision.
func (f *fakeServices) listable(d *khenthuong.Decision, ids []uint64) ([]khenthuong.Nomination, error) {
	st := f.reviewState()
	seen := map[uint64]bool{}
	var ns []khenthuong.Nomination
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		i := f.nominationIndex(id)
		if i < 0 {
			return nil, notFound("đề nghị")
		}
		n := f.noms[i]
		who := n.Nominee.DisplayName()
		switch {
		case n.CampaignID != d.CampaignID:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) thuộc đợt khen thưởng khác", id, who)
		case n.FormCode != d.FormCode:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) đề nghị hình thức %s, không phải %s của quyết định", id, who, n.FormCode, d.FormCode)
		case n.Status != khenthuong.StatusApproved:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) chưa được duyệt (%s)", id, who, n.Status.Label())
		}
		if other := st.decisionOf(id); other != nil && other.ID != d.ID {
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) đã có trong quyết định số %s", id, who, other.Number)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// orderRecipients puts d's recipients (recipient i is nomination ns[i]) in
// d's order; list order starts from the nominations' order in the campaign.
func orderRecipients(d *khenthuong.Decision, ns []khenthuong.Nomination) {
	if d.Order == khenthuong.OrderManual {
		return
	}
	idx := make([]int, len(ns))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(ns[a].Order, ns[b].Order), cmp.Compare(ns[a].ID, ns[b].ID))
	})
	rs := make([]khenthuong.Recipient, len(idx))
	for i, j := range idx {
		rs[i] = d.Recipients[j]
	}
	khenthuong.SortRecipients(rs, d.Order)
	d.Recipients = rs
}

// amounts fills each recipient's bonus for d's form and date.
func (f *fakeServices) amounts(d *khenthuong.Decision, form *khenthuong.AwardForm) error {
	for k := range d.Recipients {
		a, err := f.settings.Bonus(form, d.Recipients[k].Nominee.Kind, d.Date)
		if err != nil {
			return withField("date", err)
		}
		d.Recipients[k].Amount = a
	}
	return nil
}

func recipientOf(n khenthuong.Nomination) khenthuong.Recipient {
	return khenthuong.Recipient{NominationID: n.ID, NomineeID: n.NomineeID, Nominee: n.Nominee, Achievement: n.Achievement}
}

// printedFields takes the clerk's version of a recipient's printed fields; the kind stays.
func printedFields(r, given *khenthuong.Recipient) error {
	nominee := given.Nominee
	nominee.Kind = r.Nominee.Kind
	nominee.Normalize()
	if err := nominee.Validate(); err != nil {
		return err
	}
	r.Nominee, r.Achievement = nominee, vntext.CleanMultiline(given.Achievement)
	return nil
}

func issuedConflict(d *khenthuong.Decision) error {
	return khenthuong.Errorf(khenthuong.ECONFLICT,
		"Quyết định số %s đã ban hành, không sửa hay xóa được; muốn đính chính hãy dùng sửa đổi có ghi lý do", d.Number)
}

func (f *fakeServices) CreateDecision(d *khenthuong.Decision, nominationIDs []uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	d.Normalize()
	if err := d.Validate(); err != nil {
		return err
	}
	form, err := f.decisionForm(d)
	if err != nil {
		return err
	}
	ns, err := f.listable(d, nominationIDs)
	if err != nil {
		return err
	}
	saved := *d
	saved.Status, saved.IssuedAt, saved.Amendments = khenthuong.DecisionDraft, time.Time{}, nil
	saved.Recipients = make([]khenthuong.Recipient, len(ns))
	for i, n := range ns {
		saved.Recipients[i] = recipientOf(n)
	}
	orderRecipients(&saved, ns)
	if err := f.amounts(&saved, form); err != nil {
		return err
	}
	saved.ID = f.id()
	saved.CreatedAt = f.tick()
	saved.UpdatedAt = saved.CreatedAt
	st := f.reviewState()
	st.decisions = append(st.decisions, cloneDecision(saved))
	*d = saved
	return nil
}

func (f *fakeServices) UpdateDecision(d *khenthuong.Decision) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	d.Normalize()
	if err := d.Validate(); err != nil {
		return err
	}
	st := f.reviewState()
	i := st.decisionIndex(d.ID)
	if i < 0 {
		return notFound("quyết định")
	}
	old := &st.decisions[i]
	if old.Status == khenthuong.DecisionIssued {
		return issuedConflict(old)
	}
	form, err := f.decisionForm(d)
	if err != nil {
		return err
	}
	given := map[uint64]khenthuong.Recipient{}
	var ids []uint64
	for _, r := range d.Recipients {
		if _, dup := given[r.NominationID]; !dup {
			given[r.NominationID] = r
			ids = append(ids, r.NominationID)
		}
	}
	ns, err := f.listable(d, ids) // recipients may be reordered, removed or added
	if err != nil {
		return err
	}
	saved := *d
	saved.Recipients = make([]khenthuong.Recipient, len(ns))
	for k, n := range ns {
		r := recipientOf(n)
		if g := given[n.ID]; g.Nominee.Name != "" {
			if err := printedFields(&r, &g); err != nil {
				return err
			}
		}
		saved.Recipients[k] = r
	}
	orderRecipients(&saved, ns)
	if err := f.amounts(&saved, form); err != nil {
		return err
	}
	saved.Status, saved.IssuedAt, saved.Amendments = khenthuong.DecisionDraft, time.Time{}, nil
	saved.CreatedAt, saved.UpdatedAt = old.CreatedAt, f.tick()
	*old = cloneDecision(saved)
	*d = saved
	return nil
}

func (f *fakeServices) DeleteDecision(id uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := f.reviewState()
	i := st.decisionIndex(id)
	if i < 0 {
		return notFound("quyết định")
	}
	if d := &st.decisions[i]; d.Status == khenthuong.DecisionIssued {
		return issuedConflict(d)
	}
	st.decisions = slices.Delete(st.decisions, i, i+1)
	return nil
}

// seriesOf returns the registry series of a form, storing the default one
// (prefix = code, {prefix}-{year}-{n}, continuous) on first use.
func (f *fakeServices) seriesOf(form *khenthuong.AwardForm) khenthuong.RegistrySeries {
	code := form.Series
	if code == "" {
		code = form.Code
	}
	st := f.reviewState()
	if s, ok := st.series[code]; ok {
		return s
	}
	s := khenthuong.RegistrySeries{Code: code, Name: form.Name}
	s.Normalize()
	st.series[s.Code] = s
	return s
}

func (f *fakeServices) IssueDecision(id uint64) (*khenthuong.Decision, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return nil, err
	}
	st := f.reviewState()
	i := st.decisionIndex(id)
	if i < 0 {
		return nil, notFound("quyết định")
	}
	d := cloneDecision(st.decisions[i])
	if d.Status == khenthuong.DecisionIssued {
		return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Quyết định số %s đã ban hành, không ban hành lại được", d.Number)
	}
	if len(d.Recipients) == 0 {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s chưa có tập thể, cá nhân nào trong danh sách", d.Number)
	}
	form, err := f.decisionForm(&d)
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, len(d.Recipients))
	for k, r := range d.Recipients {
		ids[k] = r.NominationID
	}
	if _, err := f.listable(&d, ids); err != nil {
		return nil, err
	}
	if err := f.amounts(&d, form); err != nil {
		return nil, err
	}
	s := f.seriesOf(form)
	key := s.CounterKey(d.Date.Year)
	n := st.counters[key]
	for k := range d.Recipients {
		n++
		d.Recipients[k].RegistryNo = s.Number(d.Date.Year, n)
	}
	st.counters[key] = n
	d.Status = khenthuong.DecisionIssued
	d.IssuedAt = f.tick()
	d.UpdatedAt = d.IssuedAt
	st.decisions[i] = cloneDecision(d)
	return &d, nil
}

func (f *fakeServices) AmendDecision(d *khenthuong.Decision, reason string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	reason = vntext.CleanMultiline(reason)
	if reason == "" {
		return khenthuong.FieldErrorf("reason", "Sửa đổi quyết định đã ban hành phải ghi rõ lý do")
	}
	d.Normalize()
	if err := d.Validate(); err != nil {
		return err
	}
	st := f.reviewState()
	i := st.decisionIndex(d.ID)
	if i < 0 {
		return notFound("quyết định")
	}
	old := st.decisions[i]
	if old.Status != khenthuong.DecisionIssued {
		return khenthuong.Errorf(khenthuong.ECONFLICT, "Quyết định số %s chưa ban hành: hãy sửa trực tiếp bản dự thảo", old.Number)
	}
	if d.CampaignID != old.CampaignID || d.FormCode != old.FormCode {
		return khenthuong.FieldErrorf("form", "Không đổi được đợt khen thưởng hay hình thức của quyết định đã ban hành")
	}
	s := cloneDecision(old)
	s.Number, s.Date, s.SignerTitle, s.SignerName = d.Number, d.Date, d.SignerTitle, d.SignerName
	s.SubmissionNo, s.SubmissionDate, s.Achievement = d.SubmissionNo, d.SubmissionDate, d.Achievement
	if d.Recipients != nil { // same recipients, same order; their printed fields may change
		if len(d.Recipients) != len(old.Recipients) {
			return khenthuong.FieldErrorf("recipients", "Sửa đổi không được thêm hay bớt tập thể, cá nhân của quyết định đã ban hành")
		}
		for k := range d.Recipients {
			if d.Recipients[k].NominationID != old.Recipients[k].NominationID {
				return khenthuong.FieldErrorf("recipients", "Sửa đổi không được đổi người hay thứ tự trong danh sách của quyết định đã ban hành (dòng %d)", k+1)
			}
			if err := printedFields(&s.Recipients[k], &d.Recipients[k]); err != nil {
				return err
			}
		}
	}
	plain := func(x khenthuong.Decision) []byte {
		x.Amendments = nil
		b, _ := json.Marshal(x)
		return b
	}
	before := plain(old)
	if string(before) == string(plain(s)) {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có gì thay đổi so với quyết định đã ban hành")
	}
	now := f.tick()
	s.Amendments = append(s.Amendments, khenthuong.Amendment{At: now, User: st.user, Reason: reason, Before: string(before)})
	s.UpdatedAt = now
	st.decisions[i] = cloneDecision(s)
	*d = s
	return nil
}

func (f *fakeServices) Series() ([]khenthuong.RegistrySeries, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []khenthuong.RegistrySeries
	for _, s := range f.reviewState().series {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b khenthuong.RegistrySeries) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

func (f *fakeServices) SaveSeries(s *khenthuong.RegistrySeries) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	st := f.reviewState()
	if old, ok := st.series[s.Code]; ok && old.YearlyReset != s.YearlyReset {
		for key := range st.counters {
			if key == s.Code || strings.HasPrefix(key, s.Code+"|") {
				return khenthuong.Errorf(khenthuong.ECONFLICT, "Sổ %s đã cấp số: không chuyển được giữa đánh số hằng năm và liên tục", s.Code)
			}
		}
	}
	st.series[s.Code] = *s
	return nil
}

// History

func (f *fakeServices) History(query string) ([]khenthuong.HistoryEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return nil, err
	}
	words := strings.Fields(vntext.Fold(query))
	if len(words) == 0 {
		return nil, nil
	}
	awards := f.reviewState().awards()
	type item struct {
		e    khenthuong.HistoryEntry
		date khenthuong.Date
	}
	var items []item
	for _, n := range f.noms {
		key := vntext.Fold(n.Nominee.Name + " " + n.Nominee.Unit + " " + n.Nominee.Position)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(key, w) }) {
			it := item{e: khenthuong.HistoryEntry{Nomination: n}}
			if i := f.campaignIndex(n.CampaignID); i >= 0 {
				c := f.campaigns[i]
				it.e.Campaign = c.Name
				for _, d := range []khenthuong.Date{c.CeremonyDate, c.To, c.From} {
					if it.date.IsZero() {
						it.date = d
					}
				}
			}
			if a, ok := awards[n.ID]; ok {
				it.e.Award, it.date = &a, a.DecisionDate
			}
			items = append(items, it)
		}
	}
	// Newest first: the award's date, else the campaign's; then the latest nomination.
	slices.SortStableFunc(items, func(a, b item) int {
		switch {
		case a.date != b.date && a.date.Before(b.date):
			return 1
		case a.date != b.date:
			return -1
		}
		return cmp.Compare(b.e.Nomination.ID, a.e.Nomination.ID)
	})
	out := make([]khenthuong.HistoryEntry, len(items))
	for i, it := range items {
		out[i] = it.e
	}
	return out, nil
}
