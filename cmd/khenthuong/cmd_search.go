package main

import (
	"strings"

	"khenthuong"
)

func init() {
	commands["search"] = command{
		usage: `search QUERY [--json]
    tìm đề nghị theo tên, đơn vị, chức vụ (không phân biệt dấu, hoa thường)`,
		run: runSearch,
	}
}

func runSearch(e *env, args []string) error {
	fs := newFlags("search")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		return usagef("chưa có từ khóa tìm kiếm")
	}
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	ns, err := db.Nominations(khenthuong.NominationFilter{Query: query})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, nonNil(ns))
	}
	return table(e.stdout, nominationHeader, nominationRows(ns))
}
