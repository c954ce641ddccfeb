package ui

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/roster"
)

// importWizard is "Nhập từ Excel": a unit's list read by package roster in a
// goroutine, then shown before anything is written. The clerk sees how each
// column of the file was understood (and can correct it: the file is read
// again), every row in a table with the rows that have problems marked, the
// problems themselves (sheet, row, column, value, what is wrong) and the
// cells converted from TCVN3 or VNI. Duplicates of stored nominations are
// warnings. "Nhập" stores the rows in one transaction: all of them (the
// default, refused while there are errors) or only the valid ones.
type importWizard struct {
	svc      khenthuong.Services
	win      fyne.Window
	files    fileDialogs
	campaign khenthuong.Campaign
	path     string
	text     string // a list pasted instead of a file (path is then "")
	forms    []khenthuong.AwardForm

	mapping     roster.Mapping // the clerk's corrections, tried before the built-in names
	defaultForm string
	im          *roster.Import
	columns     []mappedColumn // as last read with a header
	rowMarks    map[rowKey]rowMark
	readGen     int
	reading     sync.WaitGroup
	committing  sync.WaitGroup

	dlg          *dialog.CustomDialog
	summary      *widget.Label
	progress     *busyBar
	readBar      *widget.ProgressBar // rows of the sheet read, when the file declares how many
	formSelect   *choiceSelect
	mapBox       *fyne.Container
	table        *widget.Table
	selectedRow  int
	problems     *widget.List
	converted    *widget.List
	tabs         *container.AppTabs
	validOnly    *widget.RadioGroup
	importButton *widget.Button
	saveMapping  *widget.Button
	saveRejected *widget.Button
	problemWidth float32 // the width the problems' heights were measured for

	onImported func(n int) // rows were stored
}

type mappedColumn struct {
	sheet string
	col   roster.Column
}

type rowKey struct {
	sheet string
	line  int
}

// rowMark is the worst problem of a row and the first message, shown on it.
type rowMark struct {
	severity roster.Severity
	message  string
	count    int
}

// Columns of the preview table.
const (
	impColMark = iota
	impColLine
	impColKind
	impColTitle
	impColName
	impColGender
	impColBirth
	impColPosition
	impColUnit
	impColForm
	impColProblem
	impNumCols
)

func newImportWizard(svc khenthuong.Services, win fyne.Window, files fileDialogs, c khenthuong.Campaign, path string) *importWizard {
	return (&importWizard{}).init(svc, win, files, c, path)
}

func (w *importWizard) init(svc khenthuong.Services, win fyne.Window, files fileDialogs, c khenthuong.Campaign, path string) *importWizard {
	w.svc, w.win, w.files, w.campaign, w.path, w.selectedRow = svc, win, files, c, path, -1
	w.mapping = roster.Mapping{Columns: map[string]roster.Field{}}
	forms, err := svc.Forms()
	if err != nil {
		showError(err, win)
	}
	w.forms = forms

	w.summary = widget.NewLabel(lang.L("Reading {{.File}}…", map[string]any{"File": w.sourceName()}))
	w.summary.Wrapping = fyne.TextWrapWord
	w.progress = newBusyBar()
	w.readBar = widget.NewProgressBar()
	w.readBar.Hide()
	formOpts := []string{lang.L("(none: the file names the award)")}
	for _, f := range forms {
		formOpts = append(formOpts, f.Code+" — "+f.Name)
	}
	w.formSelect = newChoice(formOpts, func(string) {
		code := ""
		if i := w.formSelect.SelectedIndex(); i > 0 {
			code = w.forms[i-1].Code
		}
		if code != w.defaultForm {
			w.defaultForm = code
			w.read()
		}
	})
	w.formSelect.SetSelectedIndex(0)

	w.mapBox = container.NewVBox()
	w.table = widget.NewTable(
		func() (int, int) { return w.rowCount(), impNumCols },
		func() fyne.CanvasObject { return newImportCell() },
		w.updateCell)
	w.table.ShowHeaderRow = true
	w.table.CreateHeader = func() fyne.CanvasObject { return boldLabel("") }
	w.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < impNumCols {
			o.(*widget.Label).SetText(importColumnTitle(id.Col))
		}
	}
	for col, width := range []float32{36, 110, 80, 76, 190, 70, 96, 130, 170, 70, 320} {
		// At least as wide as its title in bold: "Danh xưng" must not run into "Họ và tên".
		title := fyne.MeasureText(importColumnTitle(col), theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 3*theme.InnerPadding()
		w.table.SetColumnWidth(col, max(width, title))
	}
	w.table.OnSelected = func(id widget.TableCellID) { w.selectedRow = id.Row }

	w.problems = widget.NewList(func() int { return w.problemCount() },
		func() fyne.CanvasObject {
			// Long messages wrap: each item is as tall as its text (problemHeight).
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
		},
		w.updateProblem)
	w.problems.OnSelected = func(id widget.ListItemID) { w.showProblemRow(id) }
	w.converted = widget.NewList(func() int { return w.convertedCount() },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if w.im != nil && id < len(w.im.Converted) {
				o.(*widget.Label).SetText(conversionText(w.im.Converted[id]))
			}
		})
	w.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Problems"), w.problems),
		container.NewTabItem(lang.L("Converted cells"), w.converted))

	allOrNothing, validOnly := lang.L("Import all rows, or nothing while a row has an error"), lang.L("Import only the rows without errors")
	w.validOnly = widget.NewRadioGroup([]string{allOrNothing, validOnly}, func(string) { w.updateImportButton() })
	w.validOnly.SetSelected(allOrNothing)
	w.validOnly.Required = true
	w.validOnly.Horizontal = true // one line: the problem list keeps the height

	w.importButton = widget.NewButtonWithIcon(lang.L("Import"), theme.DownloadIcon(), w.commit)
	w.importButton.Importance = widget.HighImportance
	w.importButton.Disable()
	w.saveMapping = widget.NewButtonWithIcon(lang.L("Save column mapping…"), theme.DocumentSaveIcon(), w.saveMappingFile)
	w.saveMapping.Disable()
	w.saveRejected = widget.NewButtonWithIcon(lang.L("Save the rows with errors for the unit…"), theme.DocumentSaveIcon(), w.saveRejectedFile)
	w.saveRejected.Disable()
	loadMapping := widget.NewButtonWithIcon(lang.L("Use a saved column mapping…"), theme.FolderOpenIcon(), w.loadMappingFile)

	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Award for rows that name none or name loosely")), nil, w.formSelect),
		w.summary, w.progress, w.readBar)
	mapping := container.NewBorder(boldLabel(lang.L("Columns of the file")), nil, nil, nil, container.NewVScroll(w.mapBox))
	rows := container.NewBorder(boldLabel(lang.L("Rows read")), nil, nil, nil, w.table)
	upper := container.NewHSplit(mapping, rows)
	upper.Offset = 0.3
	body := container.NewVSplit(upper, w.tabs)
	body.Offset = 0.55
	content := container.NewBorder(top, container.NewBorder(nil, nil, nil, w.saveRejected, w.validOnly), nil, nil, body)

	title := lang.L("Import nominations into “{{.Campaign}}”", map[string]any{"Campaign": c.Name})
	w.dlg = dialog.NewCustomWithoutButtons(title, content, win)
	cancel := widget.NewButton(lang.L("Cancel"), w.dlg.Hide)
	w.dlg.SetButtons([]fyne.CanvasObject{loadMapping, w.saveMapping, cancel, w.importButton})
	w.dlg.Resize(dialogSize(win))
	return w
}

func (w *importWizard) show() {
	showDialog(w.win, w.dlg, nil)
	w.read()
}

func (w *importWizard) busy(on bool) {
	w.progress.busy(on)
	w.updateImportButton()
}

// read reads the file in a goroutine with the current mapping and default
// form; a newer read makes an older one's result be dropped.
func (w *importWizard) read() {
	if w.dlg == nil {
		return // still being built
	}
	w.readGen++
	gen := w.readGen
	m := roster.Mapping{Columns: make(map[string]roster.Field, len(w.mapping.Columns))}
	for h, f := range w.mapping.Columns {
		m.Columns[h] = f
	}
	opts := roster.ReadOptions{Forms: w.forms, DefaultForm: w.defaultForm, Mapping: &m,
		Progress: func(p roster.ReadProgress) { uiDo(func() { w.showReadProgress(gen, p) }) }}
	path, text := w.path, w.text
	w.busy(true)
	background(&w.reading, func() func() {
		var im *roster.Import
		var err error
		if path == "" {
			im, err = roster.ReadText(text, opts)
		} else {
			im, err = roster.Read(path, opts)
		}
		if err == nil {
			// Only the stored nominations sharing a name with a row can be
			// duplicates, asked by chunks of names; the names change with the
			// mapping, so each read asks. A store that knows the awards lets the
			// warning name the decision that awarded one.
			var awards func([]uint64) (map[uint64]khenthuong.Award, error)
			if a, ok := w.svc.(awardsLookup); ok {
				awards = a.AwardsOf
			}
			err = im.CheckDuplicatesAwarded(w.svc.NominationsByName, awards, duplicateNameChunk)
		}
		return func() {
			w.busy(false)
			if gen != w.readGen {
				return
			}
			w.readBar.Hide()
			if err != nil {
				logInternal(err)
				w.summary.SetText(khenthuong.ErrorMessage(err))
				w.summary.Importance = widget.DangerImportance
				w.summary.Refresh()
				return
			}
			w.setImport(im)
		}
	})
}

// showReadProgress shows how far the newest reading has gone: a bar when the
// sheet declares its rows, the count of rows read in any case.
func (w *importWizard) showReadProgress(gen int, p roster.ReadProgress) {
	if gen != w.readGen {
		return
	}
	w.summary.SetText(lang.L("Reading {{.File}}, sheet “{{.Sheet}}”: {{.Rows}} rows…",
		map[string]any{"File": w.sourceName(), "Sheet": p.Sheet, "Rows": formatCount(p.Line)}))
	if p.Lines > p.Line {
		w.readBar.Max = float64(p.Lines)
		w.readBar.SetValue(float64(p.Line))
		w.readBar.Show()
		w.progress.Hide()
	}
}

// setImport shows a fresh reading of the file.
func (w *importWizard) setImport(im *roster.Import) {
	w.im = im
	w.rowMarks = map[rowKey]rowMark{}
	for _, p := range im.Problems {
		if p.Row == 0 {
			continue
		}
		k := rowKey{p.Sheet, p.Row}
		m := w.rowMarks[k]
		if m.count == 0 || (p.Severity == roster.SeverityError && m.severity != roster.SeverityError) {
			m.severity, m.message = p.Severity, p.Message
		}
		m.count++
		w.rowMarks[k] = m
	}
	var cols []mappedColumn
	listed := map[string]bool{} // a column the sheet's next table repeats (STT, Hình thức) is listed once
	for _, s := range im.Sheets {
		for _, c := range s.Columns {
			key := s.Name + "\x00" + c.Letter + "\x00" + c.Header
			if c.Header != "" && !listed[key] {
				listed[key] = true
				cols = append(cols, mappedColumn{s.Name, c})
			}
		}
	}
	if len(cols) > 0 || w.columns == nil {
		w.columns = cols // else keep the last columns, so that a wrong choice can be undone
	}
	w.buildMapping()
	w.selectedRow = -1
	w.table.UnselectAll()
	w.table.Refresh()
	w.table.ScrollToTop()
	w.problems.UnselectAll()
	w.problems.Refresh()
	w.converted.Refresh()
	w.tabs.Items[0].Text = lang.L("Problems ({{.Count}})", map[string]any{"Count": formatCount(len(im.Problems))})
	w.tabs.Items[1].Text = lang.L("Converted cells ({{.Count}})", map[string]any{"Count": formatCount(len(im.Converted))})
	w.tabs.Refresh()
	w.updateSummary()
	setEnabled(w.saveMapping, len(im.Mapping.Columns) > 0)
	setEnabled(w.saveRejected, im.Rejected() > 0)
	w.updateImportButton()
}

func (w *importWizard) updateSummary() {
	im := w.im
	text := lang.L("{{.File}}: {{.Rows}} rows read, {{.Errors}} errors, {{.Warnings}} warnings, {{.Converted}} cells converted from TCVN3/VNI.",
		map[string]any{"File": w.sourceName(), "Rows": formatCount(len(im.Rows)), "Errors": formatCount(im.Errors()),
			"Warnings": formatCount(im.Warnings()), "Converted": formatCount(len(im.Converted))})
	for _, s := range im.Sheets {
		if s.Skipped != "" {
			text += "\n" + lang.L("Sheet “{{.Sheet}}” was not read: {{.Reason}}", map[string]any{"Sheet": s.Name, "Reason": s.Skipped})
		}
	}
	w.summary.SetText(text)
	w.summary.Importance = widget.MediumImportance
	if im.Errors() > 0 {
		w.summary.Importance = widget.WarningImportance
	}
	w.summary.Refresh()
}

// toImport is what "Nhập" stores now, and why it stores nothing.
func (w *importWizard) toImport() ([]khenthuong.Nomination, string) {
	im := w.im
	switch {
	case im == nil:
		return nil, ""
	case len(im.Rows) == 0:
		return nil, lang.L("The file has no rows to import.")
	case im.Errors() == 0:
		return im.Nominations(), ""
	case w.validOnly.Selected == w.validOnly.Options[1]:
		ns := im.Valid()
		if len(ns) == 0 {
			return nil, lang.L("No row is free of errors.")
		}
		return ns, ""
	}
	return nil, lang.L("Nothing can be imported while {{.Count}} rows have errors: fix the file or the column mapping, or import only the valid rows.",
		map[string]any{"Count": formatCount(w.invalidRows())})
}

func (w *importWizard) invalidRows() int {
	n := 0
	for _, r := range w.im.Rows {
		if r.Invalid {
			n++
		}
	}
	return n
}

func (w *importWizard) updateImportButton() {
	if w.importButton == nil {
		return
	}
	ns, why := w.toImport()
	if w.progress.running() || len(ns) == 0 {
		w.importButton.SetText(lang.L("Import"))
		w.importButton.Disable()
	} else {
		w.importButton.SetText(lang.L("Import {{.Count}} nominations", map[string]any{"Count": formatCount(len(ns))}))
		w.importButton.Enable()
	}
	if w.progress.running() || w.im == nil {
		return
	}
	// The summary follows the choice: the orange "nothing can be imported"
	// goes as soon as "only the rows without errors" makes the rows importable.
	w.updateSummary()
	switch {
	case why != "":
		w.summary.SetText(w.summary.Text + "\n" + why)
	case w.im.Errors() > 0:
		w.summary.Importance = widget.MediumImportance
		w.summary.SetText(w.summary.Text + "\n" + lang.L("{{.Count}} rows with errors will be left out: “Save the rows with errors for the unit…” writes them to send back.",
			map[string]any{"Count": formatCount(w.invalidRows())}))
	}
}

// sourceName names what is imported: the file, or the pasted list.
func (w *importWizard) sourceName() string {
	if w.path == "" {
		return lang.L("the pasted list")
	}
	return filepath.Base(w.path)
}

// doneTitle names the import by what was read: Excel, CSV, Word, a pasted list.
func (w *importWizard) doneTitle() string {
	switch strings.ToLower(filepath.Ext(w.path)) {
	case "":
		return lang.L("Import a pasted list")
	case ".csv", ".txt":
		return lang.L("Import from CSV")
	case ".ods":
		return lang.L("Import from OpenDocument")
	case ".docx", ".doc":
		return lang.L("Import from Word")
	}
	return lang.L("Import from Excel")
}

// buildMapping lists the columns with the field each was read as; a column
// the program did not recognise is marked.
func (w *importWizard) buildMapping() {
	opts := []string{lang.L("(not used)")}
	for _, f := range roster.Fields {
		if f != roster.FieldIgnore {
			opts = append(opts, rosterFieldLabel(f))
		}
	}
	w.mapBox.Objects = nil
	sheets := map[string]bool{}
	for _, c := range w.columns {
		sheets[c.sheet] = true
	}
	for _, mc := range w.columns {
		sel := newChoice(opts, nil)
		switch mc.col.Field {
		case "", roster.FieldIgnore:
			sel.SetSelectedIndex(0)
		default:
			sel.SetSelected(rosterFieldLabel(mc.col.Field))
		}
		sel.OnChanged = func(string) {
			f := roster.FieldIgnore
			if i := sel.SelectedIndex(); i > 0 {
				f = fieldOptions()[i-1]
			}
			w.mapping.Columns[mc.col.Header] = f
			w.read()
		}
		header := mc.col.Letter + ". " + mc.col.Header
		if len(sheets) > 1 {
			header = mc.sheet + " · " + header
		}
		label := widget.NewLabel(header)
		label.Truncation = fyne.TextTruncateEllipsis
		icon := widget.NewIcon(theme.ConfirmIcon())
		if mc.col.Field == "" {
			icon.SetResource(theme.NewWarningThemedResource(theme.QuestionIcon()))
			label.Importance = widget.WarningImportance
			label.SetText(header + " " + lang.L("(not recognised)"))
		} else if mc.col.Field == roster.FieldIgnore || mc.col.Field == roster.FieldCode || mc.col.Field == roster.FieldRegistryNo || mc.col.Field == roster.FieldAmount {
			icon.SetResource(theme.NewDisabledResource(theme.ContentRemoveIcon()))
		}
		w.mapBox.Add(container.NewBorder(nil, nil, icon, nil, container.NewGridWithColumns(2, label, sel)))
	}
	w.mapBox.Refresh()
}

// fieldOptions are the fields a column may be given, in the order of the select.
func fieldOptions() []roster.Field {
	out := make([]roster.Field, 0, len(roster.Fields))
	for _, f := range roster.Fields {
		if f != roster.FieldIgnore {
			out = append(out, f)
		}
	}
	return out
}

// The preview table.

func (w *importWizard) rowCount() int {
	if w.im == nil {
		return 0
	}
	return len(w.im.Rows)
}

func (w *importWizard) mark(row int) (rowMark, bool) {
	if w.im == nil || row >= len(w.im.Rows) {
		return rowMark{}, false
	}
	r := &w.im.Rows[row]
	m, ok := w.rowMarks[rowKey{r.Sheet, r.Line}]
	if r.Invalid && m.severity != roster.SeverityError {
		m.severity, ok = roster.SeverityError, true
	}
	return m, ok
}

func (w *importWizard) cellText(row, col int) string {
	if w.im == nil || row >= len(w.im.Rows) {
		return ""
	}
	r := &w.im.Rows[row]
	n := &r.Nomination.Nominee
	switch col {
	case impColLine:
		if len(w.im.Sheets) > 1 {
			return r.Sheet + " · " + formatCount(r.Line)
		}
		return formatCount(r.Line)
	case impColKind:
		if n.Kind == "" {
			return ""
		}
		return kindLabel(n.Kind)
	case impColTitle:
		return n.Title
	case impColName:
		return n.Name
	case impColGender:
		return genderLabel(n.Gender)
	case impColBirth:
		return n.Birth.Display()
	case impColPosition:
		return n.Position
	case impColUnit:
		return n.Unit
	case impColForm:
		return r.Nomination.FormCode
	case impColProblem:
		if m, ok := w.mark(row); ok {
			if m.count > 1 {
				return lang.L("{{.Message}} (and {{.More}} more)", map[string]any{"Message": m.message, "More": m.count - 1})
			}
			return m.message
		}
	}
	return ""
}

func importColumnTitle(col int) string {
	switch col {
	case impColLine:
		return lang.L("Row")
	case impColKind:
		return lang.L("Kind")
	case impColTitle:
		return lang.L("Title")
	case impColName:
		return lang.L("Nominee")
	case impColGender:
		return lang.L("Gender")
	case impColBirth:
		return lang.L("Born")
	case impColPosition:
		return lang.L("Position")
	case impColUnit:
		return lang.L("Unit")
	case impColForm:
		return lang.L("Award")
	case impColProblem:
		return lang.L("Problem")
	}
	return ""
}

// importCell is one recycled cell of the preview: a tint for the row's
// problem, an icon in the first column, the text elsewhere.
type importCell struct {
	widget.BaseWidget
	id    widget.TableCellID
	bg    *canvas.Rectangle
	icon  *widget.Icon
	label *widget.Label
}

func newImportCell() *importCell {
	c := &importCell{bg: canvas.NewRectangle(color.Transparent), icon: widget.NewIcon(nil), label: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

func (c *importCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewCenter(c.icon), c.label))
}

func (w *importWizard) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*importCell)
	c.id = id
	m, marked := w.mark(id.Row)
	var bg color.Color = color.Transparent
	var icon fyne.Resource
	switch {
	case marked && m.severity == roster.SeverityError:
		bg = withAlpha(theme.Color(theme.ColorNameError), 0x30)
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
	case marked:
		bg = withAlpha(theme.Color(theme.ColorNameWarning), 0x30)
		icon = theme.NewWarningThemedResource(theme.WarningIcon())
	case w.im != nil && id.Row < len(w.im.Rows):
		icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	}
	if id.Row == w.selectedRow {
		bg = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != bg {
		c.bg.FillColor = bg
		c.bg.Refresh()
	}
	if id.Col == impColMark {
		c.label.Hide()
		c.icon.Show()
		c.icon.SetResource(icon)
		return
	}
	c.icon.Hide()
	c.label.Show()
	c.label.SetText(w.cellText(id.Row, id.Col))
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}

// The problem list.

func (w *importWizard) problemCount() int {
	if w.im == nil {
		return 0
	}
	return len(w.im.Problems)
}

func (w *importWizard) updateProblem(id widget.ListItemID, o fyne.CanvasObject) {
	if w.im == nil || id >= len(w.im.Problems) {
		return
	}
	p := w.im.Problems[id]
	box := o.(*fyne.Container)
	label, icon := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Icon)
	if p.Severity == roster.SeverityError {
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	} else {
		icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	}
	label.SetText(p.String())
	if h := w.problemHeight(p.String()); h > 0 {
		w.problems.SetItemHeight(id, h)
	}
}

// problemHeight is the height a problem's message takes wrapped to the
// list's width; 0 before the list has one.
func (w *importWizard) problemHeight(text string) float32 {
	width := w.problems.Size().Width - theme.IconInlineSize() - 6*theme.InnerPadding() - theme.ScrollBarSize()
	if width <= 0 {
		return 0
	}
	size := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{})
	lineHeight := fyne.MeasureText("Ậg", theme.TextSize(), fyne.TextStyle{}).Height
	lines := float32(1)
	// Word wrapping leaves part of each line empty: allow a little more than the bare ratio.
	if ratio := size.Width * 1.1 / width; ratio > 1 {
		lines = float32(int(ratio) + 1)
	}
	return lines*lineHeight + 2*theme.InnerPadding()
}

// showProblemRow selects the row of a problem in the table.
func (w *importWizard) showProblemRow(id int) {
	if w.im == nil || id >= len(w.im.Problems) {
		return
	}
	p := w.im.Problems[id]
	for i, r := range w.im.Rows {
		if r.Sheet == p.Sheet && r.Line == p.Row {
			w.selectedRow = i
			w.table.ScrollTo(widget.TableCellID{Row: i, Col: impColName})
			w.table.Refresh()
			return
		}
	}
}

func (w *importWizard) convertedCount() int {
	if w.im == nil {
		return 0
	}
	return len(w.im.Converted)
}

func conversionText(c roster.Conversion) string {
	return lang.L("Sheet “{{.Sheet}}”, row {{.Row}}, column {{.Column}}: “{{.From}}” → “{{.To}}” ({{.Encoding}})", map[string]any{
		"Sheet": c.Sheet, "Row": c.Row, "Column": c.Column, "From": c.From, "To": c.To, "Encoding": c.Encoding})
}

// commit stores the rows in one transaction and tells the result.
func (w *importWizard) commit() {
	ns, why := w.toImport()
	if len(ns) == 0 {
		if why != "" {
			showInfo(w.doneTitle(), why, w.win)
		}
		return
	}
	for i := range ns {
		ns[i].CampaignID = w.campaign.ID
		ns[i].Status = khenthuong.StatusSubmitted // they arrive with the unit's Tờ trình
	}
	skipped := len(w.im.Rows) - len(ns)
	w.busy(true)
	background(&w.committing, func() func() {
		err := importList(w.svc, ns)
		return func() {
			w.busy(false)
			if err != nil {
				showError(err, w.win)
				return
			}
			w.dlg.Hide()
			msg := lang.L("Imported {{.Count}} nominations into “{{.Campaign}}”.", map[string]any{"Count": formatCount(len(ns)), "Campaign": w.campaign.Name})
			if skipped > 0 {
				msg += "\n" + lang.L("{{.Count}} rows with errors were left out.", map[string]any{"Count": formatCount(skipped)})
			}
			if n := w.im.Warnings(); n > 0 {
				msg += "\n" + lang.L("{{.Count}} warnings (possible duplicates and the like) are worth checking in Đề nghị.", map[string]any{"Count": formatCount(n)})
			}
			showInfo(w.doneTitle(), msg, w.win)
			if w.onImported != nil {
				w.onImported(len(ns))
			}
		}
	})
}

// saveRejectedFile writes the rows with errors, in the unit's own columns
// plus "Lỗi cần sửa", for the clerk to send back to the unit.
func (w *importWizard) saveRejectedFile() {
	if w.im == nil || w.im.Rejected() == 0 {
		return
	}
	im := w.im
	base := lang.L("pasted list")
	if w.path != "" {
		base = strings.TrimSuffix(filepath.Base(w.path), filepath.Ext(w.path))
	}
	w.files.save(w.win, fileName(lang.L("to fix"), base)+".xlsx", []string{".xlsx"}, func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".xlsx") {
			path += ".xlsx"
		}
		if err := im.WriteRejected(path); err != nil {
			showError(err, w.win)
			return
		}
		w.summary.SetText(w.summary.Text + "\n" + lang.L("{{.Count}} rows with errors saved to {{.Path}}.", map[string]any{"Count": formatCount(im.Rejected()), "Path": path}))
	})
}

// askPastedList asks for a list pasted from Excel, Word or a chat message;
// done gets the text, or nothing when the clerk cancels.
func askPastedList(win fyne.Window, done func(text string)) {
	entry := newMultiLineTextEntry()
	entry.SetPlaceHolder(lang.L("Paste here (Ctrl+V)"))
	entry.Wrapping = fyne.TextWrapOff // pasted rows stay rows
	// The explanation wraps above the entry: as its hint it was one line
	// cut off at the dialog's edge.
	help := widget.NewLabel(lang.L("Paste the list here: rows copied from Excel or from a Word table, or lines such as “1. Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp” under “I. TẬP THỂ”, “II. CÁ NHÂN”."))
	help.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(help, nil, nil, nil, entry)
	d := dialog.NewCustomConfirm(lang.L("Paste a list"), lang.L("Read"), lang.L("Cancel"), body, func(ok bool) {
		if ok && strings.TrimSpace(entry.Text) != "" {
			done(entry.Text)
		}
	}, win)
	d.Resize(dialogSize(win))
	showDialog(win, d, nil)
	win.Canvas().Focus(entry)
}

// newPastedImportWizard is the wizard on a pasted list rather than a file.
func newPastedImportWizard(svc khenthuong.Services, win fyne.Window, files fileDialogs, c khenthuong.Campaign, text string) *importWizard {
	w := &importWizard{text: text}
	return w.init(svc, win, files, c, "")
}

// saveMappingFile saves how the columns were read, for the unit's next file.
func (w *importWizard) saveMappingFile() {
	if w.im == nil || len(w.im.Mapping.Columns) == 0 {
		return
	}
	m := w.im.Mapping
	base := strings.TrimSuffix(filepath.Base(w.path), filepath.Ext(w.path))
	w.files.save(w.win, fileName(lang.L("columns"), base)+".json", []string{".json"}, func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".json") {
			path += ".json"
		}
		if err := m.Save(path); err != nil {
			showError(err, w.win)
			return
		}
		w.summary.SetText(w.summary.Text + "\n" + lang.L("Column mapping saved to {{.Path}}.", map[string]any{"Path": path}))
	})
}

// loadMappingFile reads a saved mapping and reads the file again with it.
func (w *importWizard) loadMappingFile() {
	w.files.open(w.win, []string{".json"}, func(path string) {
		if path == "" {
			return
		}
		m, err := roster.LoadMapping(path)
		if err != nil {
			showError(err, w.win)
			return
		}
		for h, f := range m.Columns {
			w.mapping.Columns[h] = f
		}
		w.read()
	})
}

// rosterFieldLabel names a field of a unit's file in the screens' language.
func rosterFieldLabel(f roster.Field) string {
	switch f {
	case roster.FieldSTT:
		return lang.L("No.")
	case roster.FieldKind:
		return lang.L("Kind")
	case roster.FieldTitle:
		return lang.L("Title")
	case roster.FieldName:
		return lang.L("Nominee")
	case roster.FieldGender:
		return lang.L("Gender")
	case roster.FieldBirth:
		return lang.L("Date of birth")
	case roster.FieldMale:
		return lang.L("Male (birth year or x)")
	case roster.FieldFemale:
		return lang.L("Female (birth year or x)")
	case roster.FieldPosition:
		return lang.L("Position")
	case roster.FieldUnit:
		return lang.L("Unit")
	case roster.FieldPositionUnit:
		return lang.L("Position and unit")
	case roster.FieldAddress:
		return lang.L("Address")
	case roster.FieldClassification:
		return lang.L("Classification")
	case roster.FieldField:
		return lang.L("Field")
	case roster.FieldForm:
		return lang.L("Award form")
	case roster.FieldAchievement:
		return lang.L("Achievement")
	case roster.FieldProposingUnit:
		return lang.L("Proposed by")
	case roster.FieldSubmissionNo:
		return lang.L("Submission no.")
	case roster.FieldSubmissionDate:
		return lang.L("Submission date")
	case roster.FieldNotes:
		return lang.L("Notes")
	case roster.FieldIgnore:
		return lang.L("(not used)")
	case roster.FieldKindCode:
		return lang.L("Kind code")
	case roster.FieldFormCode:
		return lang.L("Award form code")
	case roster.FieldCode:
		return lang.L("Other software's code (not read)")
	case roster.FieldRegistryNo:
		return lang.L("Registry no. (not read)")
	case roster.FieldAmount:
		return lang.L("Bonus (not read)")
	}
	return fmt.Sprint(f)
}

// awardsLookup is the part of a store that names the decisions which awarded
// stored nominations (both stores have it; a fake may not).
type awardsLookup interface {
	AwardsOf(nominationIDs []uint64) (map[uint64]khenthuong.Award, error)
}

// duplicateNameChunk is how many folded names one look-up of stored
// look-alikes asks for, as the import command does.
const duplicateNameChunk = 256
