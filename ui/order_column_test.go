package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The order column of Đề nghị shows a five-digit number whole, as a cell
// of its width lays it out.
func TestOrderColumnHoldsFiveDigits(t *testing.T) {
	m := newTestUI(t, newFake())
	table := m.nominations.table
	cell := newTableCell(table)
	cell.CreateRenderer().Layout(fyne.NewSize(table.cols[colOrder].width, rowHeight()))
	for _, n := range []string{"7", "999", "19999", "20000"} {
		cell.update(widget.TableCellID{Col: colOrder}, n, false)
		if cell.text.Text != n {
			t.Errorf("order number %s reads %q", n, cell.text.Text)
		}
	}
}
