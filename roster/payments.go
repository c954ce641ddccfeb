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
	return WritePaymentsXLSXStream(w, decisions, forms, settings, func(d int) khenthuong.RecipientReader {
		return khenthuong.HeldRecipients(decisions[d].Recipients)
	})
}

// WritePaymentsXLSXStream is WritePaymentsXLSX for decisions read without
// their recipients, decision d's given by each(d): the list reads each
// decision once for its kinds and total, then once per kind it holds, and
// holds none of it. Errors: EINVALID, the stream's, ECONFLICT when a
// decision's recipients changed between two reads.
func WritePaymentsXLSXStream(w io.Writer, decisions []khenthuong.Decision, forms map[string]*khenthuong.AwardForm,
	settings *khenthuong.Settings, each func(d int) khenthuong.RecipientReader) error {
	if len(decisions) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn quyết định nào để lập danh sách chi tiền thưởng")
	}
	if settings == nil {
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa có thiết lập của cơ quan")
	}
	plan, err := khenthuong.PlanPayments(decisions, forms, each)
	if err != nil {
		return err
	}
	if plan.Rows == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Các quyết định đã chọn chưa có người được khen")
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writePaymentsSheet(f, decisions, forms, settings, plan); err != nil {
		return fmt.Errorf("roster: payments: %w", err)
	}
	if err := writeWorkbook(f, w); err != nil {
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
	settings *khenthuong.Settings, plan *khenthuong.PaymentPlan) error {
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
	// The rows are streamed, top to bottom: the widths come first.
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]float64, len(payColumns))
	for i, c := range payColumns {
		widths[i] = c.width
	}
	if err := setStreamColWidths(sw, widths); err != nil {
		return err
	}
	cell := func(v any, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	// merged writes v in column from and merges it up to column to (A–E),
	// every cell of the merge styled.
	merged := func(row int, from, to byte, v any, style int, opts ...excelize.RowOpts) error {
		cells := make([]any, to-from+1)
		for i := range cells {
			cells[i] = cell(nil, style)
		}
		cells[0] = cell(v, style)
		if err := sw.SetRow(fmt.Sprintf("%c%d", from, row), cells, opts...); err != nil {
			return err
		}
		if from == to {
			return nil
		}
		return sw.MergeCell(fmt.Sprintf("%c%d", from, row), fmt.Sprintf("%c%d", to, row))
	}
	sumCell := func(formula string, value int64) excelize.Cell {
		return excelize.Cell{StyleID: st.totalMoney, Formula: formula, Value: value}
	}

	// Heading: the paying office, the title, the decisions paid from.
	if err := merged(1, 'A', 'B', strings.ToUpper(strings.TrimSpace(settings.Office)), st.office); err != nil {
		return err
	}
	if err := merged(payTitleRow, 'A', 'E', "DANH SÁCH CHI TIỀN THƯỞNG", st.title); err != nil {
		return err
	}
	if err := merged(payTitleRow+1, 'A', 'E', payBasis(decisions, forms, settings), st.italic, excelize.RowOpts{Height: 34}); err != nil {
		return err
	}
	header := make([]any, len(payColumns))
	for i, c := range payColumns {
		header[i] = cell(c.title, st.header)
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", payHeaderRow), header, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}

	multi := plan.Groups > 1 // one kind: the list needs no "I." heading
	row, group, first := payHeaderRow+1, -1, 0
	var subtotals []string
	var groupTotal, total int64
	endGroup := func() error {
		if group < 0 {
			return nil
		}
		if !multi {
			subtotals = append(subtotals, fmt.Sprintf("D%d:D%d", first, row-1))
			return nil
		}
		label := "Cộng " + khenthuong.RomanNumeral(group)
		ref := fmt.Sprintf("D%d", row)
		cells := []any{cell(label, st.total), cell(nil, st.total), cell(nil, st.total),
			sumCell(fmt.Sprintf("SUM(D%d:D%d)", first, row-1), groupTotal), cell("", st.total)}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells); err != nil {
			return err
		}
		if err := sw.MergeCell(fmt.Sprintf("A%d", row), fmt.Sprintf("C%d", row)); err != nil {
			return err
		}
		subtotals = append(subtotals, ref)
		row++
		return nil
	}
	err = plan.EachRow(func(g int, k khenthuong.Kind, r *khenthuong.PaymentRow) error {
		if g != group {
			if err := endGroup(); err != nil {
				return err
			}
			group, groupTotal = g, 0
			if multi {
				if err := merged(row, 'A', 'E', khenthuong.PaymentHeading(g, k), st.group); err != nil {
					return err
				}
				row++
			}
			first = row
		}
		name := r.Name
		if r.Detail != "" {
			name += "\n" + r.Detail
		}
		cells := []any{cell(r.No, st.center), cell(name, st.text), cell(r.Form, st.center), cell(r.Amount, st.money), cell("", st.text)}
		height := max(30, rowHeight(wrappedLines(name, paymentNameWidth)))
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
		groupTotal += r.Amount
		total += r.Amount
		row++
		return nil
	})
	if err != nil {
		return err
	}
	if err := endGroup(); err != nil {
		return err
	}
	cells := []any{cell("TỔNG CỘNG", st.total), cell(nil, st.total), cell(nil, st.total),
		sumCell("SUM("+strings.Join(subtotals, ",")+")", total), cell("", st.total)}
	if err := sw.SetRow(fmt.Sprintf("A%d", row), cells); err != nil {
		return err
	}
	if err := sw.MergeCell(fmt.Sprintf("A%d", row), fmt.Sprintf("C%d", row)); err != nil {
		return err
	}
	row += 2
	if err := merged(row, 'A', 'E', "Bằng chữ: "+vntext.AmountInWords(total)+".", st.words); err != nil {
		return err
	}
	row += 2
	place := settings.Place
	if place == "" {
		place = settings.Province
	}
	if err := merged(row, 'D', 'E', strings.TrimPrefix(place+", ngày ..... tháng ..... năm 20.....", ", "), st.signNote); err != nil {
		return err
	}
	row++
	// The signatures side by side: NGƯỜI LẬP BIỂU (A–B), KẾ TOÁN (C),
	// THỦ TRƯỞNG ĐƠN VỊ (D–E), each with its note on the row below.
	for i, style := range []int{st.sign, st.signNote} {
		texts := [][2]string{{"NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"}, {"KẾ TOÁN", "(Ký, ghi rõ họ tên)"}, {"THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)"}}
		cells := []any{cell(texts[0][i], style), cell(nil, style), cell(texts[1][i], style), cell(texts[2][i], style), cell(nil, style)}
		if err := sw.SetRow(fmt.Sprintf("A%d", row+i), cells); err != nil {
			return err
		}
		for _, m := range [][2]string{{"A", "B"}, {"D", "E"}} {
			if err := sw.MergeCell(fmt.Sprintf("%s%d", m[0], row+i), fmt.Sprintf("%s%d", m[1], row+i)); err != nil {
				return err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	last := row + 6
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: sheet, RefersTo: fmt.Sprintf("%s!$A$1:$E$%d", quotedSheet(sheet), last),
	}); err != nil {
		return err
	}
	return setPrintTitles(f, sheet, payHeaderRow, payHeaderRow)
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
