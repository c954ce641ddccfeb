package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The paste dialog's explanation is read whole on a laptop: it wraps above
// the entry, whose own hint is short enough to show.
func TestPasteDialogExplainsWhole(t *testing.T) {
	m := newTestUI(t, newFake())
	m.win.Resize(laptop)
	askPastedList(m.win, func(string) {})
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var help *widget.Label
	var entry *textEntry
	for _, o := range drawn(top) {
		switch w := o.(type) {
		case *widget.Label:
			if contains(w.Text, "Ông Trương Quang Sáng") {
				help = w
			}
		case *textEntry:
			entry = w
		}
	}
	if help == nil || entry == nil {
		t.Fatalf("the dialog has explanation %v, entry %v", help != nil, entry != nil)
	}
	if help.Wrapping != fyne.TextWrapWord || help.Size().Width > laptop.Width {
		t.Errorf("the explanation is %v wide, wrapping %v", help.Size().Width, help.Wrapping)
	}
	if need := fyne.MeasureText(entry.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width; need > entry.Size().Width {
		t.Errorf("the entry's hint %q needs %v of its %v", entry.PlaceHolder, need, entry.Size().Width)
	}
	if entry.Text != "" || entry.Wrapping != fyne.TextWrapOff {
		t.Errorf("the entry starts with %q, wrapping %v: pasted rows must stay rows", entry.Text, entry.Wrapping)
	}
}
