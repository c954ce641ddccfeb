package ui

import (
	"testing"
)

// At the size the office's PCs show the window (1280×800), no column title
// of a screen's table is cut to "…": "Số đối tượng được…" read on Quyết
// định, "Thứ b…" on Danh mục.
func TestColumnTitlesWhole(t *testing.T) {
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
	approveAll(t, f, c)
	issuedDecision(t, f, c)
	m := newTestUI(t, f)
	m.win.Resize(fyneSize(1280, 800))
	for p := range numPages {
		showPage(t, m, p)
		for _, o := range drawn(m.win.Content()) {
			if h, ok := o.(*headerCell); ok && h.Visible() && h.text.Text != h.title {
				t.Errorf("%s: title %q shown as %q", m.rail[p].Text, h.title, h.text.Text)
			}
		}
	}
}
