package main

import (
	"fmt"
	"log/slog"
	"time"

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
	prefs := a.Preferences()
	last := savedWindow(prefs)
	m := ui.New(a, db, ui.Options{DataPath: e.where(), Version: version, Open: fileOpener,
		Size: fitWorkArea(last.size(), workArea()), DarkMode: systemDarkMode})
	w := m.Window()
	placeWindow(a, w, last)
	w.SetCloseIntercept(func() {
		x, y, placed := windowPlace(w)
		rememberWindow(prefs, w.Canvas().Size(), windowMaximized(w), x, y, placed)
		w.Close()
	})
	if file, ok := db.(*store.DB); ok {
		go dailyBackup(file, w)
	}
	m.ShowAndRun()
	return 0
}

// backupDelay lets the first screen fill before the daily backup reads the
// whole file: on a slow disk the two would compete.
var backupDelay = 3 * time.Second

// dailyBackup takes the day's automatic backup in the background. A file its
// check finds damaged refuses writes from then on: the clerk is told, with
// the backup to restore.
func dailyBackup(db *store.DB, w fyne.Window) {
	time.Sleep(backupDelay)
	name, err := db.DailyBackup()
	if err == nil {
		if name != "" {
			slog.Info("đã sao lưu tự động", "backup", name)
		}
		return
	}
	slog.Error("sao lưu tự động thất bại", "path", db.Path(), "err", err)
	fyne.Do(func() {
		ui.ShowInformation("Sao lưu tự động", khenthuong.ErrorMessage(err), w)
	})
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
