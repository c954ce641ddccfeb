package page

import (
	"bytes"
	"fmt"
	"strconv"
)

// pageTree is the page tree of a document in parts, written in place of
// the frame's one page: fpdf builds the frame (fonts, forms, pictures,
// resources) over a single page, whatever the page count, and the pages
// are written here as they go, never held.
type pageTree struct {
	pages    []spooledPage
	first    [2]float64 // the frame's page size: other sizes get a /MediaBox
	pageObj  int        // the frame's page object, the document's first page
	contents int        // its content stream
	base     int        // the other pages' objects are numbered from here
	// body is the frame page's entries between /Parent and /Contents
	// (resources, transparency group); rootTail the /Pages entries after
	// /Count (the default /MediaBox).
	body, rootTail []byte
}

// framePages sets r, fpdf's frame of one page whose content is object
// contents, to be written with the pages given: page i > 0 is object
// base+2(i-1), its content the object after.
func (r *rawPDF) framePages(pages []spooledPage, first [2]float64, contents int) error {
	t := &pageTree{pages: pages, first: first, contents: contents, base: r.count}
	for k, n := range r.order {
		obj := r.object(k)
		switch {
		case bytes.Contains(obj, []byte("/Type /Page\n")):
			const parent = "/Parent 1 0 R\n"
			p, c := bytes.Index(obj, []byte(parent)), bytes.Index(obj, []byte("/Contents "))
			if p < 0 || c < p || bytes.Contains(obj, []byte("/MediaBox")) {
				return fmt.Errorf("%w: frame page %d", errPDFLayout, n)
			}
			t.pageObj, t.body = n, obj[p+len(parent):c]
		case n == 1:
			c := bytes.Index(obj, []byte("/Count 1\n"))
			if !bytes.Contains(obj, []byte("/Type /Pages\n")) || c < 0 {
				return fmt.Errorf("%w: frame page tree", errPDFLayout)
			}
			t.rootTail = obj[c+len("/Count 1\n"):]
		}
	}
	if t.pageObj == 0 || t.rootTail == nil || !bytes.Contains(r.trailer, fmt.Appendf(nil, "/Size %d\n", r.count)) {
		return fmt.Errorf("%w: frame without its page", errPDFLayout)
	}
	r.tree = t
	r.total = r.count + 2*(len(pages)-1)
	return nil
}

// pageAt is the page whose content stream is object n.
func (r *rawPDF) pageAt(n int) (int, bool) {
	t := r.tree
	switch {
	case t == nil:
		return 0, false
	case n == t.contents:
		return 0, true
	case n >= t.base && (n-t.base)%2 == 1:
		return (n-t.base)/2 + 1, true
	}
	return 0, false
}

func (t *pageTree) object(i int) int {
	if i == 0 {
		return t.pageObj
	}
	return t.base + 2*(i-1)
}

// writePages writes the pages after the first and the page tree's root
// (object 1), at(n) noting where object n starts; deflated gives each
// page's compressed content.
func (t *pageTree) writePages(out *counter, at func(n int), deflated func(n int) ([]byte, bool, error)) error {
	const k = 72.0 / 25.4 // points a millimetre, fpdf's unit
	for i := 1; i < len(t.pages); i++ {
		n, sp := t.object(i), t.pages[i]
		at(n)
		fmt.Fprintf(out, "%d 0 obj\n<</Type /Page\n/Parent 1 0 R\n", n)
		if sp.w != t.first[0] || sp.h != t.first[1] {
			fmt.Fprintf(out, "/MediaBox [0 0 %.2f %.2f]\n", sp.w*k, sp.h*k)
		}
		out.Write(t.body)
		fmt.Fprintf(out, "/Contents %d 0 R>>\nendobj\n", n+1)
		data, ok, err := deflated(n + 1)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: page %d without contents", errPDFLayout, i+1)
		}
		at(n + 1)
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n+1, len(data))
		out.Write(data)
		out.WriteString("\nendstream\nendobj\n")
	}
	at(1)
	out.WriteString("1 0 obj\n<</Type /Pages\n/Kids [")
	var num []byte
	for i := range t.pages {
		num = strconv.AppendInt(num[:0], int64(t.object(i)), 10)
		out.Write(append(num, " 0 R "...))
	}
	fmt.Fprintf(out, "]\n/Count %d\n", len(t.pages))
	out.Write(t.rootTail)
	return out.err
}
