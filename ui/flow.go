package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Layouts that give way on a small window instead of widening it: a
// container's minimum width becomes the window's, so a row of buttons or two
// columns of fields side by side would push the window past a laptop's
// screen (Cài đặt made it 1262 px wide). Both report the width of their
// widest part as their minimum and a height for the width they were last
// given; Fyne lays the parents out again when that height changes.

// flowLayout places its objects in a row, starting a new row where the next
// would not fit, like words in a paragraph.
type flowLayout struct{ width float32 } // last width laid out; 0 before the first

func newFlow(objects ...fyne.CanvasObject) *fyne.Container {
	return fyne.NewContainerWithLayout(&flowLayout{}, objects...)
}

func (l *flowLayout) rows(objects []fyne.CanvasObject, width float32, place bool) fyne.Size {
	pad := theme.Padding()
	x, y, rowH, widest := float32(0), float32(0), float32(0), float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		widest = max(widest, m.Width)
		if x > 0 && width > 0 && x+m.Width > width {
			x, y, rowH = 0, y+rowH+pad, 0
		}
		if place {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + pad
		rowH = max(rowH, m.Height)
	}
	return fyne.NewSize(widest, y+rowH)
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.rows(objects, size.Width, true)
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return l.rows(objects, l.width, false)
}

// columnsLayout puts its objects side by side in columns of equal width when
// they fit, else one under the other.
type columnsLayout struct{ width float32 }

func (l *columnsLayout) sideBySide(objects []fyne.CanvasObject, width float32) bool {
	need := float32(0)
	for _, o := range objects {
		need = max(need, o.MinSize().Width)
	}
	n := float32(len(objects))
	return width > 0 && need*n+theme.Padding()*(n-1) <= width
}

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pad := theme.Padding()
	if l.sideBySide(objects, size.Width) {
		n := float32(len(objects))
		w := (size.Width - pad*(n-1)) / n
		for i, o := range objects {
			o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
			o.Resize(fyne.NewSize(w, size.Height))
		}
		return
	}
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}

func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, tallest, total float32
	for i, o := range objects {
		m := o.MinSize()
		w = max(w, m.Width)
		tallest = max(tallest, m.Height)
		if i > 0 {
			total += pad
		}
		total += m.Height
	}
	if l.sideBySide(objects, l.width) {
		return fyne.NewSize(w, tallest)
	}
	return fyne.NewSize(w, total)
}
