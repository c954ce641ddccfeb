package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// orderColumnWidth holds a five-digit order number ("19999") whole: a
// campaign of a whole province passes 10 000 nominations, and at 48 px the
// numbers read "58…".
func orderColumnWidth() float32 {
	return fyne.MeasureText("99999", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + theme.Padding()
}
