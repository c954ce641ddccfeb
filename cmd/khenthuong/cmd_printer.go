package main

import (
	"fmt"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

func init() {
	commands["printer"] = command{
		usage: `printer set NAME --offset-x MM --offset-y MM [--scale S] | printer list [--json]
    hồ sơ máy in: độ lệch khi in lên phôi (x dương: sang phải; y dương: xuống dưới) và tỷ lệ`,
		run: runPrinter,
	}
}

func runPrinter(e *env, args []string) error {
	fs := newFlags("printer")
	dx := decimalVar(fs, "offset-x", 0, "độ lệch ngang (mm), như 1,5 hoặc 1.5")
	dy := decimalVar(fs, "offset-y", 0, "độ lệch dọc (mm)")
	scale := decimalVar(fs, "scale", 1, "tỷ lệ")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("cần set hoặc list")
	}
	switch pos[0] {
	case "list":
		if len(pos) != 1 {
			return usagef("printer list không nhận tham số")
		}
		db, err := e.openDB(true)
		if err != nil {
			return err
		}
		defer db.Close()
		ps, err := db.Printers()
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, nonNil(ps))
		}
		rows := make([][]string, len(ps))
		for i, p := range ps {
			rows[i] = []string{p.Name, vntext.FormatDecimal(p.OffsetX, 2), vntext.FormatDecimal(p.OffsetY, 2), vntext.FormatDecimal(p.Scale, 4)}
		}
		return table(e.stdout, []string{"MÁY IN", "LỆCH X (mm)", "LỆCH Y (mm)", "TỶ LỆ"}, rows)
	case "set":
		if len(pos) < 2 {
			return usagef("cần tên máy in: printer set NAME --offset-x MM --offset-y MM")
		}
		p := khenthuong.PrinterProfile{Name: strings.Join(pos[1:], " "), OffsetX: *dx, OffsetY: *dy, Scale: *scale}
		db, err := e.openDB(false)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.SavePrinter(&p); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Đã lưu máy in “%s”: lệch x %s mm, y %s mm, tỷ lệ %s\n", p.Name,
			vntext.FormatDecimal(p.OffsetX, 2), vntext.FormatDecimal(p.OffsetY, 2), vntext.FormatDecimal(p.Scale, 4))
		return nil
	}
	return usagef("không có lệnh printer “%s”", pos[0])
}
