package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// showError tells the clerk what went wrong in words written for them: the
// domain message, or "Lỗi hệ thống, xem nhật ký" for an internal error, whose
// detail goes to the log instead of the screen.
func showError(err error, win fyne.Window) {
	if err == nil {
		return
	}
	logInternal(err)
	d := dialog.NewError(errors.New(khenthuong.ErrorMessage(err)), win)
	showDialog(win, d, nil)
	d.SetDismissText(lang.L("Close")) // Fyne's says "OK", in English; see showInfo for why after
}

// showInfo tells the clerk something; its button says Đóng, not Fyne's "OK".
func showInfo(title, message string, win fyne.Window) {
	d := dialog.NewInformation(title, message, win)
	showDialog(win, d, nil)
	// Relabelled once shown: before, the relabelling laid the dialog out in no
	// room, wrapping the message a word a line and fixing that height for good.
	d.SetDismissText(lang.L("Close"))
}

// ShowInformation is showInfo for the program's own messages (the daily
// backup's failure): Đóng, and Escape closes it.
func ShowInformation(title, message string, win fyne.Window) { showInfo(title, message, win) }

// askDelete asks the clerk to confirm a deletion and runs del on yes. The
// confirming button says "Xóa" in red, not "Có": the clerk reads what it does.
func askDelete(win fyne.Window, title, message string, del func()) {
	askConfirm(win, title, message, lang.L("Delete"), widget.DangerImportance, del, nil)
}

// askConfirm asks before an action: the confirming button names it (Xóa,
// Ban hành...), the other says Hủy and runs no (which may be nil), as does
// Escape. Fyne's own buttons would say Có and Không.
func askConfirm(win fyne.Window, title, message, action string, importance widget.Importance, yes, no func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		switch {
		case ok:
			yes()
		case no != nil:
			no()
		}
	}, win)
	showDialog(win, d, nil) // relabelled once shown, as in showInfo
	d.SetConfirmText(action)
	d.SetConfirmImportance(importance)
	d.SetDismissText(lang.L("Cancel"))
}

// logInternal writes the detail of an internal error to the log; the clerk only
// sees khenthuong.InternalMessage.
func logInternal(err error) {
	if khenthuong.ErrorCode(err) == khenthuong.EINTERNAL {
		fyne.LogError("Khen thưởng", err)
	}
}

// withField returns err as an *khenthuong.Error naming field, so that a
// parse error found by the screen (a date typed wrongly) is shown next to its
// field like the domain's own validation errors.
func withField(field string, err error) error {
	var e *khenthuong.Error
	if !errors.As(err, &e) {
		return err
	}
	c := *e
	c.Field = field
	return &c
}

// The file dialogs every screen opens (fileDialogs, defaultFileDialogs) are
// chosen here, once: the system's own where there is one (Windows: Desktop,
// Documents, Downloads, network drives, long names shown whole), Fyne's
// elsewhere.
func init() {
	if native, ok := nativeFileDialogs(); ok {
		defaultFileDialogs = native
	}
}
