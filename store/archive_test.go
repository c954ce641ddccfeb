package store

import (
	"strings"
	"testing"

	"khenthuong"
)

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

func TestImportArchive(t *testing.T) {
	t.Run("RecordsAnIssuedDecisionAsWritten", func(t *testing.T) {
		db := openTest(t)
		d := archiveDecision()
		mustNil(t, db.ImportArchive(d))
		got, err := db.Decision(d.ID)
		mustNil(t, err)
		if !got.Archive || got.Status != khenthuong.DecisionIssued || len(got.Recipients) != 2 {
			t.Fatalf("stored %+v", got)
		}
		if r := got.Recipients; r[0].RegistryNo != "BK-2015-0031" || r[0].Amount != 1_150_000 || r[1].RegistryNo != "" || r[1].Amount != 0 {
			t.Errorf("registry numbers and amounts %+v", r)
		}
		c, err := db.Campaign(got.CampaignID)
		mustNil(t, err)
		if !strings.Contains(c.Name, "1205/QĐ-UB") || c.CeremonyDate != d.Date {
			t.Errorf("campaign %+v", c)
		}
		ns, err := db.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		if len(ns) != 2 || ns[0].Status != khenthuong.StatusApproved || ns[0].Achievement != d.Achievement {
			t.Errorf("nominations %+v", ns)
		}
		// Tra cứu and history find it.
		hs, err := db.History("truong quang sang")
		mustNil(t, err)
		if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "1205/QĐ-UB" || hs[0].Award.RegistryNo != "BK-2015-0031" {
			t.Errorf("history %+v", hs)
		}
		// The data file stays consistent: no "issued without registry number".
		problems, err := db.Check()
		mustNil(t, err)
		if len(problems) != 0 {
			t.Errorf("check: %v", problems)
		}
		// A later nomination of the same person is warned of the earlier award.
		later := createCampaign(t, db, "Tổng kết năm 2024")
		n := person(later.ID, "Trương Quang Sáng", "Giám đốc", "Sở Tư pháp")
		n.Nominee.Title = "Ông"
		mustNil(t, db.CreateNominations([]khenthuong.Nomination{n}))
		ws, err := db.Warnings(later.ID)
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
	t.Run("TheSameDecisionTwiceIsRefused", func(t *testing.T) {
		db := openTest(t)
		mustNil(t, db.ImportArchive(archiveDecision()))
		before := export(t, db)
		wantCode(t, db.ImportArchive(archiveDecision()), khenthuong.ECONFLICT, "")
		if export(t, db) != before {
			t.Error("a refused import changed the data file")
		}
	})
	t.Run("BadInputChangesNothing", func(t *testing.T) {
		for _, c := range []struct {
			name string
			edit func(*khenthuong.Decision)
			code string
		}{
			{"NoNumber", func(d *khenthuong.Decision) { d.Number = "" }, khenthuong.EINVALID},
			{"NoRecipients", func(d *khenthuong.Decision) { d.Recipients = nil }, khenthuong.EINVALID},
			{"UnknownForm", func(d *khenthuong.Decision) { d.FormCode = "XYZ" }, khenthuong.ENOTFOUND},
			{"KindTheFormDoesNotTake", func(d *khenthuong.Decision) { d.FormCode = "CSTDT" }, khenthuong.EINVALID},
		} {
			t.Run(c.name, func(t *testing.T) {
				db := openTest(t)
				before := export(t, db)
				d := archiveDecision()
				c.edit(d)
				err := db.ImportArchive(d)
				if khenthuong.ErrorCode(err) != c.code {
					t.Fatalf("error %v, want %s", err, c.code)
				}
				if export(t, db) != before {
					t.Error("a refused import changed the data file")
				}
			})
		}
	})
}
