package ui

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/vntext"
)

// templateEditor is the template editor of In ấn. It takes the place of the
// print options beside the preview, which then shows every field's box: pick
// a field in the list or on the preview, then move and resize it with the
// arrow keys (0.5 mm; Shift: 5 mm; Ctrl: resize), the mouse, or the numbers;
// the preview follows each change at once, laid out by the same code that
// prints. Saving validates with certificates.ParseTemplate and stores the
// JSON for the award form; "Về mặc định" deletes it; JSON files carry a
// template between offices.
type templateEditor struct {
	s      *printScreen
	forms  []khenthuong.AwardForm
	form   *khenthuong.AwardForm
	tpl    certificates.Template // being edited
	stored bool                  // the form has its own template in the store
	dirty  bool
	sel    int
	// updating is set while the entries are filled from the template, so
	// their OnChanged does not write back what they were just given.
	updating bool
	drag     struct {
		field int
		x, y  float64 // the field's position when the drag began
	}

	formSelect *widget.Select
	name       *textEntry
	pageW      *textEntry
	pageH      *textEntry
	list       *widget.List
	remove     *widget.Button
	numbers    map[string]*textEntry // x, y, w, h, size, min_size
	align      *widget.Select
	font       *widget.Select
	style      *widget.Select
	color      *textEntry
	text       *textEntry
	upper      *widget.Check
	onBlank    *widget.Check
	pageForm   *fieldForm    // name and page size
	fieldErr   *widget.Label // what is wrong with the selected field
	status     *widget.Label
	save       *widget.Button
	root       fyne.CanvasObject
}

// Choices of the selects, in the order of their options.
var (
	alignCodes = []string{"L", "C", "R"}
	styleCodes = []string{"", "B", "I", "BI"}
)

func newTemplateEditor(s *printScreen, form *khenthuong.AwardForm, tpl certificates.Template, stored bool) *templateEditor {
	e := &templateEditor{s: s, form: form, tpl: cloneTemplate(tpl), stored: stored, sel: -1, numbers: map[string]*textEntry{}}
	e.drag.field = -1

	e.formSelect = newSelect(nil, func(string) { e.formChosen() })
	e.name = newTextEntry()
	e.name.OnChanged = func(v string) { e.edit(func() { e.tpl.Name = v }) }
	e.pageW = newTextEntry()
	e.pageW.OnChanged = func(v string) { e.pageSize("page_width", v, &e.tpl.PageWidth) }
	e.pageH = newTextEntry()
	e.pageH.OnChanged = func(v string) { e.pageSize("page_height", v, &e.tpl.PageHeight) }

	e.list = widget.NewList(
		func() int { return len(e.tpl.Fields) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(e.tpl.Fields) {
				o.(*widget.Label).SetText(fieldListLabel(&e.tpl.Fields[id], e.s.mode))
			}
		})
	e.list.OnSelected = func(id widget.ListItemID) {
		if id != e.sel {
			e.selectField(id)
		}
		// The arrows now move the field: the clerk's next key is for it.
		e.s.win.Canvas().Focus(e.s.preview)
	}
	add := widget.NewButtonWithIcon(lang.L("Add free text"), theme.ContentAddIcon(), e.addFree)
	e.remove = widget.NewButtonWithIcon(lang.L("Remove field"), theme.ContentRemoveIcon(), e.removeField)

	e.pageForm = newFieldForm()
	e.pageForm.add("name", lang.L("Template name"), e.name)
	e.pageForm.add("page_width", lang.L("Page size (mm)"), container.NewGridWithColumns(2, e.pageW, e.pageH))

	// The selected field, compact so that list, numbers and buttons fit
	// beside the preview without scrolling.
	number := func(attr, label string) fyne.CanvasObject {
		en := newTextEntry()
		en.OnChanged = func(v string) { e.number(attr, v) }
		e.numbers[attr] = en
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, en)
	}
	box := container.NewGridWithColumns(4, number("x", lang.L("X")), number("y", lang.L("Y")),
		number("w", lang.L("Width")), number("h", lang.L("Height")))
	e.color = newTextEntry()
	e.color.SetPlaceHolder("#000000")
	e.color.OnChanged = func(v string) { e.editField(func(f *certificates.Field) { f.Color = strings.TrimSpace(v) }) }
	sizes := container.NewGridWithColumns(3, number("size", lang.L("Size")), number("min_size", lang.L("Smallest")),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Colour")), nil, e.color))
	e.align = newSelect([]string{lang.L("Left"), lang.L("Centre"), lang.L("Right")}, func(string) {
		if i := e.align.SelectedIndex(); i >= 0 {
			e.editField(func(f *certificates.Field) { f.Align = alignCodes[i] })
		}
	})
	e.style = newSelect([]string{lang.L("Regular"), lang.L("Bold"), lang.L("Italic"), lang.L("Bold italic")}, func(string) {
		if i := e.style.SelectedIndex(); i >= 0 {
			e.editField(func(f *certificates.Field) { f.Style = styleCodes[i] })
		}
	})
	e.font = newSelect([]string{lang.L("Serif (Times)"), lang.L("Decorative")}, func(string) {
		if i := e.font.SelectedIndex(); i >= 0 {
			e.editField(func(f *certificates.Field) { f.Font = page.Fonts[i] })
		}
	})
	e.text = newTextEntry()
	e.text.SetPlaceHolder(lang.L("(the value of the field)"))
	e.text.OnChanged = func(v string) { e.editField(func(f *certificates.Field) { f.Text = v }) }
	e.upper = widget.NewCheck(lang.L("Capitals"), func(v bool) { e.editField(func(f *certificates.Field) { f.Upper = v }) })
	e.onBlank = widget.NewCheck(lang.L("Printed on blanks"), func(v bool) {
		e.editField(func(f *certificates.Field) { f.OnBlank = v })
		e.list.Refresh() // the list marks the fields hidden in the mode
	})
	e.fieldErr = newErrorLabel()

	hint := widget.NewLabel(lang.L("Click a field on the preview, then: arrows move it 0.5 mm (Shift: 5 mm), Ctrl+arrows resize it; or drag it with the mouse. Sizes in mm, text in pt."))
	hint.Wrapping = fyne.TextWrapWord
	hint.TextStyle.Italic = true // help, in the text's own colour: greyed help was hard to read

	e.status = widget.NewLabel("")
	e.status.Truncation = fyne.TextTruncateEllipsis
	e.save = widget.NewButtonWithIcon(lang.L("Save template"), theme.DocumentSaveIcon(), e.saveTemplate)
	e.save.Importance = widget.HighImportance
	reset := widget.NewButtonWithIcon(lang.L("Reset to default"), theme.ViewRestoreIcon(), e.resetToDefault)
	exportJSON := widget.NewButtonWithIcon(lang.L("Export JSON…"), theme.UploadIcon(), e.exportJSON)
	importJSON := widget.NewButtonWithIcon(lang.L("Import JSON…"), theme.DownloadIcon(), e.importJSON)
	done := widget.NewButtonWithIcon(lang.L("Close editor"), theme.NavigateBackIcon(), e.close)

	top := container.NewVBox(
		container.NewBorder(nil, nil, boldLabel(lang.L("Template editor")), done),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Template of")), nil, e.formSelect),
		e.pageForm.content(),
		e.status,
		container.NewBorder(nil, nil, boldLabel(lang.L("Fields")), container.NewHBox(add, e.remove)),
	)
	fieldBox := container.NewVBox(
		box, sizes,
		container.NewGridWithColumns(3, e.align, e.style, e.font),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Fixed text")), nil, e.text),
		container.NewHBox(e.upper, e.onBlank),
		e.fieldErr, hint,
		container.NewGridWithColumns(2, e.save, reset),
		roleNote(e.s.svc, khenthuong.RightEditSettings, e.save, reset), // see rights.go
		container.NewGridWithColumns(2, exportJSON, importJSON),
	)
	// The panel scrolls: on a laptop its fields asked for more height than
	// the window has, and the window grew past the bottom of the screen.
	list := container.NewStack(minHeight(4*rowHeight()), e.list)
	e.root = container.NewVScroll(container.NewBorder(top, fieldBox, nil, nil, list))

	e.setForms()
	e.fill()
	return e
}

func (e *templateEditor) content() fyne.CanvasObject { return e.root }

// cloneTemplate copies the slices, so that editing leaves the original alone.
func cloneTemplate(t certificates.Template) certificates.Template {
	t.FormCodes = append([]string(nil), t.FormCodes...)
	t.Fields = append([]certificates.Field(nil), t.Fields...)
	return t
}

// setForms lists the catalogue's forms and selects the edited one.
func (e *templateEditor) setForms() {
	forms, err := e.s.svc.Forms()
	if err != nil {
		showError(err, e.s.win)
	}
	e.forms = forms
	opts := make([]string, len(forms))
	for i, f := range forms {
		opts[i] = f.Code + " — " + f.Name
	}
	e.updating = true
	e.formSelect.SetOptions(opts)
	for i, f := range forms {
		if e.form != nil && f.Code == e.form.Code {
			e.formSelect.SetSelectedIndex(i)
		}
	}
	e.updating = false
}

// formChosen loads the template of another form, after asking to drop changes.
func (e *templateEditor) formChosen() {
	i := e.formSelect.SelectedIndex()
	if e.updating || i < 0 || (e.form != nil && e.forms[i].Code == e.form.Code) {
		return
	}
	load := func() {
		f := e.forms[i]
		tpl, stored, err := templateFor(e.s.svc, &f)
		if err != nil {
			showError(err, e.s.win)
		}
		e.form, e.tpl, e.stored, e.dirty, e.sel = &f, cloneTemplate(tpl), stored, false, -1
		e.list.UnselectAll()
		e.fill()
		e.changed()
	}
	if !e.dirty {
		load()
		return
	}
	e.askDiscard(load, func() { e.setForms() })
}

// askDiscard asks before throwing away unsaved changes.
func (e *templateEditor) askDiscard(discard, keep func()) {
	askConfirm(e.s.win, lang.L("Unsaved changes"), lang.L("The template has changes that are not saved. Discard them?"),
		lang.L("Discard changes"), widget.DangerImportance, discard, keep)
}

// fill shows the template in the entries.
func (e *templateEditor) fill() {
	e.updating = true
	defer func() { e.updating = false }()
	e.name.SetText(e.tpl.Name)
	e.pageW.SetText(formatMM(e.tpl.PageWidth))
	e.pageH.SetText(formatMM(e.tpl.PageHeight))
	e.list.Refresh()
	e.fillField()
	e.updateStatus()
}

// fillField shows the selected field in the entries (all disabled for none).
func (e *templateEditor) fillField() {
	was := e.updating
	e.updating = true
	defer func() { e.updating = was }()
	inputs := []fyne.Disableable{e.align, e.style, e.font, e.color, e.text, e.upper, e.onBlank, e.remove}
	for _, en := range e.numbers {
		inputs = append(inputs, en)
	}
	f := e.field()
	if f == nil {
		for _, in := range inputs {
			in.Disable()
		}
		for _, en := range e.numbers {
			en.SetText("")
		}
		e.text.SetText("")
		e.color.SetText("")
		e.fieldErr.Hide()
		return
	}
	for _, in := range inputs {
		in.Enable()
	}
	for attr, v := range map[string]float64{"x": f.X, "y": f.Y, "w": f.W, "h": f.H, "size": f.Size, "min_size": f.MinSize} {
		e.numbers[attr].SetText(formatMM(v))
	}
	e.align.SetSelectedIndex(max(0, indexOf(alignCodes, f.Align)))
	e.style.SetSelectedIndex(max(0, indexOf(styleCodes, f.Style)))
	e.font.SetSelectedIndex(max(0, indexOf(page.Fonts, f.Font)))
	e.color.SetText(f.Color)
	e.text.SetText(f.Text)
	e.upper.SetChecked(f.Upper)
	e.onBlank.SetChecked(f.OnBlank)
	if f.Key == certificates.KeyEmblem { // an image: no text attributes
		for _, in := range []fyne.Disableable{e.align, e.style, e.font, e.color, e.text, e.upper, e.numbers["size"], e.numbers["min_size"]} {
			in.Disable()
		}
	}
	e.fieldErr.Hide()
}

// refreshNumbers shows the selected field's box after a move with the keys or the mouse.
func (e *templateEditor) refreshNumbers() {
	f := e.field()
	if f == nil {
		return
	}
	e.updating = true
	defer func() { e.updating = false }()
	for attr, v := range map[string]float64{"x": f.X, "y": f.Y, "w": f.W, "h": f.H} {
		if t := formatMM(v); e.numbers[attr].Text != t {
			e.numbers[attr].SetText(t)
		}
	}
}

func indexOf(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}

// formatMM writes a measure with a decimal comma, as the numbers are typed: 148,5.
func formatMM(v float64) string { return vntext.FormatDecimal(v, 2) }

func (e *templateEditor) field() *certificates.Field {
	if e.sel < 0 || e.sel >= len(e.tpl.Fields) {
		return nil
	}
	return &e.tpl.Fields[e.sel]
}

// selectField makes field i the one the keys and the numbers change.
func (e *templateEditor) selectField(i int) {
	e.sel = i
	if i >= 0 {
		e.list.Select(i)
	} else {
		e.list.UnselectAll()
	}
	e.fillField()
	e.s.preview.setSelected(i)
}

// edit applies a change made by the clerk and lays the preview out again.
func (e *templateEditor) edit(change func()) {
	if e.updating {
		return
	}
	change()
	e.dirty = true
	e.changed()
}

func (e *templateEditor) editField(change func(*certificates.Field)) {
	if f := e.field(); f != nil {
		e.edit(func() { change(f) })
	}
}

// changed redraws the preview and the status after any change.
func (e *templateEditor) changed() {
	e.updateStatus()
	e.s.updatePreview()
}

func (e *templateEditor) updateStatus() {
	var msg string
	switch {
	case e.dirty:
		msg = lang.L("Changes not saved yet.")
	case e.stored:
		msg = lang.L("The office's own template for this award form.")
	default:
		msg = lang.L("The default template: save to keep changes for this award form.")
	}
	e.status.SetText(msg)
}

// number reads a typed measure; a half-typed one waits for the next key.
func (e *templateEditor) number(attr, text string) {
	if e.updating || e.field() == nil {
		return
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	v, err := parseDecimal(attr, text)
	if err != nil {
		e.showFieldError(err)
		return
	}
	e.fieldErr.Hide()
	e.editField(func(f *certificates.Field) {
		switch attr {
		case "x":
			f.X = v
		case "y":
			f.Y = v
		case "w":
			f.W = v
		case "h":
			f.H = v
		case "size":
			f.Size = v
		case "min_size":
			f.MinSize = v
		}
	})
}

func (e *templateEditor) pageSize(attr, text string, dst *float64) {
	if e.updating || strings.TrimSpace(text) == "" {
		return
	}
	v, err := parseDecimal(attr, text)
	if err != nil {
		e.pageForm.show(err)
		return
	}
	e.pageForm.clear()
	e.edit(func() { *dst = v })
}

// nudge moves (dx, dy) or resizes (dw, dh) the selected field, in mm,
// keeping it on the page.
func (e *templateEditor) nudge(dx, dy, dw, dh float64) {
	f := e.field()
	if f == nil {
		return
	}
	e.edit(func() {
		f.W = clampMM(f.W+dw, 1, e.tpl.PageWidth-f.X)
		f.H = clampMM(f.H+dh, 1, e.tpl.PageHeight-f.Y)
		f.X = clampMM(f.X+dx, 0, e.tpl.PageWidth-f.W)
		f.Y = clampMM(f.Y+dy, 0, e.tpl.PageHeight-f.H)
	})
	e.refreshNumbers()
}

// dragged moves field i to where the mouse took it, on a 0.5 mm grid.
func (e *templateEditor) dragged(i int, dx, dy float64) {
	if i != e.drag.field {
		if i < 0 || i >= len(e.tpl.Fields) {
			return
		}
		e.drag.field, e.drag.x, e.drag.y = i, e.tpl.Fields[i].X, e.tpl.Fields[i].Y
	}
	f := &e.tpl.Fields[i]
	x := clampMM(math.Round((e.drag.x+dx)/nudgeStep)*nudgeStep, 0, e.tpl.PageWidth-f.W)
	y := clampMM(math.Round((e.drag.y+dy)/nudgeStep)*nudgeStep, 0, e.tpl.PageHeight-f.H)
	if x != f.X || y != f.Y {
		e.edit(func() { f.X, f.Y = x, y })
		e.refreshNumbers()
	}
}

func (e *templateEditor) dragEnded() { e.drag.field = -1 }

// clampMM keeps v in [lo, hi] and rounds away the binary noise of adding
// 0.5 mm many times (148.50000000001).
func clampMM(v, lo, hi float64) float64 {
	v = math.Round(v*1000) / 1000
	if hi < lo {
		hi = lo
	}
	return math.Min(math.Max(v, lo), hi)
}

// addFree adds a free text field in the middle of the page.
func (e *templateEditor) addFree() {
	w, h := math.Min(120, e.tpl.PageWidth/2), 10.0
	e.edit(func() {
		e.tpl.Fields = append(e.tpl.Fields, certificates.Field{
			Key: certificates.KeyFree, Text: lang.L("New text"),
			X: math.Round((e.tpl.PageWidth - w) / 2), Y: math.Round((e.tpl.PageHeight - h) / 2), W: w, H: h,
			Align: "C", Font: page.FontSerif, Size: 14, MinSize: 10, Color: "#000000", OnBlank: true,
		})
	})
	e.list.Refresh()
	e.selectField(len(e.tpl.Fields) - 1)
}

func (e *templateEditor) removeField() {
	if e.field() == nil {
		return
	}
	i := e.sel
	e.edit(func() { e.tpl.Fields = append(e.tpl.Fields[:i:i], e.tpl.Fields[i+1:]...) })
	e.list.UnselectAll()
	e.list.Refresh()
	e.selectField(-1)
}

// validated normalises and validates the template as a file would be read
// back, and returns it with its JSON.
func (e *templateEditor) validated() (certificates.Template, []byte, error) {
	var raw bytes.Buffer
	if err := e.tpl.Export(&raw); err != nil {
		return certificates.Template{}, nil, err
	}
	t, err := certificates.ParseTemplate(raw.Bytes())
	if err != nil {
		return t, nil, err
	}
	var clean bytes.Buffer
	if err := t.Export(&clean); err != nil {
		return t, nil, err
	}
	return t, clean.Bytes(), nil
}

// showFieldError tells what is wrong with the selected field, under its inputs.
func (e *templateEditor) showFieldError(err error) {
	logInternal(err)
	e.fieldErr.SetText(khenthuong.ErrorMessage(err))
	e.fieldErr.Show()
}

// showInvalid puts a validation error next to what it names: "fields[3].w"
// selects field 3 and marks its width.
func (e *templateEditor) showInvalid(err error) {
	var ke *khenthuong.Error
	if !errors.As(err, &ke) || ke.Code != khenthuong.EINVALID {
		showError(err, e.s.win)
		return
	}
	if strings.HasPrefix(ke.Field, "fields[") {
		end := strings.Index(ke.Field, "]")
		if i, convErr := strconv.Atoi(ke.Field[len("fields["):max(end, len("fields["))]); convErr == nil && i < len(e.tpl.Fields) {
			e.selectField(i)
			e.showFieldError(err)
			if en := e.numbers[strings.TrimPrefix(ke.Field[end+1:], ".")]; en != nil {
				e.s.win.Canvas().Focus(en)
			}
			return
		}
	}
	e.pageForm.show(err)
}

func (e *templateEditor) saveTemplate() {
	if e.form == nil || roleLocked[e.save] {
		return
	}
	t, data, err := e.validated()
	if err == nil {
		err = e.s.svc.SaveTemplate(e.form.Code, data)
	}
	if err != nil {
		e.showInvalid(err)
		return
	}
	e.tpl, e.stored, e.dirty = cloneTemplate(t), true, false
	e.fill()
	e.s.templateSaved(e.form.Code)
}

// resetToDefault deletes the office's template, after asking.
func (e *templateEditor) resetToDefault() {
	if e.form == nil || roleLocked[e.save] {
		return
	}
	form := e.form
	askConfirm(e.s.win, lang.L("Reset to default"),
		lang.L("Print {{.Form}} with the default template again? The office's own template is deleted.", map[string]any{"Form": form.Code}),
		lang.L("Reset"), widget.DangerImportance, func() {
			if err := e.s.svc.DeleteTemplate(form.Code); err != nil && khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND {
				showError(err, e.s.win)
				return
			}
			e.tpl, e.stored, e.dirty = certificates.DefaultTemplateFor(form), false, false
			e.selectField(-1)
			e.fill()
			e.s.templateSaved(form.Code)
		}, nil)
}

// exportJSON writes the template as the JSON offices share.
func (e *templateEditor) exportJSON() {
	t, _, err := e.validated()
	if err != nil {
		e.showInvalid(err)
		return
	}
	code := ""
	if e.form != nil {
		code = e.form.Code
	}
	e.s.files.save(e.s.win, fileName(lang.L("template"), code)+".json", []string{".json"}, func(path string) {
		if path == "" {
			return
		}
		if err := atomicfile.Write(path, t.Export); err != nil {
			showError(err, e.s.win)
			return
		}
		e.status.SetText(lang.L("Exported to {{.Path}}.", map[string]any{"Path": path}))
	})
}

// importJSON reads a shared template into the editor; saving stores it.
func (e *templateEditor) importJSON() {
	e.s.files.open(e.s.win, []string{".json"}, func(path string) {
		if path == "" {
			return
		}
		t, err := readTemplateFile(path)
		if err != nil {
			showError(err, e.s.win)
			return
		}
		e.tpl, e.dirty = t, true
		e.selectField(-1)
		e.fill()
		e.changed()
	})
}

func readTemplateFile(path string) (certificates.Template, error) {
	f, err := os.Open(path)
	if err != nil {
		return certificates.Template{}, khenthuong.Errorf(khenthuong.EINVALID, "%s", lang.L("Cannot read {{.Path}}: {{.Error}}", map[string]any{"Path": path, "Error": err}))
	}
	defer f.Close()
	return certificates.ReadTemplate(io.Reader(f))
}

// close goes back to the print options, asking first about unsaved changes.
func (e *templateEditor) close() {
	if e.dirty {
		e.askDiscard(func() { e.s.closeEditor() }, nil)
		return
	}
	e.s.closeEditor()
}

// templateFor is the template a form prints with: the office's own (stored
// is true) or the default for the form.
func templateFor(svc khenthuong.PrintService, form *khenthuong.AwardForm) (certificates.Template, bool, error) {
	data, err := svc.Template(form.Code)
	switch {
	case khenthuong.ErrorCode(err) == khenthuong.ENOTFOUND:
		return certificates.DefaultTemplateFor(form), false, nil
	case err != nil:
		return certificates.DefaultTemplateFor(form), false, err
	}
	t, err := certificates.ParseTemplate(data)
	if err != nil {
		return certificates.DefaultTemplateFor(form), false, err
	}
	return t, true, nil
}

// fieldListLabel names a field in the editor's list; a field that the mode
// does not print says so.
func fieldListLabel(f *certificates.Field, mode certificates.Mode) string {
	l := certFieldLabel(f.Key)
	if f.Key == certificates.KeyFree && f.Text != "" {
		l += ": " + f.Text
	}
	if !fieldShown(f, mode) {
		l += " " + lang.L("(not on blanks)")
	}
	return l
}

// certFieldLabel is the name of a field key in the language of the screens.
func certFieldLabel(key string) string {
	switch key {
	case certificates.KeyEmblem:
		return lang.L("National emblem")
	case certificates.KeyQuocHieu:
		return lang.L("National name")
	case certificates.KeyTieuNgu:
		return lang.L("Motto")
	case certificates.KeyIssuer:
		return lang.L("Awarding authority")
	case certificates.KeyTang:
		return lang.L("The word “TẶNG”")
	case certificates.KeyTitle:
		return lang.L("Award title")
	case certificates.KeyName:
		return lang.L("Honorific and name")
	case certificates.KeyPositionUnit:
		return lang.L("Position and unit")
	case certificates.KeyAchievement:
		return lang.L("Achievement")
	case certificates.KeyDecisionLine:
		return lang.L("Decision line")
	case certificates.KeyRegistryLine:
		return lang.L("Registry number line")
	case certificates.KeyPlaceDate:
		return lang.L("Place and date")
	case certificates.KeySignerTitle:
		return lang.L("Signer's title")
	case certificates.KeySignerName:
		return lang.L("Signer's name")
	case certificates.KeyFree:
		return lang.L("Free text")
	}
	return key
}
