package roster

import (
	"testing"

	"khenthuong"
)

func TestSplitNameDetail(t *testing.T) {
	I, H, C := khenthuong.Individual, khenthuong.Household, khenthuong.Collective
	cases := []struct {
		cell         string
		kind         khenthuong.Kind
		combined     bool
		name, detail string // "" when the cell stays whole
	}{
		{"Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp", I, false, "Ông Trương Quang Sáng", "Phó Giám đốc Sở Tư pháp"},
		{"Bà Lê Thị Hoa - Kế toán, UBND xã Hướng Lập", I, false, "Bà Lê Thị Hoa", "Kế toán, UBND xã Hướng Lập"},
		{"Đại tá Lê Văn Tiến – Chính ủy", I, false, "Đại tá Lê Văn Tiến", "Chính ủy"},
		{"Nguyễn Văn Nam (Trưởng thôn Tân Lịch)", I, false, "Nguyễn Văn Nam", "Trưởng thôn Tân Lịch"},
		{"H'Hen Niê, Chuyên viên Sở Văn hóa", I, false, "H'Hen Niê", "Chuyên viên Sở Văn hóa"},
		{"Nguyễn Văn An (Hải)", I, false, "", ""},                           // another name of his
		{"Nguyễn Văn An", I, false, "", ""},                                 // nothing to split
		{"Trưởng phòng kiêm Phó Chủ tịch, Nguyễn Văn An", I, false, "", ""}, // what comes first is no name
		{"Hộ ông Cao Văn Đức, thôn Tân Lịch, xã Ngư Hóa", H, false, "Hộ ông Cao Văn Đức", "thôn Tân Lịch, xã Ngư Hóa"},
		{"Gia đình bà Hồ Thị Lan, bản Tà Rùng", H, false, "Gia đình bà Hồ Thị Lan", "bản Tà Rùng"},
		{"Phòng Phổ biến, giáo dục pháp luật", C, false, "", ""}, // a collective's name may hold a comma
		{"Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp", C, true, "Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp"},
		{"Phòng Tư pháp", C, true, "", ""},
	}
	for _, c := range cases {
		name, detail, ok := splitNameDetail(c.cell, c.kind, c.combined)
		if ok != (c.name != "") || name != c.name || detail != c.detail {
			t.Errorf("splitNameDetail(%q, %s, %v) = %q, %q, %v; want %q, %q", c.cell, c.kind, c.combined, name, detail, ok, c.name, c.detail)
		}
	}
}

func TestCombinedNameHeader(t *testing.T) {
	for header, want := range map[string]bool{
		"Họ và tên, chức vụ, đơn vị": true, "Tên tập thể, đơn vị": true, "Họ tên, địa chỉ": true,
		"Họ và tên": false, "Tên tập thể": false, "Họ và tên / Tên tập thể": false,
	} {
		if got := combinedNameHeader(header); got != want {
			t.Errorf("combinedNameHeader(%q) = %v, want %v", header, got, want)
		}
	}
}
