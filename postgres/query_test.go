package postgres

import (
	"fmt"
	"slices"
	"testing"

	"khenthuong"
	"khenthuong/storetest"
	"khenthuong/vntext"
)

// The query services on the server. (They join the conformance suite once
// the data file implements them too.)
func TestQueries(t *testing.T) {
	s := openStore(t, initDatabase(t), Options{Now: storetest.NewClock().Now, User: "canbo"})
	c := &khenthuong.Campaign{Name: "Đợt truy vấn"}
	mustNil(t, s.CreateCampaign(c))
	other := &khenthuong.Campaign{Name: "Đợt khác"}
	mustNil(t, s.CreateCampaign(other))
	names := []string{"Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Cường", "Phạm Thị Ánh", "Hoàng Văn Ba", "Võ Thị Ất", "Đặng Văn Chí"}
	var ns []khenthuong.Nomination
	for i, name := range names {
		ns = append(ns, khenthuong.Nomination{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: name, Gender: khenthuong.Male,
				Unit: fmt.Sprintf("Sở %c", 'A'+rune(len(names)-i))}})
	}
	ns = append(ns, khenthuong.Nomination{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
		Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Tư pháp", Unit: "UBND xã"}})
	mustNil(t, s.CreateNominations(ns))
	elsewhere := []khenthuong.Nomination{{CampaignID: other.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
		Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: "Nguyễn Thị An", Gender: khenthuong.Female}}}
	mustNil(t, s.CreateNominations(elsewhere))
	mustNil(t, s.SetStatus([]uint64{ns[0].ID, ns[1].ID, ns[7].ID}, khenthuong.StatusApproved, ""))

	names2 := func(p khenthuong.NominationPage) []string {
		var out []string
		for _, n := range p.Nominations {
			out = append(out, n.Nominee.Name)
		}
		return out
	}
	t.Run("PagesInListOrderWithTotal", func(t *testing.T) {
		var got []string
		for off := 0; off < 8; off += 3 {
			p, err := s.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{CampaignID: c.ID}, Page: khenthuong.Page{Offset: off, Limit: 3}})
			mustNil(t, err)
			if p.Total != 8 {
				t.Fatalf("total %d, want 8", p.Total)
			}
			got = append(got, names2(p)...)
		}
		want := append(slices.Clone(names), "Phòng Tư pháp")
		if !slices.Equal(got, want) {
			t.Fatalf("pages %v, want %v", got, want)
		}
	})
	t.Run("SortByNameVietnamese", func(t *testing.T) {
		p, err := s.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{CampaignID: c.ID, Kind: khenthuong.Individual}, Sort: khenthuong.SortByName})
		mustNil(t, err)
		want := slices.Clone(names)
		slices.SortStableFunc(want, func(a, b string) int { return slices.Compare(vntext.NameSortKey(a), vntext.NameSortKey(b)) })
		if got := names2(p); !slices.Equal(got, want) {
			t.Fatalf("by name %v, want %v", got, want)
		}
		p, err = s.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{CampaignID: c.ID, Kind: khenthuong.Individual}, Sort: khenthuong.SortByName, Descending: true})
		mustNil(t, err)
		slices.Reverse(want)
		if got := names2(p); !slices.Equal(got, want) {
			t.Fatalf("by name descending %v, want %v", got, want)
		}
	})
	t.Run("SearchAndCounts", func(t *testing.T) {
		p, err := s.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{Query: "nguyen thi an"}})
		mustNil(t, err)
		if p.Total != 2 {
			t.Fatalf("search across campaigns: %d", p.Total)
		}
		cnt, err := s.CountNominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		if cnt.Total != 8 || cnt.ByStatus[khenthuong.StatusApproved] != 3 || cnt.ByKind[khenthuong.Collective] != 1 || cnt.ByForm["BKCT"] != 8 {
			t.Fatalf("counts %+v", cnt)
		}
	})
	t.Run("Refusals", func(t *testing.T) {
		_, err := s.QueryNominations(khenthuong.NominationQuery{Sort: "tuoi"})
		if khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("unknown sort: %v", err)
		}
		_, err = s.QueryNominations(khenthuong.NominationQuery{Page: khenthuong.Page{Offset: -1}})
		if khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("negative offset: %v", err)
		}
	})
	t.Run("ByFoldedName", func(t *testing.T) {
		got, err := s.NominationsByName([]string{vntext.Fold("Nguyễn Thị An"), vntext.Fold("Phòng Tư pháp")})
		mustNil(t, err)
		if len(got) != 3 {
			t.Fatalf("by name: %d", len(got))
		}
	})
	t.Run("DecisionSummaryAndRecipientPages", func(t *testing.T) {
		d := &khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "1/QĐ-UBND", Date: khenthuong.MustDate("2024-06-02"), SignerTitle: "CHỦ TỊCH"}
		mustNil(t, s.CreateDecision(d, []uint64{ns[0].ID, ns[1].ID, ns[7].ID}))
		sum, err := s.DecisionSummary(d.ID)
		mustNil(t, err)
		if sum.RecipientCount != 3 || sum.ByKind[khenthuong.Collective] != 1 || sum.TotalAmount != d.Total() || sum.Recipients != nil {
			t.Fatalf("summary %+v", sum)
		}
		page, err := s.Recipients(d.ID, khenthuong.Page{Offset: 1, Limit: 5})
		mustNil(t, err)
		if len(page) != 2 || page[0].NominationID != d.Recipients[1].NominationID {
			t.Fatalf("page %+v", page)
		}
		var streamed int
		mustNil(t, s.EachRecipient(d.ID, func(*khenthuong.Recipient) error { streamed++; return nil }))
		sums, err := s.DecisionSummaries(0)
		mustNil(t, err)
		if streamed != 3 || len(sums) != 1 {
			t.Fatalf("streamed %d, summaries %d", streamed, len(sums))
		}
		_, err = s.Recipients(9999, khenthuong.Page{})
		if khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND {
			t.Fatalf("missing decision: %v", err)
		}
	})
	t.Run("HistoryPages", func(t *testing.T) {
		es, total, err := s.QueryHistory("nguyen thi an", khenthuong.Page{Limit: 1})
		mustNil(t, err)
		if total != 2 || len(es) != 1 {
			t.Fatalf("history page: %d of %d", len(es), total)
		}
	})
	t.Run("AuditFilteredFieldByField", func(t *testing.T) {
		n, err := s.Nomination(ns[2].ID)
		mustNil(t, err)
		n.Nominee.Position = "Phó Giám đốc"
		mustNil(t, s.UpdateNomination(n))
		var recs []khenthuong.AuditRecord
		mustNil(t, s.EachAudit(khenthuong.AuditFilter{Entity: "nomination", Key: idKey(n.ID), User: "canbo"}, func(r *khenthuong.AuditRecord) error {
			recs = append(recs, *r)
			return nil
		}))
		if len(recs) != 2 || recs[0].Action != "create" || recs[1].Action != "update" {
			t.Fatalf("audit %+v", recs)
		}
		var fields []string
		for _, ch := range recs[1].Changes {
			fields = append(fields, ch.Field)
		}
		if !slices.Contains(fields, "nominee.position") || slices.Contains(fields, "nominee.name") {
			t.Fatalf("changed fields %v, want nominee.position and not the unchanged name", fields)
		}
	})
}
