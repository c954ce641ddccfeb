package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

// The review's buttons follow the marked rows' state, and a sentence beside
// them says why some are grey.
func TestReviewButtonsFollowTheState(t *testing.T) {
	// sample rows: 0 collective, 1 Sáng, 2 Bình, 3 An, 4 Lê Văn Bình, 5 Đức
	type enabled struct{ approve, reject, deferB, resubmit, move bool }
	for _, tc := range []struct {
		name string
		rows []int
		want enabled
		note string
	}{
		{"Submitted", []int{0}, enabled{true, true, true, false, true}, ""},
		{"Approved", []int{1}, enabled{false, true, true, true, true}, "Đã ở trạng thái “Được duyệt”"},
		{"Rejected", []int{2}, enabled{true, false, true, true, true}, "Đã ở trạng thái “Không duyệt”"},
		{"Draft", []int{5}, enabled{false, false, false, true, true}, "Bản nháp: chuyển sang “Đã đề nghị” trước khi xét duyệt"},
		{"ApprovedAndRejected", []int{1, 2}, enabled{true, true, true, true, true}, ""},
		{"InADecision", []int{3}, enabled{false, false, false, false, false}, "Đã có trong quyết định: không đổi trạng thái ở đây được"},
		{"SomeInADecision", []int{3, 1}, enabled{false, true, true, true, true}, "1 đề nghị đã có trong quyết định, được giữ nguyên"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, m, s, c := openNominations(t)
			ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
			set := func(to khenthuong.Status, reason string, ids ...uint64) {
				if err := f.SetStatus(ids, to, reason); err != nil {
					t.Fatal(err)
				}
			}
			set(khenthuong.StatusApproved, "", ns[1].ID, ns[3].ID)
			set(khenthuong.StatusRejected, "Chưa đủ thời gian", ns[2].ID)
			set(khenthuong.StatusDraft, "", ns[5].ID)
			inDecision(t, f, m, c, ns[3].ID)
			s.markRows(tc.rows...)
			r := s.review
			got := enabled{!r.approveButton.Disabled(), !r.rejectButton.Disabled(), !r.deferButton.Disabled(),
				!r.resubmitButton.Disabled(), !r.moveButton.Disabled()}
			if got != tc.want {
				t.Errorf("enabled %+v, want %+v", got, tc.want)
			}
			note := ""
			if r.stateNote.Visible() {
				note = r.stateNote.Text
			}
			if note != tc.note {
				t.Errorf("note %q, want %q", note, tc.note)
			}
		})
	}

	t.Run("NoteTakesItsOwnPlace", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if err := f.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusApproved, ""); err != nil {
			t.Fatal(err)
		}
		s.reload()
		waitAll(m)
		m.win.Resize(fyne.NewSize(1280, 800))
		s.markRows(1)
		note := s.review.stateNote
		if !note.Visible() {
			t.Fatal("no note")
		}
		// it was drawn over "Xét duyệt:" and Duyệt until the bar was laid out again
		if got, want := note.Size(), note.MinSize(); got.Width < want.Width || got.Height < want.Height {
			t.Errorf("the note is %v, not laid out at its size %v", got, want)
		}
		for _, o := range s.review.bar.Objects {
			if o == fyne.CanvasObject(note) || !o.Visible() {
				continue
			}
			if overlap(o, note) {
				t.Errorf("the note at %v %v covers %T at %v %v", note.Position(), note.Size(), o, o.Position(), o.Size())
			}
		}
		if note.Position().Y+note.Size().Height > s.review.bar.Size().Height {
			t.Errorf("the note ends at %.0f, below its bar (%.0f high)", note.Position().Y+note.Size().Height, s.review.bar.Size().Height)
		}
	})

	t.Run("ActionLeavesTheOthersAlone", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if err := f.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusApproved, ""); err != nil {
			t.Fatal(err)
		}
		inDecision(t, f, m, c, ns[1].ID)
		s.markRows(1, 2) // in a decision, and submitted
		test.Tap(s.review.deferButton)
		waitAll(m)
		if top := m.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("a refusal: %q", overlayText(m.win.Canvas()))
		}
		st := statuses(t, f, c)
		if st["Trương Quang Sáng"] != khenthuong.StatusApproved || st["Nguyễn Thị Bình"] != khenthuong.StatusDeferred {
			t.Errorf("after Hoãn xét: %v", st)
		}
	})
}

// overlap reports whether two objects laid out in the same container cover
// each other.
func overlap(a, b fyne.CanvasObject) bool {
	ap, as, bp, bs := a.Position(), a.Size(), b.Position(), b.Size()
	return ap.X < bp.X+bs.Width && bp.X < ap.X+as.Width && ap.Y < bp.Y+bs.Height && bp.Y < ap.Y+as.Height
}

// inDecision lists ids in a draft decision and tells Đề nghị, as Quyết định does.
func inDecision(t *testing.T, f *fakeServices, m *MainWindow, c khenthuong.Campaign, ids ...uint64) {
	t.Helper()
	d := khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "15/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"), SignerTitle: "CHỦ TỊCH"}
	if err := f.CreateDecision(&d, ids); err != nil {
		t.Fatal(err)
	}
	m.nominations.decisionsChanged()
	waitAll(m)
}
