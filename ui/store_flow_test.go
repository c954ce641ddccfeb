package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/store"
)

// TestFlowOnTheStore drives the review, a decision and the award history
// through the screens on a real data file, as a clerk would: approve some
// nominations, reject one with a reason, make and issue a decision, see its
// registry numbers and amounts, fail to change it, amend it with a reason,
// find the person in Tra cứu and save the decision's PDF.
func TestFlowOnTheStore(t *testing.T) {
	clock := time.Date(2025, 10, 24, 9, 0, 0, 0, time.UTC)
	db, err := store.Open(filepath.Join(t.TempDir(), "khenthuong.db"), store.Options{
		User: "canbo", NoBackup: true, Now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var _ khenthuong.Services = db

	c := khenthuong.Campaign{Name: "Tổng kết 2024", CeremonyDate: khenthuong.MustDate("2024-06-20")}
	if err := db.CreateCampaign(&c); err != nil {
		t.Fatal(err)
	}
	ns := sampleNominations()
	for i := range ns {
		ns[i].CampaignID = c.ID
	}
	if err := db.CreateNominations(ns); err != nil {
		t.Fatal(err)
	}

	a := test.NewTempApp(t)
	drainUI()
	m := New(a, db, Options{DataPath: "khenthuong.db"})
	m.win.Resize(fyne.NewSize(1600, 900))
	t.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	cv := m.win.Canvas()

	// Đề nghị: approve five in bulk, reject one with a reason.
	showPage(t, m, pageNominations)
	s := m.nominations
	tapCell(t, s.table, 0, colName)
	holdKeys(t, fyne.KeyModifierShift)
	tapCell(t, s.table, 4, colName)
	keyModifiers = func() fyne.KeyModifier { return fyne.KeyModifierControl }
	tapCell(t, s.table, 3, colName) // Ctrl+click takes Nguyễn Văn An out again
	keyModifiers = func() fyne.KeyModifier { return fyne.KeyModifierControl }
	tapCell(t, s.table, 5, colName)
	if got := len(s.markedIDs()); got != 5 {
		t.Fatalf("%d rows marked, want 5", got)
	}
	test.Tap(s.review.approveButton)
	waitAll(m)
	keyModifiers = func() fyne.KeyModifier { return 0 }
	tapCell(t, s.table, 3, colName)
	test.Tap(s.review.rejectButton)
	test.Tap(s.review.rejecter.confirm)
	if got := s.review.rejecter.form.errorText("reject_reason"); got == "" {
		t.Error("an empty reason was accepted")
	}
	test.Type(s.review.rejecter.reason, "Đã được khen cùng thành tích")
	test.Tap(s.review.rejecter.confirm)
	waitAll(m)
	if got := columnTexts(t, s.table, colStatus, 6); !slices.Equal(got, []string{"Được duyệt", "Được duyệt", "Được duyệt", "Không duyệt", "Được duyệt", "Được duyệt"}) {
		t.Fatalf("statuses %q", got)
	}

	// Quyết định: create from the approved ones, issue.
	showPage(t, m, pageDecisions)
	d := m.decisions
	test.Tap(d.newButton)
	waitAll(m)
	e := d.editor
	if e == nil || len(e.picker.checkedIDs()) != 5 {
		t.Fatalf("new decision dialog %+v", e)
	}
	test.Type(e.number, "2871/QĐ-UBND")
	e.date.SetText("24/10/2025")
	test.Tap(e.save)
	waitAll(m)
	if d.editor != nil {
		t.Fatalf("not created: %q", e.form.errorText(""))
	}
	// Blanks the wording uses grey Ban hành out, named; filled in, it goes.
	if !d.issueButton.Disabled() || !contains(d.blanks.Text, "còn để trống tên người ký, số tờ trình, ngày tờ trình") {
		t.Errorf("issuing with blanks: enabled %v, note %q", !d.issueButton.Disabled(), d.blanks.Text)
	}
	test.Tap(d.editButton)
	waitAll(m)
	e = d.editor
	test.Type(e.signerName, "Hoàng Nam")
	test.Type(e.submissionNo, "312/TTr-SNV")
	e.submissionDate.SetText("10/10/2025")
	test.Tap(e.save)
	waitAll(m)
	test.Tap(d.issueButton)
	test.Tap(overlayButton(t, cv, "Ban hành"))
	waitAll(m)
	if got := recipientColumn(t, d, recColRegistry); !slices.Equal(got, []string{"BKCT-2025-0001", "BKCT-2025-0002",
		"BKCT-2025-0003", "BKCT-2025-0004", "BKCT-2025-0005"}) {
		t.Errorf("registry numbers %q", got)
	}
	if got := recipientColumn(t, d, recColAmount); !slices.Equal(got, []string{"7.020.000", "3.510.000", "3.510.000", "3.510.000", "3.510.000"}) {
		t.Errorf("amounts %q", got)
	}
	if !d.editButton.Disabled() || !d.deleteButton.Disabled() {
		t.Error("an issued decision can be edited or deleted")
	}
	d.deleteSelected()
	test.Tap(overlayButton(t, cv, "Xóa"))
	if got := overlayText(cv); !contains(got, "đã ban hành") {
		t.Errorf("deleting an issued decision: %q", got)
	}
	dismissDialogs(cv)

	// Đính chính with a reason.
	test.Tap(d.amendButton)
	e = d.editor
	e.signerName.SetText("Hoàng Văn Nam")
	test.Type(e.reason, "Sai tên người ký")
	test.Tap(e.save)
	waitAll(m)
	if d.editor != nil {
		t.Fatalf("amendment refused: %q", e.form.errorText(""))
	}
	stored, _ := db.Decision(d.current.ID)
	if len(stored.Amendments) != 1 || stored.Amendments[0].Reason != "Sai tên người ký" || stored.Amendments[0].User != "canbo" {
		t.Errorf("amendments %+v", stored.Amendments)
	}

	// The PDF of the decision.
	dir := t.TempDir()
	m.saver.choose = func(name string, done func(string)) { done(filepath.Join(dir, name)) }
	m.saver.open = func(string) error { return nil }
	test.Tap(d.docButtons[docDecision])
	waitAll(m)
	test.Tap(d.doc.save)
	waitAll(m)
	if data, err := os.ReadFile(filepath.Join(dir, "QD-2871-QD-UBND.pdf")); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Errorf("decision PDF: %v", err)
	}
	dismissDialogs(cv)

	// Tra cứu: typed without tones.
	showPage(t, m, pageLookup)
	h := m.lookup
	test.Type(h.search, "truong quang sang")
	waitAll(m)
	if len(h.results) != 1 {
		t.Fatalf("%d results", len(h.results))
	}
	row := historyRow(t, h, 0)
	if row[histColDecision] != "2871/QĐ-UBND" || row[histColRegistry] != "BKCT-2025-0002" || row[histColAmount] != "3.510.000" {
		t.Errorf("history row %q", row)
	}
}
