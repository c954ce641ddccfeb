package roster

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/certificates"
)

func payForms() map[string]*khenthuong.AwardForm {
	out := map[string]*khenthuong.AwardForm{}
	for _, f := range khenthuong.DefaultForms() {
		out[f.Code] = &f
	}
	return out
}

// payDecision is a decision of form code with nColl collectives, nInd
// individuals and nHouse households, the kinds interleaved in list order.
func payDecision(code string, id uint64, nColl, nInd, nHouse int, amounts map[khenthuong.Kind]int64) khenthuong.Decision {
	d := khenthuong.Decision{ID: id, FormCode: code, Number: fmt.Sprintf("%d/QĐ-UBND", id), Date: khenthuong.MustDate("2025-01-05")}
	n := id * 1000
	add := func(nom khenthuong.Nominee) {
		n++
		d.Recipients = append(d.Recipients, khenthuong.Recipient{NominationID: n, Nominee: nom, Amount: amounts[nom.Kind]})
	}
	for i := 0; i < max(nColl, nInd, nHouse); i++ {
		if i < nInd {
			add(khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: fmt.Sprintf("Nguyễn Thị Ánh %d", n), Position: "Giáo viên", Unit: "Trường Tiểu học Ưng Lịch"})
		}
		if i < nColl {
			add(khenthuong.Nominee{Kind: khenthuong.Collective, Name: fmt.Sprintf("Công an xã Hải Thượng %d", n), Unit: "tỉnh Quảng Trị"})
		}
		if i < nHouse {
			add(khenthuong.Nominee{Kind: khenthuong.Household, Name: fmt.Sprintf("Gia đình ông Lê Văn %d", n), Address: "thôn 3, xã Gio Việt"})
		}
	}
	return d
}

func readPayments(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWritePaymentsXLSX(t *testing.T) {
	s := khenthuong.DefaultSettings()
	forms := payForms()
	t.Run("OneDecision", func(t *testing.T) {
		d := payDecision("BKCT", 5, 0, 3, 0, map[khenthuong.Kind]int64{khenthuong.Individual: 2340000})
		var buf bytes.Buffer
		if err := WritePaymentsXLSX(&buf, []khenthuong.Decision{d}, forms, &s); err != nil {
			t.Fatal(err)
		}
		f := readPayments(t, buf.Bytes())
		if got := f.GetSheetList(); len(got) != 1 || got[0] != PaymentsSheet {
			t.Fatalf("sheets %v", got)
		}
		rows, err := f.GetRows(PaymentsSheet)
		if err != nil {
			t.Fatal(err)
		}
		cell := func(ref string) string {
			v, err := f.GetCellValue(PaymentsSheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if cell("A3") != "DANH SÁCH CHI TIỀN THƯỞNG" || cell("A4") != "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2025 của Chủ tịch UBND tỉnh)" {
			t.Errorf("heading %q / %q", cell("A3"), cell("A4"))
		}
		if got := strings.Join(rows[payHeaderRow-1], "|"); got != "STT|Họ và tên / Tên tập thể|Hình thức|Số tiền (đồng)|Ký nhận" {
			t.Errorf("header %q", got)
		}
		// One kind: no "I. CÁ NHÂN" row, the recipients follow the header.
		for i := 0; i < 3; i++ {
			r := 7 + i
			if cell(fmt.Sprintf("A%d", r)) != strconv.Itoa(i+1) || !strings.HasPrefix(cell(fmt.Sprintf("B%d", r)), "Bà Nguyễn Thị Ánh") ||
				!strings.HasSuffix(cell(fmt.Sprintf("B%d", r)), "\nGiáo viên Trường Tiểu học Ưng Lịch") || cell(fmt.Sprintf("C%d", r)) != "Bằng khen" {
				t.Errorf("row %d: %q", r, rows[r-1])
			}
			// The amount is a number, shown with thousands separators.
			raw, _ := f.GetCellValue(PaymentsSheet, fmt.Sprintf("D%d", r), excelize.Options{RawCellValue: true})
			if raw != "2340000" {
				t.Errorf("amount D%d = %q, want the number 2340000", r, raw)
			}
			if typ, _ := f.GetCellType(PaymentsSheet, fmt.Sprintf("D%d", r)); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("amount D%d is text", r)
			}
			id, _ := f.GetCellStyle(PaymentsSheet, fmt.Sprintf("D%d", r))
			st, _ := f.GetStyle(id)
			if st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
				t.Errorf("amount D%d has number format %v", r, st.CustomNumFmt)
			}
		}
		if cell("A10") != "TỔNG CỘNG" {
			t.Errorf("total row %q", rows[9])
		}
		if fm, _ := f.GetCellFormula(PaymentsSheet, "D10"); fm != "SUM(D7:D9)" {
			t.Errorf("total formula %q", fm)
		}
		if raw, _ := f.GetCellValue(PaymentsSheet, "D10", excelize.Options{RawCellValue: true}); raw != "7020000" {
			t.Errorf("cached total %q", raw)
		}
		if v, err := f.CalcCellValue(PaymentsSheet, "D10", excelize.Options{RawCellValue: true}); err != nil || v != "7020000" {
			t.Errorf("computed total %q, %v", v, err)
		}
		if cell("A12") != "Bằng chữ: Bảy triệu không trăm hai mươi nghìn đồng." {
			t.Errorf("words %q", cell("A12"))
		}
		if strings.Contains(fmt.Sprint(rows), "I. CÁ NHÂN") {
			t.Error("a list of one kind has an “I.” heading")
		}
		joined := fmt.Sprint(rows)
		for _, w := range []string{"NGƯỜI LẬP BIỂU", "KẾ TOÁN", "THỦ TRƯỞNG ĐƠN VỊ"} {
			if !strings.Contains(joined, w) {
				t.Errorf("no signature %q", w)
			}
		}
		found := false
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" && dn.Scope == PaymentsSheet && strings.HasSuffix(dn.RefersTo, "!$6:$6") {
				found = true
			}
		}
		if !found {
			t.Error("the header row is not repeated on printed pages")
		}
	})
	t.Run("CeremonyMatchesThePDF", func(t *testing.T) {
		ds := []khenthuong.Decision{
			payDecision("BKCT", 2871, 2, 5, 1, map[khenthuong.Kind]int64{khenthuong.Collective: 4680000, khenthuong.Individual: 2340000, khenthuong.Household: 2340000}),
			payDecision("CTDT", 7, 3, 0, 0, map[khenthuong.Kind]int64{khenthuong.Collective: 18720000}),
			payDecision("BKMTTQ", 12, 1, 2, 0, map[khenthuong.Kind]int64{khenthuong.Collective: 3000000, khenthuong.Individual: 1500000}),
		}
		var buf bytes.Buffer
		if err := WritePaymentsXLSX(&buf, ds, forms, &s); err != nil {
			t.Fatal(err)
		}
		f := readPayments(t, buf.Bytes())
		rows, _ := f.GetRows(PaymentsSheet)
		groups, total := khenthuong.PaymentList(ds, forms) // what the PDF prints
		r := payHeaderRow                                  // 0-based index of the first row after the header
		for _, g := range groups {
			if rows[r][0] != g.Heading {
				t.Fatalf("row %d %q, want group %q", r+1, rows[r], g.Heading)
			}
			r++
			first := r + 1
			for _, pr := range g.Rows {
				name := pr.Name
				if pr.Detail != "" {
					name += "\n" + pr.Detail
				}
				want := []string{strconv.Itoa(pr.No), name, pr.Form}
				if got := rows[r][:3]; strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("row %d %q, want %q (as the PDF)", r+1, got, want)
				}
				raw, _ := f.GetCellValue(PaymentsSheet, fmt.Sprintf("D%d", r+1), excelize.Options{RawCellValue: true})
				if raw != strconv.FormatInt(pr.Amount, 10) {
					t.Errorf("row %d amount %s, want %d", r+1, raw, pr.Amount)
				}
				r++
			}
			if rows[r][0] != "Cộng "+strings.SplitN(g.Heading, ".", 2)[0] {
				t.Errorf("row %d %q, want the subtotal", r+1, rows[r])
			}
			fm, _ := f.GetCellFormula(PaymentsSheet, fmt.Sprintf("D%d", r+1))
			if fm != fmt.Sprintf("SUM(D%d:D%d)", first, r) {
				t.Errorf("subtotal formula %q", fm)
			}
			v, err := f.CalcCellValue(PaymentsSheet, fmt.Sprintf("D%d", r+1), excelize.Options{RawCellValue: true})
			if err != nil || v != strconv.FormatInt(g.Total, 10) {
				t.Errorf("subtotal %s = %q, want %d", g.Heading, v, g.Total)
			}
			r++
		}
		if rows[r][0] != "TỔNG CỘNG" {
			t.Fatalf("row %d %q", r+1, rows[r])
		}
		v, err := f.CalcCellValue(PaymentsSheet, fmt.Sprintf("D%d", r+1), excelize.Options{RawCellValue: true})
		if err != nil || v != strconv.FormatInt(total, 10) {
			t.Errorf("total %q, want %d (%v)", v, total, err)
		}
		if got := rows[r+2][0]; got != certificates.AmountInWordsLine(total) {
			t.Errorf("words %q, want %q", got, certificates.AmountInWordsLine(total))
		}
		if got := rows[3][0]; got != "(Kèm theo các Quyết định số 2871/QĐ-UBND, 07/QĐ-UBND và 12/QĐ-UBND)" {
			t.Errorf("basis %q", got)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		if err := WritePaymentsXLSX(&bytes.Buffer{}, nil, forms, &s); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("no decisions: %v", err)
		}
		if err := WritePaymentsXLSX(&bytes.Buffer{}, []khenthuong.Decision{{ID: 1, FormCode: "BKCT"}}, forms, &s); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("no recipients: %v", err)
		}
	})
}

// BenchmarkPaymentsXLSX2000 writes the payment list of a 2,000-recipient decision.
func BenchmarkPaymentsXLSX2000(b *testing.B) {
	s := khenthuong.DefaultSettings()
	forms := payForms()
	ds := []khenthuong.Decision{payDecision("BKCT", 2871, 500, 1400, 100,
		map[khenthuong.Kind]int64{khenthuong.Collective: 4680000, khenthuong.Individual: 2340000, khenthuong.Household: 2340000})}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WritePaymentsXLSX(&buf, ds, forms, &s); err != nil {
			b.Fatal(err)
		}
	}
}
