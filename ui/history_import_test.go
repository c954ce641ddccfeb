package ui

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"khenthuong"
	"khenthuong/certificates"
)

// writeSignedDecision writes a decision as the office printed and signed
// it, with the application's own PDF writer.
func writeSignedDecision(t *testing.T, path string) {
	t.Helper()
	rec := func(k khenthuong.Kind, title, name, position, unit string) khenthuong.Recipient {
		return khenthuong.Recipient{Nominee: khenthuong.Nominee{Kind: k, Title: title, Name: name, Position: position, Unit: unit}}
	}
	d := &khenthuong.Decision{
		FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2022-10-24"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam", Status: khenthuong.DecisionIssued,
		Recipients: []khenthuong.Recipient{
			rec(khenthuong.Collective, "", "Phòng Phổ biến, giáo dục pháp luật", "", "Sở Tư pháp"),
			rec(khenthuong.Individual, "Ông", "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
			rec(khenthuong.Individual, "Đại tá", "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
		},
	}
	var form *khenthuong.AwardForm
	for _, f := range khenthuong.DefaultForms() {
		if f.Code == d.FormCode {
			form = &f
		}
	}
	s := khenthuong.DefaultSettings()
	var buf bytes.Buffer
	if err := certificates.WriteDecision(&buf, certificates.DecisionDoc{Decision: d, Form: form, Settings: &s}, certificates.DecisionOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func settleArchive(a *archiveImport) {
	for {
		a.reading.Wait()
		a.saving.Wait()
		if !drainUI() {
			return
		}
	}
}

func TestArchiveImportWindow(t *testing.T) {
	dir := t.TempDir()
	writeSignedDecision(t, filepath.Join(dir, "a-2871.pdf"))
	scan := fpdf.New("P", "mm", "A4", "")
	scan.AddPage()
	scan.Rect(10, 10, 100, 100, "F")
	if err := scan.OutputFileAndClose(filepath.Join(dir, "b-scan.pdf")); err != nil {
		t.Fatal(err)
	}
	f := newFake()
	m := newTestUI(t, f)
	showPage(t, m, pageLookup)
	s := m.lookup
	s.pickFolder = func(_ fyne.Window, done func(string)) { done(dir) }
	test.Tap(s.importFolder)
	a := s.archive
	if a == nil {
		t.Fatal("no archive import started")
	}
	settleArchive(a)
	// The recognised decision, shown for correction.
	if a.number.Text != "2871/QĐ-UBND" || a.date.Text != "24/10/2022" || a.form.SelectedIndex() < 0 || a.forms[a.form.SelectedIndex()].Code != "BKCT" {
		t.Errorf("recognised %q %q form %d", a.number.Text, a.date.Text, a.form.SelectedIndex())
	}
	if a.signerName.Text != "Hoàng Nam" || a.rowCount() != 3 || a.cellText(1, 3) != "Trương Quang Sáng" {
		t.Errorf("signer %q, %d rows, row 2 %q", a.signerName.Text, a.rowCount(), a.cellText(1, 3))
	}
	if !contains(a.heading.Text, "Tệp 1/2") {
		t.Errorf("heading %q", a.heading.Text)
	}
	if *shotDir != "" {
		fyneApp().Settings().SetTheme(theme.DefaultTheme())
		m.win.Resize(fyneSize(1280, 800))
		a.dlg.Resize(dialogSize(m.win))
		drainUI()
		out, err := os.Create(filepath.Join(*shotDir, "archive-import.png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(out, m.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		out.Close()
	}
	// A correction, then record: nothing was written before.
	if hs, _ := f.History("truong quang sang"); len(hs) != 0 {
		t.Fatalf("written before confirming: %+v", hs)
	}
	a.number.SetText("")
	if !a.saveButton.Disabled() {
		t.Error("can record a decision without a number")
	}
	a.number.SetText("2871/QĐ-UBND")
	a.signerName.SetText("Hoàng Văn Nam")
	test.Tap(a.saveButton)
	settleArchive(a)
	hs, _ := f.History("truong quang sang")
	if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "2871/QĐ-UBND" {
		t.Fatalf("history after recording: %+v", hs)
	}
	ds, _ := f.Decisions(0)
	if len(ds) != 1 || !ds[0].Archive || ds[0].SignerName != "Hoàng Văn Nam" {
		t.Errorf("decisions %+v", ds)
	}
	// The scan is reported, with the recorded file, once all are done.
	if text := overlayText(m.win.Canvas()); !contains(text, "a-2871.pdf: đã ghi") || !contains(text, "b-scan.pdf") || !contains(text, "bản quét") {
		t.Errorf("report reads %q", text)
	}
}

// A list in Excel names no decision: the clerk types the number and date
// and chooses the form, and the list is checked against it.
func TestArchiveImportExcelList(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ds 2019.csv")
	csv := "STT;Họ và tên;Chức vụ;Đơn vị;Số sổ vàng\r\n1;Ông Nguyễn Văn An;Trưởng phòng;Sở Nội vụ;BK-2019-07\r\n2;Bà Trần Thị Hoa;Chuyên viên;Sở Nội vụ;\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFake()
	m := newTestUI(t, f)
	showPage(t, m, pageLookup)
	s := m.lookup
	s.files.open = func(_ fyne.Window, exts []string, done func(string)) { done(path) }
	test.Tap(s.importFile)
	a := s.archive
	settleArchive(a)
	if !a.saveButton.Disabled() {
		t.Fatal("a list with no number, date or form can be recorded")
	}
	a.number.SetText("15/QĐ-UBND")
	a.date.SetText("01/03/2019")
	for i, fm := range a.forms {
		if fm.Code == "BKCT" {
			a.form.SetSelectedIndex(i)
		}
	}
	settleArchive(a)
	if a.saveButton.Disabled() || a.rowCount() != 2 || a.cellText(0, 6) != "BK-2019-07" {
		t.Fatalf("after choosing the form: save disabled %v, %d rows, registry %q; problems %s", a.saveButton.Disabled(), a.rowCount(), a.cellText(0, 6), a.problems.Text)
	}
	test.Tap(a.saveButton)
	settleArchive(a)
	ds, _ := f.Decisions(0)
	if len(ds) != 1 || ds[0].Number != "15/QĐ-UBND" || ds[0].Date != khenthuong.MustDate("2019-03-01") || len(ds[0].Recipients) != 2 || ds[0].Recipients[0].RegistryNo != "BK-2019-07" {
		t.Errorf("recorded %+v", ds)
	}
}

// A row of the list with an error is corrected in the window (or left
// out) before the decision is recorded.
func TestArchiveImportCorrectsRows(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ds.csv")
	csv := "STT;Họ và tên;Chức vụ;Đơn vị\r\n1;Ông Nguyễn Văn An;Trưởng phòng;Sở Nội vụ\r\n2;;Chuyên viên;Sở Nội vụ\r\n3;Bà Lê Thị Hoa;Văn thư;Sở Nội vụ\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFake()
	m := newTestUI(t, f)
	showPage(t, m, pageLookup)
	s := m.lookup
	s.files.open = func(_ fyne.Window, _ []string, done func(string)) { done(path) }
	test.Tap(s.importFile)
	a := s.archive
	settleArchive(a)
	a.number.SetText("15/QĐ-UBND")
	a.date.SetText("01/03/2019")
	for i, fm := range a.forms {
		if fm.Code == "BKCT" {
			a.form.SetSelectedIndex(i)
		}
	}
	settleArchive(a)
	if !a.saveButton.Disabled() || a.rowCount() != 3 {
		t.Fatalf("a row without a name, not corrected: save disabled %v, %d rows", a.saveButton.Disabled(), a.rowCount())
	}
	// Double-click the row, type the name, save.
	a.table.onActivate(1)
	var entries []*textEntry
	for _, o := range drawn(m.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*textEntry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) < 5 {
		t.Fatalf("%d fields in the row's form", len(entries))
	}
	entries[1].SetText("Trần Văn Bình")
	test.Tap(overlayButton(t, m.win.Canvas(), "Lưu"))
	if a.cellText(1, 8) != "đã sửa" || a.saveButton.Disabled() {
		t.Fatalf("after the correction: %q, save disabled %v", a.cellText(1, 8), a.saveButton.Disabled())
	}
	// Leave the third row out.
	a.table.onActivate(2)
	for _, o := range drawn(m.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*checkBox); ok {
			c.SetChecked(true)
		}
	}
	test.Tap(overlayButton(t, m.win.Canvas(), "Lưu"))
	test.Tap(a.saveButton)
	settleArchive(a)
	ds, _ := f.Decisions(0)
	if len(ds) != 1 || len(ds[0].Recipients) != 2 || ds[0].Recipients[1].Nominee.Name != "Trần Văn Bình" {
		t.Errorf("recorded %+v", ds)
	}
}
