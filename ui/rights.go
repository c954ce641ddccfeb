package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// On an office server the login's role decides what it may change, and the
// server itself refuses the rest (see khenthuong.AccessService). The window
// says who is working and what is left to the lãnh đạo, and greys out what a
// chuyên viên may not do: issuing and amending decisions, saving the office
// settings. Other refused changes (the catalogue) come back from the server
// with the same words.

// roleLocked holds the controls the login's role may not use: setEnabled
// keeps them disabled whatever the selection allows. Touched on the UI
// goroutine only.
var roleLocked = map[fyne.Disableable]bool{}

// applyRights shows the identity of an office-server login in the status bar
// and locks what its role may not change; a data file changes nothing.
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
	if !id.Can(khenthuong.RightEditSettings) {
		m.settings.save.Disable()
		m.settings.undo.Disable()
	}
	if !id.Can(khenthuong.RightIssueDecisions) {
		for _, b := range []*widget.Button{m.decisions.issueButton, m.decisions.amendButton} {
			roleLocked[b] = true
			b.Disable()
		}
	}
}
