package roster

import "testing"

func TestFindSubmission(t *testing.T) {
	cases := []struct {
		title          string
		no, date, unit string // "" no: none found
	}{
		{"(Kèm theo Tờ trình số 45/TTr-STP ngày 02/6/2024 của Sở Tư pháp)", "45/TTr-STP", "2024-06-02", "Sở Tư pháp"},
		{"Kèm theo Tờ trình số 12/TTr-UBND ngày 05 tháng 3 năm 2025 của UBND huyện Gio Linh", "12/TTr-UBND", "2025-03-05", "UBND huyện Gio Linh"},
		{"(KÈM THEO TỜ TRÌNH SỐ 7/TTr-CAT NGÀY 1/2/2025 CỦA CÔNG AN TỈNH)", "7/TTr-CAT", "2025-02-01", "CÔNG AN TỈNH"},
		{"Tờ trình số: 45/TTr-STP", "45/TTr-STP", "", ""},
		{"(Kèm theo Tờ trình số ....../TTr-...... ngày ...... của ......)", "", "", ""}, // the template's blank
		{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "", "", ""},
	}
	for _, c := range cases {
		g := &grid{name: "S", lines: [][]string{{"DANH SÁCH"}, {c.title}, {"STT", "Họ và tên"}}}
		s, ok := findSubmission(g, 2)
		date := ""
		if !s.date.IsZero() {
			date = s.date.String()
		}
		if ok != (c.no != "") || s.no != c.no || date != c.date || s.unit != c.unit {
			t.Errorf("%q: %+v, %v; want %q, %q, %q", c.title, s, ok, c.no, c.date, c.unit)
		}
	}
}
