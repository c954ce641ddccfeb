package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"khenthuong"
)

// laptop is the window's content on a 1366×768 screen at 125 %, the most
// common office laptop, maximised: Fyne draws at 1.3 there (it rounds the
// scale to a tenth), so the screen less the taskbar is 1050×560 logical
// pixels, and the title bar takes some 24 of them.
var laptop = fyne.NewSize(1050, 536)

// onALaptop opens the window at the laptop's size on a campaign with an
// issued decision, so that every screen has something to show.
func onALaptop(t *testing.T) *MainWindow {
	t.Helper()
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023", sampleNominations()...)
	ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	if err := f.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusApproved, ""); err != nil {
		t.Fatal(err)
	}
	issuedDecision(t, f, c)
	m := newTestUI(t, f)
	m.win.Resize(laptop)
	return m
}

// Every screen, and the forms opened from them, fit the laptop's window:
// none asks for more than it has, so the window never widens itself when
// the clerk changes screens.
func TestEveryScreenFitsALaptop(t *testing.T) {
	m := onALaptop(t)
	fits := func(what string, min fyne.Size) {
		t.Helper()
		if min.Width > laptop.Width || min.Height > laptop.Height {
			t.Errorf("%s needs %v, more than the laptop's %v", what, min, laptop)
		}
	}
	for p := range numPages {
		showPage(t, m, p)
		waitAll(m)
		fits(m.rail[p].Text, m.win.Content().MinSize())
		if got := m.win.Canvas().Size(); got != laptop {
			t.Errorf("%s: the window is now %v", m.rail[p].Text, got)
		}
	}
	showPage(t, m, pageDecisions)
	waitAll(m)
	tapCell(t, m.decisions.table, 0, decColNumber) // the detail and its document buttons
	waitAll(m)
	fits("a decision", m.win.Content().MinSize())
	showPage(t, m, pagePrinting)
	settle(m)
	fits("a decision's certificates", m.win.Content().MinSize())
	canvas := m.win.Canvas()
	for _, open := range []struct {
		name string
		open func()
	}{
		{"nomination form", func() { showPage(t, m, pageNominations); m.nominations.newItem() }},
		{"campaign form", func() { showPage(t, m, pageCampaigns); m.campaigns.newItem() }},
		{"award form", func() { showPage(t, m, pageCatalogue); m.catalogue.newItem() }},
		{"registry series", func() { showPage(t, m, pageCatalogue); m.catalogue.openSeries() }},
	} {
		open.open()
		top := canvas.Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog", open.name)
		}
		fits(open.name, top.MinSize())
		for _, o := range drawn(top) {
			if p, ok := o.(fyne.Widget); ok && o.Size().Width > laptop.Width {
				t.Errorf("%s: %T is %v wide", open.name, p, o.Size().Width)
			}
		}
		dismissDialogs(canvas)
	}
}
