package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// holdKeys makes the next clicks happen with mods held, as keyModifiers reports them.
func holdKeys(t *testing.T, mods fyne.KeyModifier) {
	t.Helper()
	was := keyModifiers
	keyModifiers = func() fyne.KeyModifier { return mods }
	t.Cleanup(func() { keyModifiers = was })
}

// statuses returns the stored status of each named nominee.
func statuses(t *testing.T, f *fakeServices, c khenthuong.Campaign) map[string]khenthuong.Status {
	t.Helper()
	ns, err := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]khenthuong.Status{}
	for _, n := range ns {
		out[n.Nominee.Name] = n.Status
	}
	return out
}

// panelTexts are the warning messages and buttons shown under the table.
func panelTexts(s *nominationsScreen) (msgs, buttons []string) {
	if !s.review.panel.Visible() {
		return nil, nil
	}
	for _, o := range drawn(s.review.panelRows) {
		switch w := o.(type) {
		case *widget.Label:
			msgs = append(msgs, w.Text)
		case *widget.Button:
			buttons = append(buttons, w.Text)
		}
	}
	return msgs, buttons
}

func TestReview(t *testing.T) {
	t.Run("ApproveTwoRowsInBulk", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		tapCell(t, s.table, 1, colName)
		holdKeys(t, fyne.KeyModifierControl)
		tapCell(t, s.table, 3, colName)
		if got := s.markedIDs(); len(got) != 2 {
			t.Fatalf("Ctrl+click marked %d rows, want 2", len(got))
		}
		if s.review.markedLabel.Text != "Đã chọn 2 dòng" || s.review.approveButton.Disabled() {
			t.Errorf("marked label %q, approve disabled %v", s.review.markedLabel.Text, s.review.approveButton.Disabled())
		}
		test.Tap(s.review.approveButton)
		waitAll(m)
		st := statuses(t, f, c)
		if st["Trương Quang Sáng"] != khenthuong.StatusApproved || st["Nguyễn Văn An"] != khenthuong.StatusApproved {
			t.Errorf("after approving: %v", st)
		}
		if st["Nguyễn Thị Bình"] != khenthuong.StatusSubmitted || st["Phòng Phổ biến, giáo dục pháp luật"] != khenthuong.StatusSubmitted {
			t.Errorf("rows not marked changed too: %v", st)
		}
		if got := columnTexts(t, s.table, colStatus, 4); !slices.Equal(got, []string{"Đã đề nghị", "Được duyệt", "Đã đề nghị", "Được duyệt"}) {
			t.Errorf("status column %q", got)
		}
	})

	t.Run("ShiftClickMarksARange", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		tapCell(t, s.table, 1, colName)
		holdKeys(t, fyne.KeyModifierShift)
		tapCell(t, s.table, 4, colName)
		if got := len(s.markedIDs()); got != 4 {
			t.Errorf("Shift+click marked %d rows, want 4", got)
		}
		keyModifiers = func() fyne.KeyModifier { return 0 }
		tapCell(t, s.table, 2, colName)
		if got := len(s.markedIDs()); got != 1 {
			t.Errorf("a plain click leaves %d rows marked, want 1", got)
		}
		test.Tap(s.review.markAllButton)
		settleRows(s)
		if got := len(s.markedIDs()); got != 6 {
			t.Errorf("Chọn hết marked %d rows", got)
		}
	})

	t.Run("RejectRequiresAReason", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		tapCell(t, s.table, 2, colName)
		test.Tap(s.review.rejectButton)
		d := s.review.rejecter
		if d == nil {
			t.Fatal("no dialog asks for the reason")
		}
		if !contains(overlayText(m.win.Canvas()), "Không duyệt đề nghị khen thưởng Bà Nguyễn Thị Bình?") {
			t.Errorf("dialog reads %q", overlayText(m.win.Canvas()))
		}
		test.Tap(d.confirm)
		if got := d.form.errorText("reject_reason"); got != "Không duyệt phải ghi rõ lý do" {
			t.Errorf("empty reason: message %q", got)
		}
		if s.review.rejecter != d || statuses(t, f, c)["Nguyễn Thị Bình"] != khenthuong.StatusSubmitted {
			t.Fatal("an empty reason closed the dialog or changed the status")
		}
		test.Type(d.reason, "Chưa đủ thời gian công tác")
		test.Tap(d.confirm)
		waitAll(m)
		n, _ := f.Nomination(s.model.at(2).ID)
		if n.Status != khenthuong.StatusRejected || n.RejectReason != "Chưa đủ thời gian công tác" {
			t.Errorf("stored %s, reason %q", n.Status, n.RejectReason)
		}
		if s.review.rejecter != nil {
			t.Error("the dialog stayed open")
		}
	})

	t.Run("DeferAndBackToSubmitted", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		tapCell(t, s.table, 5, colName)
		test.Tap(s.review.deferButton)
		waitAll(m)
		if got := statuses(t, f, c)["Nguyễn Văn Đức"]; got != khenthuong.StatusDeferred {
			t.Fatalf("after Hoãn xét: %s", got)
		}
		test.Tap(s.review.resubmitButton)
		waitAll(m)
		if got := statuses(t, f, c)["Nguyễn Văn Đức"]; got != khenthuong.StatusSubmitted {
			t.Errorf("after Trả về: %s", got)
		}
	})

	t.Run("RefusalShowsTheServiceMessage", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if err := f.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusApproved, ""); err != nil {
			t.Fatal(err)
		}
		d := khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "15/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"), SignerTitle: "CHỦ TỊCH"}
		if err := f.CreateDecision(&d, []uint64{ns[1].ID}); err != nil {
			t.Fatal(err)
		}
		s.reload()
		waitAll(m)
		tapCell(t, s.table, 1, colName)
		test.Tap(s.review.deferButton)
		if got := overlayText(m.win.Canvas()); !contains(got, "đã có trong quyết định số 15/QĐ-UBND") {
			t.Errorf("error reads %q", got)
		}
		if statuses(t, f, c)["Trương Quang Sáng"] != khenthuong.StatusApproved {
			t.Error("the status changed although refused")
		}
	})

	t.Run("WarningsForADuplicate", func(t *testing.T) {
		f := newFake()
		twin := person("Ông", "Nguyễn Văn An", khenthuong.Male, "1968", "Chuyên viên", "Sở Nội vụ")
		twin.FormCode = "CSTDT"
		c := seedCampaign(t, f, "Tổng kết 2024", append(sampleNominations(), twin)...)
		m := newTestUI(t, f)
		showPage(t, m, pageNominations)
		s := m.nominations
		if got := columnTexts(t, s.table, colWarnings, 7); !slices.Equal(got, []string{"", "", "", "⚠ 1", "", "", "⚠ 1"}) {
			t.Fatalf("warnings column %q", got)
		}
		tapCell(t, s.table, 3, colName)
		msgs, buttons := panelTexts(s)
		other := s.model.at(6).ID
		if len(msgs) != 1 || !contains(msgs[0], "Trùng với đề nghị số "+formatCount(int(other))) || !contains(msgs[0], "Chuyên viên Sở Nội vụ") {
			t.Errorf("panel reads %q", msgs)
		}
		if !slices.Equal(buttons, []string{"Cùng một người", "Khác người"}) {
			t.Fatalf("panel buttons %q", buttons)
		}
		if got := s.review.panelTitle.Text; got != "Cảnh báo về Đại tá Nguyễn Văn An" {
			t.Errorf("panel title %q", got)
		}
		// No warning for a row without any.
		tapCell(t, s.table, 1, colName)
		if s.review.panel.Visible() {
			t.Error("the panel shows for a row without warnings")
		}
		// "Khác người": the two records are different people, the warnings go.
		tapCell(t, s.table, 3, colName)
		for _, o := range drawn(s.review.panelRows) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Khác người" {
				test.Tap(b)
			}
		}
		waitAll(m)
		if got := columnTexts(t, s.table, colWarnings, 7); !slices.Equal(got, []string{"", "", "", "", "", "", ""}) {
			t.Errorf("after Khác người: %q", got)
		}
		if s.review.panel.Visible() {
			t.Error("the panel still shows")
		}
		if w, _ := f.Warnings(c.ID); len(w) != 0 {
			t.Errorf("fake still warns: %v", w)
		}
	})

	t.Run("WarningsColumnCountsThem", func(t *testing.T) {
		f := newFake()
		twin := person("Ông", "Lê Văn Bình", khenthuong.Male, "1975", "Chuyên viên", "Sở Tư pháp")
		twin.FormCode = "LDTT"
		seedCampaign(t, f, "Tổng kết 2024", append(sampleNominations(), twin)...)
		m := newTestUI(t, f)
		showPage(t, m, pageNominations)
		s := m.nominations
		names, marks := columnTexts(t, s.table, colName, 7), columnTexts(t, s.table, colWarnings, 7)
		for i := range names {
			if (names[i] == "Lê Văn Bình") != (marks[i] != "") {
				t.Errorf("%s: warnings %q", names[i], marks[i])
			}
		}
	})

}
