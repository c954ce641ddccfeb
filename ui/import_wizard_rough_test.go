package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// The rough edges of the import wizard a clerk met (issue 18).
func TestImportWizardRoughEdges(t *testing.T) {
	lineHeight := fyne.MeasureText("Ậg", theme.TextSize(), fyne.TextStyle{}).Height

	t.Run("ProblemListShowsSeveralLinesAndWrapsLongMessages", func(t *testing.T) {
		_, _, m, w, _ := startImport(t)
		m.win.Resize(fyneSize(1024, 700))
		w.dlg.Resize(dialogSize(m.win))
		w.problems.Refresh()
		settle(m)
		if h := w.problems.Size().Height; h < 4*lineHeight {
			t.Errorf("the problem list is %.0f high: %.1f lines", h, h/lineHeight)
		}
		var long *widget.Label
		for _, o := range drawn(w.problems) {
			if l, ok := o.(*widget.Label); ok && l.Visible() && fyne.MeasureText(l.Text, theme.TextSize(), fyne.TextStyle{}).Width > l.Size().Width+1 {
				long = l
			}
		}
		if long == nil {
			t.Fatal("no problem message longer than the list is wide: make the test's message longer")
		}
		if long.Wrapping != fyne.TextWrapWord || long.Truncation != fyne.TextTruncateOff {
			t.Errorf("a long message is cut (wrapping %v, truncation %v)", long.Wrapping, long.Truncation)
		}
		if long.Size().Height < 1.9*lineHeight {
			t.Errorf("the long message %q has %.0f of height: one line", long.Text, long.Size().Height)
		}
	})

	t.Run("ValidOnlyClearsTheOrangeRefusal", func(t *testing.T) {
		_, _, _, w, _ := startImport(t)
		if w.summary.Importance != widget.WarningImportance || !contains(w.summary.Text, "còn 1 dòng có lỗi") {
			t.Fatalf("before: %q (importance %v)", w.summary.Text, w.summary.Importance)
		}
		w.validOnly.SetSelected(w.validOnly.Options[1])
		if contains(w.summary.Text, "còn 1 dòng có lỗi") || w.summary.Importance == widget.WarningImportance {
			t.Errorf("after choosing valid rows only: %q (importance %v)", w.summary.Text, w.summary.Importance)
		}
		if !contains(w.summary.Text, "1 dòng có lỗi sẽ không được nhập") {
			t.Errorf("the summary does not say what is left out: %q", w.summary.Text)
		}
		w.validOnly.SetSelected(w.validOnly.Options[0])
		if !contains(w.summary.Text, "còn 1 dòng có lỗi") {
			t.Errorf("back to all rows: %q", w.summary.Text)
		}
	})

	t.Run("TitleColumnFitsItsHeader", func(t *testing.T) {
		_, _, m, w, _ := startImport(t)
		settle(m)
		var title, name *widget.Label
		for _, o := range drawn(w.table) {
			if l, ok := o.(*widget.Label); ok && l.Visible() {
				switch l.Text {
				case "Danh xưng":
					title = l
				case importColumnTitle(impColName):
					name = l
				}
			}
		}
		if title == nil || name == nil {
			t.Fatal("headers not drawn")
		}
		need := fyne.MeasureText("Danh xưng", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
		if title.Size().Width < need+2*theme.InnerPadding() {
			t.Errorf("“Danh xưng” needs %.0f, its column gives %.0f: it runs into “%s”", need+2*theme.InnerPadding(), title.Size().Width, name.Text)
		}
	})

	t.Run("DoneDialogNamesTheFormat", func(t *testing.T) {
		for _, c := range []struct{ path, want string }{
			{"a.csv", "Nhập từ tệp CSV"}, {"a.xlsx", "Nhập từ Excel"}, {"a.xls", "Nhập từ Excel"},
			{"a.docx", "Nhập từ văn bản Word"}, {"a.doc", "Nhập từ văn bản Word"}, {"a.ods", "Nhập từ bảng tính OpenDocument"}, {"", "Nhập danh sách dán vào"},
		} {
			if got := (&importWizard{path: c.path}).doneTitle(); got != c.want {
				t.Errorf("%q: %q, want %q", c.path, got, c.want)
			}
		}
		// And the dialog shown after a CSV import says so.
		f := newFake()
		c := seedCampaign(t, f, "Tổng kết năm 2024")
		dir := t.TempDir()
		path := filepath.Join(dir, "don vi.csv")
		csv := "STT;Họ và tên;Chức vụ;Đơn vị;Hình thức khen thưởng\r\n1;Ông Nguyễn Văn An;Trưởng phòng;Sở Nội vụ;BKCT\r\n"
		if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		m := newTestUI(t, f)
		w := newImportWizard(f, m.win, m.campaigns.files, c, path)
		m.campaigns.importer = w
		w.show()
		settle(m)
		test.Tap(w.importButton)
		settle(m)
		if text := overlayText(m.win.Canvas()); !contains(text, "Nhập từ tệp CSV") || contains(text, "Nhập từ Excel") {
			t.Errorf("done dialog reads %q", text)
		}
	})

	t.Run("RejectedRowsSavedForTheUnit", func(t *testing.T) {
		_, _, m, w, _ := startImport(t)
		out := ""
		w.files.save = func(_ fyne.Window, name string, exts []string, done func(string)) {
			if !strings.HasSuffix(name, ".xlsx") {
				t.Errorf("suggested name %q", name)
			}
			out = filepath.Join(t.TempDir(), name)
			done(out)
		}
		if w.saveRejected.Disabled() {
			t.Fatal("cannot save the rows with errors")
		}
		test.Tap(w.saveRejected)
		settle(m)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows(f.GetSheetList()[0])
		if len(rows) != 2 || rows[0][8] != "Lỗi cần sửa" || rows[0][7] != "Số hồ sơ lưu trữ" || rows[1][1] != "Bà Trần Thị Bình" || rows[1][7] != "HS-03" {
			t.Errorf("saved %q", rows)
		}
	})

	t.Run("PastedListReadsAsTheFile", func(t *testing.T) {
		f := newFake()
		c := seedCampaign(t, f, "Tổng kết năm 2024")
		m := newTestUI(t, f)
		s := m.campaigns
		s.table.selectRow(0)
		if s.pasteButton.Disabled() {
			t.Fatal("Dán danh sách disabled with a campaign selected")
		}
		test.Tap(s.pasteButton)
		var entry *textEntry
		for _, o := range m.win.Canvas().Overlays().List() {
			for _, d := range drawn(o) {
				if e, ok := d.(*textEntry); ok && e.MultiLine {
					entry = e
				}
			}
		}
		if entry == nil {
			t.Fatal("no box to paste into")
		}
		entry.SetText("I. TẬP THỂ\n1. Phòng Tư pháp huyện Gio Linh;\nII. CÁ NHÂN\n1. Ông Nguyễn Văn An, Trưởng phòng Tư pháp huyện;\n2. Bà Trần Thị Hoa, Chuyên viên Phòng Tư pháp huyện./.")
		if *shotDir != "" {
			m.win.Resize(fyneSize(1024, 700))
			drainUI()
			out, err := os.Create(filepath.Join(*shotDir, "paste-list.png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(out, m.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			out.Close()
		}
		test.Tap(overlayButton(t, m.win.Canvas(), "Đọc"))
		settle(m)
		w := s.importer
		if w == nil || w.im == nil || len(w.im.Rows) != 3 {
			t.Fatalf("pasted list read as %+v", w)
		}
		w.formSelect.SetSelectedIndex(1 + formIndex(w, "BKCT"))
		settle(m)
		if w.importButton.Disabled() {
			t.Fatalf("cannot import the pasted list: %s", w.summary.Text)
		}
		test.Tap(w.importButton)
		settle(m)
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if len(ns) != 3 || ns[1].Nominee.Title != "Ông" || ns[1].Nominee.Position != "Trưởng phòng Tư pháp huyện" || ns[0].Nominee.Kind != khenthuong.Collective {
			t.Errorf("stored %+v", ns)
		}
	})

	t.Run("Screenshot", func(t *testing.T) {
		if *shotDir == "" {
			t.Skip("no -shots folder")
		}
		fyneApp().Settings().SetTheme(theme.DefaultTheme())
		_, _, m, w, _ := startImport(t)
		m.win.Resize(fyneSize(1024, 700))
		w.dlg.Resize(dialogSize(m.win))
		w.validOnly.SetSelected(w.validOnly.Options[1])
		settle(m)
		w.problems.Refresh()
		settle(m)
		img := m.win.Canvas().Capture()
		out, err := os.Create(filepath.Join(*shotDir, "import-wizard.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
	})
}

func formIndex(w *importWizard, code string) int {
	for i, f := range w.forms {
		if f.Code == code {
			return i
		}
	}
	return -1
}
