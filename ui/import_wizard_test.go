package ui

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/roster"
)

// writeUnitFile writes a list as units send them: the issuer and a title
// over merged cells, the header on row 4, a section row, a column the
// program does not know, one impossible birth date (row 8) and a nominee
// already stored (row 9).
func writeUnitFile(tb testing.TB, dir string) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Sheet1"
	rows := [][]any{
		{"ỦY BAN NHÂN DÂN HUYỆN GIO LINH"},
		{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"},
		{},
		{"STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng", "Thành tích", "Số hồ sơ lưu trữ"},
		{"II. CÁ NHÂN"},
		{1, "Ông Nguyễn Văn An", "12/03/1975", "Trưởng phòng", "Phòng Tư pháp huyện", "BKCT", "Có thành tích xuất sắc năm 2024", "HS-01"},
		{2, "Bà Trần Thị Hoa", "05/11/1982", "Phó trưởng phòng", "Phòng Tư pháp huyện", "BKCT", "Có thành tích xuất sắc năm 2024", "HS-02"},
		{3, "Bà Trần Thị Bình", "31/02/1980", "Chuyên viên", "Phòng Tư pháp huyện", "BKCT", "Có thành tích xuất sắc năm 2024", "HS-03"},
		{4, "Ông Trương Quang Sáng", "1970", "Phó Giám đốc", "Sở Tư pháp", "BKCT", "Có thành tích xuất sắc năm 2024", "HS-04"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A1", "H1"}, {"A2", "H2"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			tb.Fatal(err)
		}
	}
	path := filepath.Join(dir, "Danh sach de nghi Gio Linh.xlsx")
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// startImport opens the wizard on the unit's file from Đợt khen thưởng.
func startImport(t *testing.T) (*fakeServices, khenthuong.Campaign, *MainWindow, *importWizard, string) {
	t.Helper()
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết năm 2024", sampleNominations()...)
	dir := t.TempDir()
	path := writeUnitFile(t, dir)
	m := newTestUI(t, f)
	s := m.campaigns
	s.files.open = func(_ fyne.Window, exts []string, done func(string)) {
		if !strings.Contains(strings.Join(exts, " "), ".xlsx") {
			t.Errorf("the file dialog offers %q", exts)
		}
		done(path)
	}
	s.files.save = func(_ fyne.Window, name string, _ []string, done func(string)) { done(filepath.Join(dir, name)) }
	if s.importButton.Disabled() {
		t.Fatal("Nhập từ Excel disabled with a campaign selected")
	}
	test.Tap(s.importButton)
	settle(m)
	w := s.importer
	if w == nil || w.im == nil {
		t.Fatal("the import wizard did not read the file")
	}
	return f, c, m, w, path
}

// rowOfLine is the table row of a line of the sheet.
func rowOfLine(tb testing.TB, w *importWizard, line int) int {
	tb.Helper()
	for i, r := range w.im.Rows {
		if r.Line == line {
			return i
		}
	}
	tb.Fatalf("line %d was not read", line)
	return -1
}

func TestImportWizard(t *testing.T) {
	t.Run("ShowsMappingMarksBadRowAndImportsValidOnly", func(t *testing.T) {
		f, c, m, w, _ := startImport(t)
		if n := len(w.im.Rows); n != 4 {
			t.Fatalf("%d rows read, want 4", n)
		}
		// The mapping: every header with its field, the unknown one marked.
		var fields []string
		for _, mc := range w.columns {
			fields = append(fields, mc.col.Letter+"="+string(mc.col.Field))
		}
		if got, want := strings.Join(fields, " "), "A=stt B=name C=birth D=position E=unit F=form G=achievement H="; got != want {
			t.Errorf("mapping %s, want %s", got, want)
		}
		var mapTexts []string
		for _, o := range drawn(w.mapBox) {
			if l, ok := o.(*widget.Label); ok {
				mapTexts = append(mapTexts, l.Text)
			}
		}
		if joined := strings.Join(mapTexts, "\n"); !contains(joined, "H. Số hồ sơ lưu trữ (không nhận ra)") || !contains(joined, "C. Ngày sinh") {
			t.Errorf("mapping shows:\n%s", joined)
		}
		// The bad row is marked, with its problem on the row.
		bad := rowOfLine(t, w, 8)
		if mk, ok := w.mark(bad); !ok || mk.severity != roster.SeverityError {
			t.Errorf("row of line 8 not marked as an error: %+v", mk)
		}
		if got := w.cellText(bad, impColProblem); !contains(got, "Ngày") {
			t.Errorf("problem column of line 8 reads %q", got)
		}
		if _, ok := w.mark(rowOfLine(t, w, 6)); ok {
			t.Error("a good row is marked")
		}
		cells := map[widget.TableCellID]*importCell{}
		for _, o := range drawn(w.table) {
			if cl, ok := o.(*importCell); ok && cl.Visible() {
				cells[cl.id] = cl
			}
		}
		if cl := cells[widget.TableCellID{Row: bad, Col: impColMark}]; cl == nil || cl.icon.Resource == nil || !contains(cl.icon.Resource.Name(), "error") {
			t.Errorf("the bad row's first cell shows no error icon")
		}
		if cl := cells[widget.TableCellID{Row: bad, Col: impColName}]; cl == nil || cl.label.Text != "Trần Thị Bình" {
			t.Errorf("the bad row's name cell: %+v", cl)
		}
		// The problem list: sheet, row, column, value and message.
		var dateProblem, dupWarning *roster.Problem
		for i, p := range w.im.Problems {
			switch {
			case p.Severity == roster.SeverityError && p.Row == 8:
				dateProblem = &w.im.Problems[i]
			case p.Severity == roster.SeverityWarning && p.Row == 9 && contains(p.Message, "trùng"):
				dupWarning = &w.im.Problems[i]
			}
		}
		if dateProblem == nil || dateProblem.Value != "31/02/1980" || !contains(dateProblem.Column, "C") || dateProblem.Sheet != "Sheet1" {
			t.Errorf("date problem %+v", dateProblem)
		}
		if dupWarning == nil {
			t.Errorf("no duplicate warning for the stored Trương Quang Sáng: %v", w.im.Problems)
		}
		if w.tabs.Items[0].Text != "Lỗi và cảnh báo ("+formatCount(len(w.im.Problems))+")" {
			t.Errorf("problems tab reads %q", w.tabs.Items[0].Text)
		}
		// All or nothing refuses; valid rows only stores the three good ones.
		if !w.importButton.Disabled() || !contains(w.summary.Text, "còn 1 dòng có lỗi") {
			t.Errorf("import allowed with an error (summary %q)", w.summary.Text)
		}
		w.validOnly.SetSelected(w.validOnly.Options[1])
		if w.importButton.Disabled() || w.importButton.Text != "Nhập 3 đề nghị" {
			t.Fatalf("import button %q disabled %v", w.importButton.Text, w.importButton.Disabled())
		}
		test.Tap(w.importButton)
		settle(m)
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if len(ns) != 9 {
			t.Fatalf("%d nominations in the campaign, want 6 + 3", len(ns))
		}
		got := ns[6:]
		want := []struct{ title, name, unit string }{
			{"Ông", "Nguyễn Văn An", "Phòng Tư pháp huyện"},
			{"Bà", "Trần Thị Hoa", "Phòng Tư pháp huyện"},
			{"Ông", "Trương Quang Sáng", "Sở Tư pháp"},
		}
		for i, n := range got {
			if n.Nominee.Title != want[i].title || n.Nominee.Name != want[i].name || n.Nominee.Unit != want[i].unit ||
				n.Status != khenthuong.StatusSubmitted || n.CampaignID != c.ID || n.FormCode != "BKCT" {
				t.Errorf("stored %d: %+v", i, n)
			}
		}
		if text := overlayText(m.win.Canvas()); !contains(text, "Đã nhập 3 đề nghị") || !contains(text, "Bỏ qua 1 dòng có lỗi") {
			t.Errorf("result reads %q", text)
		}
		if !m.nominations.stale {
			t.Error("Đề nghị is not told to load the new rows")
		}
	})

	t.Run("FixingTheMappingReadsAgain", func(t *testing.T) {
		_, _, m, w, _ := startImport(t)
		var sel *choiceSelect
		for _, o := range drawn(w.mapBox) {
			if s, ok := o.(*choiceSelect); ok {
				sel = s // the last: column H
			}
		}
		if sel == nil {
			t.Fatal("no field choices in the mapping")
		}
		sel.SetSelected("Ghi chú")
		settle(m)
		last := w.columns[len(w.columns)-1]
		if last.col.Letter != "H" || last.col.Field != roster.FieldNotes || len(w.im.Unknown) != 0 {
			t.Errorf("after choosing Ghi chú: column %+v, unknown %q", last.col, w.im.Unknown)
		}
		if n := w.im.Rows[0].Nomination.Notes; n != "HS-01" {
			t.Errorf("notes read %q", n)
		}
		// The mapping saved for the unit's next file.
		w.saveMappingFile()
		var path string
		for _, line := range strings.Split(w.summary.Text, "\n") {
			if i := strings.Index(line, "/"); i >= 0 && strings.HasSuffix(line, ".json.") {
				path = strings.TrimSuffix(line[i:], ".")
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("mapping not saved (%v): %s", err, w.summary.Text)
		}
		var saved roster.Mapping
		if err := json.Unmarshal(data, &saved); err != nil || saved.Columns["Số hồ sơ lưu trữ"] != roster.FieldNotes {
			t.Errorf("saved mapping %s (%v)", data, err)
		}
	})
}

func TestExport(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format int
		ext    string
	}{{"XLSXReadsBack", 0, ".xlsx"}, {"CSVHasBOM", 1, ".csv"}} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			c := seedCampaign(t, f, "Tổng kết năm 2024", sampleNominations()...)
			m := newTestUI(t, f)
			s := m.campaigns
			dir := t.TempDir()
			var path string
			s.files.save = func(_ fyne.Window, name string, exts []string, done func(string)) {
				if len(exts) != 1 || exts[0] != tc.ext {
					t.Errorf("save dialog filters %q", exts)
				}
				path = filepath.Join(dir, name)
				done(path)
			}
			test.Tap(s.exportButton)
			x := s.exporter
			x.format.SetSelected(x.format.Options[tc.format])
			x.order.SetSelected(x.order.Options[1])
			test.Tap(x.save)
			settle(m)
			if path != filepath.Join(dir, c.Name+tc.ext) {
				t.Errorf("suggested %q", path)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if tc.ext == ".csv" && !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
				t.Error("the CSV has no byte-order mark")
			}
			im, err := roster.Read(path, roster.ReadOptions{Forms: khenthuong.DefaultForms()})
			if err != nil {
				t.Fatal(err)
			}
			if len(im.Rows) != 6 || im.Errors() != 0 {
				t.Errorf("read back %d rows, %d errors: %v", len(im.Rows), im.Errors(), im.Problems)
			}
			if !contains(overlayText(m.win.Canvas()), "Đã xuất 6 đề nghị") {
				t.Errorf("result reads %q", overlayText(m.win.Canvas()))
			}
		})
	}
}

func TestImportWizardReadProgress(t *testing.T) {
	_, _, m, w, _ := startImport(t)
	if w.readBar.Visible() {
		t.Error("the progress bar shows after the reading ended")
	}
	w.showReadProgress(w.readGen, roster.ReadProgress{Sheet: "Danh sách", Line: 4500, Lines: 10005})
	if !w.readBar.Visible() || w.readBar.Value != 4500 || w.readBar.Max != 10005 {
		t.Errorf("bar visible %v at %v of %v, want 4500 of 10005", w.readBar.Visible(), w.readBar.Value, w.readBar.Max)
	}
	if got := w.summary.Text; !contains(got, "Danh sách") || !contains(got, "4.500") {
		t.Errorf("summary while reading reads %q", got)
	}
	// A sheet that does not declare its rows: only the count moves.
	w.readBar.Hide()
	w.showReadProgress(w.readGen, roster.ReadProgress{Sheet: "Phụ lục", Line: 500, Lines: 500})
	if w.readBar.Visible() || !contains(w.summary.Text, "Phụ lục") {
		t.Errorf("undeclared sheet: bar visible %v, summary %q", w.readBar.Visible(), w.summary.Text)
	}
	// A reading that a newer one replaced reports nothing.
	before := w.summary.Text
	w.showReadProgress(w.readGen-1, roster.ReadProgress{Sheet: "Cũ", Line: 500, Lines: 900})
	if w.summary.Text != before || w.readBar.Visible() {
		t.Errorf("a stale reading changed the wizard: %q", w.summary.Text)
	}
	w.readBar.Show()
	w.read()
	w.reading.Wait()
	settle(m)
	if w.readBar.Visible() || contains(w.summary.Text, "Phụ lục") {
		t.Errorf("after the reading: bar visible %v, summary %q", w.readBar.Visible(), w.summary.Text)
	}
}
