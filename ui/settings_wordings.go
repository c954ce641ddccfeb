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
// legal bases (laws change), the proposal line, the three articles, Nơi
// nhận and the default achievement, with placeholders the decision fills.
type wordingFields struct {
	legalBases, proposal, article1, article2, article3, recipients, achievement *widget.Entry
	defaults                                                                    *widget.Button
}

func newWordingFields() *wordingFields {
	multi := func(rows int) *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(rows)
		return e
	}
	w := &wordingFields{legalBases: multi(5), proposal: multi(2), article1: multi(3), article2: multi(3),
		article3: multi(3), recipients: multi(3), achievement: widget.NewEntry()}
	w.defaults = widget.NewButtonWithIcon(lang.L("Use the default wordings"), theme.ContentUndoIcon(),
		func() { w.set(khenthuong.DefaultDocumentTexts()) })
	return w
}

// add puts the wordings in a column of their own, beside the office's facts.
func (w *wordingFields) add(f *fieldForm) {
	f.newColumn()
	help := widget.NewLabel(lang.L("Wordings of the decisions. Between braces, what each decision fills in:") +
		" {" + strings.Join(khenthuong.Placeholders, "}, {") + "}.")
	help.Wrapping = fyne.TextWrapWord
	help.TextStyle.Italic = true
	f.add("texts", lang.L("Decision wordings"), container.NewVBox(help, container.NewHBox(w.defaults)))
	f.add("texts_legal_bases", lang.L("Legal bases (one per line)"), w.legalBases)
	f.add("texts_proposal", lang.L("Proposal"), w.proposal)
	f.add("texts_article1", lang.L("Article 1"), w.article1)
	f.add("texts_article2", lang.L("Article 2"), w.article2)
	f.add("texts_article3", lang.L("Article 3"), w.article3)
	f.add("texts_recipients", lang.L("Recipients (one per line)"), w.recipients)
	f.add("texts_achievement", lang.L("Achievement when the decision gives none"), w.achievement)
}

func (w *wordingFields) set(t khenthuong.DocumentTexts) {
	t = t.OrDefault()
	w.legalBases.SetText(strings.Join(t.LegalBases, "\n"))
	w.proposal.SetText(t.Proposal)
	w.article1.SetText(t.Article1)
	w.article2.SetText(t.Article2)
	w.article3.SetText(t.Article3)
	w.recipients.SetText(strings.Join(t.Recipients, "\n"))
	w.achievement.SetText(t.Achievement)
}

// value reads the wordings; the ";" "." endings of bases and Nơi nhận are
// the printer's business, so whatever the clerk typed at the line ends stays.
func (w *wordingFields) value() khenthuong.DocumentTexts {
	return khenthuong.DocumentTexts{
		LegalBases:  strings.Split(w.legalBases.Text, "\n"),
		Proposal:    w.proposal.Text,
		Article1:    w.article1.Text,
		Article2:    w.article2.Text,
		Article3:    w.article3.Text,
		Recipients:  strings.Split(w.recipients.Text, "\n"),
		Achievement: w.achievement.Text,
	}
}
