package storetest

import (
	"strings"
	"testing"

	"khenthuong"
)

func init() { register("ImportArchive", testImportArchive) }

func archiveDecision() *khenthuong.Decision {
	return &khenthuong.Decision{
		FormCode: "BKCT", Number: "1205/QĐ-UB", Date: khenthuong.MustDate("2015-01-05"),
		SignerTitle: "CHỦ TỊCH", SignerName: "Nguyễn Đức Cường", Achievement: "Đã có thành tích xuất sắc năm 2014.",
		Recipients: []khenthuong.Recipient{
			{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Trương Quang Sáng", Position: "Phó Giám đốc", Unit: "Sở Tư pháp"}, RegistryNo: "BK-2015-0031", Amount: 1_150_000},
			{Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Tư pháp huyện Gio Linh"}},
		},
	}
}

func testImportArchive(t *testing.T, h Harness) {
	t.Run("RecordsAnIssuedDecisionAsWritten", func(t *testing.T) {
		svc := open(t, h)
		d := archiveDecision()
		mustNil(t, svc.ImportArchive(d))
		got, err := svc.Decision(d.ID)
		mustNil(t, err)
		if !got.Archive || got.Status != khenthuong.DecisionIssued || len(got.Recipients) != 2 {
			t.Fatalf("stored %+v", got)
		}
		if r := got.Recipients; r[0].RegistryNo != "BK-2015-0031" || r[0].Amount != 1_150_000 || r[1].RegistryNo != "" || r[1].Amount != 0 {
			t.Errorf("registry numbers and amounts %+v", r)
		}
		c, err := svc.Campaign(got.CampaignID)
		mustNil(t, err)
		if !strings.Contains(c.Name, "1205/QĐ-UB") || c.CeremonyDate != d.Date {
			t.Errorf("campaign %+v", c)
		}
		ns, err := svc.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		if len(ns) != 2 || ns[0].Status != khenthuong.StatusApproved || ns[0].Achievement != d.Achievement {
			t.Errorf("nominations %+v", ns)
		}
		hs, err := svc.History("truong quang sang")
		mustNil(t, err)
		if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "1205/QĐ-UB" || hs[0].Award.RegistryNo != "BK-2015-0031" {
			t.Errorf("history %+v", hs)
		}
		// A later nomination of the same person is warned of the earlier award.
		later := createCampaign(t, svc, "Tổng kết năm 2024")
		mustNil(t, svc.CreateNominations([]khenthuong.Nomination{person(later.ID, "Trương Quang Sáng", "Giám đốc", "Sở Tư pháp")}))
		ws, err := svc.Warnings(later.ID)
		mustNil(t, err)
		var msgs []string
		for _, w := range ws {
			for _, x := range w {
				msgs = append(msgs, x.Message)
			}
		}
		if joined := strings.Join(msgs, "\n"); !strings.Contains(joined, "1205/QĐ-UB") || !strings.Contains(joined, "2015") {
			t.Errorf("warnings of the later nomination: %q", joined)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		for _, c := range []struct {
			name string
			edit func(*khenthuong.Decision)
			code string
		}{
			{"TheSameDecisionTwice", func(*khenthuong.Decision) {}, khenthuong.ECONFLICT},
			{"NoNumber", func(d *khenthuong.Decision) { d.Number = "" }, khenthuong.EINVALID},
			{"NoRecipients", func(d *khenthuong.Decision) { d.Recipients = nil }, khenthuong.EINVALID},
			{"UnknownForm", func(d *khenthuong.Decision) { d.FormCode = "XYZ" }, khenthuong.ENOTFOUND},
			{"KindTheFormDoesNotTake", func(d *khenthuong.Decision) { d.FormCode = "CSTDT" }, khenthuong.EINVALID},
		} {
			t.Run(c.name, func(t *testing.T) {
				svc := open(t, h)
				if c.code == khenthuong.ECONFLICT {
					mustNil(t, svc.ImportArchive(archiveDecision()))
				}
				campaigns, err := svc.Campaigns()
				mustNil(t, err)
				d := archiveDecision()
				c.edit(d)
				wantCode(t, svc.ImportArchive(d), c.code)
				after, err := svc.Campaigns()
				mustNil(t, err)
				if len(after) != len(campaigns) {
					t.Errorf("a refused import added a campaign: %d → %d", len(campaigns), len(after))
				}
			})
		}
	})
}
