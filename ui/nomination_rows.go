package ui

import (
	"strconv"
	"strings"

	"khenthuong"
)

// Columns of the nominations table.
const (
	colOrder    = iota // STT: the list order
	colKind            // Loại
	colTitle           // Danh xưng
	colName            // Họ và tên / Tên tập thể
	colStatus          // Trạng thái: beside the name, what the review looks at
	colWarnings        // Cảnh báo: how many the review found
	colGender          // Giới tính
	colBirth           // Năm sinh
	colPosition        // Chức vụ
	colUnit            // Đơn vị
	colForm            // Hình thức
	colProposer        // Đơn vị đề nghị
	numNomCols
)

// nomFilter is what the clerk narrowed the list to; zero fields match everything.
type nomFilter struct {
	query    string
	kind     khenthuong.Kind
	formCode string
	status   khenthuong.Status
	warned   bool // only the nominations with review warnings
}

// matchWords reports whether every token starts a word of key: "nguyen van"
// finds "Nguyễn Văn An" and "Văn Thị Nguyên" but "an" does not find "Hoàng".
func matchWords(key string, tokens []string) bool {
	for _, t := range tokens {
		found := false
		for off := 0; ; {
			i := strings.Index(key[off:], t)
			if i < 0 {
				break
			}
			i += off
			if i == 0 || key[i-1] == ' ' {
				found = true
				break
			}
			off = i + 1
		}
		if !found {
			return false
		}
	}
	return true
}

// warningMark is what the Cảnh báo column shows for n warnings.
func warningMark(n int) string {
	if n == 0 {
		return ""
	}
	return "⚠ " + strconv.Itoa(n)
}

// cellLabels are the translated labels the table shows, looked up once
// rather than on every cell refresh.
type cellLabels struct {
	kind   map[khenthuong.Kind]string
	status map[khenthuong.Status]string
	gender map[khenthuong.Gender]string
}

func newCellLabels() *cellLabels {
	l := &cellLabels{kind: map[khenthuong.Kind]string{}, status: map[khenthuong.Status]string{}, gender: map[khenthuong.Gender]string{}}
	for _, k := range khenthuong.Kinds {
		l.kind[k] = kindLabel(k)
	}
	for _, s := range khenthuong.Statuses {
		l.status[s] = statusLabel(s)
	}
	for _, g := range []khenthuong.Gender{khenthuong.Male, khenthuong.Female} {
		l.gender[g] = genderLabel(g)
	}
	return l
}

func labelOr[K ~string](labels map[K]string, k K) string {
	if s, ok := labels[k]; ok {
		return s
	}
	return string(k)
}
