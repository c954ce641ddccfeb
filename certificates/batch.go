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
	// Progress, if set, is called after each page is laid out.
	Progress func(done, total int)
}

// Pages lays out the job's pages, in order, through the printer profile.
// Errors: EINVALID (template, profile), ENOTFOUND (a recipient not in the decision).
func (j *Job) Pages() ([]page.Page, []Warning, error) {
	if err := j.Template.Validate(); err != nil {
		return nil, nil, err
	}
	if j.Profile != (PrinterProfile{}) {
		if err := j.Profile.Validate(); err != nil {
			return nil, nil, err
		}
	}
	recipients, err := j.recipients()
	if err != nil {
		return nil, nil, err
	}
	if len(j.Trays) > 0 && len(j.Trays) != len(recipients) {
		return nil, nil, khenthuong.Errorf(khenthuong.EINVALID, "Có %d số thứ tự khay cho %d bằng khen", len(j.Trays), len(recipients))
	}
	pages := make([]page.Page, 0, len(recipients))
	var warns []Warning
	for i, r := range recipients {
		pg, w := Layout(j.Template, ValuesFor(j.Decision, r, j.Form, j.Settings), j.Mode)
		if i < len(j.Trays) && j.Trays[i] > 0 {
			pg = withTray(pg, &j.Template, j.Trays[i])
		}
		pages = append(pages, j.Profile.Apply(pg))
		warns = append(warns, w...)
		if j.Progress != nil {
			j.Progress(i+1, len(recipients))
		}
	}
	return pages, warns, nil
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

// Print lays out the job and writes it as one PDF, one page per recipient.
// It returns the layout warnings (texts shrunk below their minimum size,
// letters the font lacks) for the clerk to read before printing.
func Print(w io.Writer, j Job) ([]Warning, error) {
	pages, warns, err := j.Pages()
	if err != nil {
		return nil, err
	}
	return warns, WriteCertificates(w, pages...)
}

// WriteCertificates writes the certificates' pages, one sheet each in the
// order given, as one PDF (see page.WritePDF). Pages come from Layout
// (through PrinterProfile.Apply when printing on a profiled printer).
func WriteCertificates(w io.Writer, pages ...page.Page) error {
	if len(pages) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có bằng khen nào để in")
	}
	for i, p := range pages {
		if !page.ValidSize(p.Width, p.Height) {
			return khenthuong.Errorf(khenthuong.EINVALID, "Trang %d: khổ giấy %s × %s mm không hợp lệ", i+1, mm(p.Width), mm(p.Height))
		}
	}
	return page.WritePDF(w, "Bằng khen, giấy khen", pages)
}
