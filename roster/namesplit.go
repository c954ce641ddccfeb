package roster

import (
	"strings"
	"unicode"

	"khenthuong"
	"khenthuong/vntext"
)

// splitNameDetail separates a name cell that also holds the post, the unit
// or the address, as a decision's list writes an entry and as units often
// copy it: "Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp", "Bà Lê Thị
// Hoa - Kế toán", "Nguyễn Văn Nam (Trưởng thôn Tân Lịch)", "Hộ ông Cao Văn
// Đức, thôn Tân Lịch". A person's or a household's name never holds a
// comma, so theirs split whenever what comes first reads as a name. A
// collective's name may ("Phòng Phổ biến, giáo dục pháp luật"): it splits,
// at its last comma, only when the column's header says it holds the unit
// too ("Tên tập thể, đơn vị").
func splitNameDetail(cell string, kind khenthuong.Kind, combinedHeader bool) (name, detail string, ok bool) {
	cell = strings.TrimSpace(cell)
	switch kind {
	case khenthuong.Individual, khenthuong.Household:
		cut := -1
		for _, sep := range []string{", ", " - ", " – ", " — ", " ("} {
			if i := strings.Index(cell, sep); i > 0 && (cut < 0 || i < cut) {
				cut = i
			}
		}
		if cut < 0 {
			return "", "", false
		}
		name, detail = cell[:cut], strings.TrimLeft(cell[cut:], ",-–— (")
		if strings.HasPrefix(cell[cut:], " (") {
			detail = strings.TrimSuffix(strings.TrimSpace(detail), ")")
			if len(strings.Fields(detail)) < 2 {
				return "", "", false // "Nguyễn Văn An (Hải)": a name he is also called
			}
		}
		if !readsAsPersonName(name, kind) {
			return "", "", false
		}
	case khenthuong.Collective:
		i := strings.LastIndex(cell, ", ")
		if !combinedHeader || i <= 0 {
			return "", "", false
		}
		name, detail = cell[:i], cell[i+2:]
	default:
		return "", "", false
	}
	name, detail = strings.TrimSpace(name), strings.TrimSpace(detail)
	return name, detail, name != "" && detail != ""
}

// readsAsPersonName: after the honorific (and "Hộ ông", "Gia đình bà" for a
// household), two to eight words, each starting with a capital, no digits.
func readsAsPersonName(s string, kind khenthuong.Kind) bool {
	if kind == khenthuong.Household {
		for _, p := range []string{"hộ gia đình", "gia đình", "hộ"} {
			if len(s) > len(p) && strings.EqualFold(vntext.Fold(s[:len(p)]), vntext.Fold(p)) {
				s = strings.TrimSpace(s[len(p):])
				break
			}
		}
	}
	_, s = vntext.SplitHonorific(s)
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// combinedNameHeader reports whether the name column's header says it holds
// the post or unit too: "Họ và tên, chức vụ, đơn vị", "Tên tập thể, đơn vị".
func combinedNameHeader(header string) bool {
	k := vntext.Fold(header)
	return strings.Contains(k, "chuc vu") || strings.Contains(k, "don vi") || strings.Contains(k, "dia chi") || strings.Contains(k, "co quan")
}
