package roster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

// A unit's file or a mapping that cannot be read is told in Vietnamese,
// naming the file, never with the system's or the JSON decoder's English.
func TestReadFailuresInVietnamese(t *testing.T) {
	dir := t.TempDir()
	badJSON := filepath.Join(dir, "so-do.json")
	if err := os.WriteFile(badJSON, []byte("{\n  \"columns\": {\n    \"Họ tên\": \"name\",\n  }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wrongType := filepath.Join(dir, "kieu.json")
	if err := os.WriteFile(wrongType, []byte("{\n  \"columns\": [\"name\"]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "Danh sách đề nghị.xlsx")
	cases := []struct {
		name string
		read func() error
		want string
	}{
		{"MissingList", func() error { _, err := Read(missing, ReadOptions{}); return err },
			"Không có tệp “" + missing + "”"},
		{"MissingMapping", func() error { _, err := LoadMapping(filepath.Join(dir, "khong.json")); return err },
			"Không có tệp sơ đồ cột “" + filepath.Join(dir, "khong.json") + "”"},
		{"MappingSyntax", func() error { _, err := LoadMapping(badJSON); return err },
			"Tệp sơ đồ cột “" + badJSON + "” không đúng dạng JSON (lỗi ở dòng 4)"},
		{"MappingType", func() error { _, err := LoadMapping(wrongType); return err },
			"không đúng dạng JSON (mục “columns” sai kiểu, dòng 2)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.read()
			msg := khenthuong.ErrorMessage(err)
			if khenthuong.ErrorCode(err) != khenthuong.EINVALID || !strings.Contains(msg, c.want) {
				t.Fatalf("error %q (%s), want it to contain %q", msg, khenthuong.ErrorCode(err), c.want)
			}
			for _, english := range []string{"no such file", "open ", "invalid character", "json:", "cannot unmarshal"} {
				if strings.Contains(msg, english) {
					t.Errorf("message shows %q: %q", english, msg)
				}
			}
		})
	}
}
