package main

import "syscall"

// Network file systems by their statfs magic (linux/magic.h).
var networkMagic = map[int64]string{
	0x6969:     "ổ mạng NFS",
	0xFF534D42: "ổ mạng chia sẻ Windows (CIFS)",
	0xFE534D42: "ổ mạng chia sẻ Windows (SMB2)",
	0x517B:     "ổ mạng chia sẻ Windows (SMB)",
}

// fsType is the statfs magic of the file system holding path (a variable so
// tests can play a network mount).
var fsType = func(path string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, err
	}
	return int64(st.Type), nil
}

// onNetwork reports whether path is on a network mount, and which.
func onNetwork(path string) (kind string, remote bool) {
	t, err := fsType(nearestExisting(path))
	if err != nil {
		return "", false
	}
	kind, remote = networkMagic[t]
	return kind, remote
}
