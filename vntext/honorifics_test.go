package vntext

import (
	"slices"
	"testing"
)

func TestSplitHonorific(t *testing.T) {
	tests := []struct {
		name, in, title, rest string
	}{
		{"Ong", "Ông Trương Quang Sáng", "Ông", "Trương Quang Sáng"},
		{"Rank", "Đại tá Lê Văn Tiến", "Đại tá", "Lê Văn Tiến"},
		{"LowerCaseCleaned", "bà  nguyễn thị a", "Bà", "nguyễn thị a"},
		{"NoTones", "Dai ta Le Van Tien", "Đại tá", "Le Van Tien"},
		{"AllCaps", "ĐẠI TÁ LÊ VĂN TIẾN", "Đại tá", "LÊ VĂN TIẾN"},
		{"TitleCase", "Đại Tá Lê Văn Tiến", "Đại tá", "Lê Văn Tiến"},
		{"OldTonePlacement", "Thượng uý Hoàng Thị Mỹ Linh", "Thượng úy", "Hoàng Thị Mỹ Linh"},
		{"NewTonePlacement", "Thượng úy Hoàng Thị Mỹ Linh", "Thượng úy", "Hoàng Thị Mỹ Linh"},
		{"NFD", "O\u0302ng Cao Văn Đức", "Ông", "Cao Văn Đức"},
		{"LongestFirst", "Thượng tướng Nguyễn Văn A", "Thượng tướng", "Nguyễn Văn A"},
		{"DongChi", "đồng chí Nguyễn Văn Tình", "Đồng chí", "Nguyễn Văn Tình"},
		{"DongChiAbbreviation", "Đ/c Nguyễn Văn Tình", "Đồng chí", "Nguyễn Văn Tình"},
		{"Soldier", "Binh nhì Lê Văn Tiến", "Binh nhì", "Lê Văn Tiến"},
		{"HaSi", "hạ sĩ Cao Văn Đức", "Hạ sĩ", "Cao Văn Đức"},
		{"PunctuationAfterTitle", "Ông: Trương Quang Sáng", "Ông", "Trương Quang Sáng"},
		{"NoTitle", "Trương Quang Sáng", "", "Trương Quang Sáng"},
		{"TitleAloneIsTheName", "Anh", "", "Anh"},
		{"BaAlone", " Bà ", "", "Bà"},
		{"RankAloneNotSplit", "Đại tá", "", "Đại tá"},
		{"RankPrefixWordNotATitle", "Đại Nguyễn", "", "Đại Nguyễn"},
		{"TrungIsAFamilyName", "Trung Văn Tá", "", "Trung Văn Tá"},
		{"GivenNameAnh", "Nguyễn Anh", "", "Nguyễn Anh"},
		{"Empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, rest := SplitHonorific(tt.in)
			if title != tt.title || rest != tt.rest {
				t.Errorf("SplitHonorific(%q) = %q, %q; want %q, %q", tt.in, title, rest, tt.title, tt.rest)
			}
		})
	}
}

func TestHonorificsAreCanonicalAndRecognised(t *testing.T) {
	list := Honorifics()
	if len(list) != 22 || list[0] != "Ông" || !slices.Contains(list, "Thượng úy") {
		t.Fatalf("Honorifics() = %q", list)
	}
	for _, h := range list {
		if Clean(h) != h {
			t.Errorf("%q is not clean", h)
		}
		title, rest := SplitHonorific(h + " Nguyễn Văn An")
		if title != h || rest != "Nguyễn Văn An" {
			t.Errorf("SplitHonorific(%q + name) = %q, %q", h, title, rest)
		}
	}
	list[0] = "changed"
	if Honorifics()[0] != "Ông" {
		t.Error("Honorifics returns the package's own slice")
	}
}
