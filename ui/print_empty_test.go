package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// In ấn on a campaign without a decision says so inside the preview pane on
// a laptop: the sentence is wider than the pane, so it wraps instead of
// running under the options and off the window's edge.
func TestPrintHintWrapsInThePane(t *testing.T) {
	f := newFake()
	seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
	m := newTestUI(t, f)
	m.win.Resize(laptop)
	showPage(t, m, pagePrinting)
	settle(m)
	p := m.printing.preview
	msg := p.renderer.message
	if !strings.Contains(msg.Text, "chưa có quyết định") {
		t.Fatalf("the preview says %q", msg.Text)
	}
	pane := p.Size()
	if one := fyne.MeasureText(msg.Text, theme.TextSize(), fyne.TextStyle{}).Width; one <= pane.Width {
		t.Fatalf("the sentence (%v) fits the pane (%v) on one line: the test proves nothing", one, pane.Width)
	}
	pos, size := msg.Position(), msg.Size()
	if !msg.Visible() || pos.X < 0 || pos.X+size.Width > pane.Width || pos.Y < 0 || pos.Y+size.Height > pane.Height {
		t.Errorf("the hint lies at %v size %v, outside the pane's %v", pos, size, pane)
	}
	if need := msg.MinSize().Width; need > pane.Width {
		t.Errorf("the hint needs %v of the pane's %v: it runs past the edge", need, pane.Width)
	}
	if size.Height < 2*theme.TextSize() {
		t.Errorf("the hint is %v high: not wrapped", size.Height)
	}
}
