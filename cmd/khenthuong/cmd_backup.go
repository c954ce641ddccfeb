package main

import (
	"fmt"

	"khenthuong/store"
)

func init() {
	commands["backup"] = command{
		usage: `backup -o FILE
    sao lưu tệp dữ liệu (bản chụp nhất quán, không cần đóng chương trình; FILE.zst hay FILE.gz: nén)`,
		run: runBackup,
	}
	commands["restore"] = command{
		usage: `restore FILE
    khôi phục từ bản sao lưu, nén (.zst, .gz) hay không (kiểm tra bản sao lưu trước, giữ lại bản hiện tại)`,
		run: runRestore,
	}
	commands["check"] = command{
		usage: `check
    kiểm tra tính toàn vẹn của tệp dữ liệu`,
		run: runCheck,
	}
}

func runBackup(e *env, args []string) error {
	fs := newFlags("backup")
	out := fs.String("o", "", "tệp sao lưu")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || len(pos) != 0 {
		return usagef("cần -o TỆP")
	}
	if e.server() {
		return backupServer(e, *out)
	}
	db, err := store.Open(e.dbPath, store.Options{ReadOnly: true, Timeout: lockWait})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.BackupTo(*out); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã sao lưu vào %s\n", *out)
	return nil
}

func runRestore(e *env, args []string) error {
	fs := newFlags("restore")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cần đúng một tệp sao lưu")
	}
	if e.server() {
		return usagef("restore chỉ dành cho tệp dữ liệu; máy chủ văn phòng nhận dữ liệu bằng lệnh migrate")
	}
	if err := store.Restore(pos[0], e.dbPath, store.Options{}); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã khôi phục %s từ %s\n", e.dbPath, pos[0])
	return nil
}

func runCheck(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("lệnh check không nhận tham số")
	}
	check := store.CheckFile
	if e.server() {
		check = func(string) ([]store.Problem, error) { return checkServer(e) }
	}
	problems, err := check(e.dbPath)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(e.stdout, p.Label())
	}
	if len(problems) > 0 {
		return store.CheckError(e.dbPath, problems)
	}
	fmt.Fprintln(e.stdout, "Tệp dữ liệu không có lỗi.")
	return nil
}
