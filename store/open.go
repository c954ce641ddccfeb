package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"khenthuong"
)

// DefaultPath is where the application keeps its data file:
// %APPDATA%\KhenThuong\khenthuong.db on Windows, ~/.config/KhenThuong/khenthuong.db on Linux.
func DefaultPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "KhenThuong", "khenthuong.db")
}

// Open opens (or creates and seeds) the data file at path. A file locked by
// another window gives ELOCKED within opts.Timeout; a file that is empty, not
// a Khen thưởng data file or damaged gives ECORRUPT (and is never written);
// a file written by a newer version gives ETOONEW. A file found damaged
// earlier opens for reading only (damage.go). Open takes no backup but
// before a migration: the daily one is DailyBackup's.
func Open(path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn tệp dữ liệu")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, logInternal("open", path, err)
	}
	path = abs
	opts = opts.withDefaults(path)

	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "“%s” là một thư mục, không phải tệp dữ liệu", path)
	case err == nil && fi.Size() == 0:
		return nil, emptyFileError(path)
	case err == nil:
	case !errors.Is(err, fs.ErrNotExist):
		return nil, logInternal("open", path, err)
	case opts.ReadOnly:
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy tệp dữ liệu “%s”", path)
	default:
		if err := createFile(path, opts); err != nil {
			return nil, err
		}
	}
	if !opts.ReadOnly {
		if err := markedDamaged(path, opts); err != nil {
			return nil, err
		}
		tightenMode(path)
	}
	if !opts.noMarker {
		// What a killed backup or restore left: even a reading command clears it.
		removeStaleTemps(filepath.Dir(path), time.Now())
		removeStaleTemps(opts.BackupDir, time.Now())
	}

	bdb, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	db := &DB{bolt: bdb, path: path, opts: opts}
	if err := db.safePrepare(true); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	if hasImportJournal(bdb) {
		return db.finishImport()
	}
	return db, nil
}

// finishImport undoes the import a killed process left half written, before
// anyone reads the file. Opened for reading only, the file is opened for
// writing long enough to undo it (the process that wrote it is gone: it
// held the file locked).
func (db *DB) finishImport() (*DB, error) {
	if !db.opts.ReadOnly {
		db.writeMu.Lock()
		err := db.rollbackImport()
		db.writeMu.Unlock()
		if err != nil {
			_ = db.Close()
			return nil, err
		}
		slog.Warn("store: an import stopped half way was undone", "path", db.path)
		return db, nil
	}
	_ = db.Close()
	rw := db.opts
	rw.ReadOnly = false
	w, err := Open(db.path, rw)
	if err != nil {
		return nil, khenthuong.Errorf(khenthuong.ECONFLICT,
			"Tệp dữ liệu “%s” còn một lần nhập danh sách hay đổi trạng thái hàng loạt bị dừng giữa chừng, cần mở để ghi một lần để hoàn tác: %s",
			db.path, khenthuong.ErrorMessage(err))
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return Open(db.path, db.opts)
}

// emptyFileError: an existing empty data file is what a full disk or a
// failed copy leaves. It is never seeded into a new, empty database, which
// would hide the loss and, in time, push the good backups out.
func emptyFileError(path string) error {
	e := khenthuong.Errorf(khenthuong.ECORRUPT,
		"Tệp dữ liệu “%s” rỗng (0 byte): có thể ổ đĩa đã đầy hoặc tệp bị chép hỏng. Chương trình không ghi vào tệp này.", path)
	e.Message += latestBackupHint(path)
	return e
}

// createFile makes a new, seeded data file at path through a temporary file
// linked into place, so path is never an empty or half-made file, and a file
// another window created meanwhile is kept.
func createFile(path string, opts Options) error {
	dir := filepath.Dir(path)
	// The folder holds the office's personal data: private to the user when we create it.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return writeError("create", dir, err, "")
	}
	tmp, err := writeTemp(dir, func(io.Writer) error { return nil })
	if err != nil {
		return writeError("create", dir, err, "")
	}
	defer os.Remove(tmp)
	_ = os.Remove(tmp) // bbolt initialises a file it creates itself
	bdb, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: opts.Timeout})
	if err != nil {
		return writeError("create", path, err, "")
	}
	db := &DB{bolt: bdb, path: path, opts: opts}
	err = bdb.Update(func(tx *bolt.Tx) error { return db.create(tx) })
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return writeError("create", path, err, "")
	}
	if err := os.Link(tmp, path); errors.Is(err, fs.ErrExist) {
		return nil // created by another window meanwhile: theirs is kept
	} else if err != nil {
		// No hard links on this file system: a rename, which cannot refuse to replace.
		if _, serr := os.Stat(path); serr == nil {
			return nil
		}
		if err := os.Rename(tmp, path); err != nil {
			return writeError("create", path, err, "")
		}
	}
	return nil
}

// openBolt opens the file with bbolt and translates its failures into what a
// clerk can act on.
func openBolt(path string, opts Options) (db *bolt.DB, err error) {
	var file *os.File
	// Pages are read through a memory map: a damaged page number can point
	// past the end of the file, which is a fault (SIGBUS), not a panic, unless
	// asked for.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		// A damaged file can make bbolt panic while it maps the pages. bbolt
		// then leaves the file open and locked: release it, or the next
		// attempt would wait for a lock nobody will release. (The memory map
		// of the failed attempt stays until the program ends.)
		if r := recover(); r != nil {
			if file != nil {
				releaseFile(file)
			}
			db, err = nil, corruptError(path, fmt.Errorf("panic: %v", r))
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{
		Timeout:         opts.Timeout,
		ReadOnly:        opts.ReadOnly,
		PreLoadFreelist: true, // Check needs the free list, also read-only
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, lockedError(path)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum),
		errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrInvalidMapping),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return nil, corruptError(path, err)
	case errors.Is(err, fs.ErrPermission):
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Không có quyền mở tệp dữ liệu “%s”", path)
	}
	var pe *fs.PathError
	var errno syscall.Errno
	if !errors.As(err, &pe) && !errors.As(err, &errno) {
		// bbolt's own complaints about the content ("file size too small"...).
		return nil, corruptError(path, err)
	}
	return nil, logInternal("open", path, err)
}

func lockedError(path string) error {
	return khenthuong.Errorf(khenthuong.ELOCKED,
		"Tệp dữ liệu “%s” đang được mở trong một cửa sổ Khen thưởng khác. Hãy đóng cửa sổ đó rồi thử lại.", path)
}

// corruptError tells the clerk the file is unusable and which backup can replace it.
func corruptError(path string, cause error) error {
	e := khenthuong.Errorf(khenthuong.ECORRUPT,
		"Tệp dữ liệu “%s” bị hỏng hoặc không phải tệp dữ liệu Khen thưởng. Chương trình không ghi vào tệp này.", path)
	e.Message += latestBackupHint(path)
	e.Err = cause
	return e
}

func tooNewError(schema uint32) error {
	return khenthuong.Errorf(khenthuong.ETOONEW,
		"Tệp dữ liệu được tạo bởi phiên bản Khen thưởng mới hơn (lược đồ %d); hãy cập nhật chương trình.", schema)
}

// safePrepare is prepare with bbolt's panics on damaged pages reported as ECORRUPT.
func (db *DB) safePrepare(existed bool) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see openBolt
	defer db.recoverPanic("open", &err)
	return db.prepare(existed)
}

// prepare brings a freshly opened file to the current schema: seeds a new
// file, refuses a newer one, backs up and migrates an older one.
func (db *DB) prepare(existed bool) error {
	var schema uint32
	var hasMeta, complete bool
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if err := checkSize(tx, db.path); err != nil {
			return err
		}
		if err := verifyPages(tx, db.path, false); err != nil {
			return err
		}
		var err error
		schema, hasMeta, err = readSchema(tx)
		complete = true
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				complete = false
			}
		}
		return err
	})
	if err != nil {
		return corruptError(db.path, err)
	}
	if !hasMeta {
		// A file without buckets at all is one an earlier version began to
		// create: it holds nothing, seeding it loses nothing.
		if db.opts.ReadOnly || existed && !isEmpty(db.bolt) {
			// A bbolt file, but not ours: never write into someone else's data.
			return corruptError(db.path, errors.New("no meta bucket"))
		}
		return db.internal("create", db.bolt.Update(func(tx *bolt.Tx) error { return db.create(tx) }))
	}
	if schema > currentSchema() {
		return tooNewError(schema)
	}
	if db.opts.ReadOnly {
		return nil
	}
	migrate := schema < currentSchema()
	if !migrate && !complete {
		// Every bucket of this schema was made with the file: one missing is
		// damage, not something to paper over with an empty bucket.
		return corruptError(db.path, errors.New("a bucket of the current schema is missing"))
	}
	if migrate {
		if _, err := db.SafetyBackup("migrate"); err != nil {
			return err
		}
		return db.internal("migrate", db.bolt.Update(func(tx *bolt.Tx) error { return db.migrate(tx, schema) }))
	}
	return nil
}

// checkSize refuses a file shorter than its pages: a truncated copy. Reading
// it would fault on the missing pages.
func checkSize(tx *bolt.Tx, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if tx.Size() > fi.Size() {
		return fmt.Errorf("file has %d bytes, its pages need %d", fi.Size(), tx.Size())
	}
	return nil
}

// isEmpty reports whether a bbolt file has no buckets at all (a file created
// by an earlier Open that failed before seeding).
func isEmpty(bdb *bolt.DB) bool {
	empty := true
	_ = bdb.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
	})
	return empty
}

// readSchema returns the schema version in meta; hasMeta is false for a file
// that is not (yet) a Khen thưởng data file.
func readSchema(tx *bolt.Tx) (schema uint32, hasMeta bool, err error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, false, nil
	}
	v := meta.Get(keySchema)
	if len(v) != 4 {
		return 0, true, fmt.Errorf("meta schema %s: not a 4-byte version", brief(v))
	}
	return binary.BigEndian.Uint32(v), true, nil
}

var (
	keySchema  = []byte("schema")
	keyCreated = []byte("created")
)

func writeSchema(tx *bolt.Tx, schema uint32) error {
	v := make([]byte, 4)
	binary.BigEndian.PutUint32(v, schema)
	return tx.Bucket(bucketMeta).Put(keySchema, v)
}

// create makes every bucket and seeds the catalogue and settings, in the same
// transaction so a new file is either complete or absent.
func (db *DB) create(tx *bolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if err := writeSchema(tx, currentSchema()); err != nil {
		return err
	}
	if err := tx.Bucket(bucketMeta).Put(keyCreated, []byte(db.now().Format(time.RFC3339Nano))); err != nil {
		return err
	}
	for _, f := range khenthuong.DefaultForms() {
		f.Normalize()
		if err := f.Validate(); err != nil {
			return err
		}
		if err := putForm(tx, &f); err != nil {
			return err
		}
	}
	s := khenthuong.DefaultSettings()
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	return putSettings(tx, &s)
}
