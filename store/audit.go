package store

import (
	"encoding/json"
	"slices"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Audit entity names, as written in AuditRecord.Entity.
const (
	entityCampaign   = "campaign"
	entityForm       = "form"
	entityNomination = "nomination"
	entitySettings   = "settings"
)

// Audit actions.
const (
	actionCreate = "create"
	actionUpdate = "update"
	actionDelete = "delete"
)

// audit appends an AuditRecord for one change, in the change's own
// transaction so the trail can never miss a committed write. before and after
// are the record's values (nil for none), or their JSON as a json.RawMessage.
func (db *DB) audit(tx *bolt.Tx, entity, key, action string, before, after any) error {
	rec := khenthuong.AuditRecord{
		At: db.now(), User: db.opts.User, Entity: entity, Key: key, Action: action,
	}
	for _, side := range []struct {
		v   any
		dst *json.RawMessage
	}{{before, &rec.Before}, {after, &rec.After}} {
		if side.v == nil {
			continue
		}
		if raw, ok := side.v.(json.RawMessage); ok { // already encoded by the caller
			*side.dst = raw
			continue
		}
		b, err := encode(side.v)
		if err != nil {
			return err
		}
		*side.dst = b
	}
	b := tx.Bucket(bucketAudit)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	rec.ID = id
	v, err := encode(&rec)
	if err != nil {
		return err
	}
	if err := b.Put(itob(id), v); err != nil {
		return err
	}
	return tx.Bucket(bucketAuditIdx).Put(auditKey(entity, key, id), nil)
}

// Audit returns the history of one record (entity "campaign", "form",
// "nomination", "settings"; key its ID or code), oldest first. An empty key
// gives the history of every record of the entity; an empty entity gives all.
func (db *DB) Audit(entity, key string) ([]khenthuong.AuditRecord, error) {
	var recs []khenthuong.AuditRecord
	err := db.view("audit", func(tx *bolt.Tx) error {
		records := tx.Bucket(bucketAudit)
		add := func(v []byte) error {
			var r khenthuong.AuditRecord
			if err := decode(v, &r); err != nil {
				return err
			}
			recs = append(recs, r)
			return nil
		}
		if entity == "" {
			return records.ForEach(func(_, v []byte) error { return add(v) })
		}
		prefix := auditPrefix(entity, key)
		if key == "" {
			prefix = prefix[:len(prefix)-1] // entity "\x00": every key
		}
		var ids []uint64
		c := tx.Bucket(bucketAuditIdx).Cursor()
		for k, _ := c.Seek(prefix); hasPrefixKey(k, prefix); k, _ = c.Next() {
			ids = append(ids, btoi(k[len(k)-8:]))
		}
		if key == "" {
			// Keys of different records interleave in time: restore the order of writing.
			slices.Sort(ids)
		}
		for _, id := range ids {
			if v := records.Get(itob(id)); v != nil {
				if err := add(v); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return recs, err
}
