package page

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// fpdf compresses each page's content with a new zlib writer, about 1 MB of
// allocations per page: a 1,000-page batch spent most of its time clearing
// memory. So the document is written uncompressed and deflated here with one
// reused writer: every stream without a /Filter gets /Filter /FlateDecode,
// and the cross-reference table is rebuilt. The structure read is the one
// fpdf writes (objects listed in a classic xref table, one trailer).

var errPDFLayout = errors.New("pdf: unexpected structure")

// rawPDF is fpdf's uncompressed output with its objects located.
type rawPDF struct {
	src     []byte
	offsets []int // by object number; 0 for free entries
	order   []int // object numbers in file order
	xrefOff int
	lines   [][]byte // the xref table's lines
	count   int
	trailer []byte
	// forms, when set, gives the drawing of a form written as a
	// placeholder (formMark and its ID) by a spooled form.
	forms func(placeholder []byte) ([]byte, error)
	// tree, when set, is the page tree written in place of the frame's
	// (framePages), total the objects with its pages.
	tree  *pageTree
	total int
}

// formMark starts the placeholder a spooled form gives fpdf for its drawing.
var formMark = []byte("%khenthuong-form ")

func parseRaw(src []byte) (*rawPDF, error) {
	// startxref at the end tells where the xref table is.
	sx := bytes.LastIndex(src, []byte("startxref\n"))
	if sx < 0 {
		return nil, errPDFLayout
	}
	xrefOff, err := strconv.Atoi(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(src[sx+len("startxref\n"):]), []byte("%%EOF")))))
	if err != nil || xrefOff <= 0 || xrefOff >= sx {
		return nil, errPDFLayout
	}
	table := src[xrefOff:sx]
	lines := bytes.Split(table, []byte("\n"))
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, errPDFLayout
	}
	head := bytes.Fields(lines[1])
	if len(head) != 2 || string(head[0]) != "0" {
		return nil, errPDFLayout
	}
	count, err := strconv.Atoi(string(head[1]))
	if err != nil || count < 1 || len(lines) < 2+count {
		return nil, errPDFLayout
	}
	offsets := make([]int, count)
	for i := 1; i < count; i++ {
		l := lines[2+i]
		if len(l) < 18 || l[17] != 'n' {
			continue
		}
		if offsets[i], err = strconv.Atoi(string(l[:10])); err != nil || offsets[i] >= xrefOff {
			return nil, errPDFLayout
		}
	}
	order := make([]int, 0, count)
	for i := 1; i < count; i++ {
		if offsets[i] > 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 {
		return nil, errPDFLayout
	}
	return &rawPDF{src: src, offsets: offsets, order: order, xrefOff: xrefOff, lines: lines, count: count,
		trailer: bytes.Join(lines[2+count:], []byte("\n"))}, nil // "trailer\n<<...>>\n"
}

// object is the bytes of object n, up to the next one.
func (r *rawPDF) object(k int) []byte {
	n := r.order[k]
	end := r.xrefOff
	if k+1 < len(r.order) {
		end = r.offsets[r.order[k+1]]
	}
	return r.src[r.offsets[n]:end]
}

// stream is an uncompressed object's dictionary and stream data: ok false
// for an object without a stream.
func stream(obj []byte, n int) (dict, data []byte, lenAt, lenEnd int, ok bool, err error) {
	s := bytes.Index(obj, []byte("\nstream\n"))
	if s < 0 {
		return nil, nil, 0, 0, false, nil
	}
	dict = obj[:s]
	li := bytes.Index(dict, []byte("/Length "))
	if li < 0 {
		return nil, nil, 0, 0, false, fmt.Errorf("%w: stream without /Length in object %d", errPDFLayout, n)
	}
	numEnd := li + len("/Length ")
	for numEnd < len(dict) && dict[numEnd] >= '0' && dict[numEnd] <= '9' {
		numEnd++
	}
	length, err := strconv.Atoi(string(dict[li+len("/Length ") : numEnd]))
	dataStart := s + len("\nstream\n")
	if err != nil || dataStart+length > len(obj) {
		return nil, nil, 0, 0, false, fmt.Errorf("%w: bad /Length in object %d", errPDFLayout, n)
	}
	return dict, obj[dataStart : dataStart+length], li, numEnd, true, nil
}

// pageContents are the content objects of the pages, in page order, as
// fpdf writes them (a page object naming its /Contents).
func (r *rawPDF) pageContents() ([]int, error) {
	var out []int
	for k, n := range r.order {
		obj := r.object(k)
		if !bytes.Contains(obj, []byte("/Type /Page\n")) {
			continue
		}
		i := bytes.Index(obj, []byte("/Contents "))
		if i < 0 {
			return nil, fmt.Errorf("%w: page %d without contents", errPDFLayout, n)
		}
		f := bytes.Fields(obj[i+len("/Contents "):])
		c, err := strconv.Atoi(string(f[0]))
		if err != nil || c <= 0 || c >= r.count {
			return nil, fmt.Errorf("%w: page %d contents", errPDFLayout, n)
		}
		out = append(out, c)
	}
	return out, nil
}

func compressStreams(w io.Writer, src []byte) error {
	r, err := parseRaw(src)
	if err != nil {
		return err
	}
	return r.write(w, nil)
}

// write writes the document with its streams compressed; the streams of
// the objects in deflated (object number to data) are written as given,
// already compressed.
func (r *rawPDF) write(w io.Writer, deflated func(n int) ([]byte, bool, error)) error {
	src, offsets, order, count, lines, trailer := r.src, r.offsets, r.order, r.count, r.lines, r.trailer
	// Written as it goes (offsets counted), never held whole: the document
	// of a 100,000-recipient decision is tens of megabytes.
	out := &counter{w: bufio.NewWriterSize(w, 256<<10)}
	out.Write(src[:offsets[order[0]]])
	total := max(count, r.total)
	newOff := make([]int, total)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	for k, n := range order {
		obj := r.object(k)
		newOff[n] = out.Len()
		if r.tree != nil && n == 1 {
			if err := r.tree.writePages(out, func(n int) { newOff[n] = out.Len() }, deflated); err != nil {
				return err
			}
			continue
		}
		if deflated != nil {
			data, ok, err := deflated(n)
			if err != nil {
				return err
			}
			if ok {
				fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, len(data))
				out.Write(data)
				out.WriteString("\nendstream\nendobj\n")
				continue
			}
		}
		dict, data, li, numEnd, ok, err := stream(obj, n)
		if err != nil {
			return err
		}
		if !ok || bytes.Contains(dict, []byte("/Filter")) {
			out.Write(obj)
			continue
		}
		tail := obj[len(dict)+len("\nstream\n")+len(data):] // "\nendstream\nendobj\n"
		if r.forms != nil && bytes.HasPrefix(data, formMark) {
			if data, err = r.forms(data); err != nil {
				return err
			}
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			return err
		}
		out.Write(dict[:li])
		fmt.Fprintf(out, "/Filter /FlateDecode /Length %d", z.Len())
		out.Write(dict[numEnd:])
		out.WriteString("\nstream\n")
		out.Write(z.Bytes())
		out.Write(tail)
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", total)
	for i := 1; i < total; i++ {
		if newOff[i] > 0 || i >= count {
			fmt.Fprintf(out, "%010d 00000 n \n", newOff[i])
		} else {
			out.Write(lines[2+i])
			out.WriteByte('\n')
		}
	}
	if total != count {
		trailer = bytes.Replace(trailer, fmt.Appendf(nil, "/Size %d\n", count), fmt.Appendf(nil, "/Size %d\n", total), 1)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	if out.err != nil {
		return out.err
	}
	return out.w.Flush()
}

// counter writes through w, counting the bytes and keeping the first error.
type counter struct {
	w   *bufio.Writer
	n   int
	err error
}

func (c *counter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

func (c *counter) WriteString(s string) (int, error) { return c.Write([]byte(s)) }
func (c *counter) WriteByte(b byte) error            { _, err := c.Write([]byte{b}); return err }
func (c *counter) Len() int                          { return c.n }
