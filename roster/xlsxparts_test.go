package roster

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/stats"
)

// everyWorkbook writes one of each workbook the application writes.
func everyWorkbook(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	var buf bytes.Buffer
	ns := sampleNominations()
	must(t, WriteXLSX(&buf, CampaignRows(ns), ExportOptions{Forms: testForms(), Title: "Đợt khen thưởng"}))
	out["roster"] = bytes.Clone(buf.Bytes())

	buf.Reset()
	s := khenthuong.DefaultSettings()
	d := payDecision("BKCT", 5, 2, 60, 1, map[khenthuong.Kind]int64{khenthuong.Individual: 3_510_000, khenthuong.Collective: 7_020_000, khenthuong.Household: 3_510_000})
	must(t, WritePaymentsXLSX(&buf, []khenthuong.Decision{d}, payForms(), &s))
	out["payments"] = bytes.Clone(buf.Bytes())

	buf.Reset()
	must(t, WriteReportXLSX(&buf, reportSummary()))
	out["report"] = bytes.Clone(buf.Bytes())

	buf.Reset()
	must(t, WriteTemplate(&buf, testForms()))
	out["template"] = bytes.Clone(buf.Bytes())
	return out
}

// reportSummary is a summary with every table of the report filled.
func reportSummary() *stats.Summary {
	c := func(label string, n int, pct float64) stats.Count {
		return stats.Count{Key: label, Label: label, Count: n, Amount: int64(n) * 2_340_000, Percent: pct}
	}
	return &stats.Summary{Filter: stats.Filter{From: khenthuong.MustDate("2024-01-01"), To: khenthuong.MustDate("2024-12-31")},
		Decisions: 4, Awards: 125, Individuals: 100, Women: 39, WomenPercent: 39, Collectives: 25, Bonus: 292_500_000,
		ByForm:           []stats.Count{c("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 100, 80), c("Chiến sĩ thi đua cấp tỉnh", 25, 20)},
		ByKind:           []stats.Count{c("Cá nhân", 100, 80), c("Tập thể", 25, 20)},
		ByUnit:           []stats.Count{c("Công an tỉnh Quảng Trị", 39, 31.25), c("Sở Tư pháp", 86, 68.8)},
		ByStatus:         []stats.Count{c("Đã duyệt", 125, 100)},
		ByGender:         []stats.Count{c("Nữ", 39, 39), c("Nam", 61, 61)},
		ByYear:           []stats.Count{c("2024", 125, 100)},
		ByClassification: []stats.Count{c("Cơ quan hành chính", 20, 80), c("Doanh nghiệp", 5, 20)},
	}
}

// worksheetOrder is the order of a worksheet's children in the schema
// (ECMA-376 Part 1, CT_Worksheet): Excel refuses or "repairs" a part whose
// children come out of order or twice.
var worksheetOrder = []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
	"sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews",
	"mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
	"pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
	"drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"}

// workbookOrder is CT_Workbook's order.
var workbookOrder = []string{"fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
	"functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches",
	"smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"}

// TestEveryWorkbookOpensWithoutRepair checks the parts of every workbook the
// application writes against the format's ordering and uniqueness rules
// (the campaign roster wrote its <col> elements last to first).
func TestEveryWorkbookOpensWithoutRepair(t *testing.T) {
	for name, data := range everyWorkbook(t) {
		t.Run(name, func(t *testing.T) {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				switch {
				case f.Name == "xl/workbook.xml":
					checkChildren(t, f, workbookOrder, nil)
				case strings.HasPrefix(f.Name, "xl/worksheets/") && strings.HasSuffix(f.Name, ".xml"):
					checkChildren(t, f, worksheetOrder, map[string]bool{"conditionalFormatting": true})
					checkSheetData(t, f)
				}
			}
			checkDefinedNames(t, data)
		})
	}
}

// checkChildren reads the children of the part's root in order: each known
// one in the schema's order, none twice (but those in repeatable).
func checkChildren(t *testing.T, f *zip.File, order []string, repeatable map[string]bool) {
	t.Helper()
	seen := map[string]bool{}
	last := -1
	depth := 0
	walkAll(t, f, func(tok xml.Token) {
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if depth != 2 {
				return
			}
			i := slices.Index(order, e.Name.Local)
			if i < 0 {
				t.Errorf("%s: <%s> is not a child the schema knows", f.Name, e.Name.Local)
				return
			}
			if seen[e.Name.Local] && !repeatable[e.Name.Local] {
				t.Errorf("%s: <%s> twice", f.Name, e.Name.Local)
			}
			if i < last {
				t.Errorf("%s: <%s> after <%s>", f.Name, e.Name.Local, order[last])
			}
			seen[e.Name.Local] = true
			last = max(last, i)
		case xml.EndElement:
			depth--
		}
	})
}

// checkSheetData: <col> ranges ascending and disjoint, rows ascending and
// unique, cells of a row ascending and unique, merged ranges disjoint.
func checkSheetData(t *testing.T, f *zip.File) {
	t.Helper()
	lastColMax, lastRow, lastCell := 0, 0, 0
	var merges [][4]int
	walkAll(t, f, func(tok xml.Token) {
		e, ok := tok.(xml.StartElement)
		if !ok {
			return
		}
		switch e.Name.Local {
		case "col":
			lo, _ := strconv.Atoi(xmlAttr(e, "min"))
			hi, _ := strconv.Atoi(xmlAttr(e, "max"))
			if lo < 1 || hi < lo || lo <= lastColMax {
				t.Errorf("%s: <col min=%d max=%d> after max %d: columns must ascend without overlap", f.Name, lo, hi, lastColMax)
			}
			lastColMax = max(lastColMax, hi)
		case "row":
			r, _ := strconv.Atoi(xmlAttr(e, "r"))
			if r <= lastRow {
				t.Errorf("%s: row %d after row %d", f.Name, r, lastRow)
			}
			lastRow, lastCell = r, 0
		case "c":
			col, row, err := excelize.CellNameToCoordinates(xmlAttr(e, "r"))
			if err != nil || row != lastRow || col <= lastCell {
				t.Errorf("%s: cell %s in row %d after column %d", f.Name, xmlAttr(e, "r"), lastRow, lastCell)
			}
			lastCell = col
		case "mergeCell":
			from, to, _ := strings.Cut(xmlAttr(e, "ref"), ":")
			c1, r1, _ := excelize.CellNameToCoordinates(from)
			c2, r2, _ := excelize.CellNameToCoordinates(to)
			m := [4]int{c1, r1, c2, r2}
			for _, o := range merges {
				if m[0] <= o[2] && o[0] <= m[2] && m[1] <= o[3] && o[1] <= m[3] {
					t.Errorf("%s: merged ranges %v and %v overlap", f.Name, m, o)
				}
			}
			merges = append(merges, m)
		}
	})
}

// checkDefinedNames: one name per sheet scope, each sheet name unique.
func checkDefinedNames(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		k := dn.Scope + "|" + strings.ToLower(dn.Name)
		if seen[k] {
			t.Errorf("defined name %s twice in scope %q", dn.Name, dn.Scope)
		}
		seen[k] = true
	}
	names := map[string]bool{}
	for _, s := range f.GetSheetList() {
		if names[strings.ToLower(s)] {
			t.Errorf("sheet %q twice", s)
		}
		names[strings.ToLower(s)] = true
	}
}

func walkAll(t *testing.T, f *zip.File, visit func(xml.Token)) {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		visit(tok)
	}
}

// TestEveryWorkbookPrints: every sheet of every workbook prints as the
// office needs: paper size and orientation set, one page wide, the header
// rows repeated, page numbers in the footer.
func TestEveryWorkbookPrints(t *testing.T) {
	for name, data := range everyWorkbook(t) {
		t.Run(name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			titles := map[string]bool{}
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" {
					titles[dn.Scope] = true
				}
			}
			for _, sh := range f.GetSheetList() {
				if visible, _ := f.GetSheetVisible(sh); !visible {
					continue // the template's hidden lists
				}
				pl, err := f.GetPageLayout(sh)
				if err != nil {
					t.Fatal(err)
				}
				if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation == "" {
					t.Errorf("%s: paper %v orientation %v, want A4 set", sh, deref(pl.Size), deref(pl.Orientation))
				}
				props, _ := f.GetSheetProps(sh)
				if pl.FitToWidth == nil || *pl.FitToWidth != 1 || props.FitToPage == nil || !*props.FitToPage ||
					pl.FitToHeight == nil || *pl.FitToHeight != 0 {
					t.Errorf("%s: fit to width %v, height %v, fitToPage %v: want one page wide", sh, deref(pl.FitToWidth), deref(pl.FitToHeight), deref(props.FitToPage))
				}
				if !titles[sh] {
					t.Errorf("%s: no header rows repeated on each page (Print_Titles)", sh)
				}
				hf, err := f.GetHeaderFooter(sh)
				if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "&P") {
					t.Errorf("%s: footer %+v, want the page number", sh, hf)
				}
			}
		})
	}
}

func deref[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// The same percentage reads the same in the PDF and the .xlsx: 39 of 125
// is 31,2 % in the PDF (stats.FormatPercent), and the sheet showed 31.3 %.
func TestReportPercentagesMatchThePDF(t *testing.T) {
	s := reportSummary()
	var buf bytes.Buffer
	must(t, WriteReportXLSX(&buf, s))
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sec := range stats.Sections(s) {
		for i, c := range sec.Rows {
			cell, _ := excelize.CoordinatesToCellName(4, reportTableRow+1+i)
			got, err := f.GetCellValue(sec.Sheet, cell)
			want := strings.ReplaceAll(strings.TrimSuffix(stats.FormatPercent(c.Percent), "%"), ",", ".")
			if !strings.Contains(want, ".") {
				want += ".0"
			}
			if err != nil || got != want+"%" {
				t.Errorf("%s %s: %q in the sheet, %q in the PDF", sec.Sheet, c.Label, got, stats.FormatPercent(c.Percent))
			}
		}
	}
}
