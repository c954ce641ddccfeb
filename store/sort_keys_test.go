package store

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"khenthuong"
)

// TestSortKeysEqualTheWholeRecords sorts a campaign read from the file (not
// cached: the file is reopened) by every column, and wants the order the
// whole records' NominationSort.Key gives. The campaign is long enough to be
// read in parts, its texts repeat (they share keys) and a record without a
// field follows one with it (the struct a part decodes into is reused).
func TestSortKeysEqualTheWholeRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	c := createCampaign(t, db, "Tổng kết 10 năm")
	positions := []string{"Giám đốc", "", "Phó Giám đốc", "Trưởng phòng", "Chuyên viên", "Đội trưởng"}
	titles := []string{"Ông", "Bà", "", "Đại tá", "Thượng úy"}
	units := []string{"Công an tỉnh Quảng Trị", "Sở Y tế", "", "UBND huyện Gio Linh"}
	var ns []khenthuong.Nomination
	const n = 4500
	for i := range n {
		x := person(c.ID, fmt.Sprintf("Nguyễn Văn %c%d", 'A'+rune(i%23), i%97), positions[i%len(positions)], units[i%len(units)])
		x.Nominee.Title = titles[i%len(titles)]
		x.Nominee.Gender = []khenthuong.Gender{khenthuong.Male, khenthuong.Female, khenthuong.GenderUnknown}[i%3]
		x.Nominee.Birth = khenthuong.Date{}
		if i%7 != 0 {
			x.Nominee.Birth = khenthuong.MustDate(fmt.Sprintf("%d", 1960+i%40))
		}
		x.ProposingUnit = units[(i+1)%len(units)]
		x.FormCode = []string{"BKCT", "CSTDT"}[i%2]
		if i%11 == 0 {
			x = collective(c.ID, fmt.Sprintf("Phòng %d", i%13), units[i%len(units)])
		}
		ns = append(ns, x)
	}
	mustNil(t, db.CreateNominations(ns))
	mustNil(t, db.Close())
	db = openAt(t, path, testOptions())
	stored, err := db.Nominations(khenthuong.NominationFilter{CampaignID: c.ID}) // caches the records…
	mustNil(t, err)
	mustNil(t, db.Close())
	db = openAt(t, path, testOptions()) // …so the queries read a fresh file

	for _, sort := range []khenthuong.NominationSort{khenthuong.SortByName, khenthuong.SortByTitle, khenthuong.SortByPosition,
		khenthuong.SortByUnit, khenthuong.SortByGender, khenthuong.SortByBirth, khenthuong.SortByForm,
		khenthuong.SortByProposer, khenthuong.SortByCreated} {
		for _, desc := range []bool{false, true} {
			want := slices.Clone(stored)
			slices.SortStableFunc(want, func(a, b khenthuong.Nomination) int {
				c := bytes.Compare(sort.Key(&a), sort.Key(&b))
				if desc {
					c = -c
				}
				return c
			})
			p, err := db.QueryNominations(khenthuong.NominationQuery{
				Filter: khenthuong.NominationFilter{CampaignID: c.ID}, Sort: sort, Descending: desc})
			mustNil(t, err)
			if got, want := ids(p.Nominations), ids(want); got != want {
				t.Errorf("sort %q desc %v: the order differs from the whole records' keys", sort, desc)
			}
		}
	}
}
