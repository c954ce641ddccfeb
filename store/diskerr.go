package store

import (
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"khenthuong"
	"khenthuong/atomicfile"
)

// diskError turns a failure of the disk under target (a file or a folder
// being written) into a message that names that disk and says what was not
// changed; nil when err is not such a failure. The message never blames the
// data file's disk for a backup written elsewhere.
func diskError(target string, err error, unchanged string) *khenthuong.Error {
	where := diskOf(target)
	var e *khenthuong.Error
	switch {
	case atomicfile.DiskFull(err):
		e = khenthuong.Errorf(khenthuong.EINVALID,
			"Ổ đĩa chứa “%s” đã đầy: không ghi được “%s”. %s Hãy giải phóng chỗ trống trên ổ đĩa đó rồi thử lại.",
			where, target, unchanged)
	case atomicfile.ReadOnlyDisk(err):
		e = khenthuong.Errorf(khenthuong.EINVALID,
			"Ổ đĩa chứa “%s” chỉ cho đọc: không ghi được “%s”. %s", where, target, unchanged)
	case errors.Is(err, fs.ErrPermission):
		e = khenthuong.Errorf(khenthuong.EINVALID,
			"Không có quyền ghi vào “%s”: không ghi được “%s”. %s", where, target, unchanged)
	default:
		return nil
	}
	e.Err = err
	return e
}

// diskOf names where target lies: its drive on Windows ("D:\"), else the
// folder that holds it.
func diskOf(target string) string {
	abs, err := filepath.Abs(target)
	if err != nil {
		abs = target
	}
	if v := filepath.VolumeName(abs); v != "" {
		return v + string(filepath.Separator)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return abs
	}
	return filepath.Dir(abs)
}

// writeError reports a failure to write target (a backup, a restored file):
// the disk's failure in words, anything else logged as internal.
func writeError(op, target string, err error, unchanged string) error {
	if err == nil {
		return nil
	}
	var ke *khenthuong.Error
	if errors.As(err, &ke) {
		return err
	}
	if e := diskError(target, err, unchanged); e != nil {
		slog.Error("store: "+op, "path", target, "err", err)
		return e
	}
	return logInternal(op, target, err)
}
