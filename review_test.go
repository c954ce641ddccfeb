package khenthuong

import (
	"strings"
	"testing"
)

func person(id, campaign, nominee uint64, name string, birth int, unit, form string, st Status) Nomination {
	return Nomination{ID: id, CampaignID: campaign, NomineeID: nominee, FormCode: form, Status: st,
		Nominee: Nominee{Kind: Individual, Name: name, Birth: Date{Year: birth}, Unit: unit}}
}

func TestReviewWarnings(t *testing.T) {
	forms := map[string]*AwardForm{}
	for _, f := range DefaultForms() {
		f := f
		forms[f.Code] = &f
	}
	campaign := &Campaign{ID: 2, Quotas: map[string]int{"CSTDT": 1}}
	current := []Nomination{
		person(10, 2, 100, "Nguyễn Văn Tình", 1975, "Công an tỉnh", "BKCT", StatusSubmitted),
		person(11, 2, 101, "Nguyen Van Tinh", 1975, "Sở Tư pháp", "BKCT", StatusSubmitted), // same folded name and birth year
		person(12, 2, 102, "Nguyễn Văn Tình", 1980, "Sở Y tế", "BKCT", StatusSubmitted),    // same name, another person
		person(13, 2, 103, "Hoàng Thị Thuỷ", 1985, "Công an tỉnh", "BKCT", StatusApproved), // old tone placement
		person(14, 2, 104, "Hoàng Thị Thủy", 0, "Công an  tỉnh", "BKCT", StatusSubmitted),  // same unit, new tone placement
		person(15, 2, 105, "Lê Văn Tiến", 1970, "Bộ đội Biên phòng", "CSTDT", StatusApproved),
		person(16, 2, 106, "Trần Đình Khánh", 1974, "Công an tỉnh", "CSTDT", StatusApproved),
		person(17, 2, 107, "Phan Thanh Hòa", 1988, "Công an xã", "BKCT", StatusSubmitted),
		person(18, 2, 108, "Ngô Minh", 1990, "Sở A", "BKCT", StatusSubmitted),
	}
	earlier := []Nomination{
		person(1, 1, 107, "Phan Thanh Hoà", 1988, "Công an xã", "CSTDCS", StatusApproved),
		person(2, 1, 109, "Ngô Minh", 1990, "Sở A", "CSTDCS", StatusApproved),
	}
	all := append(append([]Nomination{}, earlier...), current...)
	in := ReviewInput{
		Campaign: campaign, Nominations: current, All: all, Forms: forms,
		Awards: map[uint64]Award{
			1: {NominationID: 1, FormCode: "CSTDCS", DecisionNumber: "125/QĐ-CAT", DecisionDate: MustDate("2021-12-20")},
			2: {NominationID: 2, FormCode: "CSTDCS", DecisionNumber: "99/QĐ-CAT", DecisionDate: MustDate("2020-12-20")},
		},
		Distinct: map[NomineePair]bool{PairOf(108, 109): true},
	}
	w := ReviewWarnings(in)
	has := func(id uint64, kind WarningKind, related uint64, text string) bool {
		for _, x := range w[id] {
			if x.Kind == kind && x.Related == related && strings.Contains(x.Message, text) {
				return true
			}
		}
		return false
	}
	cases := []struct {
		name    string
		id      uint64
		kind    WarningKind
		related uint64
		text    string
		want    bool
	}{
		{"DuplicateByNameAndBirthYear", 10, WarnDuplicate, 11, "số 11", true},
		{"DuplicateIsMutual", 11, WarnDuplicate, 10, "số 10", true},
		{"SameNameOtherPersonIsNoDuplicate", 12, WarnDuplicate, 10, "", false},
		{"OldAndNewTonePlacementMatch", 14, WarnAlreadyAwarded, 13, "đã được duyệt", true},
		{"EarlierAwardShown", 17, WarnEarlierAward, 1, "năm 2021, Quyết định số 125/QĐ-CAT", true},
		{"MarkedDifferentPeopleDoNotMatch", 18, WarnEarlierAward, 2, "", false},
		{"QuotaExceeded", 15, WarnQuota, 0, "vượt chỉ tiêu 1", true},
		{"QuotaNotOnOtherForms", 10, WarnQuota, 0, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := has(c.id, c.kind, c.related, c.text); got != c.want {
				t.Errorf("warning %s on %d (related %d): %v, want %v; warnings: %+v", c.kind, c.id, c.related, got, c.want, w[c.id])
			}
		})
	}
	// ReviewWarned tells the same rows, without the messages.
	warned := ReviewWarned(in)
	for _, n := range current {
		if warned[n.ID] != (len(w[n.ID]) > 0) {
			t.Errorf("ReviewWarned: nomination %d %v, warnings %+v", n.ID, warned[n.ID], w[n.ID])
		}
	}
	if len(warned) < 5 || len(warned) == len(current) {
		t.Errorf("%d of %d warned: the test data should tell rows apart", len(warned), len(current))
	}
}

func TestSameNominee(t *testing.T) {
	a := person(1, 1, 1, "Nguyễn Văn Tình", 1975, "", "BKCT", StatusSubmitted)
	b := person(2, 1, 2, "NGUYỄN VĂN TÌNH", 1975, "", "BKCT", StatusSubmitted)
	if !SameNominee(&a, &b, nil) {
		t.Error("case and NFD differences not tolerated")
	}
	if SameNominee(&a, &b, map[NomineePair]bool{PairOf(2, 1): true}) {
		t.Error("pair marked as different people still matches")
	}
	c := b
	c.NomineeID, c.Nominee.Name = 1, "Nguyễn V. Tình"
	if !SameNominee(&a, &c, nil) {
		t.Error("records linked by nominee ID do not match")
	}
}
