package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// "Chuyển sang đợt…" on Đề nghị: the marked nominations go to another
// campaign, at the end of its list. The service refuses (and moves nothing)
// when one is in a decision; the refusal says which.

// addMoveButton puts the move action beside the review actions.
func (s *nominationsScreen) addMoveButton() {
	r := s.review
	r.moveButton = widget.NewButtonWithIcon(lang.L("Move to campaign…"), theme.MailForwardIcon(), s.askMove)
	at := slices.Index(r.bar.Objects, fyne.CanvasObject(r.resubmitButton)) + 1
	r.bar.Objects = slices.Insert(r.bar.Objects, at, fyne.CanvasObject(r.moveButton))
	r.bar.Refresh()
}

// askMove asks which campaign the marked nominations go to.
func (s *nominationsScreen) askMove() {
	ns := s.marked()
	if len(ns) == 0 {
		return
	}
	var others []khenthuong.Campaign
	for _, c := range s.campaigns {
		if c.ID != s.campaignID {
			others = append(others, c)
		}
	}
	if len(others) == 0 {
		showInfo(lang.L("Move to campaign"),
			lang.L("There is no other campaign to move them to: create it on Campaigns first."), s.win)
		return
	}
	ids := make([]uint64, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	target := newChoice(campaignNames(others), nil)
	target.PlaceHolder = lang.L("(choose a campaign)")
	intro := widget.NewLabel(lang.L("Move {{.Count}} nominations from “{{.From}}” to the end of the list of:",
		map[string]any{"Count": formatCount(len(ns)), "From": s.campaignName(s.campaignID)}))
	intro.Wrapping = fyne.TextWrapWord
	problem := newErrorLabel()
	dlg := dialog.NewCustomWithoutButtons(lang.L("Move to campaign"), container.NewVBox(intro, target, problem), s.win)
	move := widget.NewButton(lang.L("Move"), func() {
		i := target.SelectedIndex()
		if i < 0 {
			return
		}
		if err := s.svc.MoveNominations(ids, others[i].ID); err != nil {
			logInternal(err)
			problem.SetText(khenthuong.ErrorMessage(err))
			problem.Show()
			return
		}
		dlg.Hide()
		clear(s.review.marked)
		s.wrote()
		s.reload()
	})
	move.Importance = widget.HighImportance
	move.Disable()
	target.OnChanged = func(string) { setEnabled(move, target.SelectedIndex() >= 0); problem.Hide() }
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), dlg.Hide), move})
	dlg.Resize(fitWindow(s.win, fyne.NewSize(560, 260)))
	showDialog(s.win, dlg, nil)
	s.review.mover = dlg
}
