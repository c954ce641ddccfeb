package roster

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// xlsBookOf is the .xls twin of sheets as xlsxBytes writes them.
func xlsBookOf(t testing.TB, sheets ...xsheet) xlsBook {
	t.Helper()
	bk := xlsBook{fonts: []string{"Arial"}}
	fontIndex := map[string]int{"": 0}
	font := func(name string) int {
		if i, ok := fontIndex[name]; ok {
			return i
		}
		fontIndex[name] = len(bk.fonts)
		bk.fonts = append(bk.fonts, name)
		return fontIndex[name]
	}
	for _, s := range sheets {
		spec := xlsSheetSpec{name: s.name, hidden: s.hidden}
		for _, r := range s.hiddenRows {
			spec.hiddenRows = append(spec.hiddenRows, r-1)
		}
		for _, c := range s.hiddenCols {
			n, err := excelize.ColumnNameToNumber(c)
			must(t, err)
			spec.hiddenCols = append(spec.hiddenCols, n-1)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				f := s.defaultFont
				if x, ok := v.(fc); ok {
					v, f = x.v, x.font
				}
				if tm, ok := v.(time.Time); ok {
					v = tm.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
				}
				spec.cells = append(spec.cells, xlsCell{row: r, col: c, value: v, font: font(f)})
			}
		}
		for _, m := range s.merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
			c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
			if err1 != nil || err2 != nil {
				t.Fatalf("merge %v", m)
			}
			spec.merges = append(spec.merges, [4]int{r1 - 1, r2 - 1, c1 - 1, c2 - 1})
		}
		bk.sheets = append(bk.sheets, spec)
	}
	return bk
}

// importJSON is what the clerk sees of an import, file name aside.
func importJSON(t testing.TB, im *Import) string {
	t.Helper()
	b, err := json.MarshalIndent(struct {
		Sheets    []Sheet
		Rows      []Row
		Problems  []Problem
		Converted []Conversion
		Unknown   []string
		Mapping   Mapping
	}{im.Sheets, im.Rows, im.Problems, im.Converted, im.Unknown, im.Mapping}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// xlsTwinCases are lists written both as .xlsx and as .xls by the tests.
func xlsTwinCases() map[string][]xsheet {
	longName := strings.Repeat("Trường Trung học phổ thông chuyên Lê Quý Đôn ", 40) // a string split over CONTINUE records
	return map[string][]xsheet{
		"UnitFile": {unitFile()},
		"LegacyFonts": {{
			name: "TCVN3",
			rows: [][]any{
				{fc{"quy\u00d5t \u00ae\u00denh", ".VnTimeH"}},
				{fc{"STT", ".VnTime"}, fc{"H\u00e4 v\u00b5 t\u00aan", ".VnTime"}, fc{"N\u00a8m sinh", ".VnTime"}, fc{"\u00a7\u00acn v\u00de", ".VnTime"}},
				{1, fc{"Nguy\u00d4n V\u00a8n T\u00d7nh", ".VnTime"}, 1970, fc{"Minh H\u00f3a", ".VnTime"}},
				{2, fc{"Nguye\u00e3n Th\u00f2 Nh\u00f6 Quy\u00f8nh", "VNI-Times"}, 1982, fc{"Ke\u00e1 toa\u00f9n", "VNI-Times"}},
				{3, "Hoàng Thị Mỹ Linh", 1990, "Trạm Y tế xã Ngư Hóa"},
			},
		}},
		"DefaultFontVnTime": {{
			name: "Sheet1", defaultFont: ".VnTime",
			rows: [][]any{{"STT", "H\u00e4 v\u00b5 t\u00aan", "\u00a7\u00acn v\u00de"}, {1, "Minh H\u00e3a", "Ph\u00dfng T\u00ad ph\u00b8p"}},
		}},
		"SheetsAndLongStrings": {
			{name: "Danh sách", rows: [][]any{
				{"STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Hình thức khen thưởng", "Đơn vị cũ"}, // F hidden: not read
				{1, "Lê Văn An", time.Date(1975, 3, 8, 0, 0, 0, 0, time.UTC), longName, "BKCT", "Sở Y tế cũ"},
				{2, "Trần Thị Bình", 1980.0, "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh"},
				{3, "Ngô Văn Cường", "12/5/1969", "Sở Y tế", "CSTĐ cấp tỉnh"},
				{4, "Đinh Văn Dũng", 1972, "Sở Y tế", "BKCT"}, // filtered out by the unit
			}, hiddenRows: []int{5}, hiddenCols: []string{"F"}},
			{name: "Ẩn", hidden: true, rows: [][]any{{"STT", "Họ và tên"}, {1, "Không đọc"}}},
		},
	}
}

// TestReadXLSReadsAsTheXLSX: a list saved as .xls reads exactly as the same
// list saved as .xlsx: rows, problems, conversions of TCVN3 and VNI text
// (told by the cells' fonts), merged cells, hidden sheets.
func TestReadXLSReadsAsTheXLSX(t *testing.T) {
	cases := xlsTwinCases()
	for name, sheets := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			opts := testOptions()
			opts.DefaultForm = "BKCT"
			want, err := Read(writeXLSX(t, dir, "ds.xlsx", sheets...), opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(xlsFile(t, dir, "ds.xls", xlsBookOf(t, sheets...)), opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Rows) == 0 {
				t.Fatal("the .xlsx twin reads no rows: the case tests nothing")
			}
			if g, w := importJSON(t, got), importJSON(t, want); g != w {
				t.Errorf(".xls reads\n%s\nthe .xlsx\n%s", g, w)
			}
		})
	}
}

// TestReadXLSSharedStringsOverContinue: strings split at every place a
// CONTINUE record can cut them, in 8-bit and UTF-16 runs.
func TestReadXLSSharedStringsOverContinue(t *testing.T) {
	var rows [][]any
	rows = append(rows, []any{"STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng"})
	var want []string
	for i := 1; i <= 60; i++ {
		unit := fmt.Sprintf("Phong %d %s", i, strings.Repeat("x", i%7)) // 8-bit
		if i%2 == 0 {
			unit = fmt.Sprintf("Phòng %d %s", i, strings.Repeat("ữ", i%5)) // UTF-16
		}
		rows = append(rows, []any{i, fmt.Sprintf("Nguyễn Văn %d", i), unit, "BKCT"})
		want = append(want, strings.TrimSpace(unit))
	}
	bk := xlsBookOf(t, xsheet{name: "S", rows: rows})
	for _, limit := range []int{40, 41, 57, 8224} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ds.xls")
			must(t, writeFile(path, compoundFile("Workbook", bk.xlsStream(limit))))
			im, err := Read(path, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if len(im.Rows) != len(want) {
				t.Fatalf("%d rows, want %d:%s", len(im.Rows), len(want), problemsOf(im))
			}
			for i, r := range im.Rows {
				if got := r.Nomination.Nominee.Unit; got != want[i] {
					t.Errorf("row %d unit %q, want %q", r.Line, got, want[i])
				}
			}
		})
	}
}

// TestReadXLSValues: formula results, error cells and numbers as RK.
func TestReadXLSValues(t *testing.T) {
	bk := xlsBook{sheets: []xlsSheetSpec{{name: "S", cells: []xlsCell{
		{row: 0, col: 0, value: "STT"}, {row: 0, col: 1, value: "Họ và tên"}, {row: 0, col: 2, value: "Năm sinh"}, {row: 0, col: 3, value: "Chức vụ"},
		{row: 1, col: 0, value: 1}, {row: 1, col: 1, value: xlsFormulaText("Phạm Thị Dung")}, {row: 1, col: 2, value: 1985}, {row: 1, col: 3, value: xlsErr(0x2A)},
		{row: 2, col: 0, value: 2}, {row: 2, col: 1, value: "Võ Văn Em"}, {row: 2, col: 2, value: 1971.0}, {row: 2, col: 3, value: "Chuyên viên"},
	}}}}
	opts := testOptions()
	opts.DefaultForm = "BKCT"
	im, err := Read(xlsFile(t, t.TempDir(), "ct.xls", bk), opts)
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, im, []wantRow{
		{line: 2, n: person("", "Phạm Thị Dung", khenthuong.Female, "1985", "", "", "BKCT")},
		{line: 3, n: person("", "Võ Văn Em", khenthuong.Male, "1971", "Chuyên viên", "", "BKCT")},
	})
	found := false
	for _, p := range im.Problems {
		found = found || p.Row == 2 && strings.HasPrefix(p.Column, "D") && strings.Contains(p.Message, "lỗi công thức")
	}
	if !found {
		t.Errorf("the #N/A cell is not reported:%s", problemsOf(im))
	}
}

// TestReadXLSRefusals: what cannot be read says why and how to fix it.
func TestReadXLSRefusals(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		must(t, os.WriteFile(path, b, 0o644))
		return path
	}
	good := compoundFile("Workbook", xlsBookOf(t, unitFile()).xlsStream(8224))
	stream := xlsBookOf(t, unitFile()).xlsStream(8224)
	// FILEPASS right after the BOF: the workbook has a password.
	withPass := append(append(append([]byte(nil), stream[:20]...), rec(recFilePass, make([]byte, 6))...), stream[20:]...)
	old := append([]byte(nil), stream...)
	old[4], old[5] = 0x00, 0x05 // BIFF5
	cases := []struct {
		name, path, want string
	}{
		{"Password", write("mk.xls", compoundFile("Workbook", withPass)), "có đặt mật khẩu"},
		{"PasswordXLSX", write("mk.xlsx", compoundFile("EncryptedPackage", make([]byte, 100))), "có đặt mật khẩu"},
		{"Excel95", write("cu.xls", compoundFile("Book", stream)), "Excel 5.0/95"},
		{"Excel95Version", write("cu2.xls", compoundFile("Workbook", old)), "Excel 5.0/95"},
		{"Truncated", write("cut.xls", good[:len(good)/2]), "bị hỏng"},
		{"NotExcel", write("rac.xls", []byte("not a workbook at all")), "bị hỏng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.path, testOptions())
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), filepath.Base(c.path)) {
				t.Errorf("error %v, want one naming the file and saying %q", err, c.want)
			}
		})
	}
	// The same .xls renamed .xlsx or .csv still reads.
	for _, name := range []string{"doi-ten.xlsx", "doi-ten.csv"} {
		im, err := Read(write(name, good), testOptions())
		if err != nil || len(im.Rows) != 7 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestReadFromLibreOffice: the same lists saved as .xls, .ods and as a web
// page by LibreOffice Calc 7.4 (testdata/libreoffice, converted from the
// .xlsx twins with `soffice --headless --convert-to xls|ods|html`, the page
// renamed -web.xls as web systems' exports are), another producer than the
// tests' own writer, read as the .xlsx twins do.
func TestReadFromLibreOffice(t *testing.T) {
	for _, file := range []string{"UnitFile.xls", "LegacyFonts.xls", "UnitFile.ods", "LegacyFonts.ods", "UnitFile-web.xls", "LegacyFonts-web.xls"} {
		name := strings.TrimSuffix(strings.TrimSuffix(file, filepath.Ext(file)), "-web")
		t.Run(file, func(t *testing.T) {
			opts := testOptions()
			opts.DefaultForm = "BKCT"
			want, err := Read(writeXLSX(t, t.TempDir(), "ds.xlsx", xlsTwinCases()[name]...), opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(filepath.Join("testdata", "libreoffice", file), opts)
			if err != nil {
				t.Fatal(err)
			}
			g, w := importJSON(t, got), importJSON(t, want)
			if strings.HasSuffix(file, "-web.xls") {
				// A web page keeps no sheet name: its one table is named after the file.
				g = strings.ReplaceAll(g, file, want.Sheets[0].Name)
			}
			if g != w {
				t.Errorf("LibreOffice's %s reads\n%s\nthe .xlsx\n%s", file, g, w)
			}
		})
	}
}

// TestHiddenRowsAndColumnsAreNotImported: a row hidden or filtered out, and a
// column hidden, in the workbook are left out with a warning, in .xlsx and
// .xls alike.
func TestHiddenRowsAndColumnsAreNotImported(t *testing.T) {
	sheets := xlsTwinCases()["SheetsAndLongStrings"]
	dir := t.TempDir()
	for _, path := range []string{writeXLSX(t, dir, "an.xlsx", sheets...), xlsFile(t, dir, "an.xls", xlsBookOf(t, sheets...))} {
		im, err := Read(path, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		names := ""
		for _, r := range im.Rows {
			names += r.Nomination.Nominee.Name + "|"
		}
		warned, colWarned := false, false
		for _, p := range im.Problems {
			warned = warned || p.Row == 5 && strings.Contains(p.Message, "bị ẩn")
			colWarned = colWarned || p.Row == 0 && p.Column == "F" && strings.Contains(p.Message, "Cột F đang bị ẩn")
		}
		if u := im.Rows[0].Nomination.Nominee.Unit; strings.Contains(u, "cũ") || !colWarned {
			t.Errorf("%s: the hidden column F was read (unit %q) or not reported:%s", filepath.Base(path), u, problemsOf(im))
		}
		if strings.Contains(names, "Đinh Văn Dũng") || !warned || len(im.Rows) != 3 {
			t.Errorf("%s: rows %s, hidden row warned %v:%s", filepath.Base(path), names, warned, problemsOf(im))
		}
	}
}
