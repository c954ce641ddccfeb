package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// "Sao lưu ngay" on Cài đặt: a consistent copy of the data file, taken by
// the open window (the command line's `backup` cannot open the file while
// the window holds it). The store offers it; a service without backups (a
// test fake) shows no button.

// backupService is the part of the store that copies the data file.
type backupService interface {
	BackupTo(path string) error
}

// settingsBackup is the button and what it needs.
type settingsBackup struct {
	svc     backupService
	win     fyne.Window
	files   fileDialogs
	button  *widget.Button
	running sync.WaitGroup // for tests
	onDone  func(path string, err error)
}

// newSettingsBackup returns nil when svc cannot take backups.
func newSettingsBackup(svc khenthuong.Services, win fyne.Window) *settingsBackup {
	b, ok := svc.(backupService)
	if !ok {
		return nil
	}
	sb := &settingsBackup{svc: b, win: win, files: defaultFileDialogs}
	sb.button = widget.NewButtonWithIcon(lang.L("Back up now…"), theme.DocumentSaveIcon(), sb.ask)
	return sb
}

// ask asks where to write the copy, suggesting a dated name.
func (b *settingsBackup) ask() {
	name := fileName(lang.L("khenthuong-backup"), time.Now().Format("2006-01-02")) + ".db"
	b.files.save(b.win, name, []string{".db"}, func(path string) {
		if path != "" {
			b.write(path)
		}
	})
}

// write copies the data file to path in the background.
func (b *settingsBackup) write(path string) {
	b.button.Disable()
	background(&b.running, func() func() {
		err := b.svc.BackupTo(path)
		return func() {
			b.button.Enable()
			if b.onDone != nil {
				b.onDone(path, err)
			}
			if err != nil {
				showError(err, b.win)
				return
			}
			showInfo(lang.L("Back up now"),
				lang.L("The data file was copied to {{.Path}}. Keep the copy on another disk or a USB stick; Restore on the command line (khenthuong restore FILE) puts it back.", map[string]any{"Path": path}), b.win)
		}
	})
}
