package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"khenthuong/certificates"
)

// TestPrintScreenshots draws In ấn, the template editor and the import
// wizard with sample data, like TestScreenshots: go test -tags
// migrated_fynedo ./ui/ -run PrintScreenshots -shots ../docs
// (docs/print.png, template-editor.png and import-wizard.png).
func TestPrintScreenshots(t *testing.T) {
	if *shotDir == "" {
		t.Skip("no -shots folder")
	}
	f := newFake()
	seedIssued(t, f)
	m := newTestUI(t, f)
	fyneApp().Settings().SetTheme(theme.DefaultTheme())
	m.win.Resize(fyneSize(1280, 800))
	save := func(name string) {
		settle(m)
		out, err := os.Create(filepath.Join(*shotDir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, m.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}

	showPage(t, m, pagePrinting)
	settle(m)
	s := m.printing
	s.modeRadio.SetSelected(s.modeRadio.Options[1]) // plain paper: the whole certificate
	s.recipients.Select(1)
	save("print")

	test.Tap(s.editButton)
	e := s.editor
	e.selectField(fieldIndex(e.tpl, certificates.KeyName))
	save("template-editor")
	e.dirty = false
	e.close()

	showPage(t, m, pageCampaigns)
	path := writeUnitFile(t, t.TempDir())
	m.campaigns.files.open = func(_ fyne.Window, _ []string, done func(string)) { done(path) }
	test.Tap(m.campaigns.importButton)
	save("import-wizard")
}
