package ui

import (
	"slices"
	"testing"

	"khenthuong"
)

// In ấn's chooser keeps only the IDs and the exceptions to "all" or "none":
// the count, the IDs printed (in list order) and the rows read a page at a
// time must read as if every recipient were held with its tick.
func TestPrintRecipientsChooser(t *testing.T) {
	const n = 250 // three pages
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = uint64(1000 + i)
	}
	var reads []khenthuong.Page
	read := func(p khenthuong.Page) ([]khenthuong.Recipient, error) {
		reads = append(reads, p)
		var out []khenthuong.Recipient
		for i := p.Offset; i < min(p.Offset+p.Limit, n); i++ {
			out = append(out, khenthuong.Recipient{NominationID: ids[i]})
		}
		return out, nil
	}
	for _, c := range []struct {
		name  string
		act   func(p *printRecipients)
		count int
		want  []uint64 // nil: all
	}{
		{"AllAtFirst", func(*printRecipients) {}, n, nil},
		{"OneUnticked", func(p *printRecipients) { p.choose(1003, false) }, n - 1, slices.Delete(slices.Clone(ids), 3, 4)},
		{"UntickedTwiceCountsOnce", func(p *printRecipients) { p.choose(1003, false); p.choose(1003, false) }, n - 1, slices.Delete(slices.Clone(ids), 3, 4)},
		{"UntickedAndTickedAgain", func(p *printRecipients) { p.choose(1003, false); p.choose(1003, true) }, n, nil},
		{"NoneThenTwoOutOfOrder", func(p *printRecipients) { p.chooseAll(false); p.choose(1240, true); p.choose(1001, true) }, 2, []uint64{1001, 1240}},
		{"None", func(p *printRecipients) { p.choose(1007, false); p.chooseAll(false) }, 0, []uint64{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var p printRecipients
			p.reset(ids, n, read)
			c.act(&p)
			if got := p.chosenCountN(); got != c.count {
				t.Errorf("count %d, want %d", got, c.count)
			}
			got := p.chosenIDs()
			if (got == nil) != (c.want == nil) || !slices.Equal(got, c.want) {
				t.Errorf("chosen %v, want %v", got, c.want)
			}
		})
	}

	var p printRecipients
	p.reset(ids, n, read)
	reads = nil
	for _, i := range []int{0, 99, 100, 249, 5} {
		if r := p.recipientAt(i, nil); r == nil || r.NominationID != ids[i] {
			t.Fatalf("recipient %d is %+v, want ID %d", i, r, ids[i])
		}
	}
	if want := []khenthuong.Page{{Offset: 0, Limit: 100}, {Offset: 100, Limit: 100}, {Offset: 200, Limit: 100}}; !slices.Equal(reads, want) {
		t.Errorf("pages read %v, want each once %v", reads, want)
	}
	if r := p.recipientAt(n, nil); r != nil {
		t.Errorf("recipient past the end: %+v", r)
	}
}
