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
)

// Columns of the catalogue table.
const (
	catColCode = iota
	catColName
	catColTitle
	catColIssuer
	catColLevel
	catColKinds
	catColRank
)

// catalogueScreen is Danh mục: the award-form catalogue, highest rank first,
// edited in a dialog. Forms are data the office maintains, not code.
type catalogueScreen struct {
	svc khenthuong.Services
	win fyne.Window

	forms        []khenthuong.AwardForm
	table        *dataTable
	editButton   *widget.Button
	deleteButton *widget.Button
	root         fyne.CanvasObject
	editor       *formEditor
	seriesDlg    *seriesDialog // Sổ vàng, once opened

	// A chuyên viên reads the catalogue but may not change it (rights.go).
	addButton *widget.Button
	lockNote  *widget.Label
}

func newCatalogueScreen(svc khenthuong.Services, win fyne.Window) *catalogueScreen {
	s := &catalogueScreen{svc: svc, win: win}
	s.table = newDataTable([]column{
		catColCode:   {lang.L("Code"), 80},
		catColName:   {lang.L("Name"), 250},
		catColTitle:  {lang.L("Certificate title"), 195},
		catColIssuer: {lang.L("Issuer"), 170},
		catColLevel:  {lang.L("Level"), 120},
		catColKinds:  {lang.L("Awarded to"), 190},
		catColRank:   {lang.L("Rank"), 85},
	}, catColName, func() int { return len(s.forms) }, s.cellText)
	s.table.onSelect = func(int) { s.updateButtons() }
	s.table.onActivate = func(int) { s.editSelected() }
	s.table.onDelete = func(int) { s.deleteSelected() }

	add := widget.NewButtonWithIcon(lang.L("New award"), theme.ContentAddIcon(), s.newItem)
	add.Importance = widget.HighImportance
	s.addButton = add
	s.editButton = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), s.editSelected)
	s.deleteButton = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.deleteSelected)
	heading := widget.NewLabel(lang.L("Award catalogue"))
	heading.TextStyle.Bold = true
	series := widget.NewButtonWithIcon(lang.L("Registry series…"), theme.ListIcon(), s.openSeries)
	s.lockNote = roleNote(svc, khenthuong.RightEditCatalogue, add, s.deleteButton)
	if s.lockNote.Visible() {
		s.editButton.SetText(lang.L("View")) // the form opens to be read
		s.editButton.SetIcon(theme.VisibilityIcon())
	}
	bar := container.NewBorder(nil, nil, heading, container.NewHBox(s.lockNote, add, s.editButton, s.deleteButton, widget.NewSeparator(), series))
	s.root = container.NewBorder(bar, nil, nil, nil, s.table)
	s.updateButtons()
	return s
}

func (s *catalogueScreen) content() fyne.CanvasObject { return s.root }

func (s *catalogueScreen) shown() { s.reload("") }

func (s *catalogueScreen) at(row int) *khenthuong.AwardForm {
	if row < 0 || row >= len(s.forms) {
		return nil
	}
	return &s.forms[row]
}

func (s *catalogueScreen) selected() *khenthuong.AwardForm { return s.at(s.table.selected) }

func (s *catalogueScreen) cellText(row, col int) string {
	f := s.at(row)
	if f == nil {
		return ""
	}
	switch col {
	case catColCode:
		return f.Code
	case catColName:
		if f.Archived {
			return f.Name + " " + lang.L("(no longer used)")
		}
		return f.Name
	case catColTitle:
		return f.Title
	case catColIssuer:
		return f.Issuer
	case catColLevel:
		return levelLabel(f.Level)
	case catColKinds:
		labels := make([]string, len(f.Kinds))
		for i, k := range f.Kinds {
			labels[i] = kindLabel(k)
		}
		return strings.Join(labels, ", ")
	case catColRank:
		return strconv.Itoa(f.Rank)
	}
	return ""
}

// reload lists the catalogue and selects the form with code (or keeps the selection).
func (s *catalogueScreen) reload(code string) {
	if code == "" {
		if f := s.selected(); f != nil {
			code = f.Code
		}
	}
	forms, err := s.svc.Forms()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.forms = forms
	s.table.clearSelection()
	for i, f := range forms {
		if f.Code == code {
			s.table.selectRow(i)
		}
	}
	s.table.Refresh()
	s.updateButtons()
}

func (s *catalogueScreen) updateButtons() {
	setEnabled(s.editButton, s.selected() != nil)
	setEnabled(s.deleteButton, s.selected() != nil)
}

func (s *catalogueScreen) typedKey(ev *fyne.KeyEvent) { s.table.TypedKey(ev) }

func (s *catalogueScreen) newItem() {
	if !roleLocked[s.addButton] { // Ctrl+N
		s.openEditor(nil)
	}
}

func (s *catalogueScreen) editSelected() {
	if f := s.selected(); f != nil {
		s.openEditor(f)
	}
}

// deleteSelected asks, then deletes; a form in use is refused by the service
// (ECONFLICT): the clerk can mark it "no longer used" instead.
func (s *catalogueScreen) deleteSelected() {
	f := s.selected()
	if f == nil || roleLocked[s.deleteButton] { // the Delete key
		return
	}
	code := f.Code
	askDelete(s.win, lang.L("Delete award"),
		lang.L("Delete “{{.Name}}” from the catalogue?", map[string]any{"Name": f.Name}),
		func() {
			if err := s.svc.DeleteForm(code); err != nil {
				showError(err, s.win)
				return
			}
			s.table.clearSelection()
			s.reload("")
		})
}

// formEditor is the dialog that adds or edits one award form.
type formEditor struct {
	s    *catalogueScreen
	orig *khenthuong.AwardForm
	dlg  *dialog.CustomDialog
	form *fieldForm

	code         *textEntry
	name         *textEntry
	title        *textEntry
	issuer       *textEntry
	issuerTitle  *textEntry
	level        *choiceSelect
	kinds        []*checkBox // in khenthuong.Kinds order
	rank         *textEntry
	series       *textEntry
	archived     *checkBox
	coefficients *coefficientRows
	save         *widget.Button
}

func (s *catalogueScreen) openEditor(f *khenthuong.AwardForm) {
	e := &formEditor{s: s, orig: f, form: newFieldForm()}
	v := khenthuong.AwardForm{Level: khenthuong.LevelProvince}
	if f != nil {
		v = *f
	}
	submitOnEnter := func(en *textEntry) *textEntry { en.OnSubmitted = func(string) { e.submit() }; return en }
	e.code = submitOnEnter(newTextEntry())
	e.code.SetText(v.Code)
	e.code.SetPlaceHolder(lang.L("e.g. BKCT"))
	if f != nil {
		e.code.Disable() // the code is the key nominations refer to
	}
	e.name = submitOnEnter(newTextEntry())
	e.name.SetText(v.Name)
	e.title = submitOnEnter(newTextEntry())
	e.title.SetPlaceHolder(lang.L("e.g. BẰNG KHEN"))
	e.title.SetText(v.Title)
	e.issuer = submitOnEnter(newTextEntry())
	e.issuer.SetText(v.Issuer)
	e.issuerTitle = newMultiLineTextEntry()
	e.issuerTitle.SetMinRowsVisible(2)
	e.issuerTitle.SetText(v.IssuerTitle)
	levels := make([]string, len(khenthuong.Levels))
	for i, l := range khenthuong.Levels {
		levels[i] = levelLabel(l)
	}
	e.level = newChoice(levels, nil)
	for i, l := range khenthuong.Levels {
		if l == v.Level {
			e.level.SetSelectedIndex(i)
		}
	}
	kindBox := container.NewHBox()
	for _, k := range khenthuong.Kinds {
		c := newCheckBox(kindLabel(k), nil)
		c.SetChecked(v.AppliesTo(k))
		c.OnChanged = func(bool) { e.form.edited("kinds") }
		e.kinds = append(e.kinds, c)
		kindBox.Add(c)
	}
	e.rank = submitOnEnter(newTextEntry())
	e.rank.SetText(strconv.Itoa(v.Rank))
	e.series = submitOnEnter(newTextEntry())
	e.series.SetPlaceHolder(lang.L("same as the code"))
	e.series.SetText(v.Series)
	e.archived = newCheckBox(lang.L("No longer used (kept on old records)"), nil)
	e.archived.SetChecked(v.Archived)
	e.coefficients = newCoefficientRows(v.Coefficients)
	e.coefficients.onChange = e.form.refresh

	fm := e.form
	fm.add("code", lang.L("Code"), e.code)
	fm.add("name", lang.L("Name"), e.name)
	fm.add("title", lang.L("Certificate title"), e.title)
	fm.add("issuer", lang.L("Issuer"), e.issuer)
	fm.add("issuer_title", lang.L("Issuer heading"), e.issuerTitle)
	fm.add("level", lang.L("Level"), e.level)
	fm.add("kinds", lang.L("Awarded to"), kindBox)
	fm.add("rank", lang.L("Rank"), e.rank)
	fm.add("series", lang.L("Registry series"), e.series)
	fm.add("archived", "", e.archived)
	fm.add("coefficients", lang.L("Bonus coefficients"), e.coefficients.content())

	title := lang.L("New award")
	if f != nil {
		title = lang.L("Edit award")
	}
	fm.recheck = func() error { _, err := e.check(); return err }
	e.save = widget.NewButton(lang.L("Save"), e.submit)
	e.save.Importance = widget.HighImportance
	note := roleNote(s.svc, khenthuong.RightEditCatalogue, e.save)
	e.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(note, nil, nil, nil, fm.scrolled()), s.win)
	cancel := widget.NewButton(lang.L("Cancel"), e.dlg.Hide)
	e.dlg.SetButtons([]fyne.CanvasObject{cancel, e.save})
	e.dlg.SetOnClosed(func() {
		if s.editor == e {
			s.editor = nil
		}
	})
	e.dlg.Resize(fitWindow(s.win, fyne.NewSize(780, 700)))
	s.editor = e
	showDialog(s.win, e.dlg, nil)
	if f == nil {
		s.win.Canvas().Focus(e.code)
	} else {
		s.win.Canvas().Focus(e.name)
	}
}

func (e *formEditor) value() (khenthuong.AwardForm, error) {
	var f khenthuong.AwardForm
	if e.orig != nil {
		f = *e.orig
	}
	f.Code = e.code.Text
	f.Name = e.name.Text
	f.Title = e.title.Text
	f.Issuer = e.issuer.Text
	f.IssuerTitle = e.issuerTitle.Text
	if i := e.level.SelectedIndex(); i >= 0 {
		f.Level = khenthuong.Levels[i]
	}
	f.Kinds = nil
	for i, c := range e.kinds {
		if c.Checked {
			f.Kinds = append(f.Kinds, khenthuong.Kinds[i])
		}
	}
	var errs []error
	rank, err := strconv.Atoi(strings.TrimSpace(e.rank.Text))
	if err != nil && strings.TrimSpace(e.rank.Text) != "" {
		errs = append(errs, khenthuong.FieldErrorf("rank", "%s", lang.L("The rank must be a whole number (higher is read first)")))
	}
	f.Rank = rank
	f.Series = e.series.Text
	f.Archived = e.archived.Checked
	if f.Coefficients, err = e.coefficients.value(); err != nil {
		errs = append(errs, err)
	}
	// Every fault at once (errors.Join): the typing ones, then the form's rules.
	return f, errors.Join(append(errs, validateForm(f))...)
}

// check reads the form with every fault, a new form's code already taken too.
func (e *formEditor) check() (khenthuong.AwardForm, error) {
	f, err := e.value()
	if e.orig != nil {
		return f, err
	}
	probe := f
	probe.Normalize() // the code as it will be stored
	if probe.Code != "" {
		if _, ferr := e.s.svc.Form(probe.Code); ferr == nil {
			err = errors.Join(&khenthuong.Error{Code: khenthuong.EINVALID, Field: "code",
				Message: lang.L("The code {{.Code}} is already in the catalogue", map[string]any{"Code": probe.Code})}, err)
		} else if khenthuong.ErrorCode(ferr) != khenthuong.ENOTFOUND {
			err = errors.Join(ferr, err)
		}
	}
	return f, err
}

// submit saves the form. SaveForm replaces a form with the same code, so a
// new form whose code is taken is refused here rather than overwriting it.
func (e *formEditor) submit() {
	if roleLocked[e.save] { // Enter in a field
		return
	}
	f, err := e.check()
	if err == nil {
		err = e.s.svc.SaveForm(&f)
	}
	if err != nil {
		e.form.show(err)
		return
	}
	e.dlg.Hide()
	e.s.reload(f.Code)
}

// coefficientRows edits the bonus coefficients of a form: one row per date
// from which they apply. The table is a handful of rows, so plain entries do.
type coefficientRows struct {
	box      *fyne.Container
	rows     []*coefficientRow
	add      *widget.Button
	onChange func() // rows were added or removed: the form lays out again
}

type coefficientRow struct {
	from, individual, collective, household *textEntry
	remove                                  *widget.Button
	line                                    fyne.CanvasObject
}

func newCoefficientRows(cs []khenthuong.Coefficient) *coefficientRows {
	t := &coefficientRows{box: container.NewVBox()}
	t.add = widget.NewButtonWithIcon(lang.L("Add a row"), theme.ContentAddIcon(), func() {
		t.addRow(khenthuong.Coefficient{})
	})
	for _, c := range cs {
		t.addRow(c)
	}
	return t
}

func (t *coefficientRows) content() fyne.CanvasObject {
	header := container.NewGridWithColumns(4,
		boldLabel(lang.L("From")), boldLabel(kindLabel(khenthuong.Individual)),
		boldLabel(kindLabel(khenthuong.Collective)), boldLabel(kindLabel(khenthuong.Household)))
	spacer := removeButtonSpace()
	return container.NewVBox(container.NewBorder(nil, nil, nil, spacer, header), t.box, container.NewHBox(t.add))
}

func (t *coefficientRows) addRow(c khenthuong.Coefficient) {
	r := &coefficientRow{
		from: newDateEntry(c.From), individual: newTextEntry(), collective: newTextEntry(), household: newTextEntry(),
	}
	r.individual.SetText(formatDecimal(c.Individual))
	r.collective.SetText(formatDecimal(c.Collective))
	r.household.SetText(formatDecimal(c.Household))
	r.remove = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { t.removeRow(r) })
	r.remove.Importance = widget.LowImportance
	r.line = container.NewBorder(nil, nil, nil, r.remove,
		container.NewGridWithColumns(4, r.from, r.individual, r.collective, r.household))
	t.rows = append(t.rows, r)
	t.box.Add(r.line)
	t.changed()
}

func (t *coefficientRows) changed() {
	if t.onChange != nil {
		t.onChange()
	}
}

func (t *coefficientRows) removeRow(r *coefficientRow) {
	for i, x := range t.rows {
		if x == r {
			t.rows = append(t.rows[:i], t.rows[i+1:]...)
			break
		}
	}
	t.box.Remove(r.line)
	t.changed()
}

// value reads the rows; a row left entirely empty is ignored.
func (t *coefficientRows) value() ([]khenthuong.Coefficient, error) {
	var cs []khenthuong.Coefficient
	for _, r := range t.rows {
		if strings.TrimSpace(r.from.Text+r.individual.Text+r.collective.Text+r.household.Text) == "" {
			continue
		}
		var c khenthuong.Coefficient
		var err error
		if c.From, err = parseDate("coefficients", r.from.Text); err != nil {
			return nil, err
		}
		for _, p := range []struct {
			dst  *float64
			text string
		}{{&c.Individual, r.individual.Text}, {&c.Collective, r.collective.Text}, {&c.Household, r.household.Text}} {
			if *p.dst, err = parseDecimal("coefficients", p.text); err != nil {
				return nil, err
			}
		}
		cs = append(cs, c)
	}
	return cs, nil
}
