package store

import (
	"errors"
	"strings"
	"testing"

	"khenthuong"
)

// Issuing is irreversible: a decision whose wording uses a blank still empty
// is refused, the message names every blank, and nothing changes.
func TestIssueRefusesBlanks(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*khenthuong.Decision)
		field string
		words []string
	}{
		{"NoSignerName", func(d *khenthuong.Decision) { d.SignerName = "" }, "signer_name", []string{"tên người ký"}},
		{"NoSubmission", func(d *khenthuong.Decision) { d.SubmissionNo, d.SubmissionDate = "", khenthuong.Date{} },
			"submission_no", []string{"số tờ trình", "ngày tờ trình"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := openTest(t)
			cp := createCampaign(t, db, "Tổng kết 10 năm")
			ns := approved(t, db, person(cp.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"))
			d := draft(cp, "2871/QĐ-UBND", "2024-06-02")
			c.edit(d)
			mustNil(t, db.CreateDecision(d, nominationIDs(ns)))
			_, err := db.IssueDecision(d.ID)
			if khenthuong.ErrorCode(err) != khenthuong.EINVALID || errorField(err) != c.field {
				t.Fatalf("IssueDecision = %v, want EINVALID on %s", err, c.field)
			}
			for _, w := range c.words {
				if !strings.Contains(khenthuong.ErrorMessage(err), w) {
					t.Errorf("%q does not name %q", khenthuong.ErrorMessage(err), w)
				}
			}
			got, err := db.Decision(d.ID)
			mustNil(t, err)
			if got.Status != khenthuong.DecisionDraft || got.Recipients[0].RegistryNo != "" {
				t.Errorf("refused issue changed the decision: %+v", got)
			}
		})
	}
}

func errorField(err error) string {
	var e *khenthuong.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
