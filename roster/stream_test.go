package roster

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

// longList is a unit's list long enough to be read through the temporary
// file, with what needs more than one line to read: a Tờ trình in the
// title, a column typed in TCVN3 without a font (its doubtful cells
// converted with it), VIQR, sections and a subtotal, a unit heading its
// people, a second table with other columns, a footer with a data-like row
// below it.
func longList(people int) [][]string {
	lines := [][]string{
		{"DANH SÁCH ĐỀ NGHỊ (Kèm theo Tờ trình số 45/TTr-STP ngày 02/6/2024 của Sở Tư pháp)"},
		{"STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"},
		{"I. TẬP THỂ"},
		{"1", "Tr\u00b9m Y t\u00d5 x\u00b7 Ng\u00ad H\u00e3a", "", "", "Minh H\u00f3a", "BKCT"},
		{"2", "Phòng Tư pháp huyện", "", "", "Tr\u00b9m Y t\u00d5 x\u00b7 Ng\u00ad H\u00e3a", "BKCT"},
		{"Cộng I: 02 tập thể"},
		{"II. CÁ NHÂN"},
		{"", "Sở Y tế"},
	}
	for i := 1; i <= people; i++ {
		unit := "Sở Y tế"
		switch {
		case i%500 == 0:
			unit = "Minh H\u00f3a" // doubtful: TCVN3 like the rest of its column
		case i%3 == 0:
			unit = "Tr\u00b9m Y t\u00d5 x\u00b7 Ng\u00ad H\u00e3a"
		case i%7 == 0:
			unit = ""
		}
		name := benchName(i)
		if i%11 == 0 {
			name = "Nguye^~n Va(n Ti`nh"
		}
		year := fmt.Sprint(1960 + i%40)
		if i == people-1 {
			year = "31/02/1980" // an error, reported with its line and column
		}
		lines = append(lines, []string{fmt.Sprint(i), name, year, "Chuyên viên", unit, "BKCT"})
		if i%900 == 0 {
			lines = append(lines, nil)
		}
	}
	lines = append(lines,
		[]string{"STT", "Tên tập thể", "Đơn vị", "Hình thức khen thưởng", "Ghi chú"},
		[]string{"1", "Phòng Hộ tịch", "Sở Tư pháp", "BKCT", "x"},
		[]string{"2", "Phòng Bổ trợ tư pháp", "Sở Tư pháp", "BKCT"},
		[]string{"Tổng cộng: 02 tập thể"},
		[]string{"", "", "NGƯỜI LẬP BIỂU"},
		[]string{"3", "Phòng Văn bản", "Sở Tư pháp", "BKCT"},
	)
	return lines
}

// readResult is what a reading gives, but the file's name and encoding.
func readResult(t *testing.T, im *Import) string {
	t.Helper()
	b, err := json.Marshal(struct {
		Sheets    []Sheet
		Rows      []Row
		Cells     [][]string
		Problems  []Problem
		Converted []Conversion
		Unknown   []string
		Mapping   Mapping
		Read      int
	}{im.Sheets, im.Rows, cellsOfRows(im.Rows), im.Problems, im.Converted, im.Unknown, im.Mapping, im.RowsRead()})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// firstDifference shows where two long texts part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-300)
	return fmt.Sprintf("\n got …%.600s\nwant …%.600s", got[from:], want[from:])
}

func cellsOfRows(rows []Row) [][]string {
	var out [][]string
	for _, r := range rows {
		out = append(out, r.cells)
	}
	return out
}

func copyLines(lines [][]string) [][]string {
	out := make([][]string, len(lines))
	for i, l := range lines {
		out[i] = append([]string(nil), l...)
	}
	return out
}

func writeCSVLines(t *testing.T, path string, lines [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Comma = ';'
	must(t, w.WriteAll(lines))
	must(t, f.Close())
}

func withSpoolAbove(t *testing.T, n int) {
	old := spoolAbove
	spoolAbove = n
	t.Cleanup(func() { spoolAbove = old })
}

// TestStreamedSheetReadsAsWhole: a .csv and an .xlsx read as streams, their
// lines kept in memory or all in the temporary file, read as the same lines
// given at once; with the row cap, and with the rows given to OnRow.
func TestStreamedSheetReadsAsWhole(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := t.TempDir()
	lines := longList(2600)
	csvPath := filepath.Join(dir, "ds.csv")
	writeCSVLines(t, csvPath, lines)
	rows := make([][]any, len(lines))
	for i, l := range lines {
		for _, v := range l {
			rows[i] = append(rows[i], v)
		}
	}
	xlsxPath := writeXLSX(t, dir, "ds.xlsx", xsheet{name: "Danh sách", rows: rows})
	for _, max := range []int{0, 2000} { // 2,000: the rows are capped, not the lines (the readers keep 1,020 more)
		opts := testOptions()
		opts.MaxRows = max
		for _, c := range []struct{ path, sheet string }{{csvPath, "ds.csv"}, {xlsxPath, "Danh sách"}} {
			whole := ReadRows(copyLines(lines), c.sheet, opts) // it converts cells in place
			want := readResult(t, whole)
			if whole.Errors() == 0 || len(whole.Converted) < 1000 || len(whole.Sheets) != 2 && max == 0 {
				t.Fatalf("the list does not read as meant: %d errors, %d conversions, %d sheets:%s",
					whole.Errors(), len(whole.Converted), len(whole.Sheets), problemsOf(whole))
			}
			for _, spool := range []int{0, 2000} { // every line in the temporary file; the first 2,000 in memory
				withSpoolAbove(t, spool)
				im, err := Read(c.path, opts)
				if err != nil {
					t.Fatal(err)
				}
				if got := readResult(t, im); got != want {
					t.Errorf("%s, cap %d, %d lines in memory: read differs from the lines given at once: %s",
						filepath.Base(c.path), max, spool, firstDifference(got, want))
				}
				// With OnRow the rows go by and only the invalid ones stay.
				var given []khenthuong.Nomination
				o := opts
				o.OnRow = func(r *Row) { given = append(given, r.Nomination) }
				im, err = Read(c.path, o)
				if err != nil {
					t.Fatal(err)
				}
				invalid := 0
				for _, r := range whole.Rows {
					if r.Invalid {
						invalid++
					}
				}
				if len(given) != whole.RowsRead() || im.RowsRead() != whole.RowsRead() || len(im.Rows) != invalid {
					t.Errorf("%s, OnRow: %d rows given, %d read, %d kept; want %d, %d invalid",
						filepath.Base(c.path), len(given), im.RowsRead(), len(im.Rows), whole.RowsRead(), invalid)
				}
			}
		}
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "khenthuong-sheet-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestStreamedSheetHiddenLines: hidden rows and columns of a long sheet are
// reported and left out the same whether its lines stay in memory or not.
func TestStreamedSheetHiddenLines(t *testing.T) {
	lines := longList(2100)
	rows := make([][]any, len(lines))
	for i, l := range lines {
		for _, v := range l {
			rows[i] = append(rows[i], v)
		}
	}
	path := writeXLSX(t, t.TempDir(), "an.xlsx", xsheet{name: "Sheet1", rows: rows, hiddenRows: []int{12, 2050}, hiddenCols: []string{"D"}})
	var want string
	for _, spool := range []int{len(lines) + 1, 0} {
		withSpoolAbove(t, spool)
		im, err := Read(path, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		got := readResult(t, im)
		if want == "" {
			want = got
			hidden := 0
			for _, p := range im.Problems {
				if strings.Contains(p.Message, "bị ẩn") {
					hidden++
				}
			}
			if hidden != 3 {
				t.Fatalf("%d problems about hidden lines and columns, want 3:%s", hidden, problemsOf(im))
			}
			continue
		}
		if got != want {
			t.Errorf("every line in the temporary file: read differs: %s", firstDifference(got, want))
		}
	}
}

// TestStreamedSheetTemporaryFileFails: when the temporary file cannot be
// made, the reading fails (an internal error) rather than giving part of
// the list.
func TestStreamedSheetTemporaryFileFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ds.csv")
	writeCSVLines(t, path, longList(50))
	withSpoolAbove(t, 10)
	t.Setenv("TMPDIR", filepath.Join(dir, "khong-co"))
	im, err := Read(path, testOptions())
	if err == nil || khenthuong.ErrorCode(err) != khenthuong.EINTERNAL {
		t.Fatalf("Read = %v rows, %v; want an internal error", im, err)
	}
}
