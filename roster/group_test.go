package roster

import (
	"strings"
	"testing"
)

// An unnumbered row naming only a unit, above numbered rows, is the group
// those rows belong to: it is not imported as a nominee, and it is the unit
// of the rows below that name none. Elsewhere such a row is a nominee.
func TestUnitGroupRows(t *testing.T) {
	bk := "Bằng khen của Chủ tịch UBND tỉnh"
	cases := []struct {
		name     string
		rows     [][]any
		merges   [][2]string
		docx     string   // a Word document instead of the rows
		want     []string // "name | unit" of each row read
		headings int      // warnings naming a unit row
	}{
		{"UnitsOverPeople", [][]any{
			{"STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Hình thức khen thưởng"},
			{"II", "CÁ NHÂN"},
			{nil, "Sở Y tế"},
			{1, "Ông Nguyễn Văn An", "1970", "Nam", "Phó Giám đốc", bk},
			{2, "Bà Lê Thị Bình", "1975", "Nữ", "Trưởng phòng Tổ chức cán bộ", bk},
			{nil, nil},
			{nil, "Bệnh viện Đa khoa tỉnh"},
			{"3.", "Phạm Thị Dung", "1985", "Nữ", "Điều dưỡng", bk},
		}, nil, "", []string{"Nguyễn Văn An | Sở Y tế", "Lê Thị Bình | Sở Y tế", "Phạm Thị Dung | Bệnh viện Đa khoa tỉnh"}, 2},
		{"OwnUnitKept", [][]any{
			{"STT", "Họ và tên", "Năm sinh", "Giới tính", "Đơn vị", "Hình thức khen thưởng"},
			{nil, "Sở Tư pháp"},
			{1, "Trương Quang Sáng", "1968", "Nam", "Phòng Phổ biến, giáo dục pháp luật", bk},
			{2, "Nguyễn Thị Như Quỳnh", "1979", "Nữ", nil, bk},
		}, nil, "", []string{"Trương Quang Sáng | Phòng Phổ biến, giáo dục pháp luật", "Nguyễn Thị Như Quỳnh | Sở Tư pháp"}, 1},
		{"CollectivesSection", [][]any{
			{"STT", "Tên tập thể", "Hình thức khen thưởng"},
			{"I", "TẬP THỂ"},
			{1, "Công an xã Ngư Hóa", bk},
			{nil, "Trạm Y tế xã Ngư Hóa", bk},
			{2, "Trường Tiểu học Minh Hóa", bk},
		}, nil, "", []string{"Công an xã Ngư Hóa | ", "Trạm Y tế xã Ngư Hóa | ", "Trường Tiểu học Minh Hóa | "}, 0},
		{"NoNumberColumn", [][]any{
			{"Họ và tên", "Năm sinh", "Giới tính", "Hình thức khen thưởng"},
			{"Trạm Y tế xã Ngư Hóa"},
			{"Ngô Thị Thuỷ", "1987", "Nữ", bk},
		}, nil, "", []string{"Trạm Y tế xã Ngư Hóa | ", "Ngô Thị Thuỷ | "}, 0},
		{"MergedAcrossFromTheNumberColumn", [][]any{
			{"STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng"},
			{"Sở Y tế"},
			{1, "Ông Nguyễn Văn An", "Phó Giám đốc", bk},
			{"Bệnh viện Đa khoa tỉnh"},
			{2, "Bà Phạm Thị Dung", "Điều dưỡng", bk},
		}, [][2]string{{"A2", "D2"}, {"A4", "D4"}}, "", []string{"Nguyễn Văn An | Sở Y tế", "Phạm Thị Dung | Bệnh viện Đa khoa tỉnh"}, 2},
		{"BlockOfTheList", [][]any{
			{"STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng"},
			{nil, "Khối các cơ quan Đảng"},
			{1, "Ông Nguyễn Văn An", "Chánh Văn phòng Tỉnh ủy", bk},
		}, nil, "", []string{"Nguyễn Văn An | "}, 0},
		{"BlocksNumberedByRomanNumerals", [][]any{
			{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"},
			{"I", "KHỐI CÁC CƠ QUAN ĐẢNG"},
			{1, "Ông Nguyễn Văn An", "Chánh Văn phòng", "Văn phòng Tỉnh ủy", bk},
			{"II", "Khối Nội chính"},
			{2, "Bà Lê Thị Bình", "Phó Chánh án", "Tòa án nhân dân tỉnh", bk},
			{"III", "Sở Y tế"},
			{3, "Ông Trần Văn Cường", "Giám đốc", nil, bk},
			{"B", "Các đơn vị sự nghiệp"},
			{4, "Bà Phạm Thị Dung", "Điều dưỡng", "Bệnh viện Đa khoa tỉnh", bk},
		}, nil, "", []string{"Nguyễn Văn An | Văn phòng Tỉnh ủy", "Lê Thị Bình | Tòa án nhân dân tỉnh", "Trần Văn Cường | Sở Y tế",
			"Phạm Thị Dung | Bệnh viện Đa khoa tỉnh"}, 1},
		{"PeopleLetteredNotGroups", [][]any{
			{"STT", "Họ và tên", "Hình thức khen thưởng"},
			{"A", "Nguyễn Văn An"},
			{"B", "Lê Thị Bình"},
		}, nil, "", []string{"Nguyễn Văn An | ", "Lê Thị Bình | "}, 0},
		{"WordTable", nil, nil, dtable(
			[]dcell{dc("STT"), dc("Họ và tên"), dc("Chức vụ"), dc("Hình thức khen thưởng")},
			[]dcell{span("Sở Y tế", 4)},
			[]dcell{dc("1"), dc("Ông Nguyễn Văn An"), dc("Phó Giám đốc"), dc(bk)},
			[]dcell{span("Bệnh viện Đa khoa tỉnh", 4)},
			[]dcell{dc("2"), dc("Bà Phạm Thị Dung"), dc("Điều dưỡng"), dc(bk)},
		), []string{"Nguyễn Văn An | Sở Y tế", "Phạm Thị Dung | Bệnh viện Đa khoa tỉnh"}, 2},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeXLSX(t, dir, c.name+".xlsx", xsheet{name: "DS", rows: c.rows, merges: c.merges})
			if c.docx != "" {
				path = writeDOCX(t, dir, c.name+".docx", c.docx)
			}
			im, err := Read(path, ReadOptions{Forms: testForms(), Today: testToday, DefaultForm: "BKCT"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range im.Rows {
				got = append(got, r.Nomination.Nominee.Name+" | "+r.Nomination.Nominee.Unit)
			}
			headings := 0
			for _, p := range im.Problems {
				if strings.Contains(p.Message, "Dòng tên đơn vị") {
					headings++
				}
			}
			if strings.Join(got, "; ") != strings.Join(c.want, "; ") || headings != c.headings || im.Errors() != 0 {
				t.Errorf("rows %q, unit rows %d; want %q, %d; problems:%s", got, headings, c.want, c.headings, problemsOf(im))
			}
		})
	}
}
