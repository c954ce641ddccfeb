package roster

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReadReportsProgress(t *testing.T) {
	const people = 1300
	rows := [][]any{{"DANH SÁCH ĐỀ NGHỊ"}, {"STT", "Họ và tên", "Năm sinh", "Chức vụ", "Hình thức khen thưởng"}}
	for i := 1; i <= people; i++ {
		rows = append(rows, []any{i, fmt.Sprintf("Nguyễn Văn %d", i), 1970 + i%30, "Chuyên viên", "BKCT"})
	}
	small := xsheet{name: "Phụ lục", rows: [][]any{{"STT", "Họ và tên", "Hình thức khen thưởng"}, {1, "Lê Thị Hoa", "BKCT"}}}
	path := writeXLSX(t, t.TempDir(), "dai.xlsx", xsheet{name: "Danh sách", rows: rows}, small)
	// Excel declares the used range; excelize's writer leaves "A1", as the
	// second sheet keeps: its progress can only count.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetDimension("Danh sách", fmt.Sprintf("A1:E%d", people+2)); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	var got []ReadProgress
	opts := testOptions()
	opts.Progress = func(p ReadProgress) { got = append(got, p) }
	im, err := Read(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Rows) != people+1 {
		t.Fatalf("rows = %d, want %d:%s", len(im.Rows), people+1, problemsOf(im))
	}
	want := []ReadProgress{
		{"Danh sách", 500, people + 2},
		{"Danh sách", 1000, people + 2},
		{"Danh sách", people + 2, people + 2},
		{"Phụ lục", 2, 2},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("progress = %v\nwant       %v", got, want)
	}
}
