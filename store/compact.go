package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// compactTxSize bounds each transaction of bbolt's Compact, so the copy holds
// a few megabytes of pages in memory, not the file.
const compactTxSize = 8 << 20

// compactRecordCost is what a record costs a transaction of the copy beyond
// its bytes: bbolt's node entry (about 64 bytes) and the key it clones, with
// the room a growing slice leaves.
const compactRecordCost = 256

// compactFault, when set by a test, is called between the steps of Compact;
// an error it returns stops Compact there, as a crash would.
var compactFault func(step string) error

// Compact rewrites the data file at path without its free pages (what
// deleted and rewritten records left behind) and reports its size before and
// after. The file is opened for writing, so ELOCKED when a window has it open;
// it is brought to the current schema as Open does and backed up first. The copy is
// written beside it, synced and checked, then renamed over it: a crash at any
// moment leaves either the old file or the whole new one (and at worst a
// temporary file the next Compact removes).
func Compact(path string, opts Options) (before, after int64, err error) {
	if path, err = filepath.Abs(path); err != nil {
		return 0, 0, logInternal("compact", path, err)
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, 0, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy tệp dữ liệu “%s”", path)
	} else if err != nil {
		return 0, 0, logInternal("compact", path, err)
	}
	opts.ReadOnly = false
	src, err := Open(path, opts)
	if err != nil {
		return 0, 0, err
	}
	closed := false
	closeSrc := func() {
		if !closed {
			closed = true
			_ = src.Close()
		}
	}
	defer closeSrc()
	// A compressed copy of the file as it is, whatever the day's backups: the
	// file is about to be replaced.
	if _, err := src.SafetyBackup("compact"); err != nil {
		return 0, 0, err
	}
	before = fi.Size()
	tmp := compactTemp(path)
	_ = os.Remove(tmp) // left by a Compact that crashed
	defer os.Remove(tmp)
	if err := writeCompact(src, tmp); err != nil {
		return 0, 0, err
	}
	if err := compactStep("written"); err != nil {
		return 0, 0, err
	}
	if err := checkCompact(tmp, src.opts); err != nil {
		return 0, 0, err
	}
	if runtime.GOOS == "windows" {
		closeSrc() // Windows cannot replace a file that is open
	}
	// Elsewhere the lock is kept across the rename, so no window writes
	// into the old file in between.
	if err := os.Rename(tmp, path); err != nil {
		return 0, 0, logInternal("compact", path, err)
	}
	syncDir(filepath.Dir(path))
	if fi, err = os.Stat(path); err != nil {
		return 0, 0, logInternal("compact", path, err)
	}
	return before, fi.Size(), nil
}

// compactTemp is the copy's name: beside the file (one volume for the
// rename), the same each time, so a crash leaves at most one.
func compactTemp(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".compact")
}

func compactStep(step string) error {
	if compactFault != nil {
		return compactFault(step)
	}
	return nil
}

// writeCompact copies src into a new file at tmp, page by page full, and syncs it.
func writeCompact(src *DB, tmp string) error {
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: src.opts.Timeout})
	if err != nil {
		return src.internal("compact", err)
	}
	err = src.view("compact", func(tx *bolt.Tx) error { return copyBuckets(dst, tx) })
	if cerr := dst.Close(); err == nil && cerr != nil {
		err = src.internal("compact", cerr)
	}
	if err != nil {
		return err
	}
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return src.internal("compact", err)
	}
	defer f.Close()
	return src.internal("compact", f.Sync())
}

// checkCompact opens the copy and runs every check on it before it replaces anything.
func checkCompact(tmp string, opts Options) error {
	opts.ReadOnly, opts.NoBackup = true, true
	db, err := Open(tmp, opts)
	if err != nil {
		return logInternal("compact: open copy", tmp, err)
	}
	defer db.Close()
	ps, err := db.Check()
	if err == nil && len(ps) > 0 {
		err = fmt.Errorf("the copy has %d problems, the first: %s", len(ps), ps[0])
	}
	return logInternal("compact: check copy", tmp, err)
}

// syncDir makes a rename in dir durable (best effort: Windows has no directory sync).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
