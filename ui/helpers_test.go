package ui

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// newTestUI builds the main window on svc with Fyne's test driver.
func newTestUI(t testing.TB, svc *fakeServices) *MainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	drainUI() // nothing left from an earlier test
	m := New(a, svc, Options{DataPath: "/home/clerk/khenthuong.db", Version: "0.1.0"})
	m.win.Resize(fyne.NewSize(1600, 900)) // every column on screen
	t.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	return m
}

// uiQueue stands for the UI goroutine's event queue: background work puts
// its widget updates here (see uiDo) and waitAll runs them on the test's
// goroutine, as the driver's event loop would.
var uiQueue struct {
	sync.Mutex
	fns []func()
}

func TestMain(m *testing.M) {
	uiDo = func(f func()) {
		uiQueue.Lock()
		uiQueue.fns = append(uiQueue.fns, f)
		uiQueue.Unlock()
	}
	os.Exit(m.Run())
}

// drainUI runs the queued widget updates; it reports whether there were any.
func drainUI() bool {
	uiQueue.Lock()
	fns := uiQueue.fns
	uiQueue.fns = nil
	uiQueue.Unlock()
	for _, f := range fns {
		f()
	}
	return len(fns) > 0
}

// waitAll waits for the background loads and applies their results.
func waitAll(m *MainWindow) {
	for {
		m.nominations.loading.Wait()
		m.campaigns.counting.Wait()
		if m.dashboard != nil {
			m.dashboard.loading.Wait()
		}
		if m.decisions != nil {
			m.decisions.loading.Wait()
		}
		if m.lookup != nil {
			m.lookup.loading.Wait()
		}
		if !drainUI() {
			return
		}
	}
}

// showPage taps the rail button of page p.
func showPage(t testing.TB, m *MainWindow, p int) {
	t.Helper()
	test.Tap(m.rail[p])
	waitAll(m)
	if m.page != p {
		t.Fatalf("page %d not shown after tapping %q", p, m.rail[p].Text)
	}
}

// drawn returns o and every object inside it as drawn now. Unlike
// test.LaidOutObjects it walks the widgets' live renderers, where a table
// keeps its recycled cells.
func drawn(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, drawn(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, drawn(child)...)
		}
	}
	return out
}

// visibleCells returns the cells the table has drawn, by cell: what a clerk sees.
func visibleCells(t *dataTable) map[widget.TableCellID]*tableCell {
	cells := map[widget.TableCellID]*tableCell{}
	for _, o := range drawn(t) {
		if c, ok := o.(*tableCell); ok && c.Visible() && c.id.Row < t.rows() {
			cells[c.id] = c
		}
	}
	return cells
}

// columnTexts reads the texts shown in column col for the first n rows.
func columnTexts(tb testing.TB, t *dataTable, col, n int) []string {
	tb.Helper()
	cells := visibleCells(t)
	var out []string
	for r := 0; r < n; r++ {
		c, ok := cells[widget.TableCellID{Row: r, Col: col}]
		if !ok {
			tb.Fatalf("row %d col %d is not drawn", r, col)
		}
		out = append(out, c.full)
	}
	return out
}

// tapCell taps the drawn cell (row, col).
func tapCell(tb testing.TB, t *dataTable, row, col int) {
	tb.Helper()
	c, ok := visibleCells(t)[widget.TableCellID{Row: row, Col: col}]
	if !ok {
		tb.Fatalf("row %d col %d is not drawn", row, col)
	}
	test.Tap(c)
}

// doubleTapCell clicks the cell twice in quick succession.
func doubleTapCell(tb testing.TB, t *dataTable, row, col int) {
	tb.Helper()
	tapCell(tb, t, row, col)
	tapCell(tb, t, row, col)
}

// tapHeader taps the title of column col.
func tapHeader(tb testing.TB, t *dataTable, col int) {
	tb.Helper()
	for _, o := range drawn(t) {
		if h, ok := o.(*headerCell); ok && h.Visible() && h.col == col {
			test.Tap(h)
			return
		}
	}
	tb.Fatalf("header of column %d is not drawn", col)
}

// overlayButton finds a button by its text in the dialog on top.
func overlayButton(tb testing.TB, c fyne.Canvas, text string) *widget.Button {
	tb.Helper()
	top := c.Overlays().Top()
	if top == nil {
		tb.Fatalf("no dialog open (looking for %q)", text)
	}
	var texts []string
	for _, o := range drawn(top) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			if b.Text == text {
				return b
			}
			texts = append(texts, b.Text)
		}
	}
	tb.Fatalf("no button %q in the dialog; buttons: %q", text, texts)
	return nil
}

// overlayText is every label and text of the dialog on top, joined by newlines.
func overlayText(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range drawn(top) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}

// dismissDialogs closes whatever dialog is open.
func dismissDialogs(c fyne.Canvas) {
	for c.Overlays().Top() != nil {
		c.Overlays().Remove(c.Overlays().Top())
	}
}

// typeKey sends a key to the widget that has the focus, as the driver does.
func typeKey(tb testing.TB, c fyne.Canvas, key fyne.KeyName) {
	tb.Helper()
	f := c.Focused()
	if f == nil {
		tb.Fatalf("nothing has the focus for key %s", key)
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// seedCampaign adds a campaign with nominations (in this list order) and returns it.
func seedCampaign(tb testing.TB, f *fakeServices, name string, ns ...khenthuong.Nomination) khenthuong.Campaign {
	tb.Helper()
	c := khenthuong.Campaign{Name: name, Type: khenthuong.CampaignMovement,
		From: khenthuong.MustDate("2014-01-01"), To: khenthuong.MustDate("2023-12-31"),
		CeremonyDate: khenthuong.MustDate("2024-06-20"), CeremonyPlace: "Hội trường UBND tỉnh"}
	if err := f.CreateCampaign(&c); err != nil {
		tb.Fatal(err)
	}
	for i := range ns {
		ns[i].CampaignID = c.ID
	}
	if len(ns) > 0 {
		if err := f.CreateNominations(ns); err != nil {
			tb.Fatal(err)
		}
	}
	return c
}

func person(title, name string, g khenthuong.Gender, birth, position, unit string) khenthuong.Nomination {
	return khenthuong.Nomination{
		Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: title, Name: name, Gender: g,
			Birth: khenthuong.MustDate(birth), Position: position, Unit: unit},
		FormCode: "BKCT", ProposingUnit: "Sở Tư pháp", SubmissionNo: "45/TTr-STP",
		SubmissionDate: khenthuong.MustDate("2024-05-15"), Status: khenthuong.StatusSubmitted,
	}
}

// sampleNominations is a small list in the order the unit submitted it.
func sampleNominations() []khenthuong.Nomination {
	coll := khenthuong.Nomination{
		Nominee:  khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Phổ biến, giáo dục pháp luật", Unit: "Sở Tư pháp"},
		FormCode: "BKCT", ProposingUnit: "Sở Tư pháp", Status: khenthuong.StatusSubmitted,
	}
	return []khenthuong.Nomination{
		coll,
		person("Ông", "Trương Quang Sáng", khenthuong.Male, "1970", "Phó Giám đốc", "Sở Tư pháp"),
		person("Bà", "Nguyễn Thị Bình", khenthuong.Female, "12/03/1980", "Trưởng phòng", "Sở Tư pháp"),
		person("Đại tá", "Nguyễn Văn An", khenthuong.Male, "1968", "Phó Giám đốc", "Công an tỉnh"),
		person("Ông", "Lê Văn Bình", khenthuong.Male, "1975", "Chuyên viên", "Sở Tư pháp"),
		person("Ông", "Nguyễn Văn Đức", khenthuong.Male, "1982", "Trưởng Công an xã", "Công an xã Gio Linh"),
	}
}

// eventually polls cond, for the few things that settle after a goroutine.
func eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	tb.Fatalf("timed out waiting for %s", what)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func splitQuery(q string) []string { return strings.Fields(q) }

func fyneApp() fyne.App { return fyne.CurrentApp() }

func fyneSize(w, h float32) fyne.Size { return fyne.NewSize(w, h) }

// settleRows waits for Đề nghị's queries in flight and shows their rows, as
// the UI goroutine would.
func settleRows(s *nominationsScreen) {
	for {
		s.loading.Wait()
		if !drainUI() {
			return
		}
	}
}
