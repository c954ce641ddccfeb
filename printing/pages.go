package printing

import (
	"strconv"
	"strings"

	"khenthuong"
)

// ParsePages reads which pages of n to print, as print dialogs take them:
// "" or "tất cả" for all, else numbers and ranges, "1-3, 7, 10-12". It
// returns 0-based indexes in the order given.
func ParsePages(s string, n int) ([]int, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "tất cả") {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	var out []int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		from, to, isRange := strings.Cut(part, "-")
		a, errA := strconv.Atoi(from)
		b := a
		var errB error
		if isRange {
			b, errB = strconv.Atoi(to)
		}
		if errA != nil || errB != nil || a < 1 || b < a {
			return nil, khenthuong.FieldErrorf("pages", "Trang “%s” không hợp lệ: ghi như 1-3, 7", part)
		}
		if b > n {
			return nil, khenthuong.FieldErrorf("pages", "Tài liệu chỉ có %d trang, không có trang %d", n, b)
		}
		for i := a; i <= b; i++ {
			out = append(out, i-1)
		}
	}
	return out, nil
}
