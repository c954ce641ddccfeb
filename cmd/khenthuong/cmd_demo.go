package main

import (
	"fmt"

	"khenthuong/demo"
)

func init() {
	commands["demo"] = command{
		usage: `demo
    điền dữ liệu mẫu (đợt tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc); chạy lại không thêm gì`,
		run: runDemo,
	}
}

func runDemo(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("lệnh demo không nhận tham số")
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	added, err := demo.Seed(db)
	if err != nil {
		return err
	}
	if added {
		fmt.Fprintf(e.stderr, "Đã thêm dữ liệu mẫu vào %s\n", e.where())
	} else {
		fmt.Fprintln(e.stderr, "Dữ liệu mẫu đã có sẵn, không thêm gì.")
	}
	return nil
}
