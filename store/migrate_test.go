package store

import (
	"encoding/binary"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

func TestMigrationRunsAfterBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	opts := testOptions()
	opts.NoBackup = true // a migration backs up anyway
	db, err := Open(path, opts)
	mustNil(t, err)
	fill(t, db)
	mustNil(t, db.Close())

	saved := migrations
	t.Cleanup(func() { migrations = saved })
	ran := false
	migrations = append(migrations[:len(migrations):len(migrations)], migration{
		name: "test step",
		run: func(tx *bolt.Tx) error {
			ran = true
			if _, err := LatestBackup(path); err != nil {
				t.Errorf("migration ran before a backup existed: %v", err)
			}
			return tx.Bucket(bucketMeta).Put([]byte("migrated"), []byte("yes"))
		},
	})

	db = openAt(t, path, opts)
	if !ran {
		t.Fatal("migration did not run")
	}
	mustNil(t, db.view("test", func(tx *bolt.Tx) error {
		schema, _, _ := readSchema(tx)
		if schema != baseSchema+uint32(len(saved))+1 {
			t.Errorf("schema after migration %d", schema)
		}
		return nil
	}))
	// The backup holds the file as it was before the migration.
	latest, err := LatestBackup(path)
	mustNil(t, err)
	bdb, err := bolt.Open(expandForTest(t, latest), 0o600, &bolt.Options{ReadOnly: true})
	mustNil(t, err)
	defer bdb.Close()
	mustNil(t, bdb.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keySchema); binary.BigEndian.Uint32(v) != baseSchema+uint32(len(saved)) {
			t.Errorf("backup schema %d", binary.BigEndian.Uint32(v))
		}
		if tx.Bucket(bucketMeta).Get([]byte("migrated")) != nil {
			t.Error("backup taken after the migration")
		}
		return nil
	}))
}

func TestFailedMigrationLeavesFileAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db, err := Open(path, testOptions())
	mustNil(t, err)
	fill(t, db)
	want := export(t, db)
	mustNil(t, db.Close())

	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(migrations[:len(migrations):len(migrations)], migration{
		name: "broken step",
		run: func(tx *bolt.Tx) error {
			_ = tx.Bucket(bucketCampaigns).Delete(itob(1))
			return bolt.ErrBucketNotFound
		},
	})
	_, err = Open(path, testOptions())
	wantCode(t, err, khenthuong.EINTERNAL, "")

	migrations = saved
	db = openAt(t, path, testOptions())
	if export(t, db) != want {
		t.Fatal("a failed migration changed the file")
	}
}
