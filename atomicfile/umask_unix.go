//go:build unix

package atomicfile

import (
	"io/fs"
	"sync"
	"syscall"
)

var umaskMu sync.Mutex

// umask is the process's file creation mask. Reading it means setting it:
// the mutex keeps two writers from seeing each other's zero.
func umask() fs.FileMode {
	umaskMu.Lock()
	defer umaskMu.Unlock()
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}
