package demo_test

import (
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/demo"
	"khenthuong/store"
)

func TestSeedReviewsAndIssues(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "k.db"), store.Options{User: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	added, err := demo.Seed(db)
	if err != nil || !added {
		t.Fatalf("first seed: %v, %v", added, err)
	}
	if added, err := demo.Seed(db); err != nil || added {
		t.Fatalf("second seed added %v (%v)", added, err)
	}
	ns, err := db.Nominations(khenthuong.NominationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	count := map[khenthuong.Status]int{}
	for _, n := range ns {
		count[n.Status]++
		if n.Status == khenthuong.StatusRejected && !strings.Contains(n.RejectReason, "chưa đủ thời gian") {
			t.Errorf("rejected without its reason: %+v", n)
		}
	}
	if count[khenthuong.StatusRejected] != 1 || count[khenthuong.StatusDeferred] != 1 ||
		count[khenthuong.StatusSubmitted] < 3 || count[khenthuong.StatusApproved] < 25 {
		t.Fatalf("statuses %v", count)
	}
	ds, err := db.Decisions(0)
	if err != nil || len(ds) != 2 {
		t.Fatalf("decisions %d, %v", len(ds), err)
	}
	var bk, cs *khenthuong.Decision
	for i := range ds {
		switch ds[i].FormCode {
		case "BKCT":
			bk = &ds[i]
		case "CSTDT":
			cs = &ds[i]
		}
	}
	if bk == nil || cs == nil {
		t.Fatalf("decisions %+v", ds)
	}
	if bk.Number != "2871/QĐ-UBND" || bk.Date.String() != "2024-06-02" || bk.Status != khenthuong.DecisionIssued ||
		bk.SignerTitle != "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" || bk.SignerName != "Hoàng Nam" ||
		bk.SubmissionNo != "86/TTr-SNV" || bk.SubmissionDate.String() != "2024-05-20" {
		t.Errorf("Bằng khen decision %+v", bk)
	}
	kinds := bk.CountByKind()
	if kinds[khenthuong.Collective] != 12 || kinds[khenthuong.Individual] < 15 || kinds[khenthuong.Household] != 0 {
		t.Errorf("Bằng khen recipients by kind %v", kinds)
	}
	for i, r := range bk.Recipients {
		if r.RegistryNo == "" || r.Amount == 0 {
			t.Errorf("recipient %d: registry %q amount %d", i, r.RegistryNo, r.Amount)
		}
	}
	if bk.Recipients[0].RegistryNo != "BKCT-2024-0001" || bk.Recipients[0].Amount != 3_600_000 {
		t.Errorf("first recipient %+v", bk.Recipients[0])
	}
	if cs.Status != khenthuong.DecisionDraft || len(cs.Recipients) != 2 {
		t.Errorf("Chiến sĩ thi đua decision %+v", cs)
	}
	// Consistent: named signers, nothing left blank, only laws in force on the decisions' dates.
	st, err := db.Settings()
	if err != nil {
		t.Fatal(err)
	}
	for _, sg := range st.Signers {
		if sg.Name == "" {
			t.Errorf("signer %q has no name", sg.Title)
		}
	}
	camp, err := db.Campaign(bk.CampaignID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if blanks := st.Texts.MissingBlanks(&d, camp); len(blanks) > 0 {
			t.Errorf("decision %s has blanks %v", d.Number, blanks)
		}
		for _, b := range st.Texts.BasesOn(d.Date) {
			if strings.Contains(b, "năm 2025") {
				t.Errorf("decision of %s cites %q", d.Date, b)
			}
		}
		if len(st.Texts.BasesOn(d.Date)) != 3 {
			t.Errorf("decision of %s cites %q", d.Date, st.Texts.BasesOn(d.Date))
		}
	}
	if ps, err := db.Check(); err != nil || len(ps) > 0 {
		t.Fatalf("check: %v %v", ps, err)
	}
}
