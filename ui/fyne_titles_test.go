package ui

import (
	"strings"
	"testing"
)

// The file dialogs' titles read as Vietnamese does: Fyne joins a verb and a
// noun, and the noun was capitalised ("Mở Tệp") as in English. The folder
// dialog's places are Vietnamese too.
func TestFileDialogTitles(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	for _, tc := range []struct {
		want string
		open func(m *MainWindow)
	}{
		{"Mở tệp", func(m *MainWindow) { openFileDialog(m.win, []string{".xlsx"}, func(string) {}) }},
		{"Lưu tệp", func(m *MainWindow) { saveFileDialog(m.win, "danh-sach.xlsx", []string{".xlsx"}, func(string) {}) }},
		{"Mở thư mục", func(m *MainWindow) { pickFolderDialog(m.win, func(string) {}) }},
	} {
		m := newTestUI(t, newFake())
		tc.open(m)
		got := overlayText(m.win.Canvas())
		if !strings.Contains("\n"+got, "\n"+tc.want+"\n") {
			t.Errorf("no title %q in the dialog: %q", tc.want, got)
		}
		for _, english := range []string{"Home", "Computer"} {
			if strings.Contains("\n"+got, "\n"+english+"\n") {
				t.Errorf("the %q dialog still reads %q", tc.want, english)
			}
		}
		dismissDialogs(m.win.Canvas())
	}
}
