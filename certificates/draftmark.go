package certificates

import (
	"fmt"

	"khenthuong"
	"khenthuong/page"
)

// DraftMark is printed across the top of every certificate of a trial
// print (Job.Draft): a decision not yet issued has no registry number and
// no signer, and a blank printed from it must not be handed out.
const DraftMark = "BẢN NHÁP – QUYẾT ĐỊNH CHƯA BAN HÀNH"

// NotIssued refuses certificates of decision d while it is a draft; how
// to print a trial anyway (a flag, a check box) is the caller's to add.
func NotIssued(d *khenthuong.Decision) error {
	if d.Status == khenthuong.DecisionIssued {
		return nil
	}
	name := fmt.Sprintf("Quyết định mã %d (chưa có số)", d.ID)
	if d.Number != "" {
		name = "Quyết định số " + d.Number
	}
	return khenthuong.Errorf(khenthuong.EINVALID,
		"%s chưa ban hành: bằng khen in ra sẽ thiếu số sổ vàng và người ký. Hãy ban hành quyết định trước rồi mới in bằng khen", name)
}

// withDraftMark adds DraftMark in red where the registry line would be (a
// draft has none, so the box is free), else near the top edge.
func withDraftMark(p page.Page, tpl *Template) page.Page {
	const size, margin = 14.0, 7.0 // pt, mm from the top edge
	st := AdminStyle()
	t := st.text("B", size, DraftMark, 0, 0, page.RGB{R: 200})
	t.X, t.Baseline, t.Key = (p.Width-t.Width)/2, margin+t.Ascent, "draft"
	if f := trayAnchor(tpl); f != nil && f.X+t.Width < p.Width {
		t.X, t.Baseline = f.X, f.Y+t.Ascent
	}
	texts := make([]page.Text, len(p.Texts), len(p.Texts)+1)
	copy(texts, p.Texts)
	p.Texts = append(texts, t)
	return p
}
