package khenthuong

import (
	"reflect"
	"regexp"
	"strings"

	"khenthuong/vntext"
)

// DocumentTexts are the wordings of a decision that an office may change.
// Layout rules (punctuation of lists, padding, fonts) live in code, not here.
// Placeholders: {form_name}, {counts} ("02 tập thể và 04 cá nhân"), {kinds}
// ("tập thể, cá nhân": the kinds the decision awards), {achievement},
// {submission_no}, {submission_date}, {authority}, {office}, {province},
// {number}, {date}, {issuer}, {campaign} (Placeholders).
type DocumentTexts struct {
	LegalBases  []string `json:"legal_bases"` // each printed ending ";", the last "."
	Proposal    string   `json:"proposal"`    // "Xét đề nghị của ..."
	Article1    string   `json:"article1"`
	Article2    string   `json:"article2"`
	Article3    string   `json:"article3"`
	Recipients  []string `json:"recipients"`  // Nơi nhận lines
	Achievement string   `json:"achievement"` // used when the decision gives none
}

// DefaultDocumentTexts are the wordings of a provincial Chairman's decision.
// The legal bases are starting values an office checks against the laws in force.
func DefaultDocumentTexts() DocumentTexts {
	return DocumentTexts{
		LegalBases: []string{
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
			"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
			"Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
		},
		Proposal: "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {submission_no} ngày {submission_date}",
		Article1: "Tặng {form_name} cho {counts} (có danh sách kèm theo), {achievement}",
		Article2: "Các {kinds} có tên tại Điều 1 được hưởng tiền thưởng theo quy định hiện hành, trích từ Quỹ Thi đua, khen thưởng của tỉnh",
		Article3: "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Thủ trưởng các cơ quan, đơn vị có liên quan và các {kinds} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này",
		Recipients: []string{
			"Như Điều 3",
			"Chủ tịch, các PCT UBND tỉnh",
			"Lưu: VT, SNV",
		},
		Achievement: "đã có thành tích xuất sắc trong phong trào thi đua",
	}
}

// OrDefault returns the wordings, falling back to the defaults for settings
// saved before the wordings existed and for an article left empty.
func (t DocumentTexts) OrDefault() DocumentTexts {
	def := DefaultDocumentTexts()
	if reflect.DeepEqual(t, DocumentTexts{}) {
		return def
	}
	for _, f := range []struct{ v, d *string }{
		{&t.Article1, &def.Article1}, {&t.Article2, &def.Article2}, {&t.Article3, &def.Article3},
		{&t.Achievement, &def.Achievement},
	} {
		if strings.TrimSpace(*f.v) == "" {
			*f.v = *f.d
		}
	}
	return t
}

// Normalize cleans every wording and drops empty lines.
func (t *DocumentTexts) Normalize() {
	clean := func(lines []string) []string {
		out := lines[:0]
		for _, l := range lines {
			if l = vntext.Clean(l); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	t.LegalBases = clean(t.LegalBases)
	t.Recipients = clean(t.Recipients)
	t.Proposal = vntext.CleanMultiline(t.Proposal)
	t.Article1 = vntext.CleanMultiline(t.Article1)
	t.Article2 = vntext.CleanMultiline(t.Article2)
	t.Article3 = vntext.CleanMultiline(t.Article3)
	t.Achievement = vntext.Clean(t.Achievement)
}

var placeholder = regexp.MustCompile(`\{[a-z_0-9]+\}`)

// Placeholders are the names a wording may use between braces; the decision
// fills each of them.
var Placeholders = []string{"form_name", "counts", "kinds", "achievement", "submission_no", "submission_date",
	"authority", "office", "province", "number", "date", "issuer", "campaign"}

// Validate checks every wording: no placeholder the decision cannot fill
// (a typo such as {count} would print as is), no line longer than a page
// can take. The error names the wording's field (texts_article2...).
func (t *DocumentTexts) Validate() error {
	known := map[string]bool{}
	for _, p := range Placeholders {
		known[p] = true
	}
	for _, w := range []struct {
		field string
		lines []string
	}{
		{"texts_legal_bases", t.LegalBases}, {"texts_proposal", []string{t.Proposal}},
		{"texts_article1", []string{t.Article1}}, {"texts_article2", []string{t.Article2}},
		{"texts_article3", []string{t.Article3}}, {"texts_recipients", t.Recipients},
		{"texts_achievement", []string{t.Achievement}},
	} {
		for _, l := range w.lines {
			if n := len([]rune(l)); n > MaxAchievementLength {
				return FieldErrorf(w.field, "Đoạn văn dài %d ký tự, quá giới hạn %d", n, MaxAchievementLength)
			}
			for _, p := range placeholder.FindAllString(l, -1) {
				if !known[strings.Trim(p, "{}")] {
					return FieldErrorf(w.field, "Không có từ giữ chỗ “%s”: dùng {%s}", p, strings.Join(Placeholders, "}, {"))
				}
			}
		}
	}
	return nil
}

// Fill replaces the placeholders of a wording; unknown placeholders stay visible
// so the clerk sees the mistake on the draft rather than a silent gap.
func Fill(text string, vars map[string]string) string {
	return placeholder.ReplaceAllStringFunc(text, func(p string) string {
		if v, ok := vars[strings.Trim(p, "{}")]; ok {
			return v
		}
		return p
	})
}

// EndWith strips the trailing punctuation of s and ends it with end: the
// ";"/"."/"./." rule of administrative lists.
func EndWith(s, end string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ".;,:/ ")
	return s + end
}
