package roster

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"

	"khenthuong"
)

// ReadFailure says why a file could not be opened or read, in the clerk's
// words ("Không có tệp …"), rather than the system's "open …: no such file
// or directory"; what is neither missing nor forbidden goes to the log.
// what names the file ("tệp", "tệp sơ đồ cột").
func ReadFailure(what, path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có %s “%s”: kiểm tra lại tên và thư mục", what, path)
	case errors.Is(err, fs.ErrPermission):
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có quyền đọc %s “%s” (hoặc tệp đang mở trong chương trình khác)", what, path)
	}
	slog.Error("roster: read", "path", path, "err", err)
	return khenthuong.Errorf(khenthuong.EINVALID, "Không đọc được %s “%s” (lỗi của hệ điều hành, chi tiết trong nhật ký)", what, path)
}

// jsonFailure says where a JSON file is wrong, without the decoder's English.
func jsonFailure(what, path string, data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	where := ""
	switch {
	case errors.As(err, &syntax):
		where = fmt.Sprintf(" (lỗi ở dòng %d)", lineAt(data, syntax.Offset))
	case errors.As(err, &typ):
		where = fmt.Sprintf(" (mục “%s” sai kiểu, dòng %d)", typ.Field, lineAt(data, typ.Offset))
	}
	return khenthuong.Errorf(khenthuong.EINVALID, "%s “%s” không đúng dạng JSON%s", what, path, where)
}

// lineAt is the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	line := 1
	for i := int64(0); i < off && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line++
		}
	}
	return line
}
