// Package ui is the Khen thưởng window: a navigation rail on the left and one
// screen per task. Every screen is a small struct holding its widgets and the
// domain services it needs (never the store), so tests drive real widgets
// against an in-memory fake.
package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// Options are the facts about this run that the window shows.
type Options struct {
	DataPath string // the data file, named in the title and the status bar
	Version  string
	// Open shows a saved document (PDF, .docx, .xlsx) in the program the
	// system uses for it; nil uses Fyne's OpenURL.
	Open func(path string) error
	// Size is the window's first size; zero is 1280×800. The caller fits
	// it to the screen's work area (see cmd/khenthuong).
	Size fyne.Size
	// DarkMode tells whether the system is in dark mode (Windows' setting);
	// nil follows Fyne's own choice.
	DarkMode func() bool
}

// The pages of the navigation rail, in rail order.
const (
	pageDashboard = iota
	pageCampaigns
	pageNominations
	pageDecisions
	pagePrinting
	pageLookup
	pageCatalogue
	pageSettings
	numPages
)

// screen is what the rail switches between.
type screen interface {
	content() fyne.CanvasObject
}

// Optional abilities of a screen, reached through the window's keyboard shortcuts.
type (
	shownScreen   interface{ shown() }                  // refresh what may have changed elsewhere
	hiddenScreen  interface{ hidden() }                 // another page was chosen
	newItemScreen interface{ newItem() }                // Ctrl+N
	searchScreen  interface{ focusSearch() }            // Ctrl+F
	keyedScreen   interface{ typedKey(*fyne.KeyEvent) } // keys when nothing has the focus
)

// Shortcuts of the window. Entries swallow the shortcuts they are given, so
// the search entry passes these on (see searchEntry).
var (
	shortcutNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
)

// MainWindow is the application window.
type MainWindow struct {
	win fyne.Window

	rail    []*widget.Button
	stack   *fyne.Container
	screens [numPages]screen
	page    int
	status  *widget.Label

	dashboard   *dashboardScreen
	campaigns   *campaignsScreen
	nominations *nominationsScreen
	catalogue   *catalogueScreen
	settings    *settingsScreen

	// Quyết định, Tra cứu and In ấn, saving documents through saver.
	decisions *decisionsScreen
	lookup    *historyScreen
	saver     *docSaver
	printing  *printScreen // In ấn
}

// New builds the main window of app a on the services svc. It sets the
// language from the stored settings first, so every string is built in it.
func New(a fyne.App, svc khenthuong.Services, opts Options) *MainWindow {
	paceCollector()
	st, err := svc.Settings()
	if err != nil {
		logInternal(err)
		st = khenthuong.DefaultSettings()
	}
	if err := SetLanguage(st.Language); err != nil {
		fyne.LogError("Khen thưởng: translations", err)
	}

	a.Settings().SetTheme(newAppTheme(a, opts.DarkMode))
	m := &MainWindow{page: -1}
	m.win = a.NewWindow(windowTitle(opts.DataPath))
	size := opts.Size
	if size.IsZero() {
		size = fyne.NewSize(1280, 800)
	}
	m.win.Resize(size)

	m.nominations = newNominationsScreen(svc, m.win)
	m.campaigns = newCampaignsScreen(svc, m.win)
	m.campaigns.onChoose = m.setCampaign
	m.campaigns.onOpen = func(id uint64) {
		m.campaigns.onChoose(id)
		m.show(pageNominations)
	}
	m.campaigns.onChanged = m.nominations.refreshCampaigns
	m.nominations.onWrite = m.campaigns.nominationsChanged
	m.campaigns.onImported = func(id uint64) {
		m.nominations.setCampaign(id)
		m.nominations.stale = true // loads the new rows when shown
	}
	m.catalogue = newCatalogueScreen(svc, m.win)
	m.settings = newSettingsScreen(svc, m.win)

	m.dashboard = newDashboardScreen(svc)
	m.screens = [numPages]screen{
		pageDashboard:   m.dashboard,
		pageCampaigns:   m.campaigns,
		pageNominations: m.nominations,
		pageCatalogue:   m.catalogue,
		pageSettings:    m.settings,
	}
	m.saver = newDocSaver(m.win, opts.Open)
	m.nominations.enableReview(svc)
	m.decisions = newDecisionsScreen(svc, m.win, m.saver)
	m.decisions.onWrite = m.nominations.decisionsChanged
	m.lookup = newHistoryScreen(svc, m.win, m.saver)
	m.screens[pageDecisions] = m.decisions
	m.screens[pageLookup] = m.lookup
	m.printing = newPrintScreen(svc, m.win)
	m.printing.open = m.saver.open
	m.screens[pagePrinting] = m.printing
	m.nominations.onCampaign = m.setCampaign
	m.decisions.onCampaign = m.setCampaign
	m.printing.onCampaign = m.setCampaign

	m.status = widget.NewLabel(opts.DataPath)
	m.status.Truncation = fyne.TextTruncateEllipsis
	version := widget.NewLabel("")
	if opts.Version != "" {
		version.SetText(lang.L("Version {{.Version}}", map[string]any{"Version": opts.Version}))
	}
	statusBar := container.NewBorder(widget.NewSeparator(), nil, nil, version, m.status)

	m.stack = container.NewStack()
	body := container.NewBorder(nil, statusBar, container.NewHBox(m.buildRail(), widget.NewSeparator()), nil, m.stack)
	m.win.SetContent(withTooltips(m.win.Canvas(), body))
	m.addShortcuts()
	m.applyRights(svc, opts.DataPath)
	m.followChanges(svc)

	m.campaigns.shown() // lists the campaigns
	// The newest campaign is the one a clerk is most likely working on.
	// Selecting it on Đợt khen thưởng shows which one Đề nghị works on.
	m.campaigns.table.selectRow(0)
	m.show(pageDashboard) // Tổng quan is the first page
	return m
}

// setCampaign makes id the current campaign of Đề nghị, Quyết định and In
// ấn, wherever the clerk chose it, and selects it on Đợt khen thưởng.
func (m *MainWindow) setCampaign(id uint64) {
	m.nominations.setCampaign(id)
	m.decisions.setCampaign(id)
	m.printing.setCampaign(id)
	for i := range m.campaigns.list {
		if m.campaigns.list[i].ID == id && m.campaigns.table.selected != i {
			m.campaigns.table.selectRow(i) // tells setCampaign again: nothing left to do
		}
	}
}

// Window is the fyne window, e.g. for dialogs shown by the caller.
func (m *MainWindow) Window() fyne.Window { return m.win }

// ShowAndRun shows the window and runs the application until it closes.
func (m *MainWindow) ShowAndRun() { m.win.ShowAndRun() }

func windowTitle(dataPath string) string {
	name := lang.X("app.name", "Khen thưởng")
	if dataPath == "" {
		return name
	}
	return name + " — " + filepath.Base(dataPath)
}

func (m *MainWindow) buildRail() fyne.CanvasObject {
	items := [numPages]struct {
		label string
		icon  fyne.Resource
	}{
		pageDashboard:   {lang.L("Overview"), theme.GridIcon()},
		pageCampaigns:   {lang.L("Campaigns"), theme.CalendarIcon()},
		pageNominations: {lang.L("Nominations"), theme.ListIcon()},
		pageDecisions:   {lang.L("Decisions"), theme.DocumentIcon()},
		pagePrinting:    {lang.L("Printing"), theme.DocumentPrintIcon()},
		pageLookup:      {lang.L("Lookup"), theme.SearchIcon()},
		pageCatalogue:   {lang.L("Catalogue"), theme.StorageIcon()},
		pageSettings:    {lang.L("Settings"), theme.SettingsIcon()},
	}
	box := container.NewVBox()
	m.rail = make([]*widget.Button, numPages)
	for i, it := range items {
		b := widget.NewButtonWithIcon(it.label, it.icon, func() { m.show(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		m.rail[i] = b
		box.Add(b)
	}
	return box
}

// show switches to page p and marks it in the rail.
func (m *MainWindow) show(p int) {
	if p == m.page {
		return
	}
	if m.page >= 0 {
		m.rail[m.page].Importance = widget.LowImportance
		m.rail[m.page].Refresh()
		if s, ok := m.screens[m.page].(hiddenScreen); ok {
			s.hidden()
		}
	}
	m.page = p
	m.rail[p].Importance = widget.HighImportance
	m.rail[p].Refresh()
	m.stack.Objects = []fyne.CanvasObject{m.screens[p].content()}
	localizeSelects(m.stack)
	m.stack.Refresh()
	if s, ok := m.screens[p].(shownScreen); ok {
		s.shown()
	}
}

func (m *MainWindow) addShortcuts() {
	c := m.win.Canvas()
	c.AddShortcut(shortcutNew, func(fyne.Shortcut) {
		if s, ok := m.screens[m.page].(newItemScreen); ok && !m.dialogOpen() {
			s.newItem()
		}
	})
	c.AddShortcut(shortcutSearch, func(fyne.Shortcut) {
		if m.dialogOpen() {
			return
		}
		s, ok := m.screens[m.page].(searchScreen)
		if !ok { // only Đề nghị has a search box: go there
			m.show(pageNominations)
			s = m.nominations
		}
		s.focusSearch()
	})
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && escapeDialog(c) {
			return
		}
		if s, ok := m.screens[m.page].(keyedScreen); ok && !m.dialogOpen() {
			s.typedKey(ev)
		}
	})
}

// dialogOpen reports whether a dialog covers the screen: shortcuts then
// belong to it, not to the screen behind.
func (m *MainWindow) dialogOpen() bool {
	return m.win.Canvas().Overlays().Top() != nil
}

// isAppShortcut reports whether s is one of the window's own shortcuts.
func isAppShortcut(s fyne.Shortcut) bool {
	name := s.ShortcutName()
	return name == shortcutNew.ShortcutName() || name == shortcutSearch.ShortcutName()
}
