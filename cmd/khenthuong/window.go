package main

import (
	"encoding/json"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
)

// The window's size and place. It opens at the size it had when last
// closed (1280×800 the first time), made smaller where the screen's work
// area (the screen less the taskbar) is smaller: a 1366×768 laptop at 125 %
// has about 1050×560 to give (Fyne draws at 1.3 there). On Windows it also
// opens where it was, or centred in the work area, and maximised if it was
// (window_windows.go). On Linux the work area comes from GLFW (the screen
// less the panels, or the whole screen without a window manager), so the
// window is not taller than a 1366×768 screen (window_linux.go).

// prefWindow is the preference holding windowState as JSON: one key, so
// that it is written at once when the window closes (Fyne saves the first
// change straight away and holds back those that follow it closely, which
// a program about to exit never writes).
const prefWindow = "window"

// windowState is what is remembered of the window.
type windowState struct {
	Width     float32 `json:"width,omitempty"`  // logical pixels, of the content
	Height    float32 `json:"height,omitempty"` //
	X         int     `json:"x,omitempty"`      // screen pixels, of the frame (Windows)
	Y         int     `json:"y,omitempty"`
	Placed    bool    `json:"placed,omitempty"` // X and Y are known
	Maximized bool    `json:"maximized,omitempty"`
}

// defaultWindowSize is the first size, before the clerk chose one.
var defaultWindowSize = fyne.NewSize(1280, 800)

// Room the window's frame takes around its content (title bar, borders),
// in logical pixels, which the work area must also hold.
const frameWidth, frameHeight = 16, 40

// fyneScale is the scale Fyne draws at for a system scale and the
// FYNE_SCALE variable (a factor; empty or "auto" is 1): their product rounded
// to a tenth, as Fyne's glfw driver computes it.
func fyneScale(system float32, env string) float32 {
	user := float64(1)
	if v, err := strconv.ParseFloat(env, 32); err == nil && v > 0 {
		user = v
	}
	return float32(math.Round(float64(system)*user*10) / 10)
}

// detectedScale is the scale Fyne's glfw driver gives a Linux screen by its
// density: the pixels per inch over 120, at least 1, 120 dpi when the
// reported size is not believable (Xvfb and some projectors report 0 mm).
func detectedScale(widthPx, widthMm int) float32 {
	dpi := float64(widthPx) / (float64(widthMm) / 25.4)
	if widthMm <= 0 || dpi > 1000 || dpi < 10 {
		return 1
	}
	return float32(max(dpi/120, 1))
}

// logicalArea is a work area of w×h screen pixels in Fyne's logical pixels
// at scale, zero when unknown.
func logicalArea(w, h int, scale float32) fyne.Size {
	if w <= 0 || h <= 0 || scale <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale)
}

// savedWindow is the state the window had when last closed.
func savedWindow(p fyne.Preferences) windowState {
	var s windowState
	if v := p.String(prefWindow); v != "" {
		_ = json.Unmarshal([]byte(v), &s) // a damaged value is the defaults
	}
	return s
}

// size is the content's size, the default when none (or a silly one) was kept.
func (s windowState) size() fyne.Size {
	if s.Width < 200 || s.Height < 150 {
		return defaultWindowSize
	}
	return fyne.NewSize(s.Width, s.Height)
}

// fitWorkArea makes size fit a work area (zero: unknown) with the frame.
func fitWorkArea(size, work fyne.Size) fyne.Size {
	if work.Width <= 0 || work.Height <= 0 {
		return size
	}
	return fyne.NewSize(min(size.Width, work.Width-frameWidth), min(size.Height, work.Height-frameHeight))
}

// rememberWindow keeps the window's state: its content's size (unless
// maximised: the size before is kept for when it is restored), and its
// place where the system tells it.
func rememberWindow(p fyne.Preferences, size fyne.Size, maximized bool, x, y int, placed bool) {
	s := savedWindow(p)
	s.Maximized = maximized
	if !maximized && size.Width >= 200 && size.Height >= 150 {
		s.Width, s.Height = size.Width, size.Height
	}
	if placed {
		s.X, s.Y, s.Placed = x, y, true
	}
	if v, err := json.Marshal(s); err == nil {
		p.SetString(prefWindow, string(v))
	}
}
