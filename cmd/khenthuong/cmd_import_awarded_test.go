package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The import's warning about a person a stored decision already awarded
// names that decision (number and date), not "(đợt 1, Được duyệt)"; one
// approved in a draft only, or merely proposed, keeps its status.
func TestImportDuplicateNamesTheDecision(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo") // decision 2871/QĐ-UBND of 02/06/2024 issued, 2872 a draft
	csv := filepath.Join(t.TempDir(), "ds.csv")
	rows := []struct{ name, position, unit, want, notWant string }{
		{"Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp",
			"(đợt 1, đã được tặng theo Quyết định số 2871/QĐ-UBND ngày 02/06/2024): Ông Trương Quang Sáng", "Được duyệt"},
		{"Nguyễn Hữu Quyết", "Phó Giám đốc", "Công an tỉnh Quảng Trị",
			"(đợt 1, Được duyệt): Đại tá Nguyễn Hữu Quyết", "2872/QĐ-UBND"},
		{"Trần Thị Thúy Vân", "Phó Chủ tịch", "Ủy ban nhân dân xã Hướng Hóa", "(đợt 1, Đã đề nghị): Bà Trần Thị Thúy Vân", "Quyết định"},
	}
	text := "STT,Họ và tên,Giới tính,Chức vụ,Đơn vị\n"
	for i, r := range rows {
		text += strings.Join([]string{string(rune('1' + i)), r.name, "Nam", r.position, r.unit}, ",") + "\n"
	}
	if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, _ := cli(t, db, "import", csv, "--campaign", "1", "--form", "BKCT", "--dry-run")
	report := out + errOut
	for _, r := range rows {
		var line string
		for _, l := range strings.Split(report, "\n") {
			if strings.Contains(l, "“"+r.name+"”: Có thể trùng") {
				line = l
			}
		}
		if !strings.Contains(line, r.want) || strings.Contains(line, r.notWant) {
			t.Errorf("%s: warning %q, want %q without %q\n%s", r.name, line, r.want, r.notWant, report)
		}
	}
}
