package storetest

import (
	"testing"

	"khenthuong"
)

func init() { register("Audit", testAudit) }

func testAudit(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Tổng kết phong trào 2014 - 2023")
	n := named(t, svc, c, "Nguyễn Văn An")[0]
	n.Nominee.Position = "Phó Trưởng Công an xã"
	mustNil(t, svc.UpdateNomination(&n))
	mustNil(t, svc.SetStatus([]uint64{n.ID}, khenthuong.StatusApproved, ""))

	collect := func(f khenthuong.AuditFilter) []khenthuong.AuditRecord {
		t.Helper()
		var out []khenthuong.AuditRecord
		mustNil(t, svc.EachAudit(f, func(r *khenthuong.AuditRecord) error {
			out = append(out, *r)
			return nil
		}))
		return out
	}

	t.Run("OneRecordOldestFirst", func(t *testing.T) {
		recs := collect(khenthuong.AuditFilter{Entity: "nomination", Key: idString(n.ID)})
		var actions []string
		for _, r := range recs {
			actions = append(actions, r.Action)
			if r.User != "canbo" {
				t.Errorf("record %d by %q, want canbo", r.ID, r.User)
			}
		}
		if !sameStrings(actions, []string{"create", "update", "approve"}) {
			t.Errorf("actions = %v", actions)
		}
	})

	t.Run("FieldChangesNotCopies", func(t *testing.T) {
		recs := collect(khenthuong.AuditFilter{Entity: "nomination", Key: idString(n.ID)})
		if len(recs) != 3 {
			t.Fatalf("%d records", len(recs))
		}
		if len(recs[0].Changes) != 0 {
			t.Errorf("the creation keeps %d changes, want none (the values are the record's)", len(recs[0].Changes))
		}
		var pos *khenthuong.FieldChange
		for i, c := range recs[1].Changes {
			if c.Field == "nominee.position" {
				pos = &recs[1].Changes[i]
			}
			if c.Field == "nominee.name" || c.Field == "achievement" {
				t.Errorf("the update lists unchanged field %s", c.Field)
			}
		}
		if pos == nil || string(pos.Old) != `"Trưởng Công an xã"` || string(pos.New) != `"Phó Trưởng Công an xã"` {
			t.Errorf("update changes = %+v, want nominee.position from “Trưởng Công an xã” to “Phó Trưởng Công an xã”", recs[1].Changes)
		}
		status := false
		for _, c := range recs[2].Changes {
			status = status || c.Field == "status" && string(c.Old) == `"submitted"` && string(c.New) == `"approved"`
		}
		if !status {
			t.Errorf("approval changes = %+v, want status submitted → approved", recs[2].Changes)
		}
		for _, r := range recs {
			if r.Before != nil || r.After != nil {
				t.Errorf("record %d keeps whole copies", r.ID)
			}
		}
	})

	t.Run("Filters", func(t *testing.T) {
		all := collect(khenthuong.AuditFilter{})
		if len(all) < 4 {
			t.Fatalf("every record: %d, want at least the campaign's and the nomination's 3", len(all))
		}
		for i := 1; i < len(all); i++ {
			if all[i].At.Before(all[i-1].At) {
				t.Errorf("record %d is older than the one before it", all[i].ID)
			}
		}
		campaigns := collect(khenthuong.AuditFilter{Entity: "campaign"})
		if len(campaigns) != 1 || campaigns[0].Key != idString(c.ID) {
			t.Errorf("campaign records = %+v", campaigns)
		}
		if got := collect(khenthuong.AuditFilter{User: "nguoikhac"}); len(got) != 0 {
			t.Errorf("another user's records = %d, want 0", len(got))
		}
		// Since the update: the update and the approval.
		since := collect(khenthuong.AuditFilter{Entity: "nomination", Since: all[len(all)-2].At})
		if len(since) != 2 || since[0].Action != "update" || since[1].Action != "approve" {
			t.Errorf("since the update = %d records", len(since))
		}
		until := collect(khenthuong.AuditFilter{Until: all[0].At})
		if len(until) != 1 || until[0].ID != all[0].ID {
			t.Errorf("until the first = %d records", len(until))
		}
	})
}
