package ui

import (
	"fyne.io/fyne/v2/lang"

	"khenthuong"
)

// The review's buttons follow the marked rows' state: Duyệt is grey when
// every marked nomination is approved already, Từ chối when every one is
// rejected, and every action when they are all in a decision (the service
// would refuse them). A sentence beside the buttons says why, as roleNote
// does for the rights.

// reviewable are those of ns the review may move to status to: a change
// khenthuong.CanTransition allows, of a nomination no decision lists.
func (r *reviewPart) reviewable(ns []*khenthuong.Nomination, to khenthuong.Status) []*khenthuong.Nomination {
	var out []*khenthuong.Nomination
	for _, n := range ns {
		if khenthuong.CanTransition(n.Status, to) && !r.decided[n.ID] {
			out = append(out, n)
		}
	}
	return out
}

// countDecided counts those of ns a decision lists.
func (r *reviewPart) countDecided(ns []*khenthuong.Nomination) int {
	count := 0
	for _, n := range ns {
		if r.decided[n.ID] {
			count++
		}
	}
	return count
}

// showStateNote says why the marked rows grey some actions out, or hides;
// it reports whether the note changed (the bar is then laid out again).
func (r *reviewPart) showStateNote(ns []*khenthuong.Nomination) bool {
	text := ""
	switch decided := r.countDecided(ns); {
	case len(ns) == 0:
	case decided == len(ns):
		text = lang.L("In a decision: the status no longer changes here")
	case decided > 0:
		text = lang.L("{{.Count}} of them are in a decision and stay as they are", map[string]any{"Count": formatCount(decided)})
	default:
		text = sameStatusNote(ns)
	}
	if text == r.stateNote.Text && (text != "") == r.stateNote.Visible() {
		return false
	}
	r.stateNote.SetText(text)
	if text == "" {
		r.stateNote.Hide()
	} else {
		r.stateNote.Show()
	}
	return true
}

// sameStatusNote names the status every one of ns has, when that status is
// why an action is grey; "" when their statuses differ.
func sameStatusNote(ns []*khenthuong.Nomination) string {
	st := ns[0].Status
	for _, n := range ns[1:] {
		if n.Status != st {
			return ""
		}
	}
	switch st {
	case khenthuong.StatusDraft:
		return lang.L("A draft is sent back to submitted before it is reviewed")
	case khenthuong.StatusApproved, khenthuong.StatusRejected, khenthuong.StatusDeferred:
		return lang.L("Already “{{.Status}}”", map[string]any{"Status": statusLabel(st)})
	}
	return ""
}

// decidedNominations are the nominations of a campaign that its decisions,
// draft or issued, list. The recipients are streamed, not held: a campaign
// issued in one decision of 100,000 would otherwise sit whole in the window.
func decidedNominations(svc khenthuong.QueryService, campaignID uint64) (map[uint64]bool, error) {
	ds, err := svc.DecisionSummaries(campaignID)
	if err != nil {
		return nil, err
	}
	out := map[uint64]bool{}
	for _, d := range ds {
		err := svc.EachRecipient(d.ID, func(rc *khenthuong.Recipient) error {
			out[rc.NominationID] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
