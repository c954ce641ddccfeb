package scale

import (
	"testing"

	"khenthuong"
	"khenthuong/store"
)

func TestSmallFileIsReviewedAndIssued(t *testing.T) {
	path, err := Copy(200, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.CountNominations(khenthuong.NominationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Total != 200 || c.ByStatus[khenthuong.StatusApproved] != 180 || c.ByStatus[khenthuong.StatusRejected] != 20 {
		t.Errorf("counts = %+v", c)
	}
	ds, err := db.DecisionSummaries(0)
	if err != nil {
		t.Fatal(err)
	}
	recipients := 0
	for _, d := range ds {
		if d.Status != khenthuong.DecisionIssued {
			t.Errorf("decision %s not issued", d.Number)
		}
		recipients += d.RecipientCount
	}
	if recipients != 180 {
		t.Errorf("%d recipients, want every approved nomination", recipients)
	}
	if ps, err := db.Check(); err != nil || len(ps) > 0 {
		t.Errorf("check: %v %v", ps, err)
	}
}
