package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"khenthuong"
)

func TestSettings(t *testing.T) {
	open := func(t *testing.T) (*fakeServices, *MainWindow, *settingsScreen) {
		f := newFake()
		m := newTestUI(t, f)
		showPage(t, m, pageSettings)
		return f, m, m.settings
	}

	t.Run("ShowsStoredSettings", func(t *testing.T) {
		_, _, s := open(t)
		if s.place.Text != "Quảng Trị" || len(s.salaries.rows) != 3 || s.salaries.rows[2].amount.Text != "2.340.000" ||
			s.salaries.rows[2].from.Text != "01/07/2024" || s.rounding.Selected != "Làm tròn lên hàng chục nghìn đồng" ||
			s.language.Selected != "Tiếng Việt" || s.signers.rows[1].title.Text != "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" {
			t.Errorf("place %q, salaries %d, rounding %q, language %q", s.place.Text, len(s.salaries.rows), s.rounding.Selected, s.language.Selected)
		}
	})

	t.Run("SaveEdits", func(t *testing.T) {
		f, m, s := open(t)
		s.place.SetText("Đông Hà")
		s.salaries.add(khenthuong.SalaryStep{})
		test.Type(s.salaries.rows[3].from, "01/07/2026")
		test.Type(s.salaries.rows[3].amount, "2.530.000")
		s.signers.rows[0].name.SetText("Võ Văn Hưng")
		s.rounding.SetSelected(roundingLabel(khenthuong.RoundNearest10k))
		s.language.SetSelected("English")
		test.Tap(s.save)
		st, _ := f.Settings()
		if st.Place != "Đông Hà" || len(st.BaseSalaries) != 4 || st.BaseSalaries[3].Amount != 2530000 ||
			st.Signers[0].Name != "Võ Văn Hưng" || st.Rounding != khenthuong.RoundNearest10k || st.Language != "en" {
			t.Errorf("stored %+v", st)
		}
		if s.saved.Text != "Đã lưu cài đặt." {
			t.Errorf("saved label %q", s.saved.Text)
		}
		if !contains(overlayText(m.win.Canvas()), "khi mở lại chương trình") {
			t.Errorf("no restart notice for the language: %q", overlayText(m.win.Canvas()))
		}
	})

	t.Run("ValidationInline", func(t *testing.T) {
		f, _, s := open(t)
		s.place.SetText("  ")
		test.Tap(s.save)
		if got := s.form.errorText("place"); got != "Chưa nhập địa danh ghi ở dòng ngày tháng" {
			t.Errorf("place error %q", got)
		}
		s.place.SetText("Quảng Trị")
		s.salaries.rows[0].amount.SetText("1,49 triệu")
		test.Tap(s.save)
		if got := s.form.errorText("base_salaries"); got != "“1,49 triệu” không phải là số tiền (ví dụ 2.340.000)" {
			t.Errorf("salary error %q", got)
		}
		s.salaries.rows[0].amount.SetText("1.490.000")
		s.salaries.rows[0].from.SetText("01/07/2024")
		test.Tap(s.save)
		if got := s.form.errorText("base_salaries"); got != "Hai mức lương cơ sở cùng áp dụng từ 01/07/2024" {
			t.Errorf("duplicate date error %q", got)
		}
		if st, _ := f.Settings(); st.BaseSalaries[0].From != khenthuong.MustDate("2019-07-01") {
			t.Error("invalid settings were stored")
		}
		test.Tap(s.undo)
		if s.salaries.rows[0].from.Text != "01/07/2019" || s.form.errorText("base_salaries") != "" {
			t.Error("discard did not restore the stored settings")
		}
	})
}
