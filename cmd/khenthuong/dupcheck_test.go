package main

import (
	"path/filepath"
	"reflect"
	"testing"

	"khenthuong"
	"khenthuong/roster"
	"khenthuong/store"
	"khenthuong/synth"
)

// TestDuplicatesByChunksWarnAsAllMatches holds the import's look-up of the
// stored nominations by chunks of names to the warnings the check gives
// with every stored nomination of the names at once.
func TestDuplicatesByChunksWarnAsAllMatches(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "k.db"), store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	forms, _ := db.Forms()
	g := synth.New(5)
	for range 3 {
		c := &khenthuong.Campaign{Name: "Đợt"}
		if err := db.CreateCampaign(c); err != nil {
			t.Fatal(err)
		}
		ns := make([]khenthuong.Nomination, 400)
		for i := range ns {
			ns[i] = g.Nomination(c.ID, forms)
		}
		if err := db.CreateNominations(ns); err != nil {
			t.Fatal(err)
		}
	}
	stored, err := db.Nominations(khenthuong.NominationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// A list repeating stored people (some with another unit or year) and new ones.
	var rows []roster.Row
	for i := 0; i < 600; i += 3 {
		n := stored[i]
		if i%2 == 0 {
			n.Nominee.Unit = "Đơn vị khác"
		}
		if i%5 == 0 {
			n.Nominee.Birth = khenthuong.Date{}
		}
		rows = append(rows, roster.Row{Sheet: "DS", Line: len(rows) + 2, Nomination: n})
		rows = append(rows, roster.Row{Sheet: "DS", Line: len(rows) + 2, Nomination: g.Nomination(1, forms)})
	}
	all := &roster.Import{Rows: rows}
	every, err := db.NominationsByName(all.Names())
	if err != nil {
		t.Fatal(err)
	}
	all.CheckDuplicates(every)
	if len(all.Problems) < 100 {
		t.Fatalf("only %d warnings: the data should repeat more", len(all.Problems))
	}
	for _, chunk := range []int{1, 7, nameChunk} {
		byChunks := &roster.Import{Rows: append([]roster.Row(nil), rows...)}
		lookups := 0
		err := byChunks.CheckDuplicatesBy(func(names []string) ([]khenthuong.Nomination, error) {
			if len(names) > chunk {
				t.Errorf("%d names asked for at once, want at most %d", len(names), chunk)
			}
			lookups++
			return db.NominationsByName(names)
		}, chunk)
		if err != nil {
			t.Fatal(err)
		}
		if want := (len(all.Names()) + chunk - 1) / chunk; lookups != want {
			t.Errorf("chunk %d: %d look-ups, want %d", chunk, lookups, want)
		}
		if !reflect.DeepEqual(all.Problems, byChunks.Problems) {
			t.Errorf("chunk %d: warnings differ: %d with every match, %d by chunks", chunk, len(all.Problems), len(byChunks.Problems))
		}
	}
}
