package store

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

func TestOpenCreatesPrivateSeededFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "KhenThuong")
	path := filepath.Join(dir, "khenthuong.db")
	db := openAt(t, path, testOptions())

	if runtime.GOOS != "windows" {
		for _, tc := range []struct {
			path string
			mode os.FileMode
		}{{path, 0o600}, {dir, 0o700}} {
			fi, err := os.Stat(tc.path)
			mustNil(t, err)
			if got := fi.Mode().Perm(); got != tc.mode {
				t.Errorf("%s: mode %o, want %o", tc.path, got, tc.mode)
			}
		}
	}
	if db.Path() != path {
		t.Errorf("Path() = %q, want %q", db.Path(), path)
	}
	mustNil(t, db.view("test", func(tx *bolt.Tx) error {
		schema, ok, err := readSchema(tx)
		if err != nil || !ok || schema != currentSchema() {
			t.Errorf("schema %d %v %v", schema, ok, err)
		}
		if tx.Bucket(bucketMeta).Get(keyCreated) == nil {
			t.Error("no creation time")
		}
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return nil
	}))
	if _, err := os.Stat(filepath.Join(dir, "backups")); !os.IsNotExist(err) {
		t.Errorf("a new file was backed up (%v)", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db, err := Open(path, testOptions())
	mustNil(t, err)
	c := createCampaign(t, db, "Đợt giữ lại")
	mustNil(t, db.CreateNominations([]khenthuong.Nomination{person(c.ID, "Nguyễn Văn Tình", "Trưởng Công an xã", "Công an xã Gio Linh")}))
	s, _ := db.Settings()
	s.Province = "Quảng Bình"
	mustNil(t, db.SaveSettings(&s))
	want := export(t, db)
	mustNil(t, db.Close())

	db = openAt(t, path, testOptions())
	if got := export(t, db); got != want {
		t.Fatal("content changed across close and reopen")
	}
	ns, err := db.Nominations(khenthuong.NominationFilter{Query: "nguyen van tinh"})
	mustNil(t, err)
	if len(ns) != 1 || ns[0].Nominee.Name != "Nguyễn Văn Tình" {
		t.Fatalf("after reopen: %+v", ns)
	}
	if s, _ := db.Settings(); s.Province != "Quảng Bình" {
		t.Fatalf("settings after reopen: %+v", s)
	}
	// Reopening did not seed the catalogue a second time.
	fs, _ := db.Forms()
	if len(fs) != len(khenthuong.DefaultForms()) {
		t.Fatalf("%d forms after reopen", len(fs))
	}
}

func TestVietnamesePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Nguyễn Văn A", "Dữ liệu khen thưởng.db")
	db, err := Open(path, testOptions())
	mustNil(t, err)
	createCampaign(t, db, "Đợt")
	mustNil(t, db.Close())
	db = openAt(t, path, testOptions())
	_, err = db.DailyBackup() // into "Nguyễn Văn A/backups"
	mustNil(t, err)
	if cs, _ := db.Campaigns(); len(cs) != 1 {
		t.Fatalf("%d campaigns", len(cs))
	}
	latest, err := LatestBackup(path)
	mustNil(t, err)
	if !strings.Contains(latest, "Nguyễn Văn A") {
		t.Fatalf("backup at %q", latest)
	}
	mustNil(t, db.BackupTo(filepath.Join(filepath.Dir(path), "Bản sao.db")))
	problems, err := CheckFile(filepath.Join(filepath.Dir(path), "Bản sao.db"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("copy: %v %v", problems, err)
	}
}

func TestDefaultPath(t *testing.T) {
	p := DefaultPath()
	if filepath.Base(p) != "khenthuong.db" || filepath.Base(filepath.Dir(p)) != "KhenThuong" {
		t.Fatalf("DefaultPath() = %q", p)
	}
	if dir, err := os.UserConfigDir(); err == nil && filepath.Dir(filepath.Dir(p)) != dir {
		t.Fatalf("DefaultPath() = %q, not under %q", p, dir)
	}
}

func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db, err := Open(path, testOptions())
	mustNil(t, err)
	createCampaign(t, db, "Đợt")
	mustNil(t, db.Close())

	opts := testOptions()
	opts.ReadOnly = true
	ro := openAt(t, path, opts)
	if cs, err := ro.Campaigns(); err != nil || len(cs) != 1 {
		t.Fatalf("read-only read: %v %v", cs, err)
	}
	wantCode(t, ro.CreateCampaign(campaign("Không ghi được")), khenthuong.ECONFLICT, "")

	_, err = Open(filepath.Join(t.TempDir(), "khong-co.db"), opts)
	wantCode(t, err, khenthuong.ENOTFOUND, "")
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db, err := Open(path, testOptions())
	mustNil(t, err)
	mustNil(t, db.Close())
	newer := currentSchema() + 1
	plant(t, path, func(tx *bolt.Tx) error {
		v := make([]byte, 4)
		binary.BigEndian.PutUint32(v, newer)
		return tx.Bucket(bucketMeta).Put(keySchema, v)
	})
	before, _ := os.ReadFile(path)
	for _, readOnly := range []bool{false, true} {
		opts := testOptions()
		opts.ReadOnly = readOnly
		_, err = Open(path, opts)
		e := wantCode(t, err, khenthuong.ETOONEW, "")
		want := fmt.Sprintf("Tệp dữ liệu được tạo bởi phiên bản Khen thưởng mới hơn (lược đồ %d); hãy cập nhật chương trình.", newer)
		if e.Message != want {
			t.Errorf("message %q, want %q", e.Message, want)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused file was written")
	}
}

func TestOpenRefusesDamagedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")

	t.Run("NotBbolt", func(t *testing.T) {
		mustNil(t, os.WriteFile(path, []byte(strings.Repeat("Đây không phải cơ sở dữ liệu. ", 500)), 0o600))
		_, err := Open(path, testOptions())
		e := wantCode(t, err, khenthuong.ECORRUPT, "")
		if !strings.Contains(e.Message, "Không tìm thấy bản sao lưu") {
			t.Errorf("message %q does not say there is no backup", e.Message)
		}
	})

	t.Run("TruncatedOffersLatestBackup", func(t *testing.T) {
		mustNil(t, os.Remove(path))
		db, err := Open(path, testOptions())
		mustNil(t, err)
		createCampaign(t, db, "Đợt")
		_, err = db.DailyBackup()
		mustNil(t, err)
		mustNil(t, db.Close())
		mustNil(t, os.WriteFile(path, []byte("bolt?"), 0o600))
		_, err = Open(path, testOptions())
		e := wantCode(t, err, khenthuong.ECORRUPT, "")
		latest, err := LatestBackup(path)
		mustNil(t, err)
		if !strings.Contains(e.Message, latest) {
			t.Errorf("message %q does not offer %q", e.Message, latest)
		}
	})

	for _, from := range []int{2, 3, 4, 6} {
		// Keep the two meta pages (and maybe a few more), ruin the rest.
		t.Run(fmt.Sprintf("DamagedFromPage%d", from), func(t *testing.T) {
			damaged := filepath.Join(dir, fmt.Sprintf("damaged%d.db", from))
			db, err := Open(damaged, testOptions())
			mustNil(t, err)
			fill(t, db)
			mustNil(t, db.Close())
			b, err := os.ReadFile(damaged)
			mustNil(t, err)
			for i := from * 4096; i < len(b); i++ {
				b[i] = byte(i * 7)
			}
			mustNil(t, os.WriteFile(damaged, b, 0o600))
			opts := testOptions()
			opts.NoBackup = true
			db, err = Open(damaged, opts)
			if err != nil {
				wantCode(t, err, khenthuong.ECORRUPT, "")
				return
			}
			// bbolt may open it; reading it must still fail cleanly, never crash.
			defer db.Close()
			_, err = db.Nominations(khenthuong.NominationFilter{})
			problems, cerr := db.Check()
			if err == nil && cerr == nil && len(problems) == 0 {
				t.Fatal("damaged pages went unnoticed")
			}
			t.Logf("read: %v; check: %v %d problems", err, cerr, len(problems))
		})
	}

	t.Run("MissingBucket", func(t *testing.T) {
		path := filepath.Join(dir, "thieu.db")
		db, err := Open(path, testOptions())
		mustNil(t, err)
		fill(t, db)
		mustNil(t, db.Close())
		plant(t, path, func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketNominations) })
		_, err = Open(path, testOptions())
		wantCode(t, err, khenthuong.ECORRUPT, "")
		problems, err := CheckFile(path)
		mustNil(t, err)
		if len(problems) == 0 {
			t.Fatal("CheckFile found nothing")
		}
	})

	t.Run("ForeignBboltFile", func(t *testing.T) {
		other := filepath.Join(dir, "other.db")
		bdb, err := bolt.Open(other, 0o600, nil)
		mustNil(t, err)
		mustNil(t, bdb.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("users"))
			if err != nil {
				return err
			}
			return b.Put([]byte("a"), []byte("b"))
		}))
		mustNil(t, bdb.Close())
		_, err = Open(other, testOptions())
		wantCode(t, err, khenthuong.ECORRUPT, "")
	})
}
