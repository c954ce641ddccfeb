package certificates

import (
	"io"

	"khenthuong"
	"khenthuong/page"
)

// Job is one print run: recipients of a decision on one template.
type Job struct {
	Decision *khenthuong.Decision
	Form     *khenthuong.AwardForm
	Settings *khenthuong.Settings
	Template Template
	Mode     Mode
	Profile  PrinterProfile // applied in both modes; the zero profile moves nothing
	// Recipients are the nomination IDs to print, in print order (ceremony
	// order); empty prints every recipient in the decision's list order.
	Recipients []uint64
	// Trays are the tray numbers of Recipients (PrintOrder), printed small
	// under the registry line of each certificate; empty prints none.
	Trays []int
	// Draft is a trial print of a decision not yet issued (NotIssued):
	// every page carries DraftMark.
	Draft bool
	// Stream, if set, is where the recipients come from instead of
	// Decision.Recipients: a batch of a whole large decision is read a few
	// times rather than held (see plan).
	Stream RecipientStream
	// Progress, if set, is called after each page is laid out.
	Progress func(done, total int)
}

// Pages lays out the job's pages, in order, through the printer profile.
// Errors: EINVALID (template, profile), ENOTFOUND (a recipient not in the decision).
func (j *Job) Pages() ([]page.Page, []Warning, error) {
	var pages []page.Page
	warns, err := j.each(func(p page.Page) error {
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return pages, warns, nil
}

// each lays out the job's pages one at a time, handing each to emit.
func (j *Job) each(emit func(page.Page) error) ([]Warning, error) {
	if err := j.Template.Validate(); err != nil {
		return nil, err
	}
	if j.Profile != (PrinterProfile{}) {
		if err := j.Profile.Validate(); err != nil {
			return nil, err
		}
	}
	total, recipients, err := j.plan()
	if err != nil {
		return nil, err
	}
	if len(j.Trays) > 0 && len(j.Trays) != total {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Có %d số thứ tự khay cho %d bằng khen", len(j.Trays), total)
	}
	var warns []Warning
	i := 0
	err = recipients(func(r *khenthuong.Recipient) error {
		pg, w := Layout(j.Template, ValuesFor(j.Decision, r, j.Form, j.Settings), j.Mode)
		if i < len(j.Trays) && j.Trays[i] > 0 {
			pg = withTray(pg, &j.Template, j.Trays[i])
		}
		if j.Draft {
			pg = withDraftMark(pg, &j.Template)
		}
		if err := emit(j.Profile.Apply(pg)); err != nil {
			return err
		}
		warns = append(warns, w...)
		i++
		if j.Progress != nil {
			j.Progress(i, total)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return warns, nil
}

// plan is how many certificates the job prints and their recipients in
// print order: from the decision held, or else from Stream.
func (j *Job) plan() (int, RecipientStream, error) {
	if j.Stream == nil {
		rs, err := j.recipients()
		if err != nil {
			return 0, nil, err
		}
		return len(rs), func(fn func(*khenthuong.Recipient) error) error {
			for _, r := range rs {
				if err := fn(r); err != nil {
					return err
				}
			}
			return nil
		}, nil
	}
	return j.streamPlan()
}

func (j *Job) recipients() ([]*khenthuong.Recipient, error) {
	d := j.Decision
	if len(j.Recipients) == 0 {
		out := make([]*khenthuong.Recipient, len(d.Recipients))
		for i := range d.Recipients {
			out[i] = &d.Recipients[i]
		}
		if len(out) == 0 {
			return nil, khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s chưa có người được khen", d.Number)
		}
		return out, nil
	}
	byID := make(map[uint64]*khenthuong.Recipient, len(d.Recipients))
	for i := range d.Recipients {
		byID[d.Recipients[i].NominationID] = &d.Recipients[i]
	}
	out := make([]*khenthuong.Recipient, 0, len(j.Recipients))
	for _, id := range j.Recipients {
		r, ok := byID[id]
		if !ok {
			return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Quyết định số %s không có người được khen mã %d", d.Number, id)
		}
		out = append(out, r)
	}
	return out, nil
}

// Print lays out the job and writes it as one PDF, one page per recipient,
// a page at a time (a batch may be a whole decision's). It returns the
// layout warnings (texts shrunk below their minimum size, letters the font
// lacks) for the clerk to read before printing. Nothing is written to w
// when it fails.
func Print(w io.Writer, j Job) ([]Warning, error) {
	pdf := page.NewPDF(certificatesTitle)
	defer pdf.Close()
	n := 0
	warns, err := j.each(func(p page.Page) error {
		n++
		if err := checkSheet(n, &p); err != nil {
			return err
		}
		return pdf.Add(&p)
	})
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errNoCertificates()
	}
	return warns, pdf.Finish(w)
}

const certificatesTitle = "Bằng khen, giấy khen"

func errNoCertificates() error {
	return khenthuong.Errorf(khenthuong.EINVALID, "Không có bằng khen nào để in")
}

// checkSheet refuses page n when no printer takes its size.
func checkSheet(n int, p *page.Page) error {
	if !page.ValidSize(p.Width, p.Height) {
		return khenthuong.Errorf(khenthuong.EINVALID, "Trang %d: khổ giấy %s × %s mm không hợp lệ", n, mm(p.Width), mm(p.Height))
	}
	return nil
}

// WriteCertificates writes the certificates' pages, one sheet each in the
// order given, as one PDF (see page.WritePDF). Pages come from Layout
// (through PrinterProfile.Apply when printing on a profiled printer).
func WriteCertificates(w io.Writer, pages ...page.Page) error {
	if len(pages) == 0 {
		return errNoCertificates()
	}
	for i := range pages {
		if err := checkSheet(i+1, &pages[i]); err != nil {
			return err
		}
	}
	return page.WritePDF(w, certificatesTitle, pages)
}
