package ui

import (
	"image/color"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's own theme with two changes for clerks on Windows:
//   - the variant is the system's (light unless Windows is set to dark
//     mode), whatever a Fyne settings file left on the PC says;
//   - in the light variant, the outline of inputs, radio buttons and check
//     boxes is a grey that reads as "can be clicked": Fyne's own is the
//     grey of disabled widgets, so an unselected radio looked disabled.
type appTheme struct {
	system bool        // the system's choice is known; else Fyne's is followed
	dark   atomic.Bool // the system is in dark mode
}

// newAppTheme makes the theme; systemDark, when not nil, tells whether the
// system is in dark mode (asked again when Fyne's settings change).
func newAppTheme(a fyne.App, systemDark func() bool) fyne.Theme {
	t := &appTheme{system: systemDark != nil}
	if t.system {
		t.dark.Store(systemDark())
		a.Settings().AddListener(func(fyne.Settings) { t.dark.Store(systemDark()) })
	}
	return t
}

// lightInputBorder is dark enough to read against the white background
// (contrast about 3.5:1, the least for the outline of a control).
var lightInputBorder = color.NRGBA{R: 0x86, G: 0x86, B: 0x86, A: 0xff}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.system {
		v = theme.VariantLight
		if t.dark.Load() {
			v = theme.VariantDark
		}
	}
	if v == theme.VariantLight && n == theme.ColorNameInputBorder {
		return lightInputBorder
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (t *appTheme) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }
