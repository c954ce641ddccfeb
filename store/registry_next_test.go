package store

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// NextRegistryNumber follows the counter: 1 before any number, one past the
// last given after, per year for a yearly series.
func TestNextRegistryNumber(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	bkct := &khenthuong.RegistrySeries{Code: "BKCT"}
	bkct.Normalize()
	next := func(s *khenthuong.RegistrySeries, year int) int {
		t.Helper()
		n, err := db.NextRegistryNumber(s, year)
		mustNil(t, err)
		return n
	}
	if n := next(bkct, 2024); n != 1 {
		t.Fatalf("before any issue: %d, want 1", n)
	}
	issueOne(t, db, c, "1/QĐ-UBND", "2024-06-02", 5)
	issueOne(t, db, c, "2/QĐ-UBND", "2025-01-10", 3)
	yearly := &khenthuong.RegistrySeries{Code: "BKCT", YearlyReset: true}
	yearly.Normalize()
	for _, tc := range []struct {
		name string
		s    *khenthuong.RegistrySeries
		year int
		want int
	}{
		{"ContinuousThisYear", bkct, 2025, 9},
		{"ContinuousAnyYear", bkct, 2031, 9},
		{"YearlyCounterNotUsed", yearly, 2025, 1},
	} {
		if got := next(tc.s, tc.year); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

// A series stored with a format saved before placeholders were checked
// (the QA's "{prefix}/{nam}/{n}") issues nothing: the clerk is told to fix it.
func TestIssueRefusesAStoredBadFormat(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	bad := &khenthuong.RegistrySeries{Code: "BKCT", Name: "Bằng khen", Prefix: "BKCT", Format: "{prefix}/{nam}/{n}", Digits: 4}
	mustNil(t, db.update("test: old series", func(tx *bolt.Tx) error { return putSeries(tx, bad) }))
	d := makeDraft(t, db, c, "1/QĐ-UBND", "2024-06-02", 2)
	_, err := db.IssueDecision(d.ID)
	if khenthuong.ErrorCode(err) != khenthuong.EINVALID {
		t.Fatalf("issue with {nam}: %v", err)
	}
	for _, want := range []string{"Sổ vàng BKCT", "“{nam}”", "series set BKCT --format"} {
		if !strings.Contains(khenthuong.ErrorMessage(err), want) {
			t.Errorf("%q does not say %q", khenthuong.ErrorMessage(err), want)
		}
	}
	got, err := db.Decision(d.ID)
	mustNil(t, err)
	if got.Status == khenthuong.DecisionIssued || got.Recipients[0].RegistryNo != "" {
		t.Errorf("the decision changed: %s, %q", got.Status, got.Recipients[0].RegistryNo)
	}
	if n, _ := db.NextRegistryNumber(bad, 2024); n != 1 {
		t.Errorf("the counter moved to %d", n-1)
	}
}
