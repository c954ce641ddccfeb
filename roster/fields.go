package roster

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

// Field is what a column of a unit's file holds.
type Field string

const (
	FieldSTT            Field = "stt"
	FieldKind           Field = "kind" // Tập thể, Cá nhân, Hộ gia đình
	FieldTitle          Field = "title"
	FieldName           Field = "name"
	FieldGender         Field = "gender"
	FieldBirth          Field = "birth"
	FieldMale           Field = "male"   // a "Nam" column: an x mark, or the birth date of a man
	FieldFemale         Field = "female" // a "Nữ" column: an x mark, or the birth date of a woman
	FieldPosition       Field = "position"
	FieldUnit           Field = "unit"
	FieldPositionUnit   Field = "position_unit" // "Chức vụ, đơn vị công tác" in one column
	FieldAddress        Field = "address"
	FieldClassification Field = "classification"
	FieldField          Field = "field" // lĩnh vực
	FieldForm           Field = "form"
	FieldAchievement    Field = "achievement"
	FieldProposingUnit  Field = "proposing_unit"
	FieldSubmissionNo   Field = "submission_no"
	FieldSubmissionDate Field = "submission_date"
	FieldNotes          Field = "notes"
	// FieldIgnore marks a known column that the import does not read (the
	// decision columns of an exported roster, a signature column).
	FieldIgnore Field = "ignore"
	// Code columns of other commendation software's templates ("Mã Phân
	// loại khen thưởng", "Mã Danh hiệu thi đua"), beside the readable column
	// they shadow. A kind or form code is read only where the readable cell
	// is empty, and only when it is one we know (TAPTHE, a catalogue code);
	// any other code column is reported once and not read.
	FieldKindCode Field = "kind_code"
	FieldFormCode Field = "form_code"
	FieldCode     Field = "code"
	// The registry number and the bonus of a decision's list (an exported
	// roster, an archive decision): read for the history, not for a nomination.
	FieldRegistryNo Field = "registry_no"
	FieldAmount     Field = "amount"
)

// Fields lists the fields a mapping may name, in the order of the template.
var Fields = []Field{
	FieldSTT, FieldKind, FieldTitle, FieldName, FieldGender, FieldBirth, FieldMale, FieldFemale,
	FieldPosition, FieldUnit, FieldPositionUnit, FieldAddress, FieldClassification, FieldField,
	FieldForm, FieldAchievement, FieldProposingUnit, FieldSubmissionNo, FieldSubmissionDate,
	FieldNotes, FieldIgnore, FieldKindCode, FieldFormCode, FieldCode, FieldRegistryNo, FieldAmount,
}

// Label is the field as a clerk names it.
func (f Field) Label() string {
	switch f {
	case FieldSTT:
		return "STT"
	case FieldKind:
		return "Loại đối tượng"
	case FieldTitle:
		return "Danh xưng"
	case FieldName:
		return "Họ và tên / Tên tập thể"
	case FieldGender:
		return "Giới tính"
	case FieldBirth:
		return "Ngày sinh"
	case FieldMale:
		return "Nam (năm sinh hoặc dấu x)"
	case FieldFemale:
		return "Nữ (năm sinh hoặc dấu x)"
	case FieldPosition:
		return "Chức vụ"
	case FieldUnit:
		return "Đơn vị"
	case FieldPositionUnit:
		return "Chức vụ, đơn vị"
	case FieldAddress:
		return "Địa chỉ"
	case FieldClassification:
		return "Phân loại đối tượng"
	case FieldField:
		return "Lĩnh vực"
	case FieldForm:
		return "Hình thức khen thưởng"
	case FieldAchievement:
		return "Thành tích"
	case FieldProposingUnit:
		return "Đơn vị đề nghị"
	case FieldSubmissionNo:
		return "Số tờ trình"
	case FieldSubmissionDate:
		return "Ngày tờ trình"
	case FieldNotes:
		return "Ghi chú"
	case FieldIgnore:
		return "Bỏ qua"
	case FieldKindCode:
		return "Mã loại đối tượng"
	case FieldFormCode:
		return "Mã hình thức khen thưởng"
	case FieldCode:
		return "Mã của phần mềm khác (bỏ qua)"
	case FieldRegistryNo:
		return "Số sổ vàng"
	case FieldAmount:
		return "Tiền thưởng"
	}
	return string(f)
}

// Valid reports whether f is one of Fields.
func (f Field) Valid() bool {
	for _, v := range Fields {
		if v == f {
			return true
		}
	}
	return false
}

// headerExact maps folded header texts to fields; headerRules are tried in
// order on the words of headers that are not in the table.
var headerExact = map[string]Field{
	"stt": FieldSTT, "tt": FieldSTT, "so tt": FieldSTT, "so thu tu": FieldSTT, "thu tu": FieldSTT,
	"loai": FieldKind, "doi tuong": FieldKind, "loai doi tuong": FieldKind, "phan loai": FieldKind,
	"phan loai khen thuong": FieldKind, "tap the ca nhan": FieldKind, "kind": FieldKind,
	"danh xung": FieldTitle, "ten goi": FieldTitle, "cap bac": FieldTitle, "quan ham": FieldTitle,
	"ong ba": FieldTitle, "title": FieldTitle, "xung ho": FieldTitle,
	"ho va ten": FieldName, "ho ten": FieldName, "ten": FieldName, "name": FieldName,
	"gioi tinh": FieldGender, "phai": FieldGender, "gt": FieldGender, "nam nu": FieldGender,
	"nam": FieldMale, "nu": FieldFemale,
	"ns": FieldBirth, "sinh": FieldBirth,
	"don vi": FieldUnit, "co quan": FieldUnit,
	"ghi chu": FieldNotes,
}

type headerRule struct {
	phrase string // folded words that must occur as whole words
	field  Field
}

// headerRules are tried in order: more specific phrases come first ("đơn vị
// đề nghị" before "đơn vị", "ngày tờ trình" before "tờ trình").
var headerRules = func() []headerRule {
	raw := []struct {
		field   Field
		phrases []string
	}{
		{FieldRegistryNo, []string{"so so vang", "so vao so"}},
		{FieldAmount, []string{"tien thuong", "so tien", "muc thuong"}},
		// The decision's columns of an exported roster and its "Trạng thái"
		// (where each row stood at the board), known but not the unit's to give.
		{FieldIgnore, []string{"so quyet dinh", "ngay quyet dinh", "ky nhan", "quyet dinh so", "trang thai"}},
		{FieldClassification, []string{"phan loai doi tuong", "loai hinh", "khoi"}},
		{FieldKind, []string{"phan loai khen thuong", "loai doi tuong", "loai khen thuong"}},
		{FieldSTT, []string{"so thu tu"}},
		{FieldSubmissionDate, []string{"ngay to trinh", "ngay trinh", "ngay de nghi"}},
		{FieldSubmissionNo, []string{"to trinh", "so van ban", "so cong van"}},
		{FieldProposingUnit, []string{"don vi de nghi", "co quan de nghi", "don vi trinh", "noi de nghi"}},
		// An honorific column, however worded: "Tên gọi (Ông/Bà/Chức danh)"
		// names a post only as an example of what it holds.
		{FieldTitle, []string{"danh xung", "ten goi", "xung ho", "ong ba"}},
		{FieldName, []string{"ho va ten", "ho ten", "ten tap the", "ten ca nhan", "ten don vi", "ten doi tuong", "ten nguoi", "ten co quan", "ten ho"}},
		{FieldPositionUnit, []string{"chuc vu don vi", "chuc vu co quan", "chuc vu noi cong tac", "chuc danh don vi", "chuc vu chuc danh don vi"}},
		{FieldPosition, []string{"chuc vu", "chuc danh", "nghe nghiep"}},
		{FieldTitle, []string{"danh xung", "cap bac", "quan ham"}},
		{FieldGender, []string{"gioi tinh"}},
		{FieldBirth, []string{"ngay sinh", "nam sinh", "sinh ngay", "sinh nam", "ngay thang nam sinh"}},
		{FieldAddress, []string{"dia chi", "noi o", "que quan", "noi cu tru", "thuong tru", "cho o", "noi sinh song"}},
		{FieldUnit, []string{"don vi", "co quan", "noi cong tac"}},
		{FieldField, []string{"linh vuc", "nganh nghe"}},
		{FieldForm, []string{"hinh thuc", "danh hieu", "de nghi khen", "khen thuong de nghi", "muc khen"}},
		{FieldAchievement, []string{"thanh tich", "ly do", "noi dung"}},
		{FieldNotes, []string{"ghi chu"}},
	}
	var rules []headerRule
	for _, r := range raw {
		for _, p := range r.phrases {
			rules = append(rules, headerRule{phrase: p, field: r.field})
		}
	}
	return rules
}()

// matchHeader returns the field a header text names, or "" when it names none.
// Numbers in parentheses ("Họ và tên (2)") and stray words such as "của" do
// not matter.
func matchHeader(text string) Field {
	if strings.ToLower(vntext.Clean(text)) == "năm" {
		return "" // the year part of a split date, not "Nam" (men): the group header decides
	}
	key := headerKey(text)
	if key == "" {
		return ""
	}
	if f, ok := headerExact[key]; ok {
		return f
	}
	if f, ok := codeHeader(key); ok {
		return f
	}
	padded := " " + key + " "
	for _, r := range headerRules {
		if strings.Contains(padded, " "+r.phrase+" ") {
			return r.field
		}
	}
	return ""
}

// codeWords mark a header as another system's code column: "Mã Danh hiệu
// thi đua", "ID danh hiệu", "Danh hiệu (mã)".
var codeWords = map[string]bool{"ma": true, "id": true, "code": true, "ma so": true}

// codeHeader reports whether a folded header names a code column, and which:
// the code of a kind or a form, or another code the import does not read.
func codeHeader(key string) (Field, bool) {
	words := strings.Fields(key)
	if len(words) < 2 {
		return "", false
	}
	var rest []string
	switch {
	case len(words) > 2 && codeWords[words[0]+" "+words[1]]:
		rest = words[2:]
	case codeWords[words[0]]:
		rest = words[1:]
	case codeWords[words[len(words)-1]]:
		rest = words[:len(words)-1]
	default:
		return "", false
	}
	switch matchHeader(strings.Join(rest, " ")) {
	case FieldKind:
		return FieldKindCode, true
	case FieldForm:
		return FieldFormCode, true
	}
	return FieldCode, true
}

// readsNothing reports whether the import leaves a column of field f unread
// on its own: what it holds is read elsewhere, if at all.
func (f Field) readsNothing() bool {
	switch f {
	case "", FieldIgnore, FieldCode, FieldKindCode, FieldFormCode, FieldRegistryNo, FieldAmount:
		return true
	}
	return false
}

// headerKey is the folded header with numbers and filler words removed.
func headerKey(text string) string {
	words := strings.Fields(vntext.Fold(text))
	out := words[:0]
	for _, w := range words {
		if isDigits(w) || w == "cua" || w == "va" && len(out) > 0 && out[len(out)-1] != "ho" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Mapping is a saved column mapping for a unit's odd template: header text,
// as typed in the file, to the field the column holds. Headers are compared
// folded (case, tones and spacing do not matter). A mapping is tried before
// the built-in header names; FieldIgnore skips a column.
type Mapping struct {
	Columns map[string]Field `json:"columns"`
}

// LoadMapping reads a mapping saved as JSON.
func LoadMapping(path string) (*Mapping, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, ReadFailure("tệp sơ đồ cột", path, err)
	}
	var m Mapping
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, jsonFailure("Tệp sơ đồ cột", path, b, err)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

// Validate checks that every field the mapping names exists.
func (m *Mapping) Validate() error {
	for h, f := range m.Columns {
		if !f.Valid() {
			return khenthuong.Errorf(khenthuong.EINVALID, "Sơ đồ cột: cột “%s” ghi trường “%s” không có (các trường: %s)", h, f, fieldList())
		}
	}
	return nil
}

func fieldList() string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// Save writes the mapping as indented JSON.
func (m *Mapping) Save(path string) error {
	b, err := m.MarshalIndent()
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không ghi được tệp sơ đồ cột “%s”: %v", path, err)
	}
	return nil
}

// MarshalIndent is the mapping as JSON a clerk can read, keys sorted.
func (m *Mapping) MarshalIndent() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("roster: mapping: %w", err)
	}
	return append(b, '\n'), nil
}

// lookup finds the field for a header text.
func (m *Mapping) lookup(header string) (Field, bool) {
	if m == nil || len(m.Columns) == 0 {
		return "", false
	}
	key := vntext.Fold(header)
	for h, f := range m.Columns {
		if vntext.Fold(h) == key {
			return f, true
		}
	}
	return "", false
}

// set records header → field, keeping the first field seen for a header.
func (m *Mapping) set(header string, f Field) {
	if header == "" {
		return
	}
	if m.Columns == nil {
		m.Columns = map[string]Field{}
	}
	if _, ok := m.Columns[header]; !ok {
		m.Columns[header] = f
	}
}
