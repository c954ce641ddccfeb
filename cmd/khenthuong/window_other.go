//go:build !windows

package main

import "fyne.io/fyne/v2"

// systemDarkMode is nil: Fyne follows the desktop's own setting.
var systemDarkMode func() bool

// placeWindow centres the window; the window manager places it otherwise.
func placeWindow(_ fyne.App, w fyne.Window, _ windowState) { w.CenterOnScreen() }

// windowMaximized is unknown here.
func windowMaximized(fyne.Window) bool { return false }

// windowPlace is unknown here.
func windowPlace(fyne.Window) (x, y int, ok bool) { return 0, 0, false }
