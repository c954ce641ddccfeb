// Package demo fills a data file with a realistic example, so that every
// screen and document has something real-looking to show.
package demo

import (
	"khenthuong"
	"khenthuong/vntext"
)

// CampaignName is the demo campaign; its presence means the demo is already there.
const CampaignName = "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"

const achievement = "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"

// lowerAchievement is the same words as the decision's Điều 1 continues them.
const lowerAchievement = "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"

// Seed adds the demo campaign and its nominations unless the campaign
// exists, reviews them (most approved, one rejected with its reason, one
// deferred, a few left pending), issues the Bằng khen decision 2871/QĐ-UBND
// for the approved Bằng khen nominations and leaves a draft decision for the
// Chiến sĩ thi đua cấp tỉnh. It reports whether it added anything; running it
// twice adds nothing.
func Seed(svc khenthuong.Services) (bool, error) {
	campaigns, err := svc.Campaigns()
	if err != nil {
		return false, err
	}
	for _, c := range campaigns {
		if vntext.Fold(c.Name) == vntext.Fold(CampaignName) {
			return false, nil
		}
	}
	c := khenthuong.Campaign{
		Name:          CampaignName,
		Type:          khenthuong.CampaignMovement,
		From:          khenthuong.MustDate("2014-01-01"),
		To:            khenthuong.MustDate("2023-12-31"),
		CeremonyDate:  khenthuong.MustDate("2024-06-20"),
		CeremonyPlace: "Hội trường Ủy ban nhân dân tỉnh Quảng Trị",
		Notes:         "Hội nghị tổng kết 10 năm phong trào; dữ liệu mẫu.",
	}
	if err := svc.CreateCampaign(&c); err != nil {
		return false, err
	}
	if err := nameSigners(svc); err != nil {
		return false, err
	}
	ns := make([]khenthuong.Nomination, 0, len(collectives)+len(individuals)+len(households))
	add := func(n khenthuong.Nominee, form, unit, tt string) {
		ns = append(ns, khenthuong.Nomination{
			CampaignID:     c.ID,
			Nominee:        n,
			FormCode:       form,
			Achievement:    achievement,
			ProposingUnit:  unit,
			SubmissionNo:   tt,
			SubmissionDate: khenthuong.MustDate("2024-05-15"),
			Status:         khenthuong.StatusSubmitted,
		})
	}
	for _, p := range collectives {
		add(khenthuong.Nominee{Kind: khenthuong.Collective, Name: p.name, Unit: p.unit, Classification: p.class, Field: "An ninh, trật tự"},
			p.form, p.proposer, p.submission)
	}
	for _, p := range individuals {
		add(khenthuong.Nominee{Kind: khenthuong.Individual, Title: p.title, Name: p.name, Gender: p.gender,
			Birth: khenthuong.MustDate(p.birth), Position: p.position, Unit: p.unit, Classification: p.class, Field: "An ninh, trật tự"},
			p.form, p.proposer, p.submission)
	}
	for _, p := range households {
		add(khenthuong.Nominee{Kind: khenthuong.Household, Name: p.name, Address: p.address, Classification: "Đối tượng khác"},
			"BKCT", p.proposer, p.submission)
	}
	if err := svc.CreateNominations(ns); err != nil {
		return false, err
	}
	if err := review(svc, ns); err != nil {
		return false, err
	}
	if err := decide(svc, c.ID); err != nil {
		return false, err
	}
	return true, nil
}

// review approves every nomination but the households and those named in
// pending, rejects one with its reason and defers one.
func review(svc khenthuong.Services, ns []khenthuong.Nomination) error {
	var approve []uint64
	var reject, deferred uint64
	for _, n := range ns {
		switch n.Nominee.Name {
		case rejected:
			reject = n.ID
		case deferredName:
			deferred = n.ID
		default:
			if !pending[n.Nominee.Name] && n.Nominee.Kind != khenthuong.Household {
				approve = append(approve, n.ID)
			}
		}
	}
	if err := svc.SetStatus(approve, khenthuong.StatusApproved, ""); err != nil {
		return err
	}
	if err := svc.SetStatus([]uint64{reject}, khenthuong.StatusRejected, rejectReason); err != nil {
		return err
	}
	return svc.SetStatus([]uint64{deferred}, khenthuong.StatusDeferred, "")
}

// decide issues the Bằng khen decision for every approved Bằng khen
// nomination and drafts the Chiến sĩ thi đua cấp tỉnh one.
func decide(svc khenthuong.Services, campaignID uint64) error {
	approved, err := svc.Nominations(khenthuong.NominationFilter{CampaignID: campaignID, Status: khenthuong.StatusApproved})
	if err != nil {
		return err
	}
	byForm := map[string][]uint64{}
	for _, n := range approved {
		byForm[n.FormCode] = append(byForm[n.FormCode], n.ID)
	}
	bk := khenthuong.Decision{
		CampaignID:     campaignID,
		FormCode:       "BKCT",
		Number:         "2871/QĐ-UBND",
		Date:           khenthuong.MustDate("2024-06-02"),
		SignerTitle:    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
		SignerName:     "Hoàng Nam",
		SubmissionNo:   ttSNV,
		SubmissionDate: khenthuong.MustDate("2024-05-20"),
		Achievement:    lowerAchievement,
	}
	if err := svc.CreateDecision(&bk, byForm["BKCT"]); err != nil {
		return err
	}
	if _, err := svc.IssueDecision(bk.ID); err != nil {
		return err
	}
	cs := bk
	cs.ID, cs.FormCode, cs.Number, cs.Date = 0, "CSTDT", "2872/QĐ-UBND", khenthuong.MustDate("2024-06-03")
	return svc.CreateDecision(&cs, byForm["CSTDT"])
}

// signerNames are the demo's signers, by title: a decision's signer block
// and the certificates need a name under the signature.
var signerNames = map[string]string{
	"CHỦ TỊCH":                   "Võ Văn Hưng",
	"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH": "Hoàng Nam",
}

// nameSigners gives the settings' signers without a name the demo's names;
// names the office typed are kept.
func nameSigners(svc khenthuong.Services) error {
	s, err := svc.Settings()
	if err != nil {
		return err
	}
	changed := false
	for i, sg := range s.Signers {
		if sg.Name == "" && signerNames[sg.Title] != "" {
			s.Signers[i].Name, changed = signerNames[sg.Title], true
		}
	}
	if !changed {
		return nil
	}
	return svc.SaveSettings(&s)
}
