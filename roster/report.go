package roster

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/stats"
)

// ReportSummarySheet is the first sheet of the report workbook: the totals.
const ReportSummarySheet = "Tổng hợp"

// reportTableRow is the row of each sheet's table header, under the title
// and the period.
const reportTableRow = 4

// reportPeriod says which period, and which issuer, campaign or form, the
// figures cover.
func reportPeriod(f stats.Filter) string {
	var s string
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		s = "Từ ngày " + f.From.Display() + " đến ngày " + f.To.Display()
	case !f.To.IsZero():
		s = "Đến ngày " + f.To.Display()
	case !f.From.IsZero():
		s = "Từ ngày " + f.From.Display()
	default:
		s = "Toàn bộ thời gian"
	}
	if f.Issuer != "" {
		s += "; người ký: " + f.Issuer
	}
	if f.FormCode != "" {
		s += "; hình thức: " + f.FormCode
	}
	return s
}

// WriteReportXLSX writes the tables of the summary report as an .xlsx
// workbook: the totals, then one sheet per table (STT, content, count,
// percentage as a fraction formatted 0.0%, bonus in đồng where the table has
// one). Errors: EINVALID, EINTERNAL.
func WriteReportXLSX(w io.Writer, s *stats.Summary) error {
	if s == nil {
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa có số liệu để lập báo cáo")
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writeReportBook(f, s); err != nil {
		return khenthuong.Errorf(khenthuong.EINTERNAL, "Không ghi được báo cáo: %v", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("roster: report: %w", err)
	}
	return nil
}

func writeReportBook(f *excelize.File, s *stats.Summary) error {
	if err := f.SetDefaultFont("Times New Roman"); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", ReportSummarySheet); err != nil {
		return err
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	numFmt := "#,##0"
	pctFmt := "0.0%"
	var heading, italic, header, text, center, num, pct, bold, boldNum int
	for _, sd := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&heading, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&italic, &excelize.Style{Font: &excelize.Font{Family: officeFont, Italic: true, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&header, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&text, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&center, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&num, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, CustomNumFmt: &numFmt}},
		{&pct, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, CustomNumFmt: &pctFmt}},
		{&bold, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&boldNum, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border, CustomNumFmt: &numFmt}},
	} {
		id, err := f.NewStyle(sd.style)
		if err != nil {
			return err
		}
		*sd.id = id
	}
	set := func(sheet string, col, row int, v any, style int) error {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	// titled puts the report's title and period above a sheet's table, whose
	// header is then at row reportTableRow, as in the PDF: a sheet sent on
	// its own still says what it counts and over which period.
	titled := func(sheet, title string, widths []float64) error {
		last, _ := excelize.ColumnNumberToName(len(widths))
		total := 0.0
		for _, w := range widths {
			total += w
		}
		for i, line := range []struct {
			text  string
			style int
		}{{title, heading}, {reportPeriod(s.Filter), italic}} {
			row := strconv.Itoa(i + 1)
			if err := set(sheet, 1, i+1, line.text, line.style); err != nil {
				return err
			}
			if err := f.MergeCell(sheet, "A"+row, last+row); err != nil {
				return err
			}
		}
		// The title wraps in its merged cells: the row must grow for it (13 pt bold).
		return f.SetRowHeight(sheet, 1, float64(wrappedLines(title, total/1.2))*19+2)
	}

	// The totals.
	sh := ReportSummarySheet
	if err := setPrint(f, sh, sheetPrint{titleFirst: reportTableRow, titleLast: reportTableRow}); err != nil {
		return err
	}
	_ = f.SetColWidth(sh, "A", "A", 50)
	_ = f.SetColWidth(sh, "B", "B", 22)
	if err := titled(sh, "BÁO CÁO TỔNG HỢP KẾT QUẢ KHEN THƯỞNG", []float64{50, 22}); err != nil {
		return err
	}
	if err := set(sh, 1, reportTableRow, "Nội dung", header); err != nil {
		return err
	}
	if err := set(sh, 2, reportTableRow, "Số liệu", header); err != nil {
		return err
	}
	totals := []struct {
		label string
		v     any
		style int
	}{
		{"Số quyết định khen thưởng đã ban hành", s.Decisions, num},
		{"Tổng số lượt được khen thưởng", s.Awards, num},
		{"Tổng số tập thể được khen thưởng", s.Collectives, num},
		{"Tổng số cá nhân được khen thưởng", s.Individuals, num},
		{"Trong đó nữ", s.Women, num},
		{"Tỷ lệ nữ trong cá nhân được khen thưởng", percentValue(s.WomenPercent), pct},
		{"Tổng số tiền thưởng (đồng)", s.Bonus, num},
	}
	for i, t := range totals {
		if err := set(sh, 1, reportTableRow+1+i, t.label, text); err != nil {
			return err
		}
		if err := set(sh, 2, reportTableRow+1+i, t.v, t.style); err != nil {
			return err
		}
	}

	for _, sec := range stats.Sections(s) {
		sh := sec.Sheet
		if _, err := f.NewSheet(sh); err != nil {
			return err
		}
		if err := setPrint(f, sh, sheetPrint{titleFirst: reportTableRow, titleLast: reportTableRow}); err != nil {
			return err
		}
		titles := []string{"STT", "Nội dung", sec.Unit, "Tỷ lệ"}
		widths := []float64{6, 50, 12, 10}
		if sec.Amount {
			titles = append(titles, "Tiền thưởng (đồng)")
			widths = append(widths, 20)
		}
		if err := titled(sh, strings.ToUpper(sec.Title), widths); err != nil {
			return err
		}
		for i, t := range titles {
			col, _ := excelize.ColumnNumberToName(i + 1)
			_ = f.SetColWidth(sh, col, col, widths[i])
			if err := set(sh, i+1, reportTableRow, t, header); err != nil {
				return err
			}
		}
		total, amount := 0, int64(0)
		for i, c := range sec.Rows {
			row := reportTableRow + 1 + i
			vals := []any{i + 1, c.Label, c.Count, percentValue(c.Percent)}
			styles := []int{center, text, num, pct}
			if sec.Amount {
				vals, styles = append(vals, c.Amount), append(styles, num)
			}
			for j, v := range vals {
				if err := set(sh, j+1, row, v, styles[j]); err != nil {
					return err
				}
			}
			total += c.Count
			amount += c.Amount
		}
		row := reportTableRow + 1 + len(sec.Rows)
		vals := []any{"", "Cộng", total, 1.0}
		styles := []int{bold, bold, boldNum, pct}
		if total == 0 {
			vals[3] = 0.0
		}
		if sec.Amount {
			vals, styles = append(vals, amount), append(styles, boldNum)
		}
		for j, v := range vals {
			if err := set(sh, j+1, row, v, styles[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// percentValue is a percentage as the cell holds it: the fraction of the
// figure the PDF prints (stats.FormatPercent, one decimal), so that Excel's
// 0.0% shows the same digits: 31.25 % reads 31,2 in both, not 31,3 here.
func percentValue(p float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(p, 'f', 1, 64), 64)
	if err != nil {
		return p / 100
	}
	return v / 100
}
