package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// emptyHint is the sentence an empty list shows in its middle, saying what
// to do next and where ("Đợt này chưa có đề nghị: bấm Thêm…"), instead of
// an empty grid.
type emptyHint struct {
	label *widget.Label
	box   *fyne.Container
}

// newEmptyHint lays the hint over content (a table, whose headers stay).
func newEmptyHint(content fyne.CanvasObject) (*emptyHint, fyne.CanvasObject) {
	h := &emptyHint{label: widget.NewLabel("")}
	h.label.Wrapping = fyne.TextWrapWord
	h.label.Alignment = fyne.TextAlignCenter
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(420, 0)) // a few lines, not a column of words
	h.box = container.NewCenter(container.NewStack(width, h.label))
	h.box.Hide()
	return h, container.NewStack(content, h.box)
}

// set shows text, or hides the hint when text is "".
func (h *emptyHint) set(text string) {
	if text == "" {
		h.box.Hide()
		return
	}
	h.label.SetText(text)
	h.box.Show()
}

// text is what the hint says, "" when hidden (tests).
func (h *emptyHint) text() string {
	if !h.box.Visible() {
		return ""
	}
	return h.label.Text
}
