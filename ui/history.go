package ui

import (
	"io"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/vntext"
)

// Columns of the award history table: who, then what they were given,
// the campaign's long name last.
const (
	histColName = iota
	histColBirth
	histColPosition
	histColUnit
	histColForm
	histColStatus
	histColDecision
	histColDate
	histColRegistry
	histColAmount
	histColCampaign
	numHistCols
)

// searchDelay is how long Tra cứu waits after a keystroke before searching:
// typing a name runs one search, not one per letter.
const searchDelay = 150 * time.Millisecond

// historyScreen is Tra cứu: every nomination and award of a person or
// collective across all campaigns and years, searched as the clerk types
// (folded: without tones, in any case), with the award history of the
// selected nominee printable as "Quá trình khen thưởng".
type historyScreen struct {
	svc    khenthuong.Services
	win    fyne.Window
	saver  *docSaver
	labels *cellLabels

	results []khenthuong.HistoryEntry
	forms   map[string]*khenthuong.AwardForm
	abbr    string
	query   string // the query of results
	gen     int    // the latest search; older results are dropped
	timer   *time.Timer
	loading sync.WaitGroup // searches in flight or waiting, for tests

	files        fileDialogs
	pickFolder   func(win fyne.Window, done func(path string))
	archive      *archiveImport // the last "Nhập quyết định cũ…", for tests
	importFile   *widget.Button
	importFolder *widget.Button

	search      *searchEntry
	count       *widget.Label
	progress    *busyBar
	table       *dataTable
	printButton *widget.Button
	root        fyne.CanvasObject
	doc         *docView
}

func newHistoryScreen(svc khenthuong.Services, win fyne.Window, saver *docSaver) *historyScreen {
	s := &historyScreen{svc: svc, win: win, saver: saver, labels: newCellLabels(), files: defaultFileDialogs, pickFolder: pickFolderDialog}
	s.search = newSearchEntry()
	s.search.SetPlaceHolder(lang.L("Name of a person or collective, with or without tones…"))
	s.search.OnChanged = s.queryChanged
	s.search.onDown = func() {
		s.table.selectRow(max(s.table.selected, 0))
		s.win.Canvas().Focus(s.table)
	}
	s.count = widget.NewLabel("")
	s.progress = newBusyBar()
	s.table = newDataTable([]column{
		histColName:     {lang.L("Full name"), 170},
		histColBirth:    {lang.L("Born"), 90},
		histColPosition: {lang.L("Position"), 130},
		histColUnit:     {lang.L("Unit"), 170},
		histColForm:     {lang.L("Award"), 200},
		histColStatus:   {lang.L("Status"), 110},
		histColDecision: {lang.L("Decision No."), 128},
		histColDate:     {lang.L("Date"), 96},
		histColRegistry: {lang.L("Registry no."), 136},
		histColAmount:   {lang.L("Bonus"), 110},
		histColCampaign: {lang.L("Campaign"), 300},
	}, histColName, func() int { return len(s.results) }, s.cellText)
	s.table.onSelect = func(int) { s.updateButtons() }
	s.table.onActivate = func(int) { s.printSelected() }
	s.printButton = widget.NewButtonWithIcon(lang.L("Print award history"), theme.DocumentPrintIcon(), s.printSelected)
	heading := boldLabel(lang.L("Award history"))
	s.importFile = widget.NewButtonWithIcon(lang.L("Import old decisions…"), theme.DownloadIcon(), s.importArchiveFile)
	s.importFolder = widget.NewButtonWithIcon(lang.L("A whole folder…"), theme.FolderOpenIcon(), s.importArchiveFolder)
	// The count sits below the table: beside the search it left the search
	// box too narrow on a laptop to show what it is for.
	top := container.NewBorder(nil, nil, heading, s.printButton, s.search)
	// Below the table, out of the search's way: the archive is entered once, searched daily.
	// Old decisions take registry numbers: the server leaves them to the head.
	note := roleNote(svc, khenthuong.RightIssueDecisions, s.importFile, s.importFolder)
	note.SetText(lang.L("Only the head of the office may enter old decisions into the registry"))
	bottom := container.NewHBox(s.count, layout.NewSpacer(), note, s.importFile, s.importFolder)
	s.root = container.NewBorder(container.NewVBox(top, s.progress), bottom, nil, nil, s.table)
	s.updateCount()
	s.updateButtons()
	return s
}

func (s *historyScreen) content() fyne.CanvasObject { return s.root }

// shown searches again: decisions issued meanwhile change the results.
func (s *historyScreen) shown() {
	if s.search.Text != "" {
		s.run(s.search.Text, 0)
	}
}

func (s *historyScreen) focusSearch() { s.win.Canvas().Focus(s.search) }

func (s *historyScreen) typedKey(ev *fyne.KeyEvent) { s.table.TypedKey(ev) }

func (s *historyScreen) queryChanged(q string) { s.run(q, searchDelay) }

// run searches for q after delay, in the background; a keystroke within the
// delay starts the wait again, and results of an older query are dropped.
func (s *historyScreen) run(q string, delay time.Duration) {
	s.gen++
	gen := s.gen
	if s.timer != nil && s.timer.Stop() {
		s.loading.Done() // the search it would have run never starts
		s.progress.busy(false)
	}
	s.timer = nil
	if vntext.Fold(q) == "" {
		s.setResults(nil, q)
		return
	}
	s.progress.busy(true)
	s.loading.Add(1)
	s.timer = time.AfterFunc(delay, func() {
		defer s.loading.Done()
		entries, err := s.svc.History(q)
		var forms []khenthuong.AwardForm
		var st khenthuong.Settings
		if err == nil {
			forms, err = s.svc.Forms()
		}
		if err == nil {
			st, err = s.svc.Settings()
		}
		uiDo(func() {
			s.progress.busy(false)
			if gen != s.gen {
				return // the clerk typed on
			}
			s.timer = nil
			if err != nil {
				showError(err, s.win)
				return
			}
			s.forms = map[string]*khenthuong.AwardForm{}
			for i := range forms {
				s.forms[forms[i].Code] = &forms[i]
			}
			s.abbr = st.AuthorityAbbr
			s.setResults(entries, q)
		})
	})
}

func (s *historyScreen) setResults(entries []khenthuong.HistoryEntry, q string) {
	var keep uint64
	if e := s.selected(); e != nil {
		keep = e.Nomination.ID
	}
	s.results, s.query = entries, q
	s.table.clearSelection()
	s.table.Refresh()
	for i := range entries {
		if entries[i].Nomination.ID == keep {
			s.table.selectRow(i)
		}
	}
	s.updateCount()
	s.updateButtons()
}

func (s *historyScreen) updateCount() {
	if vntext.Fold(s.query) == "" {
		s.count.SetText(lang.L("Type a name to search every campaign"))
		return
	}
	awarded := 0
	for _, e := range s.results {
		if e.Award != nil {
			awarded++
		}
	}
	s.count.SetText(lang.L("{{.Count}} nominations, {{.Awarded}} awarded", map[string]any{
		"Count": formatCount(len(s.results)), "Awarded": formatCount(awarded)}))
}

func (s *historyScreen) updateButtons() { setEnabled(s.printButton, s.selected() != nil) }

func (s *historyScreen) selected() *khenthuong.HistoryEntry {
	if r := s.table.selected; r >= 0 && r < len(s.results) {
		return &s.results[r]
	}
	return nil
}

func (s *historyScreen) cellText(row, col int) string {
	if row < 0 || row >= len(s.results) {
		return ""
	}
	e := &s.results[row]
	n, a := &e.Nomination, e.Award
	switch col {
	case histColName:
		return n.Nominee.DisplayName()
	case histColBirth:
		if n.Nominee.Birth.Year == 0 {
			return ""
		}
		return strconv.Itoa(n.Nominee.Birth.Year)
	case histColPosition:
		return n.Nominee.Position
	case histColUnit:
		return n.Nominee.Unit
	case histColCampaign:
		return e.Campaign
	case histColForm:
		// The form's name, as the clerk knows it: the code means nothing to a reader.
		if f := s.forms[n.FormCode]; f != nil && f.Name != "" {
			return f.Name
		}
		return n.FormCode
	case histColStatus:
		if a != nil {
			return lang.L("Awarded")
		}
		return labelOr(s.labels.status, n.Status)
	}
	if a == nil {
		return ""
	}
	switch col {
	case histColDecision:
		return certificates.DecisionNumber(a.DecisionNumber, s.abbr)
	case histColDate:
		return a.DecisionDate.Display()
	case histColRegistry:
		return a.RegistryNo
	case histColAmount:
		return vntext.FormatNumber(a.Amount)
	}
	return ""
}

// printSelected prints the award history of the selected nominee: every
// entry of the same nominee, found by a search for the name.
func (s *historyScreen) printSelected() {
	e := s.selected()
	if e == nil {
		return
	}
	nominee := e.Nomination.Nominee
	nomineeID := e.Nomination.NomineeID
	doc := certificates.HistoryDoc{Nominee: nominee.PrintName(), Date: khenthuong.DateOf(time.Now())}
	spec := docSpec{
		title:   lang.L("Award history of {{.Name}}", map[string]any{"Name": nominee.DisplayName()}),
		formats: []string{".pdf"},
		name:    func(ext string) string { return asciiFileName("Quá trình khen thưởng", nominee.Name) + ext },
	}
	spec.prepare = func() error {
		entries, err := s.svc.History(nominee.Name)
		if err != nil {
			return err
		}
		for _, en := range entries {
			if en.Nomination.NomineeID == nomineeID {
				doc.Entries = append(doc.Entries, en)
			}
		}
		st, err := s.svc.Settings()
		if err != nil {
			return err
		}
		forms, err := s.svc.Forms()
		if err != nil {
			return err
		}
		doc.Settings = &st
		doc.Forms = map[string]*khenthuong.AwardForm{}
		for i := range forms {
			doc.Forms[forms[i].Code] = &forms[i]
		}
		return nil
	}
	spec.pages = shortDocument(func() ([]page.Page, error) { return certificates.HistoryPages(doc) })
	spec.write = func(w io.Writer, _ string, _ int) error { return certificates.WriteHistory(w, doc) }
	s.doc = openDocument(spec, s.saver, s.win, &s.loading)
}

// importArchiveFile reads a signed decision from the archive (Word, PDF, a
// list in Excel) for the clerk to check and record.
func (s *historyScreen) importArchiveFile() {
	s.files.open(s.win, append(append([]string{}, archiveExts...), ".doc"), func(path string) {
		if path != "" {
			s.startArchive([]string{path})
		}
	})
}

// importArchiveFolder does the same for every decision file of a folder.
func (s *historyScreen) importArchiveFolder() {
	s.pickFolder(s.win, func(path string) {
		if path != "" {
			s.startArchive(archivePaths(path))
		}
	})
}

func (s *historyScreen) startArchive(paths []string) {
	a := newArchiveImport(s.svc, s.win, paths)
	a.onDone = func(int) { s.shown() }
	s.archive = a
	a.show()
}

// pickFolderDialog is Fyne's folder dialog, its places in Vietnamese as in
// the file dialogs (it read "Home", "Computer"); it gives the folder's path.
func pickFolderDialog(win fyne.Window, done func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			showError(khenthuong.Internal(err), win)
			return
		}
		if u == nil {
			return
		}
		done(u.Path())
	}, win)
	d.Resize(dialogSize(win))
	showDialog(win, d, nil)
	translateFileDialog(win)
}
