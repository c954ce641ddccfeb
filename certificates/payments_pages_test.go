package certificates

import (
	"strconv"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

// The signed page carries rows of the list, whatever the length of the list
// (the last page once held only the header, "Cộng II", the totals and the
// signatures), and the date line is centred over THỦ TRƯỞNG ĐƠN VỊ.
func TestPaymentsSignedPageHoldsRows(t *testing.T) {
	st := AdminStyle()
	for n := 4; n <= 44; n += 2 {
		d := mixDecision("BKCT", uint64(60+n), 2, n, 0, false)
		pages, err := PaymentsPages(PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings()})
		if err != nil {
			t.Fatal(err)
		}
		last := pages[len(pages)-1]
		rows := 0
		var date, head *page.Text
		for i, tx := range last.Texts {
			if _, err := strconv.Atoi(tx.Text); err == nil && tx.X < st.Left+12.5 {
				rows++
			}
			switch {
			case strings.HasPrefix(tx.Text, "Quảng Trị, ngày"):
				date = &last.Texts[i]
			case tx.Text == "THỦ TRƯỞNG ĐƠN VỊ":
				head = &last.Texts[i]
			}
		}
		if rows < keepWithTotals {
			t.Errorf("%d individuals, %d pages: the signed page holds %d rows of the list", n, len(pages), rows)
		}
		if date == nil || head == nil {
			t.Fatalf("%d individuals: date %v, head %v on the last page", n, date, head)
		}
		dc, hc := date.X+date.Width/2, head.X+head.Width/2
		if dc-hc > 1 || hc-dc > 1 || date.X+date.Width > st.Width-st.Right+0.01 {
			t.Errorf("date line centred at %.1f mm (ends %.1f), THỦ TRƯỞNG ĐƠN VỊ at %.1f mm", dc, date.X+date.Width, hc)
		}
	}
}

// The signers' titles keep one line each beside the date's column.
func TestPaymentsSignersOnOneLine(t *testing.T) {
	d := mixDecision("BKCT", 70, 1, 3, 0, false)
	pages, err := PaymentsPages(PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings()})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, tx := range pages[len(pages)-1].Texts {
		found[tx.Text] = true
	}
	for _, sg := range DefaultPaymentSignatures {
		if !found[sg] {
			t.Errorf("%q is not on one line", sg)
		}
	}
}
