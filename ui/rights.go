package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// On an office server the login's role decides what it may change, and the
// server itself refuses the rest (see khenthuong.AccessService). The window
// says who is working and what is left to the lãnh đạo in the status bar, and
// each screen greys out what a chuyên viên may not do with a sentence saying
// why (roleNote): issuing and amending decisions and entering old ones, the
// catalogue and its registry series, the office settings and wordings, the
// certificate templates and printer profiles.

// roleLocked holds the controls the login's role may not use: setEnabled
// keeps them disabled whatever the selection allows. Touched on the UI
// goroutine only.
var roleLocked = map[fyne.Disableable]bool{}

// applyRights shows the identity of an office-server login in the status
// bar; a data file changes nothing.
func (m *MainWindow) applyRights(svc khenthuong.Services, place string) {
	acc, ok := svc.(khenthuong.AccessService)
	if !ok {
		return
	}
	id := acc.Identity()
	if id.Local {
		return
	}
	text := lang.L("{{.Place}} — signed in as {{.Login}} ({{.Role}})",
		map[string]any{"Place": place, "Login": id.Login, "Role": id.Role.Label()})
	if !id.Can(khenthuong.RightIssueDecisions) {
		text += " · " + lang.L("issuing and amending decisions, the catalogue and the settings are for the head of the office")
	}
	m.status.SetText(text)
}

// roleNote greys out, for good, the controls whose changes the login's role
// may not make (setEnabled keeps them so) and returns the sentence saying
// why, to show beside them: hidden when the role may.
func roleNote(svc khenthuong.AccessService, r khenthuong.Right, controls ...fyne.Disableable) *widget.Label {
	note := widget.NewLabel("")
	note.Importance = widget.WarningImportance
	note.TextStyle.Italic = true
	note.Hide()
	if svc.Identity().Can(r) {
		return note
	}
	for _, c := range controls {
		roleLocked[c] = true
		c.Disable()
	}
	note.SetText(rightReason(r))
	note.Show()
	return note
}

// rightReason says who may make the changes a right allows.
func rightReason(r khenthuong.Right) string {
	switch r {
	case khenthuong.RightEditCatalogue:
		return lang.L("Only the head of the office may change the catalogue")
	case khenthuong.RightEditSettings:
		return lang.L("Only the head of the office may change the settings, templates and printer profiles")
	case khenthuong.RightIssueDecisions:
		return lang.L("Only the head of the office may issue and amend decisions")
	}
	return lang.L("Only the head of the office may make this change")
}
