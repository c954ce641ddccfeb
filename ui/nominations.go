package ui

import (
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// nominationsScreen is Đề nghị: the nominations of the current campaign in
// one widget.Table, with search-as-you-type, filters, sorting by any column,
// and add / edit / delete. The campaign's nominations are loaded once in a
// goroutine (a progress bar runs meanwhile) into a nomModel, whose folded
// keys make every keystroke of the search a scan in memory; each write
// reloads, since the service decides the list order and the cleaned text.
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

	model     *nomModel
	loadGen   int            // the latest load; older results are dropped
	loading   sync.WaitGroup // loads and sorts in flight, for tests and benchmarks
	reselect  uint64         // nomination to select once the load arrives
	editor    *nominationEditor
	lastSaved *khenthuong.Nomination // the next new nomination starts from it

	review *reviewPart // nil without a ReviewService (see enableReview)

	onWrite    func()          // nominations were added, changed or deleted
	onCampaign func(id uint64) // the clerk chose campaign id here: the other screens follow
}

func newNominationsScreen(svc khenthuong.Services, win fyne.Window) *nominationsScreen {
	s := &nominationsScreen{svc: svc, win: win, labels: newCellLabels(), model: newNomModel(nil)}

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
		colOrder:    {lang.L("No."), 48},
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
	}, colName, func() int { return s.model.len() }, func(r, c int) string { return s.model.text(r, c, s.labels) })
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
	filters := container.NewBorder(nil, nil, nil, s.count,
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

// shown refreshes the lists another screen may have changed and loads the
// nominations if the campaign changed while the screen was hidden.
func (s *nominationsScreen) shown() {
	s.visible = true
	s.refreshForms()
	if s.stale {
		s.reload()
	}
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

// reload loads the current campaign's nominations in a goroutine; the table
// keeps showing the previous rows until the new ones are ready.
func (s *nominationsScreen) reload() {
	s.stale = false
	s.loadGen++
	gen, id := s.loadGen, s.campaignID
	sortCol, sortDesc := s.model.sortCol, s.model.sortDesc
	if id == 0 {
		s.setModel(newNomModel(nil))
		return
	}
	s.progress.busy(true)
	background(&s.loading, func() func() {
		ns, err := s.svc.Nominations(khenthuong.NominationFilter{CampaignID: id})
		var m *nomModel
		if err == nil {
			m = newNomModel(ns)
			if sortCol >= 0 {
				m.sortBy(sortCol, sortDesc)
			}
		}
		return func() {
			s.progress.busy(false)
			if gen != s.loadGen {
				return // a newer load is on its way
			}
			if err != nil {
				showError(err, s.win)
				return
			}
			s.setModel(m)
		}
	})
}

// setModel shows freshly loaded rows with the current filter and sort.
func (s *nominationsScreen) setModel(m *nomModel) {
	if m.sortCol != s.model.sortCol || m.sortDesc != s.model.sortDesc {
		m.sortBy(s.model.sortCol, s.model.sortDesc) // the clerk sorted during the load
	}
	m.setFilter(s.currentFilter())
	if r := s.review; r != nil && r.warnCampaign == s.campaignID {
		m.setWarnings(r.warnings) // until they are computed again
	}
	s.model = m
	s.quietly(func() {
		s.table.clearSelection()
		s.table.Refresh()
		if s.reselect != 0 {
			if r := m.rowOf(s.reselect); r >= 0 {
				s.table.selectRow(r)
			}
			s.reselect = 0
		}
	})
	s.markSelectedIfNone()
	s.updateCount()
	s.updateButtons()
	s.loadWarnings()
}

func (s *nominationsScreen) currentFilter() nomFilter {
	f := nomFilter{query: s.search.Text, formCode: s.filterFormCode()}
	if i := s.kindSelect.SelectedIndex(); i > 0 {
		f.kind = khenthuong.Kinds[i-1]
	}
	if i := s.statusSelect.SelectedIndex(); i > 0 {
		f.status = khenthuong.Statuses[i-1]
	}
	return f
}

// applyFilter runs on every keystroke of the search: a scan of folded keys.
func (s *nominationsScreen) applyFilter() {
	if s.model == nil || s.table == nil {
		return // still being built
	}
	var keep uint64
	if n := s.model.at(s.table.selected); n != nil {
		keep = n.ID
	}
	s.model.setFilter(s.currentFilter())
	s.afterReorder(keep)
}

// sortInBackground is the list size from which the first sort by a column
// runs in a goroutine: collation keys of 100,000 names take a good part of
// a second, too long to freeze the window for.
const sortInBackground = 20_000

// sortBy sorts by col; a second click on the same column reverses the order.
func (s *nominationsScreen) sortBy(col int) {
	desc := false
	if col == s.model.sortCol {
		desc = !s.model.sortDesc
	}
	m := s.model
	if m.hasRanks(col) || len(m.ns) < sortInBackground {
		s.applySort(col, desc)
		return
	}
	s.progress.busy(true)
	background(&s.loading, func() func() {
		ranks := m.computeRanks(col)
		return func() {
			s.progress.busy(false)
			if s.model != m {
				return // reloaded meanwhile: the clerk clicks again on the new rows
			}
			m.setRanks(col, ranks)
			s.applySort(col, desc)
		}
	})
}

// applySort reorders the rows, keeping the selected nomination selected.
func (s *nominationsScreen) applySort(col int, desc bool) {
	var keep uint64
	if n := s.model.at(s.table.selected); n != nil {
		keep = n.ID
	}
	s.model.sortBy(col, desc)
	s.table.sortCol, s.table.sortDesc = col, desc
	s.afterReorder(keep)
}

// afterReorder redraws the table and keeps the selected nomination selected.
func (s *nominationsScreen) afterReorder(keep uint64) {
	s.quietly(func() {
		s.table.clearSelection()
		if keep != 0 {
			if r := s.model.rowOf(keep); r >= 0 {
				s.table.selectRow(r)
			}
		}
	})
	s.table.Refresh()
	s.updateCount()
	s.updateButtons()
}

func (s *nominationsScreen) updateCount() {
	s.count.SetText(lang.L("{{.Shown}} / {{.Total}} nominations", map[string]any{
		"Shown": formatCount(s.model.len()), "Total": formatCount(len(s.model.ns)),
	}))
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
	case len(s.model.ns) == 0:
		s.empty.set(lang.L("This campaign has no nominations yet. Click Add to type one, or import a unit's list with Import from Excel on Campaigns."))
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
		dialog.ShowInformation(lang.L("Nominations"), lang.L("Choose or create a campaign first."), s.win)
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
