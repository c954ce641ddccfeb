package roster

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteRejected(t *testing.T) {
	dir := t.TempDir()
	rows := [][]any{
		{"DANH SÁCH ĐỀ NGHỊ"},
		{"STT", "Họ và tên", "Năm sinh", nil, "Chức vụ", "Đơn vị", "Hình thức khen thưởng"},
		{nil, nil, "Nam", "Nữ"},
		{1, "Ông Nguyễn Văn An", 1970, nil, "Trưởng phòng", "Sở Nội vụ", "BKCT"},
		{2, "Bà Trần Thị Bình", nil, "31/02/1980", "Chuyên viên", "Sở Nội vụ", "Huân chương Lao động"},
		{3, "L\u00aa V\u00a8n C\u00adêng", 1968, nil, "Phó Giám đốc", "Sở Nội vụ", "BKCT"},
		{4, "", 1990, nil, "Văn thư", "Sở Nội vụ", "BKCT"},
	}
	src := writeXLSX(t, dir, "don vi.xlsx", xsheet{name: "DS", rows: rows, merges: [][2]string{{"C2", "D2"}}})
	im, err := Read(src, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := im.Rejected(); got != 2 {
		t.Fatalf("%d rows rejected, want 2:%s", got, problemsOf(im))
	}
	out := filepath.Join(dir, "tra lai.xlsx")
	if err := im.WriteRejected(out); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d rows written, want header + 2: %q", len(got), got)
	}
	header := strings.Join(got[0], "|")
	if want := "STT|Họ và tên|Năm sinh / Nam|Năm sinh / Nữ|Chức vụ|Đơn vị|Hình thức khen thưởng|Lỗi cần sửa|Trang, dòng trong tệp gốc"; header != want {
		t.Errorf("header %q, want %q", header, want)
	}
	for i, c := range []struct {
		name, errorHas, at string
	}{
		{"Bà Trần Thị Bình", "Ngày sinh", "DS, dòng 5"},
		{"", "Chưa có họ và tên", "DS, dòng 7"},
	} {
		r := got[i+1]
		if r[1] != c.name || !strings.Contains(r[7], c.errorHas) || !strings.Contains(r[7], "cột ") || r[8] != c.at {
			t.Errorf("row %d: %q", i+1, r)
		}
	}
	if strings.Contains(strings.Join(got[1], ""), "Nguyễn Văn An") {
		t.Error("a valid row was sent back")
	}
	t.Run("NothingRejected", func(t *testing.T) {
		ok, _ := Read(writeXLSX(t, dir, "tot.xlsx", xsheet{name: "DS", rows: rows[:4]}), testOptions())
		if err := ok.WriteRejected(filepath.Join(dir, "x.xlsx")); err == nil {
			t.Error("wrote a file with no rejected row")
		}
	})
}
