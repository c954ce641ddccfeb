package ui

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
)

// BenchmarkChangesFirstPage reads the newest page of Lịch sử thay đổi of a
// nomination saved 2,000 times, in a file whose audit also holds an import of
// 10,000 nominations: what the window does when the clerk opens the view.
// Its B/op (-benchmem) bounds the memory the read takes at its peak.
func BenchmarkChangesFirstPage(b *testing.B) {
	path := filepath.Join(b.TempDir(), "khenthuong.db")
	clock := time.Date(2025, 1, 2, 8, 0, 0, 0, time.Local)
	db, err := store.Open(path, store.Options{User: "canbo", NoBackup: true,
		Now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	c := khenthuong.Campaign{Name: "Hằng năm 2025"}
	if err := db.CreateCampaign(&c); err != nil {
		b.Fatal(err)
	}
	base := sampleNominations()
	ns := make([]khenthuong.Nomination, 10000)
	for i := range ns {
		ns[i] = base[i%len(base)]
		ns[i].CampaignID = c.ID
		ns[i].Nominee.Name += " " + strconv.Itoa(i)
	}
	if err := db.CreateNominations(ns); err != nil {
		b.Fatal(err)
	}
	n := ns[5000]
	for i := range 2000 {
		n.Notes = "Bổ sung lần " + strconv.Itoa(i)
		if err := db.UpdateNomination(&n); err != nil {
			b.Fatal(err)
		}
	}
	key := strconv.FormatUint(n.ID, 10)
	b.ResetTimer()
	for b.Loop() {
		recs, total, err := newestAudit(db, khenthuong.AuditFilter{Entity: "nomination", Key: key}, changesPage)
		if err != nil || total != 2001 || len(recs) != changesPage {
			b.Fatalf("%d of %d records: %v", len(recs), total, err)
		}
		rows := 0
		for _, r := range recs {
			rows += len(changeRows("nomination", r, nil))
		}
		if rows != changesPage {
			b.Fatalf("%d rows", rows)
		}
	}
}
