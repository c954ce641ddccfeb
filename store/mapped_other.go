//go:build !unix

package store

import bolt "go.etcd.io/bbolt"

// dropMapped does nothing where there is no madvise: Windows trims a
// process's working set itself under memory pressure.
func dropMapped(*bolt.Tx) {}
