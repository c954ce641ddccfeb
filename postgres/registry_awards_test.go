package postgres

import (
	"context"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/storetest"
)

// The server's NextRegistryNumber and AwardsOf, as the data file's: the
// next number follows the counter, the awards are those of issued
// decisions, and a stored series with an unknown placeholder issues nothing.
func TestRegistryNextAndAwardsOf(t *testing.T) {
	s := openStore(t, initDatabase(t), Options{Now: storetest.NewClock().Now, User: "canbo"})
	c := &khenthuong.Campaign{Name: "Đợt"}
	mustNil(t, s.CreateCampaign(c))
	var ns []khenthuong.Nomination
	for _, name := range []string{"Trương Quang Sáng", "Lê Văn Tiến", "Hoàng Thị Thủy", "Phan Văn Em"} {
		ns = append(ns, khenthuong.Nomination{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: name, Gender: khenthuong.Male, Unit: "Sở Tư pháp"}})
	}
	mustNil(t, s.CreateNominations(ns))
	mustNil(t, s.SetStatus([]uint64{ns[0].ID, ns[1].ID, ns[2].ID, ns[3].ID}, khenthuong.StatusApproved, ""))
	bkct := &khenthuong.RegistrySeries{Code: "BKCT"}
	bkct.Normalize()
	if n, err := s.NextRegistryNumber(bkct, 2024); err != nil || n != 1 {
		t.Fatalf("before any issue: %d, %v", n, err)
	}
	decision := func(number string, ids ...uint64) *khenthuong.Decision {
		d := &khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: number, Date: khenthuong.MustDate("2024-06-02"),
			SignerTitle: "CHỦ TỊCH", SignerName: "Hoàng Nam", Achievement: "đã có thành tích"}
		mustNil(t, s.CreateDecision(d, ids))
		return d
	}
	d := decision("2871/QĐ-UBND", ns[0].ID, ns[1].ID)
	_, err := s.IssueDecision(d.ID)
	mustNil(t, err)
	decision("2872/QĐ-UBND", ns[2].ID) // a draft: no award

	if n, err := s.NextRegistryNumber(bkct, 2025); err != nil || n != 3 {
		t.Errorf("after 2 numbers: %d, %v", n, err)
	}
	awards, err := s.AwardsOf([]uint64{ns[0].ID, ns[1].ID, ns[2].ID, ns[3].ID, 999})
	mustNil(t, err)
	if len(awards) != 2 || awards[ns[0].ID].DecisionNumber != "2871/QĐ-UBND" || awards[ns[1].ID].DecisionDate != khenthuong.MustDate("2024-06-02") {
		t.Errorf("awards %+v", awards)
	}

	// A format saved before placeholders were checked.
	_, err = s.pool.Exec(context.Background(), `UPDATE series SET data = jsonb_set(data, '{format}', '"{prefix}/{nam}/{n}"') WHERE code = 'BKCT'`)
	mustNil(t, err)
	bad := decision("2873/QĐ-UBND", ns[3].ID)
	_, err = s.IssueDecision(bad.ID)
	if khenthuong.ErrorCode(err) != khenthuong.EINVALID || !strings.Contains(khenthuong.ErrorMessage(err), "“{nam}”") {
		t.Fatalf("issue with {nam}: %v", err)
	}
	if n, _ := s.NextRegistryNumber(bkct, 2025); n != 3 {
		t.Errorf("the refused issue moved the counter to %d", n-1)
	}
}
