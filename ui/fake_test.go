package ui

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"time"

	"khenthuong"
	"khenthuong/vntext"
)

// fakeServices is an in-memory khenthuong.Services that keeps the promises of
// service.go's doc comments (normalise + validate, IDs, times, list order,
// error codes), so the screens meet the same behaviour as with the store.
type fakeServices struct {
	mu          sync.Mutex
	now         time.Time
	nextID      uint64
	campaigns   []khenthuong.Campaign
	forms       []khenthuong.AwardForm
	noms        []khenthuong.Nomination // kept by campaign then list order
	nominees    map[string]uint64       // kind|folded name -> nominee ID
	settings    khenthuong.Settings
	failNext    error // returned once by the next call, to test error paths
	nominations int   // calls of Nominations, to check loads
}

var _ khenthuong.Services = (*fakeServices)(nil)

func newFake() *fakeServices {
	return &fakeServices{
		now:      time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC),
		forms:    khenthuong.DefaultForms(),
		settings: khenthuong.DefaultSettings(),
		nominees: map[string]uint64{},
	}
}

func (f *fakeServices) tick() time.Time {
	f.now = f.now.Add(time.Second)
	return f.now
}

func (f *fakeServices) id() uint64 {
	f.nextID++
	return f.nextID
}

func (f *fakeServices) fail() error {
	err := f.failNext
	f.failNext = nil
	return err
}

func notFound(what string) error {
	return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy %s", what)
}

// Campaigns

func (f *fakeServices) Campaigns() ([]khenthuong.Campaign, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return nil, err
	}
	cs := slices.Clone(f.campaigns)
	slices.SortStableFunc(cs, func(a, b khenthuong.Campaign) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID)) // newest first
	})
	return cs, nil
}

func (f *fakeServices) campaignIndex(id uint64) int {
	return slices.IndexFunc(f.campaigns, func(c khenthuong.Campaign) bool { return c.ID == id })
}

func (f *fakeServices) Campaign(id uint64) (*khenthuong.Campaign, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.campaignIndex(id)
	if i < 0 {
		return nil, notFound("đợt khen thưởng")
	}
	c := f.campaigns[i]
	return &c, nil
}

func (f *fakeServices) CreateCampaign(c *khenthuong.Campaign) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	c.ID = f.id()
	c.CreatedAt = f.tick()
	c.UpdatedAt = c.CreatedAt
	f.campaigns = append(f.campaigns, *c)
	return nil
}

func (f *fakeServices) UpdateCampaign(c *khenthuong.Campaign) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	i := f.campaignIndex(c.ID)
	if i < 0 {
		return notFound("đợt khen thưởng")
	}
	c.CreatedAt = f.campaigns[i].CreatedAt
	c.UpdatedAt = f.tick()
	f.campaigns[i] = *c
	return nil
}

func (f *fakeServices) DeleteCampaign(id uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.campaignIndex(id)
	if i < 0 {
		return notFound("đợt khen thưởng")
	}
	n := 0
	for _, x := range f.noms {
		if x.CampaignID == id {
			n++
		}
	}
	if n > 0 {
		return khenthuong.Errorf(khenthuong.ECONFLICT, "Đợt khen thưởng “%s” còn %d đề nghị: xóa các đề nghị trước khi xóa đợt", f.campaigns[i].Name, n)
	}
	f.campaigns = slices.Delete(f.campaigns, i, i+1)
	return nil
}

// Forms

func (f *fakeServices) Forms() ([]khenthuong.AwardForm, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fs := slices.Clone(f.forms)
	slices.SortStableFunc(fs, func(a, b khenthuong.AwardForm) int {
		return cmp.Or(cmp.Compare(b.Rank, a.Rank), strings.Compare(a.Code, b.Code)) // highest rank first
	})
	return fs, nil
}

func (f *fakeServices) formIndex(code string) int {
	return slices.IndexFunc(f.forms, func(x khenthuong.AwardForm) bool { return x.Code == code })
}

func (f *fakeServices) Form(code string) (*khenthuong.AwardForm, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.formIndex(code)
	if i < 0 {
		return nil, notFound("hình thức khen thưởng " + code)
	}
	x := f.forms[i]
	return &x, nil
}

func (f *fakeServices) SaveForm(x *khenthuong.AwardForm) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	x.Normalize()
	if err := x.Validate(); err != nil {
		return err
	}
	if i := f.formIndex(x.Code); i >= 0 {
		f.forms[i] = *x
	} else {
		f.forms = append(f.forms, *x)
	}
	return nil
}

func (f *fakeServices) DeleteForm(code string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.formIndex(code)
	if i < 0 {
		return notFound("hình thức khen thưởng " + code)
	}
	for _, n := range f.noms {
		if n.FormCode == code {
			return khenthuong.Errorf(khenthuong.ECONFLICT, "Hình thức %s đang được dùng trong đề nghị", code)
		}
	}
	f.forms = slices.Delete(f.forms, i, i+1)
	return nil
}

// Nominations

func (f *fakeServices) Nominations(flt khenthuong.NominationFilter) ([]khenthuong.Nomination, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nominations++
	if err := f.fail(); err != nil {
		return nil, err
	}
	q := strings.Fields(vntext.Fold(flt.Query))
	out := make([]khenthuong.Nomination, 0, len(f.noms))
	for _, n := range f.noms {
		if (flt.CampaignID != 0 && n.CampaignID != flt.CampaignID) ||
			(flt.Kind != "" && n.Nominee.Kind != flt.Kind) ||
			(flt.FormCode != "" && n.FormCode != flt.FormCode) ||
			(flt.Status != "" && n.Status != flt.Status) ||
			(flt.NomineeID != 0 && n.NomineeID != flt.NomineeID) {
			continue
		}
		if len(q) > 0 {
			key := vntext.Fold(n.Nominee.Name + " " + n.Nominee.Unit + " " + n.Nominee.Position)
			ok := true
			for _, w := range q {
				ok = ok && strings.Contains(key, w)
			}
			if !ok {
				continue
			}
		}
		out = append(out, n)
	}
	return out, nil
}

func (f *fakeServices) nominationIndex(id uint64) int {
	return slices.IndexFunc(f.noms, func(n khenthuong.Nomination) bool { return n.ID == id })
}

func (f *fakeServices) Nomination(id uint64) (*khenthuong.Nomination, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.nominationIndex(id)
	if i < 0 {
		return nil, notFound("đề nghị")
	}
	n := f.noms[i]
	return &n, nil
}

// check normalises and validates n against the catalogue and the campaigns.
func (f *fakeServices) check(n *khenthuong.Nomination) error {
	n.Normalize()
	if err := n.Validate(); err != nil {
		return err
	}
	var form *khenthuong.AwardForm
	if i := f.formIndex(n.FormCode); i >= 0 {
		form = &f.forms[i]
	}
	if err := n.ValidateAgainst(form); err != nil {
		return err
	}
	if f.campaignIndex(n.CampaignID) < 0 {
		return notFound("đợt khen thưởng")
	}
	return nil
}

func (f *fakeServices) CreateNominations(ns []khenthuong.Nomination) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	work := slices.Clone(ns)
	next := map[uint64]int{}
	for _, n := range f.noms {
		next[n.CampaignID] = max(next[n.CampaignID], n.Order)
	}
	for i := range work {
		n := &work[i]
		if err := f.check(n); err != nil {
			return err // nothing stored: all or nothing
		}
		n.ID = f.id()
		n.CreatedAt = f.tick()
		n.UpdatedAt = n.CreatedAt
		if n.Order == 0 {
			next[n.CampaignID]++
			n.Order = next[n.CampaignID]
		}
		key := string(n.Nominee.Kind) + "|" + n.Nominee.MatchKey()
		if f.nominees[key] == 0 {
			f.nominees[key] = f.id()
		}
		n.NomineeID = f.nominees[key]
	}
	f.noms = append(f.noms, work...)
	f.sortNoms()
	copy(ns, work)
	return nil
}

func (f *fakeServices) sortNoms() {
	slices.SortStableFunc(f.noms, func(a, b khenthuong.Nomination) int {
		return cmp.Or(cmp.Compare(a.CampaignID, b.CampaignID), cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
}

func (f *fakeServices) UpdateNomination(n *khenthuong.Nomination) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.check(n); err != nil {
		return err
	}
	i := f.nominationIndex(n.ID)
	if i < 0 {
		return notFound("đề nghị")
	}
	n.CreatedAt = f.noms[i].CreatedAt
	n.UpdatedAt = f.tick()
	f.noms[i] = *n
	f.sortNoms()
	return nil
}

func (f *fakeServices) DeleteNomination(id uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.nominationIndex(id)
	if i < 0 {
		return notFound("đề nghị")
	}
	f.noms = slices.Delete(f.noms, i, i+1)
	return nil
}

// Settings

func (f *fakeServices) Settings() (khenthuong.Settings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.settings
	s.Signers = slices.Clone(s.Signers)
	s.BaseSalaries = slices.Clone(s.BaseSalaries)
	return s, nil
}

func (f *fakeServices) SaveSettings(s *khenthuong.Settings) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	f.settings = *s
	f.settings.Signers = slices.Clone(s.Signers)
	f.settings.BaseSalaries = slices.Clone(s.BaseSalaries)
	return nil
}
