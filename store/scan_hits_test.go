package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"khenthuong"
)

// TestScanHitsFindsWhatTheIndexFinds: a file opened read-only answers a
// query by scanning idx_search; the matches and their order are those of
// the in-memory index a window builds.
func TestScanHitsFindsWhatTheIndexFinds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	fill(t, db)
	c := createCampaign(t, db, "Đợt 2")
	ns := []khenthuong.Nomination{
		person(c.ID, "Nguyễn Văn An", "Trưởng Công an xã", "Công an xã Tân Lập"),
		person(c.ID, "Trần Văn Nguyên", "Phó Giám đốc", "Sở Tư pháp"),
		collective(c.ID, "Phòng Tư pháp", "Ủy ban nhân dân huyện Gio Linh"),
	}
	ns[1].Status = khenthuong.StatusApproved
	mustNil(t, db.CreateNominations(ns))
	mustNil(t, db.Close())
	filters := []khenthuong.NominationFilter{
		{},
		{Query: "nguyen"},
		{Query: "van nguyen"},
		{Query: "tu phap"},
		{Query: "cong an", CampaignID: c.ID},
		{Query: "an", Kind: khenthuong.Individual},
		{Query: "an", Status: khenthuong.StatusApproved},
		{FormCode: "bkct"},
		{Query: "khong co ai"},
		{CampaignID: c.ID, NomineeID: ns[0].NomineeID},
	}
	ro, err := Open(path, Options{ReadOnly: true})
	mustNil(t, err)
	scanned := make([][]uint64, len(filters))
	for i, f := range filters {
		hs, err := ro.scanHits(f)
		mustNil(t, err)
		scanned[i] = hitIDs(hs)
	}
	// The read-only file answers the commands' queries without building the index.
	p, err := ro.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{Query: "nguyen"}})
	mustNil(t, err)
	if p.Total != 3 || ro.search.isBuilt() {
		t.Errorf("query of the read-only file: %d found, index built %v", p.Total, ro.search.isBuilt())
	}
	mustNil(t, ro.Close())

	rw := openAt(t, path, testOptions())
	mustNil(t, rw.buildSearch())
	for i, f := range filters {
		if want := hitIDs(rw.search.find(f)); fmt.Sprint(scanned[i]) != fmt.Sprint(want) {
			t.Errorf("%+v: scanned %v, the index finds %v", f, scanned[i], want)
		}
	}
}

func hitIDs(hs []hit) []uint64 {
	ids := make([]uint64, len(hs))
	for i, h := range hs {
		ids[i] = h.id
	}
	return ids
}
