package ui

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"khenthuong"
	"khenthuong/vntext"
)

// What Lịch sử thay đổi writes for an audit record: the action in the
// office's words, the fields under the labels their forms use, the values as
// the screens show them (dates dd/mm/yyyy, statuses by name, amounts with
// their thousands).

// changeRows is the table's lines for record r of entity: one per shown
// field, the first carrying when, who and what.
func changeRows(entity string, r *khenthuong.AuditRecord, campaigns map[string]string) []changeRow {
	var rows []changeRow
	// recipients.N.… of a decision (thousands at an issue on the server): one
	// line for the list, one for the registry numbers given.
	var list recipientChanges
	for _, c := range recordChanges(r) {
		if n, ok := strings.CutPrefix(c.Field, "recipients."); ok && entity == "decision" {
			if list.add(n, c) {
				list.at = len(rows)
				rows = append(rows, changeRow{chgColField: lang.L("List of recipients")})
			}
			continue
		}
		if hiddenField(c.Field) {
			continue
		}
		row := changeRow{chgColField: fieldLabel(entity, c.Field)}
		switch {
		case c.Field == "":
			row[chgColField] = lang.L("(the whole record)")
			row[chgColOld] = lang.L("(deleted)")
		case c.Field == "amendments" || strings.HasPrefix(c.Field, "amendments."):
			// An amendment appended (the first comes as the whole list): its
			// reason; the old values are the fields' own lines.
			row[chgColNew] = amendmentReason(c.New)
		default:
			row[chgColOld] = valueText(entity, c.Field, c.Old, campaigns)
			row[chgColNew] = valueText(entity, c.Field, c.New, campaigns)
		}
		rows = append(rows, row)
	}
	rows = list.summary(rows)
	if len(rows) == 0 {
		rows = []changeRow{{}} // a creation, or only bookkeeping changed: the action alone
	}
	who := r.User
	if who == "" {
		who = lang.L("(unknown)")
	}
	rows[0][chgColAt] = r.At.Local().Format("02/01/2006 15:04")
	rows[0][chgColWho] = who
	rows[0][chgColAction] = actionLabel(r.Action)
	return rows
}

// recipientChanges gathers the changes of a decision's recipients.
type recipientChanges struct {
	at       int // the list's line in the rows
	touched  map[string]bool
	first    int // recipient index of the lowest registry number given, and the highest
	last     int
	firstNo  string
	lastNo   string
	numbered int
}

// add counts change c of recipients.n; it reports the first change (the
// caller adds the list's line).
func (l *recipientChanges) add(n string, c khenthuong.FieldChange) bool {
	first := l.touched == nil
	if first {
		l.touched = map[string]bool{}
	}
	idx, field, _ := strings.Cut(n, ".")
	l.touched[idx] = true
	if i, err := strconv.Atoi(idx); err == nil && field == "registry_no" {
		var no string
		if json.Unmarshal(c.New, &no) == nil && no != "" {
			if l.numbered == 0 || i < l.first {
				l.first, l.firstNo = i, no
			}
			if l.numbered == 0 || i > l.last {
				l.last, l.lastNo = i, no
			}
			l.numbered++
		}
	}
	return first
}

// summary fills the list's line in rows (the first with the list's label)
// and appends the registry numbers' line.
func (l *recipientChanges) summary(rows []changeRow) []changeRow {
	if l.touched == nil {
		return rows
	}
	rows[l.at][chgColNew] = lang.L("changed for {{.Count}} recipients", map[string]any{"Count": formatCount(len(l.touched))})
	switch {
	case l.numbered == 1:
		rows = append(rows, changeRow{chgColField: lang.L("Registry no."), chgColNew: l.firstNo})
	case l.numbered > 1:
		rows = append(rows, changeRow{chgColField: lang.L("Registry no."), chgColNew: lang.L("{{.First}} to {{.Last}} ({{.Count}} numbers)",
			map[string]any{"First": l.firstNo, "Last": l.lastNo, "Count": formatCount(l.numbered)})})
	}
	return rows
}

// amendmentReason is the reason of an appended amendment, or of the last of a list.
func amendmentReason(raw json.RawMessage) string {
	var a khenthuong.Amendment
	if json.Unmarshal(raw, &a) == nil {
		return a.Reason
	}
	var as []khenthuong.Amendment
	if json.Unmarshal(raw, &as) == nil && len(as) > 0 {
		return as[len(as)-1].Reason
	}
	return ""
}

// recordChanges is what r changed: its Changes, or for a record of an
// earlier version (whole Before and After copies) the difference of the two.
func recordChanges(r *khenthuong.AuditRecord) []khenthuong.FieldChange {
	switch {
	case len(r.Changes) > 0:
		return r.Changes
	case len(r.Before) > 0 && len(r.After) > 0:
		cs, err := khenthuong.FieldChanges(r.Before, r.After)
		if err == nil {
			return cs
		}
	case len(r.Before) > 0:
		return []khenthuong.FieldChange{{Old: r.Before}}
	}
	return nil
}

// hiddenField tells the bookkeeping fields every save changes: the time,
// version and author of the save are the record's own columns already.
func hiddenField(field string) bool {
	switch field {
	case "id", "updated_at", "created_at", "version", "updated_by", "issued_at":
		return true
	}
	return strings.HasPrefix(field, "by_kind.") || field == "by_kind"
}

// actionLabel is an audit action as the office says it.
func actionLabel(action string) string {
	switch action {
	case "create":
		return lang.L("created")
	case "update":
		return lang.L("edited")
	case "delete":
		return lang.L("deleted")
	case "approve":
		return lang.L("approved")
	case "reject":
		return lang.L("rejected")
	case "defer":
		return lang.L("deferred")
	case "submit":
		return lang.L("sent back for review")
	case "draft":
		return lang.L("back to draft")
	case "issue":
		return lang.L("issued")
	case "amend":
		return lang.L("amended")
	case "move":
		return lang.L("moved to another campaign")
	case "link":
		return lang.L("marked as the same nominee")
	case "unlink":
		return lang.L("given a nominee of its own")
	case "distinct":
		return lang.L("marked as different nominees")
	}
	return action
}

// fieldLabel is a field's label on the form that edits it.
func fieldLabel(entity, field string) string {
	switch field {
	case "nominee.kind":
		return lang.L("Kind")
	case "nominee.title":
		return lang.L("Title")
	case "nominee.name":
		return lang.L("Full name")
	case "nominee.gender":
		return lang.L("Gender")
	case "nominee.birth":
		return lang.L("Date of birth")
	case "nominee.position":
		return lang.L("Position")
	case "nominee.unit":
		return lang.L("Unit")
	case "nominee.address":
		return lang.L("Address")
	case "nominee.classification":
		return lang.L("Classification")
	case "nominee.field":
		return lang.L("Field")
	case "nominee_id":
		return lang.L("Nominee record")
	case "campaign_id":
		return lang.L("Campaign")
	case "form":
		return lang.L("Award form")
	case "proposing_unit":
		return lang.L("Proposed by")
	case "submission_no":
		return lang.L("Submission no.")
	case "submission_date":
		return lang.L("Submission date")
	case "status":
		return lang.L("Status")
	case "reject_reason":
		return lang.L("Reason for rejection")
	case "notes":
		return lang.L("Notes")
	case "number":
		return lang.L("Decision No.")
	case "date":
		return lang.L("Date")
	case "signer_title":
		return lang.L("Signer's title")
	case "signer_name":
		return lang.L("Signer's name")
	case "recipient_count":
		return lang.L("Recipients")
	case "total_amount":
		return lang.L("Total bonus (đồng)")
	}
	if field == "amendments" || strings.HasPrefix(field, "amendments.") {
		return lang.L("Reason for the amendment")
	}
	switch {
	case field == "achievement" && entity == "decision":
		return lang.L("Achievement (Article 1)")
	case field == "achievement":
		return lang.L("Achievement")
	case field == "order" && entity == "decision":
		return lang.L("List order")
	case field == "order":
		return lang.L("No. in the list")
	}
	return field
}

// valueText is a field's JSON value as the screens show it; "" for none.
func valueText(entity, field string, raw json.RawMessage, campaigns map[string]string) string {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		switch field {
		case "campaign_id":
			if name, ok := campaigns[string(raw)]; ok {
				return name
			}
		case "total_amount":
			if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
				return vntext.FormatNumber(n)
			}
		}
		return string(raw) // a number, or a list as written
	}
	switch field {
	case "status":
		if entity == "decision" {
			return decisionStatusLabel(khenthuong.DecisionStatus(s))
		}
		return statusLabel(khenthuong.Status(s))
	case "nominee.kind":
		return kindLabel(khenthuong.Kind(s))
	case "nominee.gender":
		return genderLabel(khenthuong.Gender(s))
	case "nominee.birth", "submission_date", "date":
		if d, err := khenthuong.ParseDate(s); err == nil {
			return d.Display()
		}
	case "order":
		if entity == "decision" {
			return orderLabel(khenthuong.ListOrder(s))
		}
	}
	return s
}
