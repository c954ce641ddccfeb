package store

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/synth"
)

// The benchmarks share one 100,000-nomination file, made once per test binary.
var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

const benchRows = 100_000

// benchForms is the catalogue of the benchmark file: the defaults widened to 20.
var benchForms = synth.Forms(20)

// benchFile returns the path of the shared file: ten yearly campaigns of
// 10,000 nominations each, drawn by package synth (names by real frequency,
// about 2,000 units).
func benchFile(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		start := time.Now()
		defer func() { b.Logf("the 100,000-nomination file took %v to generate", time.Since(start)) }()
		benchDir, benchErr = os.MkdirTemp("", "khenthuong-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "khenthuong.db")
		db, err := Open(benchPath, Options{NoBackup: true})
		if err != nil {
			benchErr = err
			return
		}
		defer db.Close()
		for i := range benchForms {
			if benchErr = db.SaveForm(&benchForms[i]); benchErr != nil {
				return
			}
		}
		g := synth.New(1)
		for _, c := range synth.Campaigns(2016, 10) {
			if benchErr = db.CreateCampaign(&c); benchErr != nil {
				return
			}
			ns := make([]khenthuong.Nomination, benchRows/10)
			for i := range ns {
				ns[i] = g.Nomination(c.ID, benchForms)
			}
			if benchErr = db.CreateNominations(ns); benchErr != nil {
				return
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func cleanupBench() {
	if benchDir != "" {
		_ = os.RemoveAll(benchDir)
	}
}

func BenchmarkSearch(b *testing.B) {
	path := benchFile(b)
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Nominations(khenthuong.NominationFilter{Query: "x"}); err != nil { // build the index
		b.Fatal(err)
	}
	fullName, _ := synth.New(1).Person() // a name that is in the file, at least once
	for _, bc := range []struct {
		name   string
		filter khenthuong.NominationFilter
	}{
		{"FullName", khenthuong.NominationFilter{Query: fullName}},
		{"FamilyAndGiven", khenthuong.NominationFilter{Query: "nguyen hung"}},
		{"Unit", khenthuong.NominationFilter{Query: "công an gio linh"}},
		{"NoMatch", khenthuong.NominationFilter{Query: "zzz"}},
		{"CampaignAndQuery", khenthuong.NominationFilter{CampaignID: 3, Query: "tran thi"}},
		{"CampaignList", khenthuong.NominationFilter{CampaignID: 3}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				ns, err := db.Nominations(bc.filter)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ns)
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
	// The index alone, for queries that match a large part of the file (the
	// rows' decoding is then the cost, paid by the table one screen at a time).
	for _, q := range []string{"nguyen", "a", "nguyen van tinh"} {
		b.Run("IndexOnly/"+q, func(b *testing.B) {
			var n int
			for b.Loop() {
				n = len(db.search.find(khenthuong.NominationFilter{Query: q}))
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}

// BenchmarkOpen opens the 100,000-nomination file and makes it ready to
// answer a search (the index is built on that first search).
// BenchmarkDataFileSize100k reports the size of the data file holding
// 100,000 nominations (ten campaigns, 20 forms) as the metric MB-file.
func BenchmarkDataFileSize100k(b *testing.B) {
	path := benchFile(b)
	var size int64
	for b.Loop() {
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
	}
	b.ReportMetric(float64(size)/1e6, "MB-file")
}

func BenchmarkOpen(b *testing.B) {
	path := benchFile(b)
	if fi, err := os.Stat(path); err == nil {
		b.Logf("data file: %.0f MB for %d nominations", float64(fi.Size())/(1<<20), benchRows)
	}
	for _, bc := range []struct {
		name   string
		search bool
	}{{"Open", false}, {"OpenAndFirstSearch", true}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				db, err := Open(path, Options{NoBackup: true})
				if err != nil {
					b.Fatal(err)
				}
				if bc.search {
					if _, err := db.Nominations(khenthuong.NominationFilter{Query: "nguyen van hung"}); err != nil {
						b.Fatal(err)
					}
				}
				_ = db.Close()
			}
		})
	}
	// The daily backup (damage check and zstd copy), as the first write of a day takes it.
	b.Run("OpenWithBackup", func(b *testing.B) {
		dir := b.TempDir()
		for b.Loop() {
			db, err := Open(path, Options{BackupDir: dir})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.SafetyBackup("bench"); err != nil {
				b.Fatal(err)
			}
			_ = db.Close()
		}
	})
}

func BenchmarkCreateNominations10000(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "khenthuong.db"), Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	c := campaign("Đợt")
	if err := db.CreateCampaign(c); err != nil {
		b.Fatal(err)
	}
	g := synth.New(2)
	for b.Loop() {
		b.StopTimer()
		ns := make([]khenthuong.Nomination, 10_000)
		for i := range ns {
			ns[i] = g.Nomination(c.ID, khenthuong.DefaultForms())
		}
		b.StartTimer()
		if err := db.CreateNominations(ns); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListAll lists all 100,000 nominations: the first time decodes
// every record (Cold), later times copy them from the index's cache (Warm).
// It reports the heap the index and its decoded records hold.
func BenchmarkListAll(b *testing.B) {
	path := benchFile(b)
	b.Run("Cold", func(b *testing.B) {
		for b.Loop() {
			db, err := Open(path, Options{NoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			if ns, err := db.Nominations(khenthuong.NominationFilter{}); err != nil || len(ns) != benchRows {
				b.Fatal(len(ns), err)
			}
			_ = db.Close()
		}
	})
	b.Run("Warm", func(b *testing.B) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		db, err := Open(path, Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Nominations(khenthuong.NominationFilter{}); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		held := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		for b.Loop() {
			if ns, err := db.Nominations(khenthuong.NominationFilter{}); err != nil || len(ns) != benchRows {
				b.Fatal(len(ns), err)
			}
		}
		b.ReportMetric(held, "MB-held")
	})
}
