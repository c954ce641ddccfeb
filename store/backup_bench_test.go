package store

import (
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkSafetyBackup100k: the daily backup of a 100,000-nomination file,
// and its two parts: the check that keeps damage out of backups/, and the
// compressed copy.
func BenchmarkSafetyBackup100k(b *testing.B) {
	path := benchFile(b)
	db, err := Open(path, Options{NoBackup: true, BackupDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, invariants := range []bool{false, true} {
		name := "DamageCheck"
		if invariants {
			name = "FullCheck"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := db.view("check", func(tx *bolt.Tx) error {
					if ps := db.checkTx(tx, invariants); len(ps) > 0 {
						b.Fatal(ps)
					}
					return nil
				}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, ext := range []string{zstExt, gzExt} {
		b.Run("Compress"+ext, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "x.db"+ext)
			for b.Loop() {
				if err := db.view("compress", func(tx *bolt.Tx) error { return writeSnapshot(out, tx, ext) }); err != nil {
					b.Fatal(err)
				}
			}
			if fi, err := os.Stat(out); err == nil {
				b.ReportMetric(float64(fi.Size())/(1<<20), "MB-backup")
			}
		})
	}
	b.Run("Whole", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.SafetyBackup("bench"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
