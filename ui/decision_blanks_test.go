package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/certificates"
	"khenthuong/page"
)

// draftWithBlanks stores a BKCT draft of c with no signer's name and no submission.
func draftWithBlanks(t testing.TB, f *fakeServices, c khenthuong.Campaign) *khenthuong.Decision {
	t.Helper()
	ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID, Status: khenthuong.StatusApproved, FormCode: "BKCT"})
	var ids []uint64
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	d := khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"}
	if err := f.CreateDecision(&d, ids); err != nil {
		t.Fatal(err)
	}
	return &d
}

// Issuing is irreversible: the window refuses a draft with blanks its
// wording uses, naming them, says so beside the draft, and the draft's
// preview marks them.
func TestIssueRefusesBlanks(t *testing.T) {
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
	approveAll(t, f, c)
	d := draftWithBlanks(t, f, c)
	m := newTestUI(t, f)
	showPage(t, m, pageDecisions)
	s := m.decisions
	cv := m.win.Canvas()
	tapCell(t, s.table, 0, decColNumber)
	waitAll(m)
	want := "còn để trống tên người ký, số tờ trình, ngày tờ trình"
	if !s.blanks.Visible() || !contains(s.blanks.Text, want+". Hãy điền") {
		t.Errorf("the draft's detail says %q (shown %v)", s.blanks.Text, s.blanks.Visible())
	}
	if !s.issueButton.Disabled() {
		t.Error("Ban hành is enabled on a draft with blanks")
	}
	s.issueSelected() // as a click that came before the button greyed out
	if got := overlayText(cv); !contains(got, want) {
		t.Errorf("issuing a draft with blanks: %q", got)
	}
	dismissDialogs(cv)
	if got, _ := f.Decision(d.ID); got.Status != khenthuong.DecisionDraft {
		t.Fatalf("the draft was issued: %+v", got)
	}

	test.Tap(s.docButtons[docDecision])
	waitAll(m)
	v := s.doc
	if v == nil || len(v.preview.pages) == 0 {
		t.Fatal("no preview")
	}
	marked := 0
	for _, tx := range v.preview.pages[0].Texts {
		if tx.Key == certificates.BlankKey {
			marked++
		}
	}
	// The submission's number, the three parts of its date, the signer's name.
	if marked != 5 {
		t.Errorf("%d blanks marked on the draft's preview, want 5", marked)
	}
}

// The preview draws every piece of text no wider than the PDF sets it, so
// that words never run together ("98/2023/NĐ-CPngày", "tỉnhcho").
func TestPreviewTextsKeepThePDFWidths(t *testing.T) {
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
	approveAll(t, f, c)
	issuedDecision(t, f, c)
	m := newTestUI(t, f)
	showPage(t, m, pageDecisions)
	s := m.decisions
	tapCell(t, s.table, 0, decColNumber)
	waitAll(m)
	test.Tap(s.docButtons[docDecision])
	waitAll(m)
	v := s.doc
	if v == nil || len(v.preview.pages) == 0 {
		t.Fatal("no preview")
	}
	for _, width := range []float32{300, 620, 1200} {
		p := v.preview.page
		p.Resize(fyne.NewSize(width, width*297/210))
		r := p.renderer
		k, _ := p.scale()
		n := 0
		drv := fyne.CurrentApp().Driver()
		for _, tx := range v.preview.pages[v.preview.index].Texts {
			if page.LookupFace(tx.Font, tx.Style) == nil {
				continue
			}
			ct := r.texts[n]
			n++
			w, _ := drv.RenderedTextSize(ct.Text, ct.TextSize, ct.TextStyle, ct.FontSource)
			if limit := k*float32(tx.Width) + 0.5; w.Width > limit {
				t.Errorf("at %.0f px, %q is drawn %.1f px wide, %.1f in the PDF", width, ct.Text, w.Width, limit)
			}
		}
		if n == 0 {
			t.Fatal("no text drawn")
		}
	}
}
