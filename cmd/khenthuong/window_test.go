package main

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWindowSize(t *testing.T) {
	laptop := fyne.NewSize(1050, 560) // 1366×768 less the taskbar, at 125 % (Fyne's scale 1.3)
	for _, tc := range []struct {
		name       string
		saved      fyne.Size
		maximized  bool
		work, want fyne.Size
	}{
		{"FirstStartOnALaptop", fyne.Size{}, false, laptop, fyne.NewSize(1034, 520)},
		{"FirstStartOnALargeScreen", fyne.Size{}, false, fyne.NewSize(1920, 1040), defaultWindowSize},
		{"RemembersItsSize", fyne.NewSize(900, 500), false, laptop, fyne.NewSize(900, 500)},
		{"SavedOnALargerScreen", fyne.NewSize(1800, 1000), false, laptop, fyne.NewSize(1034, 520)},
		{"MaximisedKeepsTheSizeBefore", fyne.NewSize(1500, 950), true, fyne.NewSize(1920, 1040), fyne.NewSize(1000, 700)},
		{"WorkAreaUnknown", fyne.NewSize(1500, 950), false, fyne.Size{}, fyne.NewSize(1500, 950)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := test.NewTempApp(t).Preferences()
			if tc.maximized {
				rememberWindow(p, fyne.NewSize(1000, 700), false, 0, 0, false)
			}
			if !tc.saved.IsZero() {
				rememberWindow(p, tc.saved, tc.maximized, 120, 80, true)
			}
			s := savedWindow(p)
			if got := fitWorkArea(s.size(), tc.work); got != tc.want {
				t.Errorf("opens at %v, want %v", got, tc.want)
			}
			if s.Maximized != tc.maximized {
				t.Errorf("maximised %v", s.Maximized)
			}
			if placed := !tc.saved.IsZero(); s.Placed != placed || (placed && (s.X != 120 || s.Y != 80)) {
				t.Errorf("place %+v", s)
			}
		})
	}
	t.Run("DamagedPreferenceIsTheDefault", func(t *testing.T) {
		p := test.NewTempApp(t).Preferences()
		p.SetString(prefWindow, "{width: 9")
		if got := savedWindow(p).size(); got != defaultWindowSize {
			t.Errorf("opens at %v", got)
		}
	})
}

func TestFyneScale(t *testing.T) {
	for _, tc := range []struct {
		system float32
		env    string
		want   float32
	}{
		{1, "", 1}, {1.25, "", 1.3}, {1.5, "", 1.5}, {1.75, "", 1.8}, {1.25, "auto", 1.3}, {1, "1.2", 1.2}, {1.25, "0.8", 1},
	} {
		if got := fyneScale(tc.system, tc.env); got != tc.want {
			t.Errorf("fyneScale(%v, %q) = %v, want %v", tc.system, tc.env, got, tc.want)
		}
	}
}

// A Linux screen's work area in logical pixels, and the first window on it:
// never taller than the screen (a 1366×768 screen without a window manager
// showed a 1280×800 window with its top cut off).
func TestLinuxWorkAreaFit(t *testing.T) {
	for _, tc := range []struct {
		name              string
		w, h, px, mm      int
		env               string
		work, firstWindow fyne.Size
	}{
		{"LaptopNoWindowManager", 1366, 768, 1366, 344, "", fyne.NewSize(1366, 768), fyne.NewSize(1280, 728)},
		{"LaptopWithPanel", 1366, 741, 1366, 344, "", fyne.NewSize(1366, 741), fyne.NewSize(1280, 701)},
		{"XvfbReportsNoSize", 1366, 768, 1366, 0, "", fyne.NewSize(1366, 768), fyne.NewSize(1280, 728)},
		{"FullHD", 1920, 1080, 1920, 527, "", fyne.NewSize(1920, 1080), defaultWindowSize},
		{"DenseScreen", 2880, 1800, 2880, 286, "", fyne.NewSize(2880/2.1, 1800/2.1), defaultWindowSize}, // 256 dpi: Fyne draws at 2.1
		{"FyneScaleOnALaptop", 1366, 768, 1366, 344, "1.25", fyne.NewSize(1366/1.3, 768/1.3), fyne.NewSize(1366/1.3-16, 768/1.3-40)},
		{"Unknown", 0, 0, 0, 0, "", fyne.Size{}, defaultWindowSize},
	} {
		t.Run(tc.name, func(t *testing.T) {
			work := logicalArea(tc.w, tc.h, fyneScale(detectedScale(tc.px, tc.mm), tc.env))
			if !near(work, tc.work) {
				t.Errorf("work area %v, want %v", work, tc.work)
			}
			if got := fitWorkArea(defaultWindowSize, work); !near(got, tc.firstWindow) {
				t.Errorf("first window %v, want %v", got, tc.firstWindow)
			}
		})
	}
}

func near(a, b fyne.Size) bool {
	return a.Width-b.Width < 0.5 && b.Width-a.Width < 0.5 && a.Height-b.Height < 0.5 && b.Height-a.Height < 0.5
}
