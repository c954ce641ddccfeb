package roster

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"khenthuong"
	"khenthuong/vntext"
)

var updateSeeds = flag.Bool("update-seeds", false, "rewrite the fuzz seed corpus in testdata/fuzz")

// checkImport holds the promises Read makes whatever the input.
func checkImport(t *testing.T, im *Import, err error) {
	t.Helper()
	if err != nil {
		if khenthuong.ErrorCode(err) != khenthuong.EINVALID || im != nil {
			t.Fatalf("error %v (%s), import %v: want EINVALID and no import", err, khenthuong.ErrorCode(err), im)
		}
		return
	}
	for _, p := range im.Problems {
		if p.Message == "" || (p.Severity != SeverityError && p.Severity != SeverityWarning) || p.Row < 0 {
			t.Fatalf("bad problem %+v", p)
		}
		if !utf8.ValidString(p.String()) {
			t.Fatalf("problem is not UTF-8: %q", p.String())
		}
	}
	for _, r := range im.Rows {
		n := r.Nomination
		if r.Line < 1 || n.CampaignID != 0 || n.Status != khenthuong.StatusSubmitted {
			t.Fatalf("bad row %+v", r)
		}
		for _, s := range []string{n.Nominee.Name, n.Nominee.Title, n.Nominee.Unit, n.Nominee.Position, n.ProposingUnit} {
			if s != vntext.Clean(s) {
				t.Fatalf("row %d: %q is not clean", r.Line, s)
			}
		}
		if !r.Invalid {
			n.CampaignID = 1
			if err := n.Validate(); err != nil {
				t.Fatalf("row %d is valid but Validate says %v: %+v", r.Line, err, n)
			}
		}
	}
	im.CheckDuplicates(im.Nominations())
}

func fuzzOptions() ReadOptions {
	return ReadOptions{Forms: testForms(), Today: testToday, MaxRows: 300, MaxCellLen: 400}
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"STT;Họ và tên;Năm sinh;Đơn vị;Hình thức\n1;Ông Nguyễn Văn An;1970;Sở Nội vụ;BKCT\n",
		"\uFEFFSTT,Loại,Họ và tên,Ngày sinh\nI,TẬP THỂ\n1,Tập thể,Phòng Tư pháp,\n\"2\",Cá nhân,\"Lê, Văn\",31/02/1980\n",
		"sep=;\nTT;Họ tên;Nam;Nữ\n1;A;1970;x\n#N/A;#N/A;#N/A;#N/A\nTổng cộng\n",
		"STT\tHọ và tên\tĐơn vị\n1\tNguy\u00d4n V\u00a8n T\u00d7nh\tTr\u00b9m Y t\u00d5\n",
		"\"unterminated;quote\n1;2",
		"STT;Họ và tên;Chức vụ\n1;=HYPERLINK(\"http://x\";\"a\");@SUM(1+1)\n2;-2+3+cmd|' /C calc'!A0;+1\n", // issue 17
	} {
		f.Add([]byte(s))
	}
	f.Add(append([]byte("STT,H\xe4 v\xb5 t\xaan,N\xa8m sinh\n1,Nguy\xean\xde\n"), 0x80, 0xff))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := ReadCSV(bytes.NewReader(data), "fuzz.csv", fuzzOptions())
		checkImport(t, im, err)
	})
}

// FuzzReadXLSX feeds ReadXLSX raw bytes (broken zips, hostile XML) and, to
// reach the sheet logic past the zip checksums, a workbook built from a
// table: rows split on "\n", cells on "|", a cell "font:NAME:text" styled.
func FuzzReadXLSX(f *testing.F) {
	// Small limits: the fuzzer soon learns to declare parts of hundreds of megabytes.
	saved := zipLimits
	zipLimits.total, zipLimits.xml, zipLimits.inMemory = 8<<20, 1<<20, 4<<20
	f.Cleanup(func() { zipLimits = saved })
	f.Fuzz(func(t *testing.T, raw []byte, table string) {
		im, err := ReadXLSX(bytes.NewReader(raw), "fuzz.xlsx", fuzzOptions())
		checkImport(t, im, err)
		if len(table) > 4000 {
			return
		}
		b := xlsxBytes(t, tableSheet(table))
		im, err = ReadXLSX(bytes.NewReader(b), "table.xlsx", fuzzOptions())
		checkImport(t, im, err)
	})
}

// FuzzReadXLS: damaged .xls files, the input read both as a whole file (the
// compound file) and as a workbook stream in a valid container (the BIFF
// records).
func FuzzReadXLS(f *testing.F) {
	stream := xlsBookOf(f, unitFile()).xlsStream(200)
	f.Add(compoundFile("Workbook", stream))
	f.Add(stream)
	// What web systems send under an .xls name: a page, an XML Spreadsheet.
	f.Add([]byte(`<html><table><tr><th>STT</th><th>Họ và tên</th><th>Đơn vị</th></tr><tr><td>1</td><td>Lê Văn An</td><td rowspan="2" colspan="2">Sở Nội vụ</td></tr></table>`))
	f.Add([]byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">STT</Data></Cell><Cell><Data ss:Type="String">Họ và tên</Data></Cell></Row><Row ss:Index="3"><Cell ss:Index="2" ss:MergeDown="2"><Data ss:Type="String">Lê Văn An</Data></Cell></Row></Table></Worksheet></Workbook>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		im, err := ReadXLS(bytes.NewReader(raw), "fuzz.xls", fuzzOptions())
		checkImport(t, im, err)
		im, err = ReadXLS(bytes.NewReader(compoundFile("Workbook", raw)), "biff.xls", fuzzOptions())
		checkImport(t, im, err)
	})
}

// FuzzReadODS: damaged OpenDocument spreadsheets.
func FuzzReadODS(f *testing.F) {
	for _, name := range []string{"UnitFile.ods", "LegacyFonts.ods"} {
		b, err := os.ReadFile(filepath.Join("testdata", "libreoffice", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		im, err := ReadODS(bytes.NewReader(raw), "fuzz.ods", fuzzOptions())
		checkImport(t, im, err)
	})
}

func tableSheet(table string) xsheet {
	s := xsheet{name: "Sheet1"}
	for i, line := range strings.Split(table, "\n") {
		if i >= 60 {
			break
		}
		var row []any
		for j, c := range strings.Split(line, "|") {
			if j >= 30 {
				break
			}
			c = strings.ToValidUTF8(c, "?")
			if font, text, ok := strings.Cut(strings.TrimPrefix(c, "font:"), ":"); ok && strings.HasPrefix(c, "font:") && validFont(font) {
				row = append(row, fc{xmlSafe(text), font})
				continue
			}
			if n, err := strconv.ParseFloat(c, 64); err == nil && !strings.ContainsAny(c, "nN") {
				row = append(row, n)
				continue
			}
			row = append(row, xmlSafe(c))
		}
		s.rows = append(s.rows, row)
	}
	return s
}

func validFont(name string) bool {
	if name == "" || len(name) > 20 {
		return false
	}
	for _, r := range name {
		if !(r == '.' || r == '-' || r == ' ' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// xmlSafe drops the characters XML 1.0 cannot hold, which no real cell has.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r < 0xD800 || r >= 0xE000 && r < 0xFFFE || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return -1
	}, s)
}

// seedTables are the FuzzReadXLSX tables kept in testdata/fuzz.
var seedTables = []string{
	"DANH SÁCH\nSTT|Họ và tên|Năm sinh||Chức vụ, đơn vị công tác|Hình thức\n||Nam|Nữ\n(1)|(2)|(3)|(4)|(5)|(6)\nI|TẬP THỂ\n1|Phòng Tư pháp|||UBND huyện|BKCT\nII. CÁ NHÂN\n1|Ông Lê Văn A|1970||Chuyên viên|CSTĐ cấp tỉnh\n2|Bà Lê Thị B||x|Kế toán|Giấy khen\n#N/A|#N/A\nTổng cộng",
	"font:.VnTime:STT|font:.VnTime:H\u00e4 v\u00b5 t\u00aan|font:.VnTime:\u00a7\u00acn v\u00de\n1|font:.VnTime:Nguy\u00d4n V\u00a8n T\u00d7nh|font:VNI-Times:Nguye\u00e3n\n2|font:.VnTimeH:quy\u00d5t|Minh H\u00f3a",
	"TT|Loại|Tên|Giới tính|Ngày sinh|Đơn vị|Hình thức|Tờ trình số|Ngày tờ trình\n1|Hộ gia đình|Hộ ông A|Nam|31/02/1980|Thôn 1|Cờ thi đua|1/TTr|32/13/2020\n2|XYZ||Khác|5/1/75|||\n3|Cá nhân|A|Nữ|2099|B|Bằng khen|x|27399",
}

func TestWriteFuzzSeeds(t *testing.T) {
	if !*updateSeeds {
		t.Skip("run with -update-seeds to rewrite testdata/fuzz")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzReadXLSX")
	must(t, os.MkdirAll(dir, 0o755))
	raws := []struct {
		name string
		raw  []byte
	}{
		{"unit_file", xlsxBytes(t, unitFile())},
		{"legacy", xlsxBytes(t, tableSheet(seedTables[1]))},
		{"not_a_zip", []byte("PK\x03\x04\x14\x00\x00\x00garbage")},
		{"ole_header", append(append([]byte{}, oleMagic...), make([]byte, 64)...)},
		{"empty", nil},
		{"export_round", exportSeed(t)},
	}
	for i, s := range raws {
		name, raw, table := s.name, s.raw, seedTables[i%len(seedTables)]
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%s)\nstring(%s)\n", strconv.Quote(string(raw)), strconv.Quote(table))
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	csvDir := filepath.Join("testdata", "fuzz", "FuzzReadCSV")
	must(t, os.MkdirAll(csvDir, 0o755))
	var buf bytes.Buffer
	must(t, WriteCSV(&buf, CampaignRows(sampleNominations()), ExportOptions{Forms: testForms(), Sep: ';'}))
	for name, raw := range map[string][]byte{
		"export_bom":   buf.Bytes(),
		"windows1258":  cp1258(t, "STT,Họ và tên,Ngày sinh,Đơn vị,Hình thức\n1,Nguyễn Thị Như Quỳnh,1980,Sở Tư pháp,BKCT\n"),
		"quoted_lines": []byte("STT,Họ và tên,Thành tích\n1,\"A\nB\",\"x\"\"y\"\n\n\n2,C,D\n"),
	} {
		must(t, os.WriteFile(filepath.Join(csvDir, name), []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%s)\n", strconv.Quote(string(raw)))), 0o644))
	}
}

func exportSeed(t *testing.T) []byte {
	var buf bytes.Buffer
	must(t, WriteXLSX(&buf, CampaignRows(sampleNominations()[:3]), ExportOptions{Forms: testForms()}))
	return buf.Bytes()
}
