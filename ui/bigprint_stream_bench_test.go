package ui

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"khenthuong/page"
)

// BenchmarkBigDecisionPrint sends the list and the payment list of the
// issue's decision of 100,000 recipients to a printer with "In…" from
// Quyết định, every page: Streamed as the window does, Held as it did (the
// whole document laid out into pages first, spec.stream unset). The
// printer here takes each page and drops it (the CUPS side writes them a
// page at a time to a file, see printing/stream_test.go), so MB-peak is the
// window's own. Run it with -benchtime=1x.
func BenchmarkBigDecisionPrint(b *testing.B) {
	watchMemory()
	db, m, d := openScaleDecision(b, 100_000)
	sent := 0
	fakeStreamPrinter(b, func(page.Page) { sent++ })
	for _, c := range []struct {
		name string
		kind docKind
	}{{"List", docList}, {"Payments", docPayments}} {
		for _, streamed := range []bool{true, false} {
			name := c.name + "/Streamed"
			if !streamed {
				name = c.name + "/Held"
			}
			b.Run(name, func(b *testing.B) {
				var wg sync.WaitGroup
				v := openDocument(decisionDocument(db, c.kind, d, ""), m.saver, m.win, &wg)
				for wg.Wait(); drainUI(); wg.Wait() {
				}
				if !streamed {
					v.spec.stream = nil
				}
				for b.Loop() {
					b.StopTimer()
					resetPeak()
					sent = 0
					b.StartTimer()
					test.Tap(v.printBtn)
					p := v.printDlg
					settlePrint(p)
					test.Tap(p.printBtn)
					settlePrint(p)
					if sent != v.preview.total {
						b.Fatalf("%d pages sent of %d: %q", sent, v.preview.total, p.status.Text)
					}
					p.dlg.Hide()
				}
				reportPeak(b)
				b.ReportMetric(float64(sent), "pages")
				v.dlg.Hide()
			})
		}
	}
}
