package ui

import (
	"strings"

	"khenthuong"
)

// AuditText is an audit record as Lịch sử thay đổi reads it, for the command
// line (khenthuong audit): the action in the office's words ("duyệt", "ban
// hành") and its changes on one line, "field: old → new" under the forms'
// labels, the bookkeeping fields (time, version, author) left out. Call
// SetLanguage first.
func AuditText(r *khenthuong.AuditRecord) (action, changes string) {
	rows := changeRows(r.Entity, r, nil)
	var parts []string
	for _, row := range rows {
		if row[chgColField] == "" {
			continue
		}
		old, new := row[chgColOld], row[chgColNew]
		if old == "" {
			old = "∅"
		}
		if new == "" {
			new = "∅"
		}
		parts = append(parts, row[chgColField]+": "+old+" → "+new)
	}
	return rows[0][chgColAction], strings.Join(parts, "; ")
}
