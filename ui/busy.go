package ui

import "fyne.io/fyne/v2/widget"

// busyBar is a screen's indeterminate progress bar: shown while any of the
// background jobs it counts is running, hidden and stopped otherwise.
type busyBar struct {
	*widget.ProgressBarInfinite
	jobs int
}

func newBusyBar() *busyBar {
	b := &busyBar{ProgressBarInfinite: widget.NewProgressBarInfinite()}
	b.Stop()
	b.Hide()
	return b
}

// busy counts a job in (on) or out.
func (b *busyBar) busy(on bool) {
	if on {
		b.jobs++
	} else {
		b.jobs--
	}
	if b.jobs > 0 {
		b.Show()
		b.Start()
	} else {
		b.Stop()
		b.Hide()
	}
}

// running reports whether a job is running.
func (b *busyBar) running() bool { return b.jobs > 0 }
