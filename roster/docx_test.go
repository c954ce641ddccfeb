package roster

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/roster/docxtest"
)

// Word documents as units write them, built with package docxtest.
type dcell = docxtest.Cell

func dc(text string) dcell { return docxtest.C(text) }

func dpara(text string, numbered bool, font string) string {
	return docxtest.Para(text, numbered, font)
}

func dp(text string) string { return docxtest.P(text) }

func dtable(rows ...[]dcell) string { return docxtest.Table(rows...) }

func docxBytes(t testing.TB, body ...string) []byte {
	t.Helper()
	b, err := docxtest.Bytes(body...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeDOCX(t testing.TB, dir, name string, body ...string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	must(t, os.WriteFile(path, docxBytes(t, body...), 0o644))
	return path
}

func span(text string, n int) dcell { return docxtest.Span(text, n) }

// unitDocx is a list as a Sở attaches it to its Tờ trình: a title naming the
// Tờ trình, a table with a two-level header ("Năm sinh" over "Nam" | "Nữ",
// the other headers merged down), section rows spanning the table, a name
// in TCVN3 typed in .VnTime, a totals row; then a heading and a second
// table with columns of its own; then a third table, the first one's
// continuation across a page, with no header.
func unitDocx() []string {
	return []string{
		dp("SỞ TƯ PHÁP"),
		dp("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"),
		dp("(Kèm theo Tờ trình số 45/TTr-STP ngày 02/6/2024 của Sở Tư pháp)"),
		dtable(
			[]dcell{{Text: "STT", VM: "restart"}, {Text: "Họ và tên", VM: "restart"}, span("Năm sinh", 2), {Text: "Chức vụ, đơn vị công tác", VM: "restart"}, {Text: "Hình thức khen thưởng", VM: "restart"}},
			[]dcell{{VM: "cont"}, {VM: "cont"}, dc("Nam"), dc("Nữ"), {VM: "cont"}, {VM: "cont"}},
			[]dcell{span("I. TẬP THỂ", 6)},
			[]dcell{dc("1"), dc("Phòng Hành chính tư pháp"), dc(""), dc(""), dc("Sở Tư pháp"), {Text: "Bằng khen của Chủ tịch UBND tỉnh", VM: "restart"}},
			[]dcell{span("II. CÁ NHÂN", 6)},
			[]dcell{dc("1"), {Paras: []string{"Ông Trương Quang Sáng"}}, dc("1975"), dc(""), dc("Phó Giám đốc Sở Tư pháp"), {Text: "Bằng khen của Chủ tịch UBND tỉnh", VM: "restart"}},
			[]dcell{dc("2"), {Text: "Nguy\u00d4n V\u00a8n T\u00d7nh", Font: ".VnTime"}, dc(""), dc(""), dc("Chuyên viên Văn phòng Sở"), {VM: "cont"}},
			[]dcell{dc("3"), dc("Lê Thị Hoa"), dc(""), dc("1980"), dc("Chuyên viên Phòng Hành chính tư pháp"), {VM: "cont"}},
			[]dcell{span("Tổng cộng: 01 tập thể, 03 cá nhân", 6)},
		),
		dp(""),
		dp("III. HỘ GIA ĐÌNH"),
		dtable(
			[]dcell{dc("STT"), dc("Tên hộ gia đình"), dc("Địa chỉ"), dc("Hình thức khen thưởng")},
			[]dcell{dc("1"), dc("Hộ ông Cao Văn Đức"), dc("Thôn Tân Lịch, xã Ngư Hóa"), dc("Bằng khen của Chủ tịch UBND tỉnh")},
		),
		dp("Quảng Trị, ngày 02 tháng 6 năm 2024"),
		dp("GIÁM ĐỐC"),
	}
}

func TestReadDOCX(t *testing.T) {
	sub := func(n khenthuong.Nomination) khenthuong.Nomination {
		n.SubmissionNo, n.ProposingUnit, n.SubmissionDate = "45/TTr-STP", "Sở Tư pháp", khenthuong.MustDate("2024-06-02")
		return n
	}
	household := khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Cao Văn Đức", Address: "Thôn Tân Lịch, xã Ngư Hóa"}, FormCode: "BKCT"}
	tests := []struct {
		name string
		body []string
		want []wantRow
	}{
		{
			name: "TablesWithMergedHeadersSectionsAndTotals",
			body: unitDocx(),
			want: []wantRow{
				{sheet: "Bảng 1", line: 4, n: sub(collective("Phòng Hành chính tư pháp", "Sở Tư pháp", "BKCT"))},
				{sheet: "Bảng 1", line: 6, n: sub(person("Ông", "Trương Quang Sáng", khenthuong.Male, "1975", "Phó Giám đốc Sở Tư pháp", "", "BKCT"))},
				{sheet: "Bảng 1", line: 7, n: sub(person("", "Nguyễn Văn Tình", khenthuong.Male, "", "Chuyên viên Văn phòng Sở", "", "BKCT"))},
				{sheet: "Bảng 1", line: 8, n: sub(person("", "Lê Thị Hoa", khenthuong.Female, "1980", "Chuyên viên Phòng Hành chính tư pháp", "", "BKCT"))},
				{sheet: "Bảng 2", line: 2, n: household},
			},
		},
		{
			name: "TableBrokenAcrossPagesKeepsItsHeader",
			body: []string{
				dp("II. CÁ NHÂN"),
				dtable(
					[]dcell{dc("STT"), dc("Họ và tên"), dc("Chức vụ"), dc("Đơn vị"), dc("Hình thức")},
					[]dcell{dc("1"), dc("Ông Nguyễn Văn An"), dc("Trưởng phòng"), dc("Sở Nội vụ"), dc("BKCT")},
				),
				dp(""),
				dtable(
					[]dcell{dc("2"), dc("Bà Trần Thị Bình"), dc("Phó Trưởng phòng"), dc("Sở Nội vụ"), dc("BKCT")},
				),
			},
			want: []wantRow{
				{sheet: "Bảng 1", line: 2, n: person("Ông", "Nguyễn Văn An", khenthuong.Male, "", "Trưởng phòng", "Sở Nội vụ", "BKCT")},
				{sheet: "Bảng 2", line: 1, n: person("Bà", "Trần Thị Bình", khenthuong.Female, "", "Phó Trưởng phòng", "Sở Nội vụ", "BKCT")},
			},
		},
		{
			name: "NumberedParagraphsUnderSectionHeadings",
			body: []string{
				dp("DANH SÁCH"),
				dp("Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
				dp("(Kèm theo Tờ trình số 45/TTr-STP ngày 02/6/2024 của Sở Tư pháp)"),
				dp("I. TẬP THỂ"),
				dp("1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;"),
				dp("II. CÁ NHÂN"),
				dp("1. Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp;"),
				dpara("Đại tá Lê Văn Tiến, Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh./.", true, ""),
				dp("III. HỘ GIA ĐÌNH"),
				dp("1. Hộ ông Cao Văn Đức, thôn Tân Lịch, xã Ngư Hóa./."),
			},
			want: []wantRow{
				{sheet: paragraphListSheet, line: 3, n: sub(collective("Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp", "BKCT"))},
				{sheet: paragraphListSheet, line: 5, n: sub(person("Ông", "Trương Quang Sáng", khenthuong.Male, "", "Phó Giám đốc Sở Tư pháp", "", "BKCT"))},
				{sheet: paragraphListSheet, line: 6, n: sub(person("Đại tá", "Lê Văn Tiến", khenthuong.Male, "", "Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "", "BKCT"))},
				{sheet: paragraphListSheet, line: 8, n: sub(khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Cao Văn Đức", Address: "thôn Tân Lịch, xã Ngư Hóa"}, FormCode: "BKCT"})},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeDOCX(t, t.TempDir(), "danh sach.docx", tt.body...)
			im, err := Read(path, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if im.Errors() > 0 {
				t.Errorf("errors:%s", problemsOf(im))
			}
			checkRows(t, im, tt.want)
			if t.Failed() {
				t.Logf("problems:%s", problemsOf(im))
			}
		})
	}

	t.Run("LegacyEncodingReported", func(t *testing.T) {
		im, err := Read(writeDOCX(t, t.TempDir(), "a.docx", unitDocx()...), testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if len(im.Converted) != 1 || im.Converted[0].To != "Nguyễn Văn Tình" || im.Converted[0].Sheet != "Bảng 1" || im.Converted[0].Row != 7 {
			t.Errorf("conversions %+v", im.Converted)
		}
	})

	t.Run("Refusals", func(t *testing.T) {
		dir := t.TempDir()
		doc := filepath.Join(dir, "cu.doc")
		must(t, os.WriteFile(doc, append(append([]byte{}, oleMagic...), make([]byte, 512)...), 0o644))
		renamed := filepath.Join(dir, "doi ten.docx")
		must(t, os.WriteFile(renamed, append(append([]byte{}, oleMagic...), make([]byte, 512)...), 0o644))
		broken := filepath.Join(dir, "hong.docx")
		must(t, os.WriteFile(broken, []byte("PK\x03\x04 not a zip"), 0o644))
		for _, c := range []struct{ path, want string }{
			{doc, "lưu thành .docx"}, {renamed, "lưu thành .docx"}, {broken, "bị hỏng"},
		} {
			_, err := Read(c.path, testOptions())
			if err == nil || !strings.Contains(khenthuong.ErrorMessage(err), c.want) || !strings.Contains(khenthuong.ErrorMessage(err), filepath.Base(c.path)) {
				t.Errorf("%s: %v", filepath.Base(c.path), err)
			}
		}
	})
}

// A list pasted into the window reads as the same list in a file does.
func TestReadTextLikeTheFile(t *testing.T) {
	dir := t.TempDir()
	fromFile := func(path string) *Import {
		im, err := Read(path, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		return im
	}
	// Excel copies a range as tab-separated rows, cells with line breaks quoted.
	rows := [][]any{
		{"STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Thành tích"},
		{1, "Ông Nguyễn Văn An", "12/05/1970", "Trưởng phòng", "Sở Nội vụ", "BKCT", "Hoàn thành xuất sắc\nnhiệm vụ năm 2024"},
		{2, "Bà Trần Thị Bình", "31/02/1980", "Chuyên viên", "Sở Nội vụ", "BKCT", ""},
	}
	var tsv strings.Builder
	for _, r := range rows {
		for c, v := range r {
			if c > 0 {
				tsv.WriteString("\t")
			}
			s := fmt.Sprint(v)
			if strings.Contains(s, "\n") {
				s = `"` + s + `"`
			}
			tsv.WriteString(s)
		}
		tsv.WriteString("\r\n")
	}
	paragraphs := []string{
		"DANH SÁCH", "Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
		"I. TẬP THỂ", "1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;",
		"II. CÁ NHÂN", "1. Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp;", "2. Bà Lê Thị Hoa, Chuyên viên Sở Tư pháp./.",
	}
	var body []string
	for _, p := range paragraphs {
		body = append(body, dp(p))
	}
	tests := []struct {
		name  string
		file  *Import
		paste string
	}{
		{"FromExcel", fromFile(writeXLSX(t, dir, "a.xlsx", xsheet{name: "DS", rows: rows})), tsv.String()},
		{"FromWordParagraphs", fromFile(writeDOCX(t, dir, "b.docx", body...)), strings.Join(paragraphs, "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadText(tt.paste, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Rows) == 0 || len(got.Rows) != len(tt.file.Rows) {
				t.Fatalf("pasted %d rows, file %d:%s", len(got.Rows), len(tt.file.Rows), problemsOf(got))
			}
			for i := range got.Rows {
				if d := nominationDiff(got.Rows[i].Nomination, tt.file.Rows[i].Nomination); len(d) > 0 || got.Rows[i].Invalid != tt.file.Rows[i].Invalid {
					t.Errorf("row %d: %v (invalid %v, file %v)", i, d, got.Rows[i].Invalid, tt.file.Rows[i].Invalid)
				}
			}
			if got.Errors() != tt.file.Errors() || got.Warnings() != tt.file.Warnings() {
				t.Errorf("pasted: %d errors %d warnings, file: %d, %d\npasted:%s\nfile:%s", got.Errors(), got.Warnings(), tt.file.Errors(), tt.file.Warnings(), problemsOf(got), problemsOf(tt.file))
			}
		})
	}
	t.Run("WordNumberingCopiedWithTabs", func(t *testing.T) {
		// Word puts a tab after the numbers of its own list numbering.
		var lines []string
		for _, p := range paragraphs {
			if strings.HasPrefix(p, "1. ") || strings.HasPrefix(p, "2. ") || strings.HasPrefix(p, "I. ") || strings.HasPrefix(p, "II. ") {
				num, rest, _ := strings.Cut(p, " ")
				p = num + "\t" + rest
			}
			lines = append(lines, p)
		}
		got, err := ReadText(strings.Join(lines, "\r\n"), testOptions())
		if err != nil {
			t.Fatal(err)
		}
		file := tests[1].file
		if len(got.Rows) != len(file.Rows) || got.Errors() != 0 {
			t.Fatalf("%d rows, want %d:%s", len(got.Rows), len(file.Rows), problemsOf(got))
		}
		for i := range got.Rows {
			if d := nominationDiff(got.Rows[i].Nomination, file.Rows[i].Nomination); len(d) > 0 {
				t.Errorf("row %d: %v", i, d)
			}
		}
	})
	t.Run("ChatMessageWithoutHeadings", func(t *testing.T) {
		im, err := ReadText("Gửi anh danh sách:\n1. Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp\n2. Bà Lê Thị Hoa, Chuyên viên Sở Tư pháp", ReadOptions{Forms: testForms(), Today: testToday, DefaultForm: "BKCT"})
		if err != nil {
			t.Fatal(err)
		}
		checkRows(t, im, []wantRow{
			{line: 2, n: person("Ông", "Trương Quang Sáng", khenthuong.Male, "", "Phó Giám đốc Sở Tư pháp", "", "BKCT")},
			{line: 3, n: person("Bà", "Lê Thị Hoa", khenthuong.Female, "", "Chuyên viên Sở Tư pháp", "", "BKCT")},
		})
	})
}

func FuzzReadDOCX(f *testing.F) {
	f.Add(docxBytes(f, unitDocx()...))
	f.Add(docxBytes(f, dp("I. TẬP THỂ"), dp("1. Phòng A;")))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := ReadDOCX(bytes.NewReader(data), "f.docx", testOptions())
		if err == nil && im == nil {
			t.Fatal("nil import without an error")
		}
	})
}

func FuzzReadText(f *testing.F) {
	f.Add("STT\tHọ và tên\tChức vụ\n1\tÔng A\tB")
	f.Add("II. CÁ NHÂN\n1. Ông A, Trưởng phòng;")
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := ReadText(s, testOptions()); err != nil {
			t.Fatal(err)
		}
	})
}
