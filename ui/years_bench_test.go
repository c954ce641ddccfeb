package ui

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth/scale"
)

// BenchmarkYearsWindow opens the window on the data file a clerk reaches
// after years (package scale: 100,000 nominations in ten yearly campaigns of
// 10,000, reviewed and issued) and measures what the clerk waits for: the
// first screen with its figures (Tổng quan), Đề nghị of a 10,000-nomination
// campaign after the click, a keystroke of the search, and the heap the
// window holds with every screen loaded (MB-heap, after a collection; and
// the process's peak resident memory, MB-peak).
func BenchmarkYearsWindow(b *testing.B) {
	const n = 100_000
	watchMemory()
	path, db := yearsStore(b)
	cs, err := db.Campaigns()
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	open := func() *MainWindow {
		drainUI()
		m := New(a, db, Options{DataPath: path})
		m.win.Resize(fyne.NewSize(1600, 900))
		waitAll(m)
		return m
	}

	b.Run("FirstScreen", func(b *testing.B) {
		for b.Loop() {
			m := open()
			if m.dashboard.summary == nil || m.dashboard.summary.Awards == 0 {
				b.Fatal("Tổng quan shows no figures")
			}
			m.win.Close()
		}
	})

	m := open()
	b.Cleanup(func() { waitAll(m); m.win.Close() })
	// The rows are on screen when the model is; the review warnings come
	// after, in the background (Warnings, timed as they arrive too).
	test.Tap(m.rail[pageNominations])
	waitAll(m)
	s := m.nominations
	for _, bc := range []struct {
		name     string
		warnings bool
	}{{"NominationsOfACampaign", false}, {"NominationsWithWarnings", true}} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				id := cs[i%2].ID
				s.setCampaign(id) // a click on another campaign: its 10,000 rows
				if bc.warnings {
					waitAll(m)
				} else {
					for s.model.len() != n/10 || s.model.at(0).CampaignID != id {
						drainUI()
						time.Sleep(100 * time.Microsecond)
					}
					b.StopTimer()
					waitAll(m)
					b.StartTimer()
				}
				if s.model.len() != n/10 {
					b.Fatalf("%d rows, want %d", s.model.len(), n/10)
				}
			}
		})
	}
	b.Run("SearchKeystroke", func(b *testing.B) {
		s := m.nominations
		queries := []string{"n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen ", "nguyen v", "nguyen va", "nguyen van", ""}
		for i := 0; b.Loop(); i++ {
			s.search.SetText(queries[i%len(queries)])
			waitAll(m)
		}
	})
	// The same keystrokes, timed to the rows (the warnings of the new rows follow).
	b.Run("SearchKeystrokeRows", func(b *testing.B) {
		s := m.nominations
		queries := []string{"n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen ", "nguyen v", "nguyen va", "nguyen van", ""}
		for i := 0; b.Loop(); i++ {
			q := queries[i%len(queries)]
			s.search.SetText(q)
			for s.model.filter.query != q {
				drainUI()
				time.Sleep(100 * time.Microsecond)
			}
			b.StopTimer()
			waitAll(m)
			b.StartTimer()
		}
	})
	// Chỉ đề nghị có cảnh báo on a campaign of 10,000: which rows have
	// warnings is computed for the campaign (kept until a write; each
	// iteration shows the other campaign), then its first window and their
	// warnings are shown.
	b.Run("OnlyWithWarnings", func(b *testing.B) {
		s.search.SetText("")
		s.setCampaign(cs[0].ID)
		s.warnedCheck.SetChecked(true)
		waitAll(m)
		var cpu time.Duration
		for i := 0; b.Loop(); i++ {
			start := cpuTime()
			s.setCampaign(cs[(i+1)%2].ID)
			waitAll(m)
			cpu += cpuTime() - start
		}
		b.ReportMetric(float64(s.model.len()), "rows")
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "ms-cpu/op")
		s.warnedCheck.SetChecked(false)
		waitAll(m)
	})
	b.Run("Memory", func(b *testing.B) {
		for _, p := range []int{pageDashboard, pageCampaigns, pageNominations, pageDecisions} {
			test.Tap(m.rail[p])
			waitAll(m)
		}
		reportMemory(b)
	})
}

const bigCampaignName = "Tổng kết 10 năm"

// bigCampaignFile is the ten-year file with a campaign of 100,000 more,
// made once and kept beside package scale's files.
func bigCampaignFile(b *testing.B) string {
	path := filepath.Join(os.TempDir(), "khenthuong-scale", "years-100000-big-100000.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp, err := scale.Copy(100_000, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(tmp, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	big := khenthuong.Campaign{Name: bigCampaignName, Type: khenthuong.CampaignMovement}
	if err := db.CreateCampaign(&big); err != nil {
		b.Fatal(err)
	}
	ns, _ := scale.Nominations(big.ID, 100_000)
	for i := 0; i < len(ns); i += 5000 { // as a clerk's imports bring them
		if err := db.CreateNominations(ns[i:min(i+5000, len(ns))]); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	if err := copyFile(tmp, path+".tmp"); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	return path
}

// copyFile copies src to dst, streamed and synced.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// yearsStore opens a copy of the ten-year file of 100,000 nominations.
func yearsStore(b *testing.B) (string, *store.DB) {
	path, err := scale.Copy(100_000, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return path, db
}

// reportMemory reports the heap in use after a collection (MB-heap), the
// process's peak resident memory (MB-peak) and the peaks of its two parts
// sampled since watchMemory (MB-peak-anon: the process's own memory, the Go
// heap among it; MB-peak-file: the data file's pages mapped by bbolt).
func reportMemory(b *testing.B) {
	var ms runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&ms)
	}
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	b.ReportMetric(peakRSS()/(1<<20), "MB-peak")
	watched.sample()
	b.ReportMetric(float64(watched.anon.Load())/(1<<20), "MB-peak-anon")
	b.ReportMetric(float64(watched.file.Load())/(1<<20), "MB-peak-file")
}

// peakRSS is the process's peak resident memory in bytes (Linux; 0 elsewhere).
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) * 1024
		}
	}
	return 0
}

// BenchmarkYearsBigCampaign opens Đề nghị on a campaign of 100,000
// nominations added to the ten-year file (200,000 in all): the time from
// the click to the first rows on screen, a scroll to the middle of the list
// (the window there), and the memory of the window with the campaign shown
// (MB-peak counts the file's generation too on the run that makes it).
// The rows come a window at a time, so none of it grows with the campaign.
func BenchmarkYearsBigCampaign(b *testing.B) {
	watchMemory()
	path := filepath.Join(b.TempDir(), "khenthuong.db")
	if err := copyFile(bigCampaignFile(b), path); err != nil {
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
	bigID, small := uint64(0), uint64(0) // the campaign of 100,000, and one of 10,000 to click between
	for _, c := range cs {
		if c.Name == bigCampaignName {
			bigID = c.ID
		} else {
			small = c.ID
		}
	}
	a := test.NewTempApp(b)
	drainUI()
	m := New(a, db, Options{DataPath: path})
	m.win.Resize(fyne.NewSize(1600, 900))
	waitAll(m)
	b.Cleanup(func() { waitAll(m); m.win.Close() })
	test.Tap(m.rail[pageNominations])
	waitAll(m)
	s := m.nominations
	show := func(id uint64, want int) {
		s.setCampaign(id)
		for s.model.campaignID != id || s.model.len() != want || s.model.at(0) == nil {
			drainUI()
			time.Sleep(100 * time.Microsecond)
		}
	}
	b.Run("FirstRows", func(b *testing.B) {
		for b.Loop() {
			show(bigID, 100_000)
			b.StopTimer()
			waitAll(m) // the warnings, and back to the small campaign
			show(small, 10_000)
			waitAll(m)
			b.StartTimer()
		}
	})
	// Click → the first rows with their warnings (the Cảnh báo column filled).
	b.Run("FirstRowsWithWarnings", func(b *testing.B) {
		for b.Loop() {
			show(bigID, 100_000)
			for s.review.warnCampaign != bigID {
				drainUI()
				time.Sleep(100 * time.Microsecond)
			}
			b.StopTimer()
			waitAll(m)
			show(small, 10_000)
			waitAll(m)
			b.StartTimer()
		}
	})
	show(bigID, 100_000)
	waitAll(m)
	// A click on Chức vụ: the campaign is read once for the sort keys; the
	// next window of that order is a page.
	b.Run("SortByPositionFirstPage", func(b *testing.B) {
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			s.sortBy(colName) // another order, so that the click sorts again
			waitAll(m)
			b.StartTimer()
			start := cpuTime()
			s.sortBy(colPosition)
			waitAll(m)
			cpu += cpuTime() - start
		}
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "ms-cpu/op")
	})
	b.Run("SortByPositionNextWindow", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			row := 30_000 + (i%2)*20_000
			s.table.ScrollTo(widget.TableCellID{Row: row, Col: colName})
			for s.model.at(row) == nil {
				drainUI()
				time.Sleep(100 * time.Microsecond)
			}
		}
	})
	s.sortBy(colOrder)
	waitAll(m)
	b.Run("ScrollToMiddle", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			row := 50_000 + (i%2)*20_000
			s.table.ScrollTo(widget.TableCellID{Row: row, Col: colName})
			for s.model.at(row) == nil {
				drainUI()
				time.Sleep(100 * time.Microsecond)
			}
		}
	})
	// Chỉ đề nghị có cảnh báo on the campaign of 100,000: computed a part
	// at a time (the small campaign's rows were computed before each click).
	b.Run("OnlyWithWarnings", func(b *testing.B) {
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			s.warnedCheck.SetChecked(true)
			s.setCampaign(small)
			waitAll(m)
			b.StartTimer()
			start := cpuTime()
			s.setCampaign(bigID)
			waitAll(m)
			cpu += cpuTime() - start
		}
		b.ReportMetric(float64(s.model.len()), "rows")
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "ms-cpu/op")
		b.ReportMetric(peakRSS()/(1<<20), "MB-peak")
		s.warnedCheck.SetChecked(false)
		waitAll(m)
	})
	b.Run("Memory", func(b *testing.B) {
		waitAll(m)
		reportMemory(b)
	})
}
