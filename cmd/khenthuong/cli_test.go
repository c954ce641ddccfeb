package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/demo"
)

// cli runs the binary's entry point in-process on the data file db.
func cli(t *testing.T, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"--db", db}, args...), &out, &errOut)
	return out.String(), errOut.String(), code
}

func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := cli(t, db, args...)
	if code != 0 {
		t.Fatalf("khenthuong %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func TestDemoThenListNominationsInListOrder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "Nguyễn Văn A", "khenthuong.db")
	mustCLI(t, db, "demo")
	mustCLI(t, db, "demo") // running it twice adds nothing

	var ns []khenthuong.Nomination
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "nominations", "--json")), &ns); err != nil {
		t.Fatal(err)
	}
	var cs []khenthuong.Campaign
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "campaigns", "--json")), &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Name != demo.CampaignName {
		t.Fatalf("campaigns after demo twice = %+v, want the one demo campaign", cs)
	}
	if len(ns) < 30 {
		t.Fatalf("demo has %d nominations, want a few dozen", len(ns))
	}
	kinds := map[khenthuong.Kind]int{}
	for i, n := range ns {
		if n.Order != i+1 {
			t.Errorf("nomination %d has list order %d, want %d", n.ID, n.Order, i+1)
		}
		kinds[n.Nominee.Kind]++
	}
	for _, k := range khenthuong.Kinds {
		if kinds[k] == 0 {
			t.Errorf("demo has no %s", k.Label())
		}
	}
	if ns[0].Nominee.Name != "Phòng Cảnh sát quản lý hành chính về trật tự xã hội" {
		t.Errorf("first nomination = %q", ns[0].Nominee.Name)
	}
}

func TestCampaignNewPrintsOnlyTheID(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	out := mustCLI(t, db, "campaign", "new", "--name", "Khen thưởng  năm 2025", "--type", "hangnam",
		"--from", "01/01/2025", "--to", "2025-12-31", "--ceremony-date", "15/01/2026", "--place", "Đông Hà")
	id, err := strconv.ParseUint(strings.TrimSpace(out), 10, 64)
	if err != nil || id == 0 {
		t.Fatalf("stdout = %q, want only the new ID", out)
	}
	var cs []khenthuong.Campaign
	json.Unmarshal([]byte(mustCLI(t, db, "list", "campaigns", "--json")), &cs)
	if len(cs) != 1 || cs[0].ID != id || cs[0].Name != "Khen thưởng năm 2025" || cs[0].CeremonyDate.String() != "2026-01-15" {
		t.Fatalf("stored campaign = %+v", cs)
	}
}

func TestErrorsExitNonZeroWithAVietnameseMessage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"UnknownCommand", []string{"frobnicate"}, 2, "không có lệnh"},
		{"CampaignWithoutName", []string{"campaign", "new"}, 1, "Chưa nhập tên đợt khen thưởng"},
		{"BadDate", []string{"campaign", "new", "--name", "X", "--from", "31/02/2025"}, 1, "không đúng dạng"},
		{"BadType", []string{"campaign", "new", "--name", "X", "--type", "abc"}, 1, "không hợp lệ"},
		{"ToBeforeFrom", []string{"campaign", "new", "--name", "X", "--from", "2025-05-01", "--to", "2025-01-01"}, 1, "trước ngày bắt đầu"},
		{"ListWhat", []string{"list", "things"}, 2, "không liệt kê được"},
		{"SearchNothing", []string{"search"}, 2, "chưa có từ khóa"},
		{"RestoreMissing", []string{"restore", filepath.Join(t.TempDir(), "none.db")}, 1, ""},
		{"BackupNoOutput", []string{"backup"}, 2, "-o"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := cli(t, db, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, c.code, errOut)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing on error", out)
			}
			if !strings.Contains(errOut, c.inStderr) || errOut == "" {
				t.Errorf("stderr = %q, want it to contain %q", errOut, c.inStderr)
			}
			if strings.Contains(errOut, "bolt") || strings.Contains(errOut, "panic") {
				t.Errorf("stderr shows internals: %q", errOut)
			}
		})
	}
}

func TestSearchFoldsTones(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo")
	for _, q := range []string{"nguyen van tinh", "NGUYỄN VĂN TÌNH", "Nguyễn Văn Tình", "thuy", "Hoá"} {
		var ns []khenthuong.Nomination
		if err := json.Unmarshal([]byte(mustCLI(t, db, "search", q, "--json")), &ns); err != nil {
			t.Fatal(err)
		}
		if len(ns) == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
	out := mustCLI(t, db, "search", "nguyen", "van", "tinh")
	if !strings.Contains(out, "Thượng tá Nguyễn Văn Tình") {
		t.Errorf("search table = %q", out)
	}
}

func TestBackupRestoreCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	mustCLI(t, db, "demo")
	before := mustCLI(t, db, "list", "nominations", "--json")
	backup := filepath.Join(dir, "sao lưu.db")
	mustCLI(t, db, "backup", "-o", backup)
	mustCLI(t, db, "campaign", "new", "--name", "Đợt thêm sau sao lưu")
	mustCLI(t, db, "restore", backup)
	if got := mustCLI(t, db, "list", "nominations", "--json"); got != before {
		t.Error("nominations after restore differ from before the backup")
	}
	if cs := mustCLI(t, db, "list", "campaigns"); strings.Contains(cs, "Đợt thêm sau sao lưu") {
		t.Error("restore kept the campaign created after the backup")
	}
	if out := mustCLI(t, db, "check"); !strings.Contains(out, "không có lỗi") {
		t.Errorf("check = %q", out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	if out := mustCLI(t, db, "version"); !strings.HasPrefix(out, "khenthuong ") {
		t.Errorf("version = %q", out)
	}
	out := mustCLI(t, db, "help")
	for _, name := range []string{"demo", "list", "campaign new", "search", "backup", "restore", "check", "version"} {
		if !strings.Contains(out, name) {
			t.Errorf("help does not mention %q", name)
		}
	}
}
