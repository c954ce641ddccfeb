package storetest

import (
	"errors"
	"testing"

	"khenthuong"
	"khenthuong/vntext"
)

func init() { register("Query", testQuery) }

// Given names in alphabetical order An < Bình < Cường < Dung < Đức, listed out of it.
var queryNames = []string{"Trần Thị Dung", "Nguyễn Văn An", "Hoàng Văn Đức", "Lê Văn Cường", "Phạm Thị Bình"}

func testQuery(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Tổng kết phong trào 2014 - 2023")
	other := createCampaign(t, svc, "Đợt khác")
	ns := named(t, svc, c, queryNames...)
	named(t, svc, other, "Nguyễn Văn An")

	t.Run("PagesWithTotal", func(t *testing.T) {
		var got []string
		for off := 0; off < 6; off += 2 {
			p, err := svc.QueryNominations(khenthuong.NominationQuery{
				Filter: khenthuong.NominationFilter{CampaignID: c.ID}, Page: khenthuong.Page{Offset: off, Limit: 2}})
			mustNil(t, err)
			if p.Total != 5 {
				t.Fatalf("total = %d, want 5", p.Total)
			}
			got = append(got, names(p.Nominations)...)
		}
		if !sameStrings(got, queryNames) {
			t.Errorf("pages in list order = %v, want %v", got, queryNames)
		}
	})

	t.Run("Sorts", func(t *testing.T) {
		mustNil(t, svc.SetStatus([]uint64{ns[3].ID}, khenthuong.StatusApproved, ""))
		mustNil(t, svc.SetStatus([]uint64{ns[0].ID}, khenthuong.StatusRejected, "Thiếu biên bản họp"))
		for _, tc := range []struct {
			sort khenthuong.NominationSort
			desc bool
			want []string
		}{
			{khenthuong.SortByName, false, []string{"Nguyễn Văn An", "Phạm Thị Bình", "Lê Văn Cường", "Trần Thị Dung", "Hoàng Văn Đức"}},
			{khenthuong.SortByName, true, []string{"Hoàng Văn Đức", "Trần Thị Dung", "Lê Văn Cường", "Phạm Thị Bình", "Nguyễn Văn An"}},
			{khenthuong.SortByList, true, []string{"Phạm Thị Bình", "Lê Văn Cường", "Hoàng Văn Đức", "Nguyễn Văn An", "Trần Thị Dung"}},
			// submitted (list order), then approved, then rejected
			{khenthuong.SortByStatus, false, []string{"Nguyễn Văn An", "Hoàng Văn Đức", "Phạm Thị Bình", "Lê Văn Cường", "Trần Thị Dung"}},
			{khenthuong.SortByCreated, false, queryNames},
		} {
			p, err := svc.QueryNominations(khenthuong.NominationQuery{
				Filter: khenthuong.NominationFilter{CampaignID: c.ID}, Sort: tc.sort, Descending: tc.desc})
			mustNil(t, err)
			if got := names(p.Nominations); !sameStrings(got, tc.want) || p.Total != 5 {
				t.Errorf("sort %q desc %v = %v (total %d), want %v", tc.sort, tc.desc, got, p.Total, tc.want)
			}
		}
	})

	t.Run("SearchFoldsTones", func(t *testing.T) {
		p, err := svc.QueryNominations(khenthuong.NominationQuery{
			Filter: khenthuong.NominationFilter{Query: "nguyen an"}, Page: khenthuong.Page{Limit: 1}})
		mustNil(t, err)
		if p.Total != 2 || len(p.Nominations) != 1 || p.Nominations[0].Nominee.Name != "Nguyễn Văn An" {
			t.Errorf("search = %v of %d, want one of 2", names(p.Nominations), p.Total)
		}
	})

	t.Run("PastTheEndIsEmpty", func(t *testing.T) {
		p, err := svc.QueryNominations(khenthuong.NominationQuery{
			Filter: khenthuong.NominationFilter{CampaignID: c.ID}, Page: khenthuong.Page{Offset: 50, Limit: 10}})
		mustNil(t, err)
		if len(p.Nominations) != 0 || p.Total != 5 {
			t.Errorf("past the end = %v of %d", names(p.Nominations), p.Total)
		}
	})

	t.Run("BadQueriesAreRefused", func(t *testing.T) {
		for _, q := range []khenthuong.NominationQuery{
			{Sort: "birthday"},
			{Page: khenthuong.Page{Offset: -1}},
			{Page: khenthuong.Page{Limit: -5}},
		} {
			_, err := svc.QueryNominations(q)
			wantCode(t, err, khenthuong.EINVALID)
		}
	})

	t.Run("Counts", func(t *testing.T) {
		got, err := svc.CountNominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		if got.Total != 5 || got.ByStatus[khenthuong.StatusSubmitted] != 3 || got.ByStatus[khenthuong.StatusApproved] != 1 ||
			got.ByStatus[khenthuong.StatusRejected] != 1 || got.ByKind[khenthuong.Individual] != 5 || got.ByForm["BKCT"] != 5 {
			t.Errorf("counts = %+v", got)
		}
		all, err := svc.CountNominations(khenthuong.NominationFilter{})
		mustNil(t, err)
		if all.Total != 6 {
			t.Errorf("all = %d, want 6", all.Total)
		}
	})

	t.Run("EachStreamsInListOrder", func(t *testing.T) {
		var got []string
		mustNil(t, svc.EachNomination(khenthuong.NominationFilter{}, func(n *khenthuong.Nomination) error {
			got = append(got, n.Nominee.Name)
			return nil
		}))
		want := append(append([]string{}, queryNames...), "Nguyễn Văn An")
		if !sameStrings(got, want) {
			t.Errorf("stream = %v, want %v", got, want)
		}
		stop := errors.New("đủ rồi")
		seen := 0
		err := svc.EachNomination(khenthuong.NominationFilter{CampaignID: c.ID}, func(*khenthuong.Nomination) error {
			seen++
			return stop
		})
		if err != stop || seen != 1 {
			t.Errorf("stopped stream: err %v after %d, want the callback's error after 1", err, seen)
		}
	})

	t.Run("ByName", func(t *testing.T) {
		got, err := svc.NominationsByName([]string{vntext.Fold("Nguyễn Văn An"), vntext.Fold("Phạm Thị Bình"), "khong co ai"})
		mustNil(t, err)
		if len(got) != 3 {
			t.Fatalf("by name = %v, want both Nguyễn Văn An and Phạm Thị Bình", names(got))
		}
		for _, n := range got {
			if n.Nominee.Name != "Nguyễn Văn An" && n.Nominee.Name != "Phạm Thị Bình" {
				t.Errorf("by name gave %s", n.Nominee.Name)
			}
		}
	})
}
