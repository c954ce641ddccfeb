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

// wordingFields edit the wordings of the decisions the office prints: the
// legal bases with the period each is in force (laws change; a decision
// cites those of its date), the proposal line, the three articles, Nơi
// nhận and the default achievement, with Vietnamese placeholders the
// decision fills, inserted from a list where the cursor was.
type wordingFields struct {
	bases                                                           *basisRows
	proposal, article1, article2, article3, recipients, achievement *wordingEntry
	insert                                                          *widget.Select
	defaults                                                        *widget.Button
	last                                                            *wordingEntry // where a placeholder goes
}

// wordingEntry is a wording's box; it tells the fields it has the focus, so
// that a placeholder chosen from the list goes where the clerk was typing.
type wordingEntry struct {
	widget.Entry
	focused func(*wordingEntry)
}

func (e *wordingEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.focused != nil {
		e.focused(e)
	}
}

// wordingRows is the height of a wording's box for its text: every line
// shows without scrolling at the width the wordings' column gets in a
// window of 1280 pixels (about 38 characters a row), with a row to spare.
func wordingRows(text string, least int) int {
	rows := 0
	for _, l := range strings.Split(text, "\n") {
		rows += 1 + len([]rune(l))/wordingRowChars
	}
	return max(least, rows+1)
}

// wordingRowChars is how many characters a row of a wording's box holds.
const wordingRowChars = 38

func newWordingFields() *wordingFields {
	w := &wordingFields{}
	multi := func(single bool) *wordingEntry {
		e := &wordingEntry{focused: func(e *wordingEntry) { w.last = e }}
		e.MultiLine = !single
		e.Wrapping = fyne.TextWrapWord
		e.ExtendBaseWidget(e)
		return e
	}
	w.proposal, w.article1, w.article2, w.article3 = multi(false), multi(false), multi(false), multi(false)
	w.recipients, w.achievement = multi(false), multi(false)
	w.bases = &basisRows{box: container.NewVBox(), newEntry: func() *wordingEntry { return multi(false) }, onChange: func() {}}
	// The list shows the names only (its width is its longest item); what
	// each is filled with is in the help above it.
	labels := make([]string, len(khenthuong.DecisionPlaceholders))
	for i, p := range khenthuong.DecisionPlaceholders {
		labels[i] = "{" + p.Name + "}"
	}
	w.insert = widget.NewSelect(labels, nil)
	w.insert.PlaceHolder = lang.L("Insert a blank the decision fills…")
	w.insert.OnChanged = func(string) {
		i := w.insert.SelectedIndex()
		if i < 0 {
			return
		}
		w.insertPlaceholder(khenthuong.DecisionPlaceholders[i].Name)
		w.insert.ClearSelected()
	}
	w.defaults = widget.NewButtonWithIcon(lang.L("Use the default wordings"), theme.ContentUndoIcon(),
		func() { w.set(khenthuong.DefaultDocumentTexts()) })
	return w
}

// insertPlaceholder types "{name}" where the cursor of the last wording box
// was (the Điều 1 box when none had the focus yet).
func (w *wordingFields) insertPlaceholder(name string) {
	e := w.last
	if e == nil {
		e = w.article1
	}
	for _, r := range "{" + name + "}" {
		e.TypedRune(r)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// add puts the wordings in a column of their own, beside the office's facts.
func (w *wordingFields) add(f *fieldForm) {
	f.newColumn()
	var what []string
	for _, p := range khenthuong.DecisionPlaceholders {
		what = append(what, "{"+p.Name+"}: "+p.Help)
	}
	help := widget.NewLabel(lang.L("Wordings of the decisions. Between braces, what each decision fills in; choose one from the list to insert it where the cursor is.") +
		"\n" + strings.Join(what, "; ") + ".")
	help.Wrapping = fyne.TextWrapWord
	w.bases.onChange = f.refresh // rows added or removed: the form lays out again
	f.add("texts", lang.L("Decision wordings"), container.NewVBox(help, w.insert, container.NewHBox(w.defaults)))
	f.add("texts_legal_bases", lang.L("Legal bases"), w.bases.content())
	f.add("texts_proposal", lang.L("Proposal"), w.proposal)
	f.add("texts_article1", lang.L("Article 1"), w.article1)
	f.add("texts_article2", lang.L("Article 2"), w.article2)
	f.add("texts_article3", lang.L("Article 3"), w.article3)
	f.add("texts_recipients", lang.L("Recipients (one per line)"), w.recipients)
	f.add("texts_achievement", lang.L("Achievement when the decision gives none"), w.achievement)
}

func (w *wordingFields) set(t khenthuong.DocumentTexts) {
	t = t.OrDefault()
	w.bases.set(t.LegalBases)
	for _, b := range []struct {
		e     *wordingEntry
		text  string
		least int
	}{
		{w.proposal, t.Proposal, 2}, {w.article1, t.Article1, 3}, {w.article2, t.Article2, 3},
		{w.article3, t.Article3, 3}, {w.recipients, strings.Join(t.Recipients, "\n"), 3}, {w.achievement, t.Achievement, 2},
	} {
		b.e.SetText(b.text)
		b.e.SetMinRowsVisible(wordingRows(b.text, b.least))
	}
}

// value reads the wordings; the ";" "." endings of bases and Nơi nhận are
// the printer's business, so whatever the clerk typed at the line ends
// stays. A period's date that cannot be read is an error on the bases.
func (w *wordingFields) value() (khenthuong.DocumentTexts, error) {
	bases, err := w.bases.value()
	return khenthuong.DocumentTexts{
		LegalBases:  bases,
		Proposal:    w.proposal.Text,
		Article1:    w.article1.Text,
		Article2:    w.article2.Text,
		Article3:    w.article3.Text,
		Recipients:  strings.Split(w.recipients.Text, "\n"),
		Achievement: w.achievement.Text,
	}, err
}

// basisRows edit the legal bases: the text of each, and from when to when
// it is in force (empty: since ever, still in force).
type basisRows struct {
	box      *fyne.Container
	rows     []*basisRow
	newEntry func() *wordingEntry
	onChange func()
}

type basisRow struct {
	text     *wordingEntry
	from, to *textEntry
	line     fyne.CanvasObject
}

func (t *basisRows) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("Add a legal basis"), theme.ContentAddIcon(), func() { t.add(khenthuong.LegalBasis{}) })
	note := widget.NewLabel(lang.L("A decision cites the bases in force on its date."))
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(note, t.box, container.NewHBox(add))
}

func (t *basisRows) set(bases []khenthuong.LegalBasis) {
	t.rows = nil
	t.box.RemoveAll()
	for _, b := range bases {
		t.add(b)
	}
}

func (t *basisRows) add(b khenthuong.LegalBasis) {
	r := &basisRow{text: t.newEntry(), from: newDateEntry(b.From), to: newDateEntry(b.To)}
	r.text.SetText(b.Text)
	r.text.SetMinRowsVisible(wordingRows(b.Text, 2))
	r.text.SetPlaceHolder(lang.L("Căn cứ …"))
	r.from.SetPlaceHolder(lang.L("in force from"))
	r.to.SetPlaceHolder(lang.L("until (empty: still)"))
	period := container.NewHBox(fixedWidth(r.from, 100), widget.NewLabel("–"), fixedWidth(r.to, 100))
	r.line = addRemovableRow(&t.rows, t.box, r, func(remove *widget.Button) fyne.CanvasObject {
		return container.NewBorder(nil, container.NewBorder(nil, nil, period, remove), nil, nil, r.text)
	}, t.onChange)
}

// value drops rows left empty; a date that does not read is an error.
func (t *basisRows) value() ([]khenthuong.LegalBasis, error) {
	var out []khenthuong.LegalBasis
	for _, r := range t.rows {
		if strings.TrimSpace(r.text.Text+r.from.Text+r.to.Text) == "" {
			continue
		}
		b := khenthuong.LegalBasis{Text: r.text.Text}
		var err error
		if b.From, err = parseDate("texts_legal_bases", r.from.Text); err != nil {
			return out, err
		}
		if b.To, err = parseDate("texts_legal_bases", r.to.Text); err != nil {
			return out, err
		}
		out = append(out, b)
	}
	return out, nil
}
