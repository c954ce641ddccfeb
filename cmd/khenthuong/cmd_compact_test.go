package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCompactKeepsTheData(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo")
	before := mustCLI(t, db, "list", "nominations", "--json")
	decisions := mustCLI(t, db, "list", "decisions", "--json")
	_, errOut, code := cli(t, db, "compact")
	if code != 0 || !strings.Contains(errOut, "Đã thu gọn tệp dữ liệu") || !strings.Contains(errOut, "giành lại") {
		t.Fatalf("compact: exit %d, %q", code, errOut)
	}
	if got := mustCLI(t, db, "list", "nominations", "--json"); got != before {
		t.Error("nominations differ after compact")
	}
	if got := mustCLI(t, db, "list", "decisions", "--json"); got != decisions {
		t.Error("decisions differ after compact")
	}
	if out := mustCLI(t, db, "check"); !strings.Contains(out, "không có lỗi") {
		t.Errorf("check = %q", out)
	}
	if _, _, code := cli(t, db, "compact", "thua"); code == 0 {
		t.Error("an extra argument was accepted")
	}
}
