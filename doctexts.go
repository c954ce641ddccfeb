package khenthuong

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"

	"khenthuong/vntext"
)

// DocumentTexts are the wordings of a decision that an office may change.
// Layout rules (punctuation of lists, padding, fonts) live in code, not here.
// The wordings name the values a decision fills between braces, in
// Vietnamese ("{hình thức}", "{số lượng}": DecisionPlaceholders); the
// English tokens of older files ("{form_name}") still read.
type DocumentTexts struct {
	LegalBases  []LegalBasis `json:"legal_bases"` // each printed ending ";", the last "."; only those in force on the decision's date
	Proposal    string       `json:"proposal"`    // "Xét đề nghị của ..."
	Article1    string       `json:"article1"`
	Article2    string       `json:"article2"`
	Article3    string       `json:"article3"`
	Recipients  []string     `json:"recipients"`  // Nơi nhận lines
	Achievement string       `json:"achievement"` // used when the decision gives none
}

// UnmarshalJSON reads the wordings of older files too: legal bases saved as
// plain lines get their periods (MigrateLegalBases), and the old default
// achievement, which ignored the campaign, becomes the new default.
func (t *DocumentTexts) UnmarshalJSON(p []byte) error {
	type plain DocumentTexts
	var raw struct {
		plain
		LegalBases json.RawMessage `json:"legal_bases"`
	}
	if err := json.Unmarshal(p, &raw); err != nil {
		return err
	}
	*t = DocumentTexts(raw.plain)
	t.LegalBases = nil
	if len(raw.LegalBases) == 0 || string(raw.LegalBases) == "null" {
		return nil
	}
	var lines []string
	if json.Unmarshal(raw.LegalBases, &lines) == nil {
		old := make([]LegalBasis, len(lines))
		for i, l := range lines {
			old[i] = LegalBasis{Text: l}
		}
		t.LegalBases = MigrateLegalBases(old)
		if vntext.Fold(t.Achievement) == vntext.Fold(oldDefaultAchievement) {
			t.Achievement = DefaultDocumentTexts().Achievement
		}
		return nil
	}
	return json.Unmarshal(raw.LegalBases, &t.LegalBases)
}

// oldDefaultAchievement is the fallback of files written before the campaign filled it.
const oldDefaultAchievement = "đã có thành tích xuất sắc trong phong trào thi đua"

// DefaultDocumentTexts are the wordings of a provincial Chairman's decision.
// The legal bases carry the history of the laws they cite; an office checks
// them against the laws in force and adds the next law when it comes.
func DefaultDocumentTexts() DocumentTexts {
	return DocumentTexts{
		LegalBases: DefaultLegalBases(),
		Proposal:   "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {số tờ trình} ngày {ngày tờ trình}",
		Article1:   "Tặng {hình thức} cho {số lượng} (có danh sách kèm theo), {thành tích}",
		Article2:   "Các {đối tượng} có tên tại Điều 1 được hưởng tiền thưởng theo quy định hiện hành, trích từ Quỹ Thi đua, khen thưởng của tỉnh",
		Article3:   "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Thủ trưởng các cơ quan, đơn vị có liên quan và các {đối tượng} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này",
		Recipients: []string{
			"Như Điều 3",
			"Chủ tịch, các PCT UBND tỉnh",
			"Lưu: VT, SNV",
		},
		Achievement: "đã có thành tích xuất sắc trong {phong trào}",
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
	bases := t.LegalBases[:0]
	for _, b := range t.LegalBases {
		if b.Text = vntext.Clean(b.Text); b.Text != "" {
			bases = append(bases, b)
		}
	}
	t.LegalBases = bases
	t.Recipients = clean(t.Recipients)
	t.Proposal = vntext.CleanMultiline(t.Proposal)
	t.Article1 = vntext.CleanMultiline(t.Article1)
	t.Article2 = vntext.CleanMultiline(t.Article2)
	t.Article3 = vntext.CleanMultiline(t.Article3)
	t.Achievement = vntext.Clean(t.Achievement)
}

// placeholder is a name between braces: "{số tờ trình}", "{form_name}".
var placeholder = regexp.MustCompile(`\{[^{}\n]{1,40}\}`)

// Placeholder is a value a decision's wording may name between braces: the
// Vietnamese name the office reads and types, the key of older files.
type Placeholder struct {
	Key  string // "submission_no": the key older files used, and the key of the values
	Name string // "số tờ trình": what the wording says
	Help string // what it is filled with
}

// DecisionPlaceholders are the values a decision fills, in the order the
// wordings editor offers them.
var DecisionPlaceholders = []Placeholder{
	{"form_name", "hình thức", "tên hình thức khen thưởng"},
	{"counts", "số lượng", "“02 tập thể và 04 cá nhân”"},
	{"kinds", "đối tượng", "“tập thể, cá nhân”: các loại đối tượng được khen"},
	{"achievement", "thành tích", "thành tích của quyết định (hoặc câu thành tích mặc định)"},
	{"movement", "phong trào", "việc mà đợt khen thưởng tổng kết, lấy từ tên đợt"},
	{"campaign", "đợt", "tên đợt khen thưởng"},
	{"submission_no", "số tờ trình", "số Tờ trình đề nghị"},
	{"submission_date", "ngày tờ trình", "“20 tháng 5 năm 2024”"},
	{"number", "số quyết định", "số của quyết định"},
	{"date", "ngày quyết định", "“02 tháng 6 năm 2024”"},
	{"authority", "cơ quan ban hành", "tên cơ quan ban hành"},
	{"office", "cơ quan tham mưu", "Ban Thi đua - Khen thưởng"},
	{"province", "tỉnh", "tên tỉnh"},
	{"issuer", "người tặng", "cấp tặng của hình thức"},
}

// Placeholders are the keys of DecisionPlaceholders.
var Placeholders = func() []string {
	out := make([]string, len(DecisionPlaceholders))
	for i, p := range DecisionPlaceholders {
		out[i] = p.Key
	}
	return out
}()

// placeholderKey resolves what a wording has between braces to its key:
// the Vietnamese name (tones and case as typed or not) or the old key.
func placeholderKey(inner string) (string, bool) {
	f := strings.Join(strings.Fields(vntext.Fold(inner)), " ")
	for _, p := range DecisionPlaceholders {
		if strings.TrimSpace(inner) == p.Key || f == vntext.Fold(p.Name) {
			return p.Key, true
		}
	}
	return "", false
}

// PlaceholderNames lists the Vietnamese names as a wording writes them:
// "{hình thức}, {số lượng}, ...".
func PlaceholderNames() string {
	names := make([]string, len(DecisionPlaceholders))
	for i, p := range DecisionPlaceholders {
		names[i] = "{" + p.Name + "}"
	}
	return strings.Join(names, ", ")
}

// Uses reports whether a wording names the placeholder of key.
func Uses(text, key string) bool {
	for _, p := range placeholder.FindAllString(text, -1) {
		if k, ok := placeholderKey(strings.Trim(p, "{}")); ok && k == key {
			return true
		}
	}
	return false
}

// Validate checks every wording: no placeholder the decision cannot fill
// (a typo such as {so luong} would print as is), no line longer than a page
// can take, a period that ends after it begins. The error names the
// wording's field (texts_article2...).
func (t *DocumentTexts) Validate() error {
	bases := make([]string, len(t.LegalBases))
	for i, b := range t.LegalBases {
		bases[i] = b.Text
		if !b.From.IsZero() && !b.To.IsZero() && b.To.Before(b.From) {
			return FieldErrorf("texts_legal_bases", "Căn cứ “%s”: ngày hết hiệu lực %s trước ngày có hiệu lực %s",
				shorten(b.Text, 60), b.To.Display(), b.From.Display())
		}
	}
	for _, w := range []struct {
		field string
		lines []string
	}{
		{"texts_legal_bases", bases}, {"texts_proposal", []string{t.Proposal}},
		{"texts_article1", []string{t.Article1}}, {"texts_article2", []string{t.Article2}},
		{"texts_article3", []string{t.Article3}}, {"texts_recipients", t.Recipients},
		{"texts_achievement", []string{t.Achievement}},
	} {
		for _, l := range w.lines {
			if n := len([]rune(l)); n > MaxAchievementLength {
				return FieldErrorf(w.field, "Đoạn văn dài %d ký tự, quá giới hạn %d", n, MaxAchievementLength)
			}
			for _, p := range placeholder.FindAllString(l, -1) {
				if _, ok := placeholderKey(strings.Trim(p, "{}")); !ok {
					return FieldErrorf(w.field, "Không có chỗ điền “%s”: dùng một trong %s", p, PlaceholderNames())
				}
			}
		}
	}
	return nil
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// Fill replaces the placeholders of a wording, by key or by Vietnamese
// name; unknown placeholders stay visible so the clerk sees the mistake on
// the draft rather than a silent gap.
func Fill(text string, vars map[string]string) string {
	return placeholder.ReplaceAllStringFunc(text, func(p string) string {
		inner := strings.Trim(p, "{}")
		if v, ok := vars[inner]; ok {
			return v
		}
		if k, ok := placeholderKey(inner); ok {
			if v, ok := vars[k]; ok {
				return v
			}
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
