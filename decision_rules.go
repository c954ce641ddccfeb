package khenthuong

import (
	"fmt"
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
	return Recipient{NominationID: n.ID, NomineeID: n.NomineeID, Nominee: n.Nominee, Achievement: n.Achievement}
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
