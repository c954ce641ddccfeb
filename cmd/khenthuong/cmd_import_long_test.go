package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// longList is a unit's CSV list of n rows, row last written by last when set.
func longList(n int, last string) string {
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Giới tính;Năm sinh;Chức vụ;Đơn vị;Hình thức\r\n")
	for i := 1; i <= n; i++ {
		if i == n && last != "" {
			b.WriteString(last + "\r\n")
			continue
		}
		fmt.Fprintf(&b, "%d;Nguyễn Văn Dòng %d;Nam;%d;Chuyên viên;Phòng %d, Sở Nội vụ;BKCT\r\n", i, i, 1960+i%40, i%50)
	}
	return b.String()
}

// TestImportLongList: a list longer than a batch of the store is written
// whole, or not at all when its last row is wrong, and the spool of rows
// read leaves nothing behind.
func TestImportLongList(t *testing.T) {
	const rows = 4500 // three batches
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// What a killed import left two days ago goes; another import's, under way, stays.
	stale, busy := filepath.Join(tmp, "khenthuong-import-1"), filepath.Join(tmp, "khenthuong-import-2")
	for _, f := range []string{stale, busy} {
		if err := os.WriteFile(f, []byte("dòng"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, last string
		code       int
		want       string
	}{
		{"BadLastRowChangesNothing", fmt.Sprintf("%d;Trần Thị Cuối;Nữ;31/02/1980;Chuyên viên;Sở Nội vụ;BKCT", rows), 1,
			fmt.Sprintf("trang “ds.csv”, dòng %d, cột D (Năm sinh), “31/02/1980”", rows+1)},
		{"AllRows", "", 0, fmt.Sprintf("Đã nhập %d đề nghị", rows)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, id := newCampaign(t)
			file := writeTestFile(t, "ds.csv", longList(rows, tc.last))
			before, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			out, errOut, code := cli(t, db, "import", file, "--campaign", id)
			if code != tc.code || !strings.Contains(out, tc.want) {
				t.Fatalf("exit %d (%s), report lacks %q:\n%.3000s", code, errOut, tc.want, out)
			}
			after, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			ns := storedNominations(t, db)
			switch {
			case tc.code != 0 && (!bytes.Equal(before, after) || len(ns) != 0):
				t.Errorf("a refused list changed the file (%d nominations)", len(ns))
			case tc.code == 0 && len(ns) != rows:
				t.Errorf("%d nominations stored, want %d", len(ns), rows)
			case tc.code == 0 && (ns[rows-1].Nominee.Name != fmt.Sprintf("Nguyễn Văn Dòng %d", rows) || ns[rows-1].Order != rows):
				t.Errorf("last row stored as %+v", ns[rows-1])
			}
			spools, _ := filepath.Glob(filepath.Join(tmp, "khenthuong-import-*"))
			if len(spools) != 1 || spools[0] != busy {
				t.Errorf("spools after the import: %v, want only %s", spools, busy)
			}
		})
	}
}
