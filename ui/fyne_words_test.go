package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// No English word of Fyne's own widgets is left on the screens.
func TestFyneWordsInVietnamese(t *testing.T) {
	t.Run("NoSelectOneOnAnyPage", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
		m := newTestUI(t, f)
		for p := range numPages {
			showPage(t, m, p)
			waitAll(m)
			for _, o := range drawn(m.win.Content()) {
				if s, ok := o.(*widget.Select); ok && s.Visible() && s.PlaceHolder == fyneSelectPlaceHolder {
					t.Errorf("%s: a select shows %q", m.rail[p].Text, fyneSelectPlaceHolder)
				}
			}
		}
	})

	t.Run("NoSelectOneInAForm", func(t *testing.T) {
		f := newFieldForm()
		sel := widget.NewSelect([]string{"a", "b"}, nil)
		f.add("x", "X", sel)
		if sel.PlaceHolder != "(chọn)" {
			t.Errorf("a form's select shows %q", sel.PlaceHolder)
		}
	})

	t.Run("FileDialogPlaces", func(t *testing.T) {
		home := t.TempDir()
		for _, d := range []string{"Desktop", "Documents", "Downloads"} {
			if err := os.Mkdir(filepath.Join(home, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		t.Setenv("HOME", home)
		m := newTestUI(t, newFake())
		saveFileDialog(m.win, "danh-sach.xlsx", []string{".xlsx"}, func(string) {})
		var places fyne.CanvasObject // the list on the left; the right lists the folder's files
		walkPublic(m.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if s, ok := o.(*container.Split); ok {
				places = s.Leading
			}
		})
		if places == nil {
			t.Fatal("no list of places in the dialog")
		}
		var labels []string
		for _, o := range drawn(places) {
			if l, ok := o.(*widget.Label); ok && l.Visible() {
				labels = append(labels, l.Text)
			}
		}
		for _, want := range []string{"Thư mục cá nhân", "Máy tính", "Màn hình nền", "Tài liệu", "Tải về"} {
			if !slices.Contains(labels, want) {
				t.Errorf("no place %q in %q", want, labels)
			}
		}
		for _, english := range []string{"Home", "Computer", "Desktop", "Documents", "Downloads"} {
			if slices.Contains(labels, english) {
				t.Errorf("the dialog still reads %q", english)
			}
		}
	})
}
