package main

import (
	"khenthuong/printing"
)

func init() {
	commands["printers"] = command{
		usage: `printers [--json]              các máy in của hệ thống (Windows: trình quản lý in; Linux: CUPS), máy mặc định đầu tiên`,
		run:   runPrinters,
	}
}

func runPrinters(e *env, args []string) error {
	fs := newFlags("printers")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("printers không nhận tham số")
	}
	ps, err := printing.List()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, nonNil(ps))
	}
	rows := make([][]string, len(ps))
	for i, p := range ps {
		def := ""
		if p.Default {
			def = "mặc định"
		}
		rows[i] = []string{p.Name, def, statusText(p.Status), p.Info, p.Location}
	}
	return table(e.stdout, []string{"MÁY IN", "MẶC ĐỊNH", "TRẠNG THÁI", "MÔ TẢ", "VỊ TRÍ"}, rows)
}

func statusText(s string) string {
	switch s {
	case "idle":
		return "sẵn sàng"
	case "printing":
		return "đang in"
	case "stopped":
		return "tạm dừng"
	case "offline":
		return "không kết nối"
	}
	return s
}
