package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// fill gives a store some of everything.
func fill(t testing.TB, db *DB) {
	t.Helper()
	c := createCampaign(t, db, "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023")
	mustNil(t, db.CreateNominations([]khenthuong.Nomination{
		collective(c.ID, "Công an xã Hải Thượng", "Công an huyện Hải Lăng"),
		person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
		person(c.ID, "Nguyễn Thị Hóa", "Chủ tịch Hội Phụ nữ", "xã Gio Mỹ"),
	}))
	f := &khenthuong.AwardForm{Code: "BKBCA", Name: "Bằng khen của Bộ Công an", Kinds: []khenthuong.Kind{khenthuong.Individual}}
	mustNil(t, db.SaveForm(f))
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	opts := testOptions()
	db, err := Open(path, opts)
	mustNil(t, err)
	fill(t, db)
	want := export(t, db)

	backup := filepath.Join(dir, "ban sao", "backup.db")
	mustNil(t, db.BackupTo(backup))
	var buf bytes.Buffer
	mustNil(t, db.Backup(&buf))
	if fi, _ := os.Stat(backup); fi == nil || fi.Size() != int64(buf.Len()) {
		t.Fatalf("BackupTo and Backup differ in size")
	}

	// Change everything after the backup, then restore it.
	mustNil(t, db.DeleteForm("BKBCA"))
	createCampaign(t, db, "Đợt sau sao lưu")
	mustNil(t, db.Close())
	mustNil(t, Restore(backup, path, opts))

	db = openAt(t, path, opts)
	if got := export(t, db); got != want {
		t.Fatalf("restored content differs from the backup's:\n%s\n---\n%s", got, want)
	}
	// The file restore replaced is among the backups, and it holds the later campaign.
	bs, err := ListBackups(filepath.Join(dir, "backups"))
	mustNil(t, err)
	found := false
	for _, b := range bs {
		ro, err := Open(expandForTest(t, b), Options{ReadOnly: true})
		mustNil(t, err)
		cs, _ := ro.Campaigns()
		_ = ro.Close()
		found = found || len(cs) == 2
	}
	if !found {
		t.Fatalf("the replaced file was not backed up: %v", bs)
	}
	if problems, err := db.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("restored file: %v %v", problems, err)
	}
}

func TestRestoreRefusesBadSource(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	opts := testOptions()
	db, err := Open(path, opts)
	mustNil(t, err)
	fill(t, db)
	want := export(t, db)
	mustNil(t, db.Close())
	before, err := os.ReadFile(path)
	mustNil(t, err)

	inconsistent := filepath.Join(dir, "lech.db")
	mustNil(t, os.WriteFile(inconsistent, before, 0o600))
	plant(t, inconsistent, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCampaigns).Delete(itob(1)) // nominations lose their campaign
	})
	garbage := filepath.Join(dir, "rac.db")
	mustNil(t, os.WriteFile(garbage, bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 4096), 0o600))
	truncated := filepath.Join(dir, "cut.db")
	mustNil(t, os.WriteFile(truncated, before[:len(before)/3], 0o600))

	for _, tc := range []struct {
		name, src, code string
	}{
		{"Garbage", garbage, khenthuong.ECORRUPT},
		{"Truncated", truncated, khenthuong.ECORRUPT},
		{"Inconsistent", inconsistent, khenthuong.ECORRUPT},
		{"Missing", filepath.Join(dir, "khong-co.db"), khenthuong.ENOTFOUND},
		{"Itself", path, khenthuong.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Restore(tc.src, path, opts)
			if err == nil {
				t.Fatal("restored")
			}
			if code := khenthuong.ErrorCode(err); code != tc.code {
				t.Fatalf("code %s (%v), want %s", code, err, tc.code)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, before) {
				t.Fatal("the data file changed")
			}
		})
	}
	db = openAt(t, path, opts)
	if got := export(t, db); got != want {
		t.Fatal("content changed")
	}
	// A bad backup's verdict is the backup's: the data file is not marked damaged.
	if marks, _ := filepath.Glob(filepath.Join(dir, "backups", "*.damaged")); len(marks) != 0 {
		t.Fatalf("markers left: %v", marks)
	}
	createCampaign(t, db, "Đợt sau")
}

func TestRestoreOverDamagedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	opts := testOptions()
	db, err := Open(path, opts)
	mustNil(t, err)
	fill(t, db)
	want := export(t, db)
	backup := filepath.Join(dir, "good.db")
	mustNil(t, db.BackupTo(backup))
	mustNil(t, db.Close())
	mustNil(t, os.WriteFile(path, []byte("hỏng"), 0o600))

	mustNil(t, Restore(backup, path, opts))
	db = openAt(t, path, opts)
	if export(t, db) != want {
		t.Fatal("content differs")
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "backups", "*.corrupt"))
	if len(kept) != 1 {
		t.Fatalf("damaged file not kept: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); string(b) != "hỏng" {
		t.Fatalf("kept %q", b)
	}
}
