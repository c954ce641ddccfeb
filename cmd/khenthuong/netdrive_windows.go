package main

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// driveType is GetDriveType of a root such as `Z:\` (a variable so tests can
// play a mapped drive).
var driveType = func(root string) uint32 {
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return windows.DRIVE_UNKNOWN
	}
	return windows.GetDriveType(p)
}

// onNetwork reports whether path is on a share (UNC) or a mapped network drive.
func onNetwork(path string) (kind string, remote bool) {
	if isUNC(path) {
		return "thư mục chia sẻ trên mạng", true
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	if vol := filepath.VolumeName(abs); len(vol) == 2 && vol[1] == ':' {
		if isUNC(abs) {
			return "thư mục chia sẻ trên mạng", true
		}
		if driveType(vol+`\`) == windows.DRIVE_REMOTE {
			return "ổ mạng " + vol, true
		}
	} else if isUNC(abs) {
		return "thư mục chia sẻ trên mạng", true
	}
	return "", false
}
