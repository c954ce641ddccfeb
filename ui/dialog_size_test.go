package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// TestDialogsKeepFynesHeight: giving a dialog Vietnamese buttons (Đóng, Hủy)
// must not change its size. Relabelling refreshed the pop-up before it was
// shown, which fixed its height while the message had no width yet to wrap in:
// an information dialog twice as tall as Fyne's own, the text far above Đóng.
func TestDialogsKeepFynesHeight(t *testing.T) {
	msg := "Đã nhập 5.205 đề nghị vào “Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023”.\nCó 57 cảnh báo (có thể trùng và các vấn đề khác) nên xem lại ở Đề nghị."
	for _, c := range []struct {
		name       string
		ours, fyne func(w fyne.Window)
	}{
		{"information",
			func(w fyne.Window) { showInfo("Nhập từ Excel", msg, w) },
			func(w fyne.Window) { dialog.NewInformation("Nhập từ Excel", msg, w).Show() }},
		{"error",
			func(w fyne.Window) { showError(&khenthuong.Error{Code: khenthuong.EINVALID, Message: msg}, w) },
			func(w fyne.Window) { dialog.NewError(errors.New(msg), w).Show() }},
		{"confirmation",
			func(w fyne.Window) { askConfirm(w, "Ban hành", msg, "Ban hành", 0, func() {}, nil) },
			func(w fyne.Window) { dialog.NewConfirm("Ban hành", msg, nil, w).Show() }},
	} {
		t.Run(c.name, func(t *testing.T) {
			size := func(show func(fyne.Window)) fyne.Size {
				w := test.NewWindow(nil)
				defer w.Close()
				w.Resize(fyne.NewSize(1280, 800))
				show(w)
				top := w.Canvas().Overlays().Top()
				if top == nil {
					t.Fatal("no dialog shown")
				}
				return top.(*widget.PopUp).Content.Size()
			}
			got, want := size(c.ours), size(c.fyne)
			if got.Height != want.Height { // the width follows the buttons' words
				t.Errorf("dialog %v, Fyne's own %v", got, want)
			}
		})
	}
}
