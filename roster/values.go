package roster

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/vntext"
)

// formulaErrors are the values Excel shows for a failed formula; lookup
// columns of other vendors' templates fill whole rows with #N/A. They count
// as empty cells.
var formulaErrors = map[string]bool{
	"#N/A": true, "#N/A N/A": true, "#REF!": true, "#VALUE!": true, "#DIV/0!": true, "#NAME?": true,
	"#NULL!": true, "#NUM!": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true,
	"#BLOCKED!": true, "#UNKNOWN!": true, "#CONNECT!": true, "#BUSY!": true,
}

func isFormulaError(s string) bool {
	return len(s) > 1 && s[0] == '#' && formulaErrors[strings.ToUpper(strings.TrimSpace(s))]
}

// parseDateCell reads a date as units type it: "05/01/1975", "5/1/1975",
// "1975", "1975-01-05", an Excel serial number (a date-formatted cell read
// raw), "ngày 05 tháng 01 năm 1975", or "01/1975" (month and year: only the
// year is kept, and monthDropped says so).
func parseDateCell(s string) (d khenthuong.Date, monthDropped bool, err error) {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	if s == "" {
		return khenthuong.Date{}, false, nil
	}
	bad := khenthuong.Errorf(khenthuong.EINVALID, "“%s” không phải ngày/tháng/năm (ví dụ 05/01/1975) hoặc năm (ví dụ 1975)", s)
	s = withoutBirthWord(s)
	if v, perr := strconv.ParseFloat(s, 64); perr == nil && !strings.ContainsAny(s, "eEnNxX") {
		switch {
		case v == math.Trunc(v) && v >= 1900 && v <= 2200:
			return khenthuong.Date{Year: int(v)}, false, nil
		case v > 2200 && v < 109575: // Excel serials of 1906-01-08 .. 2199-12-31
			t, terr := excelize.ExcelDateToTime(math.Trunc(v), false)
			if terr != nil {
				return khenthuong.Date{}, false, bad
			}
			return khenthuong.DateOf(t), false, nil
		case v >= 0 && v < 100 && v == math.Trunc(v):
			return khenthuong.Date{}, false, khenthuong.Errorf(khenthuong.EINVALID, "Năm “%s” phải ghi đủ 4 chữ số (ví dụ 1975)", s)
		}
		return khenthuong.Date{}, false, bad
	}
	folded := vntext.Fold(s)
	if strings.Contains(folded, "thang") || strings.HasPrefix(folded, "ngay") || strings.HasPrefix(folded, "nam ") {
		// "ngày 05 tháng 01 năm 1975", "tháng 01 năm 1975", "năm 1975"
		var nums []string
		for _, w := range strings.FieldsFunc(folded, func(r rune) bool { return unicode.IsSpace(r) || r == '/' || r == '-' || r == '.' }) {
			if isDigits(w) {
				nums = append(nums, w)
			}
		}
		switch len(nums) {
		case 3:
			s = nums[0] + "/" + nums[1] + "/" + nums[2]
		case 2:
			s = nums[0] + "/" + nums[1]
		case 1:
			s = nums[0]
		default:
			return khenthuong.Date{}, false, bad
		}
	}
	if i := strings.IndexAny(s, " T"); i == 10 && len(s) > 10 && s[4] == '-' {
		s = s[:10] // "1975-01-05 00:00:00", "1975-01-05T00:00:00Z"
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' })
	if len(parts) == 2 && isDigits(parts[0]) && isDigits(parts[1]) && len(parts[1]) == 4 {
		m, _ := strconv.Atoi(parts[0])
		y, _ := strconv.Atoi(parts[1])
		if m >= 1 && m <= 12 && y >= 1900 && y <= 2200 {
			return khenthuong.Date{Year: y}, true, nil
		}
		return khenthuong.Date{}, false, bad
	}
	if len(parts) == 3 {
		d, perr := khenthuong.ParseDate(strings.Join(parts, "/"))
		if perr != nil {
			if len(parts[0]) <= 2 && len(parts[2]) == 2 {
				return khenthuong.Date{}, false, khenthuong.Errorf(khenthuong.EINVALID, "Năm trong “%s” phải ghi đủ 4 chữ số (ví dụ 05/01/1975)", s)
			}
			return khenthuong.Date{}, false, khenthuong.Errorf(khenthuong.EINVALID, "Ngày “%s” không có thật hoặc không đúng dạng ngày/tháng/năm", s)
		}
		return d, false, nil
	}
	if len(parts) == 1 {
		if d, perr := khenthuong.ParseDate(parts[0]); perr == nil {
			return d, false, nil
		}
	}
	return khenthuong.Date{}, false, bad
}

// marks are what clerks type in a "Nam"/"Nữ" column to tick it.
var marks = map[string]bool{
	"x": true, "X": true, "×": true, "✓": true, "✔": true, "✗": true, "v": true, "V": true,
	"1": true, "*": true, "+": true, "có": true, "Có": true, "CÓ": true,
}

func isMark(s string) bool { return marks[strings.TrimSpace(s)] }

// parseGender reads Nam/Nữ in any case, with or without tones.
func parseGender(s string) (khenthuong.Gender, bool) {
	switch vntext.Fold(s) {
	case "":
		return khenthuong.GenderUnknown, true
	case "nam", "m", "male", "trai", "ong":
		return khenthuong.Male, true
	case "nu", "f", "female", "gai", "ba":
		return khenthuong.Female, true
	}
	return khenthuong.GenderUnknown, false
}

// parseKind reads Tập thể / Cá nhân / Hộ gia đình, their codes
// (TAPTHE, CANHAN, HOGIADINH) and the usual abbreviations.
func parseKind(s string) (khenthuong.Kind, bool) {
	key := strings.ReplaceAll(vntext.Fold(s), " ", "")
	switch key {
	case "tapthe", "collective", "tt", "donvi", "coquan":
		return khenthuong.Collective, true
	case "canhan", "individual", "cn", "nguoi":
		return khenthuong.Individual, true
	case "hogiadinh", "household", "hgd", "ho", "giadinh", "hodan":
		return khenthuong.Household, true
	}
	return "", false
}

// genderOfTitle is the gender a danh xưng says for certain.
func genderOfTitle(title string) khenthuong.Gender {
	switch vntext.Fold(title) {
	case "ong", "anh":
		return khenthuong.Male
	case "ba", "chi":
		return khenthuong.Female
	}
	return khenthuong.GenderUnknown
}

// genderOfMiddleName reads a person's gender from the middle names: "Thị"
// is a woman's, "Văn" a man's (when "Thị" is not there too); other names
// tell nothing for sure.
func genderOfMiddleName(name string) khenthuong.Gender {
	_, middle, _ := vntext.SplitName(name)
	words := strings.Fields(middle)
	for _, w := range words {
		if w == "Thị" || w == "thị" {
			return khenthuong.Female
		}
	}
	for _, w := range words {
		if w == "Văn" || w == "văn" {
			return khenthuong.Male
		}
	}
	return khenthuong.GenderUnknown
}

// isRoman reports whether a folded word is a Roman numeral as section rows use.
func isRoman(w string) bool {
	if w == "" || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'i', 'v', 'x', 'l', 'c':
		default:
			return false
		}
	}
	return true
}

// stripEnumerator removes a leading "I.", "II.", "A.", "1.", "a)" from folded
// words, reporting what kind of enumerator it was.
func stripEnumerator(words []string) (rest []string, roman, letter, digit bool) {
	if len(words) < 2 {
		return words, false, false, false
	}
	w := words[0]
	switch {
	case isRoman(w):
		return words[1:], true, false, false
	case len(w) == 1 && w[0] >= 'a' && w[0] <= 'z':
		return words[1:], false, true, false
	case isDigits(w) && len(w) <= 2:
		return words[1:], false, false, true
	}
	return words, false, false, false
}

// sectionFillers are words a section row may put before the kind.
var sectionFillers = []string{"khen thuong", "danh sach", "de nghi", "khen", "tang", "cac", "doi voi", "gom"}

// sectionKind reads a section row ("I. TẬP THỂ", "II. Cá nhân (25 người)",
// "A. Tập thể", "1. Cá nhân:", "III. HỘ GIA ĐÌNH", "1. Tập thể đề nghị tặng
// Bằng khen ..."): the kind it sets and, folded, what follows the kind word.
// "Tập thể Phòng Tổng hợp" is a collective's name, not a section.
func sectionKind(text string) (kind khenthuong.Kind, rest string) {
	words, _, _, _ := stripEnumerator(strings.Fields(vntext.Fold(text)))
	joined := strings.Join(words, " ")
	for changed := true; changed; {
		changed = false
		for _, f := range sectionFillers {
			if strings.HasPrefix(joined, f+" ") {
				joined, changed = joined[len(f)+1:], true
			}
		}
	}
	for _, k := range []struct {
		prefix string
		kind   khenthuong.Kind
	}{
		{"tap the", khenthuong.Collective}, {"ca nhan", khenthuong.Individual},
		{"ho gia dinh", khenthuong.Household}, {"gia dinh", khenthuong.Household},
	} {
		if joined == k.prefix {
			return k.kind, ""
		}
		if !strings.HasPrefix(joined, k.prefix+" ") {
			continue
		}
		rest := joined[len(k.prefix)+1:]
		words := strings.Fields(rest)
		if sectionFollowers[words[0]] {
			return k.kind, rest // "tập thể đề nghị tặng Bằng khen ..."
		}
		for _, w := range words {
			if !isDigits(w) && !countWords[w] {
				return "", "" // "Tập thể Phòng Tổng hợp": a name
			}
		}
		return k.kind, "" // "CÁ NHÂN (25 người)", "Tập thể: 05 tập thể"
	}
	return "", ""
}

// sectionFollowers are words that may follow the kind word of a section row.
var sectionFollowers = map[string]bool{"de": true, "duoc": true, "khen": true, "tang": true, "gom": true, "co": true, "so": true, "nhan": true}

// countWords may follow the kind word with a number: "(25 người)", "05 tập thể".
var countWords = map[string]bool{
	"nguoi": true, "tap": true, "the": true, "ca": true, "nhan": true, "ho": true, "gia": true, "dinh": true,
	"don": true, "vi": true, "dong": true, "chi": true, "dc": true, "so": true, "luong": true, "tong": true,
}

// awardWords are folded words that only an award name holds: a row whose
// text matches a form and holds one of them is a form section.
var awardWords = []string{"khen", "thi dua", "tien tien", "xuat sac", "chien si", "danh hieu"}

func looksLikeAward(text string) bool {
	padded := " " + vntext.Fold(text) + " "
	for _, w := range awardWords {
		if strings.Contains(padded, " "+w+" ") {
			return true
		}
	}
	return false
}

// isHeading reports whether a lone text is a group heading such as
// "I. KHỐI CƠ QUAN ĐẢNG" or "B. CÁC SỞ, BAN, NGÀNH": a Roman numeral or
// letter, then capitals.
func isHeading(text string) bool {
	words, roman, letter, _ := stripEnumerator(strings.Fields(vntext.Fold(text)))
	if !(roman || letter) || len(words) == 0 {
		return false
	}
	letters := 0
	for _, r := range text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

// footerPrefixes start the rows below a list: totals, the signature block,
// the place-and-date line.
var footerPrefixes = []string{
	"tong cong", "tong so", "nguoi lap", "nguoi ky", "thu truong", "xac nhan", "ky ten",
	"ky ghi ro", "t m", "tm", "kt", "q giam doc", "giam doc", "chu tich", "noi nhan", "danh sach nay co",
	"danh sach gom", "an dinh danh sach",
}

// isFooter reports whether a row's first text starts the part below the list.
func isFooter(first string) bool {
	if isSubtotal(first) {
		return true
	}
	folded := vntext.Fold(first)
	for _, p := range footerPrefixes {
		if folded == p || strings.HasPrefix(folded, p+" ") {
			return true
		}
	}
	// "Quảng Trị, ngày 05 tháng 01 năm 2025"
	return strings.Contains(folded, " ngay ") && strings.Contains(folded, " thang ") && strings.Contains(folded, " nam ")
}

// isSubtotal reports a "Cộng" row: "Cộng: 25 người", "Cộng I: 05 tập thể"
// (not "Công an ...", which folds the same, nor "Tổng cộng").
func isSubtotal(first string) bool {
	lower := strings.ToLower(vntext.Clean(first))
	return lower == "cộng" || strings.HasPrefix(lower, "cộng:") || strings.HasPrefix(lower, "cộng ")
}

// collectivePrefixes are first words of a collective's name; householdPrefixes
// those of a household's. They are compared in lower case with tones, since
// "Trường" (a school) and "Trương" (a family name) fold to the same key.
var (
	collectivePrefixes = []string{
		"phòng", "ban", "trường", "công an", "đội", "tổ", "lớp", "khoa", "trung tâm", "ủy ban", "uỷ ban",
		"ubnd", "hội", "chi bộ", "đảng bộ", "đảng ủy", "đảng uỷ", "sở", "văn phòng", "bệnh viện", "trạm",
		"cục", "chi cục", "hợp tác xã", "htx", "công ty", "tập thể", "xã", "phường", "thị trấn", "thôn",
		"bản", "khu phố", "tổ dân phố", "tiểu đoàn", "trung đoàn", "sư đoàn", "đại đội", "trung đội", "đồn",
		"bộ chỉ huy", "ban chỉ huy", "chi nhánh", "ngân hàng", "viện", "học viện", "liên đoàn", "tổng công ty",
		"xí nghiệp", "nhà máy", "kho bạc", "chi hội", "mặt trận", "huyện", "tỉnh", "thành phố", "quận",
		"thị xã", "nhóm", "câu lạc bộ", "clb", "báo", "đài", "tập đoàn", "bộ phận", "hạt", "chi đoàn",
		"đoàn thanh niên", "đoàn tncs", "đoàn kiểm tra", "liên đội", "bộ môn", "thư viện", "bảo tàng",
		"nhà văn hóa", "nhà văn hoá", "trại", "cảng", "chi cục", "vụ", "tổng cục", "hạt kiểm lâm",
		"ủy ban mặt trận", "cơ quan", "văn phòng đăng ký", "đơn vị", "khối", "tòa án", "toà án", "viện kiểm sát",
		"bộ đội", "lực lượng", "ban quản lý", "trung tâm y tế", "hiệp hội", "liên hiệp", "quỹ",
	}
	householdPrefixes = []string{"hộ", "gia đình", "hộ gia đình", "hộ ông", "hộ bà"}
	// familyNames are common Vietnamese family names, the first word of a person's name.
	familyNames = map[string]bool{}
)

func init() {
	for _, f := range strings.Fields(`nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý
		đào đinh đoàn mai trịnh trương lâm phùng lương hà tô tạ cao chu châu thái lưu la kiều quách từ văn
		vương thân nông lục hứa tăng triệu khổng mạc khúc giang lò lường tôn nghiêm doãn âu hầu khuất
		kim lã lạc lại mã ninh quan quang sầm thạch tiêu tống trịnh ứng vi viên an bạch bế bàn cù diệp đàm
		đồng giáp hàn hoa kha khổng khương lăng linh lộc lữ mạch mẫn phó phí quản sơn thi thiều thịnh
		trà triệu trác vừ y h' ksor rơ siu nay rcom êban`) {
		familyNames[f] = true
	}
}

// hasPrefixWords reports whether lower-case s starts with one of the prefixes as whole words.
func hasPrefixWords(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if s == p || strings.HasPrefix(s, p+" ") || strings.HasPrefix(s, p+",") {
			return true
		}
	}
	return false
}

// inferKind guesses the kind of a row that has no kind column and no section
// above it, from its name. ok is false when the name does not tell.
func inferKind(name string) (khenthuong.Kind, bool) {
	lower := strings.ToLower(vntext.Clean(name))
	if lower == "" {
		return "", false
	}
	if t, rest := vntext.SplitHonorific(name); t != "" && rest != "" {
		return khenthuong.Individual, true
	}
	switch {
	case hasPrefixWords(lower, householdPrefixes):
		return khenthuong.Household, true
	case hasPrefixWords(lower, collectivePrefixes):
		return khenthuong.Collective, true
	}
	words := strings.Fields(lower)
	if len(words) >= 2 && len(words) <= 6 && familyNames[words[0]] {
		return khenthuong.Individual, true
	}
	// "Trương Quang Sáng, Phó Giám đốc Sở Tư pháp": the name before the post.
	for _, sep := range []string{", ", " - ", " – ", " ("} {
		if before, _, ok := strings.Cut(name, sep); ok && before != "" {
			if k, ok := inferKind(before); ok && k != khenthuong.Collective {
				return k, true
			}
		}
	}
	return "", false
}

// matchClassification returns the canonical spelling of a phân loại đối tượng
// typed loosely, or the text itself when it is none of the list (the field is free).
func matchClassification(s string) string {
	key := vntext.Fold(s)
	if key == "" {
		return s
	}
	for _, c := range khenthuong.Classifications {
		if vntext.Fold(c) == key {
			return c
		}
	}
	return s
}

// today is the date birth dates are checked against.
func today() khenthuong.Date { return khenthuong.DateOf(time.Now()) }

// parseAmount reads a sum of money as written: "2.340.000", "2,340,000 đ",
// "2340000"; 0 when it is not one.
func parseAmount(s string) int64 {
	var n int64
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if digits++; digits > 15 {
				return 0
			}
			n = n*10 + int64(r-'0')
		case r == '.' || r == ',' || r == ' ' || r == '\u00a0':
		default:
			if digits > 0 {
				return n // "2.340.000 đồng"
			}
		}
	}
	return n
}

// withoutBirthWord drops the word units write before a birth date: "sinh năm
// 1975", "Sinh ngày 05/01/1975", "SN: 1975".
func withoutBirthWord(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	switch strings.TrimSuffix(vntext.Fold(first), ":") {
	case "sinh", "sn":
		return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
	}
	return s
}
