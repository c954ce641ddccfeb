package store

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"khenthuong"
)

// A data set carries everything: a file made from one (backup of a server)
// gives the same data set back, decisions with their recipients and
// nominations with their version and last editor.
func TestDatasetRoundTrip(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Tổng kết phong trào 2014 - 2023")
	ns := []khenthuong.Nomination{
		person(c.ID, "Nguyễn Văn An", "Trưởng Công an xã", "Công an xã Tân Lập"),
		collective(c.ID, "Công an xã Tân Lập", "Công an huyện Đan Phượng"),
	}
	mustNil(t, db.CreateNominations(ns))
	ns[0].Nominee.Position = "Phó Trưởng Công an xã"
	mustNil(t, db.UpdateNomination(&ns[0]))
	mustNil(t, db.SetStatus(nominationIDs(ns), khenthuong.StatusApproved, ""))
	mustNil(t, db.CreateDecision(draft(c, "2872/QĐ-UBND", "2024-06-03"), nominationIDs(ns)))

	ds, err := db.Dataset()
	mustNil(t, err)
	if len(ds.Decisions) != 1 || len(ds.Decisions[0].Recipients) != 2 {
		t.Fatalf("data set decisions = %+v, want one with 2 recipients", ds.Decisions)
	}
	path := filepath.Join(t.TempDir(), "sao-luu.db")
	opts := testOptions()
	opts.User = "nguoikhac" // whoever makes the copy, the records keep their editors
	mustNil(t, CreateFromDataset(path, ds, opts))
	back, err := openAt(t, path, opts).Dataset()
	mustNil(t, err)

	want, err := json.MarshalIndent(ds, "", " ")
	mustNil(t, err)
	got, err := json.MarshalIndent(back, "", " ")
	mustNil(t, err)
	if string(got) != string(want) {
		t.Errorf("the copy's data set differs:\ngot  %.2000s\nwant %.2000s", got, want)
	}
	for _, n := range back.Nominations {
		if n.ID == ns[0].ID && (n.Version != 3 || n.UpdatedBy != "canbo") {
			t.Errorf("copied nomination: version %d by %q, want 3 by canbo", n.Version, n.UpdatedBy)
		}
	}
}
