package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "chi-doc")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	text := func(w io.Writer) error { _, err := w.Write([]byte("Danh sách")); return err }
	cases := []struct {
		name  string
		path  string
		write func(io.Writer) error
		want  string // in the message; "" for success
	}{
		{"Written", filepath.Join(dir, "danh-sach.xlsx"), text, ""},
		{"MissingFolder", filepath.Join(dir, "khong-co", "a.pdf"), text, "không có"},
		{"OntoAFolder", readOnly, text, "thư mục"},
		{"DocumentError", filepath.Join(dir, "b.pdf"), func(io.Writer) error {
			return khenthuong.Errorf(khenthuong.EINVALID, "Quyết định chưa có người nhận")
		}, "Quyết định chưa có người nhận"},
	}
	if os.Geteuid() != 0 { // root writes anywhere
		cases = append(cases, struct {
			name  string
			path  string
			write func(io.Writer) error
			want  string
		}{"NoPermission", filepath.Join(readOnly, "c.pdf"), text, "không có quyền"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Write(c.path, c.write)
			msg := khenthuong.ErrorMessage(err)
			switch {
			case c.want == "" && err != nil:
				t.Fatal(err)
			case c.want != "" && (!strings.Contains(msg, c.want) || strings.Contains(msg, "."+filepath.Base(c.path)+".")):
				t.Errorf("message %q, want %q and no temporary file's name", msg, c.want)
			}
			if c.name == "DocumentError" && !strings.HasPrefix(msg, "Quyết định") {
				t.Errorf("the document's own message changed: %q", msg)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(dir, "danh-sach.xlsx")); err != nil || string(b) != "Danh sách" {
		t.Errorf("written %q, %v", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 { // danh-sach.xlsx and chi-doc
		t.Errorf("left behind: %v", entries)
	}
}
