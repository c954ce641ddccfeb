package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// A shortened cell shows its whole text when the mouse rests on it.
func TestTooltipShowsShortenedText(t *testing.T) {
	_, m, s, _ := openNominations(t)
	m.win.Resize(laptop)
	waitAll(m)
	var short, whole *tableCell
	for _, c := range visibleCells(s.table) {
		if c.full == "" {
			continue
		}
		if c.text.Text != c.full && short == nil {
			short = c
		} else if c.text.Text == c.full && whole == nil {
			whole = c
		}
	}
	if short == nil || whole == nil {
		t.Fatal("no shortened and whole cells to hover")
	}
	tip := tooltipFor(s.table)
	rest := func(c *tableCell) {
		c.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{AbsolutePosition: fyne.NewPos(300, 200)}})
		time.Sleep(tooltipDelay + 100*time.Millisecond)
		drainUI()
	}
	rest(short)
	if got := tip.shownText(); got != short.full {
		t.Errorf("tooltip %q over %q, want the whole %q", got, short.text.Text, short.full)
	}
	short.MouseOut()
	if got := tip.shownText(); got != "" {
		t.Errorf("tooltip %q after the mouse left", got)
	}
	rest(whole)
	if got := tip.shownText(); got != "" {
		t.Errorf("tooltip %q over a cell shown whole", got)
	}
	if kind := columnTexts(t, s.table, colKind, 1)[0]; kind != "Tập thể" {
		t.Errorf("kind column %q", kind)
	}
}
