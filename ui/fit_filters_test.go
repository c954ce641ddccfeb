package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// On the laptop's window the controls at the top of Tổng quan and Tra cứu
// are whole and inside the window: the last dashboard filter used to lie
// past the right edge of a scrolling row, and the lookup's search box was
// squeezed until its hint read "Tên cá nhân hoặc tập thể, gõ".
func TestTopControlsFitALaptop(t *testing.T) {
	m := onALaptop(t)
	driver := fyne.CurrentApp().Driver()
	hint := func(e *widget.Entry) float32 {
		// the hint starts and ends an inner padding inside the entry's border
		return fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	}
	for _, tc := range []struct {
		page     int
		name     string
		o        fyne.CanvasObject
		minWidth float32 // at least this wide
	}{
		{pageDashboard, "campaign", m.dashboard.campaign, 150},
		{pageDashboard, "from", m.dashboard.from, hint(&m.dashboard.from.Entry)},
		{pageDashboard, "to", m.dashboard.to, hint(&m.dashboard.to.Entry)},
		{pageDashboard, "award", m.dashboard.form, 150},
		{pageDashboard, "issuer", m.dashboard.issuer, 150},
		{pageLookup, "search", m.lookup.search, hint(&m.lookup.search.Entry)},
	} {
		showPage(t, m, tc.page)
		waitAll(m)
		pos, size := driver.AbsolutePositionForObject(tc.o), tc.o.Size()
		if pos.X < 0 || pos.X+size.Width > laptop.Width {
			t.Errorf("%s lies at %v..%v, outside the window's %v", tc.name, pos.X, pos.X+size.Width, laptop.Width)
		}
		if size.Width < tc.minWidth {
			t.Errorf("%s is %v wide, less than the %v it needs", tc.name, size.Width, tc.minWidth)
		}
	}
}

// The panels that take the place of In ấn's options fit the laptop's
// window too: the template editor made the window grow past the screen.
func TestPrintPanelsFitALaptop(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(s *printScreen)
	}{
		{"template editor", func(s *printScreen) { test.Tap(s.editButton) }},
		{"printer calibration", func(s *printScreen) { s.openCalibration() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := onALaptop(t)
			showPage(t, m, pagePrinting)
			settle(m)
			tc.open(m.printing)
			settle(m)
			if min := m.win.Content().MinSize(); min.Width > laptop.Width || min.Height > laptop.Height {
				t.Errorf("the %s needs %v, more than the laptop's %v", tc.name, min, laptop)
			}
			if got := m.win.Canvas().Size(); got != laptop {
				t.Errorf("with the %s open the window is %v", tc.name, got)
			}
			if e := m.printing.editor; e != nil && e.root.Size().Width < e.root.MinSize().Width {
				t.Errorf("the editor has %v of the %v it needs: its buttons are cut", e.root.Size().Width, e.root.MinSize().Width)
			}
		})
	}
}
