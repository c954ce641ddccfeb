package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Automatic backups are named after their data file: a.db is backed up as
// a-YYYYMMDD-HHMMSS.db.zst (with -2, -3... when two fall in the same second),
// so two data files sharing a folder, hence a backups folder, never see each
// other's copies. Earlier versions wrote uncompressed khenthuong-….db copies:
// they are the backups of khenthuong.db and still list and restore.

const (
	backupTimeLayout = "20060102-150405"
	damagedExt       = ".corrupt"
)

// backupStem splits a data file's name into the parts a backup name keeps.
func backupStem(dataPath string) (stem, ext string) {
	base := filepath.Base(dataPath)
	ext = filepath.Ext(base)
	return strings.TrimSuffix(base, ext), ext
}

// backupFile is one automatic backup of a data file.
type backupFile struct {
	path       string
	at         string // YYYYMMDD-HHMMSS sorts as text
	seq        int
	compressed bool
	size       int64 // 0: a name reserved by a backup that did not finish
}

// time is when the backup was taken, in local time.
func (b backupFile) time() time.Time {
	t, _ := time.ParseInLocation(backupTimeLayout, b.at, time.Local)
	return t
}

// parseBackupName reads "khenthuong-20250105-143000.db", "...-143000-2.db"
// or the same compressed (".zst", ".gz"), as a backup of a data file named stem+ext.
func parseBackupName(name, stem, ext string) (backupFile, bool) {
	b := backupFile{}
	rest, ok := strings.CutPrefix(name, stem+"-")
	if !ok {
		return b, false
	}
	if z := compressedExt(rest); z != "" {
		rest, b.compressed = rest[:len(rest)-len(z)], true
	}
	rest, ok = strings.CutSuffix(rest, ext)
	if !ok || len(rest) < len(backupTimeLayout) {
		return backupFile{}, false
	}
	at, tail := rest[:len(backupTimeLayout)], rest[len(backupTimeLayout):]
	if _, err := time.Parse(backupTimeLayout, at); err != nil {
		return backupFile{}, false
	}
	b.at, b.seq = at, 1
	if tail != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(tail, "-"))
		if !strings.HasPrefix(tail, "-") || err != nil || n < 2 || strconv.Itoa(n) != tail[1:] {
			return backupFile{}, false
		}
		b.seq = n
	}
	return b, true
}

// listBackups returns the automatic backups of the data file at dataPath
// found in dir, oldest first.
func listBackups(dir, dataPath string) ([]backupFile, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	stem, ext := backupStem(dataPath)
	var bs []backupFile
	for _, de := range des {
		if !de.Type().IsRegular() {
			continue
		}
		if b, ok := parseBackupName(de.Name(), stem, ext); ok {
			b.path = filepath.Join(dir, de.Name())
			if fi, err := de.Info(); err == nil {
				b.size = fi.Size()
			}
			bs = append(bs, b)
		}
	}
	sortBackups(bs)
	return bs, nil
}

// sortBackups orders backups oldest first.
func sortBackups(bs []backupFile) {
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].at != bs[j].at {
			return bs[i].at < bs[j].at
		}
		return bs[i].seq < bs[j].seq
	})
}

// reserveBackupName creates an empty file under a new name for t, so two
// backups in the same second (or two windows) never overwrite each other. The
// number after the time continues from the highest present, so a name freed
// by the rotation is never reused for a newer backup (it would sort as older).
func reserveBackupName(dir, dataPath string, t time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	at := t.Format(backupTimeLayout)
	existing, err := listBackups(dir, dataPath)
	if err != nil {
		return "", err
	}
	seq := 1
	for _, b := range existing {
		if b.at == at && b.seq >= seq {
			seq = b.seq + 1
		}
	}
	stem, ext := backupStem(dataPath)
	for ; ; seq++ {
		name := stem + "-" + at
		if seq > 1 {
			name += "-" + strconv.Itoa(seq)
		}
		path := filepath.Join(dir, name+ext+zstExt)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return "", err
		}
		return path, f.Close()
	}
}

// damagedCopyName is where the raw bytes of a damaged data file are kept
// before a restore replaces it: beside the backups, never offered as one.
func damagedCopyName(dir, dataPath string, t time.Time) string {
	stem, ext := backupStem(dataPath)
	return filepath.Join(dir, stem+"-"+t.Format(backupTimeLayout)+ext+damagedExt)
}
