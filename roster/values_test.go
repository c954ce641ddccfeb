package roster

import (
	"strings"
	"testing"

	"khenthuong"
)

func TestParseDateCell(t *testing.T) {
	cases := []struct {
		in           string
		want         string // Date.String(); "!" + text of the error
		monthDropped bool
	}{
		{"", "", false},
		{"05/01/1975", "1975-01-05", false},
		{"5/1/1975", "1975-01-05", false},
		{"05-01-1975", "1975-01-05", false},
		{"05.01.1975", "1975-01-05", false},
		{" 5 / 1 / 1975 ", "1975-01-05", false},
		{"1975", "1975", false},
		{"1975.", "1975", false},
		{"1975-01-05", "1975-01-05", false},
		{"1975-01-05 00:00:00", "1975-01-05", false},
		{"27399", "1975-01-05", false}, // Excel serial
		{"27399.5", "1975-01-05", false},
		{"ngày 05 tháng 01 năm 1975", "1975-01-05", false},
		{"năm 1975", "1975", false},
		{"sinh năm 1975", "1975", false},
		{"Sinh ngày 05/01/1975", "1975-01-05", false},
		{"SN 1975", "1975", false},
		{"sn: 05/01/1975", "1975-01-05", false},
		{"Sinh tháng 01 năm 1975", "1975", true},
		{"01/1975", "1975", true},
		{"31/02/1980", "!không có thật", false},
		{"5/1/75", "!4 chữ số", false},
		{"75", "!4 chữ số", false},
		{"1800", "!không phải ngày", false},
		{"abc", "!không phải ngày", false},
		{"1e5", "!không phải ngày", false},
		{"NaN", "!không phải ngày", false},
		{"13/1975", "!không phải ngày", false},
	}
	for _, c := range cases {
		d, dropped, err := parseDateCell(c.in)
		switch {
		case strings.HasPrefix(c.want, "!"):
			if err == nil || !strings.Contains(khenthuong.ErrorMessage(err), c.want[1:]) {
				t.Errorf("parseDateCell(%q) = %v, %v; want error %q", c.in, d, err, c.want[1:])
			}
		case err != nil || d.String() != c.want || dropped != c.monthDropped:
			t.Errorf("parseDateCell(%q) = %v, %v, %v; want %s, %v", c.in, d, dropped, err, c.want, c.monthDropped)
		}
	}
}

func TestMatchHeader(t *testing.T) {
	cases := map[string]Field{
		"STT":                        FieldSTT,
		"Số TT":                      FieldSTT,
		"TT":                         FieldSTT,
		"Họ và tên":                  FieldName,
		"HỌ VÀ TÊN":                  FieldName,
		"Ho va ten":                  FieldName,
		"Họ tên":                     FieldName,
		"Họ và tên / Tên tập thể":    FieldName,
		"Tên tập thể, cá nhân":       FieldName,
		"Tên đơn vị":                 FieldName,
		"Họ và tên (2)":              FieldName,
		"Loại":                       FieldKind,
		"Phân loại khen thưởng":      FieldKind,
		"Đối tượng":                  FieldKind,
		"Phân loại đối tượng":        FieldClassification,
		"Danh xưng":                  FieldTitle,
		"Tên gọi":                    FieldTitle,
		"Cấp bậc":                    FieldTitle,
		"Giới tính":                  FieldGender,
		"Giới tính (Nam/Nữ)":         FieldGender,
		"Nam":                        FieldMale,
		"Nữ":                         FieldFemale,
		"Năm":                        "",
		"Ngày sinh":                  FieldBirth,
		"Năm sinh":                   FieldBirth,
		"Ngày, tháng, năm sinh":      FieldBirth,
		"Chức vụ":                    FieldPosition,
		"Chức danh":                  FieldPosition,
		"Chức vụ, đơn vị công tác":   FieldPositionUnit,
		"Chức vụ và đơn vị công tác": FieldPositionUnit,
		"Đơn vị":                     FieldUnit,
		"Đơn vị công tác":            FieldUnit,
		"Cơ quan":                    FieldUnit,
		"Địa chỉ":                    FieldAddress,
		"Quê quán":                   FieldAddress,
		"Lĩnh vực":                   FieldField,
		"Hình thức khen thưởng":      FieldForm,
		"Hình thức khen thưởng đề nghị": FieldForm,
		"Danh hiệu thi đua":             FieldForm,
		"Thành tích":                    FieldAchievement,
		"Tóm tắt thành tích":            FieldAchievement,
		"Đơn vị đề nghị":                FieldProposingUnit,
		"Số tờ trình":                   FieldSubmissionNo,
		"Tờ trình số":                   FieldSubmissionNo,
		"Ngày tờ trình":                 FieldSubmissionDate,
		"Ghi chú":                       FieldNotes,
		"Số quyết định":                 FieldIgnore,
		"Ngày quyết định":               FieldIgnore,
		"Số sổ vàng":                    FieldRegistryNo,
		"Tiền thưởng (đồng)":            FieldAmount,
		"Điện thoại":                    "",
		"":                              "",
		"DANH SÁCH":                     "",
	}
	for in, want := range cases {
		if got := matchHeader(in); got != want {
			t.Errorf("matchHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormMatcher(t *testing.T) {
	m := newFormMatcher(testForms())
	cases := []struct {
		in         string
		code       string
		candidates string
	}{
		{"BKCT", "BKCT", ""},
		{"bkct", "BKCT", ""},
		{"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "BKCT", ""},
		{"BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH", "BKCT", ""},
		{"Bằng khen của Chủ tịch UBND tỉnh", "BKCT", ""},
		{"Bằng khen UBND tỉnh", "BKCT", ""},
		{"Bằng khen Chủ tịch tỉnh", "BKCT", ""},
		{"Bang khen cua Chu tich UBND tinh", "BKCT", ""},
		{"BK UBND tỉnh", "BKCT", ""},
		{"Bằng khen của Ủy ban MTTQ Việt Nam tỉnh", "BKMTTQ", ""},
		{"CSTĐ cấp tỉnh", "CSTDT", ""},
		{"Chiến sĩ thi đua cơ sở", "CSTDCS", ""},
		{"CSTĐCS", "CSTDCS", ""},
		{"LĐTT", "LDTT", ""},
		{"Lao động tiên tiến", "LDTT", ""},
		{"Tập thể LĐXS", "", ""},
		{"Cờ thi đua UBND tỉnh", "CTDT", ""},
		{"Giấy khen", "", "GKCA, GKSO, GKXA"},
		{"Chiến sĩ thi đua", "", "CSTDCS, CSTDT"},
		{"Huân chương Lao động", "", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		code, cands := m.match(c.in)
		if code != c.code || strings.Join(cands, ", ") != c.candidates {
			t.Errorf("match(%q) = %q, %q; want %q, %q", c.in, code, cands, c.code, c.candidates)
		}
	}
	if code, _ := newFormMatcher(nil).match("bkct"); code != "BKCT" {
		t.Errorf("without a catalogue a code is taken as is: got %q", code)
	}
}

func TestSectionKind(t *testing.T) {
	cases := []struct {
		in   string
		kind khenthuong.Kind
		rest string
	}{
		{"I. TẬP THỂ", khenthuong.Collective, ""},
		{"I TẬP THỂ", khenthuong.Collective, ""},
		{"II. CÁ NHÂN", khenthuong.Individual, ""},
		{"III. HỘ GIA ĐÌNH", khenthuong.Household, ""},
		{"A. Tập thể", khenthuong.Collective, ""},
		{"B. Cá nhân", khenthuong.Individual, ""},
		{"1. Cá nhân", khenthuong.Individual, ""},
		{"1. Cá nhân:", khenthuong.Individual, ""},
		{"Cá nhân", khenthuong.Individual, ""},
		{"II. CÁ NHÂN (25 người)", khenthuong.Individual, ""},
		{"I. Tập thể: 05 tập thể", khenthuong.Collective, ""},
		{"I. KHEN THƯỞNG TẬP THỂ", khenthuong.Collective, ""},
		{"1. Tập thể đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh", khenthuong.Collective, "de nghi tang bang khen cua chu tich ubnd tinh"},
		{"Tập thể Phòng Tổng hợp", "", ""},
		{"Tập thể lao động xuất sắc", "", ""},
		{"Nguyễn Văn An", "", ""},
		{"I. KHỐI CƠ QUAN ĐẢNG", "", ""},
	}
	for _, c := range cases {
		kind, rest := sectionKind(c.in)
		if kind != c.kind || rest != c.rest {
			t.Errorf("sectionKind(%q) = %q, %q; want %q, %q", c.in, kind, rest, c.kind, c.rest)
		}
	}
}

func TestInferKind(t *testing.T) {
	cases := map[string]khenthuong.Kind{
		"Nguyễn Văn An":              khenthuong.Individual,
		"Trương Quang Sáng":          khenthuong.Individual,
		"Trường THPT Lệ Thủy":        khenthuong.Collective,
		"Ông Ích Khiêm":              khenthuong.Individual,
		"Đại tá Lê Văn Tiến":         khenthuong.Individual,
		"Phòng Tư pháp":              khenthuong.Collective,
		"Công an xã Ngư Hóa":         khenthuong.Collective,
		"UBND xã Ngư Hóa":            khenthuong.Collective,
		"Hộ ông Cao Văn Đức":         khenthuong.Household,
		"Gia đình bà Nguyễn Thị Lan": khenthuong.Household,
		"Đội Cảnh sát giao thông":    khenthuong.Collective,
		"Xyz Abc":                    "",
		"Trương Quang Sáng, Phó Giám đốc Sở Tư pháp": khenthuong.Individual,
		"Nguyễn Văn Nam (Trưởng thôn Tân Lịch)":      khenthuong.Individual,
		"Hộ ông Cao Văn Đức, thôn Tân Lịch":          khenthuong.Household,
		"Phòng Tư pháp, UBND huyện Gio Linh":         khenthuong.Collective,
		"Trưởng phòng Tư pháp, Nguyễn Văn An":        "", // a post first: nothing sure
		"": "",
	}
	for in, want := range cases {
		if got, _ := inferKind(in); got != want {
			t.Errorf("inferKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFooterAndHeading(t *testing.T) {
	for in, want := range map[string]bool{
		"Tổng cộng: 15 tập thể":                true,
		"Cộng: 25 người":                       true,
		"Công an xã Ngư Hóa":                   false,
		"Quảng Trị, ngày 05 tháng 01 năm 2025": true,
		"NGƯỜI LẬP BIỂU":                       true,
		"KT. GIÁM ĐỐC":                         true,
		"Nguyễn Văn An":                        false,
		"Danh sách này có 25 người":            true,
	} {
		if got := isFooter(in); got != want {
			t.Errorf("isFooter(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]bool{
		"I. KHỐI CƠ QUAN ĐẢNG":  true,
		"B. CÁC SỞ, BAN, NGÀNH": true,
		"1 PHÒNG TƯ PHÁP":       false,
		"I. Khối cơ quan":       false,
		"PHÒNG TƯ PHÁP":         false,
	} {
		if got := isHeading(in); got != want {
			t.Errorf("isHeading(%q) = %v", in, got)
		}
	}
}

func TestGenderOfMiddleName(t *testing.T) {
	for name, want := range map[string]khenthuong.Gender{
		"Nguyễn Thị Hoa": khenthuong.Female, "Trần Văn An": khenthuong.Male, "Lê Thị Văn": khenthuong.Female,
		"Nguyễn Văn Thị Mai": khenthuong.Female,                                            // "Thị" wins
		"Hoàng Ngọc Anh":     khenthuong.GenderUnknown, "Văn An": khenthuong.GenderUnknown, // no middle name
		"Ksor Y Phun": khenthuong.GenderUnknown,
	} {
		if got := genderOfMiddleName(name); got != want {
			t.Errorf("genderOfMiddleName(%q) = %q, want %q", name, got, want)
		}
	}
}
