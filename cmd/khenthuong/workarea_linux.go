package main

import (
	"os"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// workArea is the primary screen's work area in Fyne's logical pixels, as
// GLFW (which Fyne draws with) reports it: the screen less the panels under
// a window manager, the whole screen without one, where a window taller
// than the screen opens with its title bar above the top edge. Zero when
// GLFW cannot tell. It initialises GLFW on the main thread before Fyne does;
// Fyne's own glfw.Init then returns at once.
func workArea() fyne.Size {
	if err := glfw.Init(); err != nil {
		return fyne.Size{}
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, w, h := m.GetWorkarea()
	mode := m.GetVideoMode()
	if mode == nil {
		return fyne.Size{}
	}
	widthMm, _ := m.GetPhysicalSize()
	return logicalArea(w, h, fyneScale(detectedScale(mode.Width, widthMm), os.Getenv("FYNE_SCALE")))
}
