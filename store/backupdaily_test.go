package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"khenthuong"
)

// expandForTest decompresses a backup into a temporary file bbolt can open.
func expandForTest(t testing.TB, path string) string {
	t.Helper()
	tmp, err := expandBackup(path, t.TempDir())
	mustNil(t, err)
	return tmp
}

func baseNames(paths []string) []string {
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	return names
}

func TestDailyBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	at := time.Date(2025, 1, 5, 14, 30, 0, 0, time.Local)
	opts := testOptions()
	opts.Now = func() time.Time { return at }
	db := openAt(t, path, opts)
	fill(t, db)
	want := export(t, db)

	t.Run("OpenAndWritesTakeNone", func(t *testing.T) {
		if bs, _ := BackupsOf(path); len(bs) != 0 {
			t.Fatalf("backups before the daily one: %v", bs)
		}
	})
	t.Run("OncePerDay", func(t *testing.T) {
		name, err := db.DailyBackup()
		mustNil(t, err)
		if filepath.Base(name) != "khenthuong-20250105-143000.db.zst" {
			t.Fatalf("backup named %s", name)
		}
		at = at.Add(3 * time.Hour)
		createCampaign(t, db, "Đợt chiều")
		again, err := db.DailyBackup()
		mustNil(t, err)
		if again != "" {
			t.Fatalf("a second backup the same day: %s", again)
		}
		at = at.Add(12 * time.Hour) // past midnight
		next, err := db.DailyBackup()
		mustNil(t, err)
		if filepath.Base(next) != "khenthuong-20250106-053000.db.zst" {
			t.Fatalf("next day's backup %q", next)
		}
	})
	t.Run("CompressedAndRestorable", func(t *testing.T) {
		bs, err := BackupsOf(path)
		mustNil(t, err)
		if len(bs) != 2 {
			t.Fatalf("backups %v", bs)
		}
		fi, err := os.Stat(bs[1])
		mustNil(t, err)
		raw, err := os.Stat(path)
		mustNil(t, err)
		if fi.Size()*4 > raw.Size() {
			t.Errorf("backup %d bytes for a %d-byte file: not compressed", fi.Size(), raw.Size())
		}
		ro := openAt(t, expandForTest(t, bs[1]), Options{ReadOnly: true})
		if export(t, ro) != want {
			t.Fatal("backup content differs")
		}
	})
	t.Run("NoBackupOption", func(t *testing.T) {
		o := opts
		o.NoBackup = true
		other := openAt(t, filepath.Join(dir, "khac.db"), o)
		at = at.Add(48 * time.Hour)
		name, err := other.DailyBackup()
		if err != nil || name != "" {
			t.Fatalf("NoBackup took %q (%v)", name, err)
		}
	})
}

// TestBackupsNamedAfterTheirFile: two data files in one folder share the
// backups folder, never their backups.
func TestBackupsNamedAfterTheirFile(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	dbA, dbB := openAt(t, a, testOptions()), openAt(t, b, testOptions())
	createCampaign(t, dbA, "Đợt của A")
	createCampaign(t, dbB, "Đợt của B")
	_, err := dbA.SafetyBackup("test")
	mustNil(t, err)
	_, err = dbB.SafetyBackup("test")
	mustNil(t, err)
	// An uncompressed backup of an earlier version belongs to khenthuong.db only.
	mustNil(t, os.WriteFile(filepath.Join(dir, "backups", "khenthuong-20240101-080000.db"), []byte("x"), 0o600))

	for _, tc := range []struct {
		path, campaign string
	}{{a, "Đợt của A"}, {b, "Đợt của B"}} {
		bs, err := BackupsOf(tc.path)
		mustNil(t, err)
		if len(bs) != 1 {
			t.Fatalf("%s: backups %v", tc.path, baseNames(bs))
		}
		latest, err := LatestBackup(tc.path)
		mustNil(t, err)
		ro := openAt(t, expandForTest(t, latest), Options{ReadOnly: true})
		cs, err := ro.Campaigns()
		mustNil(t, err)
		if len(cs) != 1 || cs[0].Name != tc.campaign {
			t.Fatalf("the backup offered for %s holds %v", tc.path, cs)
		}
	}
	all, err := ListBackups(filepath.Join(dir, "backups"))
	mustNil(t, err)
	if len(all) != 3 {
		t.Fatalf("ListBackups: %v", baseNames(all))
	}
}

func TestRotationKeepsGenerations(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	bdir := filepath.Join(dir, "backups")
	mustNil(t, os.MkdirAll(bdir, 0o700))
	// One backup a day for 400 days, then the rotation.
	now := time.Date(2025, 6, 30, 9, 0, 0, 0, time.Local)
	for d := 399; d >= 0; d-- {
		name := "khenthuong-" + now.AddDate(0, 0, -d).Format(backupTimeLayout) + ".db.zst"
		mustNil(t, os.WriteFile(filepath.Join(bdir, name), []byte("x"), 0o600))
	}
	// A name reserved by a backup killed long ago.
	mustNil(t, os.WriteFile(filepath.Join(bdir, "khenthuong-20250601-090000-2.db.gz"), nil, 0o600))
	mustNil(t, rotateBackups(bdir, path, now))
	bs, err := listBackups(bdir, path)
	mustNil(t, err)
	days := map[string]bool{}
	for _, b := range bs {
		days[b.at[:8]] = true
	}
	for _, want := range []string{
		"20250630", "20250629", "20250624", // the last 7 days
		"20250622", "20250615", // Sundays, the newest of the last 4 weeks
		"20250531", "20250430", "20240731", // month ends, the last 12 months
	} {
		if !days[want] {
			t.Errorf("rotation dropped the backup of %s", want)
		}
	}
	if days["20240630"] || days["20250101"] || days["20250623"] {
		t.Errorf("rotation kept more than its generations: %v", slices.Sorted(func(yield func(string) bool) {
			for d := range days {
				if !yield(d) {
					return
				}
			}
		}))
	}
	if len(bs) > keepDaily+keepWeekly+keepMonthly {
		t.Errorf("%d backups kept", len(bs))
	}
	if _, err := os.Stat(filepath.Join(bdir, "khenthuong-20250601-090000-2.db.gz")); err == nil {
		t.Error("a stale reserved name was kept")
	}
}

// TestRestoreReadsBothFormats: an automatic (zstd) backup, a gzip one made
// with backup -o and an uncompressed one of an earlier version all restore.
func TestRestoreReadsBothFormats(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	opts := testOptions()
	db := openAt(t, path, opts)
	fill(t, db)
	want := export(t, db)
	zst, err := db.SafetyBackup("test")
	mustNil(t, err)
	old := filepath.Join(dir, "backups", "khenthuong-20240101-080000.db")
	mustNil(t, db.BackupTo(old))
	gz := filepath.Join(dir, "by-hand.db.gz")
	mustNil(t, db.BackupTo(gz))
	createCampaign(t, db, "Đợt sau sao lưu")
	mustNil(t, db.Close())

	for _, src := range []string{zst, gz, old} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			mustNil(t, Restore(src, path, opts))
			ro := openAt(t, path, Options{ReadOnly: true})
			if export(t, ro) != want {
				t.Fatal("restored content differs")
			}
			mustNil(t, ro.Close())
		})
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".khenthuong-*")); len(tmps) != 0 {
		t.Fatalf("temporary files left: %v", tmps)
	}
}

func TestParseBackupName(t *testing.T) {
	for _, tc := range []struct {
		name       string
		ok         bool
		seq        int
		compressed bool
	}{
		{"khenthuong-20250105-143000.db", true, 1, false},
		{"khenthuong-20250105-143000.db.zst", true, 1, true},
		{"khenthuong-20250105-143000-12.db", true, 12, false},
		{"khenthuong-20250105-143000-1.db", false, 0, false},
		{"khenthuong-20250105-143000-012.db", false, 0, false},
		{"khenthuong-20250105-143000.db.corrupt", false, 0, false},
		{"khenthuong-2025010-143000.db", false, 0, false},
		{"khenthuong-20251305-143000.db", false, 0, false},
		{"other-20250105-143000.db", false, 0, false},
		{"khenthuong-20250105-143000x.db", false, 0, false},
		{"khenthuong-x-20250105-143000.db", false, 0, false},
	} {
		b, ok := parseBackupName(tc.name, "khenthuong", ".db")
		if ok != tc.ok || ok && (b.seq != tc.seq || b.compressed != tc.compressed) {
			t.Errorf("parseBackupName(%q) = %+v %v", tc.name, b, ok)
		}
	}
}

var _ = khenthuong.ECORRUPT
