package ui

import (
	"image"
	"image/color"
	"math"
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong/certificates"
	"khenthuong/page"
)

// certPreview draws a page.Page, the very placement the PDF writer
// prints from, scaled to fit: shapes (the border ornament) rasterised into one
// image, the emblem as an image, and every line of text as a canvas.Text in
// the embedded font it prints in, at its X and baseline. What the clerk sees
// is what prints.
//
// With a template set (the editor), it also draws the fields' boxes dashed
// and the selected one solid; a tap selects the field under it, dragging
// moves it, and when it has the focus the arrow keys move it by 0.5 mm
// (Shift: 5 mm) and Ctrl+arrows resize it (see onNudge).
type certPreview struct {
	widget.BaseWidget

	page     page.Page
	tpl      *certificates.Template // fields whose boxes are drawn; nil outside the editor
	mode     certificates.Mode      // which fields print: the boxes drawn
	selected int                    // field index, -1 for none
	empty    string                 // shown when there is no page

	onSelect  func(field int)                 // a field was tapped
	onNudge   func(dx, dy, dw, dh float64)    // keyboard: mm to add to the selected field
	onDrag    func(field int, dx, dy float64) // mouse: mm moved since the drag began
	onDragEnd func()                          // the drag ended

	focused  bool
	shift    bool       // a Shift key is held (desktop.Keyable)
	drag     *dragState // nil unless dragging
	renderer *previewRenderer
}

type dragState struct {
	field  int
	dx, dy float32 // px dragged so far
}

func newCertPreview() *certPreview {
	p := &certPreview{selected: -1}
	p.ExtendBaseWidget(p)
	return p
}

// setPage shows page; tpl (nil outside the editor) adds the fields' boxes.
func (p *certPreview) setPage(page page.Page, tpl *certificates.Template, mode certificates.Mode) {
	p.page, p.tpl, p.mode = page, tpl, mode
	p.Refresh()
}

func (p *certPreview) setSelected(field int) {
	if field != p.selected {
		p.selected = field
		p.Refresh()
	}
}

func (p *certPreview) CreateRenderer() fyne.WidgetRenderer {
	r := &previewRenderer{p: p}
	r.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	r.paper = canvas.NewRectangle(color.White)
	r.paper.StrokeColor = color.NRGBA{0, 0, 0, 0x60}
	r.paper.StrokeWidth = 1
	r.shapes = canvas.NewRaster(r.drawShapes)
	r.frames = canvas.NewRaster(r.drawFrames)
	r.sel = canvas.NewRectangle(color.Transparent)
	r.sel.StrokeWidth = 2
	// A wrapped label: the hints are sentences wider than the pane, and a
	// one-line text ran under the options and off the window's edge.
	r.message = widget.NewLabel("")
	r.message.Wrapping = fyne.TextWrapWord
	r.message.Alignment = fyne.TextAlignCenter
	p.renderer = r
	r.rebuild()
	return r
}

// scale is the preview's pixels per millimetre and the paper's top-left corner.
func (p *certPreview) scale() (k float32, origin fyne.Position) {
	size := p.Size()
	if p.page.Width <= 0 || p.page.Height <= 0 {
		return 0, fyne.Position{}
	}
	m := theme.Padding() * 2
	k = float32(math.Min(float64(size.Width-2*m)/p.page.Width, float64(size.Height-2*m)/p.page.Height))
	k = max(k, 0.01)
	origin = fyne.NewPos((size.Width-k*float32(p.page.Width))/2, (size.Height-k*float32(p.page.Height))/2)
	return k, origin
}

// toMM converts a position on the widget to millimetres on the page.
func (p *certPreview) toMM(pos fyne.Position) (x, y float64) {
	k, o := p.scale()
	if k == 0 {
		return -1, -1
	}
	return float64((pos.X - o.X) / k), float64((pos.Y - o.Y) / k)
}

// fieldAt is the smallest box drawn under the point (mm), or -1.
func (p *certPreview) fieldAt(x, y float64) int {
	if p.tpl == nil {
		return -1
	}
	best, area := -1, math.Inf(1)
	for i, f := range p.tpl.Fields {
		if !fieldShown(&f, p.mode) {
			continue
		}
		if x >= f.X && x <= f.X+f.W && y >= f.Y && y <= f.Y+f.H && f.W*f.H < area {
			best, area = i, f.W*f.H
		}
	}
	return best
}

// fieldShown reports whether a field prints in mode, so that its box is drawn.
func fieldShown(f *certificates.Field, mode certificates.Mode) bool {
	return mode == certificates.ModePlain || f.OnBlank
}

func (p *certPreview) Tapped(ev *fyne.PointEvent) {
	p.requestFocus()
	if p.tpl == nil {
		return
	}
	if i := p.fieldAt(p.toMM(ev.Position)); i >= 0 && p.onSelect != nil {
		p.onSelect(i)
	}
}

func (p *certPreview) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
}

// Dragged moves the selected field (or the one under the pointer) with the
// mouse; onDrag gets the distance in mm since the drag began.
func (p *certPreview) Dragged(ev *fyne.DragEvent) {
	if p.tpl == nil || p.onDrag == nil {
		return
	}
	if p.drag == nil {
		start := ev.Position.Subtract(ev.Dragged)
		f := p.fieldAt(p.toMM(start))
		if f < 0 {
			return
		}
		if f != p.selected && p.onSelect != nil {
			p.onSelect(f)
		}
		p.drag = &dragState{field: f}
	}
	p.drag.dx += ev.Dragged.DX
	p.drag.dy += ev.Dragged.DY
	k, _ := p.scale()
	if k > 0 {
		p.onDrag(p.drag.field, float64(p.drag.dx/k), float64(p.drag.dy/k))
	}
}

func (p *certPreview) DragEnd() {
	if p.drag != nil {
		p.drag = nil
		if p.onDragEnd != nil {
			p.onDragEnd()
		}
	}
}

// Focus and keys: the arrows move the selected field, Ctrl+arrows resize it.

func (p *certPreview) FocusGained()   { p.focused = true; p.Refresh() }
func (p *certPreview) FocusLost()     { p.focused, p.shift = false, false; p.Refresh() }
func (p *certPreview) TypedRune(rune) {}

// Nudge steps, in mm.
const (
	nudgeStep      = 0.5
	nudgeStepShift = 5.0
)

func (p *certPreview) TypedKey(ev *fyne.KeyEvent) {
	step := nudgeStep
	if p.shift || shiftHeld() {
		step = nudgeStepShift
	}
	p.nudge(ev.Name, step, false)
}

// nudge sends an arrow key as a move (or, with resize, a change of size).
func (p *certPreview) nudge(key fyne.KeyName, step float64, resize bool) bool {
	if p.onNudge == nil || p.selected < 0 {
		return false
	}
	var dx, dy float64
	switch key {
	case fyne.KeyLeft:
		dx = -step
	case fyne.KeyRight:
		dx = step
	case fyne.KeyUp:
		dy = -step
	case fyne.KeyDown:
		dy = step
	default:
		return false
	}
	if resize {
		p.onNudge(0, 0, dx, dy)
	} else {
		p.onNudge(dx, dy, 0, 0)
	}
	return true
}

// TypedShortcut takes Ctrl+arrows (Ctrl+Shift: 5 mm) and hands the window's
// own shortcuts on, as the search entry does.
func (p *certPreview) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier&fyne.KeyModifierShortcutDefault != 0 &&
		cs.Modifier&^(fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift) == 0 {
		step := nudgeStep
		if cs.Modifier&fyne.KeyModifierShift != 0 {
			step = nudgeStepShift
		}
		if p.nudge(cs.KeyName, step, true) {
			return
		}
	}
	if isAppShortcut(s) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(p).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}

func (p *certPreview) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.shift = true
	}
}

func (p *certPreview) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.shift = false
	}
}

// shiftHeld asks the desktop driver, for a Shift pressed before the focus came.
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// previewRenderer holds the drawn objects: rebuilt when the page changes,
// placed again when the size changes.
type previewRenderer struct {
	p       *certPreview
	bg      *canvas.Rectangle
	paper   *canvas.Rectangle
	shapes  *canvas.Raster
	frames  *canvas.Raster
	sel     *canvas.Rectangle
	message *widget.Label
	images  []*canvas.Image
	texts   []*canvas.Text
	objects []fyne.CanvasObject

	// The shapes' image is drawn again only for new shapes or a new size.
	shapesKey struct {
		first *page.Shape
		n     int
		w, h  int
	}
	shapesImg image.Image
	imgPaths  []string
}

func (r *previewRenderer) rebuild() {
	p := r.p
	pg := &p.page
	r.texts = r.texts[:0]
	for _, t := range pg.Texts {
		face := page.LookupFace(t.Font, t.Style)
		if face == nil {
			continue
		}
		ct := canvas.NewText(t.Text, toColor(t.Color))
		ct.FontSource = faceResource(face)
		r.texts = append(r.texts, ct)
	}
	// Images are kept while their paths stay: loading the emblem again on
	// every keystroke of the editor would flicker.
	paths := make([]string, len(pg.Images))
	for i, im := range pg.Images {
		paths[i] = im.Path
	}
	if !equalStrings(paths, r.imgPaths) {
		r.images = r.images[:0]
		for _, path := range paths {
			ci := canvas.NewImageFromFile(path)
			ci.FillMode = canvas.ImageFillContain
			r.images = append(r.images, ci)
		}
		r.imgPaths = paths
	}
	if r.message.Text != p.empty {
		r.message.SetText(p.empty)
	}
	r.objects = append(r.objects[:0], r.bg)
	if pg.Width > 0 {
		r.objects = append(r.objects, r.paper, r.shapes)
		for _, im := range r.images {
			r.objects = append(r.objects, im)
		}
		for _, t := range r.texts {
			r.objects = append(r.objects, t)
		}
		if p.tpl != nil {
			r.objects = append(r.objects, r.frames, r.sel)
		}
	} else {
		r.objects = append(r.objects, r.message)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (r *previewRenderer) Layout(size fyne.Size) {
	p := r.p
	r.bg.Resize(size)
	r.message.Resize(size) // its height follows the lines its width makes
	h := min(r.message.MinSize().Height, size.Height)
	r.message.Move(fyne.NewPos(0, (size.Height-h)/2))
	r.message.Resize(fyne.NewSize(size.Width, h))
	k, o := p.scale()
	if k == 0 {
		return
	}
	paperSize := fyne.NewSize(k*float32(p.page.Width), k*float32(p.page.Height))
	r.paper.Move(o)
	r.paper.Resize(paperSize)
	r.shapes.Move(o)
	r.shapes.Resize(paperSize)
	r.frames.Move(o)
	r.frames.Resize(paperSize)
	at := func(x, y float64) fyne.Position { return fyne.NewPos(o.X+k*float32(x), o.Y+k*float32(y)) }
	for i, im := range p.page.Images {
		if i < len(r.images) {
			r.images[i].Move(at(im.X, im.Y))
			r.images[i].Resize(fyne.NewSize(k*float32(im.W), k*float32(im.H)))
		}
	}
	n := 0
	for _, t := range p.page.Texts {
		if page.LookupFace(t.Font, t.Style) == nil {
			continue
		}
		ct := r.texts[n]
		n++
		ct.TextSize = float32(t.Size*page.MMPerPt) * k
		// The baseline lands where the PDF puts it; X is the line's left end.
		drv := fyne.CurrentApp().Driver()
		w, base := drv.RenderedTextSize(ct.Text, ct.TextSize, ct.TextStyle, ct.FontSource)
		// At screen sizes the rasteriser rounds advances up, so a line comes
		// out wider than in the PDF and runs into the next word
		// ("98/2023/NĐ-CPngày"): shrink it to the PDF's width, so the
		// preview breaks and spaces every line as the PDF does.
		// Text is drawn at whole pixel sizes, rounded up: step down to the
		// whole size under the PDF's width.
		for i := 0; i < 4 && t.Width > 0 && w.Width > k*float32(t.Width); i++ {
			size := ct.TextSize * k * float32(t.Width) / w.Width
			if f := float32(math.Floor(float64(size))); f > 0 && f < ct.TextSize {
				size = f
			} else {
				size = ct.TextSize - 1
			}
			if size <= 0 {
				break
			}
			ct.TextSize = size
			w, base = drv.RenderedTextSize(ct.Text, ct.TextSize, ct.TextStyle, ct.FontSource)
		}
		ct.Move(at(t.X, t.Baseline).SubtractXY(0, base))
		ct.Resize(fyne.NewSize(k*float32(t.Width), k*float32(t.Ascent+t.Descent)))
	}
	r.layoutSelection(k, o)
}

func (r *previewRenderer) layoutSelection(k float32, o fyne.Position) {
	p := r.p
	if p.tpl == nil || p.selected < 0 || p.selected >= len(p.tpl.Fields) {
		r.sel.Hide()
		return
	}
	f := p.tpl.Fields[p.selected]
	r.sel.Show()
	r.sel.Move(fyne.NewPos(o.X+k*float32(f.X), o.Y+k*float32(f.Y)))
	r.sel.Resize(fyne.NewSize(k*float32(f.W), k*float32(f.H)))
	c := theme.Color(theme.ColorNamePrimary)
	if !p.focused {
		c = theme.Color(theme.ColorNameFocus)
	}
	r.sel.StrokeColor = c
	rr, g, b, _ := c.RGBA()
	r.sel.FillColor = color.NRGBA{uint8(rr >> 8), uint8(g >> 8), uint8(b >> 8), 0x22}
	r.sel.Refresh()
}

func (r *previewRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 170) }

func (r *previewRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.message.Refresh()
	r.rebuild()
	r.Layout(r.p.Size())
	r.shapes.Refresh()
	r.frames.Refresh()
	for _, o := range r.objects {
		if o != r.shapes && o != r.frames {
			o.Refresh()
		}
	}
}

func (r *previewRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *previewRenderer) Destroy() {}

// drawShapes rasterises the page's shapes at the raster's pixel size.
func (r *previewRenderer) drawShapes(w, h int) image.Image {
	shapes := r.p.page.Shapes
	var first *page.Shape
	if len(shapes) > 0 {
		first = &shapes[0]
	}
	key := r.shapesKey
	if r.shapesImg != nil && key.first == first && key.n == len(shapes) && key.w == w && key.h == h {
		return r.shapesImg
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	if r.p.page.Width > 0 && len(shapes) > 0 {
		rs := newRasterizer(img)
		rs.shapes(shapes, float64(w)/r.p.page.Width)
	}
	r.shapesKey.first, r.shapesKey.n, r.shapesKey.w, r.shapesKey.h = first, len(shapes), w, h
	r.shapesImg = img
	return img
}

// drawFrames draws the dashed box of every field that prints in the mode.
func (r *previewRenderer) drawFrames(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p := r.p
	if p.tpl == nil || p.page.Width <= 0 {
		return img
	}
	k := float64(w) / p.page.Width
	dash := max(3, int(math.Round(float64(w)/300)))
	c := color.RGBAModel.Convert(color.NRGBA{0x1e, 0x6f, 0xd9, 0xc0}).(color.RGBA) // image.RGBA is premultiplied
	for i, f := range p.tpl.Fields {
		if i == p.selected || !fieldShown(&f, p.mode) {
			continue
		}
		x0, y0 := int(math.Round(f.X*k)), int(math.Round(f.Y*k))
		x1, y1 := int(math.Round((f.X+f.W)*k)), int(math.Round((f.Y+f.H)*k))
		dashedLine(img, x0, y0, x1, y0, dash, c)
		dashedLine(img, x0, y1, x1, y1, dash, c)
		dashedLine(img, x0, y0, x0, y1, dash, c)
		dashedLine(img, x1, y0, x1, y1, dash, c)
	}
	return img
}

// dashedLine draws a horizontal or vertical dashed line one pixel wide.
func dashedLine(img *image.RGBA, x0, y0, x1, y1, dash int, c color.RGBA) {
	n := max(x1-x0, y1-y0)
	for t := 0; t <= n; t++ {
		if (t/dash)%2 == 1 {
			continue
		}
		x, y := x0, y0
		if x1 > x0 {
			x += t
		} else {
			y += t
		}
		if image.Pt(x, y).In(img.Rect) {
			img.SetRGBA(x, y, c)
		}
	}
}

func toColor(c page.RGB) color.Color { return color.NRGBA{c.R, c.G, c.B, 0xff} }

// faceResource is the embedded font file of a face, as Fyne draws it: the
// same TrueType data the PDF embeds.
func faceResource(f *page.Face) fyne.Resource {
	faceResources.Lock()
	defer faceResources.Unlock()
	if faceResources.m == nil {
		faceResources.m = map[*page.Face]fyne.Resource{}
	}
	res, ok := faceResources.m[f]
	if !ok {
		res = fyne.NewStaticResource(f.File, f.Data())
		faceResources.m[f] = res
	}
	return res
}

var faceResources struct {
	sync.Mutex
	m map[*page.Face]fyne.Resource
}

// rasterizer fills polygons with anti-aliasing (non-zero winding, 4 samples
// a pixel vertically and exact coverage horizontally). Strokes become
// polygons: a band per segment, a ring for a rectangle or a circle.
type rasterizer struct {
	img   *image.RGBA
	cover []float64
	xs    []crossing
}

type crossing struct {
	x   float64
	dir int
}

type fpt struct{ x, y float64 }

func newRasterizer(img *image.RGBA) *rasterizer {
	return &rasterizer{img: img, cover: make([]float64, img.Rect.Dx()+2)}
}

const subRows = 4

// fill paints the contours (each a closed polygon) in colour c.
func (rs *rasterizer) fill(contours [][]fpt, c page.RGB) {
	b := rs.img.Rect
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, ct := range contours {
		for _, p := range ct {
			minX, maxX = math.Min(minX, p.x), math.Max(maxX, p.x)
			minY, maxY = math.Min(minY, p.y), math.Max(maxY, p.y)
		}
	}
	if math.IsInf(minX, 0) || math.IsNaN(minX+minY+maxX+maxY) {
		return
	}
	x0, x1 := max(int(math.Floor(minX)), b.Min.X), min(int(math.Ceil(maxX)), b.Max.X)
	y0, y1 := max(int(math.Floor(minY)), b.Min.Y), min(int(math.Ceil(maxY)), b.Max.Y)
	if x0 >= x1 || y0 >= y1 {
		return
	}
	for y := y0; y < y1; y++ {
		cover := rs.cover[:x1-x0]
		clear(cover)
		for s := range subRows {
			sy := float64(y) + (float64(s)+0.5)/subRows
			rs.xs = rs.xs[:0]
			for _, ct := range contours {
				for i := range ct {
					a, e := ct[i], ct[(i+1)%len(ct)]
					if (a.y <= sy) == (e.y <= sy) {
						continue
					}
					dir := 1
					if e.y < a.y {
						dir = -1
					}
					rs.xs = append(rs.xs, crossing{a.x + (sy-a.y)*(e.x-a.x)/(e.y-a.y), dir})
				}
			}
			sort.Slice(rs.xs, func(i, j int) bool { return rs.xs[i].x < rs.xs[j].x })
			wind, start := 0, 0.0
			for _, cr := range rs.xs {
				prev := wind
				wind += cr.dir
				switch {
				case prev == 0 && wind != 0:
					start = cr.x
				case prev != 0 && wind == 0:
					addSpan(cover, start-float64(x0), cr.x-float64(x0))
				}
			}
		}
		for i, cv := range cover {
			if cv <= 0 {
				continue
			}
			a := math.Min(cv/subRows, 1)
			blend(rs.img, x0+i, y, c, a)
		}
	}
}

// addSpan adds the horizontal coverage of [xa, xb) to the pixels it crosses.
func addSpan(cover []float64, xa, xb float64) {
	xa, xb = math.Max(xa, 0), math.Min(xb, float64(len(cover)))
	for px := int(math.Floor(xa)); float64(px) < xb && px < len(cover); px++ {
		if px < 0 {
			continue
		}
		cover[px] += math.Min(xb, float64(px+1)) - math.Max(xa, float64(px))
	}
}

func blend(img *image.RGBA, x, y int, c page.RGB, a float64) {
	i := img.PixOffset(x, y)
	px := img.Pix[i : i+4 : i+4]
	inv := 1 - a
	px[0] = uint8(float64(c.R)*a + float64(px[0])*inv + 0.5)
	px[1] = uint8(float64(c.G)*a + float64(px[1])*inv + 0.5)
	px[2] = uint8(float64(c.B)*a + float64(px[2])*inv + 0.5)
	px[3] = uint8(255*a + float64(px[3])*inv + 0.5)
}

// shapes draws the page's shapes in order at k pixels per mm.
func (rs *rasterizer) shapes(shapes []page.Shape, k float64) {
	for i := range shapes {
		s := &shapes[i]
		lw := s.LineWidth * k
		switch s.Kind {
		case page.ShapeRect:
			x0, y0, x1, y1 := s.X*k, s.Y*k, (s.X+s.W)*k, (s.Y+s.H)*k
			if s.Filled {
				rs.fill([][]fpt{rectContour(x0, y0, x1, y1, false)}, s.Fill)
			}
			if lw > 0 {
				h := lw / 2
				rs.fill([][]fpt{rectContour(x0-h, y0-h, x1+h, y1+h, false), rectContour(x0+h, y0+h, x1-h, y1-h, true)}, s.Stroke)
			}
		case page.ShapeCircle:
			cx, cy, r := s.X*k, s.Y*k, s.R*k
			if s.Filled {
				rs.fill([][]fpt{circleContour(cx, cy, r, false)}, s.Fill)
			}
			if lw > 0 {
				rs.fill([][]fpt{circleContour(cx, cy, r+lw/2, false), circleContour(cx, cy, math.Max(r-lw/2, 0), true)}, s.Stroke)
			}
		case page.ShapePolygon, page.ShapeLine:
			pts := make([]fpt, len(s.Points))
			for j, p := range s.Points {
				pts[j] = fpt{p.X * k, p.Y * k}
			}
			closed := s.Kind == page.ShapePolygon
			if closed && s.Filled && len(pts) >= 3 {
				rs.fill([][]fpt{pts}, s.Fill)
			}
			if lw > 0 && len(pts) >= 2 {
				var bands [][]fpt
				n := len(pts) - 1
				if closed {
					n = len(pts)
				}
				for j := 0; j < n; j++ {
					if b := band(pts[j], pts[(j+1)%len(pts)], lw/2); b != nil {
						bands = append(bands, b)
					}
				}
				rs.fill(bands, s.Stroke)
			}
		}
	}
}

// rectContour is a rectangle, clockwise on screen, or the other way round
// (reverse) to cut a hole under the non-zero rule.
func rectContour(x0, y0, x1, y1 float64, reverse bool) []fpt {
	if reverse {
		return []fpt{{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}}
	}
	return []fpt{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

func circleContour(cx, cy, r float64, reverse bool) []fpt {
	n := int(math.Min(96, math.Max(12, r*1.5)))
	out := make([]fpt, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(n)
		if reverse {
			a = -a
		}
		out[i] = fpt{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return out
}

// band is the stroke of segment a–b, half-width h, squared off at its ends.
func band(a, b fpt, h float64) []fpt {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	ux, uy := dx/l*h, dy/l*h // along, scaled to h
	nx, ny := -uy, ux        // across
	a = fpt{a.x - ux, a.y - uy}
	b = fpt{b.x + ux, b.y + uy}
	return []fpt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}
}
