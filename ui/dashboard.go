package ui

import (
	"image/color"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/stats"
	"khenthuong/vntext"
)

// dashboardScreen is Tổng quan, the first page: the figures leaders ask for
// (nominations by status, awards by form, kind, unit, gender and year, bonus
// totals), each as a bar chart with the numbers beside the bars, filtered by
// campaign, period, form and issuer. The summary is computed in the
// background and reaches the widgets through uiDo.
type dashboardScreen struct {
	svc khenthuong.Services

	campaigns []khenthuong.Campaign // the options of campaign after "all"
	forms     []khenthuong.AwardForm
	issuers   []string
	gen       int            // the latest refresh; older results are dropped
	loading   sync.WaitGroup // refreshes in flight, for tests
	summary   *stats.Summary // the one shown
	filling   bool           // the filter options are being set: no refresh per option
	dateTimer *time.Timer    // the refresh after a pause in typing a date

	campaign, form, issuer *widget.Select
	from, to               *textEntry
	totals                 *widget.Label
	problem                *widget.Label
	charts                 *fyne.Container
	root                   fyne.CanvasObject
}

func newDashboardScreen(svc khenthuong.Services) *dashboardScreen {
	s := &dashboardScreen{svc: svc}
	s.campaign = widget.NewSelect(nil, func(string) { s.refresh() })
	s.form = widget.NewSelect(nil, func(string) { s.refresh() })
	s.issuer = widget.NewSelect(nil, func(string) { s.refresh() })
	s.from = newDateEntry(khenthuong.Date{})
	s.to = newDateEntry(khenthuong.Date{})
	s.from.OnChanged = func(string) { s.dateTyped() }
	s.to.OnChanged = func(string) { s.dateTyped() }
	s.totals = widget.NewLabel("")
	s.totals.Wrapping = fyne.TextWrapWord
	s.totals.TextStyle.Bold = true
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()
	s.charts = container.NewVBox()
	// Two rows that take the page's width: in one scrolling row the last
	// filter ran off a laptop's window and every choice was cut to "Mọi h…".
	dateW := dateEntryWidth()
	filters := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Campaign")),
			container.NewHBox(
				widget.NewLabel(lang.L("From")), fixedWidth(s.from, dateW),
				widget.NewLabel(lang.L("To")), fixedWidth(s.to, dateW)),
			s.campaign),
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel(lang.L("Award")), nil, s.form),
			container.NewBorder(nil, nil, widget.NewLabel(lang.L("Issuer")), nil, s.issuer)))
	// Scrolling sideways only below their width: the window may still be
	// made narrower than the two rows (a screen shared with another window).
	top := container.NewVBox(container.NewHScroll(filters), s.totals, s.problem)
	s.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.charts))
	return s
}

// fixedWidth gives an entry a fixed width in an HBox.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

// dateEntryWidth is wide enough for a date entry's "ngày/tháng/năm" hint.
func dateEntryWidth() float32 {
	return fyne.MeasureText(lang.L("dd/mm/yyyy"), theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
}

func (s *dashboardScreen) content() fyne.CanvasObject { return s.root }

// shown reloads the filter options and the figures: data may have changed on other pages.
func (s *dashboardScreen) shown() { s.load() }

// load reads the campaigns and forms for the filters, then refreshes.
func (s *dashboardScreen) load() {
	background(&s.loading, func() func() {
		camps, err1 := s.svc.Campaigns()
		forms, err2 := s.svc.Forms()
		return func() {
			if err := firstErr(err1, err2); err != nil {
				s.showProblem(err)
				return
			}
			s.setOptions(camps, forms)
			s.refresh()
		}
	})
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func (s *dashboardScreen) showProblem(err error) {
	logInternal(err)
	s.problem.SetText(khenthuong.ErrorMessage(err))
	s.problem.Show()
}

// setOptions fills the filters, keeping what was chosen where it still exists.
func (s *dashboardScreen) setOptions(camps []khenthuong.Campaign, forms []khenthuong.AwardForm) {
	s.filling = true
	defer func() { s.filling = false }()
	s.campaigns, s.forms = camps, forms
	keep := func(sel *widget.Select, opts []string) {
		old := sel.Selected
		sel.SetOptions(opts)
		sel.SetSelectedIndex(0)
		for i, o := range opts {
			if o == old {
				sel.SetSelectedIndex(i)
			}
		}
	}
	opts := []string{lang.L("All campaigns")}
	for _, c := range camps {
		opts = append(opts, c.Name)
	}
	keep(s.campaign, opts)
	opts = []string{lang.L("All awards")}
	seen := map[string]bool{}
	s.issuers = nil
	for _, f := range forms {
		opts = append(opts, f.Name)
		if f.Issuer != "" && !seen[f.Issuer] {
			seen[f.Issuer] = true
			s.issuers = append(s.issuers, f.Issuer)
		}
	}
	keep(s.form, opts)
	sort.Slice(s.issuers, func(i, j int) bool { return vntext.Compare(s.issuers[i], s.issuers[j]) < 0 })
	keep(s.issuer, append([]string{lang.L("All issuers")}, s.issuers...))
}

// filter reads the filters; a date that does not parse is reported and left out.
func (s *dashboardScreen) filter() stats.Filter {
	var f stats.Filter
	if i := s.campaign.SelectedIndex(); i > 0 && i <= len(s.campaigns) {
		f.CampaignID = s.campaigns[i-1].ID
	}
	if i := s.form.SelectedIndex(); i > 0 && i <= len(s.forms) {
		f.FormCode = s.forms[i-1].Code
	}
	if i := s.issuer.SelectedIndex(); i > 0 && i <= len(s.issuers) {
		f.Issuer = s.issuers[i-1]
	}
	var bad []string
	for _, e := range []struct {
		field string
		entry *textEntry
		to    *khenthuong.Date
	}{{lang.L("From"), s.from, &f.From}, {lang.L("To"), s.to, &f.To}} {
		if strings.TrimSpace(e.entry.Text) == "" {
			continue
		}
		d, err := parseDate(e.field, e.entry.Text)
		if err != nil {
			bad = append(bad, e.field+": "+khenthuong.ErrorMessage(err))
			continue
		}
		*e.to = d
	}
	if len(bad) > 0 {
		s.problem.SetText(strings.Join(bad, "; "))
		s.problem.Show()
	} else {
		s.problem.Hide()
	}
	return f
}

// dateDelay is the pause in typing a date after which the figures follow it:
// a half-typed date is neither an error to show nor worth computing.
const dateDelay = 400 * time.Millisecond

// dateTyped refreshes once the clerk stops typing in a date filter.
func (s *dashboardScreen) dateTyped() {
	if s.dateTimer != nil && s.dateTimer.Stop() {
		s.loading.Done() // the refresh it would have run never starts
	}
	s.loading.Add(1)
	s.dateTimer = time.AfterFunc(dateDelay, func() {
		uiDo(s.refresh)
		s.loading.Done()
	})
}

// refresh computes the summary of the filters in the background.
func (s *dashboardScreen) refresh() {
	if s.filling {
		return
	}
	f := s.filter()
	s.gen++
	gen := s.gen
	background(&s.loading, func() func() {
		sum, err := stats.Compute(s.svc, f)
		return func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				s.showProblem(err)
				return
			}
			s.show(sum)
		}
	})
}

// show draws the summary: the totals line and one chart per table.
func (s *dashboardScreen) show(sum *stats.Summary) {
	s.summary = sum
	s.totals.SetText(lang.L("{{.Awards}} awards in {{.Decisions}} decisions, bonus {{.Bonus}} đồng; women {{.Percent}} of individuals", map[string]any{
		"Awards": vntext.FormatNumber(int64(sum.Awards)), "Decisions": vntext.FormatNumber(int64(sum.Decisions)),
		"Bonus": vntext.FormatNumber(sum.Bonus), "Percent": stats.FormatPercent(sum.WomenPercent),
	}))
	translated := func(prefix string, rows []stats.Count) []stats.Count {
		out := make([]stats.Count, len(rows))
		for i, r := range rows {
			out[i] = r
			if r.Key != "" {
				out[i].Label = lang.X(prefix+r.Key, r.Label)
			}
		}
		return out
	}
	bonus := make([]stats.Count, len(sum.ByForm))
	for i, r := range sum.ByForm {
		bonus[i] = stats.Count{Key: r.Key, Label: r.Label, Count: int(r.Amount)}
	}
	charts := []fyne.CanvasObject{
		barChart(lang.L("Nominations by status"), translated("status.", sum.ByStatus), false),
		barChart(lang.L("Awards by kind"), translated("kind.", sum.ByKind), false),
		barChart(lang.L("Awards by form"), sum.ByForm, false),
		barChart(lang.L("Bonus by form (đồng)"), bonus, true),
		barChart(lang.L("Awards by unit"), sum.ByUnit, false),
		barChart(lang.L("Individuals by gender"), translated("gender.", sum.ByGender), false),
		barChart(lang.L("Awards by year"), sum.ByYear, false),
		barChart(lang.L("Collectives by classification"), sum.ByClassification, false),
	}
	// Two charts a row, each row as tall as its taller chart; one a row in
	// a window too narrow for two (a laptop), rather than widening it.
	s.charts.Objects = nil
	for i := 0; i < len(charts); i += 2 {
		s.charts.Objects = append(s.charts.Objects, container.New(&columnsLayout{}, charts[i:min(i+2, len(charts))]...))
	}
	s.charts.Refresh()
}

// barChart is a titled chart: one row per count, the label, a bar as long as
// the count relative to the largest, and the number (with its share) beside it.
func barChart(title string, rows []stats.Count, money bool) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(head)
	most := 0
	for _, r := range rows {
		most = max(most, r.Count)
	}
	if len(rows) == 0 {
		box.Add(widget.NewLabel(lang.L("No data")))
	}
	for _, r := range rows {
		frac := float32(0)
		if most > 0 {
			frac = float32(r.Count) / float32(most)
		}
		label := canvas.NewText(r.Label, theme.Color(theme.ColorNameForeground))
		label.TextSize = theme.TextSize() * 0.9
		value := vntext.FormatNumber(int64(r.Count))
		if !money {
			value += " (" + stats.FormatPercent(r.Percent) + ")"
		}
		num := canvas.NewText(value, theme.Color(theme.ColorNameForeground))
		num.TextSize = label.TextSize
		num.TextStyle.Bold = true
		bar := canvas.NewRectangle(color.NRGBA{R: 0x3a, G: 0x6e, B: 0xa5, A: 0xff})
		bar.StrokeColor = color.NRGBA{A: 0xff}
		bar.StrokeWidth = 1
		if r.Count == 0 {
			bar.Hide()
		}
		box.Add(container.New(&barLayout{frac: frac}, label, bar, num))
	}
	return container.NewPadded(box)
}

// barLayout places a bar row: the label in a fixed column (cut to fit), the
// bar frac of the remaining width less room for the number, the number after it.
type barLayout struct{ frac float32 }

const (
	barLabelWidth = 230
	barNumWidth   = 130
	barHeight     = 16
)

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(barLabelWidth+barNumWidth+60, barHeight+6)
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	label, bar, num := objs[0].(*canvas.Text), objs[1], objs[2]
	fitLabel(label, barLabelWidth-8)
	lh := label.MinSize().Height
	label.Move(fyne.NewPos(0, (size.Height-lh)/2))
	label.Resize(fyne.NewSize(barLabelWidth-8, lh))
	span := size.Width - barLabelWidth - barNumWidth
	w := max(span*l.frac, 2)
	bar.Move(fyne.NewPos(barLabelWidth, (size.Height-barHeight)/2))
	bar.Resize(fyne.NewSize(w, barHeight))
	nh := num.MinSize().Height
	num.Move(fyne.NewPos(barLabelWidth+w+6, (size.Height-nh)/2))
	num.Resize(num.MinSize())
}

// fitLabel cuts a label to w with an ellipsis, keeping the full text in its first layout.
func fitLabel(t *canvas.Text, w float32) {
	full := t.Text
	for t.MinSize().Width > w && len([]rune(t.Text)) > 4 {
		rs := []rune(strings.TrimSuffix(t.Text, "…"))
		t.Text = string(rs[:len(rs)-2]) + "…"
	}
	if t.Text != full {
		t.Refresh()
	}
}
