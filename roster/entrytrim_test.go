package roster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bullets before a name and the list's punctuation after a name, a post or
// a unit are not kept: they would print on the certificate.
func TestNameCellsWithoutBulletsAndPunctuation(t *testing.T) {
	cases := []struct {
		name, position, unit string
		wantName             string
		wantPosition         string
		wantUnit             string
	}{
		{"- Trần Văn C", "Cán bộ", "UBND xã C", "Trần Văn C", "Cán bộ", "UBND xã C"},
		{"-Trần Văn C", "", "", "Trần Văn C", "", ""},
		{"+ Nguyễn Văn B", "", "", "Nguyễn Văn B", "", ""},
		{"• Lê Văn D", "", "", "Lê Văn D", "", ""},
		{"– Đỗ Thị Hà", "", "", "Đỗ Thị Hà", "", ""},
		{"Hoàng Văn F,", "Trưởng thôn,", "Thôn 3;", "Hoàng Văn F", "Trưởng thôn", "Thôn 3"},
		{"Hoàng Văn G./.", "", "Công ty TNHH Minh Anh./.", "Hoàng Văn G", "", "Công ty TNHH Minh Anh"},
		{"Lý Văn H", "", "Công ty CP XNK Q.T.", "Lý Văn H", "", "Công ty CP XNK Q.T."},
		{"Ngô Văn Tư-Lê", "", "", "Ngô Văn Tư-Lê", "", ""},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, "ds.csv")
			must(t, os.WriteFile(path, []byte("STT;Họ và tên;Giới tính;Chức vụ;Đơn vị\n1;"+c.name+";Nam;"+c.position+";"+c.unit+"\n"), 0o644))
			im, err := Read(path, ReadOptions{Forms: testForms(), Today: testToday, DefaultForm: "BKCT"})
			if err != nil {
				t.Fatal(err)
			}
			if len(im.Rows) != 1 || im.Errors() != 0 {
				t.Fatalf("rows %d, problems:%s", len(im.Rows), problemsOf(im))
			}
			nm := im.Rows[0].Nomination.Nominee
			got := strings.Join([]string{nm.Name, nm.Position, nm.Unit}, " | ")
			if want := strings.Join([]string{c.wantName, c.wantPosition, c.wantUnit}, " | "); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}
