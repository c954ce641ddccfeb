package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

func TestCampaigns(t *testing.T) {
	t.Run("CreateStoresCampaign", func(t *testing.T) {
		f := newFake()
		m := newTestUI(t, f)
		showPage(t, m, pageCampaigns) // the window opens on Tổng quan
		s := m.campaigns
		m.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutNew)
		e := s.editor
		if e == nil {
			t.Fatal("Ctrl+N opened no editor")
		}
		test.Type(e.name, "  Tổng kết   phong trào Toàn dân bảo vệ an ninh Tổ quốc ")
		e.kind.SetSelected(campaignTypeLabel(khenthuong.CampaignAnnual))
		test.Type(e.from, "1/1/2014")
		test.Type(e.to, "31/12/2023")
		test.Type(e.ceremonyDate, "20/06/2024")
		test.Type(e.ceremonyPlace, "Hội trường UBND tỉnh")
		test.Tap(e.save)
		waitAll(m)

		cs, _ := f.Campaigns()
		if len(cs) != 1 {
			t.Fatalf("%d campaigns stored, want 1", len(cs))
		}
		c := cs[0]
		if c.Name != "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc" || c.Type != khenthuong.CampaignAnnual ||
			c.From != khenthuong.MustDate("2014-01-01") || c.To != khenthuong.MustDate("2023-12-31") ||
			c.CeremonyDate != khenthuong.MustDate("2024-06-20") {
			t.Errorf("stored %+v", c)
		}
		if s.editor != nil || m.win.Canvas().Overlays().Top() != nil {
			t.Error("the dialog stayed open after a valid save")
		}
		if got := columnTexts(t, s.table, campColName, 1); got[0] != c.Name {
			t.Errorf("table shows %q", got)
		}
		if got := columnTexts(t, s.table, campColPeriod, 1); got[0] != "01/01/2014 – 31/12/2023" {
			t.Errorf("period shows %q", got)
		}
		if s.selected() == nil || s.selected().ID != c.ID || m.nominations.campaignID != c.ID {
			t.Error("the new campaign is not selected and current")
		}
		if opts := m.nominations.campaignSelect.Options; len(opts) != 1 || opts[0] != c.Name {
			t.Errorf("Đề nghị offers campaigns %q", opts)
		}
	})

	t.Run("ValidationShownNextToField", func(t *testing.T) {
		f := newFake()
		m := newTestUI(t, f)
		s := m.campaigns
		s.newItem()
		e := s.editor
		test.Tap(e.save)
		if got := e.form.errorText("name"); got != "Chưa nhập tên đợt khen thưởng" {
			t.Errorf("name error %q", got)
		}
		test.Type(e.name, "Hằng năm 2024")
		test.Type(e.from, "01/06/2024")
		test.Type(e.to, "01/01/2024")
		test.Tap(e.save)
		if got := e.form.errorText("name"); got != "" {
			t.Errorf("the name error stayed: %q", got)
		}
		if got := e.form.errorText("to"); got != "Ngày kết thúc (01/01/2024) trước ngày bắt đầu (01/06/2024)" {
			t.Errorf("to error %q", got)
		}
		e.from.SetText("32/13/2024")
		test.Tap(e.save)
		if got := e.form.errorText("from"); !contains(got, "không đúng dạng ngày/tháng/năm") {
			t.Errorf("from error %q", got)
		}
		if cs, _ := f.Campaigns(); len(cs) != 0 || s.editor != e {
			t.Errorf("an invalid campaign was saved or the dialog closed (%d stored)", len(cs))
		}
	})

	t.Run("EditKeepsWhatTheDialogDoesNotShow", func(t *testing.T) {
		f := newFake()
		c := seedCampaign(t, f, "Đợt 1")
		c.Quotas = map[string]int{"BKCT": 10}
		if err := f.UpdateCampaign(&c); err != nil {
			t.Fatal(err)
		}
		m := newTestUI(t, f)
		showPage(t, m, pageCampaigns) // the window opens on Tổng quan
		s := m.campaigns
		doubleTapCell(t, s.table, 0, campColName)
		e := s.editor
		if e == nil || e.name.Text != "Đợt 1" || e.from.Text != "01/01/2014" {
			t.Fatalf("double-click opened %+v", e)
		}
		e.name.SetText("Đợt 1 (sửa)")
		test.Tap(e.save)
		got, _ := f.Campaign(c.ID)
		if got.Name != "Đợt 1 (sửa)" || got.Quotas["BKCT"] != 10 {
			t.Errorf("stored %+v", got)
		}
	})

	t.Run("SelectingMakesItCurrent", func(t *testing.T) {
		f := newFake()
		older := seedCampaign(t, f, "Đợt cũ", sampleNominations()[:2]...)
		seedCampaign(t, f, "Đợt mới")
		m := newTestUI(t, f)
		showPage(t, m, pageCampaigns) // the window opens on Tổng quan
		if got := columnTexts(t, m.campaigns.table, campColCount, 2); got[0] != "0" || got[1] != "2" {
			t.Errorf("counts %q", got)
		}
		tapCell(t, m.campaigns.table, 1, campColName)
		if m.nominations.campaignID != older.ID {
			t.Fatalf("current campaign %d, want %d", m.nominations.campaignID, older.ID)
		}
		showPage(t, m, pageNominations)
		if m.nominations.campaignSelect.Selected != "Đợt cũ" || m.nominations.model.len() != 2 {
			t.Errorf("Đề nghị shows %q with %d rows", m.nominations.campaignSelect.Selected, m.nominations.model.len())
		}
	})

	t.Run("DeleteWithNominationsShowsConflict", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Đợt có đề nghị", sampleNominations()...)
		m := newTestUI(t, f)
		showPage(t, m, pageCampaigns) // the window opens on Tổng quan
		c := m.win.Canvas()
		tapCell(t, m.campaigns.table, 0, campColName)
		typeKey(t, c, fyne.KeyDelete)
		if !contains(overlayText(c), "Xóa đợt khen thưởng “Đợt có đề nghị”?") {
			t.Fatalf("confirmation reads %q", overlayText(c))
		}
		test.Tap(overlayButton(t, c, "Xóa"))
		if text := overlayText(c); !contains(text, "còn 6 đề nghị") {
			t.Errorf("error dialog reads %q", text)
		}
		if cs, _ := f.Campaigns(); len(cs) != 1 {
			t.Error("the campaign was deleted")
		}
	})

	t.Run("DeleteEmptyAfterConfirmation", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Đợt trống")
		m := newTestUI(t, f)
		c := m.win.Canvas()
		m.campaigns.table.selectRow(0)
		m.campaigns.deleteSelected()
		test.Tap(overlayButton(t, c, "Hủy"))
		if cs, _ := f.Campaigns(); len(cs) != 1 {
			t.Fatal("deleted although the clerk said no")
		}
		m.campaigns.deleteSelected()
		test.Tap(overlayButton(t, c, "Xóa"))
		waitAll(m)
		if cs, _ := f.Campaigns(); len(cs) != 0 {
			t.Error("not deleted")
		}
		if m.campaigns.table.rows() != 0 || m.nominations.campaignID != 0 || len(m.nominations.campaignSelect.Options) != 0 {
			t.Error("the deleted campaign is still shown")
		}
	})

	t.Run("CountsFollowNominations", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Đợt", sampleNominations()[:2]...)
		m := newTestUI(t, f)
		showPage(t, m, pageNominations)
		m.nominations.table.selectRow(0)
		m.nominations.deleteSelected()
		test.Tap(overlayButton(t, m.win.Canvas(), "Xóa"))
		waitAll(m)
		loads := f.nominations
		showPage(t, m, pageCampaigns)
		if got := columnTexts(t, m.campaigns.table, campColCount, 1)[0]; got != "1" {
			t.Errorf("count after a delete %q", got)
		}
		showPage(t, m, pageCatalogue)
		showPage(t, m, pageCampaigns)
		if f.nominations != loads+1 {
			t.Errorf("%d loads to count, want 1: counting again without a write", f.nominations-loads)
		}
	})
}
