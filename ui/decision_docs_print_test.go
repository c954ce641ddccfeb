package ui

import (
	"reflect"
	"strconv"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"khenthuong/page"
)

// "In…" of a long decision's list and payment list (2,000 recipients)
// streams the document: the printer gets exactly the pages of the range,
// the very pages the preview shows, and the last page of all; no job holds
// the pages.
func TestLongDecisionDocumentsPrintTheirRange(t *testing.T) {
	db, m, d := openScaleDecision(t, 2000)
	var sent []page.Page
	held := fakeStreamPrinter(t, func(pg page.Page) { sent = append(sent, pg) })
	for _, kind := range []docKind{docList, docPayments} {
		var wg sync.WaitGroup
		v := openDocument(decisionDocument(db, kind, d, ""), m.saver, m.win, &wg)
		for wg.Wait(); drainUI(); wg.Wait() {
		}
		pv := v.preview
		if len(pv.pages) != previewPages || pv.total <= previewPages {
			t.Fatalf("%s: preview of %d pages of %d", v.spec.title, len(pv.pages), pv.total)
		}
		for _, tc := range []struct {
			spec string
			want []page.Page
		}{
			{"2, 29-30", []page.Page{pv.pages[1], pv.pages[28], pv.pages[29]}},
			{strconv.Itoa(pv.total), nil}, // the last page: its count is checked
		} {
			sent = nil
			test.Tap(v.printBtn)
			p := v.printDlg
			settlePrint(p)
			p.pageList.SetText(tc.spec)
			test.Tap(p.printBtn)
			settlePrint(p)
			switch {
			case *held:
				t.Errorf("%s %q: the job holds its pages", v.spec.title, tc.spec)
			case tc.want == nil && len(sent) != 1:
				t.Errorf("%s %q: %d pages sent, want 1; status %q", v.spec.title, tc.spec, len(sent), p.status.Text)
			case tc.want != nil && !reflect.DeepEqual(sent, tc.want):
				t.Errorf("%s %q: %d pages sent, not the preview's %d; status %q", v.spec.title, tc.spec, len(sent), len(tc.want), p.status.Text)
			}
			p.dlg.Hide()
		}
		v.dlg.Hide()
	}
}
