package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Escape closes the dialog on top as a cancel: what its Hủy (or Đóng)
// button does, never its confirming button. Fyne's dialogs know no keys: a
// key goes to the widget that has the focus, or to the window when none
// has. So every dialog is shown through showDialog, which records how it is
// cancelled, and Escape reaches escapeDialog both from the window's key
// handler (nothing focused) and from the text fields (textEntry), where the
// clerk usually is when they change their mind.

// dialogCancels holds how each open dialog is cancelled, by the pop-up it
// shows in. Touched on the UI goroutine only.
var dialogCancels = map[fyne.CanvasObject]func(){}

// showDialog shows d on win; Escape then runs cancel (nil: d.Dismiss, which
// answers "no" to a confirmation and nil to a file dialog).
func showDialog(win fyne.Window, d dialog.Dialog, cancel func()) {
	if cancel == nil {
		cancel = d.Dismiss
	}
	d.Show()
	top := win.Canvas().Overlays().Top()
	if top == nil { // a system dialog: it has its own keys
		return
	}
	dialogCancels[top] = cancel
	d.SetOnClosed(func() { delete(dialogCancels, top) })
}

// escapeDialog cancels the dialog on top of c, if one was shown through
// showDialog; it reports whether it did. A pop-up of another kind on top (a
// select's list) keeps the key.
func escapeDialog(c fyne.Canvas) bool {
	if c == nil {
		return false
	}
	cancel := dialogCancels[c.Overlays().Top()]
	if cancel == nil {
		return false
	}
	cancel()
	return true
}

// escaped is for the TypedKey of a focusable widget o: it reports whether
// ev was Escape and cancelled the dialog o is drawn in.
func escaped(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	return ev.Name == fyne.KeyEscape && escapeDialog(fyne.CurrentApp().Driver().CanvasForObject(o))
}

// textEntry is the text field of the screens and dialogs: a widget.Entry
// that hands Escape to the dialog it is in.
type textEntry struct {
	widget.Entry
}

func newTextEntry() *textEntry {
	e := &textEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineTextEntry() *textEntry {
	e := newTextEntry()
	e.MultiLine = true
	return e
}

func (e *textEntry) TypedKey(ev *fyne.KeyEvent) {
	if !escaped(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// choiceEntry is a widget.SelectEntry (text with suggestions) that hands
// Escape to its dialog.
type choiceEntry struct {
	widget.SelectEntry
}

func newChoiceEntry(options []string) *choiceEntry {
	e := &choiceEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewSelectEntry
	e.SetOptions(options)
	return e
}

func (e *choiceEntry) TypedKey(ev *fyne.KeyEvent) {
	if !escaped(e, ev) {
		e.SelectEntry.TypedKey(ev)
	}
}

// choiceSelect is a widget.Select that hands Escape to its dialog: a select
// keeps the focus once the clerk has chosen in it.
type choiceSelect struct {
	widget.Select
}

// newChoice is widget.NewSelect for a dialog, its placeholder translated as newSelect's.
func newChoice(options []string, changed func(string)) *choiceSelect {
	s := &choiceSelect{}
	s.Options, s.OnChanged, s.PlaceHolder = options, changed, lang.L("(choose)")
	s.ExtendBaseWidget(s)
	return s
}

func (s *choiceSelect) TypedKey(ev *fyne.KeyEvent) {
	if !escaped(s, ev) {
		s.Select.TypedKey(ev)
	}
}

// checkBox is a widget.Check that hands Escape to its dialog: a click
// leaves the focus on it.
type checkBox struct {
	widget.Check
}

func newCheckBox(label string, changed func(bool)) *checkBox {
	c := &checkBox{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *checkBox) TypedKey(ev *fyne.KeyEvent) {
	if !escaped(c, ev) {
		c.Check.TypedKey(ev)
	}
}
