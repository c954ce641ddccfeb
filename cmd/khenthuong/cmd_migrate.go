package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"khenthuong"
	"khenthuong/postgres"
	"khenthuong/store"
)

func init() {
	commands["migrate"] = command{
		usage: `migrate --to postgres://NGƯỜI-QUẢN-TRỊ@MÁY-CHỦ/CƠ-SỞ-DỮ-LIỆU [--force]
    chuyển toàn bộ tệp dữ liệu (--db) lên máy chủ văn phòng đã khởi tạo (server init), trong một
    giao dịch: đợt, đề nghị, đối tượng, quyết định và số sổ vàng, bộ đếm, cài đặt, mẫu in, máy in,
    nhật ký. Máy chủ đã có dữ liệu thì từ chối, trừ khi có --force (thay toàn bộ)`,
		run: runMigrate,
	}
}

func runMigrate(e *env, args []string) error {
	fs := newFlags("migrate")
	to := fs.String("to", "", "địa chỉ máy chủ")
	force := fs.Bool("force", false, "thay dữ liệu đang có trên máy chủ")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || !postgres.IsAddress(*to) {
		return usagef("cần --to postgres://... (địa chỉ máy chủ đích)")
	}
	if e.server() {
		return usagef("nguồn (--db) phải là tệp dữ liệu, không phải máy chủ")
	}
	db, err := store.Open(e.dbPath, store.Options{ReadOnly: true, Timeout: lockWait})
	if err != nil {
		return err
	}
	ds, err := db.Dataset()
	db.Close()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), serverAdminWait)
	defer cancel()
	if err := postgres.Load(ctx, *to, ds, *force); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã chuyển %s lên %s: %d đợt, %d đề nghị, %d quyết định, %d bản ghi nhật ký\n",
		e.dbPath, postgres.Redact(*to), len(ds.Campaigns), len(ds.Nominations), len(ds.Decisions), len(ds.Audit))
	return nil
}

// backupServer writes the server's data as a portable data file at out
// (written beside it, then moved into place: a failed backup leaves nothing).
func backupServer(e *env, out string) error {
	s, err := e.openServer()
	if err != nil {
		return err
	}
	defer s.Close()
	ds, err := s.Dataset()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), ".khenthuong-backup-")
	if err != nil {
		return khenthuong.Internal(err)
	}
	defer os.RemoveAll(tmp)
	file := filepath.Join(tmp, "khenthuong.db")
	if err := store.CreateFromDataset(file, ds, store.Options{User: s.Identity().Login}); err != nil {
		return err
	}
	if err := os.Rename(file, out); err != nil {
		return khenthuong.Internal(err)
	}
	fmt.Fprintf(e.stderr, "Đã sao lưu %s vào %s\n", s.Address(), out)
	return nil
}

// checkServer checks the server's data against the invariants of a data file:
// the data set goes into a scratch file and the file's own checks run on it.
func checkServer(e *env) ([]store.Problem, error) {
	s, err := e.openServer()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ds, err := s.Dataset()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "khenthuong-check-")
	if err != nil {
		return nil, khenthuong.Internal(err)
	}
	defer os.RemoveAll(tmp)
	file := filepath.Join(tmp, "khenthuong.db")
	if err := store.CreateFromDataset(file, ds, store.Options{User: s.Identity().Login}); err != nil {
		return nil, err
	}
	return store.CheckFile(file)
}
