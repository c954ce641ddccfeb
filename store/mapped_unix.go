//go:build unix

package store

import (
	"syscall"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// dropMapped tells the kernel this process no longer needs the data file's
// pages it has read through bbolt's memory map: they stay in the page cache
// (a later read maps them again, from memory), but leave the process's
// resident set. A command streaming 300,000 records would otherwise count
// every page of the file it read as its own memory. It must run inside a
// read transaction, which keeps bbolt from remapping the file meanwhile.
func dropMapped(tx *bolt.Tx) {
	info := tx.DB().Info()
	size := int(tx.Size())
	if size <= 0 {
		return
	}
	// The map is outside Go's heap: its address is read as a pointer.
	base := *(*unsafe.Pointer)(unsafe.Pointer(&info.Data))
	_ = syscall.Madvise(unsafe.Slice((*byte)(base), size), syscall.MADV_DONTNEED)
}
