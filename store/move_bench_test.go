package store

import (
	"path/filepath"
	"testing"

	"khenthuong"
)

// BenchmarkMoveNominations1000 moves 1,000 nominations of one campaign to
// another in the 100,000-nomination file (a copy of it: the others share
// the original), to and fro: one transaction with 1,000 audit records.
func BenchmarkMoveNominations1000(b *testing.B) {
	src := benchFile(b)
	path := filepath.Join(b.TempDir(), "khenthuong.db")
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	cs, err := db.Campaigns()
	if err != nil || len(cs) < 2 {
		b.Fatal(cs, err)
	}
	from, to := cs[0].ID, cs[1].ID
	ns, err := db.Nominations(khenthuong.NominationFilter{CampaignID: from})
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]uint64, 1000)
	for i := range ids {
		ids[i] = ns[i].ID
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := db.MoveNominations(ids, to); err != nil {
			b.Fatal(err)
		}
		from, to = to, from
	}
}
