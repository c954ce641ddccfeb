package roster

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// The workbooks in testdata/golden were written by the writers that held
// every row (before the rows were streamed, issue 13); the streaming writers
// must write the same cells. -update-golden rewrites them.
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden from the current writers")

// goldenDecision is a decision of every kind, its list not in alphabetical
// order, recipients with and without an achievement, a bonus or a long
// name, amended once after it was issued.
func goldenDecision(id uint64, code string, first int) khenthuong.Decision {
	d := khenthuong.Decision{
		ID: id, CampaignID: 7, FormCode: code, Number: fmt.Sprintf("%d/QĐ-UBND", id), Date: khenthuong.MustDate("2025-03-18"),
		SubmissionNo: "88/TTr-SNV", SubmissionDate: khenthuong.MustDate("2025-03-02"), Status: khenthuong.DecisionIssued,
		Achievement: "đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2024",
		Amendments:  []khenthuong.Amendment{{At: time.Date(2025, 3, 20, 9, 0, 0, 0, time.UTC), User: "canbo", Reason: "Sửa tên", Before: "{}"}},
	}
	kinds := []khenthuong.Nominee{
		{Kind: khenthuong.Individual, Title: "Ông", Name: "Trương Quang Sáng", Position: "Phó Giám đốc", Unit: "Sở Tư pháp", Gender: khenthuong.Male, Birth: khenthuong.MustDate("1975")},
		{Kind: khenthuong.Collective, Name: "Phòng Phổ biến, giáo dục pháp luật", Unit: "Sở Tư pháp"},
		{Kind: khenthuong.Household, Name: "Hộ ông Cao Văn Đức", Address: "Thôn Tân Lịch, xã Ngư Hóa, huyện Minh Hóa, tỉnh Quảng Bình"},
		{Kind: khenthuong.Individual, Title: "Bà", Name: "Âu Thị Yến", Position: "Giáo viên", Unit: "Trường Tiểu học Ưng Lịch, huyện Gio Linh, tỉnh Quảng Trị, một đơn vị có tên rất dài để xuống dòng", Gender: khenthuong.Female, Birth: khenthuong.MustDate("1988-11-02")},
		{Kind: khenthuong.Collective, Name: "Công an xã Hải Thượng", Unit: "Công an tỉnh Quảng Trị"},
		{Kind: khenthuong.Individual, Name: "Đặng Đại Bàng", Position: "Cán bộ", Unit: "Đồn Biên phòng Cha Lo"},
		{Kind: khenthuong.Household, Name: "Gia đình bà Nguyễn Thị Ánh", Address: "thôn 3, xã Gio Việt"},
		{Kind: khenthuong.Individual, Title: "Đại tá", Name: "Lê Văn Tiến", Position: "Chính ủy", Unit: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"},
	}
	amounts := map[khenthuong.Kind]int64{khenthuong.Collective: 3_600_000, khenthuong.Individual: 1_800_000, khenthuong.Household: 900_000}
	for i := range 11 {
		nm := kinds[(first+i)%len(kinds)]
		nm.Name = fmt.Sprintf("%s %d", nm.Name, i+1)
		r := khenthuong.Recipient{NominationID: id*100 + uint64(i), NomineeID: id*100 + uint64(i), Nominee: nm, ProposingUnit: "UBND huyện Minh Hóa",
			RegistryNo: fmt.Sprintf("%s-2025-%04d", code, i+1), Amount: amounts[nm.Kind]}
		if i%3 == 1 {
			r.Achievement = "Hoàn thành xuất sắc nhiệm vụ năm 2024;\n- Chủ trì 3 đề án cấp tỉnh"
		}
		if i == 4 {
			r.Amount = 0
		}
		d.Recipients = append(d.Recipients, r)
	}
	return d
}

// goldenExports are the rosters compared: a campaign of several forms and
// a decision, each in list and alphabetical order.
func goldenExports() []struct {
	name string
	rows []ExportRow
	opts ExportOptions
} {
	d := goldenDecision(31, "BKCT", 0)
	ns := sampleNominations()
	campaign := CampaignRows(ns, khenthuong.Decision{Status: khenthuong.DecisionIssued, Number: "9/QĐ-UBND", Date: d.Date,
		Recipients: []khenthuong.Recipient{{NominationID: ns[3].ID, RegistryNo: "BKCT-9", Amount: 1_800_000}}})
	var out []struct {
		name string
		rows []ExportRow
		opts ExportOptions
	}
	for _, order := range []khenthuong.ListOrder{khenthuong.OrderList, khenthuong.OrderAlpha} {
		out = append(out, struct {
			name string
			rows []ExportRow
			opts ExportOptions
		}{"campaign-" + string(order), campaign, ExportOptions{Order: order, Forms: testForms(), Title: "Đợt khen thưởng năm 2024"}},
			struct {
				name string
				rows []ExportRow
				opts ExportOptions
			}{"decision-" + string(order), DecisionRows(&d), ExportOptions{Order: order, Forms: testForms(), Title: "Kèm theo Quyết định số 31/QĐ-UBND ngày 18/03/2025"}})
	}
	return out
}

// goldenPayments are the payment lists compared: one decision of every
// kind, one of a single kind, and a ceremony of two forms.
func goldenPayments() []struct {
	name      string
	decisions []khenthuong.Decision
} {
	one := goldenDecision(31, "BKCT", 0)
	single := goldenDecision(32, "BKCT", 0)
	var ind []khenthuong.Recipient
	for _, r := range single.Recipients {
		if r.Nominee.Kind == khenthuong.Individual {
			ind = append(ind, r)
		}
	}
	single.Recipients = ind
	return []struct {
		name      string
		decisions []khenthuong.Decision
	}{
		{"payments-one", []khenthuong.Decision{one}},
		{"payments-individuals", []khenthuong.Decision{single}},
		{"payments-ceremony", []khenthuong.Decision{goldenDecision(33, "GKCT", 3), goldenDecision(34, "BKCT", 5)}},
	}
}

func goldenPath(name string) string { return filepath.Join("testdata", "golden", name+".xlsx") }

// checkGolden compares a workbook with its golden file, or rewrites it.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := goldenPath(name)
	if *updateGolden {
		must(t, os.MkdirAll(filepath.Dir(path), 0o755))
		must(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	must(t, err)
	for _, d := range workbookDiff(t, got, want) {
		t.Error(d)
	}
}

func TestExportXLSXMatchesGolden(t *testing.T) {
	for _, c := range goldenExports() {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			must(t, WriteXLSX(&buf, c.rows, c.opts))
			checkGolden(t, c.name, buf.Bytes())
		})
	}
}

func TestPaymentsXLSXMatchesGolden(t *testing.T) {
	s := khenthuong.DefaultSettings()
	for _, c := range goldenPayments() {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			must(t, WritePaymentsXLSX(&buf, c.decisions, payForms(), &s))
			checkGolden(t, c.name, buf.Bytes())
		})
	}
}

// workbookDiff lists how two workbooks differ, cell by cell: sheets, values,
// formulas, types, resolved styles, merged cells, column widths, row
// heights, panes, print setup and defined names.
func workbookDiff(t *testing.T, gotData, wantData []byte) []string {
	t.Helper()
	open := func(data []byte) *excelize.File {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		must(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	got, want := open(gotData), open(wantData)
	var diffs []string
	differ := func(what string, g, w any) {
		if !reflect.DeepEqual(g, w) {
			diffs = append(diffs, fmt.Sprintf("%s: got %#v, want %#v", what, g, w))
		}
	}
	differ("sheets", got.GetSheetList(), want.GetSheetList())
	differ("defined names", got.GetDefinedName(), want.GetDefinedName())
	for _, sheet := range want.GetSheetList() {
		rows, err := want.GetRows(sheet)
		must(t, err)
		grows, err := got.GetRows(sheet)
		must(t, err)
		differ(sheet+" rows", len(grows), len(rows))
		cols := 0
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		gm, _ := got.GetMergeCells(sheet)
		wm, _ := want.GetMergeCells(sheet)
		mergeRefs := func(ms []excelize.MergeCell) []string {
			var out []string
			for _, m := range ms {
				out = append(out, m.GetStartAxis()+":"+m.GetEndAxis()+"="+m.GetCellValue())
			}
			sort.Strings(out) // the order of the merges in the file means nothing
			return out
		}
		differ(sheet+" merged cells", mergeRefs(gm), mergeRefs(wm))
		gp, _ := got.GetPanes(sheet)
		wp, _ := want.GetPanes(sheet)
		differ(sheet+" panes", gp, wp)
		gl, _ := got.GetPageLayout(sheet)
		wl, _ := want.GetPageLayout(sheet)
		differ(sheet+" page layout", gl, wl)
		gmg, _ := got.GetPageMargins(sheet)
		wmg, _ := want.GetPageMargins(sheet)
		differ(sheet+" margins", gmg, wmg)
		for c := 1; c <= cols+2; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			gw, _ := got.GetColWidth(sheet, name)
			ww, _ := want.GetColWidth(sheet, name)
			differ(sheet+" width of "+name, gw, ww)
		}
		for r := 1; r <= len(rows)+3; r++ {
			gh, _ := got.GetRowHeight(sheet, r)
			wh, _ := want.GetRowHeight(sheet, r)
			differ(fmt.Sprintf("%s height of row %d", sheet, r), gh, wh)
			for c := 1; c <= cols+2; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				at := sheet + "!" + cell
				gv, _ := got.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				wv, _ := want.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				differ(at+" value", gv, wv)
				gf, _ := got.GetCellFormula(sheet, cell)
				wf, _ := want.GetCellFormula(sheet, cell)
				differ(at+" formula", gf, wf)
				// A total's cached value was text (t="str") when the list
				// was written cell by cell, a number since it is streamed:
				// a viewer that does not recalculate now shows it
				// formatted. Every other cell keeps its type.
				if gf == "" {
					gt, _ := got.GetCellType(sheet, cell)
					wt, _ := want.GetCellType(sheet, cell)
					differ(at+" type", textType(gt), textType(wt))
				}
				gs, _ := got.GetCellStyle(sheet, cell)
				ws, _ := want.GetCellStyle(sheet, cell)
				gst, _ := got.GetStyle(gs)
				wst, _ := want.GetStyle(ws)
				differ(at+" style", gst, wst)
			}
		}
	}
	return diffs
}

// textType is a cell's type with shared and inline strings the same: they
// are the same to the clerk.
func textType(t excelize.CellType) excelize.CellType {
	if t == excelize.CellTypeInlineString {
		return excelize.CellTypeSharedString
	}
	return t
}

// The comparison sees what a change of order, style or width does.
func TestWorkbookDiffSeesDifferences(t *testing.T) {
	list, err := os.ReadFile(goldenPath("decision-list"))
	must(t, err)
	alpha, err := os.ReadFile(goldenPath("decision-alpha"))
	must(t, err)
	if len(workbookDiff(t, list, list)) != 0 {
		t.Error("a workbook differs from itself")
	}
	if len(workbookDiff(t, list, alpha)) == 0 {
		t.Error("the list and alphabetical orders compare equal")
	}
	one, err := os.ReadFile(goldenPath("payments-one"))
	must(t, err)
	ceremony, err := os.ReadFile(goldenPath("payments-ceremony"))
	must(t, err)
	if len(workbookDiff(t, one, ceremony)) == 0 {
		t.Error("two payment lists compare equal")
	}
}

// changing is a decision's recipients read from a stream, as the data file
// gives them; after whole passes it loses its last recipient, as when
// another clerk edits the list while it is written.
type changing struct {
	rs        []khenthuong.Recipient
	passes    int
	whole     int // passes given whole; 0: every pass
	shortened bool
}

func (c *changing) read(fn func(*khenthuong.Recipient) error) error {
	c.passes++
	rs := c.rs
	if c.whole > 0 && c.passes > c.whole {
		rs, c.shortened = rs[:len(rs)-1], true
	}
	for i := range rs {
		if err := fn(&rs[i]); err != nil {
			return err
		}
	}
	return nil
}

// A decision read from the data rather than held writes the same roster,
// in list order (one read to plan, one to write) and in alphabetical order
// (a read per chunk of rows), and the same payment list.
func TestStreamedDecisionMatchesGolden(t *testing.T) {
	defer func(n int) { exportChunk = n }(exportChunk)
	exportChunk = 3 // the decision's 11 rows in 4 chunks
	d := goldenDecision(31, "BKCT", 0)
	bare := d
	bare.Recipients = nil
	for _, c := range goldenExports() {
		if c.name[:8] != "decision" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			src := &changing{rs: d.Recipients}
			var buf bytes.Buffer
			n, err := WriteXLSXStream(&buf, DecisionRowStream(&bare, src.read), c.opts)
			must(t, err)
			if n != len(d.Recipients) {
				t.Errorf("%d rows written, want %d", n, len(d.Recipients))
			}
			wantPasses := 2
			if c.opts.Order == khenthuong.OrderAlpha {
				wantPasses = 1 + 4
			}
			if src.passes != wantPasses {
				t.Errorf("the stream was read %d times, want %d", src.passes, wantPasses)
			}
			checkGolden(t, c.name, buf.Bytes())

			var streamed, held bytes.Buffer
			_, err = WriteCSVStream(&streamed, DecisionRowStream(&bare, (&changing{rs: d.Recipients}).read), c.opts)
			must(t, err)
			must(t, WriteCSV(&held, c.rows, c.opts))
			if streamed.String() != held.String() {
				t.Errorf("streamed CSV differs:\n%s\nheld:\n%s", streamed.String(), held.String())
			}
		})
	}
	s := khenthuong.DefaultSettings()
	for _, c := range goldenPayments() {
		t.Run(c.name, func(t *testing.T) {
			bare := make([]khenthuong.Decision, len(c.decisions))
			srcs := make([]*changing, len(c.decisions))
			for i, d := range c.decisions {
				srcs[i] = &changing{rs: d.Recipients}
				bare[i] = d
				bare[i].Recipients = nil
			}
			var buf bytes.Buffer
			must(t, WritePaymentsXLSXStream(&buf, bare, payForms(), &s, func(d int) khenthuong.RecipientReader { return srcs[d].read }))
			checkGolden(t, c.name, buf.Bytes())
		})
	}
}

// A list that changes between two reads is refused (ECONFLICT) rather
// than written with rows missing or numbered wrong, whichever read sees it.
func TestStreamedListChangedIsRefused(t *testing.T) {
	defer func(n int) { exportChunk = n }(exportChunk)
	exportChunk = 3
	d := goldenDecision(31, "BKCT", 0)
	bare := d
	bare.Recipients = nil
	s := khenthuong.DefaultSettings()
	writers := []struct {
		name   string
		passes int // reads a whole list takes
		write  func(src *changing) error
	}{
		{"xlsx list", 2, func(src *changing) error {
			_, err := WriteXLSXStream(&bytes.Buffer{}, DecisionRowStream(&bare, src.read), ExportOptions{Forms: testForms()})
			return err
		}},
		{"xlsx alpha", 5, func(src *changing) error {
			_, err := WriteXLSXStream(&bytes.Buffer{}, DecisionRowStream(&bare, src.read), ExportOptions{Forms: testForms(), Order: khenthuong.OrderAlpha})
			return err
		}},
		{"csv alpha", 5, func(src *changing) error {
			_, err := WriteCSVStream(&bytes.Buffer{}, DecisionRowStream(&bare, src.read), ExportOptions{Forms: testForms(), Order: khenthuong.OrderAlpha})
			return err
		}},
		{"payments", 4, func(src *changing) error { // the plan, then each of three kinds
			return WritePaymentsXLSXStream(&bytes.Buffer{}, []khenthuong.Decision{bare}, payForms(), &s,
				func(int) khenthuong.RecipientReader { return src.read })
		}},
	}
	for _, w := range writers {
		for whole := 1; whole < w.passes; whole++ {
			t.Run(fmt.Sprintf("%s/after %d", w.name, whole), func(t *testing.T) {
				src := &changing{rs: d.Recipients, whole: whole}
				err := w.write(src)
				if !src.shortened {
					t.Fatalf("the list was read %d times, never shortened", src.passes)
				}
				if khenthuong.ErrorCode(err) != khenthuong.ECONFLICT {
					t.Errorf("error %v, want ECONFLICT", err)
				}
			})
		}
		t.Run(w.name+"/unchanged", func(t *testing.T) {
			src := &changing{rs: d.Recipients}
			must(t, w.write(src))
			if src.passes != w.passes {
				t.Errorf("%d reads, want %d", src.passes, w.passes)
			}
		})
	}
}

// countedRows streams rows held in memory, counting its reads.
type countedRows struct {
	rows  []ExportRow
	reads int
}

func (c *countedRows) stream(fn func(*ExportRow) error) error {
	c.reads++
	return SliceRows(c.rows)(fn)
}

// A campaign's roster read from a stream writes its sheets in the stream's
// order in one read together, and the others in chunks; the same cells.
func TestStreamedCampaignMatchesGolden(t *testing.T) {
	defer func(n int) { exportChunk = n }(exportChunk)
	exportChunk = 3
	for _, c := range goldenExports() {
		if c.name[:8] != "campaign" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			src := &countedRows{rows: c.rows}
			var buf bytes.Buffer
			_, err := WriteXLSXStream(&buf, src.stream, c.opts)
			must(t, err)
			// The plan, then the sheets in list order together; in
			// alphabetical order the 5 rows of BKCT in 2 chunks, the
			// forms of one row together.
			want := map[khenthuong.ListOrder]int{khenthuong.OrderList: 2, khenthuong.OrderAlpha: 4}[c.opts.Order]
			if src.reads != want {
				t.Errorf("%d reads, want %d", src.reads, want)
			}
			checkGolden(t, c.name, buf.Bytes())
		})
	}
}

// A roster that would read the stream more than maxReads times (a
// campaign of many forms in alphabetical order, or as CSV) holds its rows
// after the plan instead: two reads, the same file.
func TestManyFormsHoldTheirRows(t *testing.T) {
	var rows []ExportRow
	for i := range 30 {
		n := sampleNominations()[i%8]
		n.ID, n.Order = uint64(1000+i), i+1
		n.FormCode = fmt.Sprintf("F%02d", i%10)
		// Each form's people come in reverse alphabetical order.
		n.Nominee.Kind, n.Nominee.Name = khenthuong.Individual, fmt.Sprintf("Nguyễn Văn %c", 'Z'-rune(i/10))
		rows = append(rows, ExportRow{Nomination: n})
	}
	for _, c := range []struct {
		name  string
		order khenthuong.ListOrder
		csv   bool
		reads int
	}{
		{"xlsx list", khenthuong.OrderList, false, 2},   // the plan, then the ten sheets together
		{"xlsx alpha", khenthuong.OrderAlpha, false, 2}, // ten sheets out of order: held
		{"csv list", khenthuong.OrderList, true, 2},     // ten forms one after the other: held
		{"csv alpha", khenthuong.OrderAlpha, true, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := ExportOptions{Order: c.order, Forms: testForms()}
			src := &countedRows{rows: rows}
			var got, want bytes.Buffer
			if c.csv {
				_, err := WriteCSVStream(&got, src.stream, opts)
				must(t, err)
				must(t, WriteCSV(&want, rows, opts))
				if got.String() != want.String() {
					t.Errorf("streamed CSV differs")
				}
			} else {
				_, err := WriteXLSXStream(&got, src.stream, opts)
				must(t, err)
				must(t, WriteXLSX(&want, rows, opts))
				for _, d := range workbookDiff(t, got.Bytes(), want.Bytes()) {
					t.Error(d)
				}
			}
			if src.reads != c.reads {
				t.Errorf("%d reads, want %d", src.reads, c.reads)
			}
		})
	}
}
