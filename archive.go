package khenthuong

import "fmt"

// ArchiveRecords is what recording a decision from the office's archive
// writes, before any store gives IDs: the decision issued as the document
// wrote it, marked Archive (registry numbers and amounts only where given);
// a campaign of its own named after it; and each recipient as an approved
// nomination of that campaign, in list order. Campaign and nomination IDs
// are the store's to set: EINVALID (a blank number or date, no recipients, a
// recipient that is not a valid nominee: the error names the row).
func ArchiveRecords(d *Decision) (Decision, Campaign, []Nomination, error) {
	work := *d
	work.Recipients = append([]Recipient(nil), d.Recipients...)
	work.Archive, work.Status, work.Order, work.Amendments = true, DecisionIssued, OrderList, nil
	work.CampaignID = 1 // set by the store; Validate asks for one
	work.Normalize()
	if err := work.Validate(); err != nil {
		return work, Campaign{}, nil, err
	}
	if len(work.Recipients) == 0 {
		return work, Campaign{}, nil, Errorf(EINVALID, "Quyết định số %s không có tập thể, cá nhân nào trong danh sách", work.Number)
	}
	campaign := Campaign{
		Name: fmt.Sprintf("Quyết định số %s ngày %s (lưu trữ)", work.Number, work.Date.Display()),
		Type: CampaignMovement, From: work.Date, To: work.Date, CeremonyDate: work.Date,
		Notes: "Nhập từ quyết định đã ký trong lưu trữ của cơ quan",
	}
	campaign.Normalize()
	if err := campaign.Validate(); err != nil {
		return work, campaign, nil, err
	}
	ns := make([]Nomination, len(work.Recipients))
	for i, r := range work.Recipients {
		n := &ns[i]
		n.Nominee, n.FormCode, n.Achievement = r.Nominee, work.FormCode, r.Achievement
		if n.Achievement == "" {
			n.Achievement = work.Achievement
		}
		n.SubmissionNo, n.SubmissionDate = work.SubmissionNo, work.SubmissionDate
		n.Status, n.CampaignID, n.Order = StatusApproved, 1, i+1
		n.Normalize()
		if err := n.Validate(); err != nil {
			return work, campaign, nil, RowError(len(ns), i, err)
		}
	}
	return work, campaign, ns, nil
}
