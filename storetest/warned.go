package storetest

import (
	"slices"
	"testing"

	"khenthuong"
)

func init() { register("QueryWithWarnings", testQueryWithWarnings) }

// testQueryWithWarnings holds Đề nghị's "Chỉ đề nghị có cảnh báo"
// (NominationQuery.WithWarnings) to the campaign's Warnings on every store:
// the same rows, in the query's order and pages, with the other filters,
// and after writes that change who is warned (a nomination deleted, a quota
// set, a decision issued).
func testQueryWithWarnings(t *testing.T, h Harness) {
	svc := open(t, h)
	before := createCampaign(t, svc, "Khen thưởng năm 2021")
	now := createCampaign(t, svc, "Tổng kết 10 năm")
	born := func(n khenthuong.Nomination, year string) khenthuong.Nomination {
		n.Nominee.Birth = khenthuong.MustDate(year)
		return n
	}
	old := []khenthuong.Nomination{born(person(before.ID, "Phan Thanh Hoà", "Trưởng Công an xã", "Công an xã Triệu Phong"), "1988")}
	mustNil(t, svc.CreateNominations(old))
	issuedDecision(t, svc, before, "125/QĐ-UBND", old)
	cur := []khenthuong.Nomination{
		born(person(now.ID, "Trần Văn Bình", "", "Sở Y tế"), "1970"),
		born(person(now.ID, "PHAN THANH HÒA", "Trưởng Công an xã", "Công an xã Triệu Phong"), "1988"), // awarded in 2021
		born(person(now.ID, "Nguyễn Văn Tình", "", "Công an tỉnh"), "1975"),                           // twice in the campaign
		born(person(now.ID, "Lê Thị Lan", "", "Sở Tư pháp"), "1982"),
		born(person(now.ID, "Nguyen Van Tinh", "", "Sở Tư pháp"), "1975"),
		born(person(now.ID, "Nguyễn Văn Tình", "", "Sở Y tế"), "1980"), // another man
		collectiveOf(now.ID, "Phòng Cảnh sát giao thông", "Công an tỉnh"),
	}
	mustNil(t, svc.CreateNominations(cur))

	// query pages through the campaign with warnings only, 2 rows a page.
	query := func(f khenthuong.NominationFilter, sort khenthuong.NominationSort, desc bool) ([]uint64, int) {
		t.Helper()
		f.CampaignID = now.ID
		var got []uint64
		total := -1
		for off := 0; ; off += 2 {
			p, err := svc.QueryNominations(khenthuong.NominationQuery{Filter: f, Sort: sort, Descending: desc,
				Page: khenthuong.Page{Offset: off, Limit: 2}, WithWarnings: true})
			mustNil(t, err)
			if total >= 0 && p.Total != total {
				t.Fatalf("total %d, then %d", total, p.Total)
			}
			total = p.Total
			if len(p.Nominations) == 0 {
				return got, total
			}
			got = append(got, ids(p.Nominations)...)
		}
	}
	// want is the query's rows without WithWarnings, less those Warnings does not warn.
	want := func(f khenthuong.NominationFilter, sort khenthuong.NominationSort, desc bool) []uint64 {
		t.Helper()
		ws, err := svc.Warnings(now.ID)
		mustNil(t, err)
		f.CampaignID = now.ID
		p, err := svc.QueryNominations(khenthuong.NominationQuery{Filter: f, Sort: sort, Descending: desc})
		mustNil(t, err)
		var out []uint64
		for _, n := range p.Nominations {
			if len(ws[n.ID]) > 0 {
				out = append(out, n.ID)
			}
		}
		return out
	}
	check := func(what string, wantIDs ...uint64) {
		t.Helper()
		for _, tc := range []struct {
			f    khenthuong.NominationFilter
			sort khenthuong.NominationSort
			desc bool
		}{
			{khenthuong.NominationFilter{}, khenthuong.SortByList, false},
			{khenthuong.NominationFilter{}, khenthuong.SortByName, true},
			{khenthuong.NominationFilter{}, khenthuong.SortByUnit, false},
			{khenthuong.NominationFilter{Query: "nguyen"}, khenthuong.SortByList, false},
			{khenthuong.NominationFilter{Status: khenthuong.StatusApproved}, khenthuong.SortByList, false},
		} {
			got, total := query(tc.f, tc.sort, tc.desc)
			w := want(tc.f, tc.sort, tc.desc)
			if !slices.Equal(got, w) || total != len(w) {
				t.Errorf("%s: %+v by %q: %v (total %d), want %v", what, tc.f, tc.sort, got, total, w)
			}
		}
		got, _ := query(khenthuong.NominationFilter{}, khenthuong.SortByList, false)
		if !slices.Equal(got, wantIDs) {
			t.Errorf("%s: warned %v, want %v", what, got, wantIDs)
		}
	}

	check("duplicates and an earlier award", cur[1].ID, cur[2].ID, cur[4].ID)
	mustNil(t, svc.DeleteNomination(cur[4].ID))
	check("after a deletion", cur[1].ID)
	now.Quotas = map[string]int{"BKCT": 1}
	mustNil(t, svc.UpdateCampaign(now))
	mustNil(t, svc.SetStatus([]uint64{cur[0].ID, cur[3].ID}, khenthuong.StatusApproved, ""))
	check("over the quota", cur[0].ID, cur[1].ID, cur[2].ID, cur[3].ID, cur[5].ID, cur[6].ID)

	t.Run("Refusals", func(t *testing.T) {
		_, err := svc.QueryNominations(khenthuong.NominationQuery{WithWarnings: true})
		wantCode(t, err, khenthuong.EINVALID)
		_, err = svc.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{CampaignID: 999}, WithWarnings: true})
		wantCode(t, err, khenthuong.ENOTFOUND)
	})
}

// QueryWithWarnings runs the area alone: a store's own test runs it with its
// warnings computed in parts of a row or two.
func QueryWithWarnings(t *testing.T, h Harness) { testQueryWithWarnings(t, h) }
