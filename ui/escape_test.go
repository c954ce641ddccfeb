package ui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

// pressKey sends a key as the desktop driver does: to the widget that has
// the focus, or to the window when none has.
func pressKey(c fyne.Canvas, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// escapeCloses presses Escape and fails unless no dialog is left open.
func escapeCloses(t *testing.T, m *MainWindow, what string) {
	t.Helper()
	pressKey(m.win.Canvas(), fyne.KeyEscape)
	waitAll(m)
	if m.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape left %s open", what)
	}
}

func countNominations(t *testing.T, f *fakeServices, c khenthuong.Campaign) int {
	t.Helper()
	ns, err := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	return len(ns)
}

func TestEscapeCancelsDialogs(t *testing.T) {
	t.Run("FormWhileTypingInAField", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		cv := m.win.Canvas()
		s.newItem()
		e := s.editor
		if e == nil || cv.Focused() == nil {
			t.Fatal("no editor, or no field with the focus")
		}
		test.Type(e.name, "Trần Văn Cường")
		escapeCloses(t, m, "the editor")
		if got := countNominations(t, f, c); got != 6 {
			t.Errorf("Escape saved the nomination: %d nominations", got)
		}
	})

	// A select keeps the focus once chosen in, as does a title picked from
	// its suggestions.
	for name, field := range map[string]func(e *nominationEditor) fyne.Focusable{
		"FormAfterChoosingInASelect": func(e *nominationEditor) fyne.Focusable { return e.award },
		"FormInATextWithSuggestions": func(e *nominationEditor) fyne.Focusable { return e.title },
	} {
		t.Run(name, func(t *testing.T) {
			_, m, s, _ := openNominations(t)
			s.newItem()
			m.win.Canvas().Focus(field(s.editor))
			escapeCloses(t, m, "the editor")
		})
	}

	t.Run("FormAfterTickingABox", func(t *testing.T) {
		_, m, _, _ := openNominations(t)
		cv := m.win.Canvas()
		showPage(t, m, pageCatalogue)
		m.catalogue.newItem()
		e := m.catalogue.editor
		test.Tap(e.kinds[0]) // a tick takes the focus
		if cv.Focused() == nil {
			t.Fatal("the box did not take the focus")
		}
		escapeCloses(t, m, "the editor (from a tick box)")
	})

	t.Run("FormWithNothingFocused", func(t *testing.T) {
		f, m, _, _ := openNominations(t)
		cv := m.win.Canvas()
		showPage(t, m, pageCampaigns)
		m.campaigns.newItem()
		test.Type(m.campaigns.editor.name, "Thi đua 2025")
		cv.Unfocus()
		escapeCloses(t, m, "the campaign editor")
		if cs, _ := f.Campaigns(); len(cs) != 1 {
			t.Errorf("Escape saved the campaign: %d campaigns", len(cs))
		}
	})

	t.Run("ConfirmationIsNotConfirmed", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		cv := m.win.Canvas()
		tapCell(t, s.table, 1, colName)
		s.deleteSelected()
		overlayButton(t, cv, "Xóa")
		overlayButton(t, cv, "Hủy") // not Fyne's "Không"
		escapeCloses(t, m, "the confirmation")
		if got := countNominations(t, f, c); got != 6 {
			t.Errorf("Escape deleted: %d nominations", got)
		}
	})

	t.Run("RejectionKeepsTheStatus", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		s.markRows(1)
		test.Tap(s.review.rejectButton)
		if s.review.rejecter == nil {
			t.Fatal("no rejection dialog")
		}
		test.Type(s.review.rejecter.reason, "Chưa đủ thời gian")
		escapeCloses(t, m, "the rejection")
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID, Status: khenthuong.StatusRejected})
		if len(ns) != 0 {
			t.Errorf("Escape rejected %d nominations", len(ns))
		}
	})

	t.Run("OnlyTheTopDialog", func(t *testing.T) {
		_, m, s, _ := openNominations(t)
		cv := m.win.Canvas()
		s.newItem()
		showError(errors.New("x"), m.win)
		if n := len(cv.Overlays().List()); n != 2 {
			t.Fatalf("%d dialogs open, want the editor and the error", n)
		}
		pressKey(cv, fyne.KeyEscape)
		if s.editor == nil || len(cv.Overlays().List()) != 1 {
			t.Fatal("Escape on the error closed the editor too, or not the error")
		}
		pressKey(cv, fyne.KeyEscape)
		if s.editor != nil || cv.Overlays().Top() != nil {
			t.Fatal("a second Escape left the editor open")
		}
	})

	t.Run("FileDialogChoosesNothing", func(t *testing.T) {
		_, m, _, _ := openNominations(t)
		chosen := false
		saveFileDialog(m.win, "danh-sach.xlsx", []string{".xlsx"}, func(string) { chosen = true })
		m.win.Canvas().Unfocus() // Fyne's own name box keeps Escape; anywhere else it cancels
		escapeCloses(t, m, "the file dialog")
		if chosen {
			t.Error("Escape chose a file")
		}
	})

	t.Run("IssueIsNotConfirmed", func(t *testing.T) {
		f, m, s, c := openDecisions(t)
		cv := m.win.Canvas()
		d := khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"),
			SignerTitle: "CHỦ TỊCH", SignerName: "Hoàng Nam", SubmissionNo: "312/TTr-SNV",
			SubmissionDate: khenthuong.MustDate("2025-10-10"), Achievement: "đã có thành tích xuất sắc"}
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID, FormCode: "BKCT"})
		if err := f.CreateDecision(&d, []uint64{ns[0].ID}); err != nil {
			t.Fatal(err)
		}
		s.wrote(d.ID)
		waitAll(m)
		test.Tap(s.issueButton)
		overlayButton(t, cv, "Ban hành")
		escapeCloses(t, m, "the confirmation")
		if got, _ := f.Decision(d.ID); got.Status == khenthuong.DecisionIssued {
			t.Error("Escape issued the decision")
		}
	})
}

// Every button of the application's dialogs is Vietnamese: Fyne's own
// information and error dialogs said "OK".
func TestDialogButtonsAreVietnamese(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(w fyne.Window)
	}{
		{"Error", func(w fyne.Window) { showError(khenthuong.Errorf(khenthuong.EINVALID, "Sai"), w) }},
		{"InternalError", func(w fyne.Window) { showError(errors.New("disk"), w) }},
		{"Information", func(w fyne.Window) { showInfo("Ngôn ngữ", "Khởi động lại", w) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, m, _, _ := openNominations(t)
			cv := m.win.Canvas()
			tc.open(m.win)
			overlayButton(t, cv, "Đóng")
			escapeCloses(t, m, "it")
		})
	}
}

// Every dialog goes through showDialog (Escape) and the helpers of
// dialogs.go (Vietnamese buttons): Fyne's Show* functions would bypass both.
func TestNoDialogBypassesTheHelpers(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fyneShow := regexp.MustCompile(`dialog\.Show[A-Z]\w*\(`)
	fyneButtons := regexp.MustCompile(`dialog\.New(Information|Error|Confirm)\(`)
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if m := fyneShow.Find(data); m != nil {
			t.Errorf("%s calls %s: use showDialog, showInfo, showError or askConfirm", name, m)
		}
		if m := fyneButtons.Find(data); m != nil && name != "dialogs.go" {
			t.Errorf("%s calls %s: its buttons say OK, Có, Không; use showInfo, showError or askConfirm", name, m)
		}
	}
}
