package roster

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/vntext"
)

// The bonus payment list (danh sách chi tiền thưởng) as a workbook, the same
// rows as the PDF of package certificates (WritePayments): grouped by kind
// (I. TẬP THỂ, II. CÁ NHÂN, III. HỘ GIA ĐÌNH), in the ceremony's calling
// order within a kind, amounts as numbers formatted "#,##0" (Excel shows
// the thousands separator of the office's locale: dots in Vietnamese), a SUM
// formula per group and for the total, the total in words as text.

// PaymentsSheet is the name of the payment list's sheet.
const PaymentsSheet = "Chi tiền thưởng"

// Layout of the payment sheet.
const (
	payTitleRow  = 3
	payHeaderRow = 6
)

var payColumns = []struct {
	title string
	width float64
}{
	{"STT", 6}, {"Họ và tên / Tên tập thể", paymentNameWidth}, {"Hình thức", 22}, {"Số tiền (đồng)", 17}, {"Ký nhận", 16},
}

// paymentNameWidth is the width of the name column, which sets a row's height.
const paymentNameWidth = 44

// WritePaymentsXLSX writes the bonus payment list of the decisions (one, or
// those of a ceremony) as an .xlsx workbook, printing on A4 portrait with
// the header row repeated. forms gives each decision's form by code.
func WritePaymentsXLSX(w io.Writer, decisions []khenthuong.Decision, forms map[string]*khenthuong.AwardForm, settings *khenthuong.Settings) error {
	if len(decisions) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn quyết định nào để lập danh sách chi tiền thưởng")
	}
	if settings == nil {
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa có thiết lập của cơ quan")
	}
	groups, total := khenthuong.PaymentList(decisions, forms)
	if len(groups) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Các quyết định đã chọn chưa có người được khen")
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writePaymentsSheet(f, decisions, forms, settings, groups, total); err != nil {
		return fmt.Errorf("roster: payments: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("roster: payments: %w", err)
	}
	return nil
}

type payStyles struct {
	office, title, italic, header, group, text, center, money, total, totalMoney, words, sign, signNote int
}

func newPayStyles(f *excelize.File) (*payStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	numFmt := "#,##0"
	var st payStyles
	for _, s := range []struct {
		dst   *int
		style *excelize.Style
	}{
		{&st.office, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&st.title, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.italic, &excelize.Style{Font: &excelize.Font{Family: officeFont, Italic: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&st.header, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.group, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.text, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.center, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}},
		{&st.money, &excelize.Style{Font: &excelize.Font{Family: officeFont, Size: 12}, Border: border, CustomNumFmt: &numFmt, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.total, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.totalMoney, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Border: border, CustomNumFmt: &numFmt, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.words, &excelize.Style{Font: &excelize.Font{Family: officeFont, Italic: true, Size: 13}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.sign, &excelize.Style{Font: &excelize.Font{Family: officeFont, Bold: true, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&st.signNote, &excelize.Style{Font: &excelize.Font{Family: officeFont, Italic: true, Size: 11}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return nil, err
		}
		*s.dst = id
	}
	return &st, nil
}

func writePaymentsSheet(f *excelize.File, decisions []khenthuong.Decision, forms map[string]*khenthuong.AwardForm,
	settings *khenthuong.Settings, groups []khenthuong.PaymentGroup, total int64) error {
	sheet := PaymentsSheet
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := f.SetDefaultFont("Times New Roman"); err != nil {
		return err
	}
	st, err := newPayStyles(f)
	if err != nil {
		return err
	}
	// Margins in inches: left 30 mm, right 15 mm, top and bottom 20 mm (Decree 30/2020).
	left, right, tb := 30/25.4, 15/25.4, 20/25.4
	if err := setPrint(f, sheet, sheetPrint{margins: &excelize.PageLayoutMarginsOptions{Left: &left, Right: &right, Top: &tb, Bottom: &tb}}); err != nil {
		return err
	}
	for i, c := range payColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
	}
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	merge := func(row int, from, to string, v any, style int) error {
		a, b := fmt.Sprintf("%s%d", from, row), fmt.Sprintf("%s%d", to, row)
		if err := set(a, v, style); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, a, b, style); err != nil {
			return err
		}
		if a == b {
			return nil
		}
		return f.MergeCell(sheet, a, b)
	}

	// Heading: the paying office, the title, the decisions paid from.
	if err := merge(1, "A", "B", strings.ToUpper(strings.TrimSpace(settings.Office)), st.office); err != nil {
		return err
	}
	if err := merge(payTitleRow, "A", "E", "DANH SÁCH CHI TIỀN THƯỞNG", st.title); err != nil {
		return err
	}
	if err := merge(payTitleRow+1, "A", "E", payBasis(decisions, forms, settings), st.italic); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, payTitleRow+1, 34); err != nil {
		return err
	}
	for i, c := range payColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := set(fmt.Sprintf("%s%d", col, payHeaderRow), c.title, st.header); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sheet, payHeaderRow, 32); err != nil {
		return err
	}

	row := payHeaderRow + 1
	var subtotals []string
	for _, g := range groups {
		if len(groups) > 1 { // one kind: the list needs no "I." heading
			if err := merge(row, "A", "E", g.Heading, st.group); err != nil {
				return err
			}
			row++
		}
		first := row
		for _, r := range g.Rows {
			name := r.Name
			if r.Detail != "" {
				name += "\n" + r.Detail
			}
			for _, c := range []struct {
				col   string
				v     any
				style int
			}{{"A", r.No, st.center}, {"B", name, st.text}, {"C", r.Form, st.center}, {"D", r.Amount, st.money}, {"E", "", st.text}} {
				if err := set(fmt.Sprintf("%s%d", c.col, row), c.v, c.style); err != nil {
					return err
				}
			}
			if err := f.SetRowHeight(sheet, row, max(30, rowHeight(wrappedLines(name, paymentNameWidth)))); err != nil {
				return err
			}
			row++
		}
		if len(groups) > 1 {
			label := "Cộng " + strings.SplitN(g.Heading, ".", 2)[0]
			if err := merge(row, "A", "C", label, st.total); err != nil {
				return err
			}
			cell := fmt.Sprintf("D%d", row)
			if err := setSum(f, sheet, cell, fmt.Sprintf("SUM(D%d:D%d)", first, row-1), g.Total, st.totalMoney); err != nil {
				return err
			}
			if err := set(fmt.Sprintf("E%d", row), "", st.total); err != nil {
				return err
			}
			subtotals = append(subtotals, cell)
			row++
		} else {
			subtotals = append(subtotals, fmt.Sprintf("D%d:D%d", first, row-1))
		}
	}
	if err := merge(row, "A", "C", "TỔNG CỘNG", st.total); err != nil {
		return err
	}
	if err := setSum(f, sheet, fmt.Sprintf("D%d", row), "SUM("+strings.Join(subtotals, ",")+")", total, st.totalMoney); err != nil {
		return err
	}
	if err := set(fmt.Sprintf("E%d", row), "", st.total); err != nil {
		return err
	}
	row += 2
	if err := merge(row, "A", "E", "Bằng chữ: "+vntext.AmountInWords(total)+".", st.words); err != nil {
		return err
	}
	row += 2
	place := settings.Place
	if place == "" {
		place = settings.Province
	}
	if err := merge(row, "D", "E", strings.TrimPrefix(place+", ngày ..... tháng ..... năm 20.....", ", "), st.signNote); err != nil {
		return err
	}
	row++
	for _, s := range []struct{ from, to, title, note string }{
		{"A", "B", "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"},
		{"C", "C", "KẾ TOÁN", "(Ký, ghi rõ họ tên)"},
		{"D", "E", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)"},
	} {
		if err := merge(row, s.from, s.to, s.title, st.sign); err != nil {
			return err
		}
		if err := merge(row+1, s.from, s.to, s.note, st.signNote); err != nil {
			return err
		}
	}
	last := row + 6
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: sheet, RefersTo: fmt.Sprintf("%s!$A$1:$E$%d", quotedSheet(sheet), last),
	}); err != nil {
		return err
	}
	return setPrintTitles(f, sheet, payHeaderRow, payHeaderRow)
}

// setSum writes a SUM formula with its value cached, so that a viewer that
// does not recalculate still shows the total.
func setSum(f *excelize.File, sheet, cell, formula string, value int64, style int) error {
	if err := f.SetCellValue(sheet, cell, value); err != nil {
		return err
	}
	if err := f.SetCellFormula(sheet, cell, formula); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

// payBasis is "(Kèm theo Quyết định số ... ngày ... của ...)".
func payBasis(decisions []khenthuong.Decision, forms map[string]*khenthuong.AwardForm, s *khenthuong.Settings) string {
	number := func(d *khenthuong.Decision) string {
		n := strings.TrimSpace(d.Number)
		if head, rest, ok := strings.Cut(n, "/"); ok && len(head) == 1 && head >= "1" && head <= "9" {
			n = "0" + head + "/" + rest
		}
		return n
	}
	if len(decisions) == 1 {
		d := &decisions[0]
		out := "(Kèm theo Quyết định số " + number(d)
		if !d.Date.IsZero() && !d.Date.YearOnly() {
			out += " " + vntext.LongDate(d.Date.Year, d.Date.Month, d.Date.Day)
		}
		if f := forms[d.FormCode]; f != nil && f.Issuer != "" {
			out += " của " + f.Issuer
		}
		return out + ")"
	}
	nums := make([]string, len(decisions))
	for i := range decisions {
		nums[i] = number(&decisions[i])
	}
	return "(Kèm theo các Quyết định số " + strings.Join(nums[:len(nums)-1], ", ") + " và " + nums[len(nums)-1] + ")"
}
