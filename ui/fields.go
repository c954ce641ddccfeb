package ui

import (
	"errors"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/vntext"
)

// fieldForm lays out labelled fields and shows a validation message right
// under the field that a *khenthuong.Error names (Error.Field), so the clerk
// sees what to fix where they typed it. An error naming no known field, or a
// failure that is not about the input (conflict, internal), shows at the top.
type fieldForm struct {
	grids   []*fyne.Container // one per column; add fills the last
	general *widget.Label
	rows    map[string]*formRow
	box     *fyne.Container
	scroll  *container.Scroll

	// recheck, when set, checks the input again without saving (the form's
	// own checks, not the service): messages it no longer gives go away as
	// the clerk fixes their fields.
	recheck func() error
}

type formRow struct {
	label *widget.Label
	err   *widget.Label
	box   *fyne.Container // the input over its message
}

func newFieldForm() *fieldForm {
	f := &fieldForm{general: newErrorLabel(), rows: map[string]*formRow{}}
	f.newColumn()
	return f
}

// newColumn starts a second (third...) column of fields beside the first,
// so a long form fits a dialog without scrolling.
func (f *fieldForm) newColumn() {
	f.grids = append(f.grids, container.New(layout.NewFormLayout()))
}

func newErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// add appends a row; field is the name the domain uses in Error.Field.
// Typing in the input (or choosing in it) takes its message away once the
// field is right again (see edited).
func (f *fieldForm) add(field, label string, input fyne.CanvasObject) {
	r := &formRow{label: widget.NewLabel(label), err: newErrorLabel()}
	r.box = container.NewVBox(input, r.err)
	f.rows[field] = r
	grid := f.grids[len(f.grids)-1]
	grid.Add(r.label)
	grid.Add(r.box)
	onEdit(input, func() { f.edited(field) })
	localizeSelects(input) // a select made with widget.NewSelect says "(chọn)", not "(Select one)"
}

// onEdit chains changed after the input's own OnChanged, for the inputs forms use.
func onEdit(input fyne.CanvasObject, changed func()) {
	switch w := input.(type) {
	case *textEntry:
		w.OnChanged = chain(w.OnChanged, changed)
	case *widget.Entry:
		w.OnChanged = chain(w.OnChanged, changed)
	case *widget.SelectEntry:
		w.OnChanged = chain(w.OnChanged, changed)
	case *choiceEntry:
		w.OnChanged = chain(w.OnChanged, changed)
	case *widget.Select:
		w.OnChanged = chain(w.OnChanged, changed)
	case *choiceSelect:
		w.OnChanged = chain(w.OnChanged, changed)
	case *widget.RadioGroup:
		w.OnChanged = chain(w.OnChanged, changed)
	case *widget.Check:
		w.OnChanged = chain(w.OnChanged, changed)
	case *checkBox:
		w.OnChanged = chain(w.OnChanged, changed)
	}
}

// chain calls old (if any), then changed.
func chain[T any](old func(T), changed func()) func(T) {
	return func(v T) {
		if old != nil {
			old(v)
		}
		changed()
	}
}

// edited is told that the clerk changed field. With a recheck, every message
// whose field is right now goes away (and no new one appears before the next
// save); without one, the edited field's own message goes.
func (f *fieldForm) edited(field string) {
	if !f.showing() {
		return
	}
	still := map[string]bool{}
	if f.recheck != nil {
		for _, err := range splitErrors(f.recheck()) {
			var e *khenthuong.Error
			if errors.As(err, &e) && e.Code == khenthuong.EINVALID {
				still[e.Field] = true
			}
		}
	} else {
		for name := range f.rows {
			still[name] = name != field
		}
	}
	changed := false
	for name, r := range f.rows {
		if r.err.Visible() && !still[name] {
			r.err.Hide()
			changed = true
		}
	}
	if changed {
		f.refresh()
	}
}

// showing reports whether a message is shown beside a field.
func (f *fieldForm) showing() bool {
	for _, r := range f.rows {
		if r.err.Visible() {
			return true
		}
	}
	return false
}

// content is the form with its general message on top.
func (f *fieldForm) content() fyne.CanvasObject {
	if f.box == nil {
		cols := make([]fyne.CanvasObject, len(f.grids))
		for i, g := range f.grids {
			cols[i] = container.NewVBox(g) // top-aligned when the columns differ in height
		}
		// Columns side by side when the dialog or screen is wide enough, else
		// one under the other: never wider than the widest column.
		f.box = container.NewVBox(f.general, container.New(&columnsLayout{}, cols...))
	}
	return f.box
}

// scrolled is content in a vertical scroll, for forms that may outgrow the window.
func (f *fieldForm) scrolled() *container.Scroll {
	if f.scroll == nil {
		f.scroll = container.NewVScroll(f.content())
	}
	return f.scroll
}

// refresh lays the form out again after rows or messages appeared or went
// away: a container does not re-lay its parents when its size changes.
func (f *fieldForm) refresh() {
	for _, g := range f.grids {
		g.Refresh()
	}
	switch {
	case f.scroll != nil:
		f.scroll.Refresh()
	case f.box != nil:
		f.box.Refresh()
	}
}

// setVisible shows or hides a whole row (fields that do not apply to a kind).
func (f *fieldForm) setVisible(field string, visible bool) {
	r := f.rows[field]
	if r == nil {
		return
	}
	if visible {
		r.label.Show()
		r.box.Show()
	} else {
		r.label.Hide()
		r.box.Hide()
	}
	f.refresh()
}

// setLabel renames a row (the name row reads "Họ và tên" or "Tên tập thể").
func (f *fieldForm) setLabel(field, label string) {
	if r := f.rows[field]; r != nil {
		r.label.SetText(label)
	}
}

func (f *fieldForm) clear() {
	f.general.Hide()
	for _, r := range f.rows {
		r.err.Hide()
	}
	f.refresh()
}

// show displays err next to its field, or on top; it clears earlier
// messages. An error joining several (errors.Join) shows each beside its
// field at once, so one save tells everything there is to fix.
func (f *fieldForm) show(err error) {
	f.clear()
	if err == nil {
		return
	}
	var general []string
	for _, one := range splitErrors(err) {
		logInternal(one)
		msg := khenthuong.ErrorMessage(one)
		var e *khenthuong.Error
		if errors.As(one, &e) && (e.Code == khenthuong.EINVALID || e.Code == khenthuong.ECONFLICT) {
			if r := f.rows[e.Field]; r != nil && r.box.Visible() { // a clash about one field goes beside it too
				if !r.err.Visible() { // the first message of a field is the one to fix first
					r.err.SetText(msg)
					r.err.Show()
				}
				continue
			}
		}
		general = append(general, msg)
	}
	if len(general) > 0 {
		f.general.SetText(strings.Join(general, "\n"))
		f.general.Show()
	}
	f.refresh()
	if f.scroll != nil && len(general) > 0 {
		f.scroll.ScrollToTop()
	}
}

// splitErrors lists the errors joined in err (errors.Join), or err alone.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	return []error{err}
}

// errorText is the message shown for field ("" for the general one), or "" when none is.
func (f *fieldForm) errorText(field string) string {
	l := f.general
	if field != "" {
		r := f.rows[field]
		if r == nil {
			return ""
		}
		l = r.err
	}
	if !l.Visible() {
		return ""
	}
	return l.Text
}

// newDateEntry is an entry for a date typed as clerks write it: 05/01/2025 (or a year).
func newDateEntry(d khenthuong.Date) *textEntry {
	e := newTextEntry()
	e.SetPlaceHolder(lang.L("dd/mm/yyyy"))
	e.SetText(d.Display())
	return e
}

// parseDate reads a date entry; the error names field.
func parseDate(field, text string) (khenthuong.Date, error) {
	d, err := khenthuong.ParseDate(text)
	if err != nil {
		return d, withField(field, err)
	}
	return d, nil
}

// parseAmount reads an amount in đồng as clerks type it: "2.340.000",
// "2 340 000" or "2340000". Thousands separators are dropped, so a decimal
// comma is refused rather than misread.
func parseAmount(field, s string) (int64, error) {
	clean := strings.Map(func(r rune) rune {
		if r == '.' || r == ' ' || r == '\u00a0' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	n, err := strconv.ParseInt(clean, 10, 64)
	if err != nil || n < 0 {
		return 0, khenthuong.FieldErrorf(field, "%s", lang.L("“{{.Text}}” is not an amount in đồng (e.g. 2.340.000)", map[string]any{"Text": s}))
	}
	return n, nil
}

// parseDecimal reads a coefficient such as "1,5" (Vietnamese decimal comma) or
// "1.5"; empty means 0.
func parseDecimal(field, s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil {
		return 0, khenthuong.FieldErrorf(field, "%s", lang.L("“{{.Text}}” is not a number (e.g. 1,5)", map[string]any{"Text": s}))
	}
	return f, nil
}

// formatDecimal writes a coefficient with a decimal comma: 1,5; 0 is left empty.
func formatDecimal(f float64) string {
	if f == 0 {
		return ""
	}
	return vntext.FormatDecimal(f, 4)
}

// formatCount writes a count with thousands dots: 100.000.
func formatCount(n int) string { return vntext.FormatNumber(int64(n)) }

// removeButtonSpace keeps a header free above the rows' remove buttons, so
// the columns line up.
func removeButtonSpace() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), nil).MinSize())
	return r
}

func boldLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}
