package main

import (
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"syscall"

	"khenthuong"
)

// fileError explains why a file could not be written, in the clerk's words
// and naming the file, rather than the system's ("open /x/.a.pdf.123: no
// such file or directory" named a temporary file the clerk never asked for).
func fileError(path string, err error) error {
	dir := filepath.Dir(path)
	var msg string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "thư mục “" + dir + "” không có"
	case errors.Is(err, fs.ErrPermission):
		msg = "không có quyền ghi vào thư mục “" + dir + "”"
	case diskFull(err):
		msg = "ổ đĩa đã đầy, hãy giải phóng chỗ trống rồi thử lại"
	case errors.Is(err, syscall.EROFS):
		msg = "ổ đĩa chỉ đọc"
	default:
		return khenthuong.Errorf(khenthuong.EINVALID, "Không ghi được tệp “%s”: %v", path, err)
	}
	return khenthuong.Errorf(khenthuong.EINVALID, "Không ghi được tệp “%s”: %s", path, msg)
}

// diskFull reports a full disk or quota, on Linux and on Windows
// (ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL).
func diskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return true
	}
	var errno syscall.Errno
	return runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == 112 || errno == 39)
}
