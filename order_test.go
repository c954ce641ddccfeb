package khenthuong

import (
	"reflect"
	"testing"
)

func rec(kind Kind, name, unit string) Recipient {
	return Recipient{Nominee: Nominee{Kind: kind, Name: name, Unit: unit}}
}

func names(rs []Recipient) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Nominee.Name
	}
	return out
}

func TestSortRecipients(t *testing.T) {
	base := []Recipient{
		rec(Individual, "Nguyễn Thị Bình", "Sở Y tế"),
		rec(Collective, "Phòng Tư pháp", "Sở Tư pháp"),
		rec(Individual, "Trần Văn An", "Sở Tư pháp"),
		rec(Household, "Gia đình ông Lê Văn Hùng", ""),
		rec(Individual, "Lê Văn Bình", "Sở Y tế"),
		rec(Collective, "Công an xã Triệu Phong", "Công an tỉnh"),
		rec(Individual, "Đặng Văn Ánh", "Sở Tư pháp"),
	}
	cases := []struct {
		order ListOrder
		want  []string
	}{
		{OrderList, []string{"Phòng Tư pháp", "Công an xã Triệu Phong", "Nguyễn Thị Bình", "Trần Văn An", "Lê Văn Bình", "Đặng Văn Ánh", "Gia đình ông Lê Văn Hùng"}},
		// People by given name (An < Ánh < Bình), then middle (Thị < Văn), then family.
		{OrderAlpha, []string{"Công an xã Triệu Phong", "Phòng Tư pháp", "Trần Văn An", "Đặng Văn Ánh", "Nguyễn Thị Bình", "Lê Văn Bình", "Gia đình ông Lê Văn Hùng"}},
		{OrderUnit, []string{"Phòng Tư pháp", "Công an xã Triệu Phong", "Nguyễn Thị Bình", "Lê Văn Bình", "Trần Văn An", "Đặng Văn Ánh", "Gia đình ông Lê Văn Hùng"}},
		{OrderManual, names(base)},
	}
	for _, c := range cases {
		t.Run(string(c.order), func(t *testing.T) {
			rs := append([]Recipient(nil), base...)
			SortRecipients(rs, c.order)
			if got := names(rs); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestCeremonyOrder(t *testing.T) {
	forms := map[string]*AwardForm{"BKCT": {Code: "BKCT", Rank: 90}, "CTDT": {Code: "CTDT", Rank: 100}}
	decisions := []Decision{
		{ID: 1, FormCode: "BKCT", Date: MustDate("2024-06-01"), Recipients: []Recipient{
			rec(Individual, "A1", ""), rec(Collective, "C1", ""), rec(Individual, "A2", ""), rec(Collective, "C2", ""),
		}},
		{ID: 2, FormCode: "CTDT", Date: MustDate("2024-06-02"), Recipients: []Recipient{rec(Collective, "Flag", "")}},
	}
	slots := CeremonyOrder(decisions, forms, 2)
	var got []string
	for _, s := range slots {
		for _, d := range decisions {
			if d.ID == s.DecisionID {
				got = append(got, d.Recipients[s.Recipient].Nominee.Name)
			}
		}
	}
	want := []string{"Flag", "C1", "C2", "A1", "A2"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("order %q, want %q", got, want)
	}
	for i, s := range slots {
		if s.Tray != i+1 || s.Batch != i/2+1 || s.InBatch != i%2+1 {
			t.Errorf("slot %d = %+v", i, s)
		}
	}
}
