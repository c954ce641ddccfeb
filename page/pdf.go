package page

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"

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
	for i := range pages {
		if err := pw.Add(&pages[i]); err != nil {
			return err
		}
	}
	return pw.Finish(w)
}

// PDF writes a document a page at a time, for documents too long to lay out
// whole (the list of a 100,000-recipient decision): a page given to Add is
// no longer needed by the caller. fpdf itself keeps the pages' drawing
// operators until Finish, uncompressed; nothing else of them is kept. The
// bytes are those WritePDF writes for the same pages.
type PDF struct {
	title string
	pw    *pdfWriter
	pages int
	err   error
}

// NewPDF starts a document titled title.
func NewPDF(title string) *PDF { return &PDF{title: title} }

// Add draws one more page; after an error the document is abandoned and
// every later call returns that error.
func (p *PDF) Add(pg *Page) error {
	if p.err != nil {
		return p.err
	}
	if p.pw == nil {
		p.pw = newPDFWriter(p.title, pg.Width, pg.Height)
	}
	p.pages++
	p.err = p.pw.page(pg)
	return p.err
}

// Pages is how many pages were added.
func (p *PDF) Pages() int { return p.pages }

// Finish writes the document to w. Errors: EINVALID (no page), EINTERNAL.
func (p *PDF) Finish(w io.Writer) error {
	switch {
	case p.err != nil:
		return p.err
	case p.pw == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có trang nào để in")
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
	color      RGB
}

func (pw *pdfWriter) page(p *Page) error {
	d := pw.doc
	d.AddPageFormat("P", fpdf.SizeType{Wd: p.Width, Ht: p.Height})
	pw.font.family, pw.color = "", RGB{}
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
					drawShapes(&t.Fpdf, shapes)
				})
				tpl = fixedID{tpl, tpl.ID()}
				pw.borders[key] = tpl
			}
			d.UseTemplate(tpl)
		} else {
			drawShapes(d, p.Shapes)
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

func drawShapes(d *fpdf.Fpdf, shapes []Shape) {
	var stroke, fill RGB
	lw := -1.0 // fpdf starts black on black: only changes are written
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
