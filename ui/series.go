package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// Sổ vàng, opened from Danh mục: how each registry series numbers its
// certificates. The office chooses whether numbering restarts each year or
// runs on, and the number's format; the service refuses a switch that would
// make numbers already given repeat, and the refusal is shown in the dialog.

// Columns of the series table.
const (
	serColCode = iota
	serColName
	serColMode
	serColNext
)

// seriesDialog lists the series; a double-click or Sửa edits one.
type seriesDialog struct {
	svc    khenthuong.Services
	win    fyne.Window
	series []khenthuong.RegistrySeries
	table  *dataTable
	edit   *widget.Button
	dlg    *dialog.CustomDialog
	editor *seriesEditor
	year   int // of the example numbers
}

func (s *catalogueScreen) openSeries() {
	d := &seriesDialog{svc: s.svc, win: s.win, year: time.Now().Year()}
	d.table = newDataTable([]column{
		serColCode: {lang.L("Series"), 90},
		serColName: {lang.L("Name"), 260},
		serColMode: {lang.L("Numbering"), 170},
		serColNext: {lang.L("Example number"), 170},
	}, serColName, func() int { return len(d.series) }, d.cellText)
	d.table.onSelect = func(row int) { setEnabled(d.edit, row >= 0) }
	d.table.onActivate = func(int) { d.editSelected() }
	d.edit = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), d.editSelected)
	d.edit.Disable()
	note := roleNote(s.svc, khenthuong.RightEditCatalogue)
	if note.Visible() {
		d.edit.SetText(lang.L("View")) // the series opens to be read
		d.edit.SetIcon(theme.VisibilityIcon())
	}
	intro := widget.NewLabel(lang.L("Each award form draws its registry numbers (số sổ vàng) from a series. Choose whether a series starts again at 1 each year or counts on across years, and how its numbers are written. Once a series has given numbers, only its format can change."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, d.edit, intro), note), nil, nil, nil, d.table)
	d.dlg = dialog.NewCustom(lang.L("Registry series (sổ vàng)"), lang.L("Close"), body, s.win)
	d.dlg.Resize(fitWindow(s.win, fyne.NewSize(820, 480)))
	if !d.reload("") {
		return
	}
	s.seriesDlg = d
	showDialog(s.win, d.dlg, nil)
}

func (d *seriesDialog) cellText(row, col int) string {
	if row < 0 || row >= len(d.series) {
		return ""
	}
	s := d.series[row]
	switch col {
	case serColCode:
		return s.Code
	case serColName:
		return s.Name
	case serColMode:
		return seriesModeLabel(s.YearlyReset)
	case serColNext:
		return s.Number(d.year, 1)
	}
	return ""
}

func seriesModeLabel(yearly bool) string {
	if yearly {
		return lang.L("Starts again each year")
	}
	return lang.L("Counts on across years")
}

// reload reads the series (and the default ones of forms not issued yet),
// selecting code; it reports whether they could be read.
func (d *seriesDialog) reload(code string) bool {
	stored, err := d.svc.Series()
	if err == nil {
		var forms []khenthuong.AwardForm
		if forms, err = d.svc.Forms(); err == nil {
			d.series = khenthuong.SeriesWithDefaults(stored, forms)
		}
	}
	if err != nil {
		showError(err, d.win)
		return false
	}
	d.table.clearSelection()
	for i, s := range d.series {
		if s.Code == code {
			d.table.selectRow(i)
		}
	}
	d.table.Refresh()
	return true
}

func (d *seriesDialog) editSelected() {
	if r := d.table.selected; r >= 0 && r < len(d.series) {
		d.openEditor(d.series[r])
	}
}

// seriesEditor edits one series, showing the next number as it would read.
type seriesEditor struct {
	d       *seriesDialog
	orig    khenthuong.RegistrySeries
	form    *fieldForm
	prefix  *textEntry
	format  *textEntry
	digits  *textEntry
	mode    *widget.RadioGroup
	example *widget.Label
	save    *widget.Button
	dlg     *dialog.CustomDialog
}

func (d *seriesDialog) openEditor(s khenthuong.RegistrySeries) {
	e := &seriesEditor{d: d, orig: s, form: newFieldForm()}
	e.prefix = newTextEntry()
	e.prefix.SetText(s.Prefix)
	e.format = newTextEntry()
	e.format.SetText(s.Format)
	e.format.SetPlaceHolder(khenthuong.DefaultSeriesFormat)
	e.digits = newTextEntry()
	e.digits.SetText(strconv.Itoa(s.Digits))
	e.mode = widget.NewRadioGroup([]string{seriesModeLabel(true), seriesModeLabel(false)}, nil)
	e.mode.Required = true
	e.mode.SetSelected(seriesModeLabel(s.YearlyReset))
	e.example = boldLabel("")
	help := widget.NewLabel(lang.L("{prefix} is the prefix, {year} the decision's year, {n} the number in the series."))
	help.Wrapping = fyne.TextWrapWord
	f := e.form
	for _, en := range []*textEntry{e.prefix, e.format, e.digits} {
		en.OnChanged = func(string) { e.showExample(); f.edited("") }
		en.OnSubmitted = func(string) { e.submit() }
	}
	e.mode.OnChanged = func(string) { e.showExample(); f.edited("") }

	name := boldLabel(s.Code + " — " + s.Name)
	name.Wrapping = fyne.TextWrapWord
	f.add("yearly_reset", lang.L("Numbering"), e.mode)
	f.add("format", lang.L("Number format"), container.NewVBox(e.format, help))
	f.add("prefix", lang.L("Prefix"), e.prefix)
	f.add("digits", lang.L("Digits"), e.digits)
	f.add("example", lang.L("Next number reads"), e.example)
	f.recheck = e.check
	e.save = widget.NewButton(lang.L("Save"), e.submit)
	e.save.Importance = widget.HighImportance
	note := roleNote(d.svc, khenthuong.RightEditCatalogue, e.save)
	e.dlg = dialog.NewCustomWithoutButtons(lang.L("Registry series {{.Code}}", map[string]any{"Code": s.Code}),
		container.NewBorder(container.NewVBox(name, note), nil, nil, nil, f.scrolled()), d.win)
	cancel := widget.NewButton(lang.L("Cancel"), e.dlg.Hide)
	e.dlg.SetButtons([]fyne.CanvasObject{cancel, e.save})
	e.dlg.SetOnClosed(func() {
		if d.editor == e {
			d.editor = nil
		}
	})
	e.dlg.Resize(fitWindow(d.win, fyne.NewSize(620, 420)))
	e.showExample()
	d.editor = e
	showDialog(d.win, e.dlg, nil)
}

// value reads the form; a count of digits typed wrongly names its field.
func (e *seriesEditor) value() (khenthuong.RegistrySeries, error) {
	s := e.orig
	s.Prefix, s.Format = e.prefix.Text, e.format.Text
	s.YearlyReset = e.mode.Selected == seriesModeLabel(true)
	n, err := strconv.Atoi(e.digits.Text)
	if err != nil {
		return s, khenthuong.FieldErrorf("digits", "%s", lang.L("The number of digits must be a whole number from 1 to 9"))
	}
	s.Digits = n
	return s, nil
}

// check is the series' faults as the form now reads, without saving.
func (e *seriesEditor) check() error {
	s, err := e.value()
	if err == nil {
		s.Normalize()
		err = s.Validate()
	}
	return err
}

// showExample writes the series' next number as the form now reads.
func (e *seriesEditor) showExample() {
	s, _ := e.value()
	s.Normalize()
	if e.check() != nil {
		e.example.SetText("—")
		return
	}
	e.example.SetText(lang.L("{{.First}}, then {{.Second}}; in {{.Year}}: {{.Later}}", map[string]any{
		"First": s.Number(e.d.year, 1), "Second": s.Number(e.d.year, 2),
		"Year": e.d.year + 1, "Later": s.Number(e.d.year+1, nextNumberNextYear(s)),
	}))
}

// nextNumberNextYear is the example's number in the following year: 1 again
// for yearly numbering, else on from this year's example.
func nextNumberNextYear(s khenthuong.RegistrySeries) int {
	if s.YearlyReset {
		return 1
	}
	return 3
}

func (e *seriesEditor) submit() {
	if roleLocked[e.save] { // Enter in a field
		return
	}
	s, err := e.value()
	if err == nil {
		err = e.d.svc.SaveSeries(&s)
	}
	if err != nil {
		e.form.show(err)
		return
	}
	e.dlg.Hide()
	e.d.reload(s.Code)
}
