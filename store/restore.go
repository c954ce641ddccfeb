package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"khenthuong"
)

// Restore replaces the data file dst with the backup src, compressed (.zst,
// as the automatic backups are, or .gz) or not (as `backup -o` and earlier versions
// wrote them). src is checked first (bbolt's structure, the store's
// invariants and record checksums, a schema this version reads); nothing is
// touched unless it passes. The current dst is backed up into opts.BackupDir
// (its raw bytes kept aside when it is damaged), then replaced atomically.
// ELOCKED when dst is open in another window, ECORRUPT when src fails its
// checks, ETOONEW when src is newer.
func Restore(src, dst string, opts Options) error {
	var err error
	if src, err = filepath.Abs(src); err != nil {
		return logInternal("restore", src, err)
	}
	if dst, err = filepath.Abs(dst); err != nil {
		return logInternal("restore", dst, err)
	}
	if same, _ := samePath(src, dst); same {
		return khenthuong.Errorf(khenthuong.EINVALID, "Bản sao lưu và tệp dữ liệu là cùng một tệp")
	}
	opts = opts.withDefaults(dst)
	removeStaleTemps(filepath.Dir(dst), time.Now())

	// The copy is written beside dst first (so the final rename stays on one
	// volume), then checked where it lies.
	tmp, err := expandBackup(src, filepath.Dir(dst))
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // gone after the rename; removed on every failure
	from, err := openBackup(tmp, src, opts)
	if err != nil {
		return err
	}
	_ = from.Close()

	// Hold dst's lock while it is backed up and replaced, so no window writes
	// in between.
	unlock, err := lockForRestore(dst, opts)
	if err != nil {
		return err
	}
	unlock() // Windows cannot replace a file that is open
	if err := os.Rename(tmp, dst); err != nil {
		return writeError("restore", dst, err, "Tệp dữ liệu không thay đổi.")
	}
	clearDamaged(dst, opts)
	return nil
}

// expandBackup copies src (decompressing a .zst or .gz) to a private temporary file in dir.
func expandBackup(src, dir string) (string, error) {
	in, err := os.Open(src)
	if errors.Is(err, fs.ErrNotExist) {
		return "", khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy bản sao lưu “%s”", src)
	} else if err != nil {
		return "", logInternal("restore", src, err)
	}
	defer in.Close()
	r, closeZ, err := decompressor(in, compressedExt(src))
	if err != nil {
		return "", badBackup(src, err)
	}
	defer closeZ()
	var rerr error
	tmp, err := writeTemp(dir, func(w io.Writer) error {
		_, err := io.Copy(w, readErrors{r, &rerr})
		return err
	})
	switch {
	case rerr != nil:
		return "", badBackup(src, rerr)
	case err != nil:
		return "", writeError("restore", dir, err, "Tệp dữ liệu không thay đổi.")
	}
	return tmp, nil
}

// readErrors tells a failure to read the backup (damage) from one to write the copy (the disk).
type readErrors struct {
	r   io.Reader
	err *error
}

func (r readErrors) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		*r.err = err
	}
	return n, err
}

func badBackup(src string, cause error) error {
	return &khenthuong.Error{Code: khenthuong.ECORRUPT, Err: cause,
		Message: fmt.Sprintf("Bản sao lưu “%s” bị hỏng hoặc không phải tệp dữ liệu Khen thưởng, không khôi phục được", src)}
}

// openBackup opens the copy at path of the backup src read-only and runs
// every check on it; messages name src.
func openBackup(path, src string, opts Options) (*DB, error) {
	opts.ReadOnly, opts.noMarker = true, true
	from, err := Open(path, opts)
	if code := khenthuong.ErrorCode(err); code == khenthuong.ECORRUPT || code == khenthuong.ENOTFOUND {
		return nil, badBackup(src, err)
	} else if err != nil {
		return nil, err
	}
	problems, err := from.Check()
	if err == nil && len(problems) > 0 {
		err = khenthuong.Errorf(khenthuong.ECORRUPT,
			"Bản sao lưu “%s” không dùng được: %s (có %d lỗi)", src, problems[0].Label(), len(problems))
	}
	if err != nil {
		_ = from.Close()
		return nil, err
	}
	return from, nil
}

// lockForRestore opens dst to hold its lock and backs it up. A damaged dst
// (the usual reason to restore) gets no backup: its raw bytes are kept
// instead, under a name the rotation and the offers of a backup leave alone.
func lockForRestore(dst string, opts Options) (unlock func(), err error) {
	nothing := func() {}
	fi, err := os.Stat(dst)
	if errors.Is(err, fs.ErrNotExist) {
		return nothing, nil
	} else if err != nil {
		return nil, logInternal("restore", dst, err)
	}
	keepDamaged := func() (func(), error) {
		if fi.Size() == 0 {
			return nothing, nil
		}
		if err := copyFile(dst, damagedCopyName(opts.BackupDir, dst, opts.Now())); err != nil {
			return nil, writeError("restore: keep damaged file", opts.BackupDir, err, "Tệp dữ liệu không thay đổi.")
		}
		return nothing, nil
	}
	if fi.Size() == 0 {
		return nothing, nil
	}
	opts.ReadOnly = false
	bdb, err := openBolt(dst, opts)
	if khenthuong.ErrorCode(err) == khenthuong.ECORRUPT {
		return keepDamaged()
	} else if err != nil {
		return nil, err
	}
	db := &DB{bolt: bdb, path: dst, opts: opts}
	closed := false
	unlock = func() {
		if !closed {
			closed = true
			_ = bdb.Close()
		}
	}
	if _, err := db.SafetyBackup("restore"); khenthuong.ErrorCode(err) == khenthuong.ECORRUPT {
		unlock()
		return keepDamaged()
	} else if err != nil {
		unlock()
		return nil, err
	}
	return unlock, nil
}
