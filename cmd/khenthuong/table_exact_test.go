package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestExactTableAsTable checks that exactTable prints what table prints,
// byte for byte, whatever the cells hold: tabs, newlines, form feeds,
// escapes, empty cells, rows of different lengths.
func TestExactTableAsTable(t *testing.T) {
	header := []string{"LÚC", "NGƯỜI SỬA", "BẢN GHI", "VIỆC", "THAY ĐỔI (CŨ → MỚI)"}
	tests := []struct {
		name string
		rows [][]string
	}{
		{"none", nil},
		{"plain", [][]string{
			{"01/02/2026 10:00:00", "lan", "Đề nghị 12", "Sửa", "Họ tên: Lan → Lân"},
			{"01/02/2026 10:00:01", "Nguyễn Văn Bình", "Quyết định 3", "Ban hành", ""},
		}},
		{"empty cells", [][]string{{"", "", "", "", ""}, {"a", "", "ccc", "", "e"}}},
		{"newline in a cell", [][]string{
			{"x", "ông\nbà", "Đợt 1", "Thêm", "Thành tích: ∅ → dòng 1\ndòng 2\tcột"},
			{"yy", "b", "c", "d", "e"},
		}},
		{"a line of one cell flushes", [][]string{{"a", "b", "c"}, {"only\n"}, {"long cell here", "b"}}},
		{"form feed", [][]string{{"a", "bbbbbbbb\fc", "d"}, {"eeeeee", "f", "g"}}},
		{"vertical tab", [][]string{{"a\vbb", "c"}, {"ddd", "e"}}},
		{"escape", [][]string{{"a\xffb\tc\nd\xffe", "f"}, {"g", "h"}}},
		{"unterminated escape", [][]string{{"a", "b"}, {"c\xffd\te"}}},
		{"fewer cells below", [][]string{{"a", "b", "c", "d"}, {"aaaa", "bb"}, {"a", "bbbbbb", "c", "d"}}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"", "a", "Đề nghị", "ướ", "\t", "\n", "\v", "\f", "\xff", "  ", "→", "xxxxxxxxxxxx"}
	for i := range 300 {
		var rows [][]string
		for range rng.IntN(12) {
			row := make([]string, 1+rng.IntN(6))
			for c := range row {
				for range rng.IntN(4) {
					row[c] += pieces[rng.IntN(len(pieces))]
				}
			}
			rows = append(rows, row)
		}
		tests = append(tests, struct {
			name string
			rows [][]string
		}{"random " + strings.Repeat("*", i%3), rows})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := table(&want, header, tt.rows); err != nil {
				t.Fatal(err)
			}
			err := exactTable(&got, header, func(_ int, row func(...string) error) error {
				for _, r := range tt.rows {
					if err := row(r...); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("rows %q\ngot\n%q\nwant\n%q", tt.rows, got.String(), want.String())
			}
		})
	}
}
