package main

import (
	"errors"
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
	if *asJSON {
		arr := newJSONArray(e.stdout)
		if err := eachAudit(db, f, func(r *khenthuong.AuditRecord) error { return arr.add(r) }); err != nil {
			return err
		}
		return arr.close()
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
	// The trail is read twice, to measure the columns and to print them,
	// rather than held: it is most of a data file after years. The second
	// reading stops where the first did, should the server's trail have
	// grown in between.
	var n int
	return exactTable(e.stdout, []string{"LÚC", "NGƯỜI SỬA", "BẢN GHI", "VIỆC", "THAY ĐỔI (CŨ → MỚI)"}, func(pass int, row func(...string) error) error {
		i := 0
		err := eachAudit(db, f, func(r *khenthuong.AuditRecord) error {
			if pass == 1 && i == n {
				return errAuditRead
			}
			i++
			action, changes := ui.AuditText(r)
			if changes == "" && (len(r.Before) > 0 || len(r.After) > 0) && len(r.Changes) == 0 {
				changes = "(bản ghi đầy đủ, xem --json)"
			}
			return row(r.At.Local().Format("02/01/2006 15:04:05"), r.User, entityLabel(r.Entity, r.Key), action, changes)
		})
		n = i
		if errors.Is(err, errAuditRead) {
			err = nil
		}
		return err
	})
}

// errAuditRead stops the second reading of the trail where the first stopped.
var errAuditRead = errors.New("audit read")

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
