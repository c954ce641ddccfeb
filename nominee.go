package khenthuong

import (
	"slices"
	"strings"
	"unicode"

	"khenthuong/vntext"
)

// Nominee is a person, collective or household as named in one nomination.
// Each nomination keeps its own copy, because a position or unit printed on a
// certificate is history; nominations of the same nominee share NomineeID.
type Nominee struct {
	Kind           Kind   `json:"kind"`
	Title          string `json:"title,omitempty"` // danh xưng: Ông, Bà, or a rank (Đại tá)
	Name           string `json:"name"`            // full name, or the collective's name as printed
	Gender         Gender `json:"gender,omitempty"`
	Birth          Date   `json:"birth"`
	Position       string `json:"position,omitempty"` // chức vụ
	Unit           string `json:"unit,omitempty"`     // đơn vị công tác; parent unit for a collective
	Address        string `json:"address,omitempty"`
	Classification string `json:"classification,omitempty"` // phân loại đối tượng
	Field          string `json:"field,omitempty"`          // lĩnh vực
}

// Normalize cleans the text and splits a danh xưng typed inside the name ("Ông Trương Quang Sáng").
func (n *Nominee) Normalize() {
	n.Title = vntext.Clean(n.Title)
	n.Name = vntext.Clean(n.Name)
	if n.Kind == Individual && n.Title == "" {
		if title, rest := vntext.SplitHonorific(n.Name); title != "" && rest != "" {
			n.Title, n.Name = title, rest
		}
	}
	n.Position = vntext.Clean(n.Position)
	n.Unit = vntext.Clean(n.Unit)
	n.Address = vntext.Clean(n.Address)
	n.Classification = vntext.Clean(n.Classification)
	n.Field = vntext.Clean(n.Field)
	if n.Kind != Individual {
		n.Gender, n.Birth, n.Title = GenderUnknown, Date{}, ""
	}
}

// Validate checks the nominee; the error names the field.
func (n *Nominee) Validate() error {
	switch {
	case !n.Kind.Valid():
		return FieldErrorf("kind", "Loại đối tượng “%s” không hợp lệ (tập thể, cá nhân, hộ gia đình)", n.Kind)
	case n.Name == "" && n.Kind == Individual:
		return FieldErrorf("name", "Chưa nhập họ và tên")
	case n.Name == "":
		return FieldErrorf("name", "Chưa nhập tên %s", strings.ToLower(n.Kind.Label()))
	case n.Gender != GenderUnknown && n.Gender != Male && n.Gender != Female:
		return FieldErrorf("gender", "Giới tính “%s” không hợp lệ (Nam hoặc Nữ)", n.Gender)
	case !n.Birth.valid():
		return FieldErrorf("birth", "Ngày sinh không hợp lệ")
	}
	for _, f := range []struct{ field, label, value string }{
		{"name", "Tên", n.Name}, {"title", "Danh xưng", n.Title}, {"position", "Chức vụ", n.Position},
		{"unit", "Đơn vị", n.Unit}, {"address", "Địa chỉ", n.Address},
		{"classification", "Phân loại đối tượng", n.Classification}, {"field", "Lĩnh vực", n.Field},
	} {
		if len([]rune(f.value)) > MaxNameLength {
			return FieldErrorf(f.field, "%s dài quá %d ký tự", f.label, MaxNameLength)
		}
	}
	return nil
}

// DisplayName is the name as typed, with the typed danh xưng: "Ông Trương Quang Sáng",
// "Đại tá Lê Văn Tiến", or the collective's name. Documents print PrintName.
func (n *Nominee) DisplayName() string {
	if n.Title == "" {
		return n.Name
	}
	return n.Title + " " + n.Name
}

// PrintTitle is the danh xưng documents print before a person's name: the
// one the clerk typed, kept as typed ("Đại tá", "Đồng chí", "Bà"), else Ông
// or Bà from the stored gender, so a file without a Danh xưng column does not
// give "TẶNG Phạm Văn Anh" beside "Ông Trương Quang Sáng". Nothing when the
// gender is unknown, and nothing for a collective or a household. The stored
// title is not filled in: the archive keeps what was typed.
func (n *Nominee) PrintTitle() string {
	switch {
	case n.Title != "" || n.Kind != Individual:
		return n.Title
	case n.Gender == Male:
		return "Ông"
	case n.Gender == Female:
		return "Bà"
	}
	return ""
}

// PrintName is the name as documents print it: "Ông Phạm Văn Anh", "Đại tá
// Lê Văn Tiến", or the collective's name; DisplayName is the name as typed.
func (n *Nominee) PrintName() string {
	if t := n.PrintTitle(); t != "" {
		return t + " " + n.Name
	}
	return n.Name
}

// PositionAndUnit joins position and unit as lists print them: "Phó Giám đốc Sở Tư pháp".
func (n *Nominee) PositionAndUnit() string {
	// A dash the clerk typed between the two ("Phó Giám đốc -", "- Sở Tư
	// pháp") reads as a space; a comma is kept once, after the position
	// ("Phó Trưởng phòng Phổ biến, giáo dục pháp luật," + "Sở Tư pháp").
	position, unitText := strings.TrimRight(n.Position, " "+dashes), strings.TrimLeft(n.Unit, " "+dashes)
	if rest := strings.TrimLeft(unitText, " ,"+dashes); rest != unitText {
		if position != "" && !strings.HasSuffix(position, ",") && strings.Contains(unitText[:len(unitText)-len(rest)], ",") {
			position += ","
		}
		unitText = rest
	}
	pos, unit := strings.Fields(position), strings.Fields(UnitText(unitText))
	// Clerks type "Trưởng phòng" + "Phòng An ninh nội địa" or "Trưởng thôn" +
	// "thôn An Lợi"; the document reads "Trưởng phòng An ninh nội địa": the
	// words the position ends with are not repeated at the start of the unit.
	for k := min(len(pos), len(unit)-1); k > 0; k-- {
		if sameWords(pos[len(pos)-k:], unit[:k]) {
			unit = unit[k:]
			break
		}
	}
	return strings.Join(append(pos, unit...), " ")
}

// subUnitWords begin the name of a part of a body (a phòng of a Sở, a đội
// of the police); parentWords begin the name of the body itself.
var (
	subUnitWords = []string{"Phòng", "Đội", "Tổ", "Khoa", "Ban", "Bộ phận", "Trạm", "Đồn", "Trung tâm", "Chi nhánh", "Văn phòng"}
	parentWords  = []string{"Sở", "Công an", "Bộ Chỉ huy", "Bộ Tư lệnh", "Bộ đội", "Ủy ban", "Uỷ ban", "UBND", "Cục", "Chi cục",
		"Tổng cục", "Văn phòng", "Bệnh viện", "Trường", "Viện", "Đài", "Báo", "Tòa án", "Tỉnh đoàn", "Hội", "Liên đoàn",
		"Liên minh", "Ban Quản lý", "Kho bạc", "Ngân hàng", "Công ty", "Tổng công ty", "Bộ", "Thanh tra", "Huyện ủy", "Tỉnh ủy", "Đảng ủy"}
)

// UnitText writes a unit as the office does: a part of a body is followed by
// a comma and the body ("Phòng Tổ chức cán bộ Sở Nội vụ" → "Phòng Tổ chức
// cán bộ, Sở Nội vụ"; "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu
// hộ Công an tỉnh" → "..., cứu hộ, Công an tỉnh"), while a body alone ("Sở
// Tư pháp") is left as it is, so "Phó Giám đốc Sở Tư pháp" reads on.
//
// A dash the clerk put between the part and the body ("Phòng Tư pháp –
// UBND huyện", "Phòng Tư pháp-UBND huyện") is that comma; a dash inside the
// part's name ("Phòng Lao động - Thương binh và Xã hội") is kept.
func UnitText(unit string) string {
	toks := unitTokens(unit)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = unit[t.start:t.end]
	}
	k := prefixLen(words, subUnitWords)
	if k == 0 {
		return unit
	}
	// The part has a name of its own before the body: "Văn phòng Ủy ban
	// nhân dân tỉnh" is one office, not a part of the Ủy ban.
	for i := k + 1; i < len(words); i++ {
		if prefixLen(words[i:], parentWords) == 0 || strings.HasSuffix(words[i-1], ",") {
			continue
		}
		// "Phòng ..., Sở X" already has its comma; a parent named after a
		// lower-case word ("khu phố 3, phường") is a place, not a body.
		last := i - 1
		if isDash(words[last]) {
			last--
		}
		if last < k {
			return unit
		}
		return unit[:toks[last].end] + ", " + unit[toks[i].start:]
	}
	return unit
}

const dashes = "-–—"

func isDash(w string) bool { return w != "" && strings.Trim(w, dashes) == "" }

// wordRange is a word of a text as byte offsets.
type wordRange struct{ start, end int }

// unitTokens are the words of unit as byte ranges, a run of dashes being a
// word of its own wherever it is typed ("pháp - UBND", "pháp-UBND").
func unitTokens(unit string) []wordRange {
	var out []wordRange
	start, dash := -1, false
	for i, r := range unit {
		d := strings.ContainsRune(dashes, r)
		if start >= 0 && (unicode.IsSpace(r) || d != dash) {
			out = append(out, wordRange{start, i})
			start = -1
		}
		if start < 0 && !unicode.IsSpace(r) {
			start, dash = i, d
		}
	}
	if start >= 0 {
		out = append(out, wordRange{start, len(unit)})
	}
	return out
}

// prefixLen is the number of words of the longest of names that words begin
// with (case as written), 0 for none.
func prefixLen(words []string, names []string) int {
	best := 0
	for _, n := range names {
		nw := strings.Fields(n)
		if len(nw) > best && len(nw) <= len(words) && slices.Equal(words[:len(nw)], nw) {
			best = len(nw)
		}
	}
	return best
}

func sameWords(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) { // tones matter: "trưởng" is not "Trường"
			return false
		}
	}
	return true
}

// MatchKey is the folded key used to find the same nominee in other records.
func (n *Nominee) MatchKey() string { return vntext.Fold(n.Name) }
