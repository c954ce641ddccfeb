package main

import (
	"fyne.io/fyne/v2"
)

// The window's size and place. It opens at the size it had when last
// closed (1280×800 the first time), made smaller where the screen's work
// area (the screen less the taskbar) is smaller: a 1366×768 laptop at 125 %
// has about 1093×614 to give. On Windows it also opens where it was, or
// centred in the work area, and maximised if it was (window_windows.go).

// Preference keys of the window.
const (
	prefWidth     = "window.width"  // logical pixels
	prefHeight    = "window.height" // logical pixels
	prefX         = "window.x"      // screen pixels, Windows
	prefY         = "window.y"
	prefMaximized = "window.maximized"
)

// defaultWindowSize is the first size, before the clerk chose one.
var defaultWindowSize = fyne.NewSize(1280, 800)

// Room the window's frame takes around its content (title bar, borders),
// in logical pixels, which the work area must also hold.
const frameWidth, frameHeight = 16, 40

// savedWindowSize is the size the window had when last closed.
func savedWindowSize(p fyne.Preferences) fyne.Size {
	w, h := p.Float(prefWidth), p.Float(prefHeight)
	if w < 200 || h < 150 {
		return defaultWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// fitWorkArea makes size fit a work area (zero: unknown) with the frame.
func fitWorkArea(size, work fyne.Size) fyne.Size {
	if work.Width <= 0 || work.Height <= 0 {
		return size
	}
	return fyne.NewSize(min(size.Width, work.Width-frameWidth), min(size.Height, work.Height-frameHeight))
}

// rememberWindowSize keeps the content's size for the next start; a
// maximised window keeps the size it had before (see maximized).
func rememberWindowSize(p fyne.Preferences, size fyne.Size, maximized bool) {
	p.SetBool(prefMaximized, maximized)
	if maximized || size.Width < 200 || size.Height < 150 {
		return
	}
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
}
