package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"khenthuong"
	"khenthuong/demo"
	"khenthuong/stats"
	"khenthuong/vntext"
)

// dashboardTexts are the texts drawn on Tổng quan.
func dashboardTexts(s *dashboardScreen) string {
	var b strings.Builder
	for _, o := range drawn(s.root) {
		switch o := o.(type) {
		case *canvas.Text:
			b.WriteString(o.Text + "\n")
		}
	}
	b.WriteString(s.totals.Text)
	return b.String()
}

func TestDashboard(t *testing.T) {
	f := newFake()
	if _, err := demo.Seed(f); err != nil {
		t.Fatal(err)
	}
	m := newTestUI(t, f)
	s := m.dashboard
	t.Run("FirstPage", func(t *testing.T) {
		if m.page != pageDashboard || m.rail[0] != m.rail[pageDashboard] {
			t.Fatalf("page %d at start", m.page)
		}
	})
	ds, _ := f.Decisions(0)
	awards, women, people := 0, 0, 0
	var bonus int64
	for _, d := range ds {
		if d.Status != khenthuong.DecisionIssued {
			continue
		}
		for _, r := range d.Recipients {
			awards++
			bonus += r.Amount
			if r.Nominee.Kind == khenthuong.Individual {
				people++
				if r.Nominee.Gender == khenthuong.Female {
					women++
				}
			}
		}
	}
	if awards == 0 {
		t.Fatal("the demo has no award")
	}
	t.Run("FiguresOfTheStore", func(t *testing.T) {
		if s.summary == nil || s.summary.Awards != awards || s.summary.Bonus != bonus || s.summary.Women != women || s.summary.Individuals != people {
			t.Fatalf("summary %+v, want %d awards, %d bonus", s.summary, awards, bonus)
		}
		text := dashboardTexts(s)
		for _, want := range []string{vntext.FormatNumber(int64(awards)), vntext.FormatNumber(bonus),
			stats.FormatPercent(float64(women) * 100 / float64(people))} {
			if !strings.Contains(text, want) {
				t.Errorf("no %q on the screen:\n%s", want, text)
			}
		}
		if len(s.charts.Objects) != 4 {
			t.Errorf("%d rows of charts", len(s.charts.Objects))
		}
	})
	t.Run("FilterByPeriodRefreshes", func(t *testing.T) {
		s.from.SetText("01/01/1990")
		s.to.SetText("31/12/1990")
		waitAll(m)
		if s.summary.Awards != 0 || !s.problemHidden() {
			t.Errorf("1990: %d awards", s.summary.Awards)
		}
		s.to.SetText("31/13/1990")
		waitAll(m)
		if s.problemHidden() {
			t.Error("a wrong date is not reported")
		}
		s.from.SetText("")
		s.to.SetText("")
		waitAll(m)
		if s.summary.Awards != awards {
			t.Errorf("back to all: %d", s.summary.Awards)
		}
	})
	t.Run("TypingADateRefreshesOnceAtTheEnd", func(t *testing.T) {
		before := s.gen
		test.Type(s.from, "01/01/1990")
		if !s.problemHidden() || s.gen != before {
			t.Errorf("while typing: problem shown %v, %d refreshes", !s.problemHidden(), s.gen-before)
		}
		waitAll(m)
		if s.gen != before+1 || s.summary.Filter.From != (khenthuong.Date{Year: 1990, Month: 1, Day: 1}) || !s.problemHidden() {
			t.Errorf("after typing: %d refreshes, filter %+v", s.gen-before, s.summary.Filter)
		}
		s.from.SetText("")
		waitAll(m)
	})
	t.Run("FilterByIssuer", func(t *testing.T) {
		s.issuer.SetSelectedIndex(len(s.issuer.Options) - 1)
		waitAll(m)
		if s.summary.Filter.Issuer == "" {
			t.Error("issuer not in the filter")
		}
		s.issuer.SetSelectedIndex(0)
		waitAll(m)
		if s.summary.Filter.Issuer != "" || s.summary.Awards != awards {
			t.Errorf("all issuers: %+v", s.summary.Filter)
		}
	})
	t.Run("ShownAgainReloads", func(t *testing.T) {
		showPage(t, m, pageCampaigns)
		showPage(t, m, pageDashboard)
		if s.summary.Awards != awards {
			t.Errorf("%d awards", s.summary.Awards)
		}
	})
	if *shotDir != "" {
		fyneApp().Settings().SetTheme(theme.LightTheme())
		m.win.Resize(fyne.NewSize(1280, 800))
		s.refresh() // the charts take the theme's colours when drawn
		waitAll(m)
		img := m.win.Canvas().Capture()
		out, err := os.Create(filepath.Join(*shotDir, "dashboard.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
	}
}

// problemHidden reports whether no problem is shown.
func (s *dashboardScreen) problemHidden() bool { return !s.problem.Visible() }
