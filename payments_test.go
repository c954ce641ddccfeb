package khenthuong

import "testing"

func TestPaymentListGroupsByKindInCeremonyOrder(t *testing.T) {
	forms := map[string]*AwardForm{
		"BKCT": {Code: "BKCT", Title: "BẰNG KHEN", Rank: 90},
		"CTDT": {Code: "CTDT", Title: "CỜ THI ĐUA", Rank: 100},
	}
	paid := func(r Recipient, amount int64) Recipient { r.Amount = amount; return r }
	decisions := []Decision{ // drafts without IDs are told apart by position
		{FormCode: "BKCT", Recipients: []Recipient{paid(rec(Individual, "Lê Văn A", "Sở Y tế"), 100), paid(rec(Collective, "Phòng X", "Sở Y tế"), 200)}},
		{FormCode: "CTDT", Recipients: []Recipient{paid(rec(Collective, "Công an xã Y", ""), 500)}},
	}
	groups, total := PaymentList(decisions, forms)
	if total != 800 || len(groups) != 2 {
		t.Fatalf("total %d, %d groups", total, len(groups))
	}
	want := []struct {
		heading string
		names   []string
		forms   []string
		sum     int64
	}{
		{"I. TẬP THỂ", []string{"Công an xã Y", "Phòng X"}, []string{"Cờ thi đua", "Bằng khen"}, 700},
		{"II. CÁ NHÂN", []string{"Lê Văn A"}, []string{"Bằng khen"}, 100},
	}
	for i, w := range want {
		g := groups[i]
		if g.Heading != w.heading || g.Total != w.sum || len(g.Rows) != len(w.names) {
			t.Fatalf("group %d = %+v", i, g)
		}
		for j, r := range g.Rows {
			if r.No != j+1 || r.Name != w.names[j] || r.Form != w.forms[j] {
				t.Errorf("group %d row %d = %+v", i, j, r)
			}
		}
	}
	if d := groups[0].Rows[0].Decision; d != 1 {
		t.Errorf("the flag's row points to decision %d, want 1", d)
	}
}

func TestShortFormNamesKeepSharedTitlesApart(t *testing.T) {
	forms := map[string]*AwardForm{
		"BKCT":   {Code: "BKCT", Name: "Bằng khen của Chủ tịch UBND tỉnh", Title: "BẰNG KHEN"},
		"BKMTTQ": {Code: "BKMTTQ", Name: "Bằng khen của Ủy ban MTTQ tỉnh", Title: "BẰNG  KHEN"},
		"CTDT":   {Code: "CTDT", Name: "Cờ thi đua", Title: "CỜ THI ĐUA"},
	}
	got := ShortFormNames([]Decision{{FormCode: "BKCT"}, {FormCode: "BKMTTQ"}, {FormCode: "CTDT"}, {FormCode: "NONE"}}, forms)
	want := map[string]string{"BKCT": "Bằng khen của Chủ tịch UBND tỉnh", "BKMTTQ": "Bằng khen của Ủy ban MTTQ tỉnh", "CTDT": "Cờ thi đua", "NONE": "NONE"}
	for c, w := range want {
		if got[c] != w {
			t.Errorf("%s: %q, want %q", c, got[c], w)
		}
	}
}
