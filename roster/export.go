package roster

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// ExportRow is one line of a roster: a nomination and, once a decision lists
// it, what the decision gave it. The decision fields are empty for the
// roster of a campaign.
type ExportRow struct {
	Nomination   khenthuong.Nomination
	DecisionNo   string          // "2871/QĐ-UBND"
	DecisionDate khenthuong.Date //
	RegistryNo   string          // số sổ vàng
	Amount       int64           // tiền thưởng in đồng; 0 prints nothing
}

// CampaignRows makes the roster rows of a campaign's nominations. An
// awarded nomination carries what the issued decision among decisions that
// lists it gave it: the decision's number and date, the registry number and
// the bonus, so that the campaign's roster reads like the decisions' lists.
func CampaignRows(ns []khenthuong.Nomination, decisions ...khenthuong.Decision) []ExportRow {
	type award struct {
		d *khenthuong.Decision
		r *khenthuong.Recipient
	}
	awarded := map[uint64]award{}
	for i := range decisions {
		d := &decisions[i]
		if d.Status != khenthuong.DecisionIssued {
			continue
		}
		for j := range d.Recipients {
			awarded[d.Recipients[j].NominationID] = award{d, &d.Recipients[j]}
		}
	}
	rows := make([]ExportRow, len(ns))
	for i, n := range ns {
		rows[i] = ExportRow{Nomination: n}
		if a, ok := awarded[n.ID]; ok {
			rows[i].DecisionNo, rows[i].DecisionDate = a.d.Number, a.d.Date
			rows[i].RegistryNo, rows[i].Amount = a.r.RegistryNo, a.r.Amount
		}
	}
	return rows
}

// statusText is the "Trạng thái" of a row: awarded by a decision, or where
// the nomination stands, with the reason of a refusal, so that rejected and
// deferred rows never read like awards.
func statusText(r *ExportRow) string {
	n := &r.Nomination
	switch {
	case r.DecisionNo != "":
		return "Đã khen thưởng"
	case n.Status == khenthuong.StatusRejected && n.RejectReason != "":
		return n.Status.Label() + ": " + n.RejectReason
	}
	return n.Status.Label()
}

// DecisionRows makes the roster rows of a decision: its recipients in its
// order, each with the decision's number and date, registry number and bonus.
func DecisionRows(d *khenthuong.Decision) []ExportRow {
	rows := make([]ExportRow, len(d.Recipients))
	for i := range d.Recipients {
		rows[i] = decisionRow(d, i, &d.Recipients[i])
	}
	return rows
}

// decisionRow is the roster row of recipient r, the i-th (from 0) of d.
func decisionRow(d *khenthuong.Decision, i int, r *khenthuong.Recipient) ExportRow {
	// A recipient without an achievement of its own is awarded for the
	// decision's, as its certificate reads.
	achievement := r.Achievement
	if achievement == "" {
		achievement = d.Achievement
	}
	return ExportRow{
		Nomination: khenthuong.Nomination{
			ID: r.NominationID, CampaignID: d.CampaignID, NomineeID: r.NomineeID, Nominee: r.Nominee,
			FormCode: d.FormCode, Achievement: achievement, ProposingUnit: r.ProposingUnit,
			SubmissionNo: d.SubmissionNo, SubmissionDate: d.SubmissionDate, Order: i + 1, Status: khenthuong.StatusApproved,
		},
		DecisionNo: d.Number, DecisionDate: d.Date, RegistryNo: r.RegistryNo, Amount: r.Amount,
	}
}

// ExportOptions tune WriteXLSX and WriteCSV.
type ExportOptions struct {
	// Order is OrderList (the nominations' list order, the default) or
	// OrderAlpha (Vietnamese order: collectives, individuals by given name,
	// households).
	Order khenthuong.ListOrder
	// Forms is the catalogue: form names for the "Hình thức" column and sheet
	// titles, and the sheet order (highest rank first).
	Forms []khenthuong.AwardForm
	// Title is printed under the sheet heading, e.g. the campaign's name or
	// "Kèm theo Quyết định số ...".
	Title string
	// Sep is the CSV separator (default ',').
	Sep rune
}

// exportColumn is one column of a roster. The first mainColumns print; the
// others carry the rest of the nomination so that the roster imports back
// unchanged.
type exportColumn struct {
	header   string
	maxWidth float64
	value    func(r *ExportRow, stt int, form string) any
}

const mainColumns = 11

var exportColumns = []exportColumn{
	{"STT", 6, func(r *ExportRow, stt int, _ string) any { return stt }},
	{"Danh xưng", 12, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Title }},
	{"Họ và tên / Tên tập thể", 34, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Name }},
	{"Chức vụ", 28, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Position }},
	{"Đơn vị", 40, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Unit }},
	{"Hình thức khen thưởng", 30, func(_ *ExportRow, _ int, form string) any { return form }},
	{"Số quyết định", 16, func(r *ExportRow, _ int, _ string) any { return r.DecisionNo }},
	{"Ngày quyết định", 12, func(r *ExportRow, _ int, _ string) any { return r.DecisionDate.Display() }},
	{"Số sổ vàng", 12, func(r *ExportRow, _ int, _ string) any { return r.RegistryNo }},
	{"Tiền thưởng", 14, func(r *ExportRow, _ int, _ string) any {
		if r.Amount == 0 {
			return ""
		}
		return r.Amount
	}},
	{"Trạng thái", 20, func(r *ExportRow, _ int, _ string) any { return statusText(r) }},
	{"Loại", 12, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Kind.Label() }},
	{"Giới tính", 8, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Gender.Label() }},
	{"Ngày sinh", 12, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Birth.Display() }},
	{"Địa chỉ", 30, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Address }},
	{"Phân loại đối tượng", 22, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Classification }},
	{"Lĩnh vực", 20, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Nominee.Field }},
	{"Thành tích", 60, func(r *ExportRow, _ int, _ string) any { return r.Nomination.Achievement }},
	{"Đơn vị đề nghị", 30, func(r *ExportRow, _ int, _ string) any { return r.Nomination.ProposingUnit }},
	{"Số tờ trình", 16, func(r *ExportRow, _ int, _ string) any { return r.Nomination.SubmissionNo }},
	{"Ngày tờ trình", 12, func(r *ExportRow, _ int, _ string) any { return r.Nomination.SubmissionDate.Display() }},
}

// officeFont is the font of the workbooks the program writes: Times New
// Roman, the font of Vietnamese administrative documents, on every office PC.
const officeFont = "Times New Roman"

// charWidth is how many of a width's characters (the default font's digit)
// a character of the roster's 12 pt text takes, Vietnamese marks included.
const charWidth = 1.2

// wrappedLines estimates the lines text wraps onto in a column width
// characters wide, breaking at spaces as Excel does.
func wrappedLines(text string, width float64) int {
	room := max(width-1, 1) / charWidth // characters a line holds
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		used := 0.0
		for _, w := range strings.Fields(para) {
			n := float64(utf8.RuneCountInString(w))
			switch {
			case used == 0:
				used = n
			case used+1+n <= room:
				used += 1 + n
			default:
				lines++
				used = n
			}
			for used > room { // a word longer than the line
				lines++
				used -= room
			}
		}
	}
	return max(lines, 1)
}

// rowHeight is the height in points of a row of 12 pt text on lines lines,
// within Excel's limit of 409 points.
func rowHeight(lines int) float64 { return min(float64(lines)*16+2, 409) }

// sheetName makes a valid, unique sheet name from a form code.
func sheetName(code string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '-'
		}
		return r
	}, code)
	if name == "" {
		name = "Danh sách"
	}
	if utf8.RuneCountInString(name) > 28 {
		name = string([]rune(name)[:28])
	}
	base := name
	for i := 2; used[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	used[strings.ToLower(name)] = true
	return name
}

const (
	exportTitleRow  = 1
	exportHeaderRow = 4
)

// WriteXLSX writes the roster as an .xlsx workbook with excelize's stream
// writer: one sheet per award form, a heading, the header row styled and
// frozen, column widths fitted, printing on A4 landscape with the header
// repeated on every page.
func WriteXLSX(w io.Writer, rows []ExportRow, opts ExportOptions) error {
	_, err := WriteXLSXStream(w, SliceRows(rows), opts)
	return err
}

// WriteXLSXStream is WriteXLSX for rows read from a stream, holding none of
// them (see RowStream); it returns how many rows it wrote. Errors: the
// stream's, ECONFLICT when the rows changed between two reads.
func WriteXLSXStream(w io.Writer, rows RowStream, opts ExportOptions) (int, error) {
	groups, err := planExport(rows, opts, true)
	if err != nil {
		return 0, err
	}
	if len(groups) == 0 {
		groups = []*exportGroup{{widths: headerWidths()}}
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont("Times New Roman"); err != nil {
		return 0, fmt.Errorf("roster: export: %w", err)
	}
	st, err := newExportStyles(f)
	if err != nil {
		return 0, fmt.Errorf("roster: export: %w", err)
	}
	// Every sheet is open at once, so that the sheets in the stream's order
	// are written in one read together.
	used := map[string]bool{}
	sheets := make([]*rosterSheet, len(groups))
	for gi, g := range groups {
		name := sheetName(g.code, used)
		if gi == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err == nil {
			sheets[gi], err = startRosterSheet(f, name, g, opts, st)
		}
		if err != nil {
			return 0, fmt.Errorf("roster: export sheet %s: %w", name, err)
		}
	}
	src, err := readSource(rows, groups, true)
	if err != nil {
		return 0, err
	}
	if err := writeInStreamOrder(src, sheets); err != nil {
		return 0, err
	}
	n := 0
	for _, sh := range sheets {
		if sh.g.at != nil {
			if err := sh.g.each(src, sh.add); err != nil {
				return 0, err
			}
		}
		if err := sh.finish(f); err != nil {
			return 0, fmt.Errorf("roster: export sheet %s: %w", sh.name, err)
		}
		n += sh.g.n
	}
	// The first sheet is active already; SetActiveSheet would parse every
	// streamed sheet back into memory.
	if err := writeWorkbook(f, w); err != nil {
		return 0, fmt.Errorf("roster: export: %w", err)
	}
	return n, nil
}

type exportStyles struct {
	title, subtitle, header, text, center, money int
}

func newExportStyles(f *excelize.File) (*exportStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	var st exportStyles
	for _, s := range []struct {
		dst   *int
		style *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.subtitle, &excelize.Style{Font: &excelize.Font{Family: officeFont, Italic: true, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&st.header, &excelize.Style{
			Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		}},
		{&st.text, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.center, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&st.money, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}}},
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return nil, err
		}
		*s.dst = id
	}
	return &st, nil
}

// rosterSheet is a sheet of the roster being streamed: one award form.
type rosterSheet struct {
	name   string
	g      *exportGroup
	sw     *excelize.StreamWriter
	st     *exportStyles
	row    []any
	filled int // rows written
	spill  *sheetSpill
}

// startRosterSheet sets up a sheet's printing and writes its widths,
// heading and header.
func startRosterSheet(f *excelize.File, sheet string, g *exportGroup, opts ExportOptions, st *exportStyles) (*rosterSheet, error) {
	if err := setPrint(f, sheet, sheetPrint{landscape: true}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	// Widths fitted to the content, within each column's bounds (measured
	// by planExport). A width counts characters of the workbook's default
	// font; Vietnamese text in 12 pt takes more of them (charWidth).
	widths := g.widths
	colWidths := make([]float64, len(widths))
	for c, w := range widths {
		colWidths[c] = max(w, 6)
	}
	if err := setStreamColWidths(sw, colWidths); err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: exportHeaderRow, TopLeftCell: fmt.Sprintf("A%d", exportHeaderRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("A%d", exportHeaderRow+1), ActiveCell: fmt.Sprintf("A%d", exportHeaderRow+1), Pane: "bottomLeft"}},
	}); err != nil {
		return nil, err
	}
	lastMain, _ := excelize.ColumnNumberToName(mainColumns)
	heading := "DANH SÁCH KHEN THƯỞNG"
	if g.name != "" {
		heading += ": " + strings.ToUpper(g.name)
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: heading}}, excelize.RowOpts{Height: 22}); err != nil {
		return nil, err
	}
	if err := sw.MergeCell("A1", lastMain+"1"); err != nil {
		return nil, err
	}
	if opts.Title != "" {
		if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.subtitle, Value: opts.Title}}); err != nil {
			return nil, err
		}
		if err := sw.MergeCell("A2", lastMain+"2"); err != nil {
			return nil, err
		}
	}
	header := make([]any, len(exportColumns))
	headerLines := 2
	for c, col := range exportColumns {
		header[c] = excelize.Cell{StyleID: st.header, Value: col.header}
		headerLines = max(headerLines, wrappedLines(col.header, max(widths[c], 6)))
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", exportHeaderRow), header, excelize.RowOpts{Height: rowHeight(headerLines)}); err != nil {
		return nil, err
	}
	return &rosterSheet{name: sheet, g: g, sw: sw, st: st, row: make([]any, len(exportColumns)), spill: newSheetSpill(sw)}, nil
}

// add writes row number stt (from 1) of the sheet.
func (s *rosterSheet) add(stt int, r *ExportRow) error {
	widths, st := s.g.widths, s.st
	lines := 1 // the row is as tall as its longest wrapped cell: Excel does not grow it on opening
	for c, col := range exportColumns {
		v := col.value(r, stt, s.g.name)
		if text, ok := v.(string); ok {
			lines = max(lines, wrappedLines(text, max(widths[c], 6)))
		}
		style := st.text
		switch c {
		case 0, 7, 12, 13, 20:
			style = st.center
		case 9:
			style = st.money
		}
		s.row[c] = excelize.Cell{StyleID: style, Value: v}
	}
	if err := s.sw.SetRow(fmt.Sprintf("A%d", exportHeaderRow+stt), s.row, excelize.RowOpts{Height: rowHeight(lines)}); err != nil {
		return err
	}
	return s.spill.spill()
}

// finish ends the sheet: its print area and the header repeated on every page.
func (s *rosterSheet) finish(f *excelize.File) error {
	if err := s.sw.Flush(); err != nil {
		return err
	}
	lastMain, _ := excelize.ColumnNumberToName(mainColumns)
	last := exportHeaderRow + max(s.g.n, 1)
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: s.name, RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quotedSheet(s.name), lastMain, last),
	}); err != nil {
		return err
	}
	return setPrintTitles(f, s.name, exportHeaderRow, exportHeaderRow)
}

// writeInStreamOrder writes the sheets whose order is the stream's in one
// read, each row to its form's sheet.
func writeInStreamOrder(rows RowStream, sheets []*rosterSheet) error {
	byCode := map[string]*rosterSheet{}
	for _, s := range sheets {
		if s.g.at == nil && s.g.n > 0 {
			byCode[s.g.code] = s
		}
	}
	if len(byCode) == 0 {
		return nil
	}
	err := rows(func(r *ExportRow) error {
		s := byCode[r.Nomination.FormCode]
		if s == nil {
			return nil
		}
		if s.filled++; s.filled > s.g.n {
			return errRowsChanged()
		}
		return s.add(s.filled, r)
	})
	if err != nil {
		return err
	}
	for _, s := range byCode {
		if s.filled != s.g.n {
			return errRowsChanged()
		}
	}
	return nil
}

func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// WriteCSV writes the roster as CSV in UTF-8 with a byte-order mark, so that
// Excel on Windows shows the Vietnamese letters; the forms follow each other,
// each numbered from 1.
func WriteCSV(w io.Writer, rows []ExportRow, opts ExportOptions) error {
	_, err := WriteCSVStream(w, SliceRows(rows), opts)
	return err
}

// WriteCSVStream is WriteCSV for rows read from a stream, holding none of
// them; it returns how many rows it wrote. Errors: the stream's, ECONFLICT
// when the rows changed between two reads.
func WriteCSVStream(w io.Writer, rows RowStream, opts ExportOptions) (int, error) {
	groups, err := planExport(rows, opts, false)
	if err != nil {
		return 0, err
	}
	if _, err := w.Write(utf8BOM); err != nil {
		return 0, fmt.Errorf("roster: export csv: %w", err)
	}
	cw := csv.NewWriter(w)
	if opts.Sep != 0 {
		cw.Comma = opts.Sep
	}
	cw.UseCRLF = true
	header := make([]string, len(exportColumns))
	for c, col := range exportColumns {
		header[c] = col.header
	}
	if err := cw.Write(header); err != nil {
		return 0, fmt.Errorf("roster: export csv: %w", err)
	}
	src, err := readSource(rows, groups, false)
	if err != nil {
		return 0, err
	}
	rec := make([]string, len(exportColumns))
	n := 0
	for _, g := range groups {
		err := g.each(src, func(stt int, r *ExportRow) error {
			for c, col := range exportColumns {
				switch v := col.value(r, stt, g.name).(type) {
				case string:
					rec[c] = SafeCSVCell(v)
				case int:
					rec[c] = strconv.Itoa(v)
				case int64:
					rec[c] = strconv.FormatInt(v, 10)
				}
			}
			if err := cw.Write(rec); err != nil {
				return fmt.Errorf("roster: export csv: %w", err)
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
		n += g.n
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return 0, fmt.Errorf("roster: export csv: %w", err)
	}
	return n, nil
}
