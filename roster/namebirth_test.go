package roster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A birth date written in the name cell is taken out of the name (and out
// of the post split from it) into the birth date; other parentheses and
// commas stay.
func TestBirthInTheNameCell(t *testing.T) {
	cases := []struct {
		cell, birthCol                       string
		title, name, birth, position, warned string
	}{
		{"Trần Văn Cường (1980)", "", "", "Trần Văn Cường", "1980", "", "1980"},
		{"Ông Nguyễn Văn B, sinh năm 1970, Trưởng thôn Bảo Thắng", "", "Ông", "Nguyễn Văn B", "1970", "Trưởng thôn Bảo Thắng", "1970"},
		{"Bà Lê Thị C (sinh năm 1965), Chủ tịch Hội Phụ nữ xã", "", "Bà", "Lê Thị C", "1965", "Chủ tịch Hội Phụ nữ xã", "1965"},
		{"Hồ Văn D (SN: 05/01/1975)", "", "", "Hồ Văn D", "1975-01-05", "", "05/01/1975"},
		{"Đinh Văn E (1980)", "1981", "", "Đinh Văn E", "1981", "", "1980"}, // the birth column wins
		{"Ông Lê Văn F, Trưởng thôn 1975", "", "Ông", "Lê Văn F", "", "Trưởng thôn 1975", ""},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.cell, func(t *testing.T) {
			path := filepath.Join(dir, "ds.csv")
			must(t, os.WriteFile(path, []byte("STT;Họ và tên;Năm sinh\n1;"+c.cell+";"+c.birthCol+"\n"), 0o644))
			im, err := Read(path, ReadOptions{Forms: testForms(), Today: testToday, DefaultForm: "BKCT"})
			if err != nil {
				t.Fatal(err)
			}
			if len(im.Rows) != 1 || im.Errors() != 0 {
				t.Fatalf("rows %d, problems:%s", len(im.Rows), problemsOf(im))
			}
			nm := im.Rows[0].Nomination.Nominee
			warned := ""
			for _, p := range im.Problems {
				if _, d, ok := strings.Cut(p.Message, "Năm sinh ghi trong ô họ tên: đã tách, năm sinh "); ok {
					warned = d
				}
			}
			if nm.Title != c.title || nm.Name != c.name || nm.Birth.String() != c.birth || nm.Position != c.position || warned != c.warned {
				t.Errorf("%q %q %q %q (warned %q); want %q %q %q %q (%q)", nm.Title, nm.Name, nm.Birth.String(), nm.Position, warned,
					c.title, c.name, c.birth, c.position, c.warned)
			}
		})
	}
}
