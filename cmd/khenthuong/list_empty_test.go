package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A campaign that does not exist is an error, not an empty list; an empty
// list or search says so (and what to do) on stderr, never in the JSON.
func TestEmptyListsAndMissingCampaigns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	full := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Tổng kết năm 2024"))
	empty := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Khen thưởng đột xuất"))
	csv := filepath.Join(dir, "ds.csv")
	mustNil(t, os.WriteFile(csv, []byte("STT,Họ và tên,Giới tính,Đơn vị\n1,Nguyễn Văn Tình,Nam,Công an xã Ngư Hóa\n"), 0o644))
	mustCLI(t, db, "import", csv, "--campaign", full, "--form", "BKCT")
	cases := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string // "" : stderr must be empty
	}{
		{"NominationsOfMissingCampaign", []string{"list", "nominations", "--campaign", "99"}, 1, "", "Không tìm thấy đợt"},
		{"DecisionsOfMissingCampaign", []string{"list", "decisions", "--campaign", "99"}, 1, "", "Không tìm thấy đợt"},
		{"CampaignFlagOnCampaigns", []string{"list", "campaigns", "--campaign", full}, 2, "", "--campaign chỉ dùng với nominations hoặc decisions"},
		{"EmptyCampaign", []string{"list", "nominations", "--campaign", empty}, 0, "HỌ VÀ TÊN", "Đợt " + empty + " chưa có đề nghị nào: nhập danh sách"},
		{"EmptyCampaignJSON", []string{"list", "nominations", "--campaign", empty, "--json"}, 0, "[]", ""},
		{"FullCampaign", []string{"list", "nominations", "--campaign", full}, 0, "Nguyễn Văn Tình", ""},
		{"SearchNoMatch", []string{"search", "tran thi b"}, 0, "HỌ VÀ TÊN", "Không tìm thấy đề nghị nào khớp “tran thi b”"},
		{"SearchNoMatchJSON", []string{"search", "tran thi b", "--json"}, 0, "[]", ""},
		{"SearchMatch", []string{"search", "nguyen van tinh"}, 0, "Nguyễn Văn Tình", ""},
		{"HistoryNoMatch", []string{"history", "tran thi b"}, 0, "HỌ VÀ TÊN", "Không tìm thấy ai tên “tran thi b”"},
		{"HistoryMatch", []string{"history", "Nguyễn Văn Tình"}, 0, "Nguyễn Văn Tình", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := cli(t, db, c.args...)
			if code != c.code || !strings.Contains(out, c.inStdout) {
				t.Fatalf("exit %d (want %d), stdout %q (want %q), stderr %q", code, c.code, out, c.inStdout, errOut)
			}
			if c.inStderr == "" && errOut != "" || !strings.Contains(errOut, c.inStderr) {
				t.Errorf("stderr %q, want %q", errOut, c.inStderr)
			}
		})
	}
}
