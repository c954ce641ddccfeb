package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The search box keeps its place while the count changes as the clerk
// types: "39 đề nghị", "7 đề nghị", "hơn 1.000 đề nghị".
func TestSearchBoxStaysAsTheCountChanges(t *testing.T) {
	_, m, s, _ := openNominations(t)
	m.win.Resize(fyne.NewSize(1093, 614))
	var width float32
	for i, tc := range []struct {
		total   int
		atLeast bool
	}{{39, false}, {7, false}, {1000, true}, {100000, false}} {
		s.model.total, s.model.atLeast = tc.total, tc.atLeast
		s.updateCount()
		m.win.Content().Refresh()
		m.win.Resize(fyne.NewSize(1093, 614))
		w := s.search.Size().Width
		if i == 0 {
			width = w
		} else if w != width {
			t.Errorf("count %d (more: %v): the search box is %.0f wide, was %.0f", tc.total, tc.atLeast, w, width)
		}
		if s.count.MinSize().Width > s.count.Size().Width+1 {
			t.Errorf("count %q cut: %.0f of %.0f", s.count.Text, s.count.Size().Width, s.count.MinSize().Width)
		}
	}
}
