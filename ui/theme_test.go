package ui

import (
	"math"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestTheme(t *testing.T) {
	a := test.NewTempApp(t)
	for _, tc := range []struct {
		name    string
		dark    func() bool
		variant string // the variant asked for by Fyne
		wantBG  string
	}{
		{"LightSystem", func() bool { return false }, "dark", "light"},
		{"DarkSystem", func() bool { return true }, "light", "dark"},
		{"FyneDecides", nil, "dark", "dark"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			th := newAppTheme(a, tc.dark)
			asked := theme.VariantLight
			if tc.variant == "dark" {
				asked = theme.VariantDark
			}
			want := theme.VariantLight
			if tc.wantBG == "dark" {
				want = theme.VariantDark
			}
			if got, exp := th.Color(theme.ColorNameBackground, asked), theme.DefaultTheme().Color(theme.ColorNameBackground, want); got != exp {
				t.Errorf("background %v, want the %s one %v", got, tc.wantBG, exp)
			}
		})
	}
	t.Run("UnselectedRadioDoesNotLookDisabled", func(t *testing.T) {
		th := newAppTheme(a, func() bool { return false })
		border := th.Color(theme.ColorNameInputBorder, theme.VariantLight)
		disabled := th.Color(theme.ColorNameDisabled, theme.VariantLight)
		bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
		if border == disabled {
			t.Fatal("the outline of a radio button is the disabled grey")
		}
		if c := contrast(border, bg); c < 3 {
			t.Errorf("outline contrast %.2f against the background, want at least 3", c)
		}
	})
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b interface{ RGBA() (r, g, b, a uint32) }) float64 {
	lum := func(c interface{ RGBA() (r, g, b, a uint32) }) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
