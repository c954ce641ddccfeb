package main

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWindowSize(t *testing.T) {
	laptop := fyne.NewSize(1093, 614) // 1366×768 less the taskbar, at 125 %
	for _, tc := range []struct {
		name       string
		saved      fyne.Size
		maximized  bool
		work, want fyne.Size
	}{
		{"FirstStartOnALaptop", fyne.Size{}, false, laptop, fyne.NewSize(1077, 574)},
		{"FirstStartOnALargeScreen", fyne.Size{}, false, fyne.NewSize(1920, 1040), defaultWindowSize},
		{"RemembersItsSize", fyne.NewSize(900, 560), false, laptop, fyne.NewSize(900, 560)},
		{"SavedOnALargerScreen", fyne.NewSize(1800, 1000), false, laptop, fyne.NewSize(1077, 574)},
		{"MaximisedKeepsTheSizeBefore", fyne.NewSize(1500, 950), true, fyne.NewSize(1920, 1040), fyne.NewSize(1000, 700)},
		{"WorkAreaUnknown", fyne.NewSize(1500, 950), false, fyne.Size{}, fyne.NewSize(1500, 950)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := test.NewTempApp(t).Preferences()
			if tc.maximized {
				rememberWindowSize(p, fyne.NewSize(1000, 700), false)
			}
			if !tc.saved.IsZero() {
				rememberWindowSize(p, tc.saved, tc.maximized)
			}
			if got := fitWorkArea(savedWindowSize(p), tc.work); got != tc.want {
				t.Errorf("opens at %v, want %v", got, tc.want)
			}
			if p.Bool(prefMaximized) != tc.maximized {
				t.Errorf("maximised %v", p.Bool(prefMaximized))
			}
		})
	}
}
