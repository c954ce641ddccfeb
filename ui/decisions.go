package ui

import (
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/certificates"
	"khenthuong/vntext"
)

// Columns of the decisions table.
const (
	decColNumber = iota
	decColDate
	decColForm
	decColCount
	decColTotal
	decColStatus
	numDecCols
)

// Columns of a decision's recipients.
const (
	recColNo = iota
	recColName
	recColDetail
	recColRegistry
	recColAmount
	numRecCols
)

// decisionsScreen is Quyết định: the decisions of the current campaign
// (newest first) over the selected one's detail: its recipients with their
// registry numbers and bonuses, what can be done to it (edit, delete,
// reorder and issue a draft; amend an issued one) and its documents.
// Lists are read in goroutines; writes are single quick service calls.
type decisionsScreen struct {
	svc   khenthuong.Services
	win   fyne.Window
	saver *docSaver

	campaigns  []khenthuong.Campaign
	campaignID uint64
	forms      map[string]*khenthuong.AwardForm
	abbr       string                   // Settings.AuthorityAbbr, for numbers as printed
	texts      khenthuong.DocumentTexts // the wordings, to tell the blanks a draft still has
	list       []khenthuong.DecisionSummary
	current    *khenthuong.Decision // the selected decision, as last read, without its recipients
	sum        khenthuong.DecisionSummary
	recs       pagedRecipients // its recipients, a page at a time (a decision may have 100,000)
	reselect   uint64          // decision to select once the list arrives
	recSelect  int             // recipient to select once the decision arrives
	listGen    int
	detailGen  int
	loading    sync.WaitGroup // reads and documents in flight, for tests

	campaignSelect *widget.Select
	newButton      *widget.Button
	progress       *busyBar
	table          *dataTable

	empty        *widget.Label
	heading      *widget.Label
	facts        *widget.Label
	blanks       *widget.Label // what a draft still lacks to be issued
	editButton   *widget.Button
	deleteButton *widget.Button
	issueButton  *widget.Button
	amendButton  *widget.Button
	upButton     *widget.Button
	downButton   *widget.Button
	recipients   *dataTable
	total        *widget.Label
	docButtons   []*widget.Button
	amendments   *widget.Label
	detail       *fyne.Container
	root         fyne.CanvasObject

	editor *decisionEditor
	doc    *docView // the document dialog opened last

	// Lịch sử thay đổi (changes.go): its button and the view it opened last.
	historyButton *widget.Button
	changes       *changesView

	onWrite    func()          // decisions were created, changed, issued or deleted
	onCampaign func(id uint64) // the clerk chose campaign id here: the other screens follow
}

func newDecisionsScreen(svc khenthuong.Services, win fyne.Window, saver *docSaver) *decisionsScreen {
	s := &decisionsScreen{svc: svc, win: win, saver: saver, recSelect: -1}

	s.campaignSelect = newSelect(nil, func(string) {
		if i := s.campaignSelect.SelectedIndex(); i >= 0 && s.campaigns[i].ID != s.campaignID {
			s.campaignID = s.campaigns[i].ID
			s.reload()
			if s.onCampaign != nil {
				s.onCampaign(s.campaignID) // one current campaign for Đề nghị, Quyết định and In ấn
			}
		}
	})
	s.campaignSelect.PlaceHolder = lang.L("(choose a campaign)")
	s.newButton = widget.NewButtonWithIcon(lang.L("New decision"), theme.ContentAddIcon(), s.newItem)
	s.newButton.Importance = widget.HighImportance
	s.progress = newBusyBar()

	s.table = newDataTable([]column{
		decColNumber: {lang.L("Decision No."), 150},
		decColDate:   {lang.L("Date"), 100},
		decColForm:   {lang.L("Award form"), 300},
		decColCount:  {lang.L("Recipients"), 200},
		decColTotal:  {lang.L("Total bonus (đồng)"), 200},
		decColStatus: {lang.L("Status"), 120},
	}, decColForm, func() int { return len(s.list) }, s.cellText)
	s.table.onSelect = func(int) { s.selectionChanged() }
	s.table.onActivate = func(int) { s.editSelected() }
	s.table.onDelete = func(int) { s.deleteSelected() }

	s.buildDetail()
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Campaign")), s.newButton, s.campaignSelect)
	// On a laptop the detail scrolls rather than squeeze its list to nothing.
	split := container.NewVSplit(s.table, container.NewStack(s.empty, container.NewVScroll(s.detail)))
	split.Offset = 0.3
	s.root = container.NewBorder(container.NewVBox(top, s.progress), nil, nil, nil, split)
	s.showDetail(nil, false)
	return s
}

func (s *decisionsScreen) buildDetail() {
	s.empty = widget.NewLabel(lang.L("Choose a decision to see its recipients and documents."))
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Wrapping = fyne.TextWrapWord
	s.heading = boldLabel("")
	s.heading.Wrapping = fyne.TextWrapWord
	s.facts = widget.NewLabel("")
	s.facts.Wrapping = fyne.TextWrapWord
	s.blanks = widget.NewLabel("")
	s.blanks.Wrapping = fyne.TextWrapWord
	s.blanks.Importance = widget.WarningImportance
	s.blanks.Hide()

	s.editButton = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), s.editSelected)
	s.deleteButton = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.deleteSelected)
	s.issueButton = widget.NewButtonWithIcon(lang.L("Issue"), theme.ConfirmIcon(), s.issueSelected)
	s.issueButton.Importance = widget.HighImportance
	s.amendButton = widget.NewButtonWithIcon(lang.L("Amend…"), theme.DocumentCreateIcon(), s.amendSelected)
	s.historyButton = widget.NewButtonWithIcon(lang.L("History of changes…"), theme.HistoryIcon(), s.showChanges)
	s.upButton = widget.NewButtonWithIcon(lang.L("Move up"), theme.MoveUpIcon(), func() { s.moveRecipient(-1) })
	s.downButton = widget.NewButtonWithIcon(lang.L("Move down"), theme.MoveDownIcon(), func() { s.moveRecipient(1) })

	s.recipients = newDataTable([]column{
		recColNo:       {lang.L("No."), 48},
		recColName:     {lang.L("Name"), 260},
		recColDetail:   {lang.L("Position and unit"), 320},
		recColRegistry: {lang.L("Registry no."), 150},
		recColAmount:   {lang.L("Bonus (đồng)"), 160},
	}, recColDetail, func() int { return s.recipientCount() }, s.recipientText)
	s.recipients.onSelect = func(int) { s.updateButtons() }
	s.total = widget.NewLabel("")

	docs := []struct {
		label string
		kind  docKind
	}{
		{lang.L("Decision (PDF/DOCX)"), docDecision},
		{lang.L("List"), docList},
		{lang.L("List (table)"), docListTable},
		{lang.L("Ceremony run-sheet"), docRunSheet},
		{lang.L("Payment list (PDF/XLSX)"), docPayments},
	}
	docBox := newFlow(widget.NewLabel(lang.L("Documents:"))) // wraps in a narrow window
	for _, d := range docs {
		b := widget.NewButtonWithIcon(d.label, theme.DocumentPrintIcon(), func() { s.openDocument(d.kind) })
		s.docButtons = append(s.docButtons, b)
		docBox.Add(b)
	}
	s.amendments = widget.NewLabel("")
	s.amendments.Wrapping = fyne.TextWrapWord
	s.amendments.Hide()

	actions := newFlow(s.editButton, s.deleteButton, s.issueButton, s.amendButton, s.upButton, s.downButton, s.historyButton,
		roleNote(s.svc, khenthuong.RightIssueDecisions, s.issueButton, s.amendButton)) // see rights.go
	head := container.NewVBox(s.heading, s.facts, s.blanks, actions)
	foot := container.NewVBox(s.total, s.amendments, docBox)
	s.detail = container.NewBorder(head, foot, nil, nil, container.NewStack(minHeight(5*rowHeight()), s.recipients))
}

func (s *decisionsScreen) content() fyne.CanvasObject { return s.root }

func (s *decisionsScreen) shown() {
	s.refreshCampaigns()
	s.reload()
}

// setCampaign makes id the current campaign (chosen on Đợt khen thưởng).
func (s *decisionsScreen) setCampaign(id uint64) {
	if id == s.campaignID {
		return
	}
	s.campaignID = id
	s.list, s.current = nil, nil
	s.selectCampaignOption()
}

func (s *decisionsScreen) refreshCampaigns() {
	cs, err := s.svc.Campaigns()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.campaigns = cs
	s.campaignSelect.SetOptions(campaignNames(cs))
	s.selectCampaignOption()
}

func (s *decisionsScreen) selectCampaignOption() {
	if !showCampaignOption(s.campaignSelect, s.campaigns, s.campaignID) {
		s.campaignSelect.ClearSelected()
	}
}

// reload lists the campaign's decisions in the background, keeping the selected one.
func (s *decisionsScreen) reload() {
	if d := s.selected(); d != nil && s.reselect == 0 {
		s.reselect = d.ID
	}
	s.listGen++
	gen, id := s.listGen, s.campaignID
	s.updateButtons()
	if id == 0 {
		s.setList(nil)
		return
	}
	s.progress.busy(true)
	background(&s.loading, func() func() {
		list, err := s.svc.DecisionSummaries(id) // recipients are read for the selected one only
		forms, ferr := s.svc.Forms()
		st, serr := s.svc.Settings()
		if err == nil {
			err = ferr
		}
		if err == nil {
			err = serr
		}
		return func() {
			s.progress.busy(false)
			if gen != s.listGen {
				return
			}
			if err != nil {
				showError(err, s.win)
				return
			}
			s.forms = map[string]*khenthuong.AwardForm{}
			for i := range forms {
				s.forms[forms[i].Code] = &forms[i]
			}
			s.abbr = st.AuthorityAbbr
			s.texts = st.Texts
			s.setList(list)
		}
	})
}

func (s *decisionsScreen) setList(list []khenthuong.DecisionSummary) {
	s.list = list
	keep := s.reselect
	s.reselect = 0
	s.table.clearSelection()
	s.table.Refresh()
	for i, d := range list {
		if d.ID == keep {
			s.table.selectRow(i)
		}
	}
	if s.selected() == nil {
		s.showDetail(nil, false)
	}
	s.updateEmpty()
}

// updateEmpty says, under an empty list, what to do next and where.
func (s *decisionsScreen) updateEmpty() {
	switch {
	case s.campaignID == 0:
		s.empty.SetText(lang.L("Choose a campaign above to see its decisions."))
	case len(s.list) == 0:
		s.empty.SetText(lang.L("This campaign has no decision yet. Approve nominations on Nominations, then click New decision to draw one up from them."))
	default:
		s.empty.SetText(lang.L("Choose a decision to see its recipients and documents."))
	}
}

func (s *decisionsScreen) selected() *khenthuong.DecisionSummary {
	if r := s.table.selected; r >= 0 && r < len(s.list) {
		return &s.list[r]
	}
	return nil
}

// selectionChanged shows the list's copy at once, then reads the decision
// again in the background (its recipients are read a page at a time as the
// list shows them).
func (s *decisionsScreen) selectionChanged() {
	d := s.selected()
	if d == nil {
		s.showDetail(nil, false)
		return
	}
	s.showDetail(d, false)
	s.loadDetail(d.ID)
}

func (s *decisionsScreen) loadDetail(id uint64) {
	s.detailGen++
	gen := s.detailGen
	s.progress.busy(true)
	background(&s.loading, func() func() {
		d, err := s.svc.DecisionSummary(id)
		return func() {
			s.progress.busy(false)
			if gen != s.detailGen {
				return
			}
			if err != nil {
				showError(err, s.win)
				return
			}
			if r := s.table.selected; r >= 0 && r < len(s.list) && s.list[r].ID == d.ID {
				s.list[r] = *d // the list shows what was read last
				s.table.Refresh()
			}
			s.showDetail(d, true)
		}
	})
}

func (s *decisionsScreen) cellText(row, col int) string {
	if row < 0 || row >= len(s.list) {
		return ""
	}
	d := &s.list[row]
	switch col {
	case decColNumber:
		return certificates.DecisionNumber(d.Number, s.abbr)
	case decColDate:
		return d.Date.Display()
	case decColForm:
		return s.formName(d.FormCode)
	case decColCount:
		return formatCount(d.RecipientCount)
	case decColTotal:
		return vntext.FormatNumber(d.TotalAmount)
	case decColStatus:
		return decisionStatusLabel(d.Status)
	}
	return ""
}

func (s *decisionsScreen) formName(code string) string {
	if f := s.forms[code]; f != nil {
		return f.Name
	}
	return code
}

func decisionStatusLabel(st khenthuong.DecisionStatus) string {
	if st == khenthuong.DecisionIssued {
		return lang.L("Issued")
	}
	return lang.L("Draft")
}

func (s *decisionsScreen) recipientCount() int {
	if s.current == nil {
		return 0
	}
	return s.recs.recipientCount()
}

func (s *decisionsScreen) recipientText(row, col int) string {
	if s.current == nil {
		return ""
	}
	r := s.recs.recipientAt(row, s.win)
	if r == nil {
		return ""
	}
	switch col {
	case recColNo:
		return strconv.Itoa(row + 1)
	case recColName:
		return r.Nominee.DisplayName()
	case recColDetail:
		return r.Nominee.PositionAndUnit()
	case recColRegistry:
		return r.RegistryNo
	case recColAmount:
		return vntext.FormatNumber(r.Amount)
	}
	return ""
}

// showDetail fills the lower half with d (nil: nothing selected); read is
// false for the list's copy, shown while the decision is read again.
func (s *decisionsScreen) showDetail(sum *khenthuong.DecisionSummary, read bool) {
	var d *khenthuong.Decision
	if sum != nil {
		d = &sum.Decision
	}
	if d == nil {
		s.current = nil
		s.detail.Hide()
		s.empty.Show()
		s.recipients.clearSelection()
		s.recipients.Refresh()
		s.updateButtons()
		return
	}
	keepRow := s.recipients.selected
	if s.current == nil || s.current.ID != d.ID {
		keepRow = -1
	}
	if s.recSelect >= 0 && read { // the list's copy may be older: wait for the read
		keepRow, s.recSelect = s.recSelect, -1
	}
	s.sum = *sum
	s.sum.Recipients = nil
	s.current = &s.sum.Decision
	id := d.ID
	s.recs.reset(sum.RecipientCount, func(p khenthuong.Page) ([]khenthuong.Recipient, error) { return s.svc.Recipients(id, p) })
	s.empty.Hide()
	s.detail.Show()
	number := certificates.DecisionNumber(d.Number, s.abbr)
	s.heading.SetText(lang.L("Decision No. {{.Number}} of {{.Date}} — {{.Form}}", map[string]any{
		"Number": number, "Date": d.Date.Display(), "Form": s.formName(d.FormCode)}))
	facts := []string{decisionStatusLabel(d.Status)}
	if d.Status == khenthuong.DecisionIssued && !d.IssuedAt.IsZero() {
		facts[0] = lang.L("Issued on {{.Date}}", map[string]any{"Date": d.IssuedAt.Local().Format("02/01/2006 15:04")})
	}
	if signer := strings.Join(strings.Fields(strings.ReplaceAll(d.SignerTitle, "\n", " / ")), " "); signer != "" {
		facts = append(facts, lang.L("Signed: {{.Title}} {{.Name}}", map[string]any{"Title": signer, "Name": d.SignerName}))
	}
	if d.SubmissionNo != "" {
		facts = append(facts, lang.L("Submission {{.Number}} of {{.Date}}", map[string]any{"Number": d.SubmissionNo, "Date": d.SubmissionDate.Display()}))
	}
	facts = append(facts, orderLabel(d.Order))
	s.facts.SetText(strings.Join(facts, " · "))
	s.blanks.SetText("")
	if err := s.blanksOf(d); err != nil {
		// the message is a clause without a full stop: two sentences read as one without it
		s.blanks.SetText(strings.TrimRight(khenthuong.ErrorMessage(err), ".") + ". " + lang.L("Fill them in with Edit before issuing."))
	}
	if s.blanks.Text == "" {
		s.blanks.Hide()
	} else {
		s.blanks.Show()
	}
	s.total.SetText(lang.L("{{.Count}} recipients · total {{.Total}} đồng", map[string]any{
		"Count": formatCount(sum.RecipientCount), "Total": vntext.FormatNumber(sum.TotalAmount)}))
	s.amendments.SetText(amendmentsText(d.Amendments))
	if len(d.Amendments) == 0 {
		s.amendments.Hide()
	} else {
		s.amendments.Show()
	}
	s.detail.Refresh() // the amendments came or went
	s.recipients.clearSelection()
	s.recipients.Refresh()
	if keepRow >= 0 {
		s.recipients.selectRow(min(keepRow, sum.RecipientCount-1))
	}
	s.updateButtons()
}

// amendmentsText lists the corrections of an issued decision, oldest first.
func amendmentsText(as []khenthuong.Amendment) string {
	if len(as) == 0 {
		return ""
	}
	lines := []string{lang.L("Amendments:")}
	for _, a := range as {
		lines = append(lines, lang.L("{{.At}}, {{.User}}: {{.Reason}}", map[string]any{
			"At": a.At.Local().Format("02/01/2006 15:04"), "User": a.User, "Reason": a.Reason}))
	}
	return strings.Join(lines, "\n")
}

func orderLabel(o khenthuong.ListOrder) string {
	switch o {
	case khenthuong.OrderAlpha:
		return lang.L("Alphabetical order")
	case khenthuong.OrderUnit:
		return lang.L("Ordered by unit")
	case khenthuong.OrderManual:
		return lang.L("Order arranged by hand")
	}
	return lang.L("Nomination order")
}

// updateButtons enables what the selected decision allows: a draft is edited,
// reordered, deleted and issued; an issued one is only amended.
func (s *decisionsScreen) updateButtons() {
	setEnabled(s.newButton, s.campaignID != 0)
	d := s.current
	draft := d != nil && d.Status != khenthuong.DecisionIssued
	setEnabled(s.editButton, draft)
	setEnabled(s.deleteButton, draft)
	// a draft with blanks its wording uses: the note above says which
	setEnabled(s.issueButton, draft && s.sum.RecipientCount > 0 && s.blanksOf(d) == nil)
	setEnabled(s.amendButton, d != nil && !draft)
	setEnabled(s.historyButton, d != nil)
	r := s.recipients.selected
	setEnabled(s.upButton, draft && r > 0)
	setEnabled(s.downButton, draft && r >= 0 && r < s.recipientCount()-1)
	for _, b := range s.docButtons {
		setEnabled(b, d != nil && s.sum.RecipientCount > 0)
	}
}

func (s *decisionsScreen) typedKey(ev *fyne.KeyEvent) { s.table.TypedKey(ev) }

// wrote reloads after a write and selects id.
func (s *decisionsScreen) wrote(id uint64) {
	s.reselect = id
	s.reload()
	if s.onWrite != nil {
		s.onWrite()
	}
}

func (s *decisionsScreen) deleteSelected() {
	d := s.current
	if d == nil {
		return
	}
	id := d.ID
	askDelete(s.win, lang.L("Delete decision"),
		lang.L("Delete the draft decision No. {{.Number}}? Its nominations go back to the approved ones waiting for a decision.",
			map[string]any{"Number": certificates.DecisionNumber(d.Number, s.abbr)}),
		func() {
			if err := s.svc.DeleteDecision(id); err != nil {
				showError(err, s.win)
				return
			}
			s.current = nil
			s.wrote(0)
		})
}

// issueSelected asks, then issues: registry numbers are given and the decision is locked.
func (s *decisionsScreen) issueSelected() {
	d := s.current
	if d == nil {
		return
	}
	// Issuing cannot be undone: a decision with blanks its wording uses is
	// refused here already, naming them (the store refuses it too).
	if err := s.blanksOf(d); err != nil {
		showError(err, s.win)
		return
	}
	id := d.ID
	msg := lang.L("Issue decision No. {{.Number}}?\n\nEach of its {{.Count}} recipients gets the next registry number (số sổ vàng) of the series, in list order. The decision is then locked: it can no longer be edited or deleted, only amended with a recorded reason.",
		map[string]any{"Number": certificates.DecisionNumber(d.Number, s.abbr), "Count": s.sum.RecipientCount})
	askConfirm(s.win, lang.L("Issue decision"), msg, lang.L("Issue"), widget.HighImportance, func() {
		if _, err := s.svc.IssueDecision(id); err != nil {
			showError(err, s.win)
			return
		}
		s.wrote(id)
	}, nil)
}

// blanksOf is the refusal to issue d while a blank its wording uses is empty, or nil.
func (s *decisionsScreen) blanksOf(d *khenthuong.Decision) error {
	if d.Status == khenthuong.DecisionIssued {
		return nil
	}
	var camp *khenthuong.Campaign
	for i := range s.campaigns {
		if s.campaigns[i].ID == d.CampaignID {
			camp = &s.campaigns[i]
		}
	}
	return s.texts.CheckIssuable(d, camp)
}

// moveRecipient moves the selected recipient of a draft up (-1) or down (1);
// the decision's order becomes the clerk's own.
func (s *decisionsScreen) moveRecipient(step int) {
	r := s.recipients.selected
	if s.current == nil || r < 0 || r+step < 0 || r+step >= s.recipientCount() {
		return
	}
	d := s.whole() // a draft reordered by hand is saved whole
	if d == nil {
		return
	}
	c := *d
	if r+step >= len(c.Recipients) {
		s.wrote(c.ID) // it changed under the screen: show it as it is
		return
	}
	c.Recipients[r], c.Recipients[r+step] = c.Recipients[r+step], c.Recipients[r]
	c.Order = khenthuong.OrderManual
	if err := s.svc.UpdateDecision(&c); err != nil {
		showError(err, s.win)
		return
	}
	s.recSelect = r + step
	s.wrote(c.ID)
}

// openDocument lays out a document of the selected decision in its dialog.
func (s *decisionsScreen) openDocument(kind docKind) {
	d := s.current
	if d == nil {
		return
	}
	s.doc = openDocument(decisionDocument(s.svc, kind, d, s.abbr), s.saver, s.win, &s.loading)
}
