package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// shownLabel reports whether a visible label under o reads text.
func shownLabel(o fyne.CanvasObject, text string) bool {
	for _, x := range drawn(o) {
		if l, ok := x.(*widget.Label); ok && l.Visible() && l.Text == text {
			return true
		}
	}
	return false
}

// TestEveryScreenGreysOutWhatTheRoleMayNotDo: a chuyên viên on the office
// server finds every control that would change the catalogue, its registry
// series, the settings, the certificate templates and printer profiles, or
// issue, amend or enter decisions greyed out, with a sentence saying that the
// head does it; the head and a clerk on a data file find them all usable.
func TestEveryScreenGreysOutWhatTheRoleMayNotDo(t *testing.T) {
	const (
		catalogueWhy = "Chỉ lãnh đạo được sửa danh mục"
		settingsWhy  = "Chỉ lãnh đạo được sửa cài đặt, mẫu in và hồ sơ máy in"
		issueWhy     = "Chỉ lãnh đạo được ban hành và đính chính quyết định"
		archiveWhy   = "Chỉ lãnh đạo được nhập quyết định cũ vào sổ vàng"
	)
	for _, tc := range []struct {
		name   string
		id     khenthuong.Identity
		locked bool
	}{
		{"ClerkOnTheServer", khenthuong.Identity{Login: "nguyenvanan", Role: khenthuong.RoleClerk}, true},
		{"HeadOnTheServer", khenthuong.Identity{Login: "tranthiha", Role: khenthuong.RoleHead}, false},
		{"ClerkOnADataFile", khenthuong.Identity{Login: "canbo", Local: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			drainUI()
			fake := newFake()
			seedIssued(t, fake)
			m := New(a, identified{fake, tc.id}, Options{DataPath: "postgres://may-chu:5432/khenthuong"})
			m.win.Resize(fyne.NewSize(1600, 900))
			defer m.win.Close()
			waitAll(m)
			cv := m.win.Canvas()
			says := func(where string, o fyne.CanvasObject, why string) {
				t.Helper()
				if got := shownLabel(o, why); got != tc.locked {
					t.Errorf("%s says %q: %v, want %v", where, why, got, tc.locked)
				}
			}
			greyed := func(what string, b fyne.Disableable) {
				t.Helper()
				if b.Disabled() != tc.locked {
					t.Errorf("%s greyed out: %v, want %v", what, b.Disabled(), tc.locked)
				}
			}

			// Danh mục: add and delete greyed, edit only shows the form.
			showPage(t, m, pageCatalogue)
			c := m.catalogue
			c.table.selectRow(1)
			code, name := c.selected().Code, c.selected().Name
			greyed("New award", c.addButton)
			greyed("Delete", c.deleteButton)
			says("Danh mục", c.content(), catalogueWhy)
			if want := map[bool]string{true: "Xem", false: "Sửa"}[tc.locked]; c.editButton.Text != want || c.editButton.Disabled() {
				t.Errorf("the edit button reads %q (disabled %v), want %q", c.editButton.Text, c.editButton.Disabled(), want)
			}
			if tc.locked {
				writeShot(t, m, "catalogue-clerk")
			}
			c.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
			if asked := overlayText(cv) != ""; asked == tc.locked {
				t.Errorf("the Delete key asks to delete: %v", asked)
			}
			dismissDialogs(cv)
			c.editSelected()
			e := c.editor
			greyed("Save of the award form", e.save)
			says("the award form", cv.Overlays().Top(), catalogueWhy)
			e.name.SetText(name + " (sửa)")
			e.submit() // Enter in a field
			if f, _ := fake.Form(code); (f.Name == name) != tc.locked {
				t.Errorf("after saving, the form is named %q", f.Name)
			}
			dismissDialogs(cv)

			// Sổ vàng, from Danh mục.
			c.openSeries()
			d := c.seriesDlg
			says("Sổ vàng", cv.Overlays().Top(), catalogueWhy)
			d.table.selectRow(0)
			d.editSelected()
			greyed("Save of the series", d.editor.save)
			says("the series form", cv.Overlays().Top(), catalogueWhy)
			if tc.locked {
				writeShot(t, m, "series-clerk")
			}
			dismissDialogs(cv)
			dismissDialogs(cv)

			// Cài đặt.
			showPage(t, m, pageSettings)
			greyed("Save settings", m.settings.save)
			says("Cài đặt", m.settings.root, settingsWhy)
			if tc.locked {
				writeShot(t, m, "settings-clerk")
			}

			// Quyết định: the issued decision may not be amended.
			showPage(t, m, pageDecisions)
			tapCell(t, m.decisions.table, 0, decColNumber)
			waitAll(m)
			greyed("Amend", m.decisions.amendButton)
			says("Quyết định", m.decisions.root, issueWhy)
			if tc.locked {
				writeShot(t, m, "decisions-clerk")
			}
			if m.decisions.historyButton.Disabled() {
				t.Error("the history of changes is greyed out")
			}

			// Tra cứu: old decisions take registry numbers.
			showPage(t, m, pageLookup)
			greyed("Import old decisions", m.lookup.importFile)
			greyed("Import a folder of old decisions", m.lookup.importFolder)
			says("Tra cứu", m.lookup.root, archiveWhy)

			// In ấn: the template editor and the printer calibration.
			showPage(t, m, pagePrinting)
			settle(m)
			p := m.printing
			test.Tap(p.editButton)
			greyed("Save template", p.editor.save)
			says("the template editor", p.editor.root, settingsWhy)
			if tc.locked {
				writeShot(t, m, "template-editor-clerk")
			}
			p.editor.dirty = false
			p.editor.close()
			p.openCalibration()
			w := p.calibration
			setEnabled(w.saveButton, true) // as a computed correction does
			greyed("Save the printer profile", w.saveButton)
			says("the printer calibration", cv.Overlays().Top(), settingsWhy)
			dismissDialogs(cv)
		})
	}
}
