package ui

import (
	"fmt"

	"khenthuong"
)

// ImportArchive keeps the store's promise: a campaign of the decision's
// own, the recipients as approved nominations, the decision issued as
// written (no registry number drawn), the same decision twice refused.
func (f *fakeServices) ImportArchive(d *khenthuong.Decision) error {
	f.mu.Lock()
	for _, o := range f.reviewState().decisions {
		if o.Number == d.Number && o.Date == d.Date {
			f.mu.Unlock()
			return khenthuong.Errorf(khenthuong.ECONFLICT, "Quyết định số %s ngày %s đã có trong dữ liệu", d.Number, d.Date.Display())
		}
	}
	f.mu.Unlock()
	if len(d.Recipients) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s không có tập thể, cá nhân nào trong danh sách", d.Number)
	}
	c := khenthuong.Campaign{Name: fmt.Sprintf("Quyết định số %s ngày %s (lưu trữ)", d.Number, d.Date.Display()), CeremonyDate: d.Date}
	if err := f.CreateCampaign(&c); err != nil {
		return err
	}
	ns := make([]khenthuong.Nomination, len(d.Recipients))
	for i, r := range d.Recipients {
		ns[i] = khenthuong.Nomination{CampaignID: c.ID, Nominee: r.Nominee, FormCode: d.FormCode, Achievement: r.Achievement, Status: khenthuong.StatusApproved}
	}
	if err := f.CreateNominations(ns); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	st := f.reviewState()
	out := cloneDecision(*d)
	out.ID, out.CampaignID, out.Archive, out.Status = f.id(), c.ID, true, khenthuong.DecisionIssued
	for i := range out.Recipients {
		out.Recipients[i].NominationID, out.Recipients[i].NomineeID, out.Recipients[i].Nominee = ns[i].ID, ns[i].NomineeID, ns[i].Nominee
	}
	st.decisions = append(st.decisions, cloneDecision(out))
	*d = out
	return nil
}
