package khenthuong

import (
	"cmp"
	"fmt"
	"slices"

	"khenthuong/vntext"
)

// Award is what an issued decision gave one nomination.
type Award struct {
	NominationID   uint64 `json:"nomination_id"`
	DecisionID     uint64 `json:"decision_id"`
	FormCode       string `json:"form"`
	DecisionNumber string `json:"decision_number"`
	DecisionDate   Date   `json:"decision_date"`
	RegistryNo     string `json:"registry_no"`
	Amount         int64  `json:"amount"`
}

// WarningKind says what a review warning is about.
type WarningKind string

const (
	WarnDuplicate      WarningKind = "duplicate"       // same nominee twice in the campaign
	WarnAlreadyAwarded WarningKind = "already_awarded" // same nominee already approved for the same form here
	WarnEarlierAward   WarningKind = "earlier_award"   // the nominee's awards in other campaigns
	WarnQuota          WarningKind = "quota"           // the campaign's quota for the form is exceeded
)

// Warning is shown beside a nomination; it never blocks anything.
type Warning struct {
	Kind    WarningKind `json:"kind"`
	Message string      `json:"message"`
	Related uint64      `json:"related,omitempty"` // the other nomination, if any
}

// NomineePair is two nominee IDs in ascending order, marked as different people.
type NomineePair [2]uint64

// PairOf orders two nominee IDs.
func PairOf(a, b uint64) NomineePair {
	if a > b {
		a, b = b, a
	}
	return NomineePair{a, b}
}

// ReviewInput is everything the warnings are computed from.
type ReviewInput struct {
	Campaign    *Campaign
	Nominations []Nomination          // the campaign's nominations
	All         []Nomination          // every stored nomination, other campaigns included
	Awards      map[uint64]Award      // nomination ID -> its award in an issued decision
	Distinct    map[NomineePair]bool  // pairs the clerk marked as different people
	Forms       map[string]*AwardForm // catalogue by code, for names
	// Approved counts the campaign's approved nominations by form, for the
	// quota warnings, when Nominations is only part of the campaign (the rows
	// on screen); nil counts them in Nominations.
	Approved map[string]int
}

// matchEntry holds what identifies a nominee besides the folded name: for people, birth year and unit.
type matchEntry struct {
	n        *Nomination
	birth    int
	unit     string
	personal bool
}

// SameNominee reports whether two nominee records name the same person or
// collective: linked by ID, or same folded name and, for people, the same
// birth year or the same unit. Pairs marked distinct never match.
func SameNominee(a, b *Nomination, distinct map[NomineePair]bool) bool {
	if a.NomineeID != 0 && a.NomineeID == b.NomineeID {
		return true
	}
	if distinct[PairOf(a.NomineeID, b.NomineeID)] || a.Nominee.Kind != b.Nominee.Kind {
		return false
	}
	if vntext.Fold(a.Nominee.Name) != vntext.Fold(b.Nominee.Name) {
		return false
	}
	return matchDetails(entryOf(a), entryOf(b))
}

func entryOf(n *Nomination) matchEntry {
	return matchEntry{n: n, birth: n.Nominee.Birth.Year, unit: vntext.Fold(n.Nominee.Unit), personal: n.Nominee.Kind == Individual}
}

func matchDetails(a, b matchEntry) bool {
	if !a.personal {
		return true // collectives and households: the folded name is the identity
	}
	return (a.birth != 0 && a.birth == b.birth) || (a.unit != "" && a.unit == b.unit)
}

// ReviewWarnings computes the warnings of every nomination of the campaign.
func ReviewWarnings(in ReviewInput) map[uint64][]Warning {
	out := map[uint64][]Warning{}
	in.eachMatch(func(n, o *Nomination) {
		if w, ok := in.warningFor(n, o); ok {
			out[n.ID] = append(out[n.ID], w)
		}
	})
	in.quotaWarnings(out)
	return out
}

// ReviewWarned reports which nominations of the campaign ReviewWarnings
// warns, without wording the warnings: Đề nghị's "Chỉ đề nghị có cảnh báo"
// keeps those rows.
func ReviewWarned(in ReviewInput) map[uint64]bool {
	out := map[uint64]bool{}
	in.eachMatch(func(n, o *Nomination) {
		if in.warns(n, o) {
			out[n.ID] = true
		}
	})
	approved := in.approvedByForm()
	for i := range in.Nominations {
		if n := &in.Nominations[i]; in.overQuota(n.FormCode, approved) {
			out[n.ID] = true
		}
	}
	return out
}

// eachMatch calls fn with each nomination n of the campaign and, by
// ascending ID, each other nomination o of All that names the same nominee.
func (in *ReviewInput) eachMatch(fn func(n, o *Nomination)) {
	byName := map[string][]matchEntry{}
	byNominee := map[uint64][]*Nomination{}
	for i := range in.All {
		n := &in.All[i]
		key := vntext.Fold(n.Nominee.Name)
		byName[key] = append(byName[key], entryOf(n))
		if n.NomineeID != 0 {
			byNominee[n.NomineeID] = append(byNominee[n.NomineeID], n)
		}
	}
	var matches []*Nomination
	for i := range in.Nominations {
		n := &in.Nominations[i]
		self := entryOf(n)
		matches = matches[:0]
		// A nominee has few nominations: a scan finds the ones seen.
		seen := func(id uint64) bool {
			return id == n.ID || slices.ContainsFunc(matches, func(m *Nomination) bool { return m.ID == id })
		}
		for _, o := range byNominee[n.NomineeID] {
			if !seen(o.ID) {
				matches = append(matches, o)
			}
		}
		for _, e := range byName[vntext.Fold(n.Nominee.Name)] {
			o := e.n
			if seen(o.ID) || o.Nominee.Kind != n.Nominee.Kind || (n.NomineeID != o.NomineeID && in.Distinct[PairOf(n.NomineeID, o.NomineeID)]) {
				continue
			}
			if matchDetails(self, e) {
				matches = append(matches, o)
			}
		}
		slices.SortFunc(matches, func(a, b *Nomination) int { return cmp.Compare(a.ID, b.ID) })
		for _, o := range matches {
			fn(n, o)
		}
	}
}

// warns reports whether o, the same nominee as n, gives n a warning: a
// nomination of the same campaign, or one an issued decision awarded.
func (in *ReviewInput) warns(n, o *Nomination) bool {
	if o.CampaignID == n.CampaignID {
		return true
	}
	_, ok := in.Awards[o.ID]
	return ok
}

func (in *ReviewInput) warningFor(n, o *Nomination) (Warning, bool) {
	if !in.warns(n, o) {
		return Warning{}, false
	}
	who := o.Nominee.DisplayName()
	if o.CampaignID == n.CampaignID {
		if o.FormCode == n.FormCode && o.Status == StatusApproved {
			return Warning{WarnAlreadyAwarded, fmt.Sprintf("%s đã được duyệt %s trong đợt này (đề nghị số %d)", who, in.formName(o.FormCode), o.ID), o.ID}, true
		}
		return Warning{WarnDuplicate, fmt.Sprintf("Trùng với đề nghị số %d (%s, %s) trong đợt này", o.ID, who, o.Nominee.PositionAndUnit()), o.ID}, true
	}
	a := in.Awards[o.ID]
	return Warning{WarnEarlierAward, fmt.Sprintf("Đã được tặng %s năm %d, Quyết định số %s", in.formName(a.FormCode), a.DecisionDate.Year, a.DecisionNumber), o.ID}, true
}

func (in *ReviewInput) formName(code string) string {
	if f := in.Forms[code]; f != nil {
		return f.Name
	}
	return code
}

// quotaWarnings flags every nomination of a form whose approvals exceed the campaign's quota.
func (in *ReviewInput) quotaWarnings(out map[uint64][]Warning) {
	approved := in.approvedByForm()
	for _, n := range in.Nominations {
		if !in.overQuota(n.FormCode, approved) {
			continue
		}
		msg := fmt.Sprintf("Đã duyệt %d %s, vượt chỉ tiêu %d của đợt", approved[n.FormCode], in.formName(n.FormCode), in.Campaign.Quotas[n.FormCode])
		out[n.ID] = append(out[n.ID], Warning{Kind: WarnQuota, Message: msg})
	}
}

// approvedByForm counts the campaign's approvals by form: Approved, or
// those of Nominations.
func (in *ReviewInput) approvedByForm() map[string]int {
	if in.Approved != nil {
		return in.Approved
	}
	approved := map[string]int{}
	for _, n := range in.Nominations {
		if n.Status == StatusApproved {
			approved[n.FormCode]++
		}
	}
	return approved
}

// overQuota reports whether the approvals of form exceed the campaign's quota.
func (in *ReviewInput) overQuota(form string, approved map[string]int) bool {
	if in.Campaign == nil {
		return false
	}
	quota, ok := in.Campaign.Quotas[form]
	return ok && approved[form] > quota
}
