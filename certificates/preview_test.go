package certificates

import (
	"reflect"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

// A preview keeps the first pages of the document, the same as the whole
// layout's, and counts every page the file has.
func TestPreviewKeepsFirstPages(t *testing.T) {
	d := mixDecision("BKCT", 80, 30, 400, 20, false)
	doc := DecisionDoc{Decision: d, Form: testForms()["BKCT"], Settings: testSettings()}
	pd := PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings()}
	rs := RunSheetDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings(), BatchSize: 10}
	for _, c := range []struct {
		name    string
		all     func() ([]page.Page, error)
		preview func(n int) ([]page.Page, int, error)
	}{
		{"decision", func() ([]page.Page, error) { return DecisionPages(doc, DecisionOptions{}) },
			func(n int) ([]page.Page, int, error) { return DecisionPreview(doc, DecisionOptions{}, n) }},
		{"list", func() ([]page.Page, error) { return ListPages(doc, true) },
			func(n int) ([]page.Page, int, error) { return ListPreview(doc, true, n) }},
		{"runsheet", func() ([]page.Page, error) { return RunSheetPages(rs) },
			func(n int) ([]page.Page, int, error) { return RunSheetPreview(rs, n) }},
		{"payments", func() ([]page.Page, error) { return PaymentsPages(pd) },
			func(n int) ([]page.Page, int, error) { return PaymentsPreview(pd, n) }},
	} {
		all, err := c.all()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(all) < 4 {
			t.Fatalf("%s: %d pages, too few to test a preview", c.name, len(all))
		}
		for _, n := range []int{0, 3, len(all), len(all) + 5} {
			pages, total, err := c.preview(n)
			if err != nil {
				t.Fatalf("%s, %d: %v", c.name, n, err)
			}
			want := all
			if n > 0 && n < len(all) {
				want = all[:n]
			}
			if total != len(all) || !reflect.DeepEqual(pages, want) {
				t.Errorf("%s, first %d: %d pages of %d, want %d of %d (same: %v)", c.name, n, len(pages), total, len(want), len(all), reflect.DeepEqual(pages, want))
			}
		}
	}
}
