package certificates

import "khenthuong/page"

// The streams below hand a document's pages one at a time, from the first
// each time they are called: a printer is sent a 100,000-recipient list
// without its thousands of pages held (printing.Job.Stream). Each checks
// the document as its Write function does.

// DecisionStream streams the pages WriteDecision prints.
func DecisionStream(doc DecisionDoc, opts DecisionOptions) func(yield func(page.Page) error) error {
	return func(yield func(page.Page) error) error {
		if err := doc.check(); err != nil {
			return err
		}
		return doc.layout(opts, yield)
	}
}

// ListStream streams the pages WriteList prints.
func ListStream(doc DecisionDoc, table bool) func(yield func(page.Page) error) error {
	return func(yield func(page.Page) error) error {
		if err := doc.check(); err != nil {
			return err
		}
		return doc.listLayout(table, yield)
	}
}

// PaymentsStream streams the pages WritePayments prints.
func PaymentsStream(doc PaymentsDoc) func(yield func(page.Page) error) error {
	return doc.layout
}

// RunSheetStream streams the pages WriteRunSheet prints.
func RunSheetStream(doc RunSheetDoc) func(yield func(page.Page) error) error {
	return doc.layout
}

// EachPage lays out the job's pages one at a time, as Print does, handing
// each to emit; it returns the warnings of that pass.
func (j *Job) EachPage(emit func(page.Page) error) ([]Warning, error) {
	return j.each(emit)
}
