//go:build linux

package store_test

import (
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth/scale"
)

// BenchmarkYearsWarnings is what Đề nghị asks of the 100,000 file
// (package scale: ten campaigns of 10,000) for its review warnings: the
// window of 300 rows a click shows, the rows a search keystroke brings, and
// "Chỉ đề nghị có cảnh báo" the first time on a campaign (each iteration
// the other of two campaigns, so that nothing is kept from the last).
// ms-cpu/op is the process's processor time (the warned rows' parts run
// side by side).
func BenchmarkYearsWarnings(b *testing.B) {
	path, err := scale.Copy(100_000, b.TempDir()) // opened as the window opens it
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	cs, err := db.Campaigns()
	if err != nil {
		b.Fatal(err)
	}
	window := func(b *testing.B, campaign uint64, search string) []uint64 {
		p, err := db.QueryNominations(khenthuong.NominationQuery{
			Filter: khenthuong.NominationFilter{CampaignID: campaign, Query: search},
			Page:   khenthuong.Page{Limit: 300}, CountLimit: 1000})
		if err != nil {
			b.Fatal(err)
		}
		ids := make([]uint64, len(p.Nominations))
		for i := range p.Nominations {
			ids[i] = p.Nominations[i].ID
		}
		return ids
	}
	if _, err := db.WarningsOf(cs[0].ID, window(b, cs[0].ID, "")); err != nil { // the index built
		b.Fatal(err)
	}
	cases := []struct{ name, search string }{{"Window", ""}, {"SearchWindow", "nguyen van"}, {"SearchShort", "n"}}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			ids := [2][]uint64{window(b, cs[0].ID, bc.search), window(b, cs[1].ID, bc.search)}
			var warned int
			for i := 0; b.Loop(); i++ {
				ws, err := db.WarningsOf(cs[i%2].ID, ids[i%2])
				if err != nil {
					b.Fatal(err)
				}
				warned = len(ws)
			}
			b.ReportMetric(float64(warned), "warned")
		})
	}
	b.Run("OnlyWithWarnings", func(b *testing.B) {
		var cpu time.Duration
		var total int
		for i := 0; b.Loop(); i++ {
			start := cpuTime()
			p, err := db.QueryNominations(khenthuong.NominationQuery{
				Filter: khenthuong.NominationFilter{CampaignID: cs[i%2].ID}, WithWarnings: true,
				Page: khenthuong.Page{Limit: 300}})
			if err != nil {
				b.Fatal(err)
			}
			cpu += cpuTime() - start
			total = p.Total
		}
		b.ReportMetric(float64(total), "warned")
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "ms-cpu/op")
	})
	// The first time in a fresh window: the campaign's first page shown
	// with its warnings (the index built, those rows and their relations
	// read), then the check.
	b.Run("OnlyWithWarningsFresh", func(b *testing.B) {
		var cpu time.Duration
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			db.Close() // the file is the fresh window's
			fresh, err := store.Open(path, store.Options{NoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			q := khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{CampaignID: cs[i%2].ID}, Page: khenthuong.Page{Limit: 300}}
			p, err := fresh.QueryNominations(q)
			if err != nil {
				b.Fatal(err)
			}
			ids := make([]uint64, len(p.Nominations))
			for i := range p.Nominations {
				ids[i] = p.Nominations[i].ID
			}
			if _, err := fresh.WarningsOf(q.Filter.CampaignID, ids); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			start := cpuTime()
			q.WithWarnings = true
			if _, err := fresh.QueryNominations(q); err != nil {
				b.Fatal(err)
			}
			cpu += cpuTime() - start
			b.StopTimer()
			fresh.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "ms-cpu/op")
	})
}
