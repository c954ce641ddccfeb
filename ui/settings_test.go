package ui

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

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
		if len(w.bases.rows) != len(khenthuong.DefaultLegalBases()) || !contains(w.article2.Text, "{đối tượng}") {
			t.Fatalf("wordings shown: %d bases / %q", len(w.bases.rows), w.article2.Text)
		}
		// The 2022 law row shows its period; the office adds its own rule, in force from 2025.
		var law *basisRow
		for _, r := range w.bases.rows {
			if contains(r.text.Text, "ngày 15 tháng 6 năm 2022") {
				law = r
			}
		}
		if law == nil || law.from.Text != "01/01/2024" || law.to.Text != "" {
			t.Fatalf("the 2022 law's row: %+v", law)
		}
		w.bases.add(khenthuong.LegalBasis{})
		last := w.bases.rows[len(w.bases.rows)-1]
		test.Type(last.text, "Căn cứ Quyết định số 12/2025/QĐ-UBND ngày 05 tháng 3 năm 2025 của UBND tỉnh;")
		test.Type(last.from, "05/03/2025")
		w.proposal.SetText("Xét đề nghị của Trưởng ban Thi đua - Khen thưởng tại Tờ trình số {submission_no} ngày {submission_date}")
		w.recipients.SetText("Như Điều 3;\nLưu: VT, TĐKT.")
		test.Tap(s.save)
		st, _ := f.Settings()
		n := len(st.Texts.LegalBases)
		if n != len(khenthuong.DefaultLegalBases())+1 || !strings.HasPrefix(st.Texts.LegalBases[n-1].Text, "Căn cứ Quyết định số 12/2025") ||
			st.Texts.LegalBases[n-1].From != khenthuong.MustDate("2025-03-05") || !st.Texts.LegalBases[n-1].To.IsZero() ||
			!strings.HasPrefix(st.Texts.Proposal, "Xét đề nghị của Trưởng ban") || len(st.Texts.Recipients) != 2 {
			t.Errorf("stored wordings %+v", st.Texts)
		}
		// The old English tokens still read: the stored proposal fills as before.
		if got := khenthuong.Fill(st.Texts.Proposal, map[string]string{"submission_no": "86/TTr-SNV"}); !contains(got, "số 86/TTr-SNV") {
			t.Errorf("old token not filled: %q", got)
		}

		// A period that does not read is refused on the bases, nothing stored.
		last = w.bases.rows[len(w.bases.rows)-1]
		last.to.SetText("31/02/2026")
		test.Tap(s.save)
		if got := s.form.errorText("texts_legal_bases"); !contains(got, "31/02/2026") {
			t.Errorf("bad period error %q", got)
		}
		last.to.SetText("")

		w.article2.SetText("Các {kind} có tên tại Điều 1 được hưởng tiền thưởng")
		test.Tap(s.save)
		if got := s.form.errorText("texts_article2"); !contains(got, "“{kind}”") || !contains(got, "{đối tượng}") {
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

	t.Run("PlaceholdersInsertedFromTheList", func(t *testing.T) {
		_, m, s := open(t)
		w := s.wordings
		w.proposal.SetText("Xét Tờ trình số ")
		m.win.Canvas().Focus(w.proposal)
		w.proposal.CursorRow, w.proposal.CursorColumn = 0, len([]rune(w.proposal.Text))
		for i, p := range khenthuong.DecisionPlaceholders {
			if p.Key == "submission_no" {
				w.insert.SetSelectedIndex(i)
			}
		}
		if w.proposal.Text != "Xét Tờ trình số {số tờ trình}" || w.insert.SelectedIndex() != -1 {
			t.Errorf("after inserting: %q (list at %d)", w.proposal.Text, w.insert.SelectedIndex())
		}
	})

	t.Run("BoxesHoldTheirText", func(t *testing.T) {
		_, m, s := open(t)
		m.win.Resize(fyne.NewSize(1280, 800))
		waitAll(m)
		w := s.wordings
		boxes := map[string]*wordingEntry{"article1": w.article1, "article2": w.article2, "article3": w.article3,
			"proposal": w.proposal, "achievement": w.achievement, "recipients": w.recipients}
		for i, r := range w.bases.rows {
			boxes[fmt.Sprintf("basis %d", i+1)] = r.text
		}
		size := theme.TextSize()
		line := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
		for name, e := range boxes {
			// The rows the text wraps onto at the box's width, against the rows the box shows.
			inner := e.Size().Width - 4*theme.InnerPadding()
			need := 0
			for _, l := range strings.Split(e.Text, "\n") {
				need += int(math.Ceil(float64(fyne.MeasureText(l, size, fyne.TextStyle{}).Width / inner)))
			}
			shows := int((e.Size().Height - 2*theme.InnerPadding()) / line)
			if inner <= 0 || shows < need {
				t.Errorf("%s: %d rows of text in a box showing %d (%.0f × %.0f px)", name, need, shows, e.Size().Width, e.Size().Height)
			}
		}
	})
}
