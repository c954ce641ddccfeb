package ui

import "fyne.io/fyne/v2"

// fitWindow is want, made smaller where the window is smaller: a dialog
// sized for a large screen must still fit a laptop's (about 1093×614 at
// 125 %), its content scrolling instead of running off the window.
func fitWindow(win fyne.Window, want fyne.Size) fyne.Size {
	have := win.Canvas().Size()
	if have.Width <= 0 || have.Height <= 0 {
		return want
	}
	const margin = 24 // the window's edge stays visible around the dialog
	return fyne.NewSize(min(want.Width, have.Width-margin), min(want.Height, have.Height-margin))
}
