package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tooltips: a cell whose text was shortened with "…" ("Tất cả các …",
// "Hộ gia đ…", a long collective's name) shows its whole text when the
// mouse rests on it. Fyne has no tooltips; this one is drawn on a layer over
// the window's content made of objects that take no clicks, so a click
// goes to the cell under it as if the tooltip were not there.

// tooltipDelay is how long the mouse rests before the tooltip shows.
const tooltipDelay = 600 * time.Millisecond

// tooltipLayer is the window's tooltip.
type tooltipLayer struct {
	layer *fyne.Container // over the content; no layout
	box   *fyne.Container // background and text
	text  *widget.Label
	gen   int // the hover the timer belongs to
}

var tooltips sync.Map // fyne.Canvas -> *tooltipLayer

// withTooltips lays a tooltip layer over content on canvas c.
func withTooltips(c fyne.Canvas, content fyne.CanvasObject) fyne.CanvasObject {
	t := &tooltipLayer{text: widget.NewLabel("")}
	t.text.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	t.box = container.NewStack(bg, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	tooltips.Store(c, t)
	return container.NewStack(content, t.layer)
}

// tooltipFor is the tooltip layer of the canvas o is drawn on, or nil.
func tooltipFor(o fyne.CanvasObject) *tooltipLayer {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil {
		return nil
	}
	if t, ok := tooltips.Load(c); ok {
		return t.(*tooltipLayer)
	}
	return nil
}

// later shows text at pos (absolute) after the delay, unless the mouse left.
func (t *tooltipLayer) later(text string, pos fyne.Position) {
	t.gen++
	gen := t.gen
	time.AfterFunc(tooltipDelay, func() {
		uiDo(func() {
			if gen == t.gen {
				t.show(text, pos)
			}
		})
	})
}

// show places the tooltip under and right of pos, inside the window.
func (t *tooltipLayer) show(text string, pos fyne.Position) {
	t.text.SetText(text)
	pad := theme.InnerPadding()
	one := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{})
	w := min(one.Width+2*pad+2, 480)
	t.text.Resize(fyne.NewSize(w, 0))
	size := fyne.NewSize(w, t.text.MinSize().Height)
	area := t.layer.Size()
	x := min(pos.X+12, area.Width-size.Width-4)
	y := pos.Y + 22
	if y+size.Height > area.Height {
		y = pos.Y - size.Height - 6 // above the pointer near the bottom
	}
	t.box.Move(fyne.NewPos(max(x, 0), max(y, 0)))
	t.box.Resize(size)
	t.box.Show()
	t.layer.Refresh()
}

// hide takes the tooltip away (and cancels one on its way).
func (t *tooltipLayer) hide() {
	t.gen++
	if t.box.Visible() {
		t.box.Hide()
		t.layer.Refresh()
	}
}

// shownText is the tooltip's text, "" when hidden (tests).
func (t *tooltipLayer) shownText() string {
	if !t.box.Visible() {
		return ""
	}
	return t.text.Text
}

// hoverTip is what a shortened cell does with the mouse: after a rest,
// show full (when it was shortened) near the pointer.
func hoverTip(o fyne.CanvasObject, full string, shortened bool, ev *desktop.MouseEvent) {
	t := tooltipFor(o)
	if t == nil {
		return
	}
	if !shortened || full == "" {
		t.hide()
		return
	}
	t.later(full, ev.AbsolutePosition)
}

// leaveTip hides the tooltip as the mouse leaves o.
func leaveTip(o fyne.CanvasObject) {
	if t := tooltipFor(o); t != nil {
		t.hide()
	}
}
