// Package atomicfile writes the files a clerk asks for (PDFs, workbooks,
// documents) through a temporary file beside them, so that a failure never
// leaves half a file where one was asked for, and explains a failure in the
// clerk's words, naming the file as asked.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"syscall"

	"khenthuong"
)

// Write writes path with write. Errors from write that are the document's
// (a *khenthuong.Error) come back as they are; the disk's are explained.
func Write(path string, write func(w io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return khenthuong.Errorf(khenthuong.EINVALID,
			"Không ghi được tệp “%s”: đó là một thư mục; hãy ghi cả tên tệp, ví dụ “%s”", path,
			filepath.Join(path, "danh-sach"+filepath.Ext(path)))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return explain(path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	// A file for people to open and send, as any program would create it:
	// the user's umask decides (077 keeps personal data private).
	_ = tmp.Chmod(0o666 &^ umask())
	if err := write(tmp); err != nil {
		tmp.Close()
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) || DiskFull(err) {
			return explain(path, err) // the disk, not the document
		}
		return khenthuong.Internal(err)
	}
	if err := tmp.Close(); err != nil {
		return explain(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return explain(path, err)
	}
	return nil
}

// explain says why a file could not be written, rather than the system's
// "open /x/.a.pdf.123: no such file or directory", which names a temporary
// file the clerk never asked for.
func explain(path string, err error) error {
	dir := filepath.Dir(path)
	var why string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = "thư mục “" + dir + "” không có"
	case errors.Is(err, fs.ErrPermission):
		why = "không có quyền ghi vào thư mục “" + dir + "” (hoặc tệp đang mở trong chương trình khác)"
	case DiskFull(err):
		why = "ổ đĩa đã đầy, hãy giải phóng chỗ trống rồi thử lại"
	case ReadOnlyDisk(err):
		why = "ổ đĩa chỉ đọc"
	default:
		slog.Error("atomicfile: write", "path", path, "err", err)
		return khenthuong.Errorf(khenthuong.EINVALID, "Không ghi được tệp “%s” (lỗi của hệ điều hành, chi tiết trong nhật ký)", path)
	}
	return khenthuong.Errorf(khenthuong.EINVALID, "Không ghi được tệp “%s”: %s", path, why)
}

// DiskFull reports a full disk or quota, on Linux and on Windows
// (ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL).
func DiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return true
	}
	var errno syscall.Errno
	return runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == 112 || errno == 39)
}

// ReadOnlyDisk reports a disk that refuses writes: a read-only mount on
// Linux, a write-protected drive on Windows (ERROR_WRITE_PROTECT).
func ReadOnlyDisk(err error) bool {
	if errors.Is(err, syscall.EROFS) {
		return true
	}
	var errno syscall.Errno
	return runtime.GOOS == "windows" && errors.As(err, &errno) && errno == 19
}
