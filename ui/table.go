package ui

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column describes one column of a dataTable.
type column struct {
	title string
	width float32
}

// dataTable is the list widget of every screen: a widget.Table whose cells are
// recycled and filled by index through text(row, col), so a list of 100,000
// nominations costs only the cells on screen. On top of widget.Table it adds
// what clerks expect from a list: a whole-row highlight, headers that sort on
// click, double-click or Enter to open a row, Delete to delete it, and the
// arrow keys moving the selection itself (not only a focus marker).
type dataTable struct {
	widget.Table

	cols []column
	rows func() int
	text func(row, col int) string

	// sortable columns show an arrow on the column sorted; onSort is told the
	// column clicked and sortCol/sortDesc are set by the owner.
	onSort   func(col int)
	sortCol  int
	sortDesc bool

	// stretch is the column that takes the width left over on a wide
	// screen (the name), so the table fills the window without gaps.
	stretch int
	width   float32 // of the stretch column now

	onSelect   func(row int) // -1 when the selection goes away
	onActivate func(row int) // double-click, Enter
	onDelete   func(row int) // Delete key

	selected  int
	col       int // column of the cell marker, kept when the arrows move the row
	lastTap   time.Time
	lastTapAt int

	advances map[runeKey]float32 // letter widths, for fitText
}

// doubleTapDelay is the longest pause between the two clicks of a double-click.
// The cells detect it themselves instead of being fyne.DoubleTappable, because
// a DoubleTappable object gets its single taps late (the driver waits to see
// whether a second one comes), which would make every selection feel slow.
const doubleTapDelay = 500 * time.Millisecond

func newDataTable(cols []column, stretch int, rows func() int, text func(row, col int) string) *dataTable {
	t := &dataTable{cols: cols, rows: rows, text: text, stretch: stretch, sortCol: -1, selected: -1, lastTapAt: -1}
	t.Length = func() (int, int) { return t.rows(), len(t.cols) }
	t.CreateCell = func() fyne.CanvasObject { return newTableCell(t) }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*tableCell).update(id, t.text(id.Row, id.Col), id.Row == t.selected)
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(t) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		h := o.(*headerCell)
		h.col = id.Col
		if id.Col >= 0 && id.Col < len(t.cols) {
			h.setTitle(t.cols[id.Col].title)
		}
		var icon fyne.Resource
		switch {
		case t.onSort == nil || id.Col != t.sortCol:
		case t.sortDesc:
			icon = theme.MenuDropDownIcon()
		default:
			icon = theme.MenuDropUpIcon()
		}
		if icon == nil && h.icon.Visible() {
			h.icon.Hide()
			h.Refresh() // lays the title out again, with more room
		} else if icon != nil && (h.icon.Resource != icon || !h.icon.Visible()) {
			h.icon.SetResource(icon)
			h.icon.Show()
			h.Refresh()
		}
	}
	t.OnSelected = func(id widget.TableCellID) { t.setSelected(id.Row) }
	t.ExtendBaseWidget(t)
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// Resize gives the stretch column the width the other columns leave.
func (t *dataTable) Resize(size fyne.Size) {
	t.Table.Resize(size)
	pad := theme.Padding()
	rest := theme.ScrollBarSize() + pad
	for i, c := range t.cols {
		if i != t.stretch {
			rest += c.width
		}
		rest += pad
	}
	w := max(t.cols[t.stretch].width, size.Width-rest)
	if w != t.width {
		t.width = w
		t.SetColumnWidth(t.stretch, w)
	}
}

// selectRow selects row (keeping the column of the cell marker, so the table
// does not scroll sideways) and scrolls to it.
func (t *dataTable) selectRow(row int) {
	if row < 0 || row >= t.rows() {
		return
	}
	t.Select(widget.TableCellID{Row: row, Col: t.col})
	t.setSelected(row)
}

// clearSelection forgets the selection, e.g. after the rows were reloaded.
func (t *dataTable) clearSelection() {
	t.UnselectAll()
	t.setSelected(-1)
}

func (t *dataTable) setSelected(row int) {
	if row == t.selected {
		return
	}
	t.selected = row
	t.Refresh() // moves the row highlight: only the cells on screen are redrawn
	if t.onSelect != nil {
		t.onSelect(row)
	}
}

// cellTapped selects the tapped row and opens it on a second tap in time.
func (t *dataTable) cellTapped(id widget.TableCellID) {
	now := time.Now()
	double := id.Row == t.lastTapAt && now.Sub(t.lastTap) < doubleTapDelay
	t.lastTap, t.lastTapAt = now, id.Row
	t.col = id.Col
	again := id.Row == t.selected
	t.Select(id)
	t.setSelected(id.Row)
	if again && t.onSelect != nil {
		// A click on the row already selected (after a save selected it by
		// program, or a Ctrl+click took it out of the marks) is a choice
		// all the same: the owner hears of it.
		t.onSelect(id.Row)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t) // so that Enter, Delete and the arrows reach the table
	}
	if double {
		t.lastTapAt = -1
		if t.onActivate != nil {
			t.onActivate(id.Row)
		}
	}
}

// TypedKey adds Enter (open), Delete and row-wise arrows to widget.Table's keys.
func (t *dataTable) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.selected >= 0 && t.onActivate != nil {
			t.onActivate(t.selected)
		}
	case fyne.KeyDelete:
		if t.selected >= 0 && t.onDelete != nil {
			t.onDelete(t.selected)
		}
	case fyne.KeyDown:
		t.selectRow(t.selected + 1)
	case fyne.KeyUp:
		if t.selected > 0 {
			t.selectRow(t.selected - 1)
		}
	case fyne.KeyHome:
		t.selectRow(0)
	case fyne.KeyEnd:
		t.selectRow(t.rows() - 1)
	case fyne.KeyPageDown, fyne.KeyPageUp:
		step := t.pageRows()
		if ev.Name == fyne.KeyPageUp {
			step = -step
		}
		row := max(0, min(t.rows()-1, t.selected+step))
		t.selectRow(row)
	default:
		t.Table.TypedKey(ev)
	}
}

// pageRows is about how many rows fit on screen.
func (t *dataTable) pageRows() int {
	h := t.Size().Height
	row := newTableCell(t).MinSize().Height + theme.Padding()
	if n := int(h/row) - 1; n > 1 {
		return n
	}
	return 1
}

// tableCell is one recycled cell: a line of text over a background that
// marks the selected row. It draws a canvas.Text and shortens it itself
// rather than using a truncating widget.Label: the label shapes the text
// anew on every update to find where to cut, which made a page of 100,000
// rows scroll at half the speed (see fitText).
type tableCell struct {
	widget.BaseWidget
	t     *dataTable
	id    widget.TableCellID
	full  string  // the cell's whole text; text.Text may be shortened
	width float32 // the width text.Text was fitted to
	bg    *canvas.Rectangle
	text  *canvas.Text
}

func newTableCell(t *dataTable) *tableCell {
	c := &tableCell{t: t, bg: canvas.NewRectangle(color.Transparent), width: -1}
	c.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	c.ExtendBaseWidget(c)
	return c
}

func (c *tableCell) CreateRenderer() fyne.WidgetRenderer { return &tableCellRenderer{c: c} }

func (c *tableCell) update(id widget.TableCellID, text string, selected bool) {
	c.id = id
	var bg color.Color = color.Transparent
	if selected {
		bg = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != bg {
		c.bg.FillColor = bg
		c.bg.Refresh()
	}
	if text != c.full {
		c.full = text
		c.fit(c.width, true)
	}
}

// fit shortens the text to width (the cell's inner width).
func (c *tableCell) fit(width float32, force bool) {
	if width == c.width && !force {
		return
	}
	c.width = width
	if width < 0 {
		c.text.Text = c.full // not laid out yet
	} else {
		c.text.Text = c.t.fitText(c.full, width, c.text.TextSize, false)
	}
	c.text.Refresh()
}

func (c *tableCell) Tapped(*fyne.PointEvent) {
	leaveTip(c)
	c.t.cellTapped(c.id)
}

// The mouse resting on a shortened cell shows its whole text (tooltip.go).
func (c *tableCell) MouseIn(ev *desktop.MouseEvent) { hoverTip(c, c.full, c.text.Text != c.full, ev) }
func (c *tableCell) MouseMoved(*desktop.MouseEvent) {}
func (c *tableCell) MouseOut()                      { leaveTip(c) }

type tableCellRenderer struct{ c *tableCell }

func (r *tableCellRenderer) Layout(size fyne.Size) {
	c := r.c
	c.bg.Resize(size)
	pad := theme.InnerPadding()
	c.fit(size.Width-2*pad, false)
	h := lineHeight(c.text)
	c.text.Move(fyne.NewPos(pad, (size.Height-h)/2))
	c.text.Resize(fyne.NewSize(max(size.Width-2*pad, 0), h))
}

// MinSize is that of a one-line widget.Label, so rows keep the usual height.
func (r *tableCellRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	line := fyne.MeasureText("Ấy", r.c.text.TextSize, fyne.TextStyle{})
	return fyne.NewSize(line.Width+2*pad, line.Height+2*pad)
}

func (r *tableCellRenderer) Refresh() {
	c := r.c
	c.text.Color = theme.Color(theme.ColorNameForeground)
	if size := theme.TextSize(); size != c.text.TextSize {
		c.text.TextSize = size
		c.fit(c.width, true)
	}
	c.text.Refresh()
	c.bg.Refresh()
}

func (r *tableCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.bg, r.c.text}
}

func (r *tableCellRenderer) Destroy() {}

// lineHeight is the height of one line of t's size and style, whatever its
// text: measuring the text itself would shape every new string.
func lineHeight(t *canvas.Text) float32 {
	return fyne.MeasureText("Ấy", t.TextSize, t.TextStyle).Height // cached by Fyne
}

// ellipsis ends a shortened text.
const ellipsis = "…"

// runeKey names the advance of one letter at a size and weight.
type runeKey struct {
	r    rune
	size float32
	bold bool
}

// fitText returns s, or the longest start of s followed by "…" that fits
// width. Widths are sums of the letters' advances, each measured once: no
// shaping per cell, which is what scrolling a long list spends its time on.
// Kerning only narrows Latin text, so a text judged to fit does fit.
func (t *dataTable) fitText(s string, width, size float32, bold bool) string {
	if s == "" {
		return s
	}
	w := float32(0)
	for _, r := range s {
		w += t.advance(r, size, bold)
	}
	if w <= width {
		return s
	}
	limit := width - t.advance('…', size, bold)
	w = 0
	for i, r := range s {
		w += t.advance(r, size, bold)
		if w > limit {
			return strings.TrimRight(s[:i], " ,") + ellipsis
		}
	}
	return s
}

func (t *dataTable) advance(r rune, size float32, bold bool) float32 {
	k := runeKey{r, size, bold}
	w, ok := t.advances[k]
	if !ok {
		w = fyne.MeasureText(string(r), size, fyne.TextStyle{Bold: bold}).Width
		if t.advances == nil {
			t.advances = map[runeKey]float32{}
		}
		t.advances[k] = w
	}
	return w
}

// headerCell is a column title; tapping it sorts by that column. Like
// tableCell it draws its own shortened text: the table redraws the headers
// on every scroll.
type headerCell struct {
	widget.BaseWidget
	t     *dataTable
	col   int
	title string
	width float32
	text  *canvas.Text
	icon  *widget.Icon
}

func newHeaderCell(t *dataTable) *headerCell {
	h := &headerCell{t: t, col: -1, width: -1, icon: widget.NewIcon(nil)}
	h.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	h.text.TextStyle.Bold = true
	h.icon.Hide()
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer { return &headerCellRenderer{h: h} }

func (h *headerCell) setTitle(title string) {
	if title != h.title {
		h.title = title
		h.fit(h.width, true)
	}
}

func (h *headerCell) fit(width float32, force bool) {
	if width == h.width && !force {
		return
	}
	h.width = width
	if width < 0 {
		h.text.Text = h.title
	} else {
		h.text.Text = h.t.fitText(h.title, width, h.text.TextSize, true)
	}
	h.text.Refresh()
}

// The mouse resting on a shortened title shows it whole (tooltip.go).
func (h *headerCell) MouseIn(ev *desktop.MouseEvent) {
	hoverTip(h, h.title, h.text.Text != h.title, ev)
}
func (h *headerCell) MouseMoved(*desktop.MouseEvent) {}
func (h *headerCell) MouseOut()                      { leaveTip(h) }

func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.t.onSort != nil && h.col >= 0 {
		h.t.onSort(h.col)
	}
}

type headerCellRenderer struct{ h *headerCell }

func (r *headerCellRenderer) Layout(size fyne.Size) {
	h := r.h
	pad := theme.InnerPadding()
	iconSize := theme.IconInlineSize()
	textWidth := size.Width - 2*pad
	if h.icon.Visible() {
		textWidth -= iconSize + theme.Padding()
		h.icon.Resize(fyne.NewSquareSize(iconSize))
		h.icon.Move(fyne.NewPos(size.Width-pad-iconSize, (size.Height-iconSize)/2))
	}
	h.fit(max(textWidth, 0), false)
	th := lineHeight(h.text)
	h.text.Move(fyne.NewPos(pad, (size.Height-th)/2))
	h.text.Resize(fyne.NewSize(max(textWidth, 0), th))
}

func (r *headerCellRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	line := fyne.MeasureText("Ấy", r.h.text.TextSize, r.h.text.TextStyle)
	return fyne.NewSize(line.Width+2*pad, line.Height+2*pad)
}

func (r *headerCellRenderer) Refresh() {
	h := r.h
	h.text.Color = theme.Color(theme.ColorNameForeground)
	r.Layout(h.Size()) // the arrow may have come or gone
	h.text.Refresh()
	h.icon.Refresh()
}

func (r *headerCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.h.text, r.h.icon}
}

func (r *headerCellRenderer) Destroy() {}
