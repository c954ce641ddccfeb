package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// placeholderScreen stands for a task that later work fills (Quyết định, In
// ấn, Tra cứu), so the rail already shows the whole application and a clerk
// who opens one learns it is coming rather than meeting an empty page.
type placeholderScreen struct {
	card *widget.Card
	root fyne.CanvasObject
}

func newPlaceholderScreen(title, purpose string) *placeholderScreen {
	text := widget.NewLabel(purpose)
	text.Wrapping = fyne.TextWrapWord
	s := &placeholderScreen{card: widget.NewCard(title, lang.L("This feature is under construction"), text)}
	s.root = container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 200), s.card))
	return s
}

func (s *placeholderScreen) content() fyne.CanvasObject { return s.root }
