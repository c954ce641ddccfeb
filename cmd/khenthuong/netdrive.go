package main

import (
	"os"
	"path/filepath"
	"strings"

	"khenthuong"
)

// bbolt's author: "not safe to use on network file storage" — its locks and
// memory map assume one machine's file system. Offices try to share the data
// file on a network drive anyway; such a file is refused for writing, and
// the message points to the office server, which is built for sharing.

// refuseNetworkFile returns EINVALID when path lies on a network drive or share.
func refuseNetworkFile(path string) error {
	kind, remote := onNetwork(path)
	if !remote {
		return nil
	}
	return khenthuong.Errorf(khenthuong.EINVALID,
		"Tệp dữ liệu “%s” nằm trên %s. Tệp dữ liệu chỉ an toàn trên ổ đĩa của chính máy này: "+
			"nhiều máy cùng ghi qua mạng sẽ làm hỏng dữ liệu. Để nhiều người cùng làm việc trên một bộ dữ liệu, "+
			"hãy dùng máy chủ văn phòng (PostgreSQL, xem README: “Máy chủ văn phòng”) và mở bằng "+
			"--db postgres://TÀI-KHOẢN@MÁY-CHỦ/khenthuong; hoặc chép tệp về máy này.", path, kind)
}

// nearestExisting is path, or its closest existing parent (a new file's folder).
func nearestExisting(path string) string {
	p, err := filepath.Abs(path)
	if err != nil {
		p = path
	}
	for {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(p)
		if parent == p {
			return p
		}
		p = parent
	}
}

// isUNC reports a Windows network path: \\server\share\... or //server/share/...
// (the extended \\?\UNC\server\share form too), not the local \\?\C:\ form.
func isUNC(path string) bool {
	p := strings.ReplaceAll(path, "/", `\`)
	if strings.HasPrefix(strings.ToUpper(p), `\\?\UNC\`) {
		return true
	}
	if strings.HasPrefix(p, `\\?\`) || strings.HasPrefix(p, `\\.\`) {
		return false
	}
	return strings.HasPrefix(p, `\\`) && len(p) > 2 && p[2] != '\\'
}
