package store

import (
	"fmt"
	"slices"
	"testing"

	"khenthuong"
	"khenthuong/storetest"
)

// TestQueryWithWarningsInParts runs the conformance area of "Chỉ đề nghị có
// cảnh báo" with the campaign computed a name at a time.
func TestQueryWithWarningsInParts(t *testing.T) {
	defer func(size int) { warnedPart = size }(warnedPart)
	warnedPart = 1
	storetest.QueryWithWarnings(t, fileHarness{})
}

// TestWarnedByPartsEqualsWarnings cuts a campaign into parts of one or a few
// names and wants the warned nominations of Warnings: relations between
// parts (a nominee linked under two names, the quota of the whole campaign)
// are not lost at the cuts.
func TestWarnedByPartsEqualsWarnings(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Tổng kết 10 năm")
	var ns []khenthuong.Nomination
	for i := range 60 {
		n := person(c.ID, fmt.Sprintf("Nguyễn Văn %c", 'A'+rune(i%17)), "Cán bộ", fmt.Sprintf("Sở %d", i%5))
		n.Nominee.Birth = khenthuong.MustDate(fmt.Sprint(1970 + i/17%2)) // a name twice with one birth year: duplicates
		ns = append(ns, n)
	}
	mustNil(t, db.CreateNominations(ns))
	mustNil(t, db.LinkNominees(ns[0].ID, ns[1].ID)) // one person under two names
	c.Quotas = map[string]int{"BKCT": 3}
	mustNil(t, db.UpdateCampaign(c))
	defer func(size int) { warnedPart = size }(warnedPart)
	for _, size := range []int{1, 2, 7, 4096} {
		for _, approved := range [][]uint64{nil, {ns[5].ID, ns[6].ID, ns[7].ID, ns[8].ID}} {
			if approved != nil {
				mustNil(t, db.SetStatus(approved, khenthuong.StatusApproved, ""))
			}
			warnedPart = size
			got, err := db.warnedIDs(c.ID)
			mustNil(t, err)
			ws, err := db.Warnings(c.ID)
			mustNil(t, err)
			var want []uint64
			for id, w := range ws {
				if len(w) > 0 {
					want = append(want, id)
				}
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("parts of %d, approved %v: warned %v, want %v", size, approved, got, want)
			}
			mustNil(t, db.SetStatus(nominationIDs(ns), khenthuong.StatusSubmitted, ""))
		}
	}
}
