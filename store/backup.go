package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Backups are whole copies of the data file taken inside a read transaction
// (tx.WriteTo), so they are consistent while the window keeps working. They
// are named khenthuong-YYYYMMDD-HHMMSS.db, with -2, -3... when two fall in the
// same second, and rotated so the folder keeps the newest KeepBackups.

const (
	backupPrefix     = "khenthuong-"
	backupExt        = ".db"
	backupTimeLayout = "20060102-150405"
)

// defaultBackupDir is the "backups" folder beside the data file.
func defaultBackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// Backup writes a consistent copy of the whole data file to w.
func (db *DB) Backup(w io.Writer) error {
	return db.view("backup", func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// BackupTo writes a consistent copy of the data file to path, through a
// temporary file renamed into place, so path is never a half-written copy.
func (db *DB) BackupTo(path string) error {
	if same, _ := samePath(path, db.path); same {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không sao lưu được tệp dữ liệu vào chính nó")
	}
	return db.view("backup", func(tx *bolt.Tx) error { return writeFileAtomic(path, tx) })
}

// autoBackup copies the file into the backup folder under a new timestamped
// name and drops the oldest copies beyond KeepBackups.
func (db *DB) autoBackup() (string, error) {
	var name string
	err := db.view("automatic backup", func(tx *bolt.Tx) error {
		var err error
		name, err = writeBackup(tx, db.opts)
		return err
	})
	if err != nil {
		return "", err
	}
	if err := rotateBackups(db.opts.BackupDir, db.opts.KeepBackups); err != nil {
		return "", db.internal("rotate backups", err)
	}
	return name, nil
}

// writeBackup writes tx's snapshot into a new name in opts.BackupDir.
func writeBackup(tx *bolt.Tx, opts Options) (string, error) {
	name, err := reserveBackupName(opts.BackupDir, opts.Now())
	if err != nil {
		return "", err
	}
	if err := writeFileAtomic(name, tx); err != nil {
		_ = os.Remove(name)
		return "", err
	}
	return name, nil
}

// reserveBackupName creates an empty file under a new name for t, so two
// backups in the same second (or two windows) never overwrite each other. The
// number after the time continues from the highest present, so a name freed
// by the rotation is never reused for a newer backup (it would sort as older).
func reserveBackupName(dir string, t time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	at := t.Format(backupTimeLayout)
	existing, err := listBackups(dir)
	if err != nil {
		return "", err
	}
	seq := 1
	for _, b := range existing {
		if b.at == at && b.seq >= seq {
			seq = b.seq + 1
		}
	}
	for ; ; seq++ {
		name := backupPrefix + at
		if seq > 1 {
			name += "-" + strconv.Itoa(seq)
		}
		path := filepath.Join(dir, name+backupExt)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return "", err
		}
		return path, f.Close()
	}
}

// writeFileAtomic writes tx's snapshot to a temporary file beside path,
// syncs it, and renames it over path.
func writeFileAtomic(path string, tx *bolt.Tx) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := writeTemp(filepath.Dir(path), write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// writeTemp writes a new private file in dir and syncs it; the caller renames
// it into place (or removes it).
func writeTemp(dir string, write func(io.Writer) error) (name string, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, ".khenthuong-*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = f.Chmod(0o600); err != nil && !isUnsupported(err) {
		return "", err
	}
	if err = write(f); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// isUnsupported tolerates Chmod failing on file systems without permissions.
func isUnsupported(err error) bool { return errors.Is(err, errors.ErrUnsupported) }

// backupFile is one automatic backup, ordered by time then sequence number.
type backupFile struct {
	path string
	at   string // YYYYMMDD-HHMMSS sorts as text
	seq  int
}

// listBackups returns the automatic backups in dir, oldest first.
func listBackups(dir string) ([]backupFile, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var bs []backupFile
	for _, de := range des {
		if b, ok := parseBackupName(de.Name()); ok && de.Type().IsRegular() {
			b.path = filepath.Join(dir, de.Name())
			bs = append(bs, b)
		}
	}
	sort.Slice(bs, func(i, j int) bool {
		if bs[i].at != bs[j].at {
			return bs[i].at < bs[j].at
		}
		return bs[i].seq < bs[j].seq
	})
	return bs, nil
}

// parseBackupName reads "khenthuong-20250105-143000.db" or "...-143000-2.db".
func parseBackupName(name string) (backupFile, bool) {
	rest, ok := strings.CutPrefix(name, backupPrefix)
	if !ok {
		return backupFile{}, false
	}
	rest, ok = strings.CutSuffix(rest, backupExt)
	if !ok || len(rest) < len(backupTimeLayout) {
		return backupFile{}, false
	}
	at, tail := rest[:len(backupTimeLayout)], rest[len(backupTimeLayout):]
	if _, err := time.Parse(backupTimeLayout, at); err != nil {
		return backupFile{}, false
	}
	seq := 1
	if tail != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(tail, "-"))
		if !strings.HasPrefix(tail, "-") || err != nil || n < 2 {
			return backupFile{}, false
		}
		seq = n
	}
	return backupFile{at: at, seq: seq}, true
}

// rotateBackups deletes the oldest automatic backups beyond keep.
func rotateBackups(dir string, keep int) error {
	bs, err := listBackups(dir)
	if err != nil {
		return err
	}
	for i := 0; i < len(bs)-keep; i++ {
		if err := os.Remove(bs[i].path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// ListBackups returns the automatic backups in dir, newest first.
func ListBackups(dir string) ([]string, error) {
	bs, err := listBackups(dir)
	if err != nil {
		return nil, logInternal("list backups", dir, err)
	}
	paths := make([]string, 0, len(bs))
	for i := len(bs) - 1; i >= 0; i-- {
		paths = append(paths, bs[i].path)
	}
	return paths, nil
}

// LatestBackup returns the newest non-empty automatic backup in the default
// backup folder of the data file at path: ENOTFOUND when there is none.
func LatestBackup(path string) (string, error) {
	dir := defaultBackupDir(path)
	bs, err := listBackups(dir)
	if err != nil {
		return "", logInternal("latest backup", dir, err)
	}
	for i := len(bs) - 1; i >= 0; i-- {
		// An empty file is a name reserved by a backup that did not finish.
		if fi, err := os.Stat(bs[i].path); err == nil && fi.Size() > 0 {
			return bs[i].path, nil
		}
	}
	return "", khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có bản sao lưu nào trong “%s”", dir)
}

// Restore replaces the data file dst with the backup src. src is checked
// first (bbolt's structure, the store's invariants, a schema this version
// reads); nothing is touched unless it passes. The current dst is backed up
// into opts.BackupDir, then replaced atomically. ELOCKED when dst is open in
// another window, ECORRUPT when src fails its checks, ETOONEW when src is newer.
func Restore(src, dst string, opts Options) error {
	var err error
	if src, err = filepath.Abs(src); err != nil {
		return logInternal("restore", src, err)
	}
	if dst, err = filepath.Abs(dst); err != nil {
		return logInternal("restore", dst, err)
	}
	if same, _ := samePath(src, dst); same {
		return khenthuong.Errorf(khenthuong.EINVALID, "Bản sao lưu và tệp dữ liệu là cùng một tệp")
	}
	opts = opts.withDefaults(dst)
	from, err := openBackup(src, opts)
	if err != nil {
		return err
	}
	defer from.Close()

	// Hold dst's lock while it is backed up and the copy is written, so no
	// window writes in between.
	unlock, err := lockForRestore(dst, opts)
	if err != nil {
		return err
	}
	defer unlock()
	var tmp string
	err = from.view("restore", func(tx *bolt.Tx) error {
		// Written beside dst so the final rename stays on one volume.
		var err error
		tmp, err = writeTemp(filepath.Dir(dst), func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
		return err
	})
	if err != nil {
		return err
	}
	unlock() // Windows cannot replace a file that is open
	if err := os.Rename(tmp, dst); err != nil {
		_ = os.Remove(tmp)
		return logInternal("restore", dst, err)
	}
	return nil
}

// openBackup opens src read-only and runs every check on it.
func openBackup(src string, opts Options) (*DB, error) {
	opts.ReadOnly = true
	from, err := Open(src, opts)
	if khenthuong.ErrorCode(err) == khenthuong.ECORRUPT {
		return nil, &khenthuong.Error{Code: khenthuong.ECORRUPT, Err: err,
			Message: fmt.Sprintf("Bản sao lưu “%s” bị hỏng hoặc không phải tệp dữ liệu Khen thưởng, không khôi phục được", src)}
	} else if err != nil {
		return nil, err
	}
	problems, err := from.Check()
	if err == nil && len(problems) > 0 {
		err = khenthuong.Errorf(khenthuong.ECORRUPT,
			"Bản sao lưu “%s” không dùng được: %s (có %d lỗi)", src, problems[0].Message, len(problems))
	}
	if err != nil {
		_ = from.Close()
		return nil, err
	}
	return from, nil
}

// lockForRestore opens dst to hold its lock and backs it up. A damaged dst
// (the usual reason to restore) cannot be opened by bbolt: its raw bytes are
// kept instead, under a name the backup rotation leaves alone.
func lockForRestore(dst string, opts Options) (unlock func(), err error) {
	nothing := func() {}
	fi, err := os.Stat(dst)
	if errors.Is(err, fs.ErrNotExist) || err == nil && fi.Size() == 0 {
		return nothing, nil
	} else if err != nil {
		return nil, logInternal("restore", dst, err)
	}
	opts.ReadOnly = false
	bdb, err := openBolt(dst, opts)
	if khenthuong.ErrorCode(err) == khenthuong.ECORRUPT {
		name := filepath.Join(opts.BackupDir, backupPrefix+opts.Now().Format(backupTimeLayout)+".corrupt")
		if err := copyFile(dst, name); err != nil {
			return nil, logInternal("restore: keep damaged file", dst, err)
		}
		return nothing, nil
	} else if err != nil {
		return nil, err
	}
	closed := false
	unlock = func() {
		if !closed {
			closed = true
			_ = bdb.Close()
		}
	}
	err = bdb.View(func(tx *bolt.Tx) error {
		_, err := writeBackup(tx, opts)
		return err
	})
	if err == nil {
		err = rotateBackups(opts.BackupDir, opts.KeepBackups)
	}
	if err != nil {
		unlock()
		return nil, logInternal("restore: back up current file", dst, err)
	}
	return unlock, nil
}

// copyFile copies raw bytes (for a file bbolt cannot read).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeAtomic(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// samePath reports whether two paths name the same file (false if either is missing).
func samePath(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
