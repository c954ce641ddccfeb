package ui

import (
	"reflect"
	"strings"
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

	t.Run("DecisionWordings", func(t *testing.T) {
		f, _, s := open(t)
		w := s.wordings
		if !contains(w.legalBases.Text, "Căn cứ Luật Thi đua, khen thưởng") || !contains(w.article2.Text, "{kinds}") {
			t.Fatalf("wordings shown: %q / %q", w.legalBases.Text, w.article2.Text)
		}
		w.legalBases.SetText(w.legalBases.Text + "\nCăn cứ Quyết định số 12/2025/QĐ-UBND ngày 05 tháng 3 năm 2025 của UBND tỉnh;\n")
		w.proposal.SetText("Xét đề nghị của Trưởng ban Thi đua - Khen thưởng tại Tờ trình số {submission_no} ngày {submission_date}")
		w.recipients.SetText("Như Điều 3;\nLưu: VT, TĐKT.")
		test.Tap(s.save)
		st, _ := f.Settings()
		if n := len(st.Texts.LegalBases); n != 4 || !strings.HasPrefix(st.Texts.LegalBases[3], "Căn cứ Quyết định số 12/2025") ||
			!strings.HasPrefix(st.Texts.Proposal, "Xét đề nghị của Trưởng ban") || len(st.Texts.Recipients) != 2 {
			t.Errorf("stored wordings %+v", st.Texts)
		}

		w.article2.SetText("Các {kind} có tên tại Điều 1 được hưởng tiền thưởng")
		test.Tap(s.save)
		if got := s.form.errorText("texts_article2"); !contains(got, "“{kind}”") || !contains(got, "{kinds}") {
			t.Errorf("article 2 error %q", got)
		}
		if st, _ := f.Settings(); contains(st.Texts.Article2, "{kind}") {
			t.Error("a wording with an unknown placeholder was stored")
		}

		test.Tap(w.defaults)
		test.Tap(s.save)
		if st, _ := f.Settings(); !reflect.DeepEqual(st.Texts, khenthuong.DefaultDocumentTexts()) {
			t.Errorf("after the default wordings: %+v", st.Texts)
		}
	})
}
