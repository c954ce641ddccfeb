package khenthuong

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"

	"khenthuong/vntext"
)

// The rules of preparing a decision that both stores apply: what a draft
// lists for a nomination, the fields a clerk may reword per recipient, the
// list order, and the checks beyond Decision.Validate.

// ValidateDecision checks a normalised decision beyond Decision.Validate: the
// list order and the lengths of the text fields.
func ValidateDecision(d *Decision) error {
	if err := d.Validate(); err != nil {
		return err
	}
	switch d.Order {
	case OrderList, OrderAlpha, OrderUnit, OrderManual:
	default:
		return FieldErrorf("order", "Thứ tự danh sách “%s” không hợp lệ (list, alpha, unit, manual)", d.Order)
	}
	for _, f := range []struct {
		field, label, value string
		max                 int
	}{
		{"number", "Số quyết định", d.Number, 100},
		{"signer_title", "Chức vụ người ký", d.SignerTitle, MaxNameLength},
		{"signer_name", "Tên người ký", d.SignerName, MaxNameLength},
		{"submission_no", "Số tờ trình", d.SubmissionNo, 100},
		{"achievement", "Thành tích", d.Achievement, MaxAchievementLength},
	} {
		if len([]rune(f.value)) > f.max {
			return FieldErrorf(f.field, "%s dài quá %d ký tự", f.label, f.max)
		}
	}
	return nil
}

// RecipientOf is what a decision lists for nomination n until the clerk edits it.
func RecipientOf(n *Nomination) Recipient {
	return Recipient{NominationID: n.ID, NomineeID: n.NomineeID, Nominee: n.Nominee, Achievement: n.Achievement,
		ProposingUnit: n.ProposingUnit}
}

// PrintedFields puts the printed fields of given (the clerk's version of the
// i-th recipient, 0-based) into r, normalised and checked; the kind stays r's.
// An error names the row.
func PrintedFields(r, given *Recipient, i int) error {
	nominee := given.Nominee
	nominee.Kind = r.Nominee.Kind
	nominee.Normalize()
	if err := nominee.Validate(); err != nil {
		return rowPrefixed(i, err)
	}
	achievement := vntext.CleanMultiline(given.Achievement)
	if len([]rune(achievement)) > MaxAchievementLength {
		return rowPrefixed(i, FieldErrorf("achievement", "Thành tích dài quá %d ký tự", MaxAchievementLength))
	}
	r.Nominee, r.Achievement = nominee, achievement
	return nil
}

func rowPrefixed(i int, err error) error {
	if e, ok := err.(*Error); ok && e.Code != EINTERNAL {
		return &Error{Code: e.Code, Field: e.Field, Err: e.Err, Message: fmt.Sprintf("Dòng %d: %s", i+1, e.Message)}
	}
	return err
}

// OrderRecipients puts d.Recipients (recipient i is nomination ns[i]) in d's
// order: list order starts from the nominations' order in the campaign.
func OrderRecipients(d *Decision, ns []*Nomination) {
	if d.Order == OrderManual {
		return
	}
	idx := make([]int, len(ns))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		na, nb := ns[idx[a]], ns[idx[b]]
		if na.Order != nb.Order {
			return na.Order < nb.Order
		}
		return na.ID < nb.ID
	})
	rs := make([]Recipient, len(idx))
	for i, j := range idx {
		rs[i] = d.Recipients[j]
	}
	SortRecipients(rs, d.Order)
	d.Recipients = rs
}

// CleanAmendReason is the reason of an amendment, cleaned: EINVALID when missing or too long.
func CleanAmendReason(reason string) (string, error) {
	reason = vntext.CleanMultiline(reason)
	if reason == "" {
		return "", FieldErrorf("reason", "Sửa đổi quyết định đã ban hành phải ghi rõ lý do")
	}
	if len([]rune(reason)) > MaxNotesLength {
		return "", FieldErrorf("reason", "Lý do dài quá %d ký tự", MaxNotesLength)
	}
	return reason, nil
}

// Amended applies the correction d (normalised and validated) to the issued
// decision old: number, date, signer, submission, achievement and the printed
// fields of the same recipients in the same order; registry numbers and
// amounts stay. It returns the corrected copy, its Amendments not yet
// extended, and old without its amendments as JSON (the new amendment's
// Before): ECONFLICT (not issued), EINVALID (campaign, form or recipients
// changed, nothing changed).
func Amended(old, d *Decision) (*Decision, []byte, error) {
	if old.Status != DecisionIssued {
		return nil, nil, Errorf(ECONFLICT, "Quyết định số %s chưa ban hành: hãy sửa trực tiếp bản dự thảo", old.Number)
	}
	if d.CampaignID != old.CampaignID || d.FormCode != old.FormCode {
		return nil, nil, FieldErrorf("form", "Không đổi được đợt khen thưởng hay hình thức của quyết định đã ban hành")
	}
	c := *old
	c.Recipients = slices.Clone(old.Recipients)
	c.Amendments = slices.Clone(old.Amendments)
	c.Number, c.Date, c.SignerTitle, c.SignerName = d.Number, d.Date, d.SignerTitle, d.SignerName
	c.SubmissionNo, c.SubmissionDate, c.Achievement = d.SubmissionNo, d.SubmissionDate, d.Achievement
	if d.Recipients != nil {
		if len(d.Recipients) != len(old.Recipients) {
			return nil, nil, FieldErrorf("recipients",
				"Sửa đổi không được thêm hay bớt tập thể, cá nhân của quyết định đã ban hành (%d, không phải %d)",
				len(old.Recipients), len(d.Recipients))
		}
		for i := range d.Recipients {
			if d.Recipients[i].NominationID != old.Recipients[i].NominationID {
				return nil, nil, FieldErrorf("recipients",
					"Sửa đổi không được đổi người hay thứ tự trong danh sách của quyết định đã ban hành (dòng %d)", i+1)
			}
			if err := PrintedFields(&c.Recipients[i], &d.Recipients[i], i); err != nil {
				return nil, nil, err
			}
		}
	}
	before, err := json.Marshal(amendedFields(old, &c))
	if err != nil {
		return nil, nil, err
	}
	after, err := json.Marshal(amendedFields(&c, old))
	if err != nil {
		return nil, nil, err
	}
	if bytes.Equal(before, after) {
		return nil, nil, Errorf(EINVALID, "Không có gì thay đổi so với quyết định đã ban hành")
	}
	return &c, before, nil
}

// amendedFields is d as an amendment keeps it: without its amendment trail
// (which each amendment would otherwise copy again) and with only the
// recipients whose printed fields differ in other (a correction of one name
// in a list of 100,000 keeps that one).
func amendedFields(d, other *Decision) *Decision {
	c := *d
	c.Amendments = nil
	c.Recipients = nil
	for i := range d.Recipients {
		if i >= len(other.Recipients) || !reflect.DeepEqual(d.Recipients[i], other.Recipients[i]) {
			c.Recipients = append(c.Recipients, d.Recipients[i])
		}
	}
	return &c
}

// StatusAction names a review's status change in the audit: "approve", "reject", ...
func StatusAction(to Status) string {
	switch to {
	case StatusApproved:
		return "approve"
	case StatusRejected:
		return "reject"
	case StatusDeferred:
		return "defer"
	case StatusSubmitted:
		return "submit"
	}
	return string(to)
}

// CleanStatusChange checks a review's target status and reason and returns
// the reason to store: a rejection's, cleaned; "" for any other status.
func CleanStatusChange(to Status, reason string) (string, error) {
	reason = vntext.CleanMultiline(reason)
	switch {
	case !to.Valid():
		return "", FieldErrorf("status", "Trạng thái “%s” không hợp lệ", to)
	case to == StatusRejected && reason == "":
		return "", FieldErrorf("reject_reason", "Không duyệt phải ghi rõ lý do")
	case len([]rune(reason)) > MaxNotesLength:
		return "", FieldErrorf("reject_reason", "Lý do dài quá %d ký tự", MaxNotesLength)
	}
	if to != StatusRejected {
		reason = ""
	}
	return reason, nil
}

// EditInDecision refuses an edit of a nomination that decision d lists:
// none in an issued decision; in a draft, no change of status, form or campaign.
func EditInDecision(old, edited *Nomination, d *Decision) error {
	if d.Status == DecisionIssued {
		return Errorf(ECONFLICT, "Đề nghị này đã có trong Quyết định số %s đã ban hành, không sửa được", d.Number)
	}
	if edited.Status != old.Status || edited.FormCode != old.FormCode || edited.CampaignID != old.CampaignID {
		return Errorf(ECONFLICT,
			"Đề nghị này đang có trong dự thảo Quyết định số %s: hãy bỏ khỏi quyết định trước khi đổi trạng thái, hình thức hay đợt khen thưởng", d.Number)
	}
	return nil
}

// SetAmounts gives every recipient of d its bonus (Settings.Bonus) for d's
// date: EINVALID naming the field "date" when no coefficient or base salary applies.
func (s *Settings) SetAmounts(d *Decision, form *AwardForm) error {
	byKind := map[Kind]int64{}
	for i := range d.Recipients {
		k := d.Recipients[i].Nominee.Kind
		amount, ok := byKind[k]
		if !ok {
			var err error
			if amount, err = s.Bonus(form, k, d.Date); err != nil {
				if e, ok := err.(*Error); ok && e.Field == "" && e.Code != EINTERNAL {
					c := *e
					c.Field = "date"
					return &c
				}
				return err
			}
			byKind[k] = amount
		}
		d.Recipients[i].Amount = amount
	}
	return nil
}
