package store

import (
	"cmp"
	"encoding/json"
	"testing"

	"khenthuong"
)

func TestAuditRecords(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	c.Name = "Đợt đã sửa"
	mustNil(t, db.UpdateCampaign(c))
	ns := []khenthuong.Nomination{person(c.ID, "Lê Văn Tiến", "", "")}
	mustNil(t, db.CreateNominations(ns))
	mustNil(t, db.DeleteNomination(ns[0].ID))
	s, _ := db.Settings()
	s.Place = "Đông Hà"
	mustNil(t, db.SaveSettings(&s))
	mustNil(t, db.SaveForm(&khenthuong.AwardForm{Code: "GKX", Name: "Giấy khen", Kinds: []khenthuong.Kind{khenthuong.Household}}))
	wantCode(t, db.CreateCampaign(campaign("")), khenthuong.EINVALID, "name") // refused: no record

	for _, tc := range []struct {
		entity, key string
		actions     []string
	}{
		{entityCampaign, idKey(c.ID), []string{actionCreate, actionUpdate}},
		{entityNomination, idKey(ns[0].ID), []string{actionCreate, actionDelete}},
		{entitySettings, "settings", []string{actionUpdate}},
		{entityForm, "GKX", []string{actionCreate}},
		{entityForm, "", []string{actionCreate}},
	} {
		t.Run(tc.entity+"_"+cmp.Or(tc.key, "all"), func(t *testing.T) {
			recs, err := db.Audit(tc.entity, tc.key)
			mustNil(t, err)
			if len(recs) != len(tc.actions) {
				t.Fatalf("%d records, want %d: %+v", len(recs), len(tc.actions), recs)
			}
			for i, r := range recs {
				if r.Action != tc.actions[i] || r.User != "canbo" || r.At.IsZero() || r.Entity != tc.entity || r.ID == 0 {
					t.Errorf("record %d: %+v", i, r)
				}
				switch r.Action {
				case actionCreate: // the values are the record's
					if len(r.Changes) != 0 {
						t.Errorf("record %d: a creation keeps %d changes", i, len(r.Changes))
					}
				case actionDelete: // the whole record, as the old value of ""
					if len(r.Changes) != 1 || r.Changes[0].Field != "" || r.Changes[0].Old == nil || r.Changes[0].New != nil {
						t.Errorf("record %d: deletion changes %+v", i, r.Changes)
					}
				default:
					if len(r.Changes) == 0 {
						t.Errorf("record %d: an update without changes", i)
					}
				}
				if r.Before != nil || r.After != nil {
					t.Errorf("record %d keeps whole copies", i)
				}
			}
		})
	}

	recs, _ := db.Audit(entityCampaign, idKey(c.ID))
	name := fieldChange(recs[1], "name")
	var before, after string
	mustNil(t, json.Unmarshal(name.Old, &before))
	mustNil(t, json.Unmarshal(name.New, &after))
	if before != "Đợt" || after != "Đợt đã sửa" {
		t.Errorf("update record: %q -> %q", before, after)
	}
	all, err := db.Audit("", "")
	mustNil(t, err)
	if len(all) != 6 {
		t.Errorf("%d records in all, want 6", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].ID <= all[i-1].ID || all[i].At.Before(all[i-1].At) {
			t.Errorf("not in order of writing at %d", i)
		}
	}
}

// fieldChange is the change of field in r (zero if none).
func fieldChange(r khenthuong.AuditRecord, field string) khenthuong.FieldChange {
	for _, c := range r.Changes {
		if c.Field == field {
			return c
		}
	}
	return khenthuong.FieldChange{}
}
