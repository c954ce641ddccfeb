package stats

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

// TestComputeStreamsTheSameFigures holds Compute (streamed from a data file:
// nominations one at a time, decisions without recipients, then their
// recipients) to Summarize on everything loaded whole.
func TestComputeStreamsTheSameFigures(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "khenthuong.db"), store.Options{NoBackup: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	forms, err := db.Forms()
	if err != nil {
		t.Fatal(err)
	}
	bk, err := db.Form("BKCT") // every kind may have it
	if err != nil {
		t.Fatal(err)
	}
	g := synth.New(3)
	var campaigns []uint64
	for _, name := range []string{"Tổng kết 2014 - 2023", "Hằng năm 2024"} {
		c := &khenthuong.Campaign{Name: name}
		if err := db.CreateCampaign(c); err != nil {
			t.Fatal(err)
		}
		campaigns = append(campaigns, c.ID)
	}
	for i, cid := range campaigns {
		ns := make([]khenthuong.Nomination, 120)
		for j := range ns {
			ns[j] = g.Nomination(cid, []khenthuong.AwardForm{*bk})
			ns[j].Status = khenthuong.StatusSubmitted
		}
		if err := db.CreateNominations(ns); err != nil {
			t.Fatal(err)
		}
		var ids []uint64
		for _, n := range ns[:80] {
			ids = append(ids, n.ID)
		}
		if err := db.SetStatus(ids, khenthuong.StatusApproved, ""); err != nil {
			t.Fatal(err)
		}
		d := &khenthuong.Decision{CampaignID: cid, FormCode: bk.Code, Number: "28/QĐ-UBND",
			Date: khenthuong.Date{Year: 2024 + i, Month: 6, Day: 2}, SignerTitle: "CHỦ TỊCH", SignerName: "Hoàng Nam",
			SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.Date{Year: 2024 + i, Month: 5, Day: 20},
			Achievement: "đã có thành tích xuất sắc trong phong trào thi đua"}
		if err := db.CreateDecision(d, ids[:60]); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := db.IssueDecision(d.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	all, err := db.Nominations(khenthuong.NominationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Filter{
		{},
		{CampaignID: campaigns[0]},
		{From: khenthuong.MustDate("2024-01-01"), To: khenthuong.MustDate("2024-12-31")},
		{Issuer: "chu tich"},
	} {
		decs, err := db.Decisions(f.CampaignID)
		if err != nil {
			t.Fatal(err)
		}
		want := Summarize(all, decs, forms, f)
		got, err := Compute(db, f)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("filter %+v: Compute = %+v\nSummarize = %+v", f, *got, want)
		}
		if f == (Filter{}) && (got.Awards != 60 || got.Decisions != 1) {
			t.Errorf("awards %d in %d decisions, want 60 in 1", got.Awards, got.Decisions)
		}
	}
}
