//go:build linux

package store_test

import (
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth/scale"
)

// The state a clerk reaches: ten yearly campaigns, every nomination reviewed
// and the approved ones issued (package scale), at 100,000 nominations and at
// 300,000 for headroom. Writes run on a copy, without the automatic backup
// (NoBackup: the per-write backup is being replaced by one a day).

var yearsSizes = []int{100_000, 300_000}

func yearsCopy(b *testing.B, n int) *store.DB {
	b.Helper()
	path, err := scale.Copy(n, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path, store.Options{NoBackup: true, User: "canbo"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkYearsFile reports the data file's bytes per nomination as
// generated, and after khenthuong compact.
func BenchmarkYearsFile(b *testing.B) {
	for _, n := range yearsSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path, err := scale.Copy(n, b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			var before, after int64
			for b.Loop() {
				if before, after, err = store.Compact(path, store.Options{NoBackup: true}); err != nil {
					b.Fatal(err)
				}
			}
			if fi, err := os.Stat(path); err == nil {
				after = fi.Size()
			}
			b.ReportMetric(float64(before)/float64(n), "B/nomination")
			b.ReportMetric(float64(after)/float64(n), "B/nomination-compacted")
		})
	}
}

// BenchmarkYearsWrite is one write in the window's process: approving one
// nomination, a new campaign, an edited nomination (read, then saved).
func BenchmarkYearsWrite(b *testing.B) {
	for _, n := range yearsSizes {
		db := yearsCopy(b, n)
		var rejected uint64
		err := db.EachNomination(khenthuong.NominationFilter{Status: khenthuong.StatusRejected}, func(nm *khenthuong.Nomination) error {
			rejected = nm.ID
			return errStop
		})
		if err != nil && err != errStop {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%d/Approve", n), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				to := khenthuong.StatusApproved
				if i%2 == 1 {
					to = khenthuong.StatusSubmitted
				}
				if err := db.SetStatus([]uint64{rejected}, to, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%d/NewCampaign", n), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if err := db.CreateCampaign(&khenthuong.Campaign{Name: fmt.Sprintf("Đợt %d", i)}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%d/EditNomination", n), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				nm, err := db.Nomination(rejected)
				if err != nil {
					b.Fatal(err)
				}
				nm.Notes = fmt.Sprintf("Ghi chú %d", i)
				if err := db.UpdateNomination(nm); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var errStop = fmt.Errorf("stop")

// BenchmarkYearsImport imports n rows into a file after years, in one
// write: the time per row must not grow with n.
func BenchmarkYearsImport(b *testing.B) {
	for _, rows := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			db := yearsCopy(b, 100_000)
			c := &khenthuong.Campaign{Name: "Đợt nhập"}
			if err := db.CreateCampaign(c); err != nil {
				b.Fatal(err)
			}
			src, err := scale.Nominations(c.ID, rows)
			if err != nil {
				b.Fatal(err)
			}
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				ns := append([]khenthuong.Nomination(nil), src...)
				b.StartTimer()
				start := cpuTime()
				if err := db.CreateNominations(ns); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - start
			}
			// The machine is shared: the processor time per row is the
			// steadier figure; the wall time also holds the disk's.
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*rows), "µs/row")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*rows), "cpu-µs/row")
		})
	}
}

// cpuTime is the processor time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
