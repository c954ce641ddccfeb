package storetest

import (
	"bytes"
	"slices"
	"testing"

	"khenthuong"
)

func init() { register("QueryColumnSorts", testQueryColumnSorts) }

// testQueryColumnSorts holds the sorts of Đề nghị's other columns (kind,
// danh xưng, gender, birth, position) to one order on every store: the one
// NominationSort.Key gives, ties in list order, and a written-out one.
func testQueryColumnSorts(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Khen thưởng chuyên đề 2024")
	who := func(name, title string, g khenthuong.Gender, birth, position string) khenthuong.Nomination {
		n := person(c.ID, name, position, "Công an tỉnh Quảng Trị")
		n.Nominee.Title, n.Nominee.Gender = title, g
		n.Nominee.Birth = khenthuong.Date{}
		if birth != "" {
			n.Nominee.Birth = khenthuong.MustDate(birth)
		}
		return n
	}
	group := func(kind khenthuong.Kind, name string) khenthuong.Nomination {
		n := who(name, "", khenthuong.GenderUnknown, "", "")
		n.Nominee.Kind = kind
		return n
	}
	ns := []khenthuong.Nomination{
		who("Trần Thị Dung", "Bà", khenthuong.Female, "1980-05-02", "Phó Giám đốc"),
		who("Nguyễn Văn An", "Ông", khenthuong.Male, "1975", "Giám đốc"),
		group(khenthuong.Collective, "Phòng Cảnh sát giao thông"),
		who("Lê Văn Cường", "Đại tá", khenthuong.Male, "1968-01-10", "Trưởng phòng"),
		group(khenthuong.Household, "Hộ ông Phạm Văn Bình"),
		who("Hoàng Thị Đào", "Bà", khenthuong.GenderUnknown, "", "Chánh văn phòng"),
	}
	mustNil(t, svc.CreateNominations(ns))
	const (
		dung, an, phong, cuong, ho, dao = "Trần Thị Dung", "Nguyễn Văn An", "Phòng Cảnh sát giao thông", "Lê Văn Cường", "Hộ ông Phạm Văn Bình", "Hoàng Thị Đào"
	)
	for _, tc := range []struct {
		sort khenthuong.NominationSort
		desc bool
		want []string
	}{
		{khenthuong.SortByKind, false, []string{phong, dung, an, cuong, dao, ho}},
		{khenthuong.SortByKind, true, []string{ho, dung, an, cuong, dao, phong}},
		{khenthuong.SortByTitle, false, []string{phong, ho, dung, dao, cuong, an}}, // Bà < Đại tá < Ông
		{khenthuong.SortByTitle, true, []string{an, cuong, dung, dao, phong, ho}},
		{khenthuong.SortByGender, false, []string{an, cuong, dung, phong, ho, dao}},
		{khenthuong.SortByGender, true, []string{phong, ho, dao, dung, an, cuong}},
		{khenthuong.SortByBirth, false, []string{cuong, an, dung, phong, ho, dao}}, // unknown last
		{khenthuong.SortByBirth, true, []string{phong, ho, dao, dung, an, cuong}},
		{khenthuong.SortByPosition, false, []string{phong, ho, dao, an, dung, cuong}},
		{khenthuong.SortByPosition, true, []string{cuong, dung, an, dao, phong, ho}},
	} {
		var got []string
		for off := 0; off < len(ns); off += 4 { // by pages, as the window asks
			p, err := svc.QueryNominations(khenthuong.NominationQuery{
				Filter: khenthuong.NominationFilter{CampaignID: c.ID}, Sort: tc.sort, Descending: tc.desc,
				Page: khenthuong.Page{Offset: off, Limit: 4}})
			mustNil(t, err)
			got = append(got, names(p.Nominations)...)
		}
		if !sameStrings(got, tc.want) || !sameStrings(got, names(byKey(ns, tc.sort, tc.desc))) {
			t.Errorf("sort %q desc %v = %v, want %v", tc.sort, tc.desc, got, tc.want)
		}
	}

	// A write changes the next page's order at once (the data file keeps a
	// sorted order between pages; a write makes it stale).
	byPosition := func() []string {
		p, err := svc.QueryNominations(khenthuong.NominationQuery{
			Filter: khenthuong.NominationFilter{CampaignID: c.ID}, Sort: khenthuong.SortByPosition})
		mustNil(t, err)
		return names(p.Nominations)
	}
	byPosition()
	moved, err := svc.Nomination(ns[3].ID)
	mustNil(t, err)
	moved.Nominee.Position = "Bí thư Đảng ủy"
	mustNil(t, svc.UpdateNomination(moved))
	mustNil(t, svc.DeleteNomination(ns[1].ID))
	if got, want := byPosition(), []string{phong, ho, cuong, dao, dung}; !sameStrings(got, want) {
		t.Errorf("after a write, by position = %v, want %v", got, want)
	}
}

// byKey is ns (in list order) ordered by the sort's key, ties in list order.
func byKey(ns []khenthuong.Nomination, s khenthuong.NominationSort, desc bool) []khenthuong.Nomination {
	out := slices.Clone(ns)
	slices.SortStableFunc(out, func(a, b khenthuong.Nomination) int {
		c := bytes.Compare(s.Key(&a), s.Key(&b))
		if desc {
			c = -c
		}
		return c
	})
	return out
}
