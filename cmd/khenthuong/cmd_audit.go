package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"khenthuong"
	"khenthuong/store"
)

func init() {
	commands["audit"] = command{
		usage: `audit [--since YYYY-MM-DD] [--who TÊN] [--json]
    nhật ký thay đổi: ai (tài khoản trên máy chủ, người dùng máy tính với tệp dữ liệu), lúc nào,
    sửa gì và giá trị cũ; cũ nhất trước`,
		run: runAudit,
	}
}

func runAudit(e *env, args []string) error {
	fs := newFlags("audit")
	since := fs.String("since", "", "từ ngày")
	who := fs.String("who", "", "người sửa")
	asJSON := fs.Bool("json", false, "in JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("lệnh audit không nhận tham số")
	}
	f := khenthuong.AuditFilter{User: strings.TrimSpace(*who)}
	if *since != "" {
		d, err := khenthuong.ParseDate(*since)
		if err != nil || d.Day == 0 {
			return usagef("ngày --since “%s” phải có dạng YYYY-MM-DD", *since)
		}
		f.Since = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.Local)
	}
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	var recs []khenthuong.AuditRecord
	if err := eachAudit(db, f, func(r *khenthuong.AuditRecord) error {
		recs = append(recs, *r)
		return nil
	}); err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, nonNil(recs))
	}
	rows := make([][]string, len(recs))
	for i, r := range recs {
		rows[i] = []string{r.At.Local().Format("02/01/2006 15:04:05"), r.User, r.Entity + " " + r.Key, r.Action, changesText(&r)}
	}
	return table(e.stdout, []string{"LÚC", "NGƯỜI SỬA", "BẢN GHI", "VIỆC", "THAY ĐỔI (CŨ → MỚI)"}, rows)
}

// eachAudit streams the audit of either store: the query service where the
// store has it, else a data file's whole trail filtered here.
func eachAudit(db dataStore, f khenthuong.AuditFilter, fn func(*khenthuong.AuditRecord) error) error {
	if q, ok := db.(interface {
		EachAudit(khenthuong.AuditFilter, func(*khenthuong.AuditRecord) error) error
	}); ok {
		return q.EachAudit(f, fn)
	}
	file, ok := db.(*store.DB)
	if !ok {
		return khenthuong.Errorf(khenthuong.EINTERNAL, "audit: unsupported store %T", db)
	}
	recs, err := file.Audit("", "")
	if err != nil {
		return err
	}
	for i := range recs {
		r := &recs[i]
		if (!f.Since.IsZero() && r.At.Before(f.Since)) || (f.User != "" && r.User != f.User) {
			continue
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// changesText is a record's changes on one line: field: old → new.
func changesText(r *khenthuong.AuditRecord) string {
	var parts []string
	for _, c := range r.Changes {
		parts = append(parts, c.Field+": "+jsonText(c.Old)+" → "+jsonText(c.New))
	}
	if len(parts) == 0 && (len(r.Before) > 0 || len(r.After) > 0) {
		return "(bản ghi đầy đủ, xem --json)"
	}
	return strings.Join(parts, "; ")
}

func jsonText(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "∅"
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strconv.Quote(s)
	}
	return string(raw)
}
