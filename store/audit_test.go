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
				if (r.Action == actionCreate) != (r.Before == nil) || (r.Action == actionDelete) != (r.After == nil) {
					t.Errorf("record %d before/after: %s / %s", i, r.Before, r.After)
				}
			}
		})
	}

	recs, _ := db.Audit(entityCampaign, idKey(c.ID))
	var before, after khenthuong.Campaign
	mustNil(t, json.Unmarshal(recs[1].Before, &before))
	mustNil(t, json.Unmarshal(recs[1].After, &after))
	if before.Name != "Đợt" || after.Name != "Đợt đã sửa" {
		t.Errorf("update record: %q -> %q", before.Name, after.Name)
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
