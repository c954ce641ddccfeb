package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Empty screens say what to do next and where.
func TestEmptyScreensSayWhatToDo(t *testing.T) {
	t.Run("NoCampaignYet", func(t *testing.T) {
		m := newTestUI(t, newFake())
		showPage(t, m, pageCampaigns)
		if got := m.campaigns.empty.text(); !contains(got, "Bấm Thêm đợt khen thưởng") {
			t.Errorf("Đợt khen thưởng says %q", got)
		}
		showPage(t, m, pageNominations)
		if got := m.nominations.empty.text(); !contains(got, "tạo đợt ở mục Đợt khen thưởng") {
			t.Errorf("Đề nghị says %q", got)
		}
		showPage(t, m, pageDecisions)
		if got := m.decisions.empty.Text; !contains(got, "Chọn một đợt") {
			t.Errorf("Quyết định says %q", got)
		}
		showPage(t, m, pagePrinting)
		settle(m)
		if got := m.printing.preview.empty; !contains(got, "Chưa có đợt khen thưởng nào") {
			t.Errorf("In ấn says %q", got)
		}
	})

	t.Run("NewCampaign", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Hằng năm 2025")
		m := newTestUI(t, f)
		if got := m.campaigns.empty.text(); got != "" {
			t.Errorf("Đợt khen thưởng still says %q", got)
		}
		showPage(t, m, pageNominations)
		if got := m.nominations.empty.text(); !contains(got, "Đợt này chưa có đề nghị nào. Bấm Thêm") {
			t.Errorf("Đề nghị says %q", got)
		}
		showPage(t, m, pageDecisions)
		waitAll(m)
		if got := m.decisions.empty.Text; !contains(got, "chưa có quyết định nào") || !contains(got, "Tạo quyết định") {
			t.Errorf("Quyết định says %q", got)
		}
		showPage(t, m, pagePrinting)
		settle(m)
		if got := m.printing.preview.empty; !contains(got, "ban hành quyết định ở mục Quyết định") {
			t.Errorf("In ấn says %q", got)
		}
	})

	t.Run("FiltersHideEverything", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		if got := s.empty.text(); got != "" {
			t.Errorf("a full list says %q", got)
		}
		test.Type(s.search, "không ai tên này")
		settleRows(s)
		if got := s.empty.text(); !contains(got, "Không có đề nghị nào khớp") {
			t.Errorf("an empty search says %q", got)
		}
	})
}
