package ui

import (
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// nominationsScreen is Đề nghị: the nominations of the current campaign in
// one widget.Table, with search-as-you-type, filters, sorting by the columns
// the query orders by, and add / edit / delete. The rows come a window at a
// time from QueryNominations (nomination_pages.go), in a goroutine (a
// progress bar runs meanwhile); each write reloads the window on screen,
// since the service decides the list order and the cleaned text.
type nominationsScreen struct {
	svc    khenthuong.Services
	win    fyne.Window
	labels *cellLabels

	campaigns  []khenthuong.Campaign
	forms      []khenthuong.AwardForm
	campaignID uint64
	stale      bool // campaignID changed while hidden: load on show
	visible    bool

	campaignSelect *widget.Select
	kindSelect     *widget.Select
	formSelect     *widget.Select
	statusSelect   *widget.Select
	warnedCheck    *widget.Check // Chỉ đề nghị có cảnh báo
	search         *searchEntry
	count          *widget.Label
	progress       *busyBar
	table          *dataTable
	addButton      *widget.Button
	editButton     *widget.Button
	deleteButton   *widget.Button
	header         *fyne.Container // filters and actions above the table
	footer         *fyne.Container // the selected row's warnings below it
	empty          *emptyHint      // what to do when the list is empty
	root           fyne.CanvasObject

	model     *nomPages
	loadGen   int            // the latest query; older results are dropped
	fetching  bool           // a window of the current query is on its way
	loading   sync.WaitGroup // loads in flight, for tests and benchmarks
	reselect  uint64         // nomination to select once the load arrives
	editor    *nominationEditor
	lastSaved *khenthuong.Nomination // the next new nomination starts from it

	review *reviewPart // nil without a ReviewService (see enableReview)

	onWrite    func()          // nominations were added, changed or deleted
	onCampaign func(id uint64) // the clerk chose campaign id here: the other screens follow
}

func newNominationsScreen(svc khenthuong.Services, win fyne.Window) *nominationsScreen {
	s := &nominationsScreen{svc: svc, win: win, labels: newCellLabels(), model: newNomPages(0, nomFilter{}, -1, false)}

	s.campaignSelect = newSelect(nil, func(string) {
		if i := s.campaignSelect.SelectedIndex(); i >= 0 && s.campaigns[i].ID != s.campaignID {
			s.campaignID = s.campaigns[i].ID
			s.reload()
			if s.onCampaign != nil {
				s.onCampaign(s.campaignID)
			}
		}
	})
	s.campaignSelect.PlaceHolder = lang.L("(choose a campaign)")

	kindOptions := []string{lang.L("All kinds")}
	for _, k := range khenthuong.Kinds {
		kindOptions = append(kindOptions, kindLabel(k))
	}
	s.kindSelect = newSelect(kindOptions, func(string) { s.applyFilter() })
	s.kindSelect.SetSelectedIndex(0)
	statusOptions := []string{lang.L("All statuses")}
	for _, st := range khenthuong.Statuses {
		statusOptions = append(statusOptions, statusLabel(st))
	}
	s.statusSelect = newSelect(statusOptions, func(string) { s.applyFilter() })
	s.statusSelect.SetSelectedIndex(0)
	s.formSelect = newSelect([]string{lang.L("All awards")}, func(string) { s.applyFilter() })
	s.formSelect.SetSelectedIndex(0)

	// The warnings are not a column the query orders by: a click on Cảnh
	// báo's header turns this filter on or off instead (see sortBy).
	s.warnedCheck = widget.NewCheck(lang.L("Only nominations with warnings"), func(bool) { s.applyFilter() })

	s.search = newSearchEntry()
	s.search.SetPlaceHolder(lang.L("Search name, position, unit… (Ctrl+F)"))
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.search.onDown = func() {
		s.table.selectRow(max(s.table.selected, 0))
		s.win.Canvas().Focus(s.table)
	}

	s.count = widget.NewLabel("")
	s.progress = newBusyBar()

	s.table = newDataTable([]column{
		colOrder:    {lang.L("No."), orderColumnWidth()},
		colKind:     {lang.L("Kind"), 108}, // "Hộ gia đình" whole
		colTitle:    {lang.L("Title"), 96},
		colName:     {lang.L("Nominee"), 190},
		colGender:   {lang.L("Gender"), 86},
		colBirth:    {lang.L("Born"), 92},
		colPosition: {lang.L("Position"), 140},
		colUnit:     {lang.L("Unit"), 190},
		colForm:     {lang.L("Award"), 100},
		colStatus:   {lang.L("Status"), 110},
		colWarnings: {lang.L("Warnings"), 84},
		colProposer: {lang.L("Proposed by"), 150},
	}, colName, func() int { return s.model.len() }, func(r, c int) string {
		text := s.model.text(r, c, s.labels)
		if s.model.wanted >= 0 {
			s.fetchWanted() // the table drew a row not held: bring its window
		}
		return text
	})
	s.table.onSort = s.sortBy
	s.table.onSelect = func(row int) {
		s.rowSelected(row)
		s.updateButtons()
	}
	s.table.onActivate = func(int) { s.editSelected() }
	s.table.onDelete = func(int) { s.deleteSelected() }

	s.addButton = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), s.newItem)
	s.addButton.Importance = widget.HighImportance
	s.editButton = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), s.editSelected)
	s.deleteButton = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.deleteSelected)

	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Campaign")),
		container.NewHBox(s.addButton, s.editButton, s.deleteButton), s.campaignSelect)
	// The count keeps the width of its longest likely text, so the search
	// box does not move as the count changes while the clerk types.
	s.count.Alignment = fyne.TextAlignTrailing
	countWidth := widget.NewLabel(lang.L("more than {{.Count}} nominations", map[string]any{"Count": formatCount(100000)})).MinSize().Width
	// The check and the count stay on the search's line when the filters go under it.
	filters := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(s.warnedCheck, fixedWidth(s.count, countWidth))),
		container.New(&columnsLayout{}, s.search, // the filters go under the search in a narrow window
			container.NewGridWithColumns(3, selectWideEnough(s.kindSelect), selectWideEnough(s.formSelect), selectWideEnough(s.statusSelect))))
	s.header = container.NewVBox(top, filters, s.progress)
	s.footer = container.NewVBox()
	var body fyne.CanvasObject
	s.empty, body = newEmptyHint(s.table)
	s.root = container.NewBorder(s.header, s.footer, nil, nil, body)

	s.refreshCampaigns()
	s.refreshForms()
	s.updateCount()
	s.updateButtons()
	return s
}

func (s *nominationsScreen) content() fyne.CanvasObject { return s.root }

// shown refreshes the lists another screen may have changed and reloads
// the window of rows on screen (all of them if the campaign changed while
// the screen was hidden): it is also how another clerk's change arrives (live.go).
func (s *nominationsScreen) shown() {
	s.visible = true
	s.refreshForms()
	s.reload()
}

func (s *nominationsScreen) hidden() { s.visible = false }

// setCampaign makes id the current campaign (chosen on Đợt khen thưởng).
func (s *nominationsScreen) setCampaign(id uint64) {
	if id == s.campaignID {
		return
	}
	s.campaignID = id
	s.selectCampaignOption()
	s.stale = true
	if s.visible {
		s.reload()
	}
}

// refreshCampaigns reloads the campaign choices after campaigns changed.
func (s *nominationsScreen) refreshCampaigns() {
	cs, err := s.svc.Campaigns()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.campaigns = cs
	found := slices.ContainsFunc(cs, func(c khenthuong.Campaign) bool { return c.ID == s.campaignID })
	s.campaignSelect.SetOptions(campaignNames(cs))
	if !found && s.campaignID != 0 { // the current campaign was deleted
		s.campaignID = 0
		s.stale = true
		if s.visible {
			s.reload()
		}
	}
	s.selectCampaignOption()
	if s.empty != nil {
		s.updateEmpty()
	}
}

// selectCampaignOption shows campaignID in the select without triggering a load.
func (s *nominationsScreen) selectCampaignOption() {
	if !showCampaignOption(s.campaignSelect, s.campaigns, s.campaignID) {
		s.campaignSelect.ClearSelected()
	}
}

// campaignNames are the options of a campaign select, in the campaigns' order.
func campaignNames(cs []khenthuong.Campaign) []string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return names
}

// showCampaignOption selects the campaign id among camps, the select's
// options in the same order, without calling the select's OnChanged (which
// would load the campaign again); it reports whether the campaign is there.
func showCampaignOption(sel *widget.Select, camps []khenthuong.Campaign, id uint64) bool {
	for i, c := range camps {
		if c.ID == id {
			if sel.SelectedIndex() != i && i < len(sel.Options) {
				sel.Selected = sel.Options[i]
				sel.Refresh()
			}
			return true
		}
	}
	return false
}

// refreshForms reloads the catalogue for the form filter and the editor.
func (s *nominationsScreen) refreshForms() {
	forms, err := s.svc.Forms()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.forms = forms
	selected := s.filterFormCode()
	opts := []string{lang.L("All awards")}
	for _, f := range forms {
		opts = append(opts, f.Code)
	}
	s.formSelect.Options = opts
	s.formSelect.Selected = opts[0]
	for _, o := range opts[1:] {
		if o == selected {
			s.formSelect.Selected = o
		}
	}
	s.formSelect.Refresh()
}

func (s *nominationsScreen) filterFormCode() string {
	if i := s.formSelect.SelectedIndex(); i > 0 {
		return s.formSelect.Options[i]
	}
	return ""
}

// reload queries the current campaign again in a goroutine, for the window
// of rows on screen; the table keeps showing the previous rows until the
// new ones are ready.
func (s *nominationsScreen) reload() {
	s.stale = false
	old := s.model
	m := newNomPages(s.campaignID, s.currentFilter(), old.sortCol, old.sortDesc)
	offset := 0
	if old.campaignID == s.campaignID {
		offset = old.offset // the same list: stay where the clerk is
	}
	s.query(m, offset)
}

// query brings the window at offset of m's query, then shows m and asks for
// the warnings of its rows.
func (s *nominationsScreen) query(m *nomPages, offset int) {
	s.loadGen++
	gen := s.loadGen
	if m.campaignID == 0 {
		s.setModel(m)
		return
	}
	s.progress.busy(true)
	background(&s.loading, func() func() {
		p, err := s.svc.QueryNominations(m.query(offset, pageWindow))
		return func() {
			s.progress.busy(false)
			if gen != s.loadGen {
				s.updateEmpty() // a newer query may have ended first
				return
			}
			if err != nil {
				showError(err, s.win)
				return
			}
			if len(p.Nominations) == 0 && offset > 0 && p.Total > 0 {
				s.query(m, windowAround(p.Total-1)) // the list got shorter than where the clerk was
				return
			}
			m.set(offset, p)
			s.setModel(m)
		}
	})
}

// fetchWanted brings the window around the row the table last drew without
// holding it, unless a window is already on its way (it asks again when that
// one arrives, for wherever the clerk has scrolled meanwhile).
func (s *nominationsScreen) fetchWanted() {
	m := s.model
	if m.wanted < 0 || s.fetching {
		return
	}
	offset, gen := windowAround(m.wanted), s.loadGen
	m.wanted = -1
	s.fetching = true
	background(&s.loading, func() func() {
		p, err := s.svc.QueryNominations(m.query(offset, pageWindow))
		return func() {
			s.fetching = false
			if gen != s.loadGen || s.model != m {
				s.fetchWanted()
				return // another query meanwhile
			}
			if err != nil {
				showError(err, s.win)
				return
			}
			m.set(offset, p)
			s.refreshMarks()
			s.table.Refresh()
			s.updateCount()
			s.loadWarnings()
			s.fetchWanted()
		}
	})
}

// setModel shows a freshly queried window, keeping the selected nomination
// selected when it is among the new rows.
func (s *nominationsScreen) setModel(m *nomPages) {
	if r := s.review; r != nil && r.warnCampaign == m.campaignID {
		m.setWarnings(r.warnings) // until they are computed again
	}
	keep := s.reselect
	if n := s.selected(); keep == 0 && n != nil && n.CampaignID == m.campaignID {
		keep = n.ID
	}
	s.reselect = 0
	s.model = m
	s.quietly(func() {
		s.table.clearSelection()
		s.table.sortCol, s.table.sortDesc = m.sortCol, m.sortDesc
		s.table.Refresh()
		if keep != 0 {
			if r := m.rowOf(keep); r >= 0 {
				s.table.selectRow(r)
			}
		}
	})
	s.refreshMarks()
	s.markSelectedIfNone()
	s.updateCount()
	s.updateButtons()
	s.loadWarnings()
}

func (s *nominationsScreen) currentFilter() nomFilter {
	f := nomFilter{query: s.search.Text, formCode: s.filterFormCode(), warned: s.warnedCheck.Checked}
	if i := s.kindSelect.SelectedIndex(); i > 0 {
		f.kind = khenthuong.Kinds[i-1]
	}
	if i := s.statusSelect.SelectedIndex(); i > 0 {
		f.status = khenthuong.Statuses[i-1]
	}
	return f
}

// applyFilter runs on every keystroke of the search: one page query.
func (s *nominationsScreen) applyFilter() {
	if s.model == nil || s.table == nil {
		return // still being built
	}
	s.query(newNomPages(s.campaignID, s.currentFilter(), s.model.sortCol, s.model.sortDesc), 0)
}

// sortBy sorts by col, if the query orders by it; a second click on the
// same column reverses the order. A click on Cảnh báo shows only the rows
// with warnings, or all of them again.
func (s *nominationsScreen) sortBy(col int) {
	if col == colWarnings {
		s.warnedCheck.SetChecked(!s.warnedCheck.Checked)
		return
	}
	if _, ok := columnSorts[col]; !ok {
		return
	}
	desc := col == s.model.sortCol && !s.model.sortDesc
	s.query(newNomPages(s.campaignID, s.currentFilter(), col, desc), 0)
}

// updateCount shows how many nominations the list has: "hơn 1.000" while a
// search counts no further.
func (s *nominationsScreen) updateCount() {
	count := map[string]any{"Count": formatCount(s.model.total)}
	if s.model.atLeast {
		s.count.SetText(lang.L("more than {{.Count}} nominations", count))
	} else {
		s.count.SetText(lang.L("{{.Count}} nominations", count))
	}
	s.updateEmpty()
}

// updateEmpty tells, over an empty table, what to do next.
func (s *nominationsScreen) updateEmpty() {
	switch {
	case s.campaignID == 0 && len(s.campaigns) == 0:
		s.empty.set(lang.L("There is no campaign yet. Create one on Campaigns (New campaign), then come back here to enter or import its nominations."))
	case s.campaignID == 0:
		s.empty.set(lang.L("Choose a campaign above to see its nominations."))
	case s.progress.running():
		s.empty.set("") // loading
	case s.model.len() == 0 && !s.model.filtered():
		s.empty.set(lang.L("This campaign has no nominations yet. Click Add to type one, or import a unit's list with Import from Excel on Campaigns."))
	case s.model.len() == 0 && s.model.filter.warned:
		s.empty.set(lang.L("No nomination with warnings matches the search and filters."))
	case s.model.len() == 0:
		s.empty.set(lang.L("No nomination matches the search and filters."))
	default:
		s.empty.set("")
	}
}

func (s *nominationsScreen) updateButtons() {
	if s.campaignID == 0 {
		s.addButton.Disable()
	} else {
		s.addButton.Enable()
	}
	if s.selected() == nil {
		s.editButton.Disable()
		s.deleteButton.Disable()
	} else {
		s.editButton.Enable()
		s.deleteButton.Enable()
	}
	s.updateReview()
}

// selected is the nomination on the selected row, or nil.
func (s *nominationsScreen) selected() *khenthuong.Nomination {
	return s.model.at(s.table.selected)
}

func (s *nominationsScreen) focusSearch() { s.win.Canvas().Focus(s.search) }

// typedKey handles Delete and Enter when no widget has the focus.
func (s *nominationsScreen) typedKey(ev *fyne.KeyEvent) { s.table.TypedKey(ev) }

// newItem opens the form for a new nomination of the current campaign.
func (s *nominationsScreen) newItem() {
	if s.campaignID == 0 {
		showInfo(lang.L("Nominations"), lang.L("Choose or create a campaign first."), s.win)
		return
	}
	s.openEditor(nil)
}

func (s *nominationsScreen) editSelected() {
	if n := s.selected(); n != nil {
		s.openEditor(n)
	}
}

// deleteSelected asks before deleting the selected nomination.
func (s *nominationsScreen) deleteSelected() {
	n := s.selected()
	if n == nil {
		return
	}
	id := n.ID
	askDelete(s.win, lang.L("Delete nomination"),
		lang.L("Delete the nomination of {{.Name}}?", map[string]any{"Name": n.Nominee.DisplayName()}),
		func() {
			if err := s.svc.DeleteNomination(id); err != nil {
				showError(err, s.win)
				return
			}
			s.wrote()
			s.reload()
		})
}

// saved is called by the editor after a write; created tells a new nomination.
func (s *nominationsScreen) saved(n khenthuong.Nomination, created bool) {
	if created {
		s.lastSaved = &n
	}
	s.reselect = n.ID
	s.wrote()
	s.reload()
}

func (s *nominationsScreen) wrote() {
	if s.onWrite != nil {
		s.onWrite()
	}
}

func (s *nominationsScreen) campaignName(id uint64) string {
	for _, c := range s.campaigns {
		if c.ID == id {
			return c.Name
		}
	}
	return ""
}
