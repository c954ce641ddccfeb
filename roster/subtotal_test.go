package roster

import (
	"strings"
	"testing"
)

// A "Cộng" row closing a section (Cộng A, Cộng I: 05 tập thể) does not end
// the list when numbered rows follow; a total at the end still does, and a
// numbered row after the grand total ("1." as units number) is warned about.
func TestSectionSubtotalsDoNotEndTheList(t *testing.T) {
	header := []any{"STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"}
	bk := "Bằng khen của Chủ tịch UBND tỉnh"
	cases := []struct {
		name    string
		rows    [][]any
		names   []string
		warning string // "" : no warning about where the reading stopped
	}{
		{"SubtotalPerSection", [][]any{
			header,
			{"A", "TẬP THỂ"},
			{"1.", "UBND xã Bảo Hà", nil, nil, nil, nil, bk},
			{nil, "Cộng A: 01 tập thể"},
			{"B", "CÁ NHÂN"},
			{"1.", "Vàng Seo Páo", "1979", "Nam", "Chủ tịch UBND xã", "UBND xã Bảo Hà", bk},
			{"2.", "Sùng A Dơ", "1990", "Nam", "Công an viên", "Công an xã Bảo Hà", bk},
			{nil, "Cộng B: 02 cá nhân"},
			{nil, "Tổng cộng: 01 tập thể, 02 cá nhân"},
			{nil, nil, nil, nil, "CHỦ TỊCH"},
			{nil, nil, nil, nil, "Nguyễn Văn Lực"},
		}, []string{"UBND xã Bảo Hà", "Vàng Seo Páo", "Sùng A Dơ"}, ""},
		{"SubtotalInFirstColumn", [][]any{
			header,
			{"I", "TẬP THỂ"},
			{1, "Trạm Y tế xã Ngư Hóa", nil, nil, nil, nil, bk},
			{"Cộng I: 01 tập thể"},
			{"II", "CÁ NHÂN"},
			{1, "Ngô Thị Thuỷ", "1987", "Nữ", "Y sĩ", "Trạm Y tế xã Ngư Hóa", bk},
			{"Cộng II: 01 cá nhân"},
		}, []string{"Trạm Y tế xã Ngư Hóa", "Ngô Thị Thuỷ"}, ""},
		{"TotalAtTheEnd", [][]any{
			header,
			{1, "Lê Văn Tiến", "1968", "Nam", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", bk},
			{nil, "Cộng: 01 người"},
			{nil, nil, nil, nil, "Quảng Trị, ngày 05 tháng 01 năm 2025"},
			{nil, nil, nil, nil, "GIÁM ĐỐC"},
		}, []string{"Lê Văn Tiến"}, ""},
		{"RowsBelowTheGrandTotal", [][]any{
			header,
			{"1.", "Lê Văn Tiến", "1968", "Nam", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", bk},
			{nil, "Tổng cộng: 01 người"},
			{"2.", "Cao Văn Đức", "1990", "Nam", "Cán bộ", "Đài Phát thanh và Truyền hình", bk},
		}, []string{"Lê Văn Tiến"}, "Dừng đọc ở dòng 3"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeXLSX(t, dir, c.name+".xlsx", xsheet{name: "DS", rows: c.rows})
			im, err := Read(path, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range im.Rows {
				got = append(got, r.Nomination.Nominee.Name)
			}
			if strings.Join(got, "; ") != strings.Join(c.names, "; ") || im.Errors() != 0 {
				t.Errorf("rows %q, want %q; problems:%s", got, c.names, problemsOf(im))
			}
			stopped := ""
			for _, p := range im.Problems {
				if strings.Contains(p.Message, "Dừng đọc") {
					stopped = p.Message
				}
			}
			if (c.warning == "") != (stopped == "") || !strings.Contains(stopped, c.warning) {
				t.Errorf("warning %q, want %q", stopped, c.warning)
			}
		})
	}
}
