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
	db, err := store.Open(e.dbPath, store.Options{})
	if err != nil {
		slog.Error("không mở được tệp dữ liệu", "path", e.dbPath, "err", err)
		showFatal(a, e.dbPath, err)
		return 1
	}
	defer db.Close()
	ui.New(a, db, ui.Options{DataPath: e.dbPath, Version: version}).ShowAndRun()
	return 0
}

// showFatal tells the clerk, in a window, why the program cannot start.
func showFatal(a fyne.App, path string, err error) {
	w := a.NewWindow("Khen thưởng")
	msg := khenthuong.ErrorMessage(err)
	if khenthuong.ErrorCode(err) == khenthuong.ECORRUPT {
		if b, _ := store.LatestBackup(path); b != "" {
			msg += fmt.Sprintf("\n\nBản sao lưu gần nhất: %s\nKhôi phục bằng lệnh: khenthuong restore \"%s\"", b, b)
		}
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, widget.NewButton("Đóng", a.Quit), nil, nil, label))
	w.Resize(fyne.NewSize(560, 220))
	w.ShowAndRun()
}
