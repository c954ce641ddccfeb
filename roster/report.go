package roster

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/stats"
)

// ReportSummarySheet is the first sheet of the report workbook: the totals.
const ReportSummarySheet = "Tổng hợp"

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
	var header, text, num, pct, bold, boldNum int
	for _, sd := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&header, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&text, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
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

	// The totals.
	sh := ReportSummarySheet
	_ = f.SetColWidth(sh, "A", "A", 50)
	_ = f.SetColWidth(sh, "B", "B", 22)
	if err := set(sh, 1, 1, "Nội dung", header); err != nil {
		return err
	}
	if err := set(sh, 2, 1, "Số liệu", header); err != nil {
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
		{"Tỷ lệ nữ trong cá nhân được khen thưởng", s.WomenPercent / 100, pct},
		{"Tổng số tiền thưởng (đồng)", s.Bonus, num},
	}
	for i, t := range totals {
		if err := set(sh, 1, i+2, t.label, text); err != nil {
			return err
		}
		if err := set(sh, 2, i+2, t.v, t.style); err != nil {
			return err
		}
	}

	for _, sec := range stats.Sections(s) {
		sh := sec.Sheet
		if _, err := f.NewSheet(sh); err != nil {
			return err
		}
		titles := []string{"STT", "Nội dung", sec.Unit, "Tỷ lệ"}
		widths := []float64{6, 50, 12, 10}
		if sec.Amount {
			titles = append(titles, "Tiền thưởng (đồng)")
			widths = append(widths, 20)
		}
		for i, t := range titles {
			col, _ := excelize.ColumnNumberToName(i + 1)
			_ = f.SetColWidth(sh, col, col, widths[i])
			if err := set(sh, i+1, 1, t, header); err != nil {
				return err
			}
		}
		total, amount := 0, int64(0)
		for i, c := range sec.Rows {
			row := i + 2
			vals := []any{i + 1, c.Label, c.Count, c.Percent / 100}
			styles := []int{text, text, num, pct}
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
		row := len(sec.Rows) + 2
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
