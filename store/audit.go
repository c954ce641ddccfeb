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
// The record keeps what changed (khenthuong.AuditChanges): nothing for a
// creation, the whole old record for a deletion.
func (db *DB) audit(tx *bolt.Tx, entity, key, action string, before, after any) error {
	b, err := rawOf(before)
	if err != nil {
		return err
	}
	a, err := rawOf(after)
	if err != nil {
		return err
	}
	changes, err := khenthuong.AuditChanges(b, a)
	if err != nil {
		return err
	}
	return db.auditChanges(tx, entity, key, action, changes)
}

// rawOf is v's JSON: v itself when it is already encoded, nil for none.
func rawOf(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	if raw, ok := v.(json.RawMessage); ok {
		return raw, nil
	}
	return encode(v)
}

// auditChanges appends an AuditRecord with the given changes.
func (db *DB) auditChanges(tx *bolt.Tx, entity, key, action string, changes []khenthuong.FieldChange) error {
	rec := khenthuong.AuditRecord{
		At: db.now(), User: db.opts.User, Entity: entity, Key: key, Action: action, Changes: changes,
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
	db.changed(tx, khenthuong.Change{Entity: entity, Key: key, User: rec.User, At: rec.At})
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

// EachAudit streams the audit records matching f, oldest first. One
// record's trail is a prefix scan of idx_audit; anything else walks the
// audit bucket, whose keys are in the order of writing.
func (db *DB) EachAudit(f khenthuong.AuditFilter, fn func(*khenthuong.AuditRecord) error) error {
	var stop error
	keep := func(r *khenthuong.AuditRecord) bool {
		return (f.Since.IsZero() || !r.At.Before(f.Since)) &&
			(f.Until.IsZero() || !r.At.After(f.Until)) &&
			(f.User == "" || r.User == f.User) &&
			(f.Entity == "" || r.Entity == f.Entity) &&
			(f.Key == "" || r.Key == f.Key)
	}
	drop := func() {}
	visit := func(v []byte) error {
		drop()
		r := new(khenthuong.AuditRecord)
		if err := decode(v, r); err != nil {
			return err
		}
		if !keep(r) {
			return nil
		}
		if err := fn(r); err != nil {
			stop = err
			return errStop
		}
		return nil
	}
	err := db.view("each audit", func(tx *bolt.Tx) error {
		drop = dropper(tx)
		records := tx.Bucket(bucketAudit)
		var err error
		if f.Entity != "" && f.Key != "" {
			prefix := auditPrefix(f.Entity, f.Key)
			c := tx.Bucket(bucketAuditIdx).Cursor()
			for k, _ := c.Seek(prefix); err == nil && hasPrefixKey(k, prefix); k, _ = c.Next() {
				if v := records.Get(k[len(k)-8:]); v != nil {
					err = visit(v)
				}
			}
		} else {
			c := records.Cursor()
			for k, v := c.First(); err == nil && k != nil; k, v = c.Next() {
				err = visit(v)
			}
		}
		if err == errStop {
			return nil
		}
		return err
	})
	if stop != nil {
		return stop
	}
	return err
}
