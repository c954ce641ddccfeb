package main

import (
	"fmt"
	"strings"
	"testing"

	"khenthuong/roster"
)

// TestImportTextReportCountsEveryWarning: the text report of a list with
// more likely duplicates than it names keeps only those it names, and still
// counts them all, as --json lists them; the rows are written.
func TestImportTextReportCountsEveryWarning(t *testing.T) {
	const pairs = 260 // each second row repeats the first: 260 warnings
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Giới tính;Năm sinh;Đơn vị;Hình thức\r\n")
	for i := 1; i <= pairs; i++ {
		for k := range 2 {
			fmt.Fprintf(&b, "%d;Lê Văn Trùng %d;Nam;1980;Sở Nội vụ;BKCT\r\n", 2*i-1+k, i)
		}
	}
	file := writeTestFile(t, "trung.csv", b.String())
	db, id := newCampaign(t)
	rep, errOut, code := importJSON(t, db, file, "--campaign", id, "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	listed := 0
	for _, p := range rep.Problems {
		if p.Severity == roster.SeverityWarning {
			listed++
		}
	}
	if listed != rep.Warnings || listed < pairs {
		t.Fatalf("--json lists %d warnings and counts %d, want at least %d", listed, rep.Warnings, pairs)
	}
	out, errOut, code := cli(t, db, "import", file, "--campaign", id)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		fmt.Sprintf("Đọc %d dòng: 0 lỗi, %d cảnh báo", 2*pairs, rep.Warnings),
		fmt.Sprintf("... và %d dòng nữa (xem đủ với --json)", rep.Warnings-maxReportLines),
		fmt.Sprintf("Đã nhập %d đề nghị", 2*pairs),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%.2000s", want, out)
		}
	}
	if named := strings.Count(out, "Có thể trùng"); named != maxReportLines {
		t.Errorf("the report names %d likely duplicates, want %d", named, maxReportLines)
	}
}
