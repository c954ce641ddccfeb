package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"khenthuong"
)

func TestMainWindow(t *testing.T) {
	t.Run("TitleNamesTheDataFile", func(t *testing.T) {
		m := newTestUI(t, newFake())
		if got, want := m.Window().Title(), "Khen thưởng — khenthuong.db"; got != want {
			t.Errorf("title %q, want %q", got, want)
		}
		if m.status.Text != "/home/clerk/khenthuong.db" {
			t.Errorf("status bar %q", m.status.Text)
		}
	})

	t.Run("RailShowsEveryScreen", func(t *testing.T) {
		m := newTestUI(t, newFake())
		want := []string{"Tổng quan", "Đợt khen thưởng", "Đề nghị", "Quyết định", "In ấn", "Tra cứu", "Danh mục", "Cài đặt"}
		for p, label := range want {
			if m.rail[p].Text != label {
				t.Errorf("rail item %d is %q, want %q", p, m.rail[p].Text, label)
			}
		}
		for p := range numPages {
			showPage(t, m, p)
			if got := m.stack.Objects; len(got) != 1 || got[0] != m.screens[p].content() {
				t.Errorf("page %q: stack does not show its screen", want[p])
			}
		}
	})

	t.Run("StartsOnNewestCampaign", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Đợt cũ")
		newest := seedCampaign(t, f, "Đợt mới", sampleNominations()...)
		m := newTestUI(t, f)
		if m.nominations.campaignID != newest.ID {
			t.Fatalf("current campaign %d, want the newest %d", m.nominations.campaignID, newest.ID)
		}
		if f.nominations != 3 { // the two campaigns' counts and Tổng quan's figures; Đề nghị loads only when opened
			t.Errorf("%d loads before opening Đề nghị, want 3", f.nominations)
		}
		showPage(t, m, pageNominations)
		if m.nominations.model.len() != 6 {
			t.Errorf("%d rows, want 6", m.nominations.model.len())
		}
	})

	t.Run("CtrlFGoesToSearch", func(t *testing.T) {
		m := newTestUI(t, newFake())
		m.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutSearch)
		waitAll(m)
		if m.page != pageNominations || m.win.Canvas().Focused() != m.nominations.search {
			t.Errorf("Ctrl+F: page %d, focus %T", m.page, m.win.Canvas().Focused())
		}
	})

	t.Run("InternalErrorsAreNotShownRaw", func(t *testing.T) {
		f := newFake()
		m := newTestUI(t, f)
		f.failNext = khenthuong.Internal(errPlain("bolt: disk I/O error"))
		m.campaigns.reload()
		text := overlayText(m.win.Canvas())
		if !contains(text, khenthuong.InternalMessage) || contains(text, "bolt") {
			t.Errorf("error dialog reads %q", text)
		}
	})
}

type errPlain string

func (e errPlain) Error() string { return string(e) }
