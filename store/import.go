package store

import (
	"bytes"
	"encoding/json"
	"iter"
	"log/slog"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// An import of many rows is written in batches, each its own transaction,
// so that memory holds one batch (bbolt keeps every page a transaction
// dirties until it commits) and not the file. It stays all or nothing:
//   - the first batch's transaction records a journal (bucketImport): the
//     sequences of the buckets the import appends to, as they were before;
//   - a nominee record the import overwrites is kept there first;
//   - the last batch's transaction deletes the journal: the import is done;
//   - an import that fails (a row refused, the disk full) is undone at once,
//     one killed is undone by the next Open: every record past the journal's
//     sequences goes, the kept nominees come back, the sequences are reset.
//
// A status change of many nominations (bulkstatus.go) is written the same
// way under the same journal, which keeps each nomination it overwrites:
// undoing it puts them back.
//
// Nobody sees the rows between: another process cannot open the file while
// it is open for writing; in this process, reads wait (importGate) and the
// search index takes the rows in one step once the last batch commits.

// bucketImport is the journal of an import in progress; absent otherwise.
var bucketImport = []byte("import_journal")

// importBatch is how many rows one transaction of an import writes.
var importBatch = 2000

// journalKey holds the journal's state; the kept nominees are under their
// 8-byte IDs, the kept nominations (a status change in batches,
// bulkstatus.go) under keptNomination and theirs.
var journalKey = []byte("state")

// keptNomination prefixes the journal's keys of the nominations kept.
const keptNomination = 'n'

func keptKey(id uint64) []byte { return append([]byte{keptNomination}, itob(id)...) }

// importJournal is the state of the file before the import's first batch.
type importJournal struct {
	Nominations uint64 `json:"nominations"` // sequence of bucketNominations
	Nominees    uint64 `json:"nominees"`
	Audit       uint64 `json:"audit"`
}

var _ khenthuong.NominationImporter = (*DB)(nil)

// ImportNominations stores the nominations rows yields, in order, as
// CreateNominations would (normalised, validated, each audited), all or
// nothing, a batch of rows per transaction: EINVALID, ENOTFOUND (campaign),
// with the row number; an error rows yields is returned as it is. It returns
// the IDs given, in order. rows must not call the store.
func (db *DB) ImportNominations(rows iter.Seq2[*khenthuong.Nomination, error]) ([]uint64, error) {
	if err := db.writable(); err != nil {
		return nil, err
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	db.importGate.Lock()
	defer db.importGate.Unlock()

	var (
		ids     []uint64
		batch   []khenthuong.Nomination
		entries []newEntry
		journal bool // a batch has been written under a journal
	)
	write := func(last bool) error {
		first := len(ids)
		err := db.updateLocked("import nominations", func(tx *bolt.Tx) error {
			if !last && !journal {
				if err := startJournal(tx); err != nil {
					return err
				}
			}
			dropMapped(tx) // what the last batch's commit read
			c := newCreation(tx)
			c.entries = &entries
			c.drop = dropOften(tx, 32) // 32 rows map up to 15 MB
			for i := range batch {
				if err := db.keepNominee(tx, &batch[i]); err != nil {
					return err
				}
				if err := db.createNomination(c, &batch[i]); err != nil {
					return khenthuong.RowError(2, first+i, err)
				}
			}
			if last && journal {
				return tx.DeleteBucket(bucketImport)
			}
			return nil
		})
		if err != nil {
			return err
		}
		journal = journal || !last
		for i := range batch {
			ids = append(ids, batch[i].ID)
		}
		batch = batch[:0]
		return nil
	}
	fail := func(err error) ([]uint64, error) {
		if journal {
			if rerr := db.rollbackImport(); rerr != nil {
				// The next write tries again (writable), and the next Open.
				slog.Error("store: import rollback", "path", db.path, "err", rerr)
				db.unfinishedImport.Store(true)
			}
		}
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			fail(nil) // the rows' source panicked: undo, then go on panicking
			panic(r)
		}
	}()
	for n, err := range rows {
		if err != nil {
			return fail(err)
		}
		w := *n
		w.Normalize()
		if err := w.Validate(); err != nil {
			return fail(khenthuong.RowError(2, len(ids)+len(batch), err))
		}
		if len(batch) == importBatch {
			if err := write(false); err != nil {
				return fail(err)
			}
		}
		batch = append(batch, w)
	}
	if len(batch) == 0 && !journal {
		return []uint64{}, nil
	}
	if err := write(true); err != nil {
		return fail(err)
	}
	db.search.put(entries...)
	// The batches' notices came before the rows were all visible: one more,
	// for the whole import, once they are.
	db.changes.push(khenthuong.Change{Entity: entityNomination, User: db.opts.User, At: db.now()})
	return ids, nil
}

// dropOften is dropper for work that reads pages at random all over the
// file, every `every` records: an import's rows each insert into seven
// B-trees, the name index at random, each read mapping 64 KB around it.
func dropOften(tx *bolt.Tx, every int) func() {
	read := 0
	return func() {
		if read++; read%every == 0 {
			dropMapped(tx)
		}
	}
}

// undoUnfinished undoes an import whose undoing failed (a full disk, say)
// before any other write.
func (db *DB) undoUnfinished() error {
	if !db.unfinishedImport.Load() {
		return nil
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if err := db.rollbackImport(); err != nil {
		return err
	}
	db.unfinishedImport.Store(false)
	return nil
}

// startJournal records the sequences the import appends from.
func startJournal(tx *bolt.Tx) error {
	b, err := tx.CreateBucket(bucketImport)
	if err != nil {
		return err
	}
	v, err := json.Marshal(importJournal{
		Nominations: tx.Bucket(bucketNominations).Sequence(),
		Nominees:    tx.Bucket(bucketNominees).Sequence(),
		Audit:       tx.Bucket(bucketAudit).Sequence(),
	})
	if err != nil {
		return err
	}
	return b.Put(journalKey, v)
}

// keepNominee copies into the journal, once, the stored nominee record a row
// naming an existing nominee is about to overwrite.
func (db *DB) keepNominee(tx *bolt.Tx, n *khenthuong.Nomination) error {
	j := tx.Bucket(bucketImport)
	if j == nil || n.NomineeID == 0 {
		return nil
	}
	k := itob(n.NomineeID)
	if j.Get(k) != nil {
		return nil
	}
	if v := tx.Bucket(bucketNominees).Get(k); v != nil {
		return j.Put(k, bytes.Clone(v))
	}
	return nil
}

// keepNomination copies into the journal, once, the stored record of
// nomination id, which a status change is about to overwrite.
func keepNomination(tx *bolt.Tx, id uint64) error {
	j := tx.Bucket(bucketImport)
	if j == nil {
		return nil
	}
	k := keptKey(id)
	if j.Get(k) != nil {
		return nil
	}
	if v := tx.Bucket(bucketNominations).Get(itob(id)); v != nil {
		return j.Put(k, bytes.Clone(v))
	}
	return nil
}

// restoreNominations puts back up to *left kept nominations, with their
// index entries, each leaving the journal once restored.
func restoreNominations(tx *bolt.Tx, j *bolt.Bucket, left *int) error {
	nominations := tx.Bucket(bucketNominations)
	prefix := []byte{keptNomination}
	c := j.Cursor()
	for k, v := c.Seek(prefix); hasPrefixKey(k, prefix) && len(k) == 9 && *left > 0; k, v = c.Seek(prefix) {
		key, was := bytes.Clone(k[1:]), bytes.Clone(v)
		if cur := nominations.Get(key); cur != nil {
			var n khenthuong.Nomination
			if err := decode(cur, &n); err != nil {
				return err
			}
			if err := unindexNomination(tx, &n); err != nil {
				return err
			}
		}
		var n khenthuong.Nomination
		if err := decode(was, &n); err != nil {
			return err
		}
		if err := nominations.Put(key, was); err != nil {
			return err
		}
		if err := indexNomination(tx, &n); err != nil {
			return err
		}
		if err := j.Delete(keptKey(n.ID)); err != nil {
			return err
		}
		*left--
	}
	return nil
}

// undoPerTx is how many records one transaction of a rollback deletes.
const undoPerTx = 2000

// rollbackImport undoes an unfinished import, if the file has one, a part
// per transaction: killed in the middle, it goes on at the next Open. The
// journal goes in the last transaction, with the sequences reset. A journal
// without its state belongs to a write that was done (bulkstatus.go): what
// it kept is deleted, a part per transaction.
func (db *DB) rollbackImport() error {
	for {
		done := false
		err := db.updateLocked("roll back import", func(tx *bolt.Tx) error {
			j := tx.Bucket(bucketImport)
			if j == nil {
				done = true
				return nil
			}
			dropMapped(tx) // what the last part read
			state := j.Get(journalKey)
			if state == nil { // the write was done: only what it kept is left
				return clearJournal(tx, j, &done)
			}
			var st importJournal
			if err := json.Unmarshal(state, &st); err != nil {
				return &recordError{what: "nhật ký nhập danh sách", reason: reasonDecode, err: err}
			}
			left := undoPerTx
			if err := undoNominations(tx, st.Nominations, &left); err != nil || left == 0 {
				return err
			}
			if err := deleteAfter(tx.Bucket(bucketNominees), st.Nominees, &left, nil); err != nil || left == 0 {
				return err
			}
			if err := deleteAfter(tx.Bucket(bucketAudit), st.Audit, &left, func(_, v []byte) error {
				var rec khenthuong.AuditRecord
				if err := decode(v, &rec); err != nil {
					return err
				}
				return tx.Bucket(bucketAuditIdx).Delete(auditKey(rec.Entity, rec.Key, rec.ID))
			}); err != nil || left == 0 {
				return err
			}
			if err := restoreNominations(tx, j, &left); err != nil || left == 0 {
				return err
			}
			// Everything appended is gone: the kept nominees come back and the journal goes.
			nominees := tx.Bucket(bucketNominees)
			if err := j.ForEach(func(k, v []byte) error {
				if len(k) != 8 { // the state
					return nil
				}
				return nominees.Put(k, bytes.Clone(v))
			}); err != nil {
				return err
			}
			for _, s := range []struct {
				name []byte
				seq  uint64
			}{{bucketNominations, st.Nominations}, {bucketNominees, st.Nominees}, {bucketAudit, st.Audit}} {
				if err := tx.Bucket(s.name).SetSequence(s.seq); err != nil {
					return err
				}
			}
			done = true
			return tx.DeleteBucket(bucketImport)
		})
		if err != nil || done {
			return err
		}
	}
}

// clearJournal deletes up to undoPerTx records of journal j, and j itself
// (done) once empty: deleting a journal of 100,000 records at once reads
// every page of it.
func clearJournal(tx *bolt.Tx, j *bolt.Bucket, done *bool) error {
	c := j.Cursor()
	left := undoPerTx
	for k, _ := c.First(); k != nil && left > 0; k, _ = c.First() {
		if err := j.Delete(bytes.Clone(k)); err != nil {
			return err
		}
		left--
	}
	if k, _ := c.First(); k != nil {
		return nil
	}
	*done = true
	return tx.DeleteBucket(bucketImport)
}

// undoNominations deletes, with their index entries, up to *left
// nominations with IDs after seq.
func undoNominations(tx *bolt.Tx, seq uint64, left *int) error {
	return deleteAfter(tx.Bucket(bucketNominations), seq, left, func(_, v []byte) error {
		var n khenthuong.Nomination
		if err := decode(v, &n); err != nil {
			return err
		}
		return unindexNomination(tx, &n)
	})
}

// deleteAfter deletes up to *left records of b with IDs after seq, calling
// also (when set) on each first; *left is decreased by the number deleted.
func deleteAfter(b *bolt.Bucket, seq uint64, left *int, also func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(itob(seq + 1)); k != nil && *left > 0; k, v = c.Seek(itob(seq + 1)) {
		if also != nil {
			if err := also(k, v); err != nil {
				return err
			}
		}
		if err := b.Delete(k); err != nil {
			return err
		}
		*left--
	}
	return nil
}

// hasImportJournal reports whether the file holds an unfinished import.
func hasImportJournal(bdb *bolt.DB) bool {
	found := false
	_ = bdb.View(func(tx *bolt.Tx) error {
		found = tx.Bucket(bucketImport) != nil
		return nil
	})
	return found
}
