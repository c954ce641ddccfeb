package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	sysdialog "github.com/sqweek/dialog"
	"golang.org/x/sys/windows"

	"khenthuong"
)

// nativeFileDialogs are the Windows open and save dialogs (comdlg32). They
// block their own goroutine, never the window's; the result comes back on the
// UI goroutine. A cancelled dialog calls nothing, as Fyne's does.
func nativeFileDialogs() (fileDialogs, bool) {
	return fileDialogs{save: windowsSave, open: windowsOpen}, true
}

// lastDir is where the clerk saved or opened last, for the next dialog;
// Documents at first.
var lastDir struct {
	sync.Mutex
	path string
}

func startDir() string {
	lastDir.Lock()
	defer lastDir.Unlock()
	if lastDir.path == "" {
		if docs, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0); err == nil {
			lastDir.path = docs
		}
	}
	return lastDir.path
}

func remember(path string) {
	lastDir.Lock()
	lastDir.path = filepath.Dir(path)
	lastDir.Unlock()
}

func filtered(b *sysdialog.FileBuilder, exts []string) *sysdialog.FileBuilder {
	for _, ext := range exts {
		e := strings.TrimPrefix(ext, ".")
		b = b.Filter(strings.ToUpper(e)+" (*."+e+")", e)
	}
	return b
}

func windowsSave(win fyne.Window, name string, exts []string, done func(string)) {
	b := filtered(sysdialog.File().Title(lang.L("Save")).SetStartDir(startDir()).SetStartFile(name), exts)
	go func() {
		path, err := b.Save()
		uiDo(func() { nativeDone(win, path, err, done) })
	}()
}

func windowsOpen(win fyne.Window, exts []string, done func(string)) {
	b := filtered(sysdialog.File().Title(lang.L("Open")).SetStartDir(startDir()), exts)
	go func() {
		path, err := b.Load()
		uiDo(func() { nativeDone(win, path, err, done) })
	}()
}

func nativeDone(win fyne.Window, path string, err error, done func(string)) {
	switch {
	case errors.Is(err, sysdialog.ErrCancelled):
	case err != nil:
		showError(khenthuong.Internal(err), win)
	case path != "":
		remember(path)
		done(path)
	}
}
