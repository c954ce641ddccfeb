package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// review tells how many of the listed nominations changed and how many were
// in the status already, each listed nomination counted once.
func TestReviewCountsThoseAlreadyInStatus(t *testing.T) {
	cases := []struct {
		name  string
		first string // approved before
		args  []string
		want  []string
		not   []string
	}{
		{"NoneBefore", "", []string{"--approve", "1,2"}, []string{"Đã chuyển 2 đề nghị sang “Được duyệt”"}, []string{"từ trước"}},
		{"OneBeforeListedTwice", "1", []string{"--approve", "1,1,2"},
			[]string{"Đã chuyển 1 đề nghị sang “Được duyệt”", "1 đề nghị đã ở trạng thái “Được duyệt” từ trước"}, nil},
		{"AllBefore", "1,2", []string{"--approve", "2,1"},
			[]string{"2 đề nghị đã ở trạng thái “Được duyệt” từ trước"}, []string{"Đã chuyển"}},
		{"AllSubmitted", "1", []string{"--approve", "all-submitted"},
			[]string{"Đã chuyển 1 đề nghị sang “Được duyệt”"}, []string{"từ trước"}},
		{"RejectionIsAChange", "", []string{"--reject", "1,1", "--reason", "Chưa đủ thời gian"},
			[]string{"Đã chuyển 1 đề nghị sang “Không duyệt”"}, []string{"từ trước"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "k.db")
			id := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Tổng kết năm 2024"))
			csv := filepath.Join(dir, "ds.csv")
			mustNil(t, os.WriteFile(csv, []byte("STT,Họ và tên,Năm sinh,Giới tính,Chức vụ,Đơn vị\n"+
				"1,Nguyễn Văn Tình,1970,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n"+
				"2,Trần Thị Ánh,1988,Nữ,Bác sĩ,Trạm Y tế xã Ngư Hóa\n"), 0o644))
			mustCLI(t, db, "import", csv, "--campaign", id, "--form", "BKCT")
			if c.first != "" {
				mustCLI(t, db, "review", "--campaign", id, "--approve", c.first)
			}
			_, errOut, code := cli(t, db, append([]string{"review", "--campaign", id}, c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			for _, n := range c.not {
				if strings.Contains(errOut, n) {
					t.Errorf("stderr has %q:\n%s", n, errOut)
				}
			}
		})
	}
}
