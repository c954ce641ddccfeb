package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// move says what it moved: an ID given twice counts once, and nominations
// already in the campaign are named as staying, not as moved.
func TestMoveSaysWhatMoved(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	from := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Tổng kết năm 2024"))
	to := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Khen thưởng đột xuất"))
	csv := filepath.Join(dir, "ds.csv")
	mustNil(t, os.WriteFile(csv, []byte("STT,Họ và tên,Giới tính\n1,Nguyễn Văn Tình,Nam\n2,Trần Thị Ánh,Nữ\n3,Lê Văn Tiến,Nam\n"), 0o644))
	mustCLI(t, db, "import", csv, "--campaign", from, "--form", "BKCT")
	cases := []struct {
		name     string
		ids, to  string
		want     []string
		notWant  string
		inTarget int
	}{
		{"AlreadyThere", "1", from, []string{"1 đề nghị đã ở đợt “Tổng kết năm 2024” từ trước, không chuyển."}, "Đã chuyển", 0},
		{"GivenTwice", "1,1,2", to, []string{"Đã chuyển 2 đề nghị sang đợt “Khen thưởng đột xuất”."}, "từ trước", 2},
		{"Mixed", "1-3", to, []string{"Đã chuyển 1 đề nghị sang đợt “Khen thưởng đột xuất”.", "2 đề nghị đã ở đợt “Khen thưởng đột xuất” từ trước, không chuyển."}, "", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := cli(t, db, "move", "--nominations", c.ids, "--to-campaign", c.to)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
			if c.notWant != "" && strings.Contains(errOut, c.notWant) {
				t.Errorf("stderr %q has %q", errOut, c.notWant)
			}
			out := mustCLI(t, db, "list", "nominations", "--campaign", to, "--json")
			if got := strings.Count(out, "\"campaign_id\": "+to); got != c.inTarget {
				t.Errorf("%d nominations in the target campaign, want %d", got, c.inTarget)
			}
		})
	}
}
