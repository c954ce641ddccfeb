package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

// overlaySelect is the first select of the dialog on top.
func overlaySelect(tb testing.TB, c fyne.Canvas) *choiceSelect {
	tb.Helper()
	for _, o := range drawn(c.Overlays().Top()) {
		if s, ok := o.(*choiceSelect); ok {
			return s
		}
	}
	tb.Fatal("no select in the dialog")
	return nil
}

func TestMoveNominationsOnScreen(t *testing.T) {
	t.Run("MarkedRowsGoToTheEndOfTheOtherList", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Hằng năm 2024", person("Ông", "Hồ Văn Tư", khenthuong.Male, "1960", "Chủ tịch", "UBND xã"))
		from := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
		m := newTestUI(t, f)
		s := m.nominations
		s.setCampaign(from.ID)
		showPage(t, m, pageNominations)
		waitAll(m)
		if !s.review.moveButton.Disabled() {
			t.Error("Chuyển sang đợt is enabled with nothing marked")
		}
		tapCell(t, s.table, 4, colName)
		holdKeys(t, fyne.KeyModifierControl)
		tapCell(t, s.table, 1, colName)
		test.Tap(s.review.moveButton)
		c := m.win.Canvas()
		if got := overlayText(c); !contains(got, "Chuyển 2 đề nghị của đợt “Tổng kết 2024”") {
			t.Fatalf("dialog reads %q", got)
		}
		sel := overlaySelect(t, c)
		if !slices.Equal(sel.Options, []string{"Hằng năm 2024"}) {
			t.Errorf("offered %q", sel.Options)
		}
		sel.SetSelectedIndex(0)
		test.Tap(overlayButton(t, c, "Chuyển"))
		waitAll(m)
		if got := s.count.Text; got != "4 đề nghị" {
			t.Errorf("the campaign now counts %q", got)
		}
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: f.campaigns[0].ID})
		var names []string
		for _, n := range ns {
			names = append(names, n.Nominee.Name)
		}
		if want := []string{"Hồ Văn Tư", "Trương Quang Sáng", "Lê Văn Bình"}; !slices.Equal(names, want) {
			t.Errorf("the other campaign lists %q, want %q", names, want)
		}
	})

	t.Run("RefusalStaysInTheDialog", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Hằng năm 2024")
		from := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: from.ID})
		if err := f.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusApproved, ""); err != nil {
			t.Fatal(err)
		}
		issuedDecision(t, f, from)
		m := newTestUI(t, f)
		s := m.nominations
		s.setCampaign(from.ID)
		showPage(t, m, pageNominations)
		waitAll(m)
		s.markRows(1, 2) // one in the decision: Chuyển is greyed out for it alone
		test.Tap(s.review.moveButton)
		c := m.win.Canvas()
		overlaySelect(t, c).SetSelectedIndex(0)
		test.Tap(overlayButton(t, c, "Chuyển"))
		waitAll(m)
		if got := overlayText(c); !contains(got, "Quyết định số 2871/QĐ-UBND") {
			t.Errorf("the dialog reads %q", got)
		}
		if s.model.len() != 6 {
			t.Errorf("%d rows left", s.model.len())
		}
	})
}

func TestSeriesDialog(t *testing.T) {
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
	m := newTestUI(t, f)
	showPage(t, m, pageCatalogue)
	m.catalogue.openSeries()
	d := m.catalogue.seriesDlg
	if d == nil || m.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no series dialog")
	}
	var codes []string
	for i := range d.series {
		codes = append(codes, d.cellText(i, serColCode))
	}
	row := slices.Index(codes, "BKCT")
	if row < 0 || len(codes) < 2 {
		t.Fatalf("series %q", codes)
	}
	if got := d.cellText(row, serColMode); got != "Đánh số liên tục qua các năm" {
		t.Errorf("BKCT numbering %q", got)
	}

	t.Run("YearlyBeforeAnyNumber", func(t *testing.T) {
		d.table.selectRow(row)
		test.Tap(d.edit)
		e := d.editor
		e.mode.SetSelected("Đánh số lại từ 1 mỗi năm")
		if !contains(e.example.Text, "sang năm") || !contains(e.example.Text, "-0001") {
			t.Errorf("example %q", e.example.Text)
		}
		e.format.SetText("{prefix}/{n}")
		if e.example.Text != "—" {
			t.Errorf("example of a yearly series without {year}: %q", e.example.Text)
		}
		test.Tap(e.save)
		if got := e.form.errorText("format"); !contains(got, "{year}") {
			t.Errorf("format message %q", got)
		}
		e.format.SetText("{prefix}-{year}-{n}")
		if got := e.form.errorText("format"); got != "" {
			t.Errorf("the message stayed after the fix: %q", got)
		}
		test.Tap(e.save)
		if d.editor != nil {
			t.Fatalf("the editor stayed open: %q", e.form.errorText(""))
		}
		ss, _ := f.Series()
		if len(ss) != 1 || !ss[0].YearlyReset {
			t.Errorf("stored %+v", ss)
		}
	})

	t.Run("SwitchRefusedOnceNumbersWereGiven", func(t *testing.T) {
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if err := f.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusApproved, ""); err != nil {
			t.Fatal(err)
		}
		issuedDecision(t, f, c)
		d.openEditor(d.series[row])
		e := d.editor
		e.mode.SetSelected("Đánh số liên tục qua các năm")
		test.Tap(e.save)
		if got := e.form.errorText("yearly_reset") + e.form.errorText(""); !contains(got, "đã cấp số") {
			t.Errorf("refusal reads %q", got)
		}
		if ss, _ := f.Series(); !ss[0].YearlyReset {
			t.Error("the switch was stored")
		}
	})
}
