package main

import (
	"path/filepath"
	"reflect"
	"testing"

	"khenthuong"
	"khenthuong/roster"
	"khenthuong/store"
	"khenthuong/synth"
	"khenthuong/vntext"
)

// TestStoredLookalikesWarnAsAllMatches holds the import's slimmed look-up to
// the warnings the check gives with every stored nomination of the names.
func TestStoredLookalikesWarnAsAllMatches(t *testing.T) {
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
	slim := &roster.Import{Rows: append([]roster.Row(nil), rows...)}
	var names []string
	for _, r := range rows {
		names = append(names, vntext.Fold(r.Nomination.Nominee.Name))
	}
	every, err := db.NominationsByName(names)
	if err != nil {
		t.Fatal(err)
	}
	all.CheckDuplicates(every)
	lookalikes, err := storedLookalikes(db, slim)
	if err != nil {
		t.Fatal(err)
	}
	slim.CheckDuplicates(lookalikes)
	if len(all.Problems) < 100 {
		t.Fatalf("only %d warnings: the data should repeat more", len(all.Problems))
	}
	if len(lookalikes) >= len(every) {
		t.Errorf("%d look-alikes kept of %d matches: nothing saved", len(lookalikes), len(every))
	}
	if !reflect.DeepEqual(all.Problems, slim.Problems) {
		t.Errorf("warnings differ: %d with every match, %d with the look-alikes", len(all.Problems), len(slim.Problems))
	}
}
