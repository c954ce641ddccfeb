package ui

import (
	"cmp"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/certificates"
)

// editMode is what a decisionEditor does.
type editMode int

const (
	editNew   editMode = iota // a new draft from approved nominations
	editDraft                 // change a draft: its header, drop or reorder recipients
	editAmend                 // correct an issued decision, with a reason
)

// decisionEditor is the dialog that creates a decision, edits a draft or
// amends an issued one. The service normalises and validates; a refusal
// naming a field shows under it.
type decisionEditor struct {
	s    *decisionsScreen
	mode editMode
	orig *khenthuong.Decision // nil for a new decision
	dlg  *dialog.CustomDialog
	form *fieldForm

	// New decisions: the approved nominations of the campaign not yet in a
	// decision, and the forms they ask for.
	candidates []khenthuong.Nomination
	formCodes  []string

	award          *choiceSelect
	number         *textEntry
	date           *textEntry
	signer         *choiceSelect
	signerTitle    *textEntry
	signerName     *textEntry
	submissionNo   *textEntry
	submissionDate *textEntry
	achievement    *textEntry
	order          *choiceSelect
	reason         *textEntry
	picker         *recipientPicker
	save           *widget.Button

	signers []khenthuong.Signer
	orders  []khenthuong.ListOrder
	offered string // the achievement filled in from the nominations, until the clerk types another
}

// newItem opens the dialog for a new decision once the approved
// nominations waiting for one are read.
func (s *decisionsScreen) newItem() {
	if s.campaignID == 0 {
		showInfo(lang.L("Decisions"), lang.L("Choose or create a campaign first."), s.win)
		return
	}
	s.withFreeNominations(func(free []khenthuong.Nomination, st khenthuong.Settings) {
		if len(free) == 0 {
			showInfo(lang.L("New decision"), lang.L("Every approved nomination of this campaign is already in a decision. Approve nominations on the Nominations screen first."), s.win)
			return
		}
		s.openEditor(editNew, nil, free, st)
	})
}

// withFreeNominations reads, in the background, the campaign's approved
// nominations that no decision lists yet, then calls then with them.
func (s *decisionsScreen) withFreeNominations(then func(free []khenthuong.Nomination, st khenthuong.Settings)) {
	id := s.campaignID
	s.progress.busy(true)
	background(&s.loading, func() func() {
		ns, err := s.svc.Nominations(khenthuong.NominationFilter{CampaignID: id, Status: khenthuong.StatusApproved})
		var taken map[uint64]bool
		var st khenthuong.Settings
		if err == nil {
			taken, err = decidedNominations(s.svc, id)
		}
		if err == nil {
			st, err = s.svc.Settings()
		}
		return func() {
			s.progress.busy(false)
			if err != nil {
				showError(err, s.win)
				return
			}
			var free []khenthuong.Nomination
			for _, n := range ns {
				if !taken[n.ID] {
					free = append(free, n)
				}
			}
			then(free, st)
		}
	})
}

// editSelected edits a draft (its recipients, and the approved nominations
// of its form that could join it), or amends an issued decision.
func (s *decisionsScreen) editSelected() {
	d := s.whole()
	switch {
	case d == nil:
	case d.Status == khenthuong.DecisionIssued:
		s.openSimpleEditor(editAmend, d)
	default:
		s.withFreeNominations(func(free []khenthuong.Nomination, st khenthuong.Settings) {
			if s.current == nil || s.current.ID != d.ID {
				return // another decision was chosen meanwhile
			}
			s.openEditor(editDraft, d, free, st)
		})
	}
}

func (s *decisionsScreen) amendSelected() {
	if d := s.whole(); d != nil {
		s.openSimpleEditor(editAmend, d)
	}
}

// whole reads the selected decision with its recipients, which an editor
// saves with it; nil (the error shown) when none is selected or it cannot be read.
func (s *decisionsScreen) whole() *khenthuong.Decision {
	if s.current == nil {
		return nil
	}
	d, err := s.svc.Decision(s.current.ID)
	if err != nil {
		showError(err, s.win)
		return nil
	}
	return d
}

func (s *decisionsScreen) openSimpleEditor(mode editMode, d *khenthuong.Decision) {
	st, err := s.svc.Settings()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.openEditor(mode, d, nil, st)
}

func (s *decisionsScreen) openEditor(mode editMode, d *khenthuong.Decision, candidates []khenthuong.Nomination, st khenthuong.Settings) {
	e := &decisionEditor{s: s, mode: mode, orig: d, form: newFieldForm(), candidates: candidates, signers: st.Signers}
	v := khenthuong.Decision{Date: khenthuong.DateOf(time.Now()), Order: khenthuong.OrderList}
	if d != nil {
		v = *d
	} else {
		v.SignerTitle, v.SignerName = s.lastSigner(st.Signers)
	}
	e.build(v)

	title := lang.L("New decision")
	save := lang.L("Create draft")
	switch mode {
	case editDraft:
		title = lang.L("Edit draft decision")
		save = lang.L("Save")
	case editAmend:
		title = lang.L("Amend decision No. {{.Number}}", map[string]any{"Number": certificates.DecisionNumber(d.Number, s.abbr)})
		save = lang.L("Save amendment")
	}
	e.dlg = dialog.NewCustomWithoutButtons(title, e.form.scrolled(), s.win)
	cancel := widget.NewButton(lang.L("Cancel"), e.dlg.Hide)
	e.save = widget.NewButton(save, e.submit)
	e.save.Importance = widget.HighImportance
	e.dlg.SetButtons([]fyne.CanvasObject{cancel, e.save})
	e.dlg.SetOnClosed(func() {
		if s.editor == e {
			s.editor = nil
		}
	})
	if mode == editAmend {
		e.dlg.Resize(fyne.NewSize(720, 700))
	} else {
		e.dlg.Resize(fyne.NewSize(1180, 720))
	}
	s.editor = e
	showDialog(s.win, e.dlg, nil)
	s.win.Canvas().Focus(e.number)
}

func (e *decisionEditor) build(v khenthuong.Decision) {
	f := e.form
	e.number = newTextEntry()
	e.number.SetPlaceHolder(lang.L("e.g. 2871/QĐ-UBND"))
	e.number.SetText(v.Number)
	e.date = newDateEntry(v.Date)
	signerOpts := make([]string, len(e.signers))
	for i, sg := range e.signers {
		signerOpts[i] = strings.Join(strings.Fields(strings.ReplaceAll(sg.Title, "\n", " / ")), " ")
		if sg.Name != "" {
			signerOpts[i] += " — " + sg.Name
		}
	}
	e.signer = newChoice(signerOpts, func(string) {
		if i := e.signer.SelectedIndex(); i >= 0 {
			e.signerTitle.SetText(e.signers[i].Title)
			e.signerName.SetText(e.signers[i].Name)
		}
	})
	e.signer.PlaceHolder = lang.L("(choose from the signers in Settings)")
	e.signerTitle = newMultiLineTextEntry()
	e.signerTitle.SetMinRowsVisible(2)
	e.signerTitle.SetPlaceHolder(lang.L("e.g. KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"))
	e.signerTitle.SetText(v.SignerTitle)
	e.signerName = newTextEntry()
	e.signerName.SetText(v.SignerName)
	if i := signerIndex(e.signers, v.SignerTitle, v.SignerName); i >= 0 {
		e.signer.Selected = signerOpts[i] // not SetSelected: a name the decision has stays
	}
	e.submissionNo = newTextEntry()
	e.submissionNo.SetPlaceHolder(lang.L("e.g. 45/TTr-SNV"))
	e.submissionNo.SetText(v.SubmissionNo)
	e.submissionDate = newDateEntry(v.SubmissionDate)
	e.achievement = newMultiLineTextEntry()
	e.achievement.Wrapping = fyne.TextWrapWord
	e.achievement.SetMinRowsVisible(3)
	e.achievement.SetPlaceHolder(lang.L("e.g. đã có thành tích xuất sắc trong …"))
	e.achievement.SetText(v.Achievement)

	e.orders = []khenthuong.ListOrder{khenthuong.OrderList, khenthuong.OrderAlpha, khenthuong.OrderUnit}
	if e.mode == editDraft && v.Order == khenthuong.OrderManual {
		e.orders = append(e.orders, khenthuong.OrderManual)
	}
	orderOpts := make([]string, len(e.orders))
	for i, o := range e.orders {
		orderOpts[i] = orderLabel(o)
	}
	e.order = newChoice(orderOpts, nil)
	e.order.SetSelectedIndex(0)
	for i, o := range e.orders {
		if o == v.Order {
			e.order.SetSelectedIndex(i)
		}
	}

	if e.mode == editNew {
		e.award = newChoice(nil, func(string) { e.awardChanged() })
		f.add("form", lang.L("Award form"), e.award)
	} else {
		f.add("form", lang.L("Award form"), boldLabel(e.s.formName(v.FormCode)))
	}
	f.add("number", lang.L("Decision No."), e.number)
	f.add("date", lang.L("Date"), e.date)
	if len(e.signers) > 0 {
		f.add("signer", lang.L("Signer"), e.signer)
	}
	f.add("signer_title", lang.L("Signer's title"), e.signerTitle)
	f.add("signer_name", lang.L("Signer's name"), e.signerName)
	f.add("submission_no", lang.L("Submission no."), e.submissionNo)
	f.add("submission_date", lang.L("Submission date"), e.submissionDate)
	f.add("achievement", lang.L("Achievement (Article 1)"), e.achievement)
	if e.mode == editAmend {
		e.reason = newMultiLineTextEntry()
		e.reason.Wrapping = fyne.TextWrapWord
		e.reason.SetMinRowsVisible(3)
		f.add("reason", lang.L("Reason for the amendment"), e.reason)
		return
	}
	f.add("order", lang.L("List order"), e.order)
	f.newColumn()
	e.picker = newRecipientPicker()
	f.add("recipients", lang.L("Nominations to include"), e.picker.content())
	if e.mode == editNew {
		e.fillAwards()
	} else {
		// The draft's recipients, checked, then the nominations that could join it.
		var items []pickItem
		for _, r := range v.Recipients {
			items = append(items, pickItem{id: r.NominationID, text: recipientLine(&r.Nominee), checked: true})
		}
		for i := range e.candidates {
			if n := &e.candidates[i]; n.FormCode == v.FormCode {
				items = append(items, pickItem{id: n.ID, text: recipientLine(&n.Nominee)})
			}
		}
		e.picker.set(items)
	}
}

// recipientLine is how a nominee reads in the recipients list.
func recipientLine(n *khenthuong.Nominee) string {
	if pu := n.PositionAndUnit(); pu != "" && n.Kind == khenthuong.Individual {
		return n.DisplayName() + ", " + pu
	}
	return n.DisplayName()
}

// fillAwards offers the forms the candidates ask for, highest first, with their counts.
func (e *decisionEditor) fillAwards() {
	count := map[string]int{}
	for _, n := range e.candidates {
		if count[n.FormCode] == 0 {
			e.formCodes = append(e.formCodes, n.FormCode)
		}
		count[n.FormCode]++
	}
	rank := func(code string) int {
		if f := e.s.forms[code]; f != nil {
			return f.Rank
		}
		return 0
	}
	slices.SortStableFunc(e.formCodes, func(a, b string) int { return cmp.Or(cmp.Compare(rank(b), rank(a)), strings.Compare(a, b)) })
	opts := make([]string, len(e.formCodes))
	for i, code := range e.formCodes {
		opts[i] = lang.L("{{.Code}} — {{.Name}} ({{.Count}} approved)", map[string]any{"Code": code, "Name": e.s.formName(code), "Count": count[code]})
	}
	e.award.SetOptions(opts)
	e.award.SetSelectedIndex(0)
}

func (e *decisionEditor) awardCode() string {
	if e.award == nil {
		return e.orig.FormCode
	}
	if i := e.award.SelectedIndex(); i >= 0 && i < len(e.formCodes) {
		return e.formCodes[i]
	}
	return ""
}

// selectAward chooses the form with code, for tests and shortcuts.
func (e *decisionEditor) selectAward(code string) {
	if i := slices.Index(e.formCodes, code); i >= 0 {
		e.award.SetSelectedIndex(i)
	}
}

// awardChanged lists the chosen form's approved nominations, all checked,
// and offers the achievement most of them share.
func (e *decisionEditor) awardChanged() {
	code := e.awardCode()
	var items []pickItem
	seen := map[string]int{}
	best := ""
	for i := range e.candidates {
		n := &e.candidates[i]
		if n.FormCode != code {
			continue
		}
		items = append(items, pickItem{id: n.ID, text: recipientLine(&n.Nominee), checked: true})
		if n.Achievement != "" {
			seen[n.Achievement]++
			if seen[n.Achievement] > seen[best] {
				best = n.Achievement
			}
		}
	}
	e.picker.set(items)
	if e.achievement.Text == "" || e.achievement.Text == e.offered {
		e.achievement.SetText(best)
		e.offered = best
	}
}

func (e *decisionEditor) selectedOrder() khenthuong.ListOrder {
	if i := e.order.SelectedIndex(); i >= 0 {
		return e.orders[i]
	}
	return khenthuong.OrderList
}

// value reads the header fields into d; typing errors name their field.
func (e *decisionEditor) value(d *khenthuong.Decision) error {
	d.Number = e.number.Text
	date, err := parseDate("date", e.date.Text)
	if err != nil {
		return err
	}
	d.Date = date
	d.SignerTitle = e.signerTitle.Text
	d.SignerName = e.signerName.Text
	d.SubmissionNo = e.submissionNo.Text
	sub, err := parseDate("submission_date", e.submissionDate.Text)
	if err != nil {
		return err
	}
	d.SubmissionDate = sub
	d.Achievement = e.achievement.Text
	if e.mode != editAmend {
		d.Order = e.selectedOrder()
	}
	return nil
}

// submit creates, saves or amends; the dialog stays open while anything is wrong.
func (e *decisionEditor) submit() {
	var d khenthuong.Decision
	if e.orig != nil {
		d = *e.orig
		d.Recipients = slices.Clone(e.orig.Recipients)
	} else {
		d.CampaignID = e.s.campaignID
		d.FormCode = e.awardCode()
	}
	err := e.value(&d)
	if err == nil {
		switch e.mode {
		case editNew:
			err = e.s.svc.CreateDecision(&d, e.picker.checkedIDs())
		case editDraft:
			if err = e.keepRecipients(&d); err == nil {
				err = e.s.svc.UpdateDecision(&d)
			}
		case editAmend:
			err = e.s.svc.AmendDecision(&d, e.reason.Text)
		}
	}
	if err != nil {
		e.form.show(err)
		return
	}
	e.dlg.Hide()
	e.s.wrote(d.ID)
}

// keepRecipients makes the draft's recipients the checked rows: those it
// had keep what is printed for them, the others join with their
// nomination's (the service fills a recipient without a name). The service
// puts them in the decision's order; a manual order keeps the list's.
func (e *decisionEditor) keepRecipients(d *khenthuong.Decision) error {
	had := map[uint64]khenthuong.Recipient{}
	for _, r := range d.Recipients {
		had[r.NominationID] = r
	}
	d.Recipients = nil
	for _, id := range e.picker.checkedIDs() {
		r, ok := had[id]
		if !ok {
			r = khenthuong.Recipient{NominationID: id}
		}
		d.Recipients = append(d.Recipients, r)
	}
	if len(d.Recipients) == 0 {
		return khenthuong.FieldErrorf("recipients", "%s", lang.L("Keep at least one recipient, or delete the draft."))
	}
	return nil
}

// pickItem is one row of a recipientPicker.
type pickItem struct {
	id      uint64
	text    string
	checked bool
}

// recipientPicker is a checkable list of nominations, all checked at first,
// drawn with recycled rows so a decision of 2,000 recipients stays quick.
type recipientPicker struct {
	items []pickItem
	list  *widget.List
	count *widget.Label
	root  fyne.CanvasObject
}

func newRecipientPicker() *recipientPicker {
	p := &recipientPicker{count: widget.NewLabel("")}
	p.list = widget.NewList(func() int { return len(p.items) },
		func() fyne.CanvasObject {
			c := newCheckBox("", nil)
			return c
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*checkBox)
			c.OnChanged = nil
			c.Text = p.items[id].text
			c.SetChecked(p.items[id].checked)
			c.Refresh()
			c.OnChanged = func(on bool) { p.setChecked(id, on) }
		})
	all := widget.NewButton(lang.L("Check all"), func() { p.checkAll(true) })
	none := widget.NewButton(lang.L("Uncheck all"), func() { p.checkAll(false) })
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(460, 400))
	p.root = container.NewBorder(nil, container.NewHBox(all, none, p.count), nil, nil, container.NewStack(space, p.list))
	return p
}

func (p *recipientPicker) content() fyne.CanvasObject { return p.root }

func (p *recipientPicker) set(items []pickItem) {
	p.items = items
	p.list.Refresh()
	p.list.ScrollToTop()
	p.updateCount()
}

func (p *recipientPicker) setChecked(i int, on bool) {
	if i < 0 || i >= len(p.items) || p.items[i].checked == on {
		return
	}
	p.items[i].checked = on
	p.updateCount()
}

func (p *recipientPicker) checkAll(on bool) {
	for i := range p.items {
		p.items[i].checked = on
	}
	p.list.Refresh()
	p.updateCount()
}

func (p *recipientPicker) checkedIDs() []uint64 {
	var ids []uint64
	for _, it := range p.items {
		if it.checked {
			ids = append(ids, it.id)
		}
	}
	return ids
}

func (p *recipientPicker) updateCount() {
	p.count.SetText(lang.L("{{.Checked}} of {{.Total}} checked", map[string]any{
		"Checked": formatCount(len(p.checkedIDs())), "Total": formatCount(len(p.items))}))
}

// lastSigner is who signs a new decision at first: the signer of the
// campaign's newest decision, else the first signer in Cài đặt. The clerk
// rarely changes it from one decision to the next.
func (s *decisionsScreen) lastSigner(signers []khenthuong.Signer) (title, name string) {
	for _, d := range s.list { // newest first
		if d.SignerTitle != "" {
			return d.SignerTitle, d.SignerName
		}
	}
	if len(signers) > 0 {
		return signers[0].Title, signers[0].Name
	}
	return "", ""
}

// signerIndex finds the signer of Cài đặt a decision's signer is: same
// title, and same name unless Cài đặt leaves the name to be typed; -1 if none.
func signerIndex(signers []khenthuong.Signer, title, name string) int {
	found := -1
	for i, sg := range signers {
		if sg.Title != title {
			continue
		}
		if sg.Name == name {
			return i
		}
		if sg.Name == "" && found < 0 {
			found = i
		}
	}
	return found
}
