package roster

import (
	"strings"
	"testing"

	"khenthuong"
)

// Other commendation software's import templates: beside each readable
// column, a lookup column holding that system's own IDs ("Mã ..."), #N/A on
// the rows the unit left empty, and honorific columns worded each its way.
func TestReadVendorTemplates(t *testing.T) {
	bk := "Bằng khen của Chủ tịch UBND tỉnh"
	tests := []struct {
		name    string
		rows    [][]any
		want    []wantRow
		ignored []string // code columns reported as ignored, by header
	}{
		{
			name: "LookupIDsBesideEveryColumn",
			rows: [][]any{
				{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"},
				{"STT", "Phân loại khen thưởng", "Mã Phân loại khen thưởng", "Tên gọi (Ông/Bà/Chức danh)", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Danh hiệu thi đua", "Mã Danh hiệu thi đua", "Hình thức khen thưởng", "Mã Hình thức khen thưởng", "Năm sinh", "Giới tính"},
				{1, "Tập thể", 1650360018, nil, "Phòng Hành chính tư pháp", nil, "Sở Tư pháp", nil, "#N/A", bk, 1650360021},
				{2, "Cá nhân", 1650360019, "Ông", "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp", nil, "#N/A", bk, 1650360021, 1975, "Nam"},
				{3, "Cá nhân", 1650360019, "Đại tá", "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Chiến sĩ thi đua cấp tỉnh", 1650360030, "#N/A", "#N/A", 1968, "Nam"},
				{4, "#N/A", "#N/A", "#N/A", nil, nil, nil, nil, "#N/A", nil, "#N/A"},
			},
			want: []wantRow{
				{line: 3, n: collective("Phòng Hành chính tư pháp", "Sở Tư pháp", "BKCT")},
				{line: 4, n: person("Ông", "Trương Quang Sáng", khenthuong.Male, "1975", "Phó Giám đốc", "Sở Tư pháp", "BKCT")},
				{line: 5, n: person("Đại tá", "Lê Văn Tiến", khenthuong.Male, "1968", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "CSTDT")},
			},
			ignored: []string{"Mã Danh hiệu thi đua", "Mã Hình thức khen thưởng", "Mã Phân loại khen thưởng"},
		},
		{
			name: "DecodableCodesFillOnlyEmptyCells",
			rows: [][]any{
				{"TT", "Đối tượng", "Mã đối tượng", "Danh xưng", "Họ tên", "Chức danh", "Cơ quan", "Hình thức", "Mã hình thức", "Mã đơn vị"},
				{1, nil, "TAPTHE", nil, "Trường Tiểu học Hải Lăng", nil, "Sở Giáo dục và Đào tạo", nil, "TTLDXS", "DV0012"},
				{2, nil, "CANHAN", "Bà", "Hoàng Thị Mỹ Linh", "Chuyên viên", "Văn phòng Sở", "Giấy khen của Giám đốc Sở", "BKCT", "DV0013"},
				{3, "Hộ gia đình", "CANHAN", nil, "Hộ ông Cao Văn Đức", nil, nil, nil, "BKCT", "DV0014"},
				{4, nil, "HOGIADINH", nil, "Hộ bà Lê Thị Hoa", nil, nil, bk, "9981", "DV0014"},
			},
			want: []wantRow{
				{line: 2, n: collective("Trường Tiểu học Hải Lăng", "Sở Giáo dục và Đào tạo", "TTLDXS")},
				{line: 3, n: person("Bà", "Hoàng Thị Mỹ Linh", khenthuong.Female, "", "Chuyên viên", "Văn phòng Sở", "GKSO")},
				{line: 4, n: khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Cao Văn Đức"}, FormCode: "BKCT"}},
				{line: 5, n: khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ bà Lê Thị Hoa"}, FormCode: "BKCT"}},
			},
			ignored: []string{"Mã đơn vị"},
		},
		{
			name: "HonorificWordings",
			rows: [][]any{
				{"STT", "Xưng hô", "Họ và tên", "Cấp bậc", "Chức vụ", "Đơn vị", "ID danh hiệu", "Danh hiệu đề nghị", "Mã cán bộ"},
				{1, "Ông", "Nguyễn Văn An", nil, "Trưởng Công an xã", "Công an xã Hải Phú", 77, "Giấy khen của Giám đốc Công an tỉnh", 120034},
				{2, nil, "Trần Văn Bình", "Thượng úy", "Phó Trưởng Công an xã", "Công an xã Hải Phú", 77, "Giấy khen của Giám đốc Công an tỉnh", 120035},
			},
			want: []wantRow{
				{line: 2, n: person("Ông", "Nguyễn Văn An", khenthuong.Male, "", "Trưởng Công an xã", "Công an xã Hải Phú", "GKCA")},
				{line: 3, n: person("Thượng úy", "Trần Văn Bình", khenthuong.Male, "", "Phó Trưởng Công an xã", "Công an xã Hải Phú", "GKCA")},
			},
			ignored: []string{"ID danh hiệu", "Mã cán bộ"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeXLSX(t, t.TempDir(), "mau.xlsx", xsheet{name: "Mau", rows: tt.rows})
			im, err := Read(path, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if im.Errors() > 0 {
				t.Errorf("errors:%s", problemsOf(im))
			}
			checkRows(t, im, tt.want)
			for _, h := range tt.ignored {
				n := 0
				for _, p := range im.Problems {
					if strings.Contains(p.Column, "“"+h+"”") || strings.Contains(p.Column, "("+h+")") {
						if !strings.Contains(p.Message, "mã của phần mềm khác") {
							t.Errorf("column %q: %s", h, p)
						}
						n++
					}
				}
				if n != 1 {
					t.Errorf("column %q reported %d times, want once:%s", h, n, problemsOf(im))
				}
			}
		})
	}
}
