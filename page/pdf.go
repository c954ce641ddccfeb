package page

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"khenthuong"
)

// WritePDF writes the pages, one sheet each in the order given, as one PDF
// titled title: fonts embedded once (subset to the letters used), streams
// compressed, shapes shared by many pages (a border) stored once. Every
// document and certificate batch is written by it, and the printer prints
// these very bytes through CUPS.
func WritePDF(w io.Writer, title string, pages []Page) error {
	if len(pages) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có trang nào để in")
	}
	pw := NewPDF(title)
	defer pw.Close()
	for i := range pages {
		if err := pw.Add(&pages[i]); err != nil {
			return err
		}
	}
	return pw.Finish(w)
}

// PDF writes a document a page at a time, for documents too long to lay out
// whole (the list of a 100,000-recipient decision): a page given to Add is
// no longer needed by the caller, and must not be changed after.
//
// fpdf keeps every page's drawing operators, uncompressed, until the end,
// and then copies them into one buffer: a 9,000-page list held 300 MB. So
// a long document is drawn in parts of partPages pages, each by its own
// fpdf document, whose pages' content streams are compressed into a spool
// file as each part ends. Finish then has fpdf write the document's frame
// (fonts subset to every letter used, borders, images) over one empty
// page, and writes the page tree itself, each page's content in its
// place. The operators of a page are the same either way (a part's first
// page only repeats no state of the page before it), and a document of one
// part is written as before.
type PDF struct {
	title string
	pw    *pdfWriter
	pages int
	err   error
	first [2]float64 // the first page's size: every part's default

	// With more than one part:
	spool   *os.File
	spooled []spooledPage
	used    map[[2]string]*runeSet   // letters drawn, by font and style
	borders map[string]fpdf.Template // shapes drawn as form XObjects, by ID
	// partTpls are the forms of the current part, spooled with its pages
	// (a table on every page is a form of its own).
	partTpls []string
	images   map[string]Image // pictures drawn, by path
}

// partPages is how many pages fpdf holds at most.
var partPages = 256 // a variable for tests

type spooledPage struct {
	w, h     float64
	off, len int64
}

// runeSet is the letters of a face drawn on the pages.
type runeSet struct {
	bmp   [65536 / 64]uint64
	other map[rune]bool
}

func (s *runeSet) add(text string) {
	for _, r := range text {
		if r < 65536 {
			s.bmp[r/64] |= 1 << (r % 64)
		} else {
			if s.other == nil {
				s.other = map[rune]bool{}
			}
			s.other[r] = true
		}
	}
}

func (s *runeSet) String() string {
	var b strings.Builder
	for i, w := range s.bmp {
		for j := 0; w != 0; j++ {
			if w&1 != 0 {
				b.WriteRune(rune(i*64 + j))
			}
			w >>= 1
		}
	}
	others := make([]rune, 0, len(s.other))
	for r := range s.other {
		others = append(others, r)
	}
	slices.Sort(others)
	b.WriteString(string(others))
	return b.String()
}

// NewPDF starts a document titled title.
func NewPDF(title string) *PDF { return &PDF{title: title} }

// Add draws one more page; after an error the document is abandoned and
// every later call returns that error.
func (p *PDF) Add(pg *Page) error {
	if p.err != nil {
		return p.err
	}
	if p.pages == 0 {
		p.first = [2]float64{pg.Width, pg.Height}
	}
	if p.pw != nil && p.pages%partPages == 0 {
		p.err = p.spoolPart()
		if p.err != nil {
			return p.err
		}
	}
	if p.pw == nil {
		p.pw = newPDFWriter(p.title, p.first[0], p.first[1])
		p.pw.record = p
	}
	p.pages++
	p.err = p.pw.page(pg)
	return p.err
}

// Pages is how many pages were added.
func (p *PDF) Pages() int { return p.pages }

// Finish writes the document to w. Errors: EINVALID (no page), EINTERNAL.
func (p *PDF) Finish(w io.Writer) error {
	defer p.closeSpool()
	switch {
	case p.err != nil:
		return p.err
	case p.pw == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có trang nào để in")
	}
	if p.spool != nil {
		if err := p.spoolPart(); err != nil {
			return err
		}
		return p.writeParts(w)
	}
	d := p.pw.doc
	p.pw = nil
	if err := d.Error(); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	// fpdf hands over its whole buffer in one Write: it is read where it
	// is, not copied, and the compressed document goes straight to w.
	var raw grab
	if err := d.Output(&raw); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	d = nil // its pages can go while the streams are compressed
	if err := compressStreams(w, raw.b); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	return nil
}

// Close lets go of an abandoned document's spool file; Finish does it
// itself. Deferred by every writer, so an error halfway leaves no file.
func (p *PDF) Close() { p.closeSpool() }

func (p *PDF) closeSpool() {
	if p.spool != nil {
		p.spool.Close()
		os.Remove(p.spool.Name())
		p.spool = nil
	}
}

// spoolPart ends the current part: its pages' content streams, compressed,
// go to the spool file.
func (p *PDF) spoolPart() error {
	d := p.pw.doc
	p.pw = nil
	if err := d.Error(); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	if p.spool == nil {
		f, err := os.CreateTemp("", "khenthuong-pdf-*")
		if err != nil {
			return khenthuong.Internal(fmt.Errorf("pdf spool: %w", err))
		}
		p.spool = f
	}
	var raw grab
	if err := d.Output(&raw); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	r, err := parseRaw(raw.b)
	if err != nil {
		return khenthuong.Internal(err)
	}
	contents, err := r.pageContents()
	if err != nil {
		return khenthuong.Internal(err)
	}
	at := map[int]int{} // object number -> index in r.order
	for k, n := range r.order {
		at[n] = k
	}
	off, _ := p.spool.Seek(0, io.SeekEnd)
	bw := bufio.NewWriterSize(p.spool, 256<<10)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	for i, c := range contents {
		k, ok := at[c]
		if !ok {
			return khenthuong.Internal(fmt.Errorf("%w: contents %d missing", errPDFLayout, c))
		}
		_, data, _, _, ok, err := stream(r.object(k), c)
		if err != nil || !ok {
			return khenthuong.Internal(fmt.Errorf("%w: contents %d: %v", errPDFLayout, c, err))
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			return khenthuong.Internal(err)
		}
		if _, err := bw.Write(z.Bytes()); err != nil {
			return khenthuong.Internal(fmt.Errorf("pdf spool: %w", err))
		}
		sp := &p.spooled[len(p.spooled)-len(contents)+i]
		sp.off, sp.len = off, int64(z.Len())
		off += int64(z.Len())
	}
	for _, id := range p.partTpls {
		tpl := p.borders[id]
		b := tpl.Bytes()
		if _, err := bw.Write(b); err != nil {
			return khenthuong.Internal(fmt.Errorf("pdf spool: %w", err))
		}
		corner, size := tpl.Size()
		p.borders[id] = &spooledForm{id: id, corner: corner, size: size, off: off, len: int64(len(b))}
		off += int64(len(b))
	}
	p.partTpls = p.partTpls[:0]
	if err := bw.Flush(); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf spool: %w", err))
	}
	return nil
}

// spooledForm is a form XObject whose drawing waits in the spool file
// until fpdf writes it.
type spooledForm struct {
	id       string
	corner   fpdf.PointType
	size     fpdf.SizeType
	off, len int64
}

func (t *spooledForm) ID() string                             { return t.id }
func (t *spooledForm) Size() (fpdf.PointType, fpdf.SizeType)  { return t.corner, t.size }
func (t *spooledForm) Images() map[string]*fpdf.ImageInfoType { return nil } // shapes only
func (t *spooledForm) Templates() []fpdf.Template             { return nil }
func (t *spooledForm) NumPages() int                          { return 1 }
func (t *spooledForm) FromPage(int) (fpdf.Template, error)    { return t, nil }
func (t *spooledForm) FromPages() []fpdf.Template             { return []fpdf.Template{t} }
func (t *spooledForm) Serialize() ([]byte, error)             { return nil, errSpooledForm }
func (t *spooledForm) GobEncode() ([]byte, error)             { return nil, errSpooledForm }
func (t *spooledForm) GobDecode([]byte) error                 { return errSpooledForm }

var errSpooledForm = errors.New("pdf: a spooled form is not serialised")

// Bytes is a placeholder naming the form: its drawing is read back from
// the spool only as the document is written (rawPDF.forms).
func (t *spooledForm) Bytes() []byte { return append(slices.Clip(formMark), t.id...) }

// writeParts has fpdf write the document's frame over one empty page,
// drawing on it every letter, border and picture the pages use (so the
// fonts are subset to them and the resources list them), and writes the
// page tree itself (framePages): the frame costs the same for 10 pages or
// 100,000. Each page's spooled content is put in place of the empty one.
func (p *PDF) writeParts(w io.Writer) error {
	pw := newPDFWriter(p.title, p.first[0], p.first[1])
	d := pw.doc
	d.AddPageFormat("P", fpdf.SizeType{Wd: p.first[0], Ht: p.first[1]})
	for fs, set := range p.used {
		pw.text(&Text{Font: fs[0], Style: fs[1], Size: 10, Text: set.String()})
	}
	for _, tpl := range p.borders {
		d.UseTemplate(tpl)
	}
	for _, im := range p.images {
		if err := pw.image(im); err != nil {
			return err
		}
	}
	if err := d.Error(); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	var raw grab
	if err := d.Output(&raw); err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	r, err := parseRaw(raw.b)
	if err != nil {
		return khenthuong.Internal(err)
	}
	var form []byte
	r.forms = func(placeholder []byte) ([]byte, error) {
		t, ok := p.borders[string(placeholder[len(formMark):])].(*spooledForm)
		if !ok {
			return nil, fmt.Errorf("%w: unknown form %q", errPDFLayout, placeholder)
		}
		form = slices.Grow(form[:0], int(t.len))[:t.len]
		if _, err := p.spool.ReadAt(form, t.off); err != nil {
			return nil, fmt.Errorf("pdf spool: %w", err)
		}
		return form, nil
	}
	contents, err := r.pageContents()
	if err != nil || len(contents) != 1 {
		return khenthuong.Internal(fmt.Errorf("%w: frame of %d pages: %v", errPDFLayout, len(contents), err))
	}
	if err := r.framePages(p.spooled, p.first, contents[0]); err != nil {
		return khenthuong.Internal(err)
	}
	var buf []byte
	err = r.write(w, func(n int) ([]byte, bool, error) {
		i, ok := r.pageAt(n)
		if !ok {
			return nil, false, nil
		}
		sp := p.spooled[i]
		buf = slices.Grow(buf[:0], int(sp.len))[:sp.len]
		if _, err := p.spool.ReadAt(buf, sp.off); err != nil {
			return nil, false, khenthuong.Internal(fmt.Errorf("pdf spool: %w", err))
		}
		return buf, true, nil
	})
	if err != nil {
		return khenthuong.Internal(fmt.Errorf("pdf: %w", err))
	}
	return nil
}

// grab keeps what is written to it, without copying a single Write.
type grab struct{ b []byte }

func (g *grab) Write(p []byte) (int, error) {
	if g.b == nil {
		g.b = p
	} else {
		g.b = append(g.b[:len(g.b):len(g.b)], p...)
	}
	return len(p), nil
}

func newPDFWriter(title string, width, height float64) *pdfWriter {
	pw := &pdfWriter{
		doc:     fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: width, Ht: height}}),
		fonts:   map[string]bool{},
		images:  map[string]*fpdf.ImageInfoType{},
		borders: map[uint64]fpdf.Template{},
	}
	d := pw.doc
	d.SetCompression(false) // compressStreams deflates the result, faster than fpdf
	d.SetAutoPageBreak(false, 0)
	d.SetMargins(0, 0, 0)
	d.SetCreator("Khen thưởng", true)
	d.SetTitle(title, true)
	d.SetLineJoinStyle("round")
	d.SetLineCapStyle("round")
	return pw
}

type pdfWriter struct {
	doc     *fpdf.Fpdf
	fonts   map[string]bool                // family|style registered
	images  map[string]*fpdf.ImageInfoType // by path
	borders map[uint64]fpdf.Template       // shapes shared by pages, by content hash
	font    struct {
		family, style string
		size          float64
	}

	lastShapes *Shape // the shapes hashed last, shared by consecutive pages
	lastLen    int
	lastKey    uint64
	color      RGB        // the text colour fpdf draws with
	shapes     shapeState // the colours of shapes fpdf draws with

	record *PDF // the document in parts this part belongs to, if any
}

func (pw *pdfWriter) page(p *Page) error {
	pw.doc.AddPageFormat("P", fpdf.SizeType{Wd: p.Width, Ht: p.Height})
	if r := pw.record; r != nil {
		r.spooled = append(r.spooled, spooledPage{w: p.Width, h: p.Height})
	}
	return pw.draw(p)
}

// draw draws p on the current page.
func (pw *pdfWriter) draw(p *Page) error {
	d := pw.doc
	// fpdf carries the colours over from the page before (the text colour
	// of its last line, the stroke of its last shape): pw.color and
	// pw.shapes say what they are, so a black line after a red one is set
	// black again.
	pw.font.family = ""
	if len(p.Shapes) > 0 {
		if len(p.Shapes) >= 32 {
			// A border repeats on every page: draw it once as a form XObject.
			var key uint64
			if &p.Shapes[0] == pw.lastShapes && len(p.Shapes) == pw.lastLen {
				key = pw.lastKey // the same shared slice as the page before
			} else {
				key = shapesHash(p.Width, p.Height, p.Shapes)
				pw.lastShapes, pw.lastLen, pw.lastKey = &p.Shapes[0], len(p.Shapes), key
			}
			tpl, ok := pw.borders[key]
			if !ok {
				shapes := p.Shapes
				tpl = d.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: p.Width, Ht: p.Height}, func(t *fpdf.Tpl) {
					t.SetLineJoinStyle("round")
					t.SetLineCapStyle("round")
					drawShapes(&t.Fpdf, shapes, &shapeState{}) // a form starts black
				})
				tpl = fixedID{tpl, tpl.ID()}
				pw.borders[key] = tpl
				if r := pw.record; r != nil {
					// The very template goes in the final document: its
					// bytes (and ID) carry the drawing state it was made
					// in, which may differ from one part to the next.
					if r.borders == nil {
						r.borders = map[string]fpdf.Template{}
					}
					r.borders[tpl.ID()] = tpl
					r.partTpls = append(r.partTpls, tpl.ID())
				}
			}
			d.UseTemplate(tpl)
		} else {
			drawShapes(d, p.Shapes, &pw.shapes)
		}
	}
	for _, im := range p.Images {
		if err := pw.image(im); err != nil {
			return err
		}
	}
	for i := range p.Texts {
		pw.text(&p.Texts[i])
	}
	return nil
}

func (pw *pdfWriter) text(t *Text) {
	d := pw.doc
	face := LookupFace(t.Font, t.Style)
	if face == nil {
		d.SetErrorf("unknown font %s %s", t.Font, t.Style)
		return
	}
	key := face.Family + "|" + face.Style
	if !pw.fonts[key] {
		d.AddUTF8FontFromBytes(face.Family, face.Style, face.data)
		pw.fonts[key] = true
	}
	if pw.font.family != face.Family || pw.font.style != face.Style || pw.font.size != t.Size {
		d.SetFont(face.Family, face.Style, t.Size)
		pw.font.family, pw.font.style, pw.font.size = face.Family, face.Style, t.Size
	}
	if pw.color != t.Color {
		d.SetTextColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
		pw.color = t.Color
	}
	d.Text(t.X, t.Baseline, t.Text)
	if r := pw.record; r != nil {
		if r.used == nil {
			r.used = map[[2]string]*runeSet{}
		}
		fs := [2]string{t.Font, t.Style}
		set := r.used[fs]
		if set == nil {
			set = &runeSet{}
			r.used[fs] = set
		}
		set.add(t.Text)
	}
}

// image draws a picture file. The only picture pages carry is the office's
// national emblem (Settings.EmblemPath): the errors name that setting, as
// the Windows printer's do.
func (pw *pdfWriter) image(im Image) error {
	info, ok := pw.images[im.Path]
	if !ok {
		data, err := os.ReadFile(im.Path)
		if err != nil {
			return &khenthuong.Error{Code: khenthuong.EINVALID, Field: "emblem_path",
				Message: fmt.Sprintf("Không đọc được ảnh quốc huy “%s”", im.Path), Err: err}
		}
		typ := imageType(data)
		if typ == "" {
			return khenthuong.FieldErrorf("emblem_path", "Ảnh quốc huy “%s” phải là tệp PNG, JPEG hoặc GIF", im.Path)
		}
		info = pw.doc.RegisterImageOptionsReader(im.Path, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
		if err := pw.doc.Error(); err != nil || info == nil {
			pw.doc.ClearError()
			return &khenthuong.Error{Code: khenthuong.EINVALID, Field: "emblem_path",
				Message: fmt.Sprintf("Ảnh quốc huy “%s” bị hỏng hoặc không đọc được", im.Path), Err: err}
		}
		pw.images[im.Path] = info
		if r := pw.record; r != nil {
			if r.images == nil {
				r.images = map[string]Image{}
			}
			r.images[im.Path] = im
		}
	}
	// Keep the aspect ratio, centred in the box.
	iw, ih := info.Extent()
	if iw <= 0 || ih <= 0 {
		return nil
	}
	s := math.Min(im.W/iw, im.H/ih)
	w, h := iw*s, ih*s
	pw.doc.ImageOptions(im.Path, im.X+(im.W-w)/2, im.Y+(im.H-h)/2, w, h, false, fpdf.ImageOptions{}, 0, "")
	return nil
}

// fixedID is a template whose ID (a SHA-1 of its content, which fpdf
// recomputes at every use) is computed once.
type fixedID struct {
	fpdf.Template
	id string
}

func (t fixedID) ID() string { return t.id }

func imageType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg"
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "gif"
	}
	return ""
}

// shapeState is the stroke and fill colours fpdf draws with (a document
// starts black on black): only changes are written.
type shapeState struct{ stroke, fill RGB }

func drawShapes(d *fpdf.Fpdf, shapes []Shape, st *shapeState) {
	stroke, fill := st.stroke, st.fill
	defer func() { st.stroke, st.fill = stroke, fill }()
	lw := -1.0 // the first outline sets its width
	for i := range shapes {
		s := &shapes[i]
		style := ""
		if s.LineWidth > 0 {
			style += "D"
			if s.Stroke != stroke {
				d.SetDrawColor(int(s.Stroke.R), int(s.Stroke.G), int(s.Stroke.B))
				stroke = s.Stroke
			}
			if s.LineWidth != lw {
				d.SetLineWidth(s.LineWidth)
				lw = s.LineWidth
			}
		}
		if s.Filled {
			style += "F"
			if s.Fill != fill {
				d.SetFillColor(int(s.Fill.R), int(s.Fill.G), int(s.Fill.B))
				fill = s.Fill
			}
		}
		if style == "" {
			continue
		}
		if style == "DF" {
			style = "FD"
		}
		switch s.Kind {
		case ShapeRect:
			d.Rect(s.X, s.Y, s.W, s.H, style)
		case ShapeCircle:
			d.Circle(s.X, s.Y, s.R, style)
		case ShapePolygon:
			pts := make([]fpdf.PointType, len(s.Points))
			for j, p := range s.Points {
				pts[j] = fpdf.PointType{X: p.X, Y: p.Y}
			}
			d.Polygon(pts, style)
		case ShapeLine:
			if len(s.Points) < 2 || s.LineWidth <= 0 {
				continue
			}
			d.MoveTo(s.Points[0].X, s.Points[0].Y)
			for _, p := range s.Points[1:] {
				d.LineTo(p.X, p.Y)
			}
			d.DrawPath("D")
		}
	}
}

// shapesHash identifies a list of shapes by content, so pages sharing a
// border share one XObject.
func shapesHash(w, h float64, shapes []Shape) uint64 {
	hs := fnv.New64a()
	var buf [8]byte
	put := func(v float64) {
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
		hs.Write(buf[:])
	}
	put(w)
	put(h)
	for i := range shapes {
		s := &shapes[i]
		hs.Write([]byte(s.Kind))
		put(s.X)
		put(s.Y)
		put(s.W)
		put(s.H)
		put(s.R)
		put(s.LineWidth)
		hs.Write([]byte{s.Stroke.R, s.Stroke.G, s.Stroke.B, s.Fill.R, s.Fill.G, s.Fill.B})
		if s.Filled {
			hs.Write([]byte{1})
		}
		for _, p := range s.Points {
			put(p.X)
			put(p.Y)
		}
	}
	return hs.Sum64()
}
