package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestDataTable(t *testing.T) {
	t.Run("LongTextEndsWithEllipsis", func(t *testing.T) {
		test.NewTempApp(t)
		tbl := newDataTable([]column{{"A", 100}}, 0, func() int { return 0 }, nil)
		size := float32(14)
		long := "Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp tỉnh Quảng Trị"
		cut := tbl.fitText(long, 150, size, false)
		if !strings.HasSuffix(cut, "…") || !strings.HasPrefix(long, strings.TrimSuffix(cut, "…")) {
			t.Fatalf("cut %q", cut)
		}
		if w := fyne.MeasureText(cut, size, fyne.TextStyle{}).Width; w > 150 {
			t.Errorf("%q is %.1f wide, more than 150", cut, w)
		}
		if longer := tbl.fitText(long, 250, size, false); len(longer) <= len(cut) {
			t.Errorf("a wider column shows no more: %q", longer)
		}
		if got := tbl.fitText("Sở Tư pháp", 150, size, false); got != "Sở Tư pháp" {
			t.Errorf("a short text was cut: %q", got)
		}
	})

	t.Run("SortArrowOnSortedColumn", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		tapHeader(t, s.table, colUnit)
		settleRows(s)
		tapHeader(t, s.table, colUnit)
		settleRows(s)
		for _, o := range drawn(s.table) {
			h, ok := o.(*headerCell)
			if !ok || !h.Visible() || h.col < 0 {
				continue
			}
			if (h.col == colUnit) != h.icon.Visible() {
				t.Errorf("column %d: arrow shown %v", h.col, h.icon.Visible())
			}
			if h.col == colUnit && h.icon.Resource != theme.MenuDropDownIcon() {
				t.Error("the second tap sorts descending: the arrow should point down")
			}
		}
	})

	t.Run("SearchKeys", func(t *testing.T) {
		_, m, s, _ := openNominations(t)
		c := m.win.Canvas()
		c.Focus(s.search)
		test.Type(s.search, "binh")
		settleRows(s)
		typeKey(t, c, fyne.KeyDown) // into the list, on its first row
		if c.Focused() != s.table || s.selected() == nil || s.selected().Nominee.Name != "Nguyễn Thị Bình" {
			t.Fatalf("Down from the search: focus %T, selected %v", c.Focused(), s.selected())
		}
		typeKey(t, c, fyne.KeyDown)
		if s.selected().Nominee.Name != "Lê Văn Bình" {
			t.Errorf("second Down selected %q", s.selected().Nominee.Name)
		}
		c.Focus(s.search)
		typeKey(t, c, fyne.KeyEscape)
		settleRows(s)
		if s.search.Text != "" || s.count.Text != "6 đề nghị" || s.selected().Nominee.Name != "Lê Văn Bình" {
			t.Errorf("Escape: search %q, count %q, selected %q", s.search.Text, s.count.Text, s.selected().Nominee.Name)
		}
	})

	t.Run("SelectionHighlightsTheRow", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		tapCell(t, s.table, 2, colUnit)
		for id, c := range visibleCells(s.table) {
			_, _, _, a := c.bg.FillColor.RGBA()
			if (a != 0) != (id.Row == 2) {
				t.Errorf("cell %v highlighted %v", id, a != 0)
			}
		}
	})
}
