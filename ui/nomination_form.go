package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/vntext"
)

// nominationEditor is the dialog that adds or edits one nomination. The
// service normalises and validates; a rule it refuses comes back as an
// *khenthuong.Error naming the field, shown under that field.
type nominationEditor struct {
	s    *nominationsScreen
	orig *khenthuong.Nomination // nil for a new nomination
	dlg  *dialog.CustomDialog
	form *fieldForm

	kind           *widget.RadioGroup
	title          *choiceEntry
	name           *textEntry
	gender         *widget.RadioGroup
	birth          *textEntry
	position       *textEntry
	unit           *textEntry
	address        *textEntry
	classification *choiceEntry
	field          *textEntry
	award          *choiceSelect
	achievement    *textEntry
	proposer       *textEntry
	submissionNo   *textEntry
	submissionDate *textEntry
	order          *textEntry
	status         *choiceSelect
	rejectReason   *textEntry
	notes          *textEntry
	save           *widget.Button
	saveNext       *widget.Button // new nominations only
	changes        *widget.Button // Lịch sử thay đổi, stored nominations only
	changesView    *changesView   // the one it opened last

	awardCodes []string            // codes behind award's options
	statuses   []khenthuong.Status // values behind status's options
}

// openEditor shows the editor for n, or for a new nomination when n is nil.
// A new one starts from the last one created (same kind, unit, award,
// achievement and submission), because clerks type a unit's list one
// nominee after another; "Lưu và thêm" saves and opens the next at once.
func (s *nominationsScreen) openEditor(n *khenthuong.Nomination) {
	s.refreshForms()
	e := &nominationEditor{s: s, orig: n, form: newFieldForm()}
	var v khenthuong.Nomination
	switch {
	case n != nil:
		v = *n
	case s.lastSaved != nil && s.lastSaved.CampaignID == s.campaignID:
		last := s.lastSaved
		v = khenthuong.Nomination{
			Nominee:        khenthuong.Nominee{Kind: last.Nominee.Kind, Unit: last.Nominee.Unit, Classification: last.Nominee.Classification, Field: last.Nominee.Field},
			FormCode:       last.FormCode,
			Achievement:    last.Achievement,
			ProposingUnit:  last.ProposingUnit,
			SubmissionNo:   last.SubmissionNo,
			SubmissionDate: last.SubmissionDate,
			Status:         last.Status,
		}
	default:
		v = khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual}, Status: khenthuong.StatusSubmitted}
	}
	e.build(v)

	title := lang.L("New nomination")
	if n != nil {
		title = lang.L("Edit nomination")
	}
	campaign := widget.NewLabel(s.campaignName(s.campaignID))
	campaign.TextStyle.Bold = true
	campaign.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(campaign, nil, nil, nil, e.form.scrolled())
	e.dlg = dialog.NewCustomWithoutButtons(title, body, s.win)
	cancel := widget.NewButton(lang.L("Cancel"), e.dlg.Hide)
	e.save = widget.NewButton(lang.L("Save"), e.submit)
	e.save.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{cancel, e.save}
	if n == nil {
		e.saveNext = widget.NewButton(lang.L("Save and add another"), func() {
			if e.submit(); s.editor == nil {
				s.openEditor(nil)
			}
		})
		buttons = append(buttons, e.saveNext)
	} else {
		e.changes = widget.NewButtonWithIcon(lang.L("History of changes…"), theme.HistoryIcon(), func() {
			e.changesView = showNominationChanges(s.svc, s.win, n)
		})
		buttons = append([]fyne.CanvasObject{e.changes}, buttons...)
	}
	e.dlg.SetButtons(buttons)
	e.dlg.SetOnClosed(func() {
		if s.editor == e {
			s.editor = nil
		}
	})
	e.dlg.Resize(fitWindow(s.win, fyne.NewSize(1120, 660)))
	s.editor = e
	showDialog(s.win, e.dlg, nil)
	s.win.Canvas().Focus(e.name)
}

func (e *nominationEditor) build(v khenthuong.Nomination) {
	f := e.form
	submitOnEnter := func(en *textEntry) *textEntry { en.OnSubmitted = func(string) { e.submit() }; return en }

	kinds := make([]string, len(khenthuong.Kinds))
	for i, k := range khenthuong.Kinds {
		kinds[i] = kindLabel(k)
	}
	e.kind = widget.NewRadioGroup(kinds, func(string) { e.kindChanged() })
	e.kind.Horizontal = true
	e.kind.Required = true

	e.title = newChoiceEntry(vntext.Honorifics())
	e.title.SetText(v.Nominee.Title)
	e.name = submitOnEnter(newTextEntry())
	e.name.SetText(v.Nominee.Name)
	e.gender = widget.NewRadioGroup([]string{genderLabel(khenthuong.Male), genderLabel(khenthuong.Female)}, nil)
	e.gender.Horizontal = true
	e.gender.SetSelected(genderLabel(v.Nominee.Gender))
	e.birth = submitOnEnter(newDateEntry(v.Nominee.Birth))
	e.birth.SetPlaceHolder(lang.L("dd/mm/yyyy or year"))
	e.position = submitOnEnter(newTextEntry())
	e.position.SetText(v.Nominee.Position)
	e.unit = submitOnEnter(newTextEntry())
	e.unit.SetText(v.Nominee.Unit)
	e.address = submitOnEnter(newTextEntry())
	e.address.SetText(v.Nominee.Address)
	e.classification = newChoiceEntry(khenthuong.Classifications)
	e.classification.SetText(v.Nominee.Classification)
	e.field = submitOnEnter(newTextEntry())
	e.field.SetText(v.Nominee.Field)

	e.award = newChoice(nil, nil)
	e.award.PlaceHolder = lang.L("(choose an award)")
	e.achievement = newMultiLineTextEntry()
	e.achievement.Wrapping = fyne.TextWrapWord
	e.achievement.SetMinRowsVisible(3)
	e.achievement.SetText(v.Achievement)
	e.proposer = submitOnEnter(newTextEntry())
	e.proposer.SetText(v.ProposingUnit)
	e.submissionNo = submitOnEnter(newTextEntry())
	e.submissionNo.SetPlaceHolder(lang.L("e.g. 45/TTr-SNV"))
	e.submissionNo.SetText(v.SubmissionNo)
	e.submissionDate = submitOnEnter(newDateEntry(v.SubmissionDate))
	e.order = submitOnEnter(newTextEntry())
	e.order.SetPlaceHolder(lang.L("next in the list"))
	if v.Order > 0 {
		e.order.SetText(strconv.Itoa(v.Order))
	}

	// A review moves a nomination only along the domain's transitions.
	e.statuses = []khenthuong.Status{v.Status}
	if e.orig == nil {
		e.statuses = []khenthuong.Status{khenthuong.StatusDraft, khenthuong.StatusSubmitted}
	} else {
		for _, st := range khenthuong.Statuses {
			if khenthuong.CanTransition(v.Status, st) {
				e.statuses = append(e.statuses, st)
			}
		}
	}
	statusOpts := make([]string, len(e.statuses))
	for i, st := range e.statuses {
		statusOpts[i] = statusLabel(st)
	}
	e.status = newChoice(statusOpts, func(string) { e.statusChanged() })
	e.rejectReason = newMultiLineTextEntry()
	e.rejectReason.Wrapping = fyne.TextWrapWord
	e.rejectReason.SetText(v.RejectReason)
	e.notes = newMultiLineTextEntry()
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.SetText(v.Notes)

	f.add("kind", lang.L("Kind"), e.kind)
	f.add("title", lang.L("Title"), e.title)
	f.add("name", lang.L("Full name"), e.name)
	f.add("gender", lang.L("Gender"), e.gender)
	f.add("birth", lang.L("Date of birth"), e.birth)
	f.add("position", lang.L("Position"), e.position)
	f.add("unit", lang.L("Unit"), e.unit)
	f.add("address", lang.L("Address"), e.address)
	f.add("classification", lang.L("Classification"), e.classification)
	f.add("field", lang.L("Field"), e.field)
	f.newColumn() // what is proposed, beside who
	f.add("form", lang.L("Award form"), e.award)
	f.add("achievement", lang.L("Achievement"), e.achievement)
	f.add("proposing_unit", lang.L("Proposed by"), e.proposer)
	f.add("submission_no", lang.L("Submission no."), e.submissionNo)
	f.add("submission_date", lang.L("Submission date"), e.submissionDate)
	f.add("order", lang.L("No. in the list"), e.order)
	f.add("status", lang.L("Status"), e.status)
	f.add("reject_reason", lang.L("Reason for rejection"), e.rejectReason)
	f.add("notes", lang.L("Notes"), e.notes)

	e.kind.SetSelected(kindLabel(v.Nominee.Kind)) // fills the award options
	e.selectAward(v.FormCode)
	e.status.SetSelectedIndex(0)
	for i, st := range e.statuses {
		if st == v.Status {
			e.status.SetSelectedIndex(i)
		}
	}
	e.statusChanged()
	f.recheck = e.check
}

func (e *nominationEditor) selectedKind() khenthuong.Kind {
	for _, k := range khenthuong.Kinds {
		if kindLabel(k) == e.kind.Selected {
			return k
		}
	}
	return khenthuong.Individual
}

// kindChanged shows the person fields only for individuals and offers only
// the awards that apply to the kind.
func (e *nominationEditor) kindChanged() {
	k := e.selectedKind()
	person := k.IsPerson()
	for _, field := range []string{"title", "gender", "birth"} {
		e.form.setVisible(field, person)
	}
	switch k {
	case khenthuong.Collective:
		e.form.setLabel("name", lang.L("Name of the collective"))
	case khenthuong.Household:
		e.form.setLabel("name", lang.L("Name of the household"))
	default:
		e.form.setLabel("name", lang.L("Full name"))
	}
	current := e.awardCode()
	e.awardCodes = e.awardCodes[:0]
	var opts []string
	for _, f := range e.s.forms {
		keep := e.orig != nil && f.Code == e.orig.FormCode // an archived form stays on old records
		if !keep && (f.Archived || !f.AppliesTo(k)) {
			continue
		}
		e.awardCodes = append(e.awardCodes, f.Code)
		opts = append(opts, f.Code+" — "+f.Name)
	}
	e.award.SetOptions(opts)
	e.selectAward(current)
}

func (e *nominationEditor) selectAward(code string) {
	for i, c := range e.awardCodes {
		if c == code {
			e.award.SetSelectedIndex(i)
			return
		}
	}
	e.award.ClearSelected()
}

func (e *nominationEditor) awardCode() string {
	if i := e.award.SelectedIndex(); i >= 0 && i < len(e.awardCodes) {
		return e.awardCodes[i]
	}
	return ""
}

func (e *nominationEditor) selectedStatus() khenthuong.Status {
	if i := e.status.SelectedIndex(); i >= 0 {
		return e.statuses[i]
	}
	return ""
}

// statusChanged shows the reason field only for a rejection.
func (e *nominationEditor) statusChanged() {
	e.form.setVisible("reject_reason", e.selectedStatus() == khenthuong.StatusRejected)
}

// value reads the form into a nomination; typing errors name their field,
// all of them joined (errors.Join).
func (e *nominationEditor) value() (khenthuong.Nomination, error) {
	var errs []error
	var n khenthuong.Nomination
	if e.orig != nil {
		n = *e.orig
	} else {
		n.CampaignID = e.s.campaignID
	}
	k := e.selectedKind()
	n.Nominee = khenthuong.Nominee{
		Kind:           k,
		Name:           e.name.Text,
		Position:       e.position.Text,
		Unit:           e.unit.Text,
		Address:        e.address.Text,
		Classification: e.classification.Text,
		Field:          e.field.Text,
	}
	if k.IsPerson() {
		// "nguyễn văn an" or "NGUYỄN VĂN AN" as typed: written as names are, as imports are.
		n.Nominee.Name = vntext.PersonNameCase(e.name.Text)
		n.Nominee.Title = e.title.Text
		switch e.gender.Selected {
		case genderLabel(khenthuong.Male):
			n.Nominee.Gender = khenthuong.Male
		case genderLabel(khenthuong.Female):
			n.Nominee.Gender = khenthuong.Female
		}
		birth, err := parseDate("birth", e.birth.Text)
		errs = append(errs, err)
		n.Nominee.Birth = birth
	}
	n.FormCode = e.awardCode()
	n.Achievement = e.achievement.Text
	n.ProposingUnit = e.proposer.Text
	n.SubmissionNo = e.submissionNo.Text
	date, err := parseDate("submission_date", e.submissionDate.Text)
	errs = append(errs, err)
	n.SubmissionDate = date
	n.Order = 0
	if t := strings.TrimSpace(e.order.Text); t != "" {
		o, err := strconv.Atoi(t)
		if err != nil || o <= 0 {
			errs = append(errs, khenthuong.FieldErrorf("order", "%s", lang.L("The number in the list must be a whole number above 0")))
		} else {
			n.Order = o
		}
	} else if e.orig != nil {
		n.Order = e.orig.Order // emptied by mistake: keep the place in the list
	}
	n.Status = e.selectedStatus()
	n.RejectReason = ""
	if n.Status == khenthuong.StatusRejected {
		n.RejectReason = e.rejectReason.Text
	}
	n.Notes = e.notes.Text
	return n, errors.Join(errs...)
}

// check is every fault of the form the domain can tell without the store,
// all at once: what the clerk typed, then the nomination's own rules.
func (e *nominationEditor) check() error {
	n, err := e.value()
	return errors.Join(err, validateAll(n))
}

// submit saves the nomination; the dialog stays open while anything is wrong.
func (e *nominationEditor) submit() {
	n, err := e.value()
	err = errors.Join(err, validateAll(n))
	if err == nil {
		if e.orig == nil {
			ns := []khenthuong.Nomination{n}
			if err = e.s.svc.CreateNominations(ns); err == nil {
				n = ns[0]
			}
		} else {
			err = e.s.svc.UpdateNomination(&n)
		}
	}
	if err != nil {
		e.form.show(err)
		return
	}
	e.dlg.Hide()
	e.s.saved(n, e.orig == nil)
}
