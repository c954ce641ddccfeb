package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// addRemovableRow is the shared life of an editable row (a signer, a salary
// step, a legal basis): layout builds its line around a remove button; the
// row joins rows and its line joins box; the button takes both out again.
// onChange runs after each change.
func addRemovableRow[R comparable](rows *[]R, box *fyne.Container, r R, layout func(remove *widget.Button) fyne.CanvasObject, onChange func()) fyne.CanvasObject {
	remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), nil)
	remove.Importance = widget.LowImportance
	line := layout(remove)
	remove.OnTapped = func() {
		if i := slices.Index(*rows, r); i >= 0 {
			*rows = slices.Delete(*rows, i, i+1)
		}
		box.Remove(line)
		onChange()
	}
	*rows = append(*rows, r)
	box.Add(line)
	onChange()
	return line
}
