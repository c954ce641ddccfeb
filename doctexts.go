package khenthuong

import (
	"regexp"
	"strings"

	"khenthuong/vntext"
)

// DocumentTexts are the wordings of a decision that an office may change.
// Layout rules (punctuation of lists, padding, fonts) live in code, not here.
// Placeholders: {form_name}, {counts}, {achievement}, {submission_no},
// {submission_date}, {authority}, {office}, {province}, {number}, {date}.
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
		Article2: "Các tập thể, cá nhân có tên tại Điều 1 được hưởng tiền thưởng theo quy định hiện hành, trích từ Quỹ Thi đua, khen thưởng của tỉnh",
		Article3: "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này",
		Recipients: []string{
			"Như Điều 3",
			"Chủ tịch, các PCT UBND tỉnh",
			"Lưu: VT, SNV",
		},
		Achievement: "đã có thành tích xuất sắc trong phong trào thi đua",
	}
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
