package store

import (
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// schema1 turns a current file back into what the first release wrote:
// decisions whole, recipients inside; audit records with whole copies.
func schema1(t *testing.T, path string) {
	t.Helper()
	plant(t, path, func(tx *bolt.Tx) error {
		dec := tx.Bucket(bucketDecisions)
		var whole []*khenthuong.Decision
		if err := dec.ForEach(func(k, _ []byte) error {
			d, err := getDecision(tx, btoi(k))
			whole = append(whole, d)
			return err
		}); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bucketRecipients); err != nil {
			return err
		}
		var olds [][]byte
		for _, d := range whole {
			v, err := json.Marshal(d)
			if err != nil {
				return err
			}
			olds = append(olds, v)
			if err := dec.Put(itob(d.ID), v); err != nil {
				return err
			}
		}
		// Old audit records: an update with whole copies, and a decision's issue.
		a := tx.Bucket(bucketAudit)
		add := func(r khenthuong.AuditRecord) error {
			id, _ := a.NextSequence()
			r.ID = id
			v, _ := json.Marshal(&r)
			if err := a.Put(itob(id), v); err != nil {
				return err
			}
			return tx.Bucket(bucketAuditIdx).Put(auditKey(r.Entity, r.Key, id), nil)
		}
		if err := add(khenthuong.AuditRecord{Entity: entityCampaign, Key: "1", Action: actionUpdate, User: "cu",
			Before: json.RawMessage(`{"id":1,"name":"Đợt cũ"}`), After: json.RawMessage(`{"id":1,"name":"Đợt mới"}`)}); err != nil {
			return err
		}
		issued := *whole[0]
		issued.Status = khenthuong.DecisionDraft
		draft, _ := json.Marshal(&issued)
		if err := add(khenthuong.AuditRecord{Entity: entityDecision, Key: idKey(whole[0].ID), Action: actionIssue, User: "cu",
			Before: draft, After: olds[0]}); err != nil {
			return err
		}
		if err := add(khenthuong.AuditRecord{Entity: entityCampaign, Key: "9", Action: actionCreate, User: "cu",
			After: json.RawMessage(`{"id":9}`)}); err != nil {
			return err
		}
		v := make([]byte, 4)
		binary.BigEndian.PutUint32(v, 1)
		return tx.Bucket(bucketMeta).Put(keySchema, v)
	})
}

func TestMigrationToSchema2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	c := createCampaign(t, db, "Tổng kết phong trào 2014 - 2023")
	ns := approved(t, db, person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
		person(c.ID, "Trần Thị Hoa", "Đội trưởng", "Công an xã Gio Linh"), person(c.ID, "Hồ Văn Nam", "", "Công an xã Cam Lộ"))
	d := draft(c, "2871/QĐ-UBND", "2024-06-02")
	mustNil(t, db.CreateDecision(d, nominationIDs(ns[:2])))
	issued, err := db.IssueDecision(d.ID)
	mustNil(t, err)
	d2 := draft(c, "2872/QĐ-UBND", "2024-06-03")
	mustNil(t, db.CreateDecision(d2, nominationIDs(ns[2:])))
	mustNil(t, db.Close())
	schema1(t, path)

	db = openAt(t, path, testOptions())
	got, err := db.Decision(issued.ID)
	mustNil(t, err)
	if !reflect.DeepEqual(got.Recipients, issued.Recipients) || got.Number != issued.Number {
		t.Errorf("migrated decision = %+v\nwant %+v", got, issued)
	}
	s, err := db.DecisionSummary(d2.ID)
	mustNil(t, err)
	if s.RecipientCount != 1 || s.TotalAmount != d2.Total() {
		t.Errorf("migrated draft summary = %+v", s)
	}
	ps, err := db.Check()
	mustNil(t, err)
	if len(ps) > 0 {
		t.Errorf("problems after migration: %v", ps)
	}
	mustNil(t, db.view("test", func(tx *bolt.Tx) error {
		schema, _, _ := readSchema(tx)
		if schema != currentSchema() {
			t.Errorf("schema %d, want %d", schema, currentSchema())
		}
		return tx.Bucket(bucketDecisions).ForEach(func(k, v []byte) error {
			var raw map[string]json.RawMessage
			mustNil(t, json.Unmarshal(v, &raw))
			if string(raw["recipients"]) != "null" {
				t.Errorf("decision %d still holds its recipients", btoi(k))
			}
			return nil
		})
	}))
	var old []khenthuong.AuditRecord
	mustNil(t, db.EachAudit(khenthuong.AuditFilter{User: "cu"}, func(r *khenthuong.AuditRecord) error {
		old = append(old, *r)
		return nil
	}))
	if len(old) != 3 {
		t.Fatalf("%d old records", len(old))
	}
	for _, r := range old {
		if r.Before != nil || r.After != nil {
			t.Errorf("record %d keeps whole copies", r.ID)
		}
	}
	if ch := old[0].Changes; len(ch) != 1 || ch[0].Field != "name" || string(ch[0].Old) != `"Đợt cũ"` || string(ch[0].New) != `"Đợt mới"` {
		t.Errorf("campaign update changes = %+v", ch)
	}
	if st := fieldChange(old[1], "status"); string(st.Old) != `"draft"` || string(st.New) != `"issued"` {
		t.Errorf("issue changes = %+v", old[1].Changes)
	}
	for _, c := range old[1].Changes {
		if len(c.Field) > 11 && c.Field[:11] == "recipients." {
			t.Errorf("the issue's recipients were diffed one by one: %s", c.Field)
		}
	}
	if len(old[2].Changes) != 0 {
		t.Errorf("an old creation keeps %+v", old[2].Changes)
	}
}
