package store

import (
	"log/slog"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// statusBatch is how many nominations one transaction of a large status
// change writes: in one transaction, approving a campaign of 100,000 held
// every page and value it dirtied until the commit (over 600 MB).
var statusBatch = 2000

// statusBatchHook, when set (tests), runs at the start of each batch's
// transaction of a status change in batches; an error fails that batch.
var statusBatchHook func(batch int) error

// setStatusInBatches is SetStatus for more nominations than one batch:
// every change is checked first in a read transaction (a refusal writes
// nothing), then written a batch per transaction under the journal of
// import.go, which keeps each changed nomination as it was. A failure is
// undone at once, a killed process at the next Open; readers in this
// process wait for the last batch (importGate).
func (db *DB) setStatusInBatches(ids []uint64, to khenthuong.Status, reason string) error {
	if err := db.writable(); err != nil {
		return err
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var todo []uint64
	if err := db.view("set status", func(tx *bolt.Tx) error {
		seen := make(map[uint64]bool, len(ids))
		drop := dropOften(tx, statusBatch) // the file's pages read, out of the peak
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			drop()
			old, err := statusChange(tx, id, to, reason)
			if err != nil {
				return err
			}
			if old != nil {
				todo = append(todo, id)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if len(todo) == 0 {
		return nil
	}
	db.importGate.Lock()
	defer db.importGate.Unlock()

	now := db.now()
	var entries []newEntry
	journal := false
	for start, batch := 0, 0; start < len(todo); start, batch = start+statusBatch, batch+1 {
		part := todo[start:min(start+statusBatch, len(todo))]
		last := start+len(part) == len(todo)
		err := db.updateLocked("set status", func(tx *bolt.Tx) error {
			if statusBatchHook != nil {
				if err := statusBatchHook(batch); err != nil {
					return err
				}
			}
			if !last && !journal {
				if err := startJournal(tx); err != nil {
					return err
				}
			}
			dropMapped(tx) // what the last batch's commit read
			for _, id := range part {
				old, err := getNomination(tx, id)
				if err != nil {
					return err
				}
				if err := keepNomination(tx, id); err != nil {
					return err
				}
				if err := db.applyStatus(tx, old, to, reason, now, &entries); err != nil {
					return err
				}
			}
			if last && journal {
				// Done: what the journal kept goes in parts after (clearJournal).
				return tx.Bucket(bucketImport).Delete(journalKey)
			}
			return nil
		})
		if err != nil {
			if journal {
				if rerr := db.rollbackImport(); rerr != nil {
					slog.Error("store: status change rollback", "path", db.path, "err", rerr)
					db.unfinishedImport.Store(true)
				}
			}
			return err
		}
		journal = journal || !last
	}
	if journal {
		if err := db.rollbackImport(); err != nil { // clears the journal of the write done
			slog.Error("store: status change journal", "path", db.path, "err", err)
			db.unfinishedImport.Store(true) // cleared before the next write, or at the next Open
		}
	}
	db.search.put(entries...)
	// The batches' notices came before every change was visible: one more.
	db.changes.push(khenthuong.Change{Entity: entityNomination, User: db.opts.User, At: db.now()})
	return nil
}
