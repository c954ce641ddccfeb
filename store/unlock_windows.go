//go:build windows

package store

import "os"

// releaseFile closes a data file that bbolt abandoned in a panic; on Windows
// the lock (LockFileEx) belongs to the handle and goes with it.
func releaseFile(f *os.File) { _ = f.Close() }
