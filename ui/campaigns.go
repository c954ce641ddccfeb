package ui

import (
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// Columns of the campaigns table.
const (
	campColName = iota
	campColType
	campColPeriod
	campColCeremonyDate
	campColCeremonyPlace
	campColCount
)

// campaignsScreen is Đợt khen thưởng: the campaigns, newest first, with the
// number of nominations of each. Selecting one makes it the current campaign
// of Đề nghị (onChoose); double-click or Enter edits it.
type campaignsScreen struct {
	svc khenthuong.Services
	win fyne.Window

	list   []khenthuong.Campaign
	counts map[uint64]int // nil until counted
	// Counting reads every nomination, so it runs in a goroutine and only
	// when nominations were written since (countsStale).
	countsStale bool
	countGen    int
	counting    sync.WaitGroup

	table        *dataTable
	editButton   *widget.Button
	deleteButton *widget.Button
	openButton   *widget.Button
	importButton *widget.Button
	pasteButton  *widget.Button
	exportButton *widget.Button
	root         fyne.CanvasObject
	empty        *emptyHint // what to do when there is no campaign
	editor       *campaignEditor
	files        fileDialogs
	importer     *importWizard // the last import, for tests
	exporter     *rosterExport

	onChoose   func(id uint64) // a campaign was selected
	onOpen     func(id uint64) // "open its nominations"
	onChanged  func()          // campaigns were added, edited or deleted
	onImported func(id uint64) // nominations were imported into campaign id
}

func newCampaignsScreen(svc khenthuong.Services, win fyne.Window) *campaignsScreen {
	s := &campaignsScreen{svc: svc, win: win, countsStale: true, files: defaultFileDialogs}
	s.table = newDataTable([]column{
		campColName:          {lang.L("Campaign"), 300},
		campColType:          {lang.L("Type"), 180},
		campColPeriod:        {lang.L("Period"), 190},
		campColCeremonyDate:  {lang.L("Ceremony date"), 110},
		campColCeremonyPlace: {lang.L("Ceremony place"), 190},
		campColCount:         {lang.L("Nomination count"), 90},
	}, campColName, func() int { return len(s.list) }, s.cellText)
	s.table.onSelect = func(row int) {
		s.updateButtons()
		if c := s.at(row); c != nil && s.onChoose != nil {
			s.onChoose(c.ID)
		}
	}
	s.table.onActivate = func(int) { s.editSelected() }
	s.table.onDelete = func(int) { s.deleteSelected() }

	add := widget.NewButtonWithIcon(lang.L("New campaign"), theme.ContentAddIcon(), s.newItem)
	add.Importance = widget.HighImportance
	s.editButton = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), s.editSelected)
	s.deleteButton = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.deleteSelected)
	s.openButton = widget.NewButtonWithIcon(lang.L("Open its nominations"), theme.ListIcon(), func() {
		if c := s.selected(); c != nil && s.onOpen != nil {
			s.onOpen(c.ID)
		}
	})
	s.importButton = widget.NewButtonWithIcon(lang.L("Import from Excel…"), theme.DownloadIcon(), s.importFile)
	s.pasteButton = widget.NewButtonWithIcon(lang.L("Paste a list…"), theme.ContentPasteIcon(), s.pasteList)
	s.exportButton = widget.NewButtonWithIcon(lang.L("Export to Excel…"), theme.UploadIcon(), s.exportRoster)
	heading := widget.NewLabel(lang.L("Campaigns"))
	heading.TextStyle.Bold = true
	bar := container.NewBorder(nil, nil, heading, nil, newFlow(add, s.editButton, s.deleteButton, s.openButton,
		s.importButton, s.pasteButton, s.exportButton)) // on two lines in a narrow window
	var body fyne.CanvasObject
	s.empty, body = newEmptyHint(s.table)
	s.root = container.NewBorder(bar, nil, nil, nil, body)
	s.updateButtons()
	return s
}

func (s *campaignsScreen) content() fyne.CanvasObject { return s.root }

func (s *campaignsScreen) shown() { s.reload() }

// nominationsChanged is told by Đề nghị that the counts are out of date.
func (s *campaignsScreen) nominationsChanged() { s.countsStale = true }

func (s *campaignsScreen) at(row int) *khenthuong.Campaign {
	if row < 0 || row >= len(s.list) {
		return nil
	}
	return &s.list[row]
}

func (s *campaignsScreen) selected() *khenthuong.Campaign { return s.at(s.table.selected) }

func (s *campaignsScreen) cellText(row, col int) string {
	c := s.at(row)
	if c == nil {
		return ""
	}
	switch col {
	case campColName:
		return c.Name
	case campColType:
		return campaignTypeLabel(c.Type)
	case campColPeriod:
		if c.From.IsZero() && c.To.IsZero() {
			return ""
		}
		return c.From.Display() + " – " + c.To.Display()
	case campColCeremonyDate:
		return c.CeremonyDate.Display()
	case campColCeremonyPlace:
		return c.CeremonyPlace
	case campColCount:
		if s.counts == nil {
			return "…"
		}
		return formatCount(s.counts[c.ID])
	}
	return ""
}

// reload lists the campaigns, keeping the selected one selected, then counts
// their nominations in the background if they changed.
func (s *campaignsScreen) reload() {
	var keep uint64
	if c := s.selected(); c != nil {
		keep = c.ID
	}
	list, err := s.svc.Campaigns()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.list = list
	s.table.clearSelection()
	for i, c := range list {
		if c.ID == keep {
			s.table.selectRow(i)
		}
	}
	s.table.Refresh()
	s.updateButtons()
	if len(list) == 0 {
		s.empty.set(lang.L("There is no campaign yet. Click New campaign to create the first one (a review conference, the year's awards…); its nominations are then entered or imported from Excel."))
	} else {
		s.empty.set("")
	}
	if s.countsStale {
		s.countNominations()
	}
}

func (s *campaignsScreen) countNominations() {
	s.countsStale = false
	s.countGen++
	gen := s.countGen
	ids := make([]uint64, len(s.list))
	for i := range s.list {
		ids[i] = s.list[i].ID
	}
	background(&s.counting, func() func() {
		// Counted where the data is: nothing is decoded.
		counts := map[uint64]int{}
		var err error
		for _, id := range ids {
			var c khenthuong.NominationCounts
			if c, err = s.svc.CountNominations(khenthuong.NominationFilter{CampaignID: id}); err != nil {
				break
			}
			counts[id] = c.Total
		}
		return func() {
			if gen != s.countGen {
				return
			}
			if err != nil {
				logInternal(err) // the list is still usable without its counts
				return
			}
			s.counts = counts
			s.table.Refresh()
		}
	})
}

func (s *campaignsScreen) updateButtons() {
	for _, b := range []*widget.Button{s.editButton, s.deleteButton, s.openButton, s.importButton, s.pasteButton, s.exportButton} {
		if s.selected() == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func (s *campaignsScreen) typedKey(ev *fyne.KeyEvent) { s.table.TypedKey(ev) }

// importFile asks for a unit's list and opens the import wizard on it.
func (s *campaignsScreen) importFile() {
	c := s.selected()
	if c == nil {
		return
	}
	campaign := *c
	s.files.open(s.win, []string{".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".docx", ".doc"}, func(path string) {
		if path == "" {
			return
		}
		s.startImport(newImportWizard(s.svc, s.win, s.files, campaign, path))
	})
}

// pasteList opens the import wizard on a list pasted from Excel, Word or a chat message.
func (s *campaignsScreen) pasteList() {
	c := s.selected()
	if c == nil {
		return
	}
	campaign := *c
	askPastedList(s.win, func(text string) {
		s.startImport(newPastedImportWizard(s.svc, s.win, s.files, campaign, text))
	})
}

func (s *campaignsScreen) startImport(w *importWizard) {
	campaign := w.campaign
	w.onImported = func(int) {
		s.countsStale = true
		s.reload()
		if s.onImported != nil {
			s.onImported(campaign.ID)
		}
	}
	s.importer = w
	w.show()
}

// exportRoster writes the selected campaign's nominations to .xlsx or .csv.
func (s *campaignsScreen) exportRoster() {
	if c := s.selected(); c != nil {
		s.exporter = newRosterExport(s.svc, s.win, s.files, *c)
		s.exporter.show()
	}
}

func (s *campaignsScreen) newItem() { s.openEditor(nil) }

func (s *campaignsScreen) editSelected() {
	if c := s.selected(); c != nil {
		s.openEditor(c)
	}
}

// deleteSelected asks, then deletes; a campaign that still has nominations
// is refused by the service (ECONFLICT) and its message says why.
func (s *campaignsScreen) deleteSelected() {
	c := s.selected()
	if c == nil {
		return
	}
	id := c.ID
	askDelete(s.win, lang.L("Delete campaign"),
		lang.L("Delete the campaign “{{.Name}}”?", map[string]any{"Name": c.Name}),
		func() {
			if err := s.svc.DeleteCampaign(id); err != nil {
				showError(err, s.win)
				return
			}
			s.changed(0)
		})
}

// changed reloads after a write and selects id (0: nothing).
func (s *campaignsScreen) changed(id uint64) {
	s.table.clearSelection()
	s.reload()
	for i, c := range s.list {
		if c.ID == id {
			s.table.selectRow(i)
		}
	}
	if s.onChanged != nil {
		s.onChanged()
	}
}

// campaignEditor is the dialog that creates or edits a campaign.
type campaignEditor struct {
	s    *campaignsScreen
	orig *khenthuong.Campaign
	dlg  *dialog.CustomDialog
	form *fieldForm

	name          *textEntry
	kind          *choiceSelect
	from, to      *textEntry
	ceremonyDate  *textEntry
	ceremonyPlace *textEntry
	notes         *textEntry
	save          *widget.Button
}

func (s *campaignsScreen) openEditor(c *khenthuong.Campaign) {
	e := &campaignEditor{s: s, orig: c, form: newFieldForm()}
	v := khenthuong.Campaign{Type: khenthuong.CampaignMovement}
	if c != nil {
		v = *c
	}
	submitOnEnter := func(en *textEntry) *textEntry { en.OnSubmitted = func(string) { e.submit() }; return en }
	e.name = submitOnEnter(newTextEntry())
	e.name.SetText(v.Name)
	types := make([]string, len(khenthuong.CampaignTypes))
	for i, t := range khenthuong.CampaignTypes {
		types[i] = campaignTypeLabel(t)
	}
	e.kind = newChoice(types, nil)
	for i, t := range khenthuong.CampaignTypes {
		if t == v.Type {
			e.kind.SetSelectedIndex(i)
		}
	}
	e.from = submitOnEnter(newDateEntry(v.From))
	e.to = submitOnEnter(newDateEntry(v.To))
	e.ceremonyDate = submitOnEnter(newDateEntry(v.CeremonyDate))
	e.ceremonyPlace = submitOnEnter(newTextEntry())
	e.ceremonyPlace.SetText(v.CeremonyPlace)
	e.notes = newMultiLineTextEntry()
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.SetText(v.Notes)

	f := e.form
	f.add("name", lang.L("Campaign name"), e.name)
	f.add("type", lang.L("Type"), e.kind)
	f.add("from", lang.L("From"), e.from)
	f.add("to", lang.L("To"), e.to)
	f.add("ceremony_date", lang.L("Ceremony date"), e.ceremonyDate)
	f.add("ceremony_place", lang.L("Ceremony place"), e.ceremonyPlace)
	f.add("notes", lang.L("Notes"), e.notes)

	title := lang.L("New campaign")
	if c != nil {
		title = lang.L("Edit campaign")
	}
	f.recheck = func() error { _, err := e.value(); return err }
	e.dlg = dialog.NewCustomWithoutButtons(title, f.content(), s.win)
	cancel := widget.NewButton(lang.L("Cancel"), e.dlg.Hide)
	e.save = widget.NewButton(lang.L("Save"), e.submit)
	e.save.Importance = widget.HighImportance
	e.dlg.SetButtons([]fyne.CanvasObject{cancel, e.save})
	e.dlg.SetOnClosed(func() {
		if s.editor == e {
			s.editor = nil
		}
	})
	e.dlg.Resize(fitWindow(s.win, fyne.NewSize(680, 480)))
	s.editor = e
	showDialog(s.win, e.dlg, nil)
	s.win.Canvas().Focus(e.name)
}

// value reads the form; dates typed wrongly name their field, all of them
// joined with the campaign's own rules (errors.Join), so that one save
// shows every fault.
func (e *campaignEditor) value() (khenthuong.Campaign, error) {
	var c khenthuong.Campaign
	if e.orig != nil {
		c = *e.orig // keeps what this dialog does not edit (quotas, times)
	}
	c.Name = e.name.Text
	if i := e.kind.SelectedIndex(); i >= 0 {
		c.Type = khenthuong.CampaignTypes[i]
	}
	var errs [3]error
	c.From, errs[0] = parseDate("from", e.from.Text)
	c.To, errs[1] = parseDate("to", e.to.Text)
	c.CeremonyDate, errs[2] = parseDate("ceremony_date", e.ceremonyDate.Text)
	c.CeremonyPlace = e.ceremonyPlace.Text
	c.Notes = e.notes.Text
	return c, errors.Join(errs[0], errs[1], errs[2], validateCampaign(c))
}

func (e *campaignEditor) submit() {
	c, err := e.value()
	if err == nil {
		if e.orig == nil {
			err = e.s.svc.CreateCampaign(&c)
		} else {
			err = e.s.svc.UpdateCampaign(&c)
		}
	}
	if err != nil {
		e.form.show(err)
		return
	}
	e.dlg.Hide()
	e.s.changed(c.ID)
}
