package archive

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/assets/fonts"
	"khenthuong/certificates"
	"khenthuong/roster"
	"khenthuong/roster/docxtest"
)

func testForms() []khenthuong.AwardForm {
	fs := khenthuong.DefaultForms()
	for i := range fs {
		fs[i].Normalize()
	}
	return fs
}

func formOf(code string) *khenthuong.AwardForm {
	for _, f := range testForms() {
		if f.Code == code {
			return &f
		}
	}
	panic(code)
}

// signedDecision is a decision as the office issued it: two collectives,
// three individuals (one with a rank), a household.
func signedDecision() *khenthuong.Decision {
	rec := func(k khenthuong.Kind, title, name, position, unit string) khenthuong.Recipient {
		return khenthuong.Recipient{Nominee: khenthuong.Nominee{Kind: k, Title: title, Name: name, Position: position, Unit: unit}}
	}
	return &khenthuong.Decision{
		FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2022-10-24"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.MustDate("2022-10-10"),
		Achievement: "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2022.",
		Status:      khenthuong.DecisionIssued,
		Recipients: []khenthuong.Recipient{
			rec(khenthuong.Collective, "", "Phòng Phổ biến, giáo dục pháp luật", "", "Sở Tư pháp"),
			rec(khenthuong.Collective, "", "Công an xã Triệu Phong", "", "Công an tỉnh Quảng Trị"),
			rec(khenthuong.Individual, "Ông", "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
			rec(khenthuong.Individual, "Đại tá", "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
			rec(khenthuong.Individual, "Bà", "Hoàng Thị Thủy", "Đội trưởng Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Công an tỉnh Quảng Trị"),
			rec(khenthuong.Household, "", "Hộ ông Cao Văn Đức", "", ""),
		},
	}
}

func printed(t *testing.T, dir, name string, write func(*bytes.Buffer, certificates.DecisionDoc) error) string {
	t.Helper()
	d := signedDecision()
	s := khenthuong.DefaultSettings()
	var buf bytes.Buffer
	if err := write(&buf, certificates.DecisionDoc{Decision: d, Form: formOf(d.FormCode), Settings: &s}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// oldPDF is a decision of an older layout, typed by hand: the number and
// date on lines of their own, the list under "Điều 1" with dashes, the
// signer's title on one line, and the bonus written in Điều 2.
func oldPDF(t *testing.T, dir string, pages ...[]string) string {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	font, err := fonts.Bytes("LiberationSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	pdf.AddUTF8FontFromBytes("serif", "", font)
	pdf.SetFont("serif", "", 13)
	for _, lines := range pages {
		pdf.AddPage()
		for _, l := range lines {
			pdf.MultiCell(0, 7, l, "", "L", false)
		}
	}
	path := filepath.Join(dir, "cu.pdf")
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadDecision(t *testing.T) {
	dir := t.TempDir()
	want := signedDecision()
	check := func(t *testing.T, res *Result, wantList int) {
		t.Helper()
		d := res.Decision
		if d.Number != want.Number || d.Date != want.Date || d.FormCode != want.FormCode {
			t.Errorf("number %q date %v form %q", d.Number, d.Date, d.FormCode)
		}
		if len(d.Recipients) != wantList {
			t.Fatalf("%d recipients, want %d:%v", len(d.Recipients), wantList, res.Problems)
		}
	}
	t.Run("PDFOfTheApplication", func(t *testing.T) {
		path := printed(t, dir, "qd.pdf", func(b *bytes.Buffer, doc certificates.DecisionDoc) error {
			return certificates.WriteDecision(b, doc, certificates.DecisionOptions{})
		})
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		check(t, res, 6)
		d := res.Decision
		if d.SignerTitle != want.SignerTitle || d.SignerName != want.SignerName || d.SubmissionNo != want.SubmissionNo || d.SubmissionDate != want.SubmissionDate {
			t.Errorf("signer %q %q, submission %q %v", d.SignerTitle, d.SignerName, d.SubmissionNo, d.SubmissionDate)
		}
		for i, r := range d.Recipients {
			w := want.Recipients[i].Nominee
			n := r.Nominee
			if n.Kind != w.Kind || n.Name != w.Name || n.Title != w.Title {
				t.Errorf("recipient %d: %+v, want %+v", i, n, w)
			}
			if r.RegistryNo != "" || r.Amount != 0 {
				t.Errorf("recipient %d given a registry number %q or amount %d the document does not write", i, r.RegistryNo, r.Amount)
			}
		}
		if res.Errors() != 0 {
			t.Errorf("errors: %v", res.Problems)
		}
	})
	t.Run("WordOfTheApplication", func(t *testing.T) {
		path := printed(t, dir, "qd.docx", func(b *bytes.Buffer, doc certificates.DecisionDoc) error {
			return certificates.WriteDecisionDOCX(b, doc, certificates.DecisionOptions{})
		})
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		check(t, res, 6)
		if d := res.Decision; d.SignerName != "Hoàng Nam" || !strings.Contains(d.SignerTitle, "PHÓ CHỦ TỊCH") {
			t.Errorf("signer %q %q", d.SignerTitle, d.SignerName)
		}
		if res.Errors() != 0 {
			t.Errorf("errors: %v", res.Problems)
		}
	})
	t.Run("ListAsTableInWord", func(t *testing.T) {
		path := printed(t, dir, "qd-bang.docx", func(b *bytes.Buffer, doc certificates.DecisionDoc) error {
			return certificates.WriteDecisionDOCX(b, doc, certificates.DecisionOptions{ListTable: true})
		})
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		check(t, res, 6)
	})
	t.Run("ListAsTableInPDF", func(t *testing.T) {
		path := printed(t, dir, "qd-bang.pdf", func(b *bytes.Buffer, doc certificates.DecisionDoc) error {
			return certificates.WriteDecision(b, doc, certificates.DecisionOptions{ListTable: true})
		})
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		check(t, res, 6)
		for i, r := range res.Decision.Recipients {
			w := want.Recipients[i].Nominee
			if n := r.Nominee; n.Name != w.Name || n.Kind != w.Kind || n.Title != w.Title {
				t.Errorf("recipient %d: %+v, want %+v", i, n, w)
			}
		}
		// A cell wrapped over two lines stays one cell.
		if p := res.Decision.Recipients[4].Nominee.Position; !strings.Contains(p, "Đội trưởng Phòng Cảnh sát quản lý hành chính về trật tự xã hội") {
			t.Errorf("wrapped post reads %q", p)
		}
		if res.Errors() != 0 {
			t.Errorf("errors: %v", res.Problems)
		}
	})
	t.Run("PDFsOfOtherProducers", func(t *testing.T) {
		// The same decision rewritten by Cairo (poppler's pdftocairo, which
		// the project's setup installs) and by Ghostscript when present:
		// other font programs, encodings and stream layouts.
		for _, list := range []bool{false, true} {
			src := printed(t, dir, fmt.Sprintf("src-%v.pdf", list), func(b *bytes.Buffer, doc certificates.DecisionDoc) error {
				return certificates.WriteDecision(b, doc, certificates.DecisionOptions{ListTable: list})
			})
			for _, tool := range [][]string{
				{"pdftocairo", "-pdf", src, "OUT"},
				{"gs", "-q", "-o", "OUT", "-sDEVICE=pdfwrite", src},
			} {
				if _, err := exec.LookPath(tool[0]); err != nil {
					if tool[0] == "pdftocairo" {
						t.Fatalf("pdftocairo missing: make setup installs poppler-utils")
					}
					continue
				}
				out := filepath.Join(dir, fmt.Sprintf("%s-%v.pdf", tool[0], list))
				args := append([]string(nil), tool[1:]...)
				for i := range args {
					if args[i] == "OUT" {
						args[i] = out
					}
				}
				if b, err := exec.Command(tool[0], args...).CombinedOutput(); err != nil {
					t.Fatalf("%s: %v %s", tool[0], err, b)
				}
				res, err := Read(out, Options{Forms: testForms()})
				if err != nil {
					t.Fatalf("%s: %v", tool[0], err)
				}
				check(t, res, 6)
				if got := res.Decision.Recipients[3].Nominee; got.Title != "Đại tá" || got.Name != "Lê Văn Tiến" {
					t.Errorf("%s (table %v): recipient 4 %+v", tool[0], list, got)
				}
			}
		}
	})
	t.Run("OlderLayoutWithBonusWritten", func(t *testing.T) {
		path := oldPDF(t, dir, []string{
			"UỶ BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
			"Số: 1205/QĐ-UB",
			"Đông Hà, ngày 05 tháng 01 năm 2015",
			"QUYẾT ĐỊNH",
			"V/v tặng Bằng khen của Chủ tịch UBND tỉnh",
			"Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 02 cá nhân",
			"đã có thành tích xuất sắc trong công tác năm 2014.",
			"Điều 2. Mỗi tập thể được thưởng 2.300.000 đồng, mỗi cá nhân được thưởng 1.150.000 đồng.",
			"Điều 3. Chánh Văn phòng UBND tỉnh và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành./.",
			"TM. UỶ BAN NHÂN DÂN TỈNH",
			"CHỦ TỊCH",
			"Nguyễn Đức Cường",
		}, []string{
			"DANH SÁCH",
			"(Kèm theo Quyết định số 1205/QĐ-UB ngày 05/01/2015)",
			"I. TẬP THỂ",
			"1. Phòng Tư pháp huyện Gio Linh;",
			"II. CÁ NHÂN",
			"1. Ông Nguyễn Văn An, Trưởng phòng Tư pháp huyện Gio Linh, một chức danh rất dài để dòng phải xuống hàng trong văn bản;",
			"2. Bà Trần Thị Hoa, Chuyên viên Phòng Tư pháp huyện Gio Linh./.",
		})
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		d := res.Decision
		if d.Number != "1205/QĐ-UB" || d.Date != khenthuong.MustDate("2015-01-05") || d.FormCode != "BKCT" || d.SignerName != "Nguyễn Đức Cường" || d.SignerTitle != "TM. UỶ BAN NHÂN DÂN TỈNH\nCHỦ TỊCH" {
			t.Errorf("decision %q %v %q, signer %q %q", d.Number, d.Date, d.FormCode, d.SignerTitle, d.SignerName)
		}
		if len(d.Recipients) != 3 {
			t.Fatalf("%d recipients: %v", len(d.Recipients), res.Problems)
		}
		amounts := []int64{2_300_000, 1_150_000, 1_150_000}
		for i, r := range d.Recipients {
			if r.Amount != amounts[i] {
				t.Errorf("recipient %d %s: amount %d, want %d", i, r.Nominee.Name, r.Amount, amounts[i])
			}
		}
		if p := d.Recipients[1].Nominee.Position; !strings.HasSuffix(p, "xuống hàng trong văn bản") {
			t.Errorf("an entry wrapped over two lines reads %q", p)
		}
	})
	t.Run("OldWordDecisionWithTableInTCVN3", func(t *testing.T) {
		// Typed by hand in 2012: .VnTime text, the list as a table inside
		// Điều 1 with registry numbers and amounts, no "DANH SÁCH" page.
		body := []string{
			docxtest.Table([]docxtest.Cell{docxtest.C("UỶ BAN NHÂN DÂN TỈNH"), docxtest.C("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")}),
			docxtest.P("Số: 156/QĐ-UB"),
			docxtest.P("Đông Hà, ngày 12 tháng 3 năm 2012"),
			docxtest.P("QUYẾT ĐỊNH"),
			docxtest.P("V/v khen thưởng"),
			docxtest.P("Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 cá nhân có tên sau:"),
			docxtest.Table(
				[]docxtest.Cell{docxtest.C("TT"), docxtest.C("Họ và tên"), docxtest.C("Chức vụ, đơn vị"), docxtest.C("Số sổ vàng"), docxtest.C("Số tiền (đồng)")},
				[]docxtest.Cell{docxtest.C("1"), {Text: "¤ng NguyÔn V¨n T×nh", Font: ".VnTime"}, docxtest.C("Trưởng phòng, Sở Tư pháp"), docxtest.C("BK-2012-015"), docxtest.C("1.050.000")},
				[]docxtest.Cell{docxtest.C("2"), docxtest.C("Bà Lê Thị Hoa"), docxtest.C("Chuyên viên, Sở Tư pháp"), docxtest.C(""), docxtest.C("")},
			),
			docxtest.P("Điều 2. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này./."),
			docxtest.Table([]docxtest.Cell{docxtest.C("Nơi nhận:"), {Paras: []string{"TM. UỶ BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Đức Cường"}}}),
		}
		data, err := docxtest.Bytes(body...)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "qd-2012.docx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		d := res.Decision
		if d.Number != "156/QĐ-UB" || d.Date != khenthuong.MustDate("2012-03-12") || d.FormCode != "BKCT" || d.SignerName != "Nguyễn Đức Cường" || d.SignerTitle != "TM. UỶ BAN NHÂN DÂN\nCHỦ TỊCH" {
			t.Errorf("decision %q %v %q, signer %q %q", d.Number, d.Date, d.FormCode, d.SignerTitle, d.SignerName)
		}
		if len(d.Recipients) != 2 {
			t.Fatalf("%d recipients: %v", len(d.Recipients), res.Problems)
		}
		r := d.Recipients
		if r[0].Nominee.Name != "Nguyễn Văn Tình" || r[0].Nominee.Title != "Ông" || r[0].RegistryNo != "BK-2012-015" || r[0].Amount != 1_050_000 || r[1].RegistryNo != "" || r[1].Amount != 0 {
			t.Errorf("recipients %+v", r)
		}
		if len(res.Converted) != 1 {
			t.Errorf("the TCVN3 cell is not reported as converted: %+v", res.Converted)
		}
	})
	t.Run("ExcelListWithNumberAndDate", func(t *testing.T) {
		f := excelize.NewFile()
		rows := [][]any{
			{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Số sổ vàng", "Tiền thưởng"},
			{1, "Ông Nguyễn Văn An", "Trưởng phòng", "Sở Nội vụ", "BKCT-2019-0012", "1.490.000"},
			{2, "Bà Trần Thị Hoa", "Chuyên viên", "Sở Nội vụ", "", ""},
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, "ds.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		res, err := Read(path, Options{Forms: testForms(), FormCode: "BKCT", Number: "15/QĐ-UBND", Date: khenthuong.MustDate("2019-03-01")})
		if err != nil {
			t.Fatal(err)
		}
		d := res.Decision
		if d.Number != "15/QĐ-UBND" || len(d.Recipients) != 2 || d.Recipients[0].RegistryNo != "BKCT-2019-0012" || d.Recipients[0].Amount != 1_490_000 || d.Recipients[1].RegistryNo != "" || d.Recipients[1].Amount != 0 {
			t.Errorf("decision %+v", d)
		}
		without, err := Read(path, Options{Forms: testForms(), FormCode: "BKCT"})
		if err != nil {
			t.Fatal(err)
		}
		if without.HeaderErrors() != 2 {
			t.Errorf("a list without --number and --date: %v", without.Problems)
		}
	})
	t.Run("PartlyRecognisedReportedLineByLine", func(t *testing.T) {
		path := oldPDF(t, dir, []string{
			"Số: 77/QĐ-UBND", "Quảng Trị, ngày 3 tháng 4 năm 2018",
			"Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho các cá nhân có tên trong danh sách.",
			"CHỦ TỊCH", "Nguyễn Đức Chính",
			"DANH SÁCH",
			"1. Ông Nguyễn Văn An, Trưởng phòng Tư pháp;",
			"2. Khu dân cư số 5;",
			"3. Bà Trần Thị Hoa, Chuyên viên./.",
		})
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		if res.HeaderErrors() != 0 || res.Invalid() != 1 || len(res.Decision.Recipients) != 2 {
			t.Fatalf("header errors %d, invalid %d, recipients %d: %v", res.HeaderErrors(), res.Invalid(), len(res.Decision.Recipients), res.Problems)
		}
		found := false
		for _, p := range res.Problems {
			if p.Severity == roster.SeverityError && p.Row > 0 && p.Sheet == pdfSheet {
				found = true
			}
		}
		if !found {
			t.Errorf("the bad entry is not reported by its line: %v", res.Problems)
		}
	})
}

func TestReadDecisionRefusals(t *testing.T) {
	dir := t.TempDir()
	// A scan: a page with only an image.
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.Rect(10, 10, 100, 100, "F")
	scan := filepath.Join(dir, "scan.pdf")
	if err := pdf.OutputFileAndClose(scan); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "cu.doc")
	if err := os.WriteFile(doc, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "hong.pdf")
	if err := os.WriteFile(broken, []byte("not a pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("word/document.xml")
	fmt.Fprint(w, `<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Không có gì</w:t></w:r></w:p></w:body></w:document>`)
	zw.Close()
	empty := filepath.Join(dir, "trong.docx")
	if err := os.WriteFile(empty, zbuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{scan, "bản quét"}, {doc, "lưu thành .docx"}, {broken, "không phải PDF"},
	} {
		_, err := Read(c.path, Options{Forms: testForms()})
		if err == nil || khenthuong.ErrorCode(err) != khenthuong.EINVALID || !strings.Contains(khenthuong.ErrorMessage(err), c.want) || !strings.Contains(khenthuong.ErrorMessage(err), filepath.Base(c.path)) {
			t.Errorf("%s: %v", filepath.Base(c.path), err)
		}
	}
	res, err := Read(empty, Options{Forms: testForms()})
	if err != nil || res.HeaderErrors() < 2 || len(res.Decision.Recipients) != 0 {
		t.Errorf("a document with nothing recognisable: %v %+v", err, res)
	}
}

func FuzzPDFText(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] >> endobj\n3 0 obj << /Type /Page /Contents 4 0 R >> endobj\n4 0 obj << /Length 20 >> stream\nBT (Hello) Tj ET\nendstream endobj"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if pages, err := pdfLines(data, "f.pdf"); err == nil {
			_ = tableRows(pages)
		}
	})
}

// FuzzRecognise: any text, as a document's lines, is read without a panic.
func FuzzRecognise(f *testing.F) {
	f.Add("Số: 2871/QĐ-UBND\tQuảng Trị, ngày 02 tháng 6 năm 2024\nĐiều 1. Tặng Bằng khen cho\nKT. CHỦ TỊCH\nHoàng Nam\nDANH SÁCH\nI. TẬP THỂ\n1. Phòng A;")
	f.Add("DANH SÁCH")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		h := recognise(lines, Options{Forms: testForms()})
		_ = listLines(lines)
		if h.number != "" && !strings.Contains(h.number, "/") && !strings.Contains(s, "uyết") {
			t.Errorf("number %q from %q", h.number, s)
		}
	})
}
