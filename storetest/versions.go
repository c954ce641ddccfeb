package storetest

import (
	"strings"
	"testing"

	"khenthuong"
)

func init() { register("Versions", testVersions) }

func testVersions(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Tổng kết phong trào 2014 - 2023")
	n := named(t, svc, c, "Nguyễn Văn An")[0]

	if n.Version != 1 || n.UpdatedBy != "canbo" {
		t.Fatalf("created version %d by %q, want 1 by canbo", n.Version, n.UpdatedBy)
	}
	first := n // the copy a second clerk opened
	n.Nominee.Position = "Phó Trưởng Công an xã"
	mustNil(t, svc.UpdateNomination(&n))
	if n.Version != 2 || n.UpdatedBy != "canbo" {
		t.Errorf("saved version %d by %q, want 2 by canbo", n.Version, n.UpdatedBy)
	}

	first.Nominee.Position = "Cán bộ"
	err := svc.UpdateNomination(&first)
	wantCode(t, err, khenthuong.ECONFLICT)
	if !strings.Contains(err.Error(), "canbo") {
		t.Errorf("stale save refused with %q, want it to name who saved", err)
	}
	got, err := svc.Nomination(n.ID)
	mustNil(t, err)
	if got.Nominee.Position != "Phó Trưởng Công an xã" || got.Version != 2 {
		t.Errorf("after the stale save: %q version %d, want the first save kept", got.Nominee.Position, got.Version)
	}

	mustNil(t, svc.SetStatus([]uint64{n.ID}, khenthuong.StatusApproved, ""))
	got, err = svc.Nomination(n.ID)
	mustNil(t, err)
	if got.Version != 3 {
		t.Errorf("a review is a save: version %d, want 3", got.Version)
	}
}
