package ui

import (
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth/scale"
)

// A long decision on Quyết định (2,000 recipients, scale.DecisionFile): the
// details pane reads its recipients a page at a time as the list shows them,
// and the list and payment list preview their first 30 pages, saying the
// file saved has all N, which it has.
func TestLongDecisionOnDecisions(t *testing.T) {
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Fatal("pdfinfo is missing: install poppler-utils (make setup does)")
	}
	path, err := scale.CopyDecision(2000, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := test.NewTempApp(t)
	drainUI()
	m := New(a, db, Options{DataPath: path})
	m.win.Resize(fyne.NewSize(1600, 900))
	t.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	dir := t.TempDir()
	m.saver.choose = func(name string, done func(string)) { done(filepath.Join(dir, name)) }
	m.saver.open = func(string) error { return nil }

	showPage(t, m, pageDecisions)
	s := m.decisions
	cs, err := db.Campaigns()
	if err != nil || len(cs) != 1 {
		t.Fatalf("campaigns %v, %v", cs, err)
	}
	s.setCampaign(cs[0].ID)
	waitAll(m)
	tapCell(t, s.table, 0, decColNumber)
	waitAll(m)
	if s.current == nil || s.current.Recipients != nil || s.recipientCount() != 2000 {
		t.Fatalf("detail: %+v, %d recipients", s.current, s.recipientCount())
	}
	last, err := db.Recipients(s.current.ID, khenthuong.Page{Offset: 1999, Limit: 1})
	if err != nil || len(last) != 1 {
		t.Fatalf("last recipient: %v, %v", last, err)
	}
	if no, name := s.recipientText(1999, recColNo), s.recipientText(1999, recColName); no != "2000" || name != last[0].Nominee.DisplayName() {
		t.Errorf("row 2000 reads %q %q, want %q", no, name, last[0].Nominee.DisplayName())
	}
	if held := len(s.recs.rows); held > 8 {
		t.Errorf("the detail holds %d pages of recipients", held)
	}
	shot := func(name string) { // with -shots DIR, for a person to look at
		if *shotDir == "" {
			return
		}
		out, err := os.Create(filepath.Join(*shotDir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, m.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	shot("decision-long")

	pagesRe := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
	for _, kind := range []docKind{docList, docPayments} {
		test.Tap(s.docButtons[kind])
		waitAll(m)
		v := s.doc
		p := v.preview
		if len(p.pages) != previewPages || p.total <= previewPages {
			t.Fatalf("%s: preview of %d pages of %d", v.spec.title, len(p.pages), p.total)
		}
		want := fmt.Sprintf("Xem trước 30 trang đầu; tệp lưu có đủ %s trang", formatCount(p.total))
		if !p.note.Visible() || p.note.Text != want {
			t.Errorf("%s: note %q (shown %v), want %q", v.spec.title, p.note.Text, p.note.Visible(), want)
		}
		shot("decision-long-" + strconv.Itoa(int(kind)))
		test.Tap(v.save)
		waitAll(m)
		if v.savedPath == "" {
			t.Fatalf("%s: not saved: %q", v.spec.title, v.status.Text)
		}
		out, err := exec.Command(pdfinfo, v.savedPath).Output()
		if err != nil {
			t.Fatal(err)
		}
		got := pagesRe.FindSubmatch(out)
		if got == nil || string(got[1]) != strconv.Itoa(p.total) {
			t.Errorf("%s: %s has %q pages, the preview said %d", v.spec.title, v.savedPath, got, p.total)
		}
		t.Logf("%s: %d pages", filepath.Base(v.savedPath), p.total)
		dismissDialogs(m.win.Canvas())
	}
}
