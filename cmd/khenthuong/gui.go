package main

import (
	"fmt"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/ui"
)

// appID identifies the application to the OS (preferences, notifications).
const appID = "vn.gov.khenthuong"

// runGUI opens the desktop window on the data file.
func runGUI(e *env) int {
	a := app.NewWithID(appID)
	if c, password, ok := e.windowServer(a); ok {
		return runServerGUI(a, e, c, password)
	}
	db, err := e.openWindowData()
	if err != nil {
		slog.Error("không mở được tệp dữ liệu", "path", e.where(), "err", err)
		showFatal(a, e.dbPath, err)
		return 1
	}
	defer db.Close()
	ui.New(a, db, ui.Options{DataPath: e.where(), Version: version, Open: fileOpener}).ShowAndRun()
	return 0
}

// showFatal tells the clerk, in a window, why the program cannot start; for a
// damaged file it offers to restore the latest automatic backup.
func showFatal(a fyne.App, path string, err error) {
	w := a.NewWindow("Khen thưởng")
	label := widget.NewLabel(khenthuong.ErrorMessage(err))
	label.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(widget.NewButton("Đóng", a.Quit))
	if khenthuong.ErrorCode(err) == khenthuong.ECORRUPT {
		if backup, _ := store.LatestBackup(path); backup != "" {
			restore := widget.NewButton("Khôi phục bản sao lưu gần nhất", nil)
			restore.OnTapped = func() {
				restore.Disable()
				if err := store.Restore(backup, path, store.Options{}); err != nil {
					label.SetText(khenthuong.ErrorMessage(err))
					return
				}
				label.SetText(fmt.Sprintf("Đã khôi phục từ %s. Tệp hỏng được giữ lại trong thư mục sao lưu. Hãy mở lại chương trình.", backup))
			}
			buttons.Add(restore)
		}
	}
	w.SetContent(container.NewBorder(nil, container.NewCenter(buttons), nil, nil, label))
	w.Resize(fyne.NewSize(600, 240))
	w.ShowAndRun()
}
