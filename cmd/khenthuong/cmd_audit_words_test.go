package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The audit table reads in the office's words: the record and the action in
// Vietnamese, the fields under their labels with statuses by name, and none
// of the bookkeeping (updated_at, version) or the stored codes.
func TestAuditTableInTheOfficesWords(t *testing.T) {
	db := filepath.Join(t.TempDir(), "khenthuong.db")
	id := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Tổng kết năm 2024"))
	csv := filepath.Join(t.TempDir(), "ds.csv")
	mustNil(t, os.WriteFile(csv, []byte("STT,Họ và tên,Giới tính,Chức vụ,Đơn vị\n1,Nguyễn Văn Tình,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n2,Trần Thị Ánh,Nữ,Bác sĩ,Trạm Y tế xã Ngư Hóa\n"), 0o644))
	mustCLI(t, db, "import", csv, "--campaign", id, "--form", "BKCT")
	mustCLI(t, db, "review", "--campaign", id, "--approve", "1")
	mustCLI(t, db, "review", "--campaign", id, "--reject", "2", "--reason", "Trùng với đề nghị của Sở Y tế")
	out := mustCLI(t, db, "audit")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	cases := []struct {
		name  string
		match string // picks the line
		want  []string
	}{
		{"CampaignCreated", "Đợt " + id + " ", []string{"tạo mới"}},
		{"NominationCreated", "Đề nghị 2 ", []string{"tạo mới"}},
		{"Approved", "Đề nghị 1 ", []string{"duyệt", "Trạng thái: Đã đề nghị → Được duyệt"}},
		{"Rejected", "Không duyệt", []string{"Đề nghị 2", "Lý do không duyệt: ∅ → Trùng với đề nghị của Sở Y tế"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var found []string
			for _, l := range lines {
				if strings.Contains(l, c.match) {
					found = append(found, l)
				}
			}
			ok := false
			for _, l := range found {
				all := true
				for _, w := range c.want {
					all = all && strings.Contains(l, w)
				}
				ok = ok || all
			}
			if !ok {
				t.Errorf("no line with %q holds %q:\n%s", c.match, c.want, out)
			}
		})
	}
	for _, code := range []string{"nomination ", "campaign ", " create ", " approve ", "updated_at", "version", "\"submitted\"", "\"approved\""} {
		if strings.Contains(out, code) {
			t.Errorf("the table shows the stored code %q:\n%s", code, out)
		}
	}
}
