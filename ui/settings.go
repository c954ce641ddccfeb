package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// settingsScreen is Cài đặt: the office's own facts (names printed on
// decisions, signers, base salary history, rounding of bonuses), the
// wordings of its decisions and the language of the screens. It edits a copy and saves it whole.
type settingsScreen struct {
	svc  khenthuong.Services
	win  fyne.Window
	orig khenthuong.Settings
	form *fieldForm

	province      *textEntry
	authority     *textEntry
	authorityAbbr *textEntry
	office        *textEntry
	place         *textEntry
	signers       *signerRows
	salaries      *salaryRows
	rounding      *widget.Select
	language      *widget.Select
	wordings      *wordingFields
	saved         *widget.Label
	save          *widget.Button
	undo          *widget.Button
	backup        *settingsBackup // nil without a store that takes backups
	root          fyne.CanvasObject
}

func newSettingsScreen(svc khenthuong.Services, win fyne.Window) *settingsScreen {
	s := &settingsScreen{svc: svc, win: win, form: newFieldForm()}
	s.province = newTextEntry()
	s.authority = newMultiLineTextEntry()
	s.authority.SetMinRowsVisible(2)
	s.authorityAbbr = newTextEntry()
	s.authorityAbbr.SetPlaceHolder(lang.L("e.g. UBND"))
	s.office = newTextEntry()
	s.place = newTextEntry()
	s.place.SetPlaceHolder(lang.L("e.g. Quảng Trị"))
	s.signers = &signerRows{box: container.NewVBox(), onChange: s.form.refresh}
	s.salaries = &salaryRows{box: container.NewVBox(), onChange: s.form.refresh}
	roundings := make([]string, len(khenthuong.Roundings))
	for i, r := range khenthuong.Roundings {
		roundings[i] = roundingLabel(r)
	}
	s.rounding = newSelect(roundings, nil)
	languages := make([]string, len(Languages))
	for i, l := range Languages {
		languages[i] = l.Name
	}
	s.language = newSelect(languages, nil)

	f := s.form
	f.add("province", lang.L("Province"), s.province)
	f.add("authority", lang.L("Issuing authority"), s.authority)
	f.add("authority_abbr", lang.L("Authority abbreviation"), s.authorityAbbr)
	f.add("office", lang.L("Office"), s.office)
	f.add("place", lang.L("Place on the date line"), s.place)
	f.add("signers", lang.L("Signers"), s.signers.content())
	f.add("base_salaries", lang.L("Base salary"), s.salaries.content())
	f.add("rounding", lang.L("Rounding of bonuses"), s.rounding)
	languageHint := widget.NewLabelWithStyle(lang.L("A new language applies when the program starts again."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	languageHint.Wrapping = fyne.TextWrapWord
	f.add("language", lang.L("Language"), container.NewVBox(s.language, languageHint))
	s.wordings = newWordingFields()
	s.wordings.add(f)

	s.saved = widget.NewLabel("")
	s.saved.Importance = widget.SuccessImportance
	s.save = widget.NewButtonWithIcon(lang.L("Save settings"), theme.DocumentSaveIcon(), s.submit)
	s.save.Importance = widget.HighImportance
	s.undo = widget.NewButtonWithIcon(lang.L("Discard changes"), theme.ContentUndoIcon(), s.load)
	heading := widget.NewLabel(lang.L("Office settings"))
	heading.TextStyle.Bold = true
	note := roleNote(svc, khenthuong.RightEditSettings, s.save, s.undo) // see rights.go
	actions := container.NewHBox(note, s.saved, serverSettingsButton(win), s.undo, s.save)
	if s.backup = newSettingsBackup(svc, win); s.backup != nil {
		actions.Add(s.backup.button)
	}
	bar := container.NewBorder(nil, nil, heading, actions)
	s.root = container.NewBorder(bar, nil, nil, nil, f.scrolled())
	return s
}

func (s *settingsScreen) content() fyne.CanvasObject { return s.root }

func (s *settingsScreen) shown() { s.load() }

// load fills the widgets from the stored settings, dropping unsaved edits.
func (s *settingsScreen) load() {
	st, err := s.svc.Settings()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.orig = st
	s.form.clear()
	s.saved.SetText("")
	s.province.SetText(st.Province)
	s.authority.SetText(st.Authority)
	s.authorityAbbr.SetText(st.AuthorityAbbr)
	s.office.SetText(st.Office)
	s.place.SetText(st.Place)
	s.signers.set(st.Signers)
	s.salaries.set(st.BaseSalaries)
	s.rounding.ClearSelected()
	for i, r := range khenthuong.Roundings {
		if r == st.Rounding {
			s.rounding.SetSelectedIndex(i)
		}
	}
	s.wordings.set(st.Texts)
	s.language.SetSelectedIndex(0)
	for i, l := range Languages {
		if l.Code == st.Language {
			s.language.SetSelectedIndex(i)
		}
	}
}

func (s *settingsScreen) value() (khenthuong.Settings, error) {
	st := s.orig // keeps what this screen does not edit (the emblem)
	st.Province = s.province.Text
	st.Authority = s.authority.Text
	st.AuthorityAbbr = s.authorityAbbr.Text
	st.Office = s.office.Text
	st.Place = s.place.Text
	st.Signers = s.signers.value()
	var err error
	if st.Texts, err = s.wordings.value(); err != nil {
		return st, err
	}
	if st.BaseSalaries, err = s.salaries.value(); err != nil {
		return st, err
	}
	if i := s.rounding.SelectedIndex(); i >= 0 {
		st.Rounding = khenthuong.Roundings[i]
	}
	if i := s.language.SelectedIndex(); i >= 0 {
		st.Language = Languages[i].Code
	}
	return st, nil
}

func (s *settingsScreen) submit() {
	st, err := s.value()
	if err == nil {
		err = s.svc.SaveSettings(&st)
	}
	if err != nil {
		s.saved.SetText("")
		s.form.show(err)
		return
	}
	languageChanged := languageCode(st.Language) != languageCode(s.orig.Language)
	s.load()
	s.saved.SetText(lang.L("Settings saved."))
	if languageChanged {
		showInfo(lang.L("Language"), lang.L("A new language applies when the program starts again."), s.win)
	}
}

// signerRows edits the people who sign decisions: a title that may span
// lines ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH") and a name.
type signerRows struct {
	box      *fyne.Container
	rows     []*signerRow
	onChange func()
}

type signerRow struct {
	title, name *textEntry
	line        fyne.CanvasObject
}

func (t *signerRows) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("Add a signer"), theme.ContentAddIcon(), func() { t.add(khenthuong.Signer{}) })
	return container.NewVBox(t.box, container.NewHBox(add))
}

func (t *signerRows) set(ss []khenthuong.Signer) {
	t.rows = nil
	t.box.RemoveAll()
	for _, sg := range ss {
		t.add(sg)
	}
}

func (t *signerRows) add(sg khenthuong.Signer) {
	r := &signerRow{title: newMultiLineTextEntry(), name: newTextEntry()}
	r.title.SetMinRowsVisible(2)
	r.title.SetPlaceHolder(lang.L("Title, e.g. KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"))
	r.title.SetText(sg.Title)
	r.name.SetPlaceHolder(lang.L("Full name"))
	r.name.SetText(sg.Name)
	r.line = addRemovableRow(&t.rows, t.box, r, func(remove *widget.Button) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(2, r.title, r.name))
	}, t.onChange)
}

// value drops rows left empty.
func (t *signerRows) value() []khenthuong.Signer {
	var ss []khenthuong.Signer
	for _, r := range t.rows {
		if strings.TrimSpace(r.title.Text+r.name.Text) == "" {
			continue
		}
		ss = append(ss, khenthuong.Signer{Title: r.title.Text, Name: r.name.Text})
	}
	return ss
}

// salaryRows edits the base salary history: an amount from a date. Old
// records are entered too, so every step is kept, not only the current one.
type salaryRows struct {
	box      *fyne.Container
	rows     []*salaryRow
	onChange func()
}

type salaryRow struct {
	from, amount *textEntry
	line         fyne.CanvasObject
}

func (t *salaryRows) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("Add a row"), theme.ContentAddIcon(), func() { t.add(khenthuong.SalaryStep{}) })
	header := container.NewGridWithColumns(2, boldLabel(lang.L("From")), boldLabel(lang.L("Amount (đồng)")))
	return container.NewVBox(container.NewBorder(nil, nil, nil, removeButtonSpace(), header), t.box, container.NewHBox(add))
}

func (t *salaryRows) set(steps []khenthuong.SalaryStep) {
	t.rows = nil
	t.box.RemoveAll()
	for _, st := range steps {
		t.add(st)
	}
}

func (t *salaryRows) add(st khenthuong.SalaryStep) {
	r := &salaryRow{from: newDateEntry(st.From), amount: newTextEntry()}
	r.amount.SetPlaceHolder(lang.L("e.g. 2.340.000"))
	if st.Amount != 0 {
		r.amount.SetText(formatCount(int(st.Amount)))
	}
	r.line = addRemovableRow(&t.rows, t.box, r, func(remove *widget.Button) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(2, r.from, r.amount))
	}, t.onChange)
}

func (t *salaryRows) value() ([]khenthuong.SalaryStep, error) {
	var steps []khenthuong.SalaryStep
	for _, r := range t.rows {
		if strings.TrimSpace(r.from.Text+r.amount.Text) == "" {
			continue
		}
		from, err := parseDate("base_salaries", r.from.Text)
		if err != nil {
			return nil, err
		}
		amount, err := parseAmount("base_salaries", r.amount.Text)
		if err != nil {
			return nil, err
		}
		steps = append(steps, khenthuong.SalaryStep{From: from, Amount: amount})
	}
	return steps, nil
}
