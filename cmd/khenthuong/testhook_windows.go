package main

// Test-only hook for the Vietnamese typing test under Wine
// (scripts/windows-typing-test.sh). With KHENTHUONG_TEST_ENTRY_FILE set, the
// program puts the keyboard focus in a text entry and keeps writing that
// entry's text (UTF-8) to the named file, and the title of the window that
// holds it to the same name plus ".window", so the test reads back what the
// typing tools' key sequences produced in the real program. The entry is the
// first one of the main window in the Tab order, or, when the page shown has
// none, the entry of a small window the hook opens. Without the variable,
// which no clerk sets, nothing here runs.

import (
	"log/slog"
	"os"
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func init() {
	if path := os.Getenv("KHENTHUONG_TEST_ENTRY_FILE"); path != "" && !wantsConsole(os.Args[1:]) {
		go dumpFocusedEntry(path)
	}
}

// textEntry is what every entry of the window offers (widget.Entry and the
// types that embed it).
type textEntry interface {
	fyne.Focusable
	SetText(string)
	SelectedText() string
}

// testTarget is the window whose entry the hook reports; Fyne's goroutine only.
var testTarget fyne.Window

func dumpFocusedEntry(path string) {
	for !windowSeen.Load() {
		time.Sleep(100 * time.Millisecond)
	}
	a := fyne.CurrentApp()
	last, lastTitle := "\x00", ""
	for {
		time.Sleep(100 * time.Millisecond)
		var text, kind, title string
		found := false
		fyne.DoAndWait(func() { text, kind, title, found = focusedEntryText(a) })
		if !found {
			continue
		}
		if title != lastTitle {
			slog.Info("test hook: reporting the focused entry", "type", kind, "window", title)
			if writeAtomically(path+".window", title) {
				lastTitle = title
			}
		}
		if text != last && writeAtomically(path, text) {
			last = text
		}
	}
}

func writeAtomically(path, text string) bool {
	tmp := path + ".tmp"
	return os.WriteFile(tmp, []byte(text), 0o600) == nil && os.Rename(tmp, path) == nil
}

// focusedEntryText returns the text of the focused entry of the target
// window, choosing the target and focusing its entry the first time.
func focusedEntryText(a fyne.App) (text, kind, title string, ok bool) {
	if testTarget == nil {
		ws := a.Driver().AllWindows()
		if len(ws) == 0 {
			return "", "", "", false
		}
		if focusFirstEntry(ws[0].Canvas()) {
			testTarget = ws[0]
		} else {
			w := a.NewWindow("Kiểm thử gõ tiếng Việt")
			e := widget.NewEntry()
			w.SetContent(e)
			w.Resize(fyne.NewSize(640, 80))
			w.Show()
			w.Canvas().Focus(e)
			testTarget = w
		}
	}
	c := testTarget.Canvas()
	e, isEntry := c.Focused().(textEntry)
	if !isEntry {
		if !focusFirstEntry(c) {
			return "", "", "", false
		}
		e = c.Focused().(textEntry)
	}
	v := reflect.ValueOf(e)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	f := v.FieldByName("Text") // widget.Entry's, promoted through embedding
	if !f.IsValid() || f.Kind() != reflect.String {
		return "", "", "", false
	}
	return f.String(), v.Type().String(), testTarget.Title(), true
}

// focusFirstEntry moves the focus along the keyboard's Tab order until an
// entry has it.
func focusFirstEntry(c fyne.Canvas) bool {
	for i := 0; i < 500; i++ {
		if _, ok := c.Focused().(textEntry); ok {
			return true
		}
		c.FocusNext()
	}
	return false
}
