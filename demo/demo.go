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

// Seed adds the demo campaign and its nominations unless the campaign exists.
// It reports whether it added anything; running it twice adds nothing.
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
	return true, nil
}
