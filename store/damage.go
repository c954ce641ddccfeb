package store

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"khenthuong"
)

// A data file found damaged (by Check, by the check before a backup, or by a
// record failing its checksum when read) refuses every write from then on:
// writing into it would spread the damage, and the next backups would hold
// it. The verdict is kept in a marker file beside the backups, so the next
// command and the next window refuse too, until a restore replaces the file
// or a Check finds it sound again. Reading stays possible, to save what can
// be saved.

// damagedMarker is the marker of the data file at path.
func damagedMarker(path string, opts Options) string {
	dir := opts.BackupDir
	if dir == "" {
		dir = defaultBackupDir(path)
	}
	return filepath.Join(dir, filepath.Base(path)+".damaged")
}

// markDamaged records problems found in db's file and returns the error that
// tells the clerk.
func (db *DB) markDamaged(problems []Problem) error {
	err := damagedError(db.path, problems)
	db.damaged.Store(err)
	if !db.opts.noMarker {
		writeMarker(db.path, db.opts, problems)
	}
	return err
}

func writeMarker(path string, opts Options, problems []Problem) {
	var b strings.Builder
	for _, p := range problems {
		b.WriteString(p.Label())
		b.WriteByte('\n')
	}
	m := damagedMarker(path, opts)
	if err := os.MkdirAll(filepath.Dir(m), 0o700); err == nil {
		err = os.WriteFile(m, []byte(b.String()), 0o600)
		if err != nil {
			slog.Error("store: cannot mark the data file damaged", "path", path, "err", err)
		}
	}
}

// clearDamaged forgets the verdict: the file was replaced or checked sound.
func clearDamaged(path string, opts Options) {
	if err := os.Remove(damagedMarker(path, opts)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		slog.Error("store: cannot remove the damage marker", "path", path, "err", err)
	}
}

// markedDamaged returns the refusal for a data file an earlier check found
// damaged, nil for one never found so.
func markedDamaged(path string, opts Options) error {
	b, err := os.ReadFile(damagedMarker(path, opts))
	if err != nil {
		return nil
	}
	first, _, _ := strings.Cut(string(b), "\n")
	e := khenthuong.Errorf(khenthuong.ECORRUPT,
		"Tệp dữ liệu “%s” đã được kiểm tra và thấy bị hỏng (%s): chương trình không ghi vào tệp này nữa.", path, first)
	e.Message += latestBackupHint(path)
	return e
}

// damagedError is the clerk's message for the problems Check found.
func damagedError(path string, problems []Problem) *khenthuong.Error {
	e := khenthuong.Errorf(khenthuong.ECORRUPT, "Tệp dữ liệu “%s” bị hỏng", path)
	if len(problems) > 0 {
		e.Message += fmt.Sprintf(" (%d lỗi, lỗi đầu: %s)", len(problems), problems[0].Label())
	}
	e.Message += ": chưa sao lưu để không chép chỗ hỏng vào thư mục sao lưu, và không ghi gì thêm vào tệp." + latestBackupHint(path)
	return e
}

// refuseDamaged is the error a write gets on a file known to be damaged.
func (db *DB) refuseDamaged() error {
	if e := db.damaged.Load(); e != nil {
		return e
	}
	return nil
}
