package ui

import (
	"io"
	"os"
	"strings"
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
	"khenthuong/atomicfile"
	"khenthuong/certificates"
	"khenthuong/page"
)

// printScreen is In ấn: the certificates of a decision. The clerk picks the
// campaign and the decision (an issued one, or a draft for a proof), the
// template (the award form's own, or a default), the printer profile and the
// mode (on pre-printed blanks, or the whole certificate on plain paper), and
// which recipients to print; the preview beside shows the selected
// recipient's certificate laid out by certificates.Layout, the code the PDF
// is written from. "Lưu PDF" writes every chosen recipient in one PDF in a
// goroutine with a progress bar, tells which texts did not fit (naming the
// recipient), then saves and opens the file. The template editor and the
// calibration wizard start from here.
type printScreen struct {
	svc   khenthuong.Services
	win   fyne.Window
	files fileDialogs
	open  func(path string) error // shows a saved PDF in the system's viewer

	onCampaign func(id uint64) // the clerk chose campaign id here: the other screens follow

	campaigns  []khenthuong.Campaign
	campaignID uint64
	decisions  []khenthuong.DecisionSummary
	decision   *khenthuong.Decision // the chosen one, without its recipients (see printRecipients)
	form       *khenthuong.AwardForm
	forms      []khenthuong.AwardForm
	settings   khenthuong.Settings
	printers   []khenthuong.PrinterProfile
	templates  []templateChoice // [0] is the form's own (or its default)
	tpl        certificates.Template
	mode       certificates.Mode
	printRecipients
	current  int // the recipient previewed
	visible  bool
	stale    bool // the campaign changed while hidden
	loadGen  int
	warnings []certificates.Warning // of the last PDF
	spool    string                 // the file the last PDF was laid out in

	campaignSelect *widget.Select
	decisionSelect *widget.Select
	templateSelect *widget.Select
	printerSelect  *widget.Select
	modeRadio      *widget.RadioGroup
	recipients     *widget.List
	chosenCount    *widget.Label
	editButton     *widget.Button
	saveButton     *widget.Button
	printButton    *widget.Button // In…: straight to a system printer
	printDialog    *printDialog   // the last one opened, for tests
	progress       *widget.ProgressBar
	status         *widget.Label
	previewTitle   *widget.Label
	previewWarn    *widget.Label
	prevButton     *widget.Button
	nextButton     *widget.Button
	preview        *certPreview
	options        fyne.CanvasObject
	panel          *fyne.Container
	root           fyne.CanvasObject

	editor      *templateEditor
	calibration *calibrationWizard

	loading  sync.WaitGroup // decisions being read
	printing sync.WaitGroup // a PDF being laid out

	onSaved func(path string) // a PDF was written (tests)
}

type templateChoice struct {
	label  string
	tpl    certificates.Template
	stored bool
}

func newPrintScreen(svc khenthuong.Services, win fyne.Window) *printScreen {
	s := &printScreen{svc: svc, win: win, files: defaultFileDialogs, open: openInViewer,
		mode: certificates.ModeBlank}
	s.printRecipients.reset(nil, 0, nil)

	s.campaignSelect = newSelect(nil, func(string) {
		if i := s.campaignSelect.SelectedIndex(); i >= 0 && s.campaigns[i].ID != s.campaignID {
			s.campaignID = s.campaigns[i].ID
			s.loadDecisions()
			if s.onCampaign != nil {
				s.onCampaign(s.campaignID) // one current campaign for Đề nghị, Quyết định and In ấn
			}
		}
	})
	s.campaignSelect.PlaceHolder = lang.L("(choose a campaign)")
	s.decisionSelect = newSelect(nil, func(string) {
		if i := s.decisionSelect.SelectedIndex(); i >= 0 && (s.decision == nil || s.decisions[i].ID != s.decision.ID) {
			s.loadDecision(s.decisions[i].ID)
		}
	})
	s.decisionSelect.PlaceHolder = lang.L("(choose a decision)")
	s.templateSelect = newSelect(nil, func(string) {
		if i := s.templateSelect.SelectedIndex(); i >= 0 && i < len(s.templates) {
			s.tpl = s.templates[i].tpl
			s.updatePreview()
		}
	})
	s.editButton = widget.NewButtonWithIcon(lang.L("Edit template…"), theme.DocumentCreateIcon(), s.openEditor)
	s.printerSelect = newSelect(nil, nil)
	calibrate := widget.NewButtonWithIcon(lang.L("Calibrate the printer…"), theme.GridIcon(), s.openCalibration)
	blank, plain := lang.L("On blanks"), lang.L("Plain paper")
	s.modeRadio = widget.NewRadioGroup([]string{blank, plain}, func(v string) {
		s.mode = certificates.ModeBlank
		if v == plain {
			s.mode = certificates.ModePlain
		}
		if s.preview == nil {
			return // still being built
		}
		if s.editor != nil {
			s.editor.list.Refresh()
		}
		s.updatePreview()
	})
	s.modeRadio.Horizontal = true
	s.modeRadio.Required = true
	s.modeRadio.SetSelected(blank)

	s.recipients = widget.NewList(
		func() int { return s.recipientCount() },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, l)
		},
		s.updateRecipientRow)
	s.recipients.OnSelected = func(id widget.ListItemID) {
		if id != s.current {
			s.current = id
			s.updatePreview()
		}
	}
	all := widget.NewButton(lang.L("Choose all"), func() { s.chooseAll(true) })
	none := widget.NewButton(lang.L("Choose none"), func() { s.chooseAll(false) })
	s.chosenCount = widget.NewLabel("")

	s.saveButton = widget.NewButtonWithIcon(lang.L("Save PDF…"), theme.DocumentSaveIcon(), s.savePDF)
	s.saveButton.Importance = widget.HighImportance
	s.printButton = widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), s.printDirect)
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Campaign")), s.campaignSelect,
		widget.NewLabel(lang.L("Decision")), s.decisionSelect,
		widget.NewLabel(lang.L("Template")), s.templateSelect,
		widget.NewLabel(lang.L("Printer")), s.printerSelect,
		widget.NewLabel(lang.L("Print on")), s.modeRadio,
	)
	tools := container.NewGridWithColumns(2, s.editButton, calibrate)
	recipientsHead := container.NewBorder(nil, nil, boldLabel(lang.L("Certificates to print")), container.NewHBox(all, none))
	bottom := container.NewVBox(s.chosenCount, container.NewGridWithColumns(2, s.saveButton, s.printButton), s.progress, s.status)
	s.options = container.NewBorder(container.NewVBox(form, tools, widget.NewSeparator(), recipientsHead), bottom, nil, nil, s.recipients)
	s.panel = container.NewStack(s.options)

	s.preview = newCertPreview()
	s.preview.empty = lang.L("Choose a decision to see its certificates.")
	s.stale = true // the first show says what there is, even without a campaign
	s.previewTitle = widget.NewLabel("")
	s.previewTitle.Truncation = fyne.TextTruncateEllipsis
	s.prevButton = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.step(-1) })
	s.nextButton = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.step(1) })
	s.previewWarn = widget.NewLabel("")
	s.previewWarn.Wrapping = fyne.TextWrapWord
	s.previewWarn.Importance = widget.WarningImportance
	s.previewWarn.Hide()
	previewBox := container.NewBorder(
		container.NewBorder(nil, nil, nil, container.NewHBox(s.prevButton, s.nextButton), s.previewTitle),
		s.previewWarn, nil, nil, s.preview)

	split := container.NewHSplit(s.panel, previewBox)
	split.Offset = 0.36
	s.root = split
	s.updateButtons()
	return s
}

func (s *printScreen) content() fyne.CanvasObject { return s.root }

// shown reads what other screens may have changed: campaigns, the catalogue,
// the settings (the emblem, the place) and the printer profiles.
func (s *printScreen) shown() {
	s.visible = true
	if st, err := s.svc.Settings(); err == nil {
		s.settings = st
	} else {
		showError(err, s.win)
	}
	if forms, err := s.svc.Forms(); err == nil {
		s.forms = forms
	} else {
		showError(err, s.win)
	}
	s.refreshPrinters("")
	s.refreshCampaigns()
	if s.stale {
		s.loadDecisions()
	} else {
		s.updatePreview()
	}
}

func (s *printScreen) hidden() { s.visible = false }

// setCampaign follows the campaign chosen on Đợt khen thưởng.
func (s *printScreen) setCampaign(id uint64) {
	if id == s.campaignID {
		return
	}
	s.campaignID = id
	s.stale = true
	if s.visible {
		s.refreshCampaigns()
		s.loadDecisions()
	}
}

func (s *printScreen) refreshCampaigns() {
	cs, err := s.svc.Campaigns()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.campaigns = cs
	s.campaignSelect.Options = campaignNames(cs)
	s.campaignSelect.Selected = "" // set below without calling OnChanged, which would load again
	showCampaignOption(s.campaignSelect, cs, s.campaignID)
	s.campaignSelect.Refresh()
}

// refreshPrinters lists the profiles; selectName is chosen if given.
func (s *printScreen) refreshPrinters(selectName string) {
	ps, err := s.svc.Printers()
	if err != nil {
		showError(err, s.win)
		return
	}
	if selectName == "" {
		selectName = s.printerSelect.Selected
	}
	s.printers = ps
	opts := []string{lang.L("(no printer profile)")}
	for _, p := range ps {
		opts = append(opts, p.Name)
	}
	s.printerSelect.Options = opts
	s.printerSelect.Selected = opts[0]
	for _, o := range opts[1:] {
		if o == selectName {
			s.printerSelect.Selected = o
		}
	}
	s.printerSelect.Refresh()
}

// profile is the chosen printer profile, the zero one for none.
func (s *printScreen) profile() certificates.PrinterProfile {
	if i := s.printerSelect.SelectedIndex(); i > 0 && i <= len(s.printers) {
		return certificates.PrinterProfile(s.printers[i-1])
	}
	return certificates.PrinterProfile{}
}

// loadDecisions reads the campaign's decisions in a goroutine.
func (s *printScreen) loadDecisions() {
	s.stale = false
	s.loadGen++
	gen, id := s.loadGen, s.campaignID
	if id == 0 {
		s.setDecisions(nil)
		return
	}
	background(&s.loading, func() func() {
		ds, err := s.svc.DecisionSummaries(id)
		return func() {
			if gen != s.loadGen {
				return
			}
			if err != nil {
				showError(err, s.win)
				return
			}
			s.setDecisions(ds)
		}
	})
}

// setDecisions lists the decisions, issued ones first, and opens the first.
func (s *printScreen) setDecisions(ds []khenthuong.DecisionSummary) {
	issued := make([]khenthuong.DecisionSummary, 0, len(ds))
	var drafts []khenthuong.DecisionSummary
	for _, d := range ds {
		if d.Status == khenthuong.DecisionIssued {
			issued = append(issued, d)
		} else {
			drafts = append(drafts, d)
		}
	}
	s.decisions = append(issued, drafts...)
	opts := make([]string, len(s.decisions))
	for i := range s.decisions {
		opts[i] = decisionLabel(&s.decisions[i].Decision)
	}
	s.decisionSelect.Options = opts
	s.decisionSelect.Selected = ""
	s.decisionSelect.Refresh()
	s.decision = nil
	s.preview.empty = lang.L("Choose a decision to see its certificates.")
	if len(s.decisions) > 0 {
		s.decisionSelect.SetSelectedIndex(0) // loads it
		return
	}
	switch {
	case s.campaignID != 0:
		s.preview.empty = lang.L("This campaign has no decision yet. Draw one up and issue it on Decisions, then print its certificates here.")
	case len(s.campaigns) == 0:
		s.preview.empty = lang.L("There is no campaign yet: create one on Campaigns, enter its nominations, issue a decision on Decisions, then print its certificates here.")
	default:
		s.preview.empty = lang.L("Choose a campaign above to see its decisions.")
	}
	s.setDecision(nil, nil, nil)
}

func decisionLabel(d *khenthuong.Decision) string {
	no := d.Number
	if no == "" {
		no = lang.L("(no number)")
	}
	label := no
	if !d.Date.IsZero() {
		label += ", " + d.Date.Display()
	}
	label += " — " + d.FormCode
	if d.Status != khenthuong.DecisionIssued {
		label += " " + lang.L("(draft: a proof)")
	}
	return label
}

// loadDecision reads a decision without its recipients, the IDs of its
// recipients in list order and the first of them (the rest are read a page
// at a time as the list shows them), and its award form, in a goroutine.
func (s *printScreen) loadDecision(id uint64) {
	s.loadGen++
	gen := s.loadGen
	background(&s.loading, func() func() {
		var d *khenthuong.Decision
		var ids []uint64
		var first []khenthuong.Recipient
		var form *khenthuong.AwardForm
		sum, err := s.svc.DecisionSummary(id)
		if err == nil {
			d = &sum.Decision
			ids = make([]uint64, 0, sum.RecipientCount)
			err = s.svc.EachRecipient(id, func(r *khenthuong.Recipient) error { ids = append(ids, r.NominationID); return nil })
		}
		if err == nil {
			first, err = s.svc.Recipients(id, khenthuong.Page{Limit: recipientPage})
		}
		if err == nil {
			form, err = s.svc.Form(d.FormCode)
		}
		return func() {
			if gen != s.loadGen {
				return
			}
			if err != nil {
				showError(err, s.win)
				return
			}
			s.setDecision(d, ids, form)
			s.rows[0] = first
		}
	})
}

// setDecision shows decision d (nil for none) with its recipients' IDs:
// every recipient chosen, the first previewed, the form's template selected.
func (s *printScreen) setDecision(d *khenthuong.Decision, ids []uint64, form *khenthuong.AwardForm) {
	s.decision, s.form = d, form
	var read func(p khenthuong.Page) ([]khenthuong.Recipient, error)
	if d != nil {
		id := d.ID
		read = func(p khenthuong.Page) ([]khenthuong.Recipient, error) { return s.svc.Recipients(id, p) }
	}
	s.printRecipients.reset(ids, len(ids), read)
	s.current = 0
	s.recipients.UnselectAll()
	s.recipients.Refresh()
	if d != nil && len(ids) > 0 {
		s.recipients.Select(0)
	}
	s.setTemplates()
	s.updateCount()
	s.updateButtons()
	s.status.SetText("")
	s.updatePreview()
}

// setTemplates offers the form's own template (stored, or its default) and
// the default templates, and selects the first.
func (s *printScreen) setTemplates() {
	s.templates = s.templates[:0]
	if s.form != nil {
		tpl, stored, err := templateFor(s.svc, s.form)
		if err != nil {
			showError(err, s.win)
		}
		label := lang.L("{{.Name}} (default for {{.Form}})", map[string]any{"Name": tpl.Name, "Form": s.form.Code})
		if stored {
			label = lang.L("{{.Name}} (the office's, for {{.Form}})", map[string]any{"Name": tpl.Name, "Form": s.form.Code})
		}
		s.templates = append(s.templates, templateChoice{label, tpl, stored})
	}
	for _, t := range certificates.DefaultTemplates() {
		if len(s.templates) > 0 && !s.templates[0].stored && t.Name == s.templates[0].tpl.Name {
			continue // the form's default is listed already
		}
		s.templates = append(s.templates, templateChoice{t.Name, t, false})
	}
	opts := make([]string, len(s.templates))
	for i, c := range s.templates {
		opts[i] = c.label
	}
	s.templateSelect.Options = opts
	s.templateSelect.Selected = opts[0]
	s.templateSelect.Refresh()
	s.tpl = s.templates[0].tpl
}

// templateSaved is told by the editor that the form's template changed.
func (s *printScreen) templateSaved(code string) {
	if s.form != nil && s.form.Code == code {
		s.setTemplates()
	}
}

func (s *printScreen) updateRecipientRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := s.recipientAt(id, s.win)
	if r == nil {
		return
	}
	box := o.(*fyne.Container)
	label, check := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Check)
	check.OnChanged = nil // the recycled row still holds another recipient's
	check.SetChecked(s.isChosen(r.NominationID))
	nid := r.NominationID
	check.OnChanged = func(on bool) {
		s.choose(nid, on)
		s.updateCount()
		s.updateButtons()
	}
	label.SetText(formatCount(id+1) + ". " + r.Nominee.DisplayName())
}

func (s *printScreen) chooseAll(on bool) {
	if s.decision == nil {
		return
	}
	s.printRecipients.chooseAll(on)
	s.recipients.Refresh()
	s.updateCount()
	s.updateButtons()
}

func (s *printScreen) updateCount() {
	s.chosenCount.SetText(lang.L("{{.Chosen}} of {{.Total}} certificates chosen", map[string]any{
		"Chosen": formatCount(s.chosenCountN()), "Total": formatCount(s.recipientCount())}))
}

func (s *printScreen) updateButtons() {
	setEnabled(s.saveButton, s.decision != nil && s.chosenCountN() > 0 && s.progress.Hidden)
	setEnabled(s.printButton, s.decision != nil && s.chosenCountN() > 0 && s.progress.Hidden)
	setEnabled(s.prevButton, s.decision != nil && s.current > 0)
	setEnabled(s.nextButton, s.decision != nil && s.current < s.recipientCount()-1)
}

func setEnabled(w fyne.Disableable, on bool) {
	if on && roleLocked[w] { // see rights.go
		on = false
	}
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// step previews the next (1) or previous (-1) recipient.
func (s *printScreen) step(d int) {
	if i := s.current + d; i >= 0 && i < s.recipientCount() {
		s.recipients.Select(i)
		s.recipients.ScrollTo(i)
	}
}

// previewForm is the award form whose wording the preview uses: the one the
// editor edits, else the decision's, else the first of the catalogue.
func (s *printScreen) previewForm() *khenthuong.AwardForm {
	switch {
	case s.editor != nil && s.editor.form != nil:
		return s.editor.form
	case s.form != nil:
		return s.form
	case len(s.forms) > 0:
		return &s.forms[0]
	}
	return nil
}

// previewValues are the texts of the recipient previewed, or of a sample
// recipient when no decision of the form is open (the editor without one).
func (s *printScreen) previewValues(form *khenthuong.AwardForm) (certificates.Values, string) {
	if d := s.decision; d != nil && s.form != nil && form.Code == s.form.Code {
		if r := s.recipientAt(s.current, s.win); r != nil {
			return certificates.ValuesFor(d, r, form, &s.settings), lang.L("{{.Index}} of {{.Total}}: {{.Name}}", map[string]any{
				"Index": formatCount(s.current + 1), "Total": formatCount(s.recipientCount()), "Name": r.Nominee.DisplayName()})
		}
	}
	d, r := sampleRecipient(&s.settings)
	return certificates.ValuesFor(d, r, form, &s.settings), lang.L("Sample recipient (no decision chosen)")
}

// sampleRecipient is what the editor previews before a decision is chosen.
// It is certificate text, Vietnamese whatever the screens' language.
func sampleRecipient(st *khenthuong.Settings) (*khenthuong.Decision, *khenthuong.Recipient) {
	now := time.Now()
	d := &khenthuong.Decision{Number: "1234/QĐ-UBND", Date: khenthuong.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()},
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Nguyễn Văn Bình",
		Achievement: "Đã có thành tích xuất sắc trong công tác năm " + now.Format("2006")}
	if len(st.Signers) > 0 {
		d.SignerTitle, d.SignerName = st.Signers[0].Title, st.Signers[0].Name
	}
	r := &khenthuong.Recipient{RegistryNo: "12345", Nominee: khenthuong.Nominee{Kind: khenthuong.Individual,
		Title: "Ông", Name: "Nguyễn Văn An", Position: "Trưởng phòng", Unit: "Sở Tư pháp"}}
	return d, r
}

// updatePreview lays the previewed certificate out again: after any choice
// or any edit of the template.
func (s *printScreen) updatePreview() {
	form := s.previewForm()
	if form == nil {
		s.preview.setPage(page.Page{}, nil, s.mode)
		s.previewTitle.SetText("")
		return
	}
	tpl, frames := s.tpl, (*certificates.Template)(nil)
	if s.editor != nil {
		tpl, frames = s.editor.tpl, &s.editor.tpl
	}
	if s.decision == nil && s.editor == nil {
		s.preview.setPage(page.Page{}, nil, s.mode)
		s.previewTitle.SetText("")
		s.previewWarn.Hide()
		s.updateButtons()
		return
	}
	vals, title := s.previewValues(form)
	page, warns := certificates.Layout(tpl, vals, s.mode)
	s.preview.setPage(page, frames, s.mode)
	s.previewTitle.SetText(title)
	if len(warns) == 0 {
		s.previewWarn.Hide()
	} else {
		lines := make([]string, len(warns))
		for i, w := range warns {
			lines[i] = w.Message
		}
		s.previewWarn.SetText(strings.Join(lines, "\n"))
		s.previewWarn.Show()
	}
	s.updateButtons()
}

// typedKey moves the selected field with the arrows when nothing has the focus.
func (s *printScreen) typedKey(ev *fyne.KeyEvent) {
	if s.editor != nil {
		s.preview.TypedKey(ev)
	}
}

// openEditor shows the template editor in place of the options.
func (s *printScreen) openEditor() {
	form := s.previewForm()
	if form == nil {
		showInfo(lang.L("Template editor"), lang.L("Add an award form to the catalogue first."), s.win)
		return
	}
	tpl, stored := s.tpl, false
	i := s.templateSelect.SelectedIndex()
	if len(s.templates) == 0 || s.form == nil || form.Code != s.form.Code {
		var err error
		if tpl, stored, err = templateFor(s.svc, form); err != nil {
			showError(err, s.win)
		}
	} else if i == 0 {
		stored = s.templates[0].stored
	}
	e := newTemplateEditor(s, form, tpl, stored)
	if s.form != nil && form.Code == s.form.Code && i > 0 {
		e.dirty = true // a default chosen for this run becomes the form's when saved
		e.updateStatus()
	}
	s.editor = e
	s.preview.onSelect = e.selectField
	s.preview.onNudge = e.nudge
	s.preview.onDrag = e.dragged
	s.preview.onDragEnd = e.dragEnded
	s.panel.Objects = []fyne.CanvasObject{e.content()}
	s.root.Refresh() // the split lays out again: the editor is wider than the options
	s.updatePreview()
}

// closeEditor goes back to the print options with the form's template.
func (s *printScreen) closeEditor() {
	if s.editor == nil {
		return
	}
	s.editor = nil
	s.preview.onSelect, s.preview.onNudge, s.preview.onDrag, s.preview.onDragEnd = nil, nil, nil, nil
	s.preview.setSelected(-1)
	s.panel.Objects = []fyne.CanvasObject{s.options}
	s.panel.Refresh()
	if s.form != nil {
		s.setTemplates()
	}
	s.updatePreview()
}

func (s *printScreen) openCalibration() {
	s.calibration = newCalibrationWizard(s.svc, s.win, s.files, s.open, s.printerSelect.Selected, s.tpl)
	s.calibration.onSaved = func(name string) { s.refreshPrinters(name) }
	s.calibration.show()
}

// job is the print run the screen's choices describe: the recipients are
// read from the data as they are laid out, never held together.
func (s *printScreen) job() certificates.Job {
	st := s.settings
	j := certificates.Job{Decision: s.decision, Form: s.form, Settings: &st, Template: s.tpl,
		Mode: s.mode, Profile: s.profile(), Recipients: s.chosenIDs(),
		Draft: s.decision != nil && s.decision.Status != khenthuong.DecisionIssued} // a proof, marked as one
	if s.decision != nil {
		id, svc := s.decision.ID, s.svc
		j.Stream = func(fn func(*khenthuong.Recipient) error) error { return svc.EachRecipient(id, fn) }
	}
	return j
}

// savePDF lays the chosen certificates out in a goroutine (the progress bar
// counts the pages), shows what did not fit, then asks where to save.
func (s *printScreen) savePDF() {
	if s.decision == nil || s.chosenCountN() == 0 {
		return
	}
	job := s.job()
	total := s.chosenCountN()
	step := max(1, total/100)
	s.progress.SetValue(0)
	s.progress.Show()
	s.status.SetText(lang.L("Laying out {{.Count}} certificates…", map[string]any{"Count": formatCount(total)}))
	s.updateButtons()
	name := fileName(s.decision.FormCode, s.decision.Number) + ".pdf"
	background(&s.printing, func() func() {
		job.Progress = func(done, total int) {
			if done%step == 0 || done == total {
				uiDo(func() { s.progress.SetValue(float64(done) / float64(total)) })
			}
		}
		// The PDF of a decision of 100,000 is hundreds of MB: it waits in a
		// file, not in memory, until the clerk says where it goes.
		spool, err := os.CreateTemp("", "khenthuong-*.pdf")
		var warns []certificates.Warning
		if err == nil {
			if warns, err = certificates.Print(spool, job); err == nil {
				err = spool.Close()
			} else {
				spool.Close()
			}
			if err != nil {
				os.Remove(spool.Name())
			}
		}
		return func() {
			s.progress.Hide()
			s.updateButtons()
			s.status.SetText("")
			if err != nil {
				showError(err, s.win)
				return
			}
			s.setSpool(spool.Name())
			s.warnings = warns
			save := func() {
				s.files.save(s.win, name, []string{".pdf"}, func(path string) { s.writePDF(path, spool.Name(), total) })
			}
			if len(warns) > 0 {
				s.showWarnings(warns, save)
				return
			}
			save()
		}
	})
}

// showWarnings lists the texts that did not fit, each naming its recipient,
// and saves only if the clerk goes on.
func (s *printScreen) showWarnings(warns []certificates.Warning, save func()) {
	lines := make([]string, len(warns))
	for i, w := range warns {
		lines[i] = w.String()
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Wrapping = fyne.TextWrapWord; return l },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[id]) })
	intro := widget.NewLabel(lang.L("{{.Count}} texts do not fit their boxes. Check these certificates before printing:", map[string]any{"Count": formatCount(len(warns))}))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, nil, nil, nil, list)
	if len(lines) <= 6 { // short: plain labels read better than a list
		box := container.NewVBox(intro)
		for _, l := range lines {
			lb := widget.NewLabel(l)
			lb.Wrapping = fyne.TextWrapWord
			box.Add(lb)
		}
		body = box
	}
	d := dialog.NewCustomConfirm(lang.L("Texts that do not fit"), lang.L("Save anyway"), lang.L("Cancel"), body, func(ok bool) {
		if ok {
			save()
		}
	}, s.win)
	d.Resize(fitWindow(s.win, fyne.NewSize(640, 420)))
	showDialog(s.win, d, nil)
}

// setSpool keeps the PDF laid out last, removing the one before: a save
// dialog closed without a choice does not say so.
func (s *printScreen) setSpool(path string) {
	if s.spool != "" && s.spool != path {
		os.Remove(s.spool)
	}
	s.spool = path
}

// writePDF copies the PDF laid out in file spool to path.
func (s *printScreen) writePDF(path, spool string, n int) {
	if path == "" {
		return
	}
	if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
		path += ".pdf"
	}
	err := atomicfile.Write(path, func(w io.Writer) error {
		f, err := os.Open(spool)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
	if err != nil {
		showError(err, s.win)
		return
	}
	s.setSpool("")
	s.status.SetText(lang.L("Saved {{.Count}} certificates to {{.Path}}.", map[string]any{"Count": formatCount(n), "Path": path}))
	if s.onSaved != nil {
		s.onSaved(path)
	}
	if s.open != nil {
		if err := s.open(path); err != nil {
			fyne.LogError("Khen thưởng: opening "+path, err)
		}
	}
}
