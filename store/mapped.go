package store

import (
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// dropEvery is how many records a long read goes through between two
// dropMapped. A random read maps up to 64 KB around the page it needs (the
// kernel's fault-around), so 1,024 records can hold 64 MB between two drops.
const dropEvery = 1024

// recordsRead counts the records long reads went through, all of them
// together: a command reading 200 decisions of 500 recipients each is one
// long read, though each decision is a short one.
var recordsRead atomic.Int64

// dropper returns a function a long read calls once per record: every
// dropEvery records read by any of them, it drops the mapped pages read so
// far (see dropMapped).
func dropper(tx *bolt.Tx) func() {
	return func() {
		if recordsRead.Add(1)%dropEvery == 0 {
			dropMapped(tx)
		}
	}
}

// dropWhile drops the mapped pages every tick until stop is called, for a
// long read with reads between its records (a check looks up each record's
// index entries, 64 KB mapped around each). tx must stay open until then.
func dropWhile(tx *bolt.Tx) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				dropMapped(tx)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
