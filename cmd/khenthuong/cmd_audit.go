package main

import (
	"strings"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/ui"
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
	// The actions and fields in the office's words, as Lịch sử thay đổi
	// shows them, in the language of the settings.
	st, err := db.Settings()
	if err != nil {
		return err
	}
	if err := ui.SetLanguage(st.Language); err != nil {
		return khenthuong.Internal(err)
	}
	rows := make([][]string, len(recs))
	for i, r := range recs {
		action, changes := ui.AuditText(&r)
		if changes == "" && (len(r.Before) > 0 || len(r.After) > 0) && len(r.Changes) == 0 {
			changes = "(bản ghi đầy đủ, xem --json)"
		}
		rows[i] = []string{r.At.Local().Format("02/01/2006 15:04:05"), r.User, entityLabel(r.Entity, r.Key), action, changes}
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

// entityLabel names an audited record as the clerk knows it: "Đề nghị 12",
// "Quyết định 3", "Sổ vàng BKCT".
func entityLabel(entity, key string) string {
	label, ok := map[string]string{
		"campaign": "Đợt", "nomination": "Đề nghị", "nominee": "Đối tượng", "decision": "Quyết định",
		"form": "Hình thức", "series": "Sổ vàng", "settings": "Cài đặt", "template": "Mẫu in",
		"printer": "Máy in", "file": "Tệp dữ liệu", "user": "Tài khoản",
	}[entity]
	if !ok {
		label = entity
	}
	if key == "" {
		return label
	}
	return label + " " + key
}
