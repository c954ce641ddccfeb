package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/printing"
	"khenthuong/store"
	"khenthuong/synth/scale"
)

// openScaleDecision opens the window on a copy of scale.DecisionFile's
// decision of n recipients; it returns the store and that decision.
func openScaleDecision(tb testing.TB, n int) (*store.DB, *MainWindow, *khenthuong.Decision) {
	tb.Helper()
	path, err := scale.CopyDecision(n, tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	db, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	a := test.NewTempApp(tb)
	drainUI()
	m := New(a, db, Options{DataPath: path})
	m.win.Resize(fyne.NewSize(1600, 900))
	tb.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	sum, err := db.DecisionSummary(1)
	if err != nil {
		tb.Fatal(err)
	}
	return db, m, &sum.Decision
}

// fakeStreamPrinter makes "In…" offer one printer, Phong_TD, which hands
// each page of a job to each; *held tells whether the latest job carried
// its pages laid out (Job.Pages) rather than streamed.
func fakeStreamPrinter(tb testing.TB, each func(page.Page)) (held *bool) {
	held = new(bool)
	saved := systemPrinting
	tb.Cleanup(func() { systemPrinting = saved })
	systemPrinting = printSystem{
		list:  func() ([]printing.Printer, error) { return []printing.Printer{{Name: "Phong_TD", Default: true}}, nil },
		trays: func(string) ([]string, error) { return nil, nil },
		print: func(ctx context.Context, j printing.Job) (printing.Result, error) {
			*held = j.Pages != nil
			n := 0
			for _, pg := range j.Pages {
				each(pg)
				n++
			}
			var err error
			if j.Stream != nil {
				err = j.Stream(func(pg page.Page) error { each(pg); n++; return nil })
			}
			return printing.Result{Printer: j.Printer, Pages: n, Copies: j.Copies, JobID: "1"}, err
		},
	}
	return held
}
