package store

import (
	"errors"
	bolt "go.etcd.io/bbolt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"khenthuong"
)

// bloated makes a data file with many free pages, as years of rewritten
// records leave: a bucket of 8 MB written, then dropped.
func bloated(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	fill(t, db)
	mustNil(t, db.Close())
	junk := []byte("junk")
	plant(t, path, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(junk)
		if err != nil {
			return err
		}
		for i := range 2000 {
			if err := b.Put(itob(uint64(i)), make([]byte, 4096)); err != nil {
				return err
			}
		}
		return nil
	})
	plant(t, path, func(tx *bolt.Tx) error { return tx.DeleteBucket(junk) })
	return path
}

func TestCompact(t *testing.T) {
	t.Run("ReclaimsAndKeepsTheData", func(t *testing.T) {
		path := bloated(t)
		db := openAt(t, path, testOptions())
		want := export(t, db)
		mustNil(t, db.Close())
		stale := compactTemp(path)
		mustNil(t, os.WriteFile(stale, []byte("left by a crash"), 0o600))

		before, after, err := Compact(path, testOptions())
		mustNil(t, err)
		fi, _ := os.Stat(path)
		if after >= before/2 || after != fi.Size() {
			t.Errorf("compacted %d → %d bytes (file %d), want less than half", before, after, fi.Size())
		}
		if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the temporary copy is still there: %v", err)
		}
		db = openAt(t, path, testOptions())
		if export(t, db) != want {
			t.Error("the compacted file holds other data")
		}
		if ps, _ := db.Check(); len(ps) > 0 {
			t.Errorf("problems: %v", ps)
		}
		createCampaign(t, db, "Ghi được sau khi thu gọn")
	})

	t.Run("RefusedWhileOpen", func(t *testing.T) {
		path := bloated(t)
		db := openAt(t, path, testOptions())
		opts := testOptions()
		opts.Timeout = 100 * time.Millisecond
		_, _, err := Compact(path, opts)
		wantCode(t, err, khenthuong.ELOCKED, "")
		createCampaign(t, db, "Vẫn ghi được")
	})

	t.Run("ACrashBeforeTheRenameLeavesTheFile", func(t *testing.T) {
		path := bloated(t)
		db := openAt(t, path, testOptions())
		want := export(t, db)
		mustNil(t, db.Close())
		raw, _ := os.ReadFile(path)
		compactFault = func(step string) error { return errors.New("simulated crash at " + step) }
		t.Cleanup(func() { compactFault = nil })
		_, _, err := Compact(path, testOptions())
		if err == nil {
			t.Fatal("no error from the crash")
		}
		compactFault = nil
		now, _ := os.ReadFile(path)
		if len(now) != len(raw) {
			t.Errorf("the file changed size: %d → %d", len(raw), len(now))
		}
		db = openAt(t, path, testOptions())
		if export(t, db) != want {
			t.Error("the data changed")
		}
	})

	t.Run("Missing", func(t *testing.T) {
		_, _, err := Compact(filepath.Join(t.TempDir(), "khong-co.db"), testOptions())
		wantCode(t, err, khenthuong.ENOTFOUND, "")
	})
}
