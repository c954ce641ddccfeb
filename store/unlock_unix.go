//go:build !windows

package store

import (
	"os"
	"syscall"
)

// releaseFile unlocks and closes a data file that bbolt abandoned in a
// panic. Closing alone is not enough on Unix: the memory map bbolt made keeps
// the open file, and with it the flock, alive until the program ends.
func releaseFile(f *os.File) {
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	_ = f.Close()
}
