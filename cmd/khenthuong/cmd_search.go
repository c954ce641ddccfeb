package main

import (
	"fmt"
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
	query, asJSON, err := parseQuery("search", args, "chưa có từ khóa tìm kiếm")
	if err != nil {
		return err
	}
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	return streamNominations(e, db, khenthuong.NominationFilter{Query: query}, asJSON,
		fmt.Sprintf("Không tìm thấy đề nghị nào khớp “%s” (tìm theo tên, đơn vị, chức vụ; có dấu hay không đều được).", query))
}

// parseQuery reads "QUERY words... [--json]" for the look-up commands;
// missing is the message when no word is given.
func parseQuery(name string, args []string, missing string) (query string, asJSON bool, err error) {
	fs := newFlags(name)
	jsonFlag := fs.Bool("json", false, "in dạng JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return "", false, err
	}
	query = strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		return "", false, usagef("%s", missing)
	}
	return query, *jsonFlag, nil
}
