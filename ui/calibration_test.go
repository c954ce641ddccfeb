package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

func TestCalibration(t *testing.T) {
	open := func(t *testing.T, f *fakeServices) (*MainWindow, *printScreen, *calibrationWizard) {
		t.Helper()
		m := newTestUI(t, f)
		showPage(t, m, pagePrinting)
		settle(m)
		s := m.printing
		s.openCalibration()
		if s.calibration == nil {
			t.Fatal("no calibration wizard")
		}
		return m, s, s.calibration
	}
	measure := func(c *calibrationWizard, row, mark int, x, y string) {
		c.marks[row].mark.SetSelectedIndex(mark - 1)
		c.marks[row].x.SetText(x)
		c.marks[row].y.SetText(y)
	}

	t.Run("NewPrinterFromMeasuredCrosshairs", func(t *testing.T) {
		f := newFake()
		_, s, c := open(t, f)
		if !c.isNew() {
			t.Fatal("with no profile yet the wizard should start on a new printer")
		}
		test.Type(c.newName, "Canon LBP 2900 phòng 3")
		c.sizeSelect.SetSelectedIndex(1) // A4 landscape: marks at 20, 148.5, 277 × 20, 105, 190
		if got := c.marks[1].nominal.Text; got != "148,5 ; 105" {
			t.Errorf("mark #5 belongs at %q", got)
		}
		// The printer prints 1.5 mm too far right and 1 mm too high.
		measure(c, 0, 1, "21,5", "19")
		measure(c, 1, 5, "150", "104")
		measure(c, 2, 9, "278.5", "189")
		c.compute()
		if c.result == nil {
			t.Fatalf("no result: %s", c.message.Text)
		}
		if c.result.OffsetX != -1.5 || c.result.OffsetY != 1 {
			t.Errorf("offset %+v, want x −1.5, y +1", *c.result)
		}
		if !contains(c.resultLabel.Text, "lệch ngang −1,5 mm, lệch dọc +1 mm, tỉ lệ 1") {
			t.Errorf("result reads %q", c.resultLabel.Text)
		}
		if c.message.Visible() {
			t.Errorf("a warning for consistent marks: %q", c.message.Text)
		}
		test.Tap(c.saveButton)
		p, err := f.Printer("Canon LBP 2900 phòng 3")
		if err != nil {
			t.Fatal(err)
		}
		if p.OffsetX != -1.5 || p.OffsetY != 1 || p.Scale != 1 {
			t.Errorf("stored %+v", *p)
		}
		if s.printerSelect.Selected != "Canon LBP 2900 phòng 3" {
			t.Errorf("In ấn uses printer %q after saving", s.printerSelect.Selected)
		}
	})

	t.Run("ExistingProfileIsCorrectedFromWhereItPrints", func(t *testing.T) {
		f := newFake()
		p := khenthuong.PrinterProfile{Name: "HP phòng 1", OffsetX: 2, OffsetY: -1, Scale: 1}
		if err := f.SavePrinter(&p); err != nil {
			t.Fatal(err)
		}
		_, _, c := open(t, f)
		if c.isNew() || c.profile().Name != "HP phòng 1" {
			t.Fatalf("wizard on %q", c.profile().Name)
		}
		if !contains(c.current.Text, "lệch ngang +2 mm, lệch dọc −1 mm") {
			t.Errorf("current profile reads %q", c.current.Text)
		}
		c.sizeSelect.SetSelectedIndex(0) // A3 landscape
		// Printed through the profile, the marks still land 0.5 mm left and 0.4 mm low.
		measure(c, 0, 1, "19,5", "20,4")
		measure(c, 1, 9, "399,5", "277,4")
		measure(c, 2, 5, "", "") // two crosshairs only
		c.compute()
		if c.result == nil || c.result.OffsetX != 2.5 || c.result.OffsetY != -1.4 {
			t.Fatalf("result %+v: %s", c.result, c.message.Text)
		}
		test.Tap(c.saveButton)
		got, _ := f.Printer("HP phòng 1")
		if got.OffsetX != 2.5 || got.OffsetY != -1.4 {
			t.Errorf("stored %+v", *got)
		}
	})

	t.Run("UnevenMarksAreWarnedAbout", func(t *testing.T) {
		_, _, c := open(t, newFake())
		test.Type(c.newName, "Máy co giãn")
		c.sizeSelect.SetSelectedIndex(1)
		// The bottom right corner lands 4 mm low, the others where they belong:
		// no shift and scale does that.
		measure(c, 0, 1, "20", "20")
		measure(c, 1, 5, "148,5", "105")
		measure(c, 2, 9, "277", "194")
		c.compute()
		if !c.message.Visible() || !contains(c.message.Text, "không đều") {
			t.Errorf("no warning for a corner 4 mm off: %q", c.message.Text)
		}
	})

	t.Run("StretchingPrinterGetsAScale", func(t *testing.T) {
		_, _, c := open(t, newFake())
		test.Type(c.newName, "Máy giãn 1%")
		c.sizeSelect.SetSelectedIndex(1)
		// Everything lands 1% farther from the top left corner, and 1 mm right.
		measure(c, 0, 1, "21,2", "20,2")
		measure(c, 1, 9, "280,77", "191,9")
		measure(c, 2, 5, "", "") // two crosshairs only
		c.compute()
		if c.result == nil || c.result.Scale != 0.9901 || c.result.OffsetX != -1 || c.result.OffsetY != 0 {
			t.Fatalf("result %+v: %s", c.result, c.message.Text)
		}
		if !contains(c.resultLabel.Text, "tỉ lệ 0,9901") || c.message.Visible() {
			t.Errorf("result reads %q, message %q", c.resultLabel.Text, c.message.Text)
		}
	})

	t.Run("CloseMarksKeepTheScale", func(t *testing.T) {
		_, _, c := open(t, newFake())
		test.Type(c.newName, "Máy B")
		c.sizeSelect.SetSelectedIndex(1)
		measure(c, 0, 1, "21", "21")
		measure(c, 1, 2, "149,5", "21")
		measure(c, 2, 5, "", "") // two crosshairs only
		c.compute()
		if c.result == nil || c.result.Scale != 1 || !contains(c.message.Text, "giữ nguyên tỉ lệ") {
			t.Errorf("result %+v, message %q", c.result, c.message.Text)
		}
	})

	t.Run("BadMeasureNamesTheCrosshair", func(t *testing.T) {
		_, _, c := open(t, newFake())
		test.Type(c.newName, "Máy A")
		c.sizeSelect.SetSelectedIndex(1)
		measure(c, 0, 1, "hai mươi", "20")
		c.compute()
		if c.result != nil || !contains(c.message.Text, "Dấu #1") {
			t.Errorf("message %q", c.message.Text)
		}
		if !c.saveButton.Disabled() {
			t.Error("save enabled without a result")
		}
	})

	t.Run("CalibrationPageIsAPDF", func(t *testing.T) {
		_, _, c := open(t, newFake())
		c.sizeSelect.SetSelectedIndex(2)
		c.customSize.SetText("400x300")
		if got := c.marks[1].nominal.Text; got != "200 ; 150" {
			t.Errorf("mark #5 of 400 × 300 belongs at %q", got)
		}
		dir := t.TempDir()
		var opened string
		c.open = func(p string) error { opened = p; return nil }
		c.files.save = func(_ fyne.Window, name string, _ []string, done func(string)) { done(filepath.Join(dir, name)) }
		c.savePage()
		data, err := os.ReadFile(opened)
		if err != nil {
			t.Fatalf("no page written (%v); message %q", err, c.message.Text)
		}
		if !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Error("the calibration page is not a PDF")
		}
	})
}
