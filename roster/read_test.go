package roster

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/vntext"
)

const (
	nfdPhong   = "Pho\u0300ng Pho\u0302\u0309 bie\u0302\u0301n, gia\u0301o du\u0323c pha\u0301p lua\u0323\u0302t" // NFD
	cp1258Bà   = "B\u00e0 Nguy\u00ea\u0303n Thi\u0323 Nh\u01b0 Quy\u0300nh"                                       // Windows-1258 style: base letters precomposed, tones combining
	achieveBK  = "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"
	achieveNFD = "Đa\u0303 co\u0301 tha\u0300nh ti\u0301ch xu\u00e2\u0301t s\u0103\u0301c trong ph\u00f4ng tra\u0300o"
)

// unitFile is a list as a Sở sends it: national heading in merged cells, a
// title, a two-row header with "Năm sinh" over "Nam" | "Nữ", a row numbering
// the columns, sections I/II/III, a row of #N/A from a lookup column, blank
// rows, and the totals and signature block below the list.
func unitFile() xsheet {
	return xsheet{
		name: "Danh sach",
		rows: [][]any{
			{"UBND TỈNH QUẢNG TRỊ", nil, nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
			{"SỞ TƯ PHÁP", nil, nil, nil, "Độc lập - Tự do - Hạnh phúc"},
			{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"},
			{"(Kèm theo Tờ trình số 45/TTr-STP ngày 02/6/2024 của Sở Tư pháp)"},
			{},
			{"STT", "Họ và tên", "Năm sinh", nil, "Chức vụ, đơn vị công tác", "Hình thức khen thưởng", "Tóm tắt thành tích", "Điện thoại"},
			{nil, nil, "Nam", "Nữ"},
			{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"},
			{"I", "TẬP THỂ"},
			{1, nfdPhong, nil, nil, "Sở Tư pháp", "Bằng khen UBND tỉnh", achieveBK},
			{2, "  Phòng Hành chính   tư pháp ", nil, nil, "Sở Tư pháp", "Tập thể lao động xuất sắc", achieveNFD, "0233 3852 123"},
			{"#N/A", "#N/A", "#N/A", nil, "#N/A", "#N/A"},
			{},
			{"II", "CÁ NHÂN"},
			{1, "Ông Trương Quang Sáng", 1975, nil, "Phó Giám đốc Sở Tư pháp", "BKCT", achieveBK},
			{2, cp1258Bà, nil, "1980", "Chuyên viên Phòng Hành chính tư pháp, Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh", achieveBK},
			{3, "Đại tá Lê Văn Tiến", time.Date(1968, 5, 12, 0, 0, 0, 0, time.UTC), nil, "Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "CSTĐ cấp tỉnh", achieveBK},
			{4, "Hoàng Thị Mỹ Linh", nil, "x", "Chuyên viên Văn phòng Sở", "Giấy khen của Giám đốc Sở", ""},
			{5},
			{"III. HỘ GIA ĐÌNH"},
			{1, "Hộ ông Cao Văn Đức", nil, nil, "Thôn Tân Lịch, xã Ngư Hóa", "Bằng khen của Chủ tịch UBND tỉnh", "Đã hiến 500 m² đất làm đường"},
			{"Tổng cộng: 02 tập thể, 04 cá nhân, 01 hộ gia đình"},
			{},
			{nil, nil, nil, nil, "GIÁM ĐỐC"},
			{},
			{nil, nil, nil, nil, "Nguyễn Văn Sở"},
		},
		merges: [][2]string{{"A1", "C1"}, {"E1", "H1"}, {"A3", "H3"}, {"A4", "H4"}, {"C6", "D6"}, {"A6", "A7"}, {"B6", "B7"}, {"A20", "H20"}, {"A22", "H22"}},
	}
}

func TestReadXLSXUnitFile(t *testing.T) {
	path := writeXLSX(t, t.TempDir(), "so-tu-phap.xlsx", unitFile())
	im, err := Read(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 {
		t.Fatalf("errors:%s", problemsOf(im))
	}
	phong := collective("Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp", "BKCT")
	phong.Achievement = achieveBK
	hanhChinh := collective("Phòng Hành chính tư pháp", "Sở Tư pháp", "TTLDXS")
	hanhChinh.Achievement = vntext.Clean(achieveNFD)
	sang := person("Ông", "Trương Quang Sáng", khenthuong.Male, "1975", "Phó Giám đốc Sở Tư pháp", "", "BKCT")
	sang.Achievement = achieveBK
	quynh := person("Bà", "Nguyễn Thị Như Quỳnh", khenthuong.Female, "1980", "Chuyên viên Phòng Hành chính tư pháp, Sở Tư pháp", "", "BKCT")
	quynh.Achievement = achieveBK
	tien := person("Đại tá", "Lê Văn Tiến", khenthuong.Male, "1968-05-12", "Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "", "CSTDT")
	tien.Achievement = achieveBK
	linh := person("", "Hoàng Thị Mỹ Linh", khenthuong.Female, "", "Chuyên viên Văn phòng Sở", "", "GKSO")
	duc := khenthuong.Nomination{
		Nominee:     khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Cao Văn Đức", Unit: "Thôn Tân Lịch, xã Ngư Hóa"},
		FormCode:    "BKCT",
		Achievement: "Đã hiến 500 m² đất làm đường",
	}
	// The title's "(Kèm theo Tờ trình số 45/TTr-STP ngày 02/6/2024 của Sở Tư pháp)" is every row's.
	for _, n := range []*khenthuong.Nomination{&phong, &hanhChinh, &sang, &quynh, &tien, &linh, &duc} {
		n.SubmissionNo, n.SubmissionDate, n.ProposingUnit = "45/TTr-STP", khenthuong.MustDate("2024-06-02"), "Sở Tư pháp"
	}
	checkRows(t, im, []wantRow{
		{line: 10, n: phong}, {line: 11, n: hanhChinh},
		{line: 15, n: sang}, {line: 16, n: quynh}, {line: 17, n: tien}, {line: 18, n: linh},
		{line: 21, n: duc},
	})
	if len(im.Sheets) != 1 || im.Sheets[0].HeaderRow != 6 || im.Sheets[0].Rows != 7 {
		t.Errorf("sheets = %+v", im.Sheets)
	}
	if want := []string{"Danh sach: cột H “Điện thoại”"}; strings.Join(im.Unknown, "|") != strings.Join(want, "|") {
		t.Errorf("unknown columns = %q, want %q", im.Unknown, want)
	}
	for header, field := range map[string]Field{
		"STT": FieldSTT, "Họ và tên": FieldName, "Năm sinh / Nam": FieldMale, "Năm sinh / Nữ": FieldFemale,
		"Chức vụ, đơn vị công tác": FieldPositionUnit, "Hình thức khen thưởng": FieldForm, "Tóm tắt thành tích": FieldAchievement,
	} {
		if got := im.Mapping.Columns[header]; got != field {
			t.Errorf("mapping[%q] = %q, want %q", header, got, field)
		}
	}
	if im.Warnings() != 1 || im.Problems[0].Row != 4 || !strings.Contains(im.Problems[0].Message, "số 45/TTr-STP, ngày 02/06/2024, Sở Tư pháp") {
		t.Errorf("want the one warning saying where the submission comes from:%s", problemsOf(im))
	}

	// The same workbook saved with macros (.xlsm) reads the same.
	b, err := os.ReadFile(path)
	must(t, err)
	xlsm := strings.TrimSuffix(path, ".xlsx") + ".xlsm"
	must(t, writeFile(xlsm, b))
	if again, err := Read(xlsm, testOptions()); err != nil {
		t.Errorf(".xlsm: %v", err)
	} else if len(again.Rows) != len(im.Rows) {
		t.Errorf(".xlsm: %d rows, want %d", len(again.Rows), len(im.Rows))
	}
}

func TestReadXLSXLegacyEncodings(t *testing.T) {
	const (
		tinhTCVN3  = "Nguy\u00d4n V\u00a8n T\u00d7nh"                // Nguyễn Văn Tình
		tramTCVN3  = "Tr\u00b9m Y t\u00d5 x\u00b7 Ng\u00ad H\u00e3a" // Trạm Y tế xã Ngư Hóa
		sangTCVN3  = "Tr\u00ad\u00acng Quang S\u00b8ng"              // Trương Quang Sáng
		bangTCVN3  = "\u00a7\u00c6ng \u00a7\u00b9i B\u00b5ng"        // Đặng Đại Bàng
		quynhVNI   = "Nguye\u00e3n Th\u00f2 Nh\u00f6 Quy\u00f8nh"    // Nguyễn Thị Như Quỳnh
		daiVNI     = "\u00d1a\u00f8i Pha\u00f9t thanh va\u00f8 Truye\u00e0n h\u00ecnh Qua\u00fbng B\u00ecnh"
		capsTCVN3H = "quy\u00d5t \u00ae\u00denh"   // QUYẾT ĐỊNH in .VnTimeH
		minhHoa    = "Minh H\u00f3a"               // "Minh Hóa" as typed: TCVN3 for "Minh Húa" in a TCVN3 column
		truongPhg  = "Tr\u00ad\u00ebng ph\u00dfng" // Trưởng phòng
		chuyenVien = "Chuy\u00aan vi\u00aan"       // Chuyên viên
	)
	for enc, in := range map[string][2]string{
		"tinh": {tinhTCVN3, "Nguyễn Văn Tình"}, "tram": {tramTCVN3, "Trạm Y tế xã Ngư Hóa"},
		"sang": {sangTCVN3, "Trương Quang Sáng"}, "bang": {bangTCVN3, "Đặng Đại Bàng"},
		"truong": {truongPhg, "Trưởng phòng"}, "cv": {chuyenVien, "Chuyên viên"},
	} {
		if got := vntext.DecodeTCVN3(in[0]); got != in[1] {
			t.Fatalf("test data %s: DecodeTCVN3(%q) = %q, want %q", enc, in[0], got, in[1])
		}
	}
	header := []any{fc{"STT", ".VnTime"}, fc{"H\u00e4 v\u00b5 t\u00aan", ".VnTime"}, fc{"N\u00a8m sinh", ".VnTime"},
		fc{"Ch\u00f8c v\u00f4", ".VnTime"}, fc{"\u00a7\u00acn v\u00de", ".VnTime"}}
	sheet := xsheet{
		name: "TCVN3",
		rows: [][]any{
			{fc{capsTCVN3H, ".VnTimeH"}},
			header,
			{1, fc{tinhTCVN3, ".VnTime"}, 1970, fc{truongPhg, ".VnTime"}, fc{tramTCVN3, ".VnTime"}},
			{2, fc{quynhVNI, "VNI-Times"}, 1982, fc{"Ke\u00e1 toa\u00f9n", "VNI-Times"}, fc{daiVNI, "VNI-Times"}},
			{3, bangTCVN3, 1965, chuyenVien, "Sở Nội vụ"},                         // no font: told by the text
			{4, sangTCVN3, 1975, chuyenVien, fc{minhHoa, ".VnTime"}},              // the font says TCVN3
			{5, "Hoàng Thị Mỹ Linh", 1990, "Chuyên viên", "Trạm Y tế xã Ngư Hóa"}, // Unicode stays
		},
	}
	path := writeXLSX(t, t.TempDir(), "cu.xlsx", sheet)
	opts := testOptions()
	opts.DefaultForm = "bkct"
	im, err := Read(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 {
		t.Fatalf("errors:%s", problemsOf(im))
	}
	checkRows(t, im, []wantRow{
		{line: 3, n: person("", "Nguyễn Văn Tình", khenthuong.Male, "1970", "Trưởng phòng", "Trạm Y tế xã Ngư Hóa", "BKCT")},
		{line: 4, n: person("", "Nguyễn Thị Như Quỳnh", khenthuong.Female, "1982", "Kế toán", "Đài Phát thanh và Truyền hình Quảng Bình", "BKCT")},
		{line: 5, n: person("", "Đặng Đại Bàng", "", "1965", "Chuyên viên", "Sở Nội vụ", "BKCT")},
		{line: 6, n: person("", "Trương Quang Sáng", "", "1975", "Chuyên viên", "Minh Húa", "BKCT")},
		{line: 7, n: person("", "Hoàng Thị Mỹ Linh", khenthuong.Female, "1990", "Chuyên viên", "Trạm Y tế xã Ngư Hóa", "BKCT")},
	})
	want := map[string]string{ // cell -> encoding
		"A1": "TCVN3 (ABC)", "B2": "TCVN3 (ABC)", "C2": "TCVN3 (ABC)", "D2": "TCVN3 (ABC)", "E2": "TCVN3 (ABC)",
		"B3": "TCVN3 (ABC)", "D3": "TCVN3 (ABC)", "E3": "TCVN3 (ABC)",
		"B4": "VNI", "D4": "VNI", "E4": "VNI",
		"B5": "TCVN3 (ABC)", "D5": "TCVN3 (ABC)",
		"B6": "TCVN3 (ABC)", "D6": "TCVN3 (ABC)", "E6": "TCVN3 (ABC)",
	}
	got := map[string]string{}
	for _, c := range im.Converted {
		letter, _, _ := strings.Cut(c.Column, " ")
		got[letter+itoa(c.Row)] = c.Encoding
		if c.Sheet != "TCVN3" || c.From == c.To {
			t.Errorf("conversion %+v", c)
		}
	}
	for cell, enc := range want {
		if got[cell] != enc {
			t.Errorf("cell %s converted as %q, want %q", cell, got[cell], enc)
		}
	}
	for cell := range got {
		if _, ok := want[cell]; !ok {
			t.Errorf("cell %s converted, want it left alone", cell)
		}
	}
	if c := im.Converted[0]; c.To != "QUYẾT ĐỊNH" || c.Row != 1 {
		t.Errorf("first conversion = %+v, want the .VnTimeH title as QUYẾT ĐỊNH", c)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

// TestReadXLSXWholeColumnLegacy: a column typed in TCVN3 without a font
// converts its doubtful cells too, when most of it is surely TCVN3.
func TestReadXLSXWholeColumnLegacy(t *testing.T) {
	sheet := xsheet{
		name: "Sheet1",
		rows: [][]any{
			{"STT", "Họ và tên", "Đơn vị", "Hình thức"},
			{1, "Nguy\u00d4n V\u00a8n T\u00d7nh", "Tr\u00b9m Y t\u00d5 x\u00b7 Ng\u00ad H\u00e3a", "BKCT"},
			{2, "\u00a7\u00c6ng \u00a7\u00b9i B\u00b5ng", "Minh H\u00f3a", "BKCT"},
			{3, "Tr\u00ad\u00acng Quang S\u00b8ng", "Ph\u00dfng Ph\u00e6 bi\u00d5n", "BKCT"},
		},
	}
	im, err := Read(writeXLSX(t, t.TempDir(), "cot.xlsx", sheet), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, r := range im.Rows {
		units = append(units, r.Nomination.Nominee.Unit)
	}
	if want := "Trạm Y tế xã Ngư Hóa|Minh Húa|Phòng Phổ biến"; strings.Join(units, "|") != want {
		t.Errorf("units = %q, want %q", strings.Join(units, "|"), want)
	}
	if len(im.Converted) != 6 {
		t.Errorf("converted %d cells, want 6: %+v", len(im.Converted), im.Converted)
	}
}

// TestReadXLSXDefaultFontVnTime: an old workbook whose Normal style is
// .VnTime, every cell without a font of its own.
func TestReadXLSXDefaultFontVnTime(t *testing.T) {
	sheet := xsheet{
		name: "Sheet1", defaultFont: ".VnTime",
		rows: [][]any{
			{"STT", "H\u00e4 v\u00b5 t\u00aan", "\u00a7\u00acn v\u00de"},
			{1, "Minh H\u00e3a", "Ph\u00dfng T\u00ad ph\u00b8p"},
		},
	}
	opts := testOptions()
	opts.DefaultForm = "TTLDXS"
	im, err := Read(writeXLSX(t, t.TempDir(), "vntime.xlsx", sheet), opts)
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 {
		t.Fatalf("errors:%s", problemsOf(im))
	}
	checkRows(t, im, []wantRow{{line: 2, n: collective("Minh Hóa", "Phòng Tư pháp", "TTLDXS")}})
}

func TestReadXLSXProblems(t *testing.T) {
	header := []any{"STT", "Loại", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"}
	cases := []struct {
		name     string
		row      []any
		column   string // letter of the column named
		message  string
		severity Severity
		check    func(t *testing.T, r Row)
	}{
		{"DateThatDoesNotExist", []any{1, "Cá nhân", "Lê Văn A", "Nam", "31/02/1980", "", "Sở Nội vụ", "BKCT"}, "E", "không có thật", SeverityError, nil},
		{"TwoDigitYear", []any{1, "Cá nhân", "Lê Văn B", "Nam", "5/1/75", "", "Sở Nội vụ", "BKCT"}, "E", "4 chữ số", SeverityError, nil},
		{"DateNotADate", []any{1, "Cá nhân", "Lê Văn C", "Nam", "không rõ", "", "Sở Nội vụ", "BKCT"}, "E", "không phải ngày", SeverityError, nil},
		{"BirthInTheFuture", []any{1, "Cá nhân", "Lê Văn D", "Nam", "2099", "", "Sở Nội vụ", "BKCT"}, "E", "sau ngày hôm nay", SeverityError, nil},
		{"UnknownForm", []any{1, "Cá nhân", "Lê Văn E", "Nam", "1970", "", "Sở Nội vụ", "Huân chương Lao động hạng Ba"}, "H", "Không có hình thức", SeverityError, nil},
		{"AmbiguousFormSettledByKind", []any{1, "Tập thể", "Phòng Tổ chức", "", "", "", "Sở Nội vụ", "Tiên tiến"}, "H", "hiểu là TTLDTT (hình thức duy nhất dành cho tập thể)", SeverityWarning,
			func(t *testing.T, r Row) {
				if r.Nomination.FormCode != "TTLDTT" {
					t.Errorf("form = %q, want TTLDTT, the only candidate for a collective", r.Nomination.FormCode)
				}
			}},
		{"AmbiguousFormSettledByImportForm", []any{1, "Cá nhân", "Lê Văn F", "Nam", "1970", "", "Sở Nội vụ", "Giấy khen"}, "H", "hiểu là GKSO (theo hình thức chọn khi nhập)", SeverityWarning,
			func(t *testing.T, r Row) {
				if r.Nomination.FormCode != "GKSO" {
					t.Errorf("form = %q, want GKSO, the import's form among the candidates", r.Nomination.FormCode)
				}
			}},
		{"AmbiguousFormNotSettledByAnotherImportForm", []any{1, "Cá nhân", "Lê Văn F", "Nam", "1970", "", "Sở Nội vụ", "Bằng khen"}, "H", "BKCT, BKMTTQ", SeverityError, nil},
		{"FormNotForKind", []any{1, "Cá nhân", "Lê Văn G", "Nam", "1970", "", "Sở Nội vụ", "Cờ thi đua của UBND tỉnh"}, "H", "không áp dụng cho cá nhân", SeverityError, nil},
		{"UnknownKind", []any{1, "Công chức", "Lê Văn H", "Nam", "1970", "", "Sở Nội vụ", "BKCT"}, "B", "Loại đối tượng không rõ", SeverityError, nil},
		{"UnknownGender", []any{1, "Cá nhân", "Lê Văn I", "Khác", "1970", "", "Sở Nội vụ", "BKCT"}, "D", "Giới tính không rõ", SeverityError, nil},
		{"NoName", []any{1, "Cá nhân", "", "Nam", "1970", "Chuyên viên", "Sở Nội vụ", "BKCT"}, "C", "Chưa có họ và tên", SeverityError, nil},
		{"TooLong", []any{1, "Cá nhân", "Lê Văn K", "Nam", "1970", strings.Repeat("Phó ", 20), "Sở Nội vụ", "BKCT"}, "F", "quá giới hạn 60", SeverityError, nil},
		{"MonthAndYear", []any{1, "Cá nhân", "Lê Văn L", "Nam", "03/1975", "", "Sở Nội vụ", "BKCT"}, "E", "Chỉ lấy năm sinh 1975", SeverityWarning,
			func(t *testing.T, r Row) {
				if r.Nomination.Nominee.Birth != (khenthuong.Date{Year: 1975}) {
					t.Errorf("birth = %v, want 1975", r.Nomination.Nominee.Birth)
				}
			}},
		{"FormulaErrorCell", []any{1, "Cá nhân", "Lê Văn M", "Nam", "1970", "#N/A", "Sở Nội vụ", "BKCT"}, "F", "lỗi công thức", SeverityWarning,
			func(t *testing.T, r Row) {
				if r.Nomination.Nominee.Position != "" {
					t.Errorf("position = %q, want empty", r.Nomination.Nominee.Position)
				}
			}},
		{"CollectiveWithGender", []any{1, "Tập thể", "Phòng Tổ chức", "Nam", "", "", "Sở Nội vụ", "BKCT"}, "C", "không có giới tính", SeverityWarning,
			func(t *testing.T, r Row) {
				if r.Nomination.Nominee.Gender != "" {
					t.Errorf("gender = %q, want none for a collective", r.Nomination.Nominee.Gender)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeXLSX(t, t.TempDir(), "loi.xlsx", xsheet{name: "Trang 1", rows: [][]any{{"DANH SÁCH"}, header, c.row}})
			opts := testOptions()
			opts.MaxCellLen = 60
			opts.DefaultForm = "GKSO"
			im, err := Read(path, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(im.Rows) != 1 {
				t.Fatalf("rows = %d, want 1:%s", len(im.Rows), problemsOf(im))
			}
			var found *Problem
			for i, p := range im.Problems {
				if strings.Contains(p.Message, c.message) {
					found = &im.Problems[i]
				}
			}
			if found == nil {
				t.Fatalf("no problem with %q:%s", c.message, problemsOf(im))
			}
			if found.Sheet != "Trang 1" || found.Row != 3 || !strings.HasPrefix(found.Column, c.column+" (") || found.Severity != c.severity {
				t.Errorf("problem = %+v, want Trang 1 row 3 column %s, %s", *found, c.column, c.severity)
			}
			if s := found.String(); !strings.Contains(s, "trang “Trang 1”, dòng 3, cột "+c.column) {
				t.Errorf("problem reads %q", s)
			}
			if got, want := im.Rows[0].Invalid, c.severity == SeverityError; got != want {
				t.Errorf("Invalid = %v, want %v", got, want)
			}
			if n := im.Errors(); (n > 0) != (c.severity == SeverityError) {
				t.Errorf("errors = %d:%s", n, problemsOf(im))
			}
			if c.check != nil {
				c.check(t, im.Rows[0])
			}
		})
	}
}

func TestReadXLSXSheets(t *testing.T) {
	lists := xsheet{name: "DM", hidden: true, rows: [][]any{{"STT", "Họ và tên", "Đơn vị"}, {1, "Nguyễn Văn Ẩn", "Sở"}}}
	notes := xsheet{name: "Ghi chu", rows: [][]any{{"Danh sách gửi kèm công văn"}, {"Liên hệ: 0233 3852 123"}}}
	first := xsheet{name: "Tap the", rows: [][]any{
		{"STT", "Tên tập thể", "Đơn vị", "Hình thức"},
		{1, "Phòng Tư pháp", "UBND huyện Lệ Thủy", "TTLDXS"},
	}}
	second := xsheet{name: "Ca nhan", rows: [][]any{
		{"DANH SÁCH CÁ NHÂN"},
		{"STT", "Danh xưng", "Họ tên", "Giới tính", "Ngày, tháng, năm sinh", "Chức vụ", "Đơn vị công tác", "Hình thức"},
		{1, "Bà", "Phạm Thị Hoa", "Nữ", "05/01/1975", "Trưởng phòng", "Phòng Tư pháp", "LĐTT"},
		{2, "", "Ông Võ Văn Nam", "", 27395, "", "Phòng Tư pháp", "Lao động tiên tiến"},
	}}
	im, err := Read(writeXLSX(t, t.TempDir(), "nhieu-trang.xlsx", notes, first, lists, second), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 {
		t.Fatalf("errors:%s", problemsOf(im))
	}
	checkRows(t, im, []wantRow{
		{sheet: "Tap the", line: 2, n: collective("Phòng Tư pháp", "UBND huyện Lệ Thủy", "TTLDXS")},
		{sheet: "Ca nhan", line: 3, n: person("Bà", "Phạm Thị Hoa", khenthuong.Female, "1975-01-05", "Trưởng phòng", "Phòng Tư pháp", "LDTT")},
		{sheet: "Ca nhan", line: 4, n: person("Ông", "Võ Văn Nam", khenthuong.Male, "1975-01-01", "", "Phòng Tư pháp", "LDTT")},
	})
	var skipped []string
	for _, s := range im.Sheets {
		if s.Skipped != "" {
			skipped = append(skipped, s.Name+": "+s.Skipped)
		}
	}
	if want := "Ghi chu: không có dòng tiêu đề cột trong 20 dòng đầu|DM: trang ẩn"; strings.Join(skipped, "|") != want {
		t.Errorf("skipped = %q, want %q", skipped, want)
	}
	if im.Warnings() != 1 || im.Problems[0].Sheet != "Ghi chu" || !strings.Contains(im.Problems[0].Message, "Bỏ qua trang") {
		t.Errorf("warnings:%s", problemsOf(im))
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := dir + "/" + name
		must(t, writeFile(path, b))
		return path
	}
	cases := []struct {
		name, path, message string
	}{
		{"OldXLS", write("cu.xls", []byte("whatever")), "hãy mở bằng Excel"},
		{"XLSInDisguise", write("doi-duoi.xlsx", append(append([]byte{}, oleMagic...), make([]byte, 512)...)), "lưu thành .xlsx"},
		{"NotAZip", write("rac.xlsx", []byte("STT;Họ và tên\n1;A")), "không phải tệp Excel"},
		{"BrokenZip", write("hong.xlsx", []byte("PK\x03\x04garbage")), "bị hỏng"},
		{"WrongExtension", write("danh-sach.pdf", []byte("x")), "chỉ nhận tệp Excel"},
		{"Missing", dir + "/khong-co.xlsx", "Không có tệp"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im, err := Read(c.path, testOptions())
			if err == nil || im != nil {
				t.Fatalf("Read = %v, %v; want an error", im, err)
			}
			if khenthuong.ErrorCode(err) != khenthuong.EINVALID || !strings.Contains(khenthuong.ErrorMessage(err), c.message) {
				t.Errorf("error = %v (%s), want %q", err, khenthuong.ErrorCode(err), c.message)
			}
		})
	}
	t.Run("NoHeaderAnywhere", func(t *testing.T) {
		im, err := Read(writeXLSX(t, dir, "trong.xlsx", xsheet{name: "S", rows: [][]any{{"Xin chào"}}}), testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if im.Errors() != 1 || !strings.Contains(im.Problems[0].Message, "Không tìm thấy dòng tiêu đề") {
			t.Errorf("problems:%s", problemsOf(im))
		}
	})
	t.Run("HeaderButNoRows", func(t *testing.T) {
		im, err := Read(writeXLSX(t, dir, "rong.xlsx", xsheet{name: "S", rows: [][]any{{"STT", "Họ và tên", "Đơn vị"}}}), testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if im.Errors() != 1 || !strings.Contains(im.Problems[0].Message, "không có dòng dữ liệu") {
			t.Errorf("problems:%s", problemsOf(im))
		}
	})
	t.Run("TooManyRows", func(t *testing.T) {
		rows := [][]any{{"STT", "Họ và tên", "Đơn vị"}}
		for i := 1; i <= 30; i++ {
			rows = append(rows, []any{i, "Nguyễn Văn " + itoa(i), "Sở"})
		}
		opts := testOptions()
		opts.MaxRows, opts.DefaultForm = 10, "BKCT"
		im, err := Read(writeXLSX(t, dir, "dai.xlsx", xsheet{name: "S", rows: rows}), opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(im.Rows) != 10 || im.Errors() != 1 || !strings.Contains(problemsOf(im), "hơn 10 dòng") {
			t.Errorf("rows = %d, problems:%s", len(im.Rows), problemsOf(im))
		}
	})
}

func TestReadWithMapping(t *testing.T) {
	dir := t.TempDir()
	m := &Mapping{Columns: map[string]Field{
		"Người được đề nghị": FieldName,
		"Nơi làm việc":       FieldUnit,
		"Mức khen":           FieldForm,
		"Cột phụ":            FieldIgnore,
	}}
	must(t, m.Save(dir+"/so-do.json"))
	loaded, err := LoadMapping(dir + "/so-do.json")
	if err != nil {
		t.Fatal(err)
	}
	sheet := xsheet{name: "S", rows: [][]any{
		{"TT", "NGƯỜI ĐƯỢC ĐỀ NGHỊ", "Nơi làm việc", "Mức khen", "Cột phụ"},
		{1, "Nguyễn Văn An", "Sở Nội vụ", "Bằng khen của Chủ tịch UBND tỉnh", "abc"},
	}}
	opts := testOptions()
	opts.Mapping = loaded
	im, err := Read(writeXLSX(t, dir, "la.xlsx", sheet), opts)
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 || len(im.Unknown) != 0 {
		t.Fatalf("unknown %q, problems:%s", im.Unknown, problemsOf(im))
	}
	checkRows(t, im, []wantRow{{line: 2, n: person("", "Nguyễn Văn An", khenthuong.Male, "", "", "Sở Nội vụ", "BKCT")}})

	must(t, writeFile(dir+"/sai.json", []byte(`{"columns":{"A":"tuoi"}}`)))
	if _, err := LoadMapping(dir + "/sai.json"); err == nil || !strings.Contains(khenthuong.ErrorMessage(err), "không có") {
		t.Errorf("LoadMapping(bad field) = %v", err)
	}
}

// TestReadXLSXMergedDown: a unit and a form typed once, merged down over a
// group of people.
func TestReadXLSXMergedDown(t *testing.T) {
	sheet := xsheet{
		name: "S",
		rows: [][]any{
			{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức"},
			{1, "Nguyễn Văn An", "Trưởng phòng", "Sở Nội vụ", "BKCT"},
			{2, "Lê Thị Bình", "Phó Trưởng phòng"},
			{3, "Trần Văn Cường", "Chuyên viên", nil, "LĐTT"},
			{4, "Phạm Văn Dũng", "Chuyên viên", "Sở Y tế"},
		},
		merges: [][2]string{{"D2", "D4"}, {"E2", "E3"}},
	}
	opts := testOptions()
	opts.DefaultForm = "CSTDCS"
	im, err := Read(writeXLSX(t, t.TempDir(), "gop.xlsx", sheet), opts)
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 {
		t.Fatalf("errors:%s", problemsOf(im))
	}
	checkRows(t, im, []wantRow{
		{line: 2, n: person("", "Nguyễn Văn An", khenthuong.Male, "", "Trưởng phòng", "Sở Nội vụ", "BKCT")},
		{line: 3, n: person("", "Lê Thị Bình", khenthuong.Female, "", "Phó Trưởng phòng", "Sở Nội vụ", "BKCT")},
		{line: 4, n: person("", "Trần Văn Cường", khenthuong.Male, "", "Chuyên viên", "Sở Nội vụ", "LDTT")},
		{line: 5, n: person("", "Phạm Văn Dũng", khenthuong.Male, "", "Chuyên viên", "Sở Y tế", "CSTDCS")},
	})
}

// TestReadXLSXSections: lists grouped by form and by kind with every way of
// writing a section row, group headings, and the header repeated on a later
// page, with no kind or form column.
func TestReadXLSXSections(t *testing.T) {
	sheet := xsheet{
		name: "S",
		rows: [][]any{
			{"STT", "Họ và tên", "Chức vụ", "Đơn vị"},
			{"I. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"},
			{"A. Tập thể"},
			{1, "Phòng Tư pháp", nil, "UBND huyện Lệ Thủy"},
			{"B. Cá nhân:"},
			{"1", "Lê Văn An", "Trưởng phòng", "Phòng Tư pháp"},
			{"II", "CHIẾN SĨ THI ĐUA CƠ SỞ"},
			{"KHỐI CƠ QUAN ĐẢNG"},
			{1, "Trần Thị Bình", "Chuyên viên", "Ban Tuyên giáo"},
			{"STT", "Họ và tên", "Chức vụ", "Đơn vị"},
			{2, "Võ Văn Cường", "Chuyên viên", "Ban Tổ chức"},
			{"III. Tập thể lao động xuất sắc"},
			{1, "Trường THPT Lệ Thủy", nil, "Sở Giáo dục và Đào tạo"},
			{"IV. GIẤY KHEN CỦA GIÁM ĐỐC SỞ (05 tập thể, 10 cá nhân)"},
			{"1. HỘ GIA ĐÌNH"},
			{1, "Hộ ông Hồ Văn Dũng", nil, "Thôn 3"},
		},
	}
	im, err := Read(writeXLSX(t, t.TempDir(), "muc.xlsx", sheet), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	hh := khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Hồ Văn Dũng", Unit: "Thôn 3"}, FormCode: "GKSO"}
	checkRows(t, im, []wantRow{
		{line: 4, n: collective("Phòng Tư pháp", "UBND huyện Lệ Thủy", "BKCT")},
		{line: 6, n: person("", "Lê Văn An", khenthuong.Male, "", "Trưởng phòng", "Phòng Tư pháp", "BKCT")},
		{line: 9, n: person("", "Trần Thị Bình", khenthuong.Female, "", "Chuyên viên", "Ban Tuyên giáo", "CSTDCS")},
		{line: 11, n: person("", "Võ Văn Cường", khenthuong.Male, "", "Chuyên viên", "Ban Tổ chức", "CSTDCS")},
		{line: 13, n: collective("Trường THPT Lệ Thủy", "Sở Giáo dục và Đào tạo", "TTLDXS")},
		{line: 16, n: hh},
	})
}

// TestReadXLSXTwoTablesOnASheet: collectives and individuals in two tables
// with different columns on one sheet, each under its section heading, the
// first closed by its own totals row.
func TestReadXLSXTwoTablesOnASheet(t *testing.T) {
	sheet := xsheet{
		name: "Gio Linh",
		rows: [][]any{
			{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"},
			{"I. TẬP THỂ"},
			{"STT", "Tên tập thể", "Đơn vị cấp trên", "Hình thức khen thưởng"},
			{1, "Phòng Tư pháp", "UBND huyện Gio Linh", "BKCT"},
			{2, "Trường Tiểu học Gio Mai", "Phòng GD&ĐT huyện Gio Linh", "TTLDXS"},
			{"Tổng cộng: 02 tập thể"},
			{},
			{"II. CÁ NHÂN"},
			{"STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng"},
			{1, "Lê Văn An", 1970, "Nam", "Chuyên viên", "Phòng Tư pháp", "BKCT"},
			{2, "Trần Thị Hoa", 1985, "Nữ", "Giáo viên", "Trường Tiểu học Gio Mai", "BKCT"},
			{"Tổng cộng: 02 cá nhân"},
			{nil, nil, nil, nil, "CHỦ TỊCH"},
		},
	}
	im, err := Read(writeXLSX(t, t.TempDir(), "hai-bang.xlsx", sheet), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 || im.Warnings() != 0 {
		t.Fatalf("problems:%s", problemsOf(im))
	}
	checkRows(t, im, []wantRow{
		{line: 4, n: collective("Phòng Tư pháp", "UBND huyện Gio Linh", "BKCT")},
		{line: 5, n: collective("Trường Tiểu học Gio Mai", "Phòng GD&ĐT huyện Gio Linh", "TTLDXS")},
		{line: 10, n: person("", "Lê Văn An", khenthuong.Male, "1970", "Chuyên viên", "Phòng Tư pháp", "BKCT")},
		{line: 11, n: person("", "Trần Thị Hoa", khenthuong.Female, "1985", "Giáo viên", "Trường Tiểu học Gio Mai", "BKCT")},
	})
	if len(im.Sheets) != 2 || im.Sheets[0].HeaderRow != 3 || im.Sheets[0].Rows != 2 || im.Sheets[1].HeaderRow != 9 || im.Sheets[1].Rows != 2 {
		t.Errorf("tables %+v", im.Sheets)
	}
}

// TestReadXLSXNameAndPostInOneCell: a list copied from a decision's, each
// entry in one cell; each is split, with a warning the clerk can check.
func TestReadXLSXNameAndPostInOneCell(t *testing.T) {
	sheet := xsheet{name: "S", rows: [][]any{
		{"STT", "Họ và tên, chức vụ, đơn vị", "Hình thức khen thưởng"},
		{"I", "TẬP THỂ"},
		{1, "Phòng Tư pháp, UBND huyện Gio Linh", "BKCT"},
		{"II", "CÁ NHÂN"},
		{1, "Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp", "BKCT"},
		{2, "Bà Nguyễn Thị Bình - Chuyên viên Phòng Hành chính tư pháp, Sở Tư pháp", "BKCT"},
		{"III", "HỘ GIA ĐÌNH"},
		{1, "Hộ ông Cao Văn Đức, thôn Tân Lịch, xã Ngư Hóa", "BKCT"},
	}}
	im, err := Read(writeXLSX(t, t.TempDir(), "tu-quyet-dinh.xlsx", sheet), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	duc := khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Cao Văn Đức", Address: "thôn Tân Lịch, xã Ngư Hóa"}, FormCode: "BKCT"}
	checkRows(t, im, []wantRow{
		{line: 3, n: collective("Phòng Tư pháp", "UBND huyện Gio Linh", "BKCT")},
		{line: 5, n: person("Ông", "Trương Quang Sáng", khenthuong.Male, "", "Phó Giám đốc Sở Tư pháp", "", "BKCT")},
		{line: 6, n: person("Bà", "Nguyễn Thị Bình", khenthuong.Female, "", "Chuyên viên Phòng Hành chính tư pháp, Sở Tư pháp", "", "BKCT")},
		{line: 8, n: duc},
	})
	if im.Errors() != 0 || im.Warnings() != 4 {
		t.Errorf("want 4 warnings, one per split cell:%s", problemsOf(im))
	}
}

// TestReadXLSXNamesInCapitals: names typed all in capitals or in small
// letters are written as names are; collectives' capitals stay.
func TestReadXLSXNamesInCapitals(t *testing.T) {
	sheet := xsheet{name: "S", rows: [][]any{
		{"STT", "Loại", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức"},
		{1, "Cá nhân", "Ông NGUYỄN VĂN AN", "TRƯỞNG PHÒNG", "PHÒNG TƯ PHÁP", "BKCT"},
		{2, "Cá nhân", "trần thị hoa", "Giáo viên", "Trường TH Gio Mai", "BKCT"},
		{3, "Cá nhân", "H'HEN NIÊ", "Chuyên viên", "Sở Văn hóa", "BKCT"},
		{4, "Hộ gia đình", "HỘ ÔNG CAO VĂN ĐỨC", "", "Thôn Tân Lịch", "BKCT"},
		{5, "Tập thể", "PHÒNG CẢNH SÁT HÌNH SỰ", "", "Công an tỉnh", "BKCT"},
		{6, "Cá nhân", "Lê Văn Bình", "Kế toán", "UBND xã", "BKCT"},
	}}
	im, err := Read(writeXLSX(t, t.TempDir(), "hoa.xlsx", sheet), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range im.Rows {
		names = append(names, r.Nomination.Nominee.DisplayName())
	}
	want := "Ông Nguyễn Văn An|Trần Thị Hoa|H'Hen Niê|Hộ ông Cao Văn Đức|PHÒNG CẢNH SÁT HÌNH SỰ|Lê Văn Bình"
	if got := strings.Join(names, "|"); got != want {
		t.Errorf("names %q\nwant  %q", got, want)
	}
	if im.Warnings() != 2 || !strings.Contains(problemsOf(im), "viết toàn chữ hoa hoặc chữ thường ở 4 dòng") {
		t.Errorf("want one warning for the 4 names rewritten (and one for the genders read from the middle names):%s", problemsOf(im))
	}
	if p := im.Rows[0].Nomination.Nominee.Position; p != "TRƯỞNG PHÒNG" {
		t.Errorf("position %q: left as typed", p)
	}
}
