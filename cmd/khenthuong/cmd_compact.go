package main

import (
	"fmt"

	"khenthuong/store"
	"khenthuong/vntext"
)

func init() {
	commands["compact"] = command{
		usage: `compact
    thu gọn tệp dữ liệu: chép sang tệp mới không còn chỗ trống bỏ lại, kiểm tra rồi thay thế
    (an toàn khi mất điện giữa chừng); cần đóng các cửa sổ Khen thưởng đang mở tệp này`,
		run: runCompact,
	}
}

func runCompact(e *env, args []string) error {
	pos, err := parseFlags(newFlags("compact"), args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("thừa tham số “%s”", pos[0])
	}
	before, after, err := store.Compact(e.dbPath, store.Options{Timeout: lockWait})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã thu gọn tệp dữ liệu %s: %s → %s, giành lại %s\n",
		e.dbPath, megabytes(before), megabytes(after), megabytes(before-after))
	return nil
}

// megabytes writes a size as the clerk reads it: "744,2 MB".
func megabytes(n int64) string { return vntext.FormatDecimal(float64(n)/(1<<20), 1) + " MB" }
