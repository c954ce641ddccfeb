package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Backups are whole copies of the data file taken inside a read transaction
// (tx.WriteTo), so they are consistent while the window keeps working. The
// automatic ones (backupname.go, rotate.go) are zstd-compressed (compress.go), taken at
// most once a day (DailyBackup) and before any change that rewrites the file
// (SafetyBackup), and only after the snapshot passed Check: damage is never
// copied into the backups folder.

// defaultBackupDir is the "backups" folder beside the data file.
func defaultBackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// staleAfter is the age past which a temporary or reserved file nobody
// finished is left over from a killed program: a file being written has a
// recent modification time.
const staleAfter = time.Hour

// Backup writes a consistent copy of the whole data file to w.
func (db *DB) Backup(w io.Writer) error {
	return db.view("backup", func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// BackupTo writes a consistent copy of the data file to path, through a
// temporary file renamed into place, so path is never a half-written copy. A
// path ending in .zst or .gz is compressed.
func (db *DB) BackupTo(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		stem, ext := backupStem(db.path)
		return khenthuong.Errorf(khenthuong.EINVALID,
			"“%s” là một thư mục: hãy ghi cả tên tệp sao lưu, ví dụ “%s”", path,
			filepath.Join(path, stem+"-"+db.now().Format("20060102")+ext))
	}
	if same, _ := samePath(path, db.path); same {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không sao lưu được tệp dữ liệu vào chính nó")
	}
	var werr error
	err := db.view("backup", func(tx *bolt.Tx) error {
		werr = writeSnapshot(path, tx, compressedExt(path))
		return nil
	})
	if err != nil {
		return err
	}
	return writeError("backup", path, werr, "Tệp dữ liệu không thay đổi.")
}

// writeSnapshot writes tx's snapshot to path atomically, compressed as ext
// (see compress.go) names.
func writeSnapshot(path string, tx *bolt.Tx, ext string) error {
	return writeAtomic(path, func(f io.Writer) error {
		// bbolt formats some write errors with %s: keep the disk's own error.
		w := &writeErrors{w: f}
		err := func() error {
			zw, closeZ, err := compressor(w, ext)
			if err != nil {
				return err
			}
			if _, err := tx.WriteTo(zw); err != nil {
				return err
			}
			return closeZ()
		}()
		if w.err != nil {
			return w.err
		}
		return err
	})
}

// writeErrors keeps the first error of the writer it wraps.
type writeErrors struct {
	w   io.Writer
	err error
}

func (w *writeErrors) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// DailyBackup takes the automatic backup unless the data file already has one
// from today (or the file is open read-only or with NoBackup). It returns the
// backup's path, "" when none was due. The window runs it in the background;
// the CLI before its first write.
func (db *DB) DailyBackup() (string, error) {
	if db.opts.NoBackup || db.opts.ReadOnly || db.closed.Load() {
		return "", nil
	}
	bs, err := listBackups(db.opts.BackupDir, db.path)
	if err != nil {
		return "", db.internal("daily backup", err)
	}
	now := db.opts.Now()
	for _, b := range bs {
		if t := b.time(); b.size > 0 && t.Year() == now.Year() && t.YearDay() == now.YearDay() {
			return "", nil
		}
	}
	return db.SafetyBackup("daily")
}

// SafetyBackup checks the data file for damage (its structure, every byte
// readable, every record's checksum) and, if it is sound, writes a compressed
// backup of it into the backups folder, then rotates the folder. It is taken
// before anything that rewrites the file (restore, migrate, compact); reason
// goes to the log. A damaged file gets no backup (ECORRUPT, naming the latest
// good one) and refuses writes from then on.
func (db *DB) SafetyBackup(reason string) (string, error) {
	var name string
	var problems []Problem
	var werr error
	err := db.view("backup: "+reason, func(tx *bolt.Tx) error {
		// Damage only: the invariants (indexes agreeing with records) are
		// check's, and cost several times more on a large file.
		if problems = db.checkTx(tx, false); len(problems) > 0 {
			return nil
		}
		name, werr = writeBackup(tx, db.path, db.opts)
		return nil
	})
	if err != nil {
		return "", err
	}
	if len(problems) > 0 {
		return "", db.markDamaged(problems)
	}
	if werr != nil {
		return "", writeError("backup", db.opts.BackupDir, werr, "Tệp dữ liệu không thay đổi.")
	}
	slog.Info("store: backup", "reason", reason, "path", db.path, "backup", name)
	if err := rotateBackups(db.opts.BackupDir, db.path, db.opts.Now()); err != nil {
		return name, db.internal("rotate backups", err)
	}
	return name, nil
}

// writeBackup writes tx's snapshot, compressed, under a new name in opts.BackupDir.
func writeBackup(tx *bolt.Tx, dataPath string, opts Options) (string, error) {
	name, err := reserveBackupName(opts.BackupDir, dataPath, opts.Now())
	if err != nil {
		return "", err
	}
	if err := writeSnapshot(name, tx, zstExt); err != nil {
		_ = os.Remove(name)
		return "", err
	}
	return name, nil
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

const tempPattern = ".khenthuong-*.tmp"

// writeTemp writes a new private file in dir and syncs it; the caller renames
// it into place (or removes it).
func writeTemp(dir string, write func(io.Writer) error) (name string, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, tempPattern)
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

// removeStaleTemps removes the temporary files a killed backup or restore
// left in dir (hidden, so nobody else would).
func removeStaleTemps(dir string, now time.Time) {
	names, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil && now.Sub(fi.ModTime()) > staleAfter {
			if os.Remove(n) == nil {
				slog.Info("store: removed a temporary file left by a stopped program", "path", n)
			}
		}
	}
}

// isUnsupported tolerates Chmod failing on file systems without permissions.
func isUnsupported(err error) bool { return errors.Is(err, errors.ErrUnsupported) }

// ListBackups returns the automatic backups of every data file in dir, newest first.
func ListBackups(dir string) ([]string, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, logInternal("list backups", dir, err)
	}
	var all []backupFile
	for _, de := range des {
		// The data file's name is not known here: any "<name>-<time>[-N]<ext>"
		// qualifies, the time found from the right.
		name := de.Name()
		name = strings.TrimSuffix(name, compressedExt(name))
		ext := filepath.Ext(name)
		base := strings.TrimSuffix(name, ext)
		for cut := len(base) - len(backupTimeLayout) - 1; cut > 0; cut-- {
			if base[cut] != '-' {
				continue
			}
			if b, ok := parseBackupName(de.Name(), base[:cut], ext); ok && de.Type().IsRegular() {
				b.path = filepath.Join(dir, de.Name())
				all = append(all, b)
				break
			}
		}
	}
	sortBackups(all)
	paths := make([]string, 0, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		paths = append(paths, all[i].path)
	}
	return paths, nil
}

// BackupsOf returns the automatic backups of the data file at path (in its
// default backups folder), newest first, leaving out unfinished ones.
func BackupsOf(path string) ([]string, error) {
	dir := defaultBackupDir(path)
	bs, err := listBackups(dir, path)
	if err != nil {
		return nil, logInternal("list backups", dir, err)
	}
	var paths []string
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].size > 0 {
			paths = append(paths, bs[i].path)
		}
	}
	return paths, nil
}

// LatestBackup returns the newest non-empty automatic backup of the data
// file at path, in its default backup folder: ENOTFOUND when there is none.
// Only that file's own backups count, never those of another data file
// sharing the folder.
func LatestBackup(path string) (string, error) {
	bs, err := BackupsOf(path)
	if err != nil {
		return "", err
	}
	if len(bs) == 0 {
		return "", khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có bản sao lưu nào của “%s” trong “%s”",
			filepath.Base(path), defaultBackupDir(path))
	}
	return bs[0], nil
}

// latestBackupHint is the sentence of an error message that names the backup to restore.
func latestBackupHint(path string) string {
	if b, err := LatestBackup(path); err == nil {
		return fmt.Sprintf(" Có thể khôi phục từ bản sao lưu gần nhất: “%s”.", b)
	}
	return " Không tìm thấy bản sao lưu nào của tệp này."
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
