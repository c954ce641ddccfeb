package storetest

import (
	"testing"

	"khenthuong"
)

func init() { register("CountLimit", testCountLimit) }

// testCountLimit holds both stores to NominationQuery.CountLimit: the same
// bounded Total and TotalAtLeast for the same data, the page unaffected.
func testCountLimit(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Tổng kết năm 2025")
	named(t, svc, c, "Trần Văn An", "Trần Thị Bình", "Lê Văn Cường", "Trần Văn Dũng", "Trần Thị Hà", "Trần Quốc Hùng")
	tran := khenthuong.NominationFilter{Query: "tran"} // five of the six

	for _, tc := range []struct {
		name      string
		filter    khenthuong.NominationFilter
		page      khenthuong.Page
		limit     int
		rows      int
		total     int
		moreThan  bool
		firstName string
	}{
		{"NoLimitIsExact", tran, khenthuong.Page{}, 0, 5, 5, false, "Trần Văn An"},
		{"BelowTheMatches", tran, khenthuong.Page{}, 3, 5, 3, true, "Trần Văn An"},
		{"OneBelow", tran, khenthuong.Page{Limit: 2}, 4, 2, 4, true, "Trần Văn An"},
		{"EqualToTheMatches", tran, khenthuong.Page{Limit: 2}, 5, 2, 5, false, "Trần Văn An"},
		{"AboveTheMatches", tran, khenthuong.Page{Limit: 2}, 1000, 2, 5, false, "Trần Văn An"},
		{"PageBeyondTheLimit", tran, khenthuong.Page{Offset: 3, Limit: 2}, 2, 2, 2, true, "Trần Thị Hà"},
		{"WithoutQuery", khenthuong.NominationFilter{CampaignID: c.ID}, khenthuong.Page{Limit: 1}, 2, 1, 2, true, "Trần Văn An"},
		{"NoMatch", khenthuong.NominationFilter{Query: "nguyen"}, khenthuong.Page{Limit: 50}, 10, 0, 0, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := svc.QueryNominations(khenthuong.NominationQuery{Filter: tc.filter, Page: tc.page, CountLimit: tc.limit})
			mustNil(t, err)
			first := ""
			if len(p.Nominations) > 0 {
				first = p.Nominations[0].Nominee.Name
			}
			if len(p.Nominations) != tc.rows || p.Total != tc.total || p.TotalAtLeast != tc.moreThan || first != tc.firstName {
				t.Errorf("count limit %d: %d rows from %q, total %d (more: %v); want %d from %q, total %d (more: %v)",
					tc.limit, len(p.Nominations), first, p.Total, p.TotalAtLeast, tc.rows, tc.firstName, tc.total, tc.moreThan)
			}
		})
	}

	t.Run("NegativeIsRefused", func(t *testing.T) {
		_, err := svc.QueryNominations(khenthuong.NominationQuery{Filter: tran, CountLimit: -1})
		wantCode(t, err, khenthuong.EINVALID)
	})
}
