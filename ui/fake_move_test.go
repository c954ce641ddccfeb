package ui

import (
	"slices"

	"khenthuong"
)

// MoveNominations as the store keeps it: all or nothing, refused for a
// nomination in a decision, each moved one at the end of the new list.
func (f *fakeServices) MoveNominations(ids []uint64, campaignID uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	if f.campaignIndex(campaignID) < 0 {
		return notFound("đợt khen thưởng")
	}
	st := f.reviewState()
	for _, id := range ids {
		if f.nominationIndex(id) < 0 {
			return notFound("đề nghị")
		}
		for _, d := range st.decisions {
			if slices.ContainsFunc(d.Recipients, func(r khenthuong.Recipient) bool { return r.NominationID == id }) {
				return khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d đã có trong Quyết định số %s", id, d.Number)
			}
		}
	}
	last := 0
	for _, n := range f.noms {
		if n.CampaignID == campaignID {
			last = max(last, n.Order)
		}
	}
	for _, id := range ids {
		n := &f.noms[f.nominationIndex(id)]
		if n.CampaignID != campaignID {
			last++
			n.CampaignID, n.Order = campaignID, last
		}
	}
	return nil
}
