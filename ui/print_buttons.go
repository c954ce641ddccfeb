package ui

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"khenthuong/certificates"
	"khenthuong/page"
)

// The "In…" buttons of In ấn, of a decision's documents and of the
// calibration wizard: each opens the print dialog on its pages.

// printDirect opens "In…" for the chosen certificates: the printer's own
// profile moves them when it has one, else the profile chosen on the screen.
func (s *printScreen) printDirect() {
	if s.decision == nil || s.chosenCountN() == 0 {
		return
	}
	job, total := s.job(), s.chosenCountN()
	number := certificates.DecisionNumber(s.decision.Number, s.settings.AuthorityAbbr)
	s.printDialog = showPrintDialog(printRequest{
		title:    s.form.Name + " – " + lang.L("Decision No. {{.Number}}", map[string]any{"Number": number}),
		profiles: s.svc,
		pages: func(ctx context.Context, prof *certificates.PrinterProfile, progress func(int, int)) ([]page.Page, error) {
			if prof != nil {
				job.Profile = *prof
			}
			return layoutInChunks(ctx, job, total, progress)
		},
	}, s.win)
}

// printDirect opens "In…" for the document as previewed (its batch size);
// documents are printed as they are, no profile moves them.
func (v *docView) printDirect() {
	batch, ok := v.batchSize()
	if !v.ready || !ok {
		return
	}
	req := printRequest{title: v.spec.title, total: v.preview.total}
	if v.spec.stream != nil {
		req.stream = func(_ context.Context, _ *certificates.PrinterProfile, yield func(page.Page) error) error {
			return v.spec.stream(batch, yield)
		}
	} else {
		req.pages = func(context.Context, *certificates.PrinterProfile, func(int, int)) ([]page.Page, error) {
			pages, _, err := v.spec.pages(batch, 0)
			return pages, err
		}
	}
	v.printDlg = showPrintDialog(req, v.win)
}

// printPage opens "In…" for the calibration page, moved by the profile being
// measured (or by the chosen printer's own, when this one is not named yet).
func (c *calibrationWizard) printPage() {
	w, h, err := c.pageSize()
	if err != nil {
		c.showMessage(err)
		return
	}
	p := certificates.PrinterProfile(c.profile())
	c.printDlg = showPrintDialog(printRequest{
		title:    lang.L("Printer calibration page"),
		profiles: c.svc,
		pages: func(_ context.Context, own *certificates.PrinterProfile, _ func(int, int)) ([]page.Page, error) {
			prof := p
			if prof.Name == "" && own != nil {
				prof = *own
			}
			if prof.Name == "" {
				prof = certificates.PrinterProfile{} // a printer not named yet: the page moves nothing
			}
			pg, err := certificates.CalibrationPage(w, h, prof)
			return []page.Page{pg}, err
		},
	}, c.win)
}
