package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/store"
)

// TestReviewOfIssuedNominationReportsNoChange: approving a nomination an
// issued decision already lists changes nothing, and the command says so.
func TestReviewOfIssuedNominationReportsNoChange(t *testing.T) {
	db := filepath.Join(t.TempDir(), "khenthuong.db")
	mustCLI(t, db, "demo")
	var issued *khenthuong.Decision
	ds := listDecisionsJSON(t, db)
	for i := range ds {
		if ds[i].Status == khenthuong.DecisionIssued {
			issued = &ds[i]
		}
	}
	if issued == nil {
		t.Fatal("demo has no issued decision")
	}
	id := strconv.FormatUint(issued.Recipients[0].NominationID, 10)
	_, stderr, code := cli(t, db, "review", "--campaign", strconv.FormatUint(issued.CampaignID, 10), "--approve", id)
	if code != 0 || strings.Contains(stderr, "Đã chuyển 1") || !strings.Contains(stderr, "không thay đổi") {
		t.Fatalf("exit %d, stderr %q: want no change reported", code, stderr)
	}
}

// TestCommandsOnAnEmptyDataFile: every command refuses a 0-byte data file,
// names the latest backup, and leaves the file empty.
func TestCommandsOnAnEmptyDataFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "khenthuong.db")
	mustCLI(t, db, "demo") // the day's backup is taken before its first write
	backup, err := store.LatestBackup(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(db, 0); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check"}, {"list", "campaigns"}, {"campaign", "new", "--name", "Đợt mới"}, {"demo"},
		{"backup", "-o", filepath.Join(t.TempDir(), "x.db")},
	} {
		_, stderr, code := cli(t, db, args...)
		if code == 0 || !strings.Contains(stderr, "rỗng") || !strings.Contains(stderr, backup) {
			t.Errorf("%v: exit %d, stderr %q; want the empty file named and the backup %s", args, code, stderr, backup)
		}
	}
	if fi, err := os.Stat(db); err != nil || fi.Size() != 0 {
		t.Fatalf("the empty data file was written: %v %v", fi, err)
	}
	mustCLI(t, db, "restore", backup)
	mustCLI(t, db, "check")
}

// TestCheckNamesTheBackup: check's verdict on a damaged record names the
// record in Vietnamese and the backup to restore, and writes are refused.
func TestCheckNamesTheBackup(t *testing.T) {
	db := filepath.Join(t.TempDir(), "khenthuong.db")
	mustCLI(t, db, "demo")
	backup, err := store.LatestBackup(db)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// A letter of a nominee's name changes on disk (ơ -> ư keeps the length).
	i := strings.Index(string(data), "Trương")
	if i < 0 {
		t.Fatal("no “Trương” in the demo data")
	}
	bad := strings.Replace(string(data), "Trương", "Trưưng", 1)
	if err := os.WriteFile(db, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := cli(t, db, "check")
	if code == 0 || !strings.Contains(stdout, " số ") || !strings.Contains(stdout, "mã kiểm tra") ||
		!strings.Contains(stderr, backup) {
		t.Fatalf("check: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	_, stderr, code = cli(t, db, "campaign", "new", "--name", "Đợt mới")
	if code == 0 || !strings.Contains(stderr, "hỏng") || !strings.Contains(stderr, backup) {
		t.Fatalf("a write after check: exit %d, stderr %q", code, stderr)
	}
	mustCLI(t, db, "restore", backup)
	mustCLI(t, db, "check")
}

// TestLooseLogTightened: a log left readable by others is made private.
func TestLooseLogTightened(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "khenthuong.log")
	if err := os.WriteFile(log, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(log, 0o644); err != nil {
		t.Fatal(err)
	}
	closeLog := setupLog(filepath.Join(dir, "khenthuong.db"), os.Stderr)
	closeLog()
	if fi, err := os.Stat(log); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("log mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}

// TestRejectedImportTakesNoBackup: an import refused for its errors writes
// nothing, not even the day's backup; the first real write takes it.
func TestRejectedImportTakesNoBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "khenthuong.db")
	s, err := store.Open(db, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	c := &khenthuong.Campaign{Name: "Đợt", Type: khenthuong.CampaignAnnual}
	if err := s.CreateCampaign(c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	bad := filepath.Join(dir, "loi.csv")
	if err := os.WriteFile(bad, []byte("STT;Họ và tên;Năm sinh;Hình thức\n1;Lê Văn An;1870;KHONGCO\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, code := cli(t, db, "import", bad, "--campaign", strconv.FormatUint(c.ID, 10)); code == 0 {
		t.Fatal("a file with errors was imported")
	}
	if bs, _ := store.BackupsOf(db); len(bs) != 0 {
		t.Fatalf("a rejected import took a backup: %v", bs)
	}
	mustCLI(t, db, "campaign", "new", "--name", "Đợt mới")
	if bs, _ := store.BackupsOf(db); len(bs) != 1 {
		t.Fatalf("the first write of the day took no backup: %v", bs)
	}
}
