package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/roster"
)

func init() {
	commands["export"] = command{
		usage: `export (--campaign ID | --decision ID) -o FILE.xlsx|FILE.csv [--order list|alpha] [--sep ';']
    xuất danh sách khen thưởng của một đợt hoặc một quyết định: .xlsx (mỗi hình thức một trang,
    in A4 ngang) hoặc .csv (UTF-8, Excel mở đúng tiếng Việt); --order alpha xếp theo tên`,
		run: runExport,
	}
}

func runExport(e *env, args []string) error {
	fs := newFlags("export")
	campaignID := fs.Uint64("campaign", 0, "đợt khen thưởng")
	decisionID := fs.Uint64("decision", 0, "quyết định khen thưởng")
	out := fs.String("o", "", "tệp xuất ra (.xlsx hoặc .csv)")
	order := fs.String("order", string(khenthuong.OrderList), "thứ tự: list (theo danh sách) hoặc alpha (theo tên)")
	sep := fs.String("sep", ",", "dấu phân cách cột của tệp .csv")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 0:
		return usagef("thừa tham số “%s”", pos[0])
	case (*campaignID == 0) == (*decisionID == 0):
		return usagef("cần đúng một trong --campaign MÃ hoặc --decision MÃ")
	case *out == "":
		return usagef("cần -o TỆP.xlsx hoặc -o TỆP.csv")
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".xlsx" && ext != ".csv" {
		return usagef("tệp xuất ra phải có đuôi .xlsx hoặc .csv")
	}
	listOrder := khenthuong.ListOrder(*order)
	if listOrder != khenthuong.OrderList && listOrder != khenthuong.OrderAlpha {
		return usagef("--order chỉ nhận list hoặc alpha")
	}
	sepRune, err := parseSep(*sep)
	if err != nil {
		return err
	}

	// memlimit.go: the rows are streamed, so the heap keeps a plan and at
	// most a chunk of rows; the limit stops it growing to twice that.
	limitExportMemory()
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	forms, err := db.Forms()
	if err != nil {
		return err
	}
	opts := roster.ExportOptions{Order: listOrder, Forms: forms, Sep: sepRune}
	var rows roster.RowStream
	if *campaignID != 0 {
		c, err := db.Campaign(*campaignID)
		if err != nil {
			return err
		}
		// The nominations are read from the data as the writers need them,
		// each awarded one with what its issued decision gave it.
		if rows, err = roster.CampaignRowStream(db, c.ID); err != nil {
			return err
		}
		opts.Title = c.Name
	} else {
		// The decision without its recipients: the writers read them from
		// the data a few times rather than hold 100,000 rows.
		s, err := db.DecisionSummary(*decisionID)
		if err != nil {
			return err
		}
		d := s.Decision
		rows = roster.DecisionRowStream(&d, func(fn func(*khenthuong.Recipient) error) error { return db.EachRecipient(d.ID, fn) })
		opts.Title = fmt.Sprintf("Kèm theo Quyết định số %s ngày %s", d.Number, d.Date.Display())
	}
	n := 0
	err = atomicfile.Write(*out, func(w io.Writer) error {
		var err error
		if ext == ".csv" {
			n, err = roster.WriteCSVStream(w, rows, opts)
		} else {
			n, err = roster.WriteXLSXStream(w, rows, opts)
		}
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã xuất %d dòng ra %s\n", n, *out)
	return nil
}

// parseSep reads the --sep value: one character, or "tab".
func parseSep(s string) (rune, error) {
	switch s {
	case "tab", `\t`, "\t":
		return '\t', nil
	}
	r := []rune(s)
	if len(r) != 1 || r[0] == '"' || r[0] == '\r' || r[0] == '\n' {
		return 0, usagef("--sep cần đúng một ký tự, ví dụ ';' hoặc ','")
	}
	return r[0], nil
}
