// Package store keeps the Khen thưởng data in one bbolt file and implements
// the domain services (khenthuong.Services) on it.
//
// Layout: one bucket per entity with NextSequence IDs as 8-byte big-endian
// keys, plus index buckets read with cursor prefix scans. Exported methods own
// their transaction; the unexported helpers take a *bolt.Tx so several steps
// (record, indexes, audit) compose into one atomic write.
package store

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/user"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Bucket names. Entity buckets hold JSON records; index buckets hold keys only
// (or small binary values) and are rebuilt from nothing but the entity buckets.
var (
	bucketMeta        = []byte("meta")
	bucketCampaigns   = []byte("campaigns")
	bucketForms       = []byte("forms")
	bucketNominees    = []byte("nominees")
	bucketNominations = []byte("nominations")
	bucketDecisions   = []byte("decisions")
	bucketSettings    = []byte("settings")
	bucketAudit       = []byte("audit")
	bucketSeries      = []byte("series")
	bucketTemplates   = []byte("templates") // form code -> certificate template JSON
	bucketPrinters    = []byte("printers")  // Fold(name) -> PrinterProfile

	// nomineeID|nominationID -> nothing.
	bucketNomineeIdx = []byte("idx_nominee_nominations")
	// campaignID|order|nominationID -> nothing.
	bucketCampaignIdx = []byte("idx_campaign_nominations")
	// Fold(name) "\x00" nominationID -> the filter fields (see searchValue).
	bucketSearchIdx = []byte("idx_search")
	// entity "\x00" key "\x00" auditID -> nothing, so one record's history is a prefix scan.
	bucketAuditIdx = []byte("idx_audit")

	// RegistrySeries.CounterKey -> the last registry number drawn (8 bytes).
	bucketCounters = []byte("registry_counters")
	// nomineeID|nomineeID (ascending) -> nothing: pairs a clerk marked as different people.
	bucketDistinct = []byte("nominee_distinct")
	// nominationID -> the decision listing it, and its award once issued (see recipientValue).
	bucketRecipientIdx = []byte("idx_nomination_decision")
	// campaignID|decisionID -> nothing.
	bucketCampaignDecisionIdx = []byte("idx_campaign_decisions")
)

// allBuckets is every bucket a current data file has.
var allBuckets = [][]byte{
	bucketMeta, bucketCampaigns, bucketForms, bucketNominees, bucketNominations,
	bucketDecisions, bucketSettings, bucketAudit, bucketSeries, bucketTemplates, bucketPrinters,
	bucketNomineeIdx, bucketCampaignIdx, bucketSearchIdx, bucketAuditIdx,
	bucketCounters, bucketDistinct, bucketRecipientIdx, bucketCampaignDecisionIdx,
	bucketRecipients,
}

// Options tune Open. The zero value is fine for the application.
type Options struct {
	// Timeout bounds the wait for the file lock held by another window (default 2s).
	Timeout time.Duration
	// ReadOnly opens the file for reading only (shared lock, no backup, no migration).
	ReadOnly bool
	// Now is the clock for record and audit times; tests fix it.
	Now func() time.Time
	// User is written in audit records (default: the OS user).
	User string
	// BackupDir receives automatic backups (default: "backups" beside the data file).
	BackupDir string
	// KeepBackups is no longer used: the rotation keeps generations (rotate.go).
	KeepBackups int
	// NoBackup skips the daily automatic backup (a backup is still taken
	// before a migration, which is the change that can lose data).
	NoBackup bool

	// BackupBeforeWrite takes the daily backup (DailyBackup) before the
	// first write, in the writer's goroutine: for the CLI, whose commands are
	// short. The window runs DailyBackup in the background instead.
	BackupBeforeWrite bool

	// noMarker: the file is a copy being checked (a backup before restore):
	// its verdict is not recorded for the data file.
	noMarker bool
}

const defaultTimeout = 2 * time.Second

// withDefaults fills the zero fields for a data file at path.
func (o Options) withDefaults(path string) Options {
	if o.Timeout <= 0 {
		o.Timeout = defaultTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.User == "" {
		o.User = osUser()
	}
	if o.BackupDir == "" {
		o.BackupDir = defaultBackupDir(path)
	}
	return o
}

// osUser names the person at the keyboard for the audit trail.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USERNAME", "USER"} {
		if v := os.Getenv(env); v != "" {
			return v
		}
	}
	return "?"
}

// DB is an open data file. It is safe for concurrent use and is meant to be
// opened once and kept for the life of the window.
type DB struct {
	bolt *bolt.DB
	path string
	opts Options

	// writeMu serialises our writes and the building of the search index, so
	// the in-memory index sees committed changes in commit order (bolt runs
	// OnCommit handlers after releasing its own writer lock).
	writeMu     sync.Mutex
	search      searchIndex
	awardsCache awardCache  // see awards.go
	warned      warnedCache // see warned.go

	// importGate keeps readers out while an import in several transactions
	// runs (import.go): they see the file before or after it, never between.
	importGate sync.RWMutex
	// unfinishedImport: an import failed and could not be undone yet.
	unfinishedImport atomic.Bool

	daily    sync.Once // BackupBeforeWrite
	dailyErr error
	closed   atomic.Bool // the window closed before its background backup began

	// damaged is set once the file is found damaged: writes are refused (damage.go).
	damaged atomic.Pointer[khenthuong.Error]

	changes notifier // see changes.go
}

// Compile-time proof that the store is what the screens need.
var _ khenthuong.Services = (*DB)(nil)

// Path is the data file's path.
func (db *DB) Path() string { return db.path }

// Close releases the file and its lock.
func (db *DB) Close() error {
	db.closed.Store(true)
	db.changes.close()
	if err := db.bolt.Close(); err != nil {
		return db.internal("close", err)
	}
	// What was kept of the file goes with it (60 MB for 200,000 nominations),
	// even if something still holds the *DB: a process may open many files
	// in turn (tests, benchmarks, a window reopened on another file).
	db.search.release()
	db.awardsCache.mu.Lock()
	db.awardsCache.m = nil
	db.awardsCache.gen++
	db.awardsCache.mu.Unlock()
	return nil
}

// now is the record time: the clock without its monotonic reading, so values
// compare equal after a JSON round trip.
func (db *DB) now() time.Time { return db.opts.Now().Round(0) }

// view runs fn in a read transaction and turns unexpected errors into internal ones.
func (db *DB) view(op string, fn func(tx *bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see openBolt
	defer db.recoverPanic(op, &err)
	db.importGate.RLock()
	defer db.importGate.RUnlock()
	return db.internal(op, db.bolt.View(fn))
}

// update runs fn in a write transaction; index updates registered with
// tx.OnCommit run before update returns, in commit order.
func (db *DB) update(op string, fn func(tx *bolt.Tx) error) (err error) {
	if err := db.writable(); err != nil {
		return err
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	return db.updateLocked(op, fn)
}

// writable refuses writes to a read-only or damaged file, finishes undoing
// an import whose undoing failed, and takes the day's backup before the
// first write.
func (db *DB) writable() error {
	if db.opts.ReadOnly {
		return khenthuong.Errorf(khenthuong.ECONFLICT, "Tệp dữ liệu đang mở ở chế độ chỉ đọc, không ghi được thay đổi")
	}
	if err := db.refuseDamaged(); err != nil {
		return err
	}
	if err := db.undoUnfinished(); err != nil {
		return err
	}
	if db.opts.BackupBeforeWrite {
		db.daily.Do(func() { _, db.dailyErr = db.DailyBackup() })
		if db.dailyErr != nil {
			return db.dailyErr
		}
	}
	return nil
}

// updateLocked is update with writeMu already held.
func (db *DB) updateLocked(op string, fn func(tx *bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see openBolt
	defer db.recoverPanic(op, &err)
	return db.internal(op, db.bolt.Update(func(tx *bolt.Tx) error {
		packAppends(tx)
		return fn(tx)
	}))
}

// appendBuckets grow at their end: their keys are new IDs, or start with one.
var appendBuckets = [][]byte{
	bucketAudit, bucketAuditIdx, bucketNominations, bucketNominees, bucketNomineeIdx,
	bucketCampaignIdx, bucketCampaigns, bucketDecisions, bucketRecipients,
}

// packAppends fills the pages of the append-mostly buckets to 90% instead of
// bbolt's 50%, which suits random inserts but leaves sequential ones half
// empty: the file is about half the size. (bbolt keeps one Bucket per name
// in a write transaction, so the setting holds for the whole transaction.)
func packAppends(tx *bolt.Tx) {
	for _, name := range appendBuckets {
		if b := tx.Bucket(name); b != nil {
			b.FillPercent = 0.9
		}
	}
}

// recoverPanic turns a panic inside a transaction into ECORRUPT: bbolt panics
// on damaged pages, and a clerk is better served by the offer of a backup
// than by a crash. bbolt has rolled the transaction back by then; the stack
// goes to the log in case the cause is a bug instead.
func (db *DB) recoverPanic(op string, err *error) {
	if r := recover(); r != nil {
		slog.Error("store: panic in "+op, "path", db.path, "panic", r, "stack", string(debug.Stack()))
		*err = corruptError(db.path, fmt.Errorf("%s: panic: %v", op, r))
	}
}

// internal passes application errors through and wraps (and logs) anything
// else: I/O and decoding failures are for the log, not for the clerk.
// A damaged record met on the way refuses every later write.
func (db *DB) internal(op string, err error) error {
	var re *recordError
	if errors.As(err, &re) {
		slog.Error("store: "+op, "path", db.path, "err", err)
		ce := recordCorrupt(db.path, re)
		db.damaged.Store(ce)
		if !db.opts.noMarker {
			writeMarker(db.path, db.opts, []Problem{{Entity: entityFile, Message: "Bản ghi " + re.what + " " + re.reason}})
		}
		return ce
	}
	return logInternal(op, db.path, err)
}

// logInternal is internal for code without a *DB at hand.
func logInternal(op, path string, err error) error {
	if err == nil {
		return nil
	}
	var e *khenthuong.Error
	if errors.As(err, &e) && e.Code != khenthuong.EINTERNAL {
		return err
	}
	slog.Error("store: "+op, "path", path, "err", err)
	var re *recordError
	if errors.As(err, &re) {
		return recordCorrupt(path, re)
	}
	if e := diskError(path, err, "Tệp dữ liệu không thay đổi."); e != nil {
		return e
	}
	return khenthuong.Internal(err)
}
