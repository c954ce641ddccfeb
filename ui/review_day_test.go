package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

// The rough edges of a clerk's first day on Đề nghị (issue 18).
func TestReviewFirstDay(t *testing.T) {
	t.Run("NewRowCanBeApprovedAtOnce", func(t *testing.T) {
		f := newFake()
		c := seedCampaign(t, f, "Đợt mới")
		m := newTestUI(t, f)
		showPage(t, m, pageNominations)
		s := m.nominations
		test.Tap(s.addButton)
		e := s.editor
		test.Type(e.name, "Hoàng Văn Em")
		e.selectAward("BKCT")
		test.Tap(e.save)
		waitAll(m)
		if s.model.len() != 1 || s.table.selected != 0 {
			t.Fatalf("after saving: %d rows, selected %d", s.model.len(), s.table.selected)
		}
		if s.review.approveButton.Disabled() {
			t.Fatal("Duyệt stays disabled on the row the save selected")
		}
		test.Tap(s.review.approveButton)
		waitAll(m)
		if st := statuses(t, f, c)["Hoàng Văn Em"]; st != khenthuong.StatusApproved {
			t.Errorf("status %q after Duyệt", st)
		}
	})

	t.Run("ClickOnTheSelectedRowMarksIt", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		tapCell(t, s.table, 2, colName)
		holdKeys(t, fyne.KeyModifierControl)
		tapCell(t, s.table, 2, colName) // Ctrl+click takes it out of the marks
		if len(s.markedIDs()) != 0 || !s.review.approveButton.Disabled() {
			t.Fatalf("after Ctrl+click: marked %v", s.markedIDs())
		}
		holdKeys(t, 0)
		tapCell(t, s.table, 2, colName) // a plain click on the same row
		if got := s.markedIDs(); len(got) != 1 || got[0] != s.model.at(2).ID || s.review.approveButton.Disabled() {
			t.Errorf("a click on the selected row marked %v", got)
		}
	})

	t.Run("BulkApprovalAsksOnceAboutWarnings", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			button string
			want   map[string]khenthuong.Status
		}{
			{"Cancel", "Hủy", map[string]khenthuong.Status{"Nguyễn Văn An": khenthuong.StatusSubmitted, "Lê Văn Bình": khenthuong.StatusSubmitted}},
			{"All", "Vẫn duyệt cả 7", map[string]khenthuong.Status{"Nguyễn Văn An": khenthuong.StatusApproved, "Lê Văn Bình": khenthuong.StatusApproved}},
			{"OnlyClean", "Chỉ duyệt 5 đề nghị không có cảnh báo", map[string]khenthuong.Status{"Nguyễn Văn An": khenthuong.StatusSubmitted, "Lê Văn Bình": khenthuong.StatusApproved}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				f := newFake()
				twin := person("Ông", "Nguyễn Văn An", khenthuong.Male, "1968", "Chuyên viên", "Sở Nội vụ")
				twin.FormCode = "CSTDT"
				c := seedCampaign(t, f, "Tổng kết 2024", append(sampleNominations(), twin)...)
				m := newTestUI(t, f)
				showPage(t, m, pageNominations)
				s := m.nominations
				test.Tap(s.review.markAllButton)
				settleRows(s)
				test.Tap(s.review.approveButton)
				canvas := m.win.Canvas()
				if got := overlayText(canvas); !contains(got, "2 trong 7 đề nghị có cảnh báo") || !contains(got, "vẫn duyệt?") {
					t.Fatalf("the question reads %q", got)
				}
				test.Tap(overlayButton(t, canvas, tc.button))
				waitAll(m)
				st := statuses(t, f, c)
				for name, want := range tc.want {
					if st[name] != want {
						t.Errorf("%s is %q, want %q", name, st[name], want)
					}
				}
				if canvas.Overlays().Top() != nil {
					t.Error("the question stays open")
				}
			})
		}
	})

	// The marked rows' warnings are asked for by parts: the twins in
	// different parts still warn each other.
	t.Run("BulkApprovalAsksByParts", func(t *testing.T) {
		defer func(old int) { warnedPart = old }(warnedPart)
		warnedPart = 2
		f := newFake()
		twin := person("Ông", "Nguyễn Văn An", khenthuong.Male, "1968", "Chuyên viên", "Sở Nội vụ")
		twin.FormCode = "CSTDT"
		seedCampaign(t, f, "Tổng kết 2024", append(sampleNominations(), twin)...)
		m := newTestUI(t, f)
		showPage(t, m, pageNominations)
		s := m.nominations
		test.Tap(s.review.markAllButton)
		settleRows(s)
		before := len(f.reviewState().pages)
		test.Tap(s.review.approveButton)
		if got := overlayText(m.win.Canvas()); !contains(got, "2 trong 7 đề nghị có cảnh báo") {
			t.Fatalf("the question reads %q", got)
		}
		pages := f.reviewState().pages[before:]
		if len(pages) != 4 {
			t.Errorf("asked %d parts for 7 rows by 2: %v", len(pages), pages)
		}
		for _, p := range pages {
			if len(p) > 2 {
				t.Errorf("a part of %d rows: %v", len(p), p)
			}
		}
	})

	t.Run("BulkApprovalWithoutWarningsDoesNotAsk", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		test.Tap(s.review.markAllButton)
		settleRows(s)
		test.Tap(s.review.approveButton)
		waitAll(m)
		if m.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("asked: %q", overlayText(m.win.Canvas()))
		}
		for name, st := range statuses(t, f, c) {
			if st != khenthuong.StatusApproved {
				t.Errorf("%s is %q", name, st)
			}
		}
	})

	t.Run("ACollectiveIsNotAPerson", func(t *testing.T) {
		f := newFake()
		twin := sampleNominations()[0] // the same collective proposed twice
		twin.FormCode = "TTLDXS"
		seedCampaign(t, f, "Tổng kết 2024", append(sampleNominations(), twin)...)
		m := newTestUI(t, f)
		showPage(t, m, pageNominations)
		s := m.nominations
		tapCell(t, s.table, 0, colName)
		_, buttons := panelTexts(s)
		if len(buttons) != 2 || buttons[0] != "Cùng một đối tượng" || buttons[1] != "Khác đối tượng" {
			t.Errorf("buttons for a collective %q", buttons)
		}
	})

	t.Run("RecipientsAreCountedAsNominees", func(t *testing.T) {
		m := onALaptop(t) // an issued decision for the collective and people
		showPage(t, m, pageDecisions)
		tapCell(t, m.decisions.table, 0, decColNumber)
		waitAll(m)
		if got := m.decisions.total.Text; !contains(got, "1 đối tượng được khen") {
			t.Errorf("the decision's total reads %q", got)
		}
		if got := m.decisions.table.cols[decColCount].title; got != "Số đối tượng được khen" {
			t.Errorf("the column reads %q", got)
		}
	})
}
