package ui

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong/store"
	"khenthuong/synth/scale"
)

// BenchmarkBigDecisionWindow does in the window what a clerk does with the
// issue's decision of 100,000 recipients (scale.DecisionFile, the file's one
// campaign): open In ấn on it (Open: the click to the decision shown with
// its recipients), save the certificates of every recipient as a PDF
// (Certificates), choose it on Quyết định (Detail), save its list and its payment list as PDF from Quyết
// định (DecisionList, Payments), and export the campaign to Excel
// (ExportCampaign). Each
// reports the peak of the process's resident memory during that action
// alone (MB-peak; the kernel's peak is reset before it) and of its two parts
// (MB-peak-anon, MB-peak-file, see reportMemory). Run it with -benchtime=1x:
// the certificates take minutes.
func BenchmarkBigDecisionWindow(b *testing.B) {
	watchMemory()
	path, err := scale.CopyDecision(100_000, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	cs, err := db.Campaigns()
	if err != nil || len(cs) != 1 {
		b.Fatalf("campaigns %v, %v", cs, err)
	}
	a := test.NewTempApp(b)
	drainUI()
	m := New(a, db, Options{DataPath: path})
	m.win.Resize(fyne.NewSize(1600, 900))
	settle(m)
	b.Cleanup(func() { settle(m); m.win.Close() })
	s := m.printing
	s.open = nil
	out := b.TempDir()

	b.Run("Open", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s.setCampaign(0)
			settle(m)
			resetPeak()
			b.StartTimer()
			m.show(pagePrinting)
			s.setCampaign(cs[0].ID)
			settle(m)
			if s.recipientCount() != 100_000 {
				b.Fatalf("%d recipients shown", s.recipientCount())
			}
		}
		reportPeak(b)
	})
	b.Run("Certificates", func(b *testing.B) {
		pdf := filepath.Join(out, "bk.pdf")
		for b.Loop() {
			b.StopTimer()
			resetPeak()
			b.StartTimer()
			saved := ""
			s.files = fileDialogs{save: func(_ fyne.Window, _ string, _ []string, done func(string)) { done(pdf) }}
			s.onSaved = func(p string) { saved = p }
			s.savePDF()
			settle(m)
			if saved != pdf {
				b.Fatalf("not saved: %q", s.status.Text)
			}
		}
		reportPeak(b)
		if st, err := os.Stat(pdf); err == nil {
			b.ReportMetric(float64(st.Size())/(1<<20), "MB-pdf")
		}
	})
	// Quyết định with the decision chosen: its details and the first rows
	// of its recipients.
	b.Run("Detail", func(b *testing.B) {
		d := m.decisions
		for b.Loop() {
			b.StopTimer()
			m.show(pageDecisions)
			d.setCampaign(cs[0].ID)
			settle(m)
			d.table.clearSelection()
			d.showDetail(nil, false)
			resetPeak()
			b.StartTimer()
			d.table.selectRow(0)
			settle(m)
			if d.recipientCount() != 100_000 || d.recipientText(0, recColName) == "" {
				b.Fatalf("%d recipients shown", d.recipientCount())
			}
		}
		reportPeak(b)
	})
	// The documents of the decision on Quyết định, previewed (its first
	// pages) then saved as PDF, streaming the recipients.
	for _, c := range []struct {
		name string
		kind docKind
	}{{"DecisionList", docList}, {"Payments", docPayments}} {
		b.Run(c.name, func(b *testing.B) {
			sum, err := db.DecisionSummary(1)
			if err != nil {
				b.Fatal(err)
			}
			pdf := filepath.Join(out, c.name+".pdf")
			for b.Loop() {
				b.StopTimer()
				resetPeak()
				b.StartTimer()
				var wg sync.WaitGroup
				v := openDocument(decisionDocument(db, c.kind, &sum.Decision, ""), newDocSaver(m.win, func(string) error { return nil }), m.win, &wg)
				for wg.Wait(); drainUI(); wg.Wait() {
				}
				v.saveTo(pdf, ".pdf")
				for wg.Wait(); drainUI(); wg.Wait() {
				}
				if v.savedPath != pdf {
					b.Fatalf("not saved: %q", v.status.Text)
				}
				v.dlg.Hide()
			}
			reportPeak(b)
		})
	}
	b.Run("ExportCampaign", func(b *testing.B) {
		xlsx := filepath.Join(out, "dot.xlsx")
		for b.Loop() {
			b.StopTimer()
			resetPeak()
			b.StartTimer()
			x := newRosterExport(db, m.win, fileDialogs{}, cs[0])
			rows := 0
			x.done = func(_ string, n int) { rows = n }
			x.write(xlsx)
			for x.working.Wait(); drainUI(); x.working.Wait() {
			}
			if rows != 100_000 {
				b.Fatalf("%d rows exported", rows)
			}
		}
		reportPeak(b)
	})
}

// resetPeak starts the process's peaks again (Linux: clear_refs 5 resets VmHWM).
func resetPeak() {
	debug.FreeOSMemory() // the last action's garbage is not this one's
	time.Sleep(50 * time.Millisecond)
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	watched.anon.Store(0)
	watched.file.Store(0)
	watched.sample()
}

// reportPeak reports the peaks since resetPeak.
func reportPeak(b *testing.B) {
	watched.sample()
	b.ReportMetric(peakRSS()/(1<<20), "MB-peak")
	b.ReportMetric(float64(watched.anon.Load())/(1<<20), "MB-peak-anon")
	b.ReportMetric(float64(watched.file.Load())/(1<<20), "MB-peak-file")
}
