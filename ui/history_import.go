package ui

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/archive"
	"khenthuong/roster"
	"khenthuong/vntext"
)

// archiveExts are the files "Nhập quyết định cũ…" reads.
var archiveExts = []string{".docx", ".pdf", ".xlsx", ".xls", ".ods", ".csv"}

// archiveFile is one file of an archive import: what was read, and what
// became of it.
type archiveFile struct {
	path   string
	res    *archive.Result
	err    error
	status string // the line of the final report
	saved  bool
	// The clerk's corrections to the list: rows left out, rows corrected
	// (which then count as valid).
	excluded  map[int]bool
	corrected map[int]bool
}

// archiveImport is Tra cứu's "Nhập quyết định cũ…": signed decisions from
// the office's archive read (archive.Read, in the background), shown one
// file at a time (the decision's number, date, form and signer to correct,
// its list with the problems of each row) and recorded only when the clerk
// confirms; a folder goes file by file and ends with a report per file.
type archiveImport struct {
	svc   khenthuong.Services
	win   fyne.Window
	forms []khenthuong.AwardForm
	files []*archiveFile
	cur   int
	// reloading is set while showFile fills the fields after a new reading,
	// so that setting the form does not read the file again.
	reloading bool

	reading sync.WaitGroup
	saving  sync.WaitGroup

	dlg         *dialog.CustomDialog
	heading     *widget.Label
	number      *textEntry
	date        *textEntry
	form        *choiceSelect
	signerTitle *textEntry
	signerName  *textEntry
	validOnly   *checkBox
	table       *dataTable
	problems    *widget.Label
	progress    *busyBar
	saveButton  *widget.Button
	skipButton  *widget.Button

	onDone func(saved int) // decisions were recorded
}

func newArchiveImport(svc khenthuong.Services, win fyne.Window, paths []string) *archiveImport {
	a := &archiveImport{svc: svc, win: win}
	for _, p := range paths {
		a.files = append(a.files, &archiveFile{path: p})
	}
	forms, err := svc.Forms()
	if err != nil {
		showError(err, win)
	}
	a.forms = forms
	a.heading = boldLabel("")
	a.heading.Wrapping = fyne.TextWrapWord
	a.number, a.date = newTextEntry(), newTextEntry()
	a.date.SetPlaceHolder(lang.L("dd/mm/yyyy"))
	var formOpts []string
	for _, f := range forms {
		formOpts = append(formOpts, f.Code+" — "+f.Name)
	}
	a.form = newChoice(formOpts, nil)
	a.signerTitle, a.signerName = newMultiLineTextEntry(), newTextEntry()
	a.signerTitle.SetMinRowsVisible(2)
	for _, e := range []*textEntry{a.number, a.date} {
		e.OnChanged = func(string) { a.updateButtons() }
	}
	a.form.OnChanged = func(string) { a.formChosen() }
	a.validOnly = newCheckBox(lang.L("Record the rows without errors, leaving out those with errors"), func(bool) { a.updateButtons() })
	a.table = newDataTable([]column{
		{lang.L("Row"), 60}, {lang.L("Kind"), 80}, {lang.L("Title"), 80}, {lang.L("Nominee"), 200},
		{lang.L("Position"), 160}, {lang.L("Unit"), 200}, {lang.L("Registry no."), 120}, {lang.L("Bonus"), 100}, {lang.L("Problem"), 300},
	}, 3, a.rowCount, a.cellText)
	a.table.onActivate = a.editRow
	a.problems = widget.NewLabel("")
	a.problems.Wrapping = fyne.TextWrapWord
	a.progress = newBusyBar()
	a.saveButton = widget.NewButtonWithIcon(lang.L("Record this decision"), theme.DocumentSaveIcon(), a.save)
	a.saveButton.Importance = widget.HighImportance
	a.skipButton = widget.NewButton(lang.L("Skip this file"), func() { a.next(lang.L("skipped")) })
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Decision No."), a.number),
		widget.NewFormItem(lang.L("Date"), a.date),
		widget.NewFormItem(lang.L("Award"), a.form),
		widget.NewFormItem(lang.L("Signer's title"), a.signerTitle),
		widget.NewFormItem(lang.L("Signer"), a.signerName),
	)
	top := container.NewVBox(a.heading, a.progress, form)
	problems := container.NewVScroll(a.problems)
	body := container.NewVSplit(a.table, problems)
	body.Offset = 0.7
	content := container.NewBorder(top, a.validOnly, nil, nil, body)
	a.dlg = dialog.NewCustomWithoutButtons(lang.L("Decisions from the archive"), content, win)
	cancel := widget.NewButton(lang.L("Cancel"), func() { a.finish() })
	a.dlg.SetButtons([]fyne.CanvasObject{cancel, a.skipButton, a.saveButton})
	a.dlg.Resize(dialogSize(win))
	return a
}

// archivePaths is the file chosen, or the decision files of a folder.
func archivePaths(path string) []string {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return []string{path}
	}
	entries, _ := os.ReadDir(path)
	var out []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".doc" || containsString(archiveExts, ext)) && !strings.HasPrefix(e.Name(), "~$") {
			out = append(out, filepath.Join(path, e.Name()))
		}
	}
	sort.Strings(out)
	return out
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// show reads every file in the background and shows the first.
func (a *archiveImport) show() {
	showDialog(a.win, a.dlg, a.finish)
	if len(a.files) == 0 {
		a.heading.SetText(lang.L("The folder holds no .docx, .pdf or spreadsheet."))
		a.updateButtons()
		return
	}
	a.progress.busy(true)
	a.heading.SetText(lang.L("Reading {{.Count}} files…", map[string]any{"Count": len(a.files)}))
	a.updateButtons()
	files, forms := a.files, a.forms
	background(&a.reading, func() func() {
		for _, f := range files {
			f.res, f.err = archive.Read(f.path, archive.Options{Forms: forms})
		}
		return func() {
			a.progress.busy(false)
			a.cur = -1
			a.next("")
		}
	})
}

// next moves to the next file that was read; the one left gets status.
func (a *archiveImport) next(status string) {
	if a.cur >= 0 && a.cur < len(a.files) && status != "" {
		a.files[a.cur].status = status
	}
	for a.cur++; a.cur < len(a.files); a.cur++ {
		f := a.files[a.cur]
		if f.err != nil {
			f.status = khenthuong.ErrorMessage(f.err)
			continue
		}
		a.showFile(f)
		return
	}
	a.finish()
}

// showFile fills the fields with what was recognised in f.
func (a *archiveImport) showFile(f *archiveFile) {
	d := f.res.Decision
	a.heading.SetText(lang.L("File {{.N}} of {{.Total}}: {{.File}}. Check what was recognised, correct it and record it.",
		map[string]any{"N": a.cur + 1, "Total": len(a.files), "File": filepath.Base(f.path)}))
	a.number.SetText(d.Number)
	a.date.SetText(d.Date.Display())
	a.form.ClearSelected()
	for i, fm := range a.forms {
		if fm.Code == d.FormCode {
			a.form.SetSelectedIndex(i)
		}
	}
	title := d.SignerTitle
	if title == "(không rõ)" {
		title = ""
	}
	a.signerTitle.SetText(title)
	a.signerName.SetText(d.SignerName)
	a.validOnly.SetChecked(false)
	var lines []string
	for _, p := range f.res.Problems {
		prefix := "⚠ "
		if p.Severity == roster.SeverityError {
			prefix = "✖ "
		}
		lines = append(lines, prefix+p.String())
	}
	if len(lines) == 0 {
		lines = []string{lang.L("Everything was recognised.")}
	}
	a.problems.SetText(strings.Join(lines, "\n"))
	a.table.Refresh()
	a.updateButtons()
}

func (a *archiveImport) current() *archiveFile {
	if a.cur >= 0 && a.cur < len(a.files) {
		return a.files[a.cur]
	}
	return nil
}

func (a *archiveImport) rowCount() int {
	if f := a.current(); f != nil && f.res != nil {
		return len(f.res.Rows)
	}
	return 0
}

func (a *archiveImport) cellText(row, col int) string {
	f := a.current()
	if f == nil || f.res == nil || row >= len(f.res.Rows) {
		return ""
	}
	r := &f.res.Rows[row]
	n := &r.Nomination.Nominee
	switch col {
	case 0:
		return strconv.Itoa(r.Line)
	case 1:
		if n.Kind == "" {
			return ""
		}
		return kindLabel(n.Kind)
	case 2:
		return n.Title
	case 3:
		return n.Name
	case 4:
		return n.Position
	case 5:
		return n.Unit
	case 6:
		return r.RegistryNo
	case 7:
		if r.Amount > 0 {
			return vntext.FormatNumber(r.Amount)
		}
	case 8:
		if f.excluded[row] {
			return lang.L("left out")
		}
		if f.corrected[row] {
			return lang.L("corrected")
		}
		var msgs []string
		for _, p := range f.res.Problems {
			if p.Sheet == r.Sheet && p.Row == r.Line {
				msgs = append(msgs, p.Message)
			}
		}
		return strings.Join(msgs, "; ")
	}
	return ""
}

// invalidLeft counts the rows with errors the clerk has neither corrected nor left out.
func (a *archiveImport) invalidLeft(f *archiveFile) int {
	n := 0
	for i, r := range f.res.Rows {
		if r.Invalid && !f.corrected[i] && !f.excluded[i] {
			n++
		}
	}
	return n
}

// editRow lets the clerk correct a row of the list (honorific, name, post,
// unit, registry number) or leave it out.
func (a *archiveImport) editRow(row int) {
	f := a.current()
	if f == nil || f.res == nil || row < 0 || row >= len(f.res.Rows) {
		return
	}
	r := &f.res.Rows[row]
	n := &r.Nomination.Nominee
	title, name, position, unit, regno := newTextEntry(), newTextEntry(), newTextEntry(), newTextEntry(), newTextEntry()
	title.SetText(n.Title)
	name.SetText(n.Name)
	position.SetText(n.Position)
	unit.SetText(n.Unit)
	regno.SetText(r.RegistryNo)
	leaveOut := newCheckBox(lang.L("Leave this row out"), nil)
	leaveOut.SetChecked(f.excluded[row])
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Nominee"), name),
		widget.NewFormItem(lang.L("Position"), position), widget.NewFormItem(lang.L("Unit"), unit),
		widget.NewFormItem(lang.L("Registry no."), regno), widget.NewFormItem("", leaveOut),
	}
	d := dialog.NewForm(lang.L("Row {{.Row}} of the list", map[string]any{"Row": r.Line}), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if f.excluded == nil {
			f.excluded, f.corrected = map[int]bool{}, map[int]bool{}
		}
		f.excluded[row] = leaveOut.Checked
		edited := r.Nomination
		edited.Nominee.Title, edited.Nominee.Name = title.Text, name.Text
		edited.Nominee.Position, edited.Nominee.Unit = position.Text, unit.Text
		edited.Normalize()
		edited.CampaignID = 1 // the campaign is made when the decision is recorded
		if err := edited.Validate(); err != nil {
			if !leaveOut.Checked {
				showError(err, a.win)
			}
		} else {
			edited.CampaignID = 0
			r.Nomination = edited
			r.RegistryNo = vntext.Clean(regno.Text)
			f.corrected[row] = true
		}
		a.table.Refresh()
		a.updateButtons()
	}, a.win)
	d.Resize(fyne.NewSize(dialogSize(a.win).Width*0.6, 0))
	showDialog(a.win, d, nil)
}

// formChosen reads the current file again with the form the clerk chose:
// a list that names no form (a spreadsheet, mostly) has its rows checked
// against it.
func (a *archiveImport) formChosen() {
	f := a.current()
	i := a.form.SelectedIndex()
	if f == nil || f.res == nil || i < 0 || a.forms[i].Code == f.res.Decision.FormCode || a.reloading {
		a.updateButtons()
		return
	}
	code, path, forms := a.forms[i].Code, f.path, a.forms
	number, date := vntext.Clean(a.number.Text), a.date.Text
	a.progress.busy(true)
	a.updateButtons()
	background(&a.reading, func() func() {
		opts := archive.Options{Forms: forms, FormCode: code, Number: number}
		opts.Date, _ = khenthuong.ParseDate(date)
		res, err := archive.Read(path, opts)
		return func() {
			a.progress.busy(false)
			if err == nil && a.current() == f {
				f.res = res
				a.reloading = true
				a.showFile(f)
				a.reloading = false
			}
			a.updateButtons()
		}
	})
}

// decision is the decision as the clerk corrected it, or why it cannot be recorded.
func (a *archiveImport) decision() (*khenthuong.Decision, string) {
	f := a.current()
	if f == nil || f.res == nil {
		return nil, ""
	}
	d := f.res.Decision
	d.Recipients = append([]khenthuong.Recipient(nil), d.Recipients...)
	d.Number = vntext.Clean(a.number.Text)
	date, err := khenthuong.ParseDate(a.date.Text)
	switch {
	case d.Number == "":
		return nil, lang.L("Type the decision's number.")
	case err != nil || date.IsZero() || date.YearOnly():
		return nil, lang.L("Type the decision's date (dd/mm/yyyy).")
	case a.form.SelectedIndex() < 0:
		return nil, lang.L("Choose the award form.")
	case len(f.res.Rows) == 0:
		return nil, lang.L("The attached list was not recognised: nothing to record.")
	case a.invalidLeft(f) > 0 && !a.validOnly.Checked:
		return nil, lang.L("{{.Count}} rows of the list have errors: correct them (double-click a row), or record only the rows without errors.", map[string]any{"Count": a.invalidLeft(f)})
	}
	// The list as the clerk left it: rows left out dropped, corrected ones kept.
	d.Recipients = nil
	for i, r := range f.res.Rows {
		if f.excluded[i] || r.Invalid && !f.corrected[i] {
			continue
		}
		d.Recipients = append(d.Recipients, f.res.Recipient(i))
	}
	if len(d.Recipients) == 0 {
		return nil, lang.L("No row of the list is left to record.")
	}
	d.Date = date
	d.FormCode = a.forms[a.form.SelectedIndex()].Code
	d.SignerTitle = vntext.CleanMultiline(a.signerTitle.Text)
	if d.SignerTitle == "" {
		d.SignerTitle = "(không rõ)"
	}
	d.SignerName = vntext.Clean(a.signerName.Text)
	return &d, ""
}

func (a *archiveImport) updateButtons() {
	f := a.current()
	setEnabled(a.skipButton, f != nil && !a.progress.running())
	d, why := a.decision()
	setEnabled(a.saveButton, d != nil && !a.progress.running())
	if f != nil && why != "" {
		a.saveButton.SetText(lang.L("Record this decision"))
		a.heading.Importance = widget.WarningImportance
	} else {
		a.heading.Importance = widget.MediumImportance
	}
	a.heading.Refresh()
	a.validOnly.Hidden = f == nil || f.res == nil || f.res.Invalid() == 0
	a.validOnly.Refresh()
}

// save records the current decision, then goes on to the next file.
func (a *archiveImport) save() {
	d, why := a.decision()
	if d == nil {
		if why != "" {
			showInfo(lang.L("Decisions from the archive"), why, a.win)
		}
		return
	}
	a.progress.busy(true)
	a.updateButtons()
	background(&a.saving, func() func() {
		err := a.svc.ImportArchive(d)
		return func() {
			a.progress.busy(false)
			if err != nil {
				showError(err, a.win)
				a.updateButtons()
				return
			}
			a.files[a.cur].saved = true
			a.next(lang.L("recorded: decision {{.Number}} of {{.Date}}, {{.Count}} recipients",
				map[string]any{"Number": d.Number, "Date": d.Date.Display(), "Count": len(d.Recipients)}))
		}
	})
}

// finish closes the dialog and reports what became of each file.
func (a *archiveImport) finish() {
	a.dlg.Hide()
	saved := 0
	var lines []string
	for _, f := range a.files {
		status := f.status
		if status == "" {
			status = lang.L("not recorded")
		}
		if f.saved {
			saved++
		}
		lines = append(lines, filepath.Base(f.path)+": "+status)
	}
	if len(lines) > 0 { // what became of each file, even of one: the clerk sees it was recorded
		report := widget.NewLabel(strings.Join(lines, "\n"))
		report.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom(lang.L("Decisions from the archive"), lang.L("Close"), container.NewVScroll(report), a.win)
		d.Resize(fyne.NewSize(dialogSize(a.win).Width*0.8, dialogSize(a.win).Height*0.6))
		showDialog(a.win, d, nil)
	}
	if saved > 0 && a.onDone != nil {
		a.onDone(saved)
	}
}
