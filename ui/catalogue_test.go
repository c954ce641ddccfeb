package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"khenthuong"
)

func TestCatalogue(t *testing.T) {
	open := func(t *testing.T) (*fakeServices, *MainWindow, *catalogueScreen) {
		f := newFake()
		m := newTestUI(t, f)
		showPage(t, m, pageCatalogue)
		return f, m, m.catalogue
	}
	rowOf := func(s *catalogueScreen, code string) int {
		return slices.IndexFunc(s.forms, func(f khenthuong.AwardForm) bool { return f.Code == code })
	}

	t.Run("ListsByRank", func(t *testing.T) {
		_, _, s := open(t)
		if got := columnTexts(t, s.table, catColCode, 3); !slices.Equal(got, []string{"CTDT", "CSTDT", "BKCT"}) {
			t.Errorf("codes %q", got)
		}
		if got := columnTexts(t, s.table, catColKinds, 3)[2]; got != "Tập thể, Cá nhân, Hộ gia đình" {
			t.Errorf("kinds of BKCT %q", got)
		}
	})

	t.Run("EditForm", func(t *testing.T) {
		f, _, s := open(t)
		doubleTapCell(t, s.table, rowOf(s, "BKCT"), catColName)
		e := s.editor
		if e == nil || e.code.Text != "BKCT" || !e.code.Disabled() || len(e.coefficients.rows) != 2 {
			t.Fatalf("editor %+v", e)
		}
		if got := e.coefficients.rows[1]; got.from.Text != "01/07/2025" || got.individual.Text != "1,5" || got.collective.Text != "3" {
			t.Errorf("second coefficient row %q %q %q", got.from.Text, got.individual.Text, got.collective.Text)
		}
		e.name.SetText("Bằng khen của Chủ tịch UBND tỉnh")
		e.kinds[2].SetChecked(false) // no longer for households
		test.Tap(e.coefficients.add)
		r := e.coefficients.rows[2]
		test.Type(r.from, "01/01/2026")
		test.Type(r.individual, "2")
		test.Type(r.collective, "4,5")
		test.Tap(e.save)
		got, err := f.Form("BKCT")
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Bằng khen của Chủ tịch UBND tỉnh" || !slices.Equal(got.Kinds, []khenthuong.Kind{khenthuong.Collective, khenthuong.Individual}) ||
			len(got.Coefficients) != 3 || got.Coefficients[2].Collective != 4.5 || got.Coefficients[2].From != khenthuong.MustDate("2026-01-01") {
			t.Errorf("stored %+v", got)
		}
		if s.editor != nil || s.selected() == nil || s.selected().Code != "BKCT" {
			t.Error("after saving the dialog should close and the form stay selected")
		}
	})

	t.Run("ValidationInline", func(t *testing.T) {
		f, _, s := open(t)
		s.newItem()
		e := s.editor
		test.Type(e.code, "bkct")
		test.Type(e.name, "Trùng mã")
		e.kinds[1].SetChecked(true)
		test.Tap(e.save)
		if got := e.form.errorText("code"); got != "Mã BKCT đã có trong danh mục" {
			t.Errorf("code error %q", got)
		}
		e.code.SetText("GKHOI")
		e.kinds[1].SetChecked(false)
		test.Tap(e.save)
		if got := e.form.errorText("kinds"); got != "Chọn ít nhất một đối tượng (tập thể, cá nhân, hộ gia đình) cho hình thức GKHOI" {
			t.Errorf("kinds error %q", got)
		}
		e.kinds[0].SetChecked(true)
		test.Tap(e.coefficients.add)
		test.Type(e.coefficients.rows[0].individual, "1,x")
		test.Tap(e.save)
		if got := e.form.errorText("coefficients"); got != "“1,x” không phải là số (ví dụ 1,5)" {
			t.Errorf("coefficient error %q", got)
		}
		e.coefficients.rows[0].individual.SetText("0,3")
		test.Tap(e.save)
		if got := e.form.errorText("coefficients"); got != "Hệ số tiền thưởng phải có ngày áp dụng" {
			t.Errorf("coefficient date error %q", got)
		}
		test.Tap(e.coefficients.rows[0].remove)
		test.Tap(e.save)
		got, err := f.Form("GKHOI")
		if err != nil || got.Name != "Trùng mã" || got.Series != "GKHOI" || len(got.Coefficients) != 0 {
			t.Errorf("stored %+v, %v", got, err)
		}
	})

	t.Run("DeleteUsedFormIsRefused", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Đợt", sampleNominations()[:1]...)
		m := newTestUI(t, f)
		showPage(t, m, pageCatalogue)
		s := m.catalogue
		s.table.selectRow(rowOf(s, "BKCT"))
		s.deleteSelected()
		test.Tap(overlayButton(t, m.win.Canvas(), "Xóa"))
		if !contains(overlayText(m.win.Canvas()), "đang được dùng") {
			t.Errorf("error reads %q", overlayText(m.win.Canvas()))
		}
		dismissDialogs(m.win.Canvas())
		s.table.selectRow(rowOf(s, "LDTT"))
		s.deleteSelected()
		test.Tap(overlayButton(t, m.win.Canvas(), "Xóa"))
		if _, err := f.Form("LDTT"); err == nil || rowOf(s, "LDTT") >= 0 {
			t.Error("LDTT not deleted")
		}
	})
}
