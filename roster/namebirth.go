package roster

import (
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

// birthInName takes a birth date or year written in a person's name cell:
// "Trần Văn Cường (1980)", "Bà Lê Thị C (sinh năm 1965), Chủ tịch Hội Phụ
// nữ xã", "Ông Nguyễn Văn B, sinh năm 1970, Trưởng thôn". It returns the
// cell without it and the date; ok is false when the cell holds none.
func birthInName(cell string) (rest string, birth khenthuong.Date, ok bool) {
	// In parentheses, anywhere: "(1980)", "(sinh năm 1965)", "(SN: 05/01/1975)".
	if open := strings.Index(cell, "("); open >= 0 {
		if end := strings.Index(cell[open:], ")"); end > 0 {
			inner := cell[open+1 : open+end]
			if d, ok := birthText(inner, false); ok {
				before, after := strings.TrimSpace(cell[:open]), strings.TrimSpace(cell[open+end+1:])
				if after != "" && !strings.ContainsAny(after[:1], ",;.") {
					after = " " + after
				}
				return vntext.Clean(before + after), d, true
			}
		}
	}
	// A part between commas after the name: ", sinh năm 1970,".
	parts := strings.Split(cell, ",")
	for i := 1; i < len(parts); i++ {
		if d, ok := birthText(parts[i], true); ok {
			kept := append(append([]string(nil), parts[:i]...), parts[i+1:]...)
			for j := range kept {
				kept[j] = strings.TrimSpace(kept[j])
			}
			return strings.Join(kept, ", "), d, true
		}
	}
	return cell, khenthuong.Date{}, false
}

// birthText reads a birth date or year; worded, it must say so ("sinh năm
// 1970", "SN 1970", "năm sinh 1970"), since a bare year between commas may
// be anything.
func birthText(s string, worded bool) (khenthuong.Date, bool) {
	s = strings.TrimSpace(s)
	folded := vntext.Fold(s)
	if worded && !strings.HasPrefix(folded, "sinh ") && !strings.HasPrefix(folded, "sn ") && !strings.HasPrefix(folded, "sn:") &&
		!strings.HasPrefix(folded, "nam sinh ") {
		return khenthuong.Date{}, false
	}
	if rest, ok := strings.CutPrefix(folded, "nam sinh "); ok {
		s = rest // "năm sinh 1970": digits only after the words
	}
	d, _, err := parseDateCell(s)
	if err != nil || d.IsZero() || d.Year < 1900 {
		return khenthuong.Date{}, false
	}
	return d, true
}
