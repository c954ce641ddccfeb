package certificates

import "khenthuong/page"

// A preview shows a document's first pages; the file written has them all.
// For a decision of 100,000 the list runs to thousands of pages, which the
// preview lays out and counts but does not keep.

// firstPages keeps the first n pages layout emits (all of them when n <= 0)
// and returns how many it emitted in all.
func firstPages(n int, layout func(emit func(page.Page) error) error) ([]page.Page, int, error) {
	var pages []page.Page
	total := 0
	err := layout(func(p page.Page) error {
		if n <= 0 || total < n {
			pages = append(pages, p)
		}
		total++
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return pages, total, nil
}

// DecisionPreview is DecisionPages keeping only the first n pages, with the count of all.
func DecisionPreview(doc DecisionDoc, opts DecisionOptions, n int) ([]page.Page, int, error) {
	return firstPages(n, func(emit func(page.Page) error) error { return doc.layout(opts, emit) })
}

// ListPreview is ListPages keeping only the first n pages, with the count of all.
func ListPreview(doc DecisionDoc, table bool, n int) ([]page.Page, int, error) {
	return firstPages(n, func(emit func(page.Page) error) error { return doc.listLayout(table, emit) })
}

// RunSheetPreview is RunSheetPages keeping only the first n pages, with the count of all.
func RunSheetPreview(doc RunSheetDoc, n int) ([]page.Page, int, error) {
	return firstPages(n, doc.layout)
}

// PaymentsPreview is PaymentsPages keeping only the first n pages, with the count of all.
func PaymentsPreview(doc PaymentsDoc, n int) ([]page.Page, int, error) {
	return firstPages(n, doc.layout)
}
