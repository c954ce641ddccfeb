package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Words Fyne's own widgets show without looking them up in the
// translations: the select's "(Select one)" and the places of the file
// dialog ("Home", "Computer", "Documents"...). The screens set them
// through these helpers so that they read in the chosen language.

// fyneSelectPlaceHolder is what widget.Select shows when nothing is chosen.
const fyneSelectPlaceHolder = "(Select one)"

// newSelect is widget.NewSelect with its placeholder in the chosen language.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(choose)")
	return s
}

// localizeSelects gives every select under o that still shows Fyne's
// English placeholder the translated one: a safety net for the selects a
// screen built with widget.NewSelect.
func localizeSelects(o fyne.CanvasObject) {
	walkPublic(o, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == fyneSelectPlaceHolder {
			s.PlaceHolder = lang.L("(choose)")
			s.Refresh()
		}
	})
}

// fyneFilePlaces name the file dialog's places, by Fyne's English name.
var fyneFilePlaces = map[string]func() string{
	"Home":      func() string { return lang.L("Home folder") },
	"Computer":  func() string { return lang.L("Computer") },
	"App Files": func() string { return lang.L("App files") },
	"Desktop":   func() string { return lang.L("Desktop") },
	"Documents": func() string { return lang.L("Documents") },
	"Downloads": func() string { return lang.L("Downloads") },
	"Music":     func() string { return lang.L("Music") },
	"Pictures":  func() string { return lang.L("Pictures") },
	"Videos":    func() string { return lang.L("Videos") },
	"Movies":    func() string { return lang.L("Movies") },
}

// translateFileDialog translates the place names in the list on the left
// of the file dialog just shown on win (Fyne writes them in English).
func translateFileDialog(win fyne.Window) {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	walkPublic(top, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.List)
		if !ok || l.UpdateItem == nil {
			return
		}
		update := l.UpdateItem
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			walkPublic(item, func(o fyne.CanvasObject) {
				if label, ok := o.(*widget.Label); ok {
					if name, ok := fyneFilePlaces[label.Text]; ok {
						label.SetText(name())
					}
				}
			})
		}
		l.Refresh()
	})
}

// walkPublic visits o and what it holds through public fields only
// (containers, pop-ups, splits, scrolls, tabs), not widgets' renderers.
func walkPublic(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkPublic(c, visit)
		}
	case *widget.PopUp:
		walkPublic(w.Content, visit)
	case *container.Split:
		walkPublic(w.Leading, visit)
		walkPublic(w.Trailing, visit)
	case *container.Scroll:
		walkPublic(w.Content, visit)
	case *container.AppTabs:
		for _, t := range w.Items {
			walkPublic(t.Content, visit)
		}
	}
}
