package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitWindow is want, made smaller where the window is smaller: a dialog
// sized for a large screen must still fit a laptop's (about 1050×560 at
// 125 %), its content scrolling instead of running off the window.
func fitWindow(win fyne.Window, want fyne.Size) fyne.Size {
	have := win.Canvas().Size()
	if have.Width <= 0 || have.Height <= 0 {
		return want
	}
	const margin = 24 // the window's edge stays visible around the dialog
	return fyne.NewSize(min(want.Width, have.Width-margin), min(want.Height, have.Height-margin))
}

// selectWideEnough is sel at least as wide as its longest option, so that
// no choice is shortened with "…" ("Mọi trạng t…"): Fyne sizes a select by
// its placeholder only. Options added later than this call are not measured.
func selectWideEnough(sel *widget.Select) fyne.CanvasObject {
	widest := float32(0)
	for _, o := range append([]string{sel.PlaceHolder}, sel.Options...) {
		widest = max(widest, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	pad := theme.InnerPadding()
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(widest+pad*4+theme.IconInlineSize(), 0))
	return container.NewStack(r, sel)
}

// minHeight is an invisible object that keeps a column at least h high.
func minHeight(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// rowHeight is the height of one row of a dataTable (a line and its padding).
func rowHeight() float32 {
	return fyne.MeasureText("Ấy", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding() + theme.Padding()
}
