package printing

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // the emblem may be any of the formats the PDF writer takes
	_ "image/jpeg"
	_ "image/png"
	"math"
	"os"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"

	"khenthuong"
	"khenthuong/page"
)

// Windows prints through GDI: the spooler's device context for the printer,
// at 100 % (dmScale), on the document's paper, each page drawn from the same
// page.Page the PDF writer draws: texts in the embedded fonts (loaded
// from memory, private to the process) with every letter at the advance the
// layout measured, lines, rectangles, circles, polygons and images, in
// millimetres turned into the printer's dots.

var (
	gdi32               = windows.NewLazySystemDLL("gdi32.dll")
	procCreateDC        = gdi32.NewProc("CreateDCW")
	procDeleteDC        = gdi32.NewProc("DeleteDC")
	procResetDC         = gdi32.NewProc("ResetDCW")
	procStartDoc        = gdi32.NewProc("StartDocW")
	procEndDoc          = gdi32.NewProc("EndDoc")
	procAbortDoc        = gdi32.NewProc("AbortDoc")
	procStartPage       = gdi32.NewProc("StartPage")
	procEndPage         = gdi32.NewProc("EndPage")
	procGetDeviceCaps   = gdi32.NewProc("GetDeviceCaps")
	procAddFontMem      = gdi32.NewProc("AddFontMemResourceEx")
	procCreateFont      = gdi32.NewProc("CreateFontW")
	procSelectObject    = gdi32.NewProc("SelectObject")
	procDeleteObject    = gdi32.NewProc("DeleteObject")
	procGetStockObject  = gdi32.NewProc("GetStockObject")
	procSetTextColor    = gdi32.NewProc("SetTextColor")
	procSetBkMode       = gdi32.NewProc("SetBkMode")
	procSetTextAlign    = gdi32.NewProc("SetTextAlign")
	procExtTextOut      = gdi32.NewProc("ExtTextOutW")
	procExtCreatePen    = gdi32.NewProc("ExtCreatePen")
	procCreateSolidBr   = gdi32.NewProc("CreateSolidBrush")
	procRectangle       = gdi32.NewProc("Rectangle")
	procEllipse         = gdi32.NewProc("Ellipse")
	procPolygon         = gdi32.NewProc("Polygon")
	procPolyline        = gdi32.NewProc("Polyline")
	procStretchDIBits   = gdi32.NewProc("StretchDIBits")
	procSetGraphicsMode = gdi32.NewProc("SetGraphicsMode")
	procSetWorldXform   = gdi32.NewProc("SetWorldTransform")
	procModifyWorldXf   = gdi32.NewProc("ModifyWorldTransform")
	procSetStretchMode  = gdi32.NewProc("SetStretchBltMode")
	procOpenPrinter     = winspool.NewProc("OpenPrinterW")
	procClosePrinter    = winspool.NewProc("ClosePrinter")
	procDocumentProps   = winspool.NewProc("DocumentPropertiesW")
)

const (
	logPixelsX, logPixelsY           = 88, 90
	physicalOffsetX, physicalOffsetY = 112, 113
	dmOrientation, dmPaperSize       = 0x1, 0x2
	dmPaperLength, dmPaperWidth      = 0x4, 0x8
	dmScale, dmCopies                = 0x10, 0x100
	dmDefaultSource, dmCollate       = 0x200, 0x8000
	dmOutBuffer, dmInBuffer          = 2, 8
	dcBins, dcCopies                 = 6, 18
	nullPen, nullBrush               = 8, 5
)

// devMode is the printer part of DEVMODEW, up to dmCollate.
type devMode struct {
	deviceName                                             [32]uint16
	specVersion, driverVersion, size, driverExtra          uint16
	fields                                                 uint32
	orientation, paperSize, paperLength, paperWidth, scale int16
	copies, defaultSource, printQuality, color, duplex     int16
	yResolution, ttOption, collate                         int16
}

// Windows' numbers for the papers of Papers.
var dmPapers = map[string]int16{"A3": 8, "A4": 9, "A5": 11, "B4": 12, "B5": 13, "Letter": 1, "Legal": 5}

func submit(ctx context.Context, j Job) (Result, error) {
	name, err := syscall.UTF16PtrFromString(j.Printer)
	if err != nil {
		return Result{}, khenthuong.Errorf(khenthuong.EINVALID, "Tên máy in “%s” không hợp lệ", j.Printer)
	}
	copies := j.Copies
	first, n, err := scan(j)
	if err != nil {
		return Result{}, err
	}
	dm, driverCopies, err := jobDevMode(name, j, first, n)
	if err != nil {
		return Result{}, err
	}
	if driverCopies {
		copies = 1 // the driver makes them, collated
	}
	hdc, _, _ := procCreateDC.Call(uintptr(unsafe.Pointer(windows.StringToUTF16Ptr("WINSPOOL"))), uintptr(unsafe.Pointer(name)), 0, uintptr(unsafe.Pointer(&dm[0])))
	if hdc == 0 {
		return Result{}, khenthuong.Errorf(khenthuong.EINVALID, "Không mở được máy in “%s”", j.Printer)
	}
	defer procDeleteDC.Call(hdc)
	type docInfo struct {
		size                   int32
		docName, output, dtype *uint16
		mode                   uint32
	}
	title, _ := syscall.UTF16PtrFromString(j.Title)
	di := docInfo{size: int32(unsafe.Sizeof(docInfo{})), docName: title}
	job, _, _ := procStartDoc.Call(hdc, uintptr(unsafe.Pointer(&di)))
	if int32(job) <= 0 {
		return Result{}, khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” không nhận lệnh in", j.Printer)
	}
	total := n * copies
	done := 0
	for c := 0; c < copies; c++ {
		// A streamed job is laid out again for each copy drawn.
		err := j.each(func(p *page.Page) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := drawPage(hdc, p); err != nil {
				return err
			}
			done++
			if j.Progress != nil {
				j.Progress(done*n/total, n)
			}
			return nil
		})
		if err != nil {
			procAbortDoc.Call(hdc)
			return Result{}, err
		}
	}
	if r, _, _ := procEndDoc.Call(hdc); int32(r) <= 0 {
		return Result{}, khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” báo lỗi khi kết thúc lệnh in", j.Printer)
	}
	return Result{Printer: j.Printer, JobID: fmt.Sprint(job), Pages: n, Copies: j.Copies}, nil
}

// scan is the job's first page and its count: the device is set up for
// them before any page is drawn, so a streamed job is laid out once more.
func scan(j Job) (first page.Page, n int, err error) {
	if j.Stream == nil {
		return j.Pages[0], len(j.Pages), nil
	}
	err = j.each(func(p *page.Page) error {
		if n == 0 {
			first = page.Page{Width: p.Width, Height: p.Height}
		}
		n++
		return nil
	})
	if err == nil && n == 0 {
		err = khenthuong.Errorf(khenthuong.EINVALID, "Không có trang nào để in")
	}
	return first, n, err
}

// jobDevMode is the printer's own settings with the job's: the paper of
// page p, portrait (a landscape page is turned onto it by drawPage, as CUPS
// turns it, not left to each driver's notion of landscape), 100 %, the
// tray, the copies when the driver makes them (driverCopies).
func jobDevMode(name *uint16, j Job, p page.Page, pages int) (buf []byte, driverCopies bool, err error) {
	var h windows.Handle
	if r, _, _ := procOpenPrinter.Call(uintptr(unsafe.Pointer(name)), uintptr(unsafe.Pointer(&h)), 0); r == 0 {
		return nil, false, khenthuong.Errorf(khenthuong.EINVALID, "Không mở được máy in “%s”", j.Printer)
	}
	defer procClosePrinter.Call(uintptr(h))
	n, _, _ := procDocumentProps.Call(0, uintptr(h), uintptr(unsafe.Pointer(name)), 0, 0, 0)
	if int32(n) < int32(unsafe.Sizeof(devMode{})) {
		return nil, false, khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” không cho biết cài đặt của nó", j.Printer)
	}
	buf = make([]byte, n)
	if r, _, _ := procDocumentProps.Call(0, uintptr(h), uintptr(unsafe.Pointer(name)), uintptr(unsafe.Pointer(&buf[0])), 0, dmOutBuffer); int32(r) < 0 {
		return nil, false, khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” không cho biết cài đặt của nó", j.Printer)
	}
	dm := (*devMode)(unsafe.Pointer(&buf[0]))
	paper, known := PaperFor(p.Width, p.Height)
	if j.Paper != "" {
		paper.Name, known = j.Paper, true
	}
	if code, ok := dmPapers[paper.Name]; ok && known {
		dm.paperSize = code
		dm.fields |= dmPaperSize
	} else { // a custom size, in tenths of a millimetre
		dm.paperSize = 256
		dm.paperWidth, dm.paperLength = int16(math.Round(paper.Width*10)), int16(math.Round(paper.Height*10))
		dm.fields |= dmPaperSize | dmPaperWidth | dmPaperLength
	}
	dm.orientation = 1
	dm.scale = 100
	dm.fields |= dmOrientation | dmScale
	if j.Tray != "" {
		bin, ok := trayBin(name, j.Printer, j.Tray)
		if !ok {
			return nil, false, khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” không chọn được khay “%s”", j.Printer, j.Tray)
		}
		dm.defaultSource = bin
		dm.fields |= dmDefaultSource
	}
	if driverMakesCopies(name, j.Copies, pages) {
		dm.copies, dm.collate = int16(j.Copies), 1
		dm.fields |= dmCopies | dmCollate
		driverCopies = true
	}
	if r, _, _ := procDocumentProps.Call(0, uintptr(h), uintptr(unsafe.Pointer(name)), uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&buf[0])), dmInBuffer|dmOutBuffer); int32(r) < 0 {
		return nil, false, khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” không nhận khổ giấy %s", j.Printer, paper.Name)
	}
	return buf, driverCopies, nil
}

// trayBin is the bin number of the tray named (DC_BINS, beside DC_BINNAMES).
func trayBin(name *uint16, printer, tray string) (int16, bool) {
	names, _ := Trays(printer)
	n, _, _ := procDeviceCaps.Call(uintptr(unsafe.Pointer(name)), 0, dcBins, 0, 0)
	if int32(n) <= 0 || int(n) != len(names) {
		return 0, false
	}
	bins := make([]uint16, n)
	procDeviceCaps.Call(uintptr(unsafe.Pointer(name)), 0, dcBins, uintptr(unsafe.Pointer(&bins[0])), 0)
	for i, t := range names {
		if t == tray {
			return int16(bins[i]), true
		}
	}
	return 0, false
}

// device turns millimetres from the paper's corner into the printer's dots
// from the printable area's corner.
type device struct {
	hdc          uintptr
	dpiX, dpiY   float64
	offX, offY   float64
	pens, brushs []uintptr
}

func (d *device) x(mm float64) int32 { return int32(math.Round(mm*d.dpiX/25.4 - d.offX)) }
func (d *device) y(mm float64) int32 { return int32(math.Round(mm*d.dpiY/25.4 - d.offY)) }

func caps(hdc uintptr, index int) float64 {
	r, _, _ := procGetDeviceCaps.Call(hdc, uintptr(index))
	return float64(int32(r))
}

func drawPage(hdc uintptr, p *page.Page) error {
	if r, _, _ := procStartPage.Call(hdc); int32(r) <= 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Máy in không nhận trang in")
	}
	d := &device{hdc: hdc, dpiX: caps(hdc, logPixelsX), dpiY: caps(hdc, logPixelsY),
		offX: caps(hdc, physicalOffsetX), offY: caps(hdc, physicalOffsetY)}
	if d.dpiX <= 0 || d.dpiY <= 0 {
		return khenthuong.Internal(fmt.Errorf("GetDeviceCaps: no resolution"))
	}
	if p.Width > p.Height {
		// A landscape page turns a quarter counter-clockwise onto the
		// portrait paper, its top-left corner at the paper's bottom-left:
		// device x = page y, device y = page width − page x.
		type xform struct{ m11, m12, m21, m22, dx, dy float32 }
		w := p.Width * d.dpiY / 25.4
		t := xform{m11: 0, m12: -1, m21: 1, m22: 0, dx: float32(-d.offX), dy: float32(w - d.offY)}
		d.dpiX, d.dpiY, d.offX, d.offY = d.dpiY, d.dpiX, 0, 0
		procSetGraphicsMode.Call(hdc, 2) // GM_ADVANCED
		if r, _, _ := procSetWorldXform.Call(hdc, uintptr(unsafe.Pointer(&t))); r == 0 {
			return khenthuong.Errorf(khenthuong.EINVALID, "Máy in không xoay được trang khổ ngang")
		}
		defer procModifyWorldXf.Call(hdc, 0, 1) // MWT_IDENTITY
	}
	procSetBkMode.Call(hdc, 1)      // TRANSPARENT
	procSetTextAlign.Call(hdc, 24)  // TA_BASELINE | TA_LEFT
	procSetStretchMode.Call(hdc, 4) // HALFTONE
	for i := range p.Shapes {
		d.shape(&p.Shapes[i])
	}
	for _, im := range p.Images {
		if err := d.image(im); err != nil {
			return err
		}
	}
	for i := range p.Texts {
		if err := d.text(&p.Texts[i]); err != nil {
			return err
		}
	}
	if r, _, _ := procEndPage.Call(hdc); int32(r) <= 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Máy in không nhận trang in")
	}
	return nil
}

func colorRef(c page.RGB) uintptr {
	return uintptr(c.R) | uintptr(c.G)<<8 | uintptr(c.B)<<16
}

func (d *device) shape(s *page.Shape) {
	if s.LineWidth <= 0 && !s.Filled {
		return
	}
	pen, _, _ := procGetStockObject.Call(nullPen)
	if s.LineWidth > 0 {
		type logBrush struct {
			style uint32
			color uint32
			hatch uintptr
		}
		lb := logBrush{style: 0, color: uint32(colorRef(s.Stroke))}
		width := max(1, int32(math.Round(s.LineWidth*d.dpiX/25.4)))
		// PS_GEOMETRIC | PS_SOLID | PS_ENDCAP_ROUND | PS_JOIN_ROUND, as the PDF's.
		pen, _, _ = procExtCreatePen.Call(0x10000, uintptr(width), uintptr(unsafe.Pointer(&lb)), 0, 0)
		defer procDeleteObject.Call(pen)
	}
	brush, _, _ := procGetStockObject.Call(nullBrush)
	if s.Filled {
		brush, _, _ = procCreateSolidBr.Call(colorRef(s.Fill))
		defer procDeleteObject.Call(brush)
	}
	oldPen, _, _ := procSelectObject.Call(d.hdc, pen)
	oldBrush, _, _ := procSelectObject.Call(d.hdc, brush)
	defer procSelectObject.Call(d.hdc, oldPen)
	defer procSelectObject.Call(d.hdc, oldBrush)
	switch s.Kind {
	case page.ShapeRect:
		procRectangle.Call(d.hdc, uintptr(d.x(s.X)), uintptr(d.y(s.Y)), uintptr(d.x(s.X+s.W)), uintptr(d.y(s.Y+s.H)))
	case page.ShapeCircle:
		procEllipse.Call(d.hdc, uintptr(d.x(s.X-s.R)), uintptr(d.y(s.Y-s.R)), uintptr(d.x(s.X+s.R)), uintptr(d.y(s.Y+s.R)))
	case page.ShapePolygon, page.ShapeLine:
		if len(s.Points) < 2 {
			return
		}
		pts := make([]int32, 0, 2*len(s.Points))
		for _, pt := range s.Points {
			pts = append(pts, d.x(pt.X), d.y(pt.Y))
		}
		proc := procPolygon
		if s.Kind == page.ShapeLine {
			proc = procPolyline
		}
		proc.Call(d.hdc, uintptr(unsafe.Pointer(&pts[0])), uintptr(len(s.Points)))
	}
}

// gdiFonts are the embedded faces loaded into GDI, once per process.
var gdiFonts struct {
	sync.Mutex
	loaded map[*page.Face]bool
}

func loadFace(f *page.Face) error {
	gdiFonts.Lock()
	defer gdiFonts.Unlock()
	if gdiFonts.loaded[f] {
		return nil
	}
	data := f.Data()
	var n uint32
	if h, _, _ := procAddFontMem.Call(uintptr(unsafe.Pointer(&data[0])), uintptr(len(data)), 0, uintptr(unsafe.Pointer(&n))); h == 0 {
		return khenthuong.Internal(fmt.Errorf("AddFontMemResourceEx %s failed", f.File))
	}
	if gdiFonts.loaded == nil {
		gdiFonts.loaded = map[*page.Face]bool{}
	}
	gdiFonts.loaded[f] = true
	return nil
}

// text draws a line letter by letter at the advances the layout measured
// (ExtTextOut's dx), so a printer's hinting never moves a word.
func (d *device) text(t *page.Text) error {
	face := page.LookupFace(t.Font, t.Style)
	if face == nil {
		return khenthuong.Internal(fmt.Errorf("unknown font %s %s", t.Font, t.Style))
	}
	if err := loadFace(face); err != nil {
		return err
	}
	family, sub := fontName(face.Data())
	weight, italic := fontStyle(sub)
	fam, _ := syscall.UTF16PtrFromString(family)
	height := -int32(math.Round(t.Size * d.dpiY / 72)) // negative: the em, as the PDF's size
	it := uintptr(0)
	if italic {
		it = 1
	}
	// DEFAULT_CHARSET, OUT_TT_ONLY_PRECIS, CLIP_DEFAULT_PRECIS, DEFAULT_QUALITY, DEFAULT_PITCH.
	font, _, _ := procCreateFont.Call(uintptr(height), 0, 0, 0, uintptr(weight), it, 0, 0, 1, 7, 0, 0, 0, uintptr(unsafe.Pointer(fam)))
	if font == 0 {
		return khenthuong.Internal(fmt.Errorf("CreateFont %s failed", family))
	}
	defer procDeleteObject.Call(font)
	old, _, _ := procSelectObject.Call(d.hdc, font)
	defer procSelectObject.Call(d.hdc, old)
	procSetTextColor.Call(d.hdc, colorRef(t.Color))
	units := windows.StringToUTF16(t.Text)
	units = units[:len(units)-1]
	if len(units) == 0 {
		return nil
	}
	// Each letter's advance in dots, from the running total so no rounding adds up.
	dx := make([]int32, 0, len(units))
	x0 := d.x(t.X)
	mm := t.X
	prev := x0
	for _, r := range t.Text {
		mm += face.Width(string(r), t.Size)
		next := d.x(mm)
		dx = append(dx, next-prev)
		if r >= 0x10000 {
			dx = append(dx, 0)
		}
		prev = next
	}
	procExtTextOut.Call(d.hdc, uintptr(x0), uintptr(d.y(t.Baseline)), 0, 0,
		uintptr(unsafe.Pointer(&units[0])), uintptr(len(units)), uintptr(unsafe.Pointer(&dx[0])))
	return nil
}

// image draws a picture kept to its aspect ratio, centred in its box, as the
// PDF writer does; transparent parts become white paper.
func (d *device) image(im page.Image) error {
	data, err := os.ReadFile(im.Path)
	if err != nil {
		return khenthuong.FieldErrorf("emblem_path", "Không đọc được ảnh quốc huy “%s”", im.Path)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return khenthuong.FieldErrorf("emblem_path", "Ảnh quốc huy “%s” bị hỏng hoặc không đọc được", im.Path)
	}
	b := src.Bounds()
	iw, ih := float64(b.Dx()), float64(b.Dy())
	if iw <= 0 || ih <= 0 {
		return nil
	}
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(rgba, rgba.Bounds(), src, b.Min, draw.Over)
	bgra := make([]byte, len(rgba.Pix))
	for i := 0; i < len(bgra); i += 4 {
		bgra[i], bgra[i+1], bgra[i+2], bgra[i+3] = rgba.Pix[i+2], rgba.Pix[i+1], rgba.Pix[i], 255
	}
	// The box keeps the picture's proportions, as in the PDF: its pixels
	// are not physical sizes, only their ratio counts.
	s := math.Min(im.W/iw, im.H/ih)
	w, h := iw*s, ih*s
	x, y := im.X+(im.W-w)/2, im.Y+(im.H-h)/2
	type bitmapInfoHeader struct {
		size                          uint32
		width, height                 int32
		planes, bitCount              uint16
		compression, sizeImage        uint32
		xPels, yPels, used, important uint32
	}
	bi := bitmapInfoHeader{size: 40, width: int32(b.Dx()), height: -int32(b.Dy()), planes: 1, bitCount: 32}
	procStretchDIBits.Call(d.hdc, uintptr(d.x(x)), uintptr(d.y(y)), uintptr(d.x(x+w)-d.x(x)), uintptr(d.y(y+h)-d.y(y)),
		0, 0, uintptr(b.Dx()), uintptr(b.Dy()), uintptr(unsafe.Pointer(&bgra[0])), uintptr(unsafe.Pointer(&bi)), 0, 0x00CC0020)
	return nil
}
