package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Schema 2: a decision's recipients leave its record for decision_recipients,
// and the audit keeps field changes instead of whole copies. A file after
// years shrinks by most of its audit (Compact gives the space back to the
// disk). One transaction, like every migration: it is all done or not at
// all; it holds the converted records in memory until it commits, which the
// audit's new size (a tenth of the old) keeps to a few hundred megabytes at
// the most.

func init() {
	migrations = append(migrations, migration{name: "decision recipients apart, audit field changes", run: migrateSchema2})
}

func migrateSchema2(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketRecipients); err != nil {
		return err
	}
	if err := splitDecisions(tx); err != nil {
		return err
	}
	return auditChangesOnly(tx)
}

// splitDecisions moves every decision's recipients into decision_recipients,
// each with its nomination's proposing unit.
func splitDecisions(tx *bolt.Tx) error {
	b := tx.Bucket(bucketDecisions)
	var ids []uint64
	if err := b.ForEach(func(k, _ []byte) error {
		ids = append(ids, btoi(k))
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		var d khenthuong.Decision
		if err := decode(b.Get(itob(id)), &d); err != nil {
			return fmt.Errorf("decision %d: %w", id, err)
		}
		for i := range d.Recipients {
			r := &d.Recipients[i]
			if n, err := getNomination(tx, r.NominationID); err == nil {
				r.ProposingUnit = n.ProposingUnit
			}
		}
		if _, err := putDecision(tx, &d); err != nil {
			return err
		}
	}
	return nil
}

// auditBatch is how many audit records are rewritten per cursor pass: bbolt
// cursors must be repositioned after the bucket changes.
const auditBatch = 10000

// auditChangesOnly rewrites every audit record that keeps whole copies
// (Before, After) as the record audit writes today.
func auditChangesOnly(tx *bolt.Tx) error {
	b := tx.Bucket(bucketAudit)
	type rewrite struct {
		k, v []byte
	}
	var from []byte
	for {
		var batch []rewrite
		c := b.Cursor()
		k, v := c.First()
		if from != nil {
			k, v = c.Seek(from)
		}
		for ; k != nil && len(batch) < auditBatch; k, v = c.Next() {
			var r khenthuong.AuditRecord
			if err := decode(v, &r); err != nil {
				return fmt.Errorf("audit %d: %w", btoi(k), err)
			}
			if r.Before == nil && r.After == nil {
				continue
			}
			if err := toChanges(&r); err != nil {
				return fmt.Errorf("audit %d: %w", btoi(k), err)
			}
			nv, err := encode(&r)
			if err != nil {
				return err
			}
			batch = append(batch, rewrite{append([]byte(nil), k...), nv})
		}
		for _, w := range batch {
			if err := b.Put(w.k, w.v); err != nil {
				return err
			}
		}
		if k == nil {
			return nil
		}
		from = append([]byte(nil), k...)
	}
}

// toChanges turns an old record's Before and After into Changes, as audit
// would have written them; a decision's copies are first reduced to what
// its audit sees (decisionView), so its recipients are not diffed one by one.
func toChanges(r *khenthuong.AuditRecord) error {
	before, after := r.Before, r.After
	r.Before, r.After = nil, nil
	if r.Entity == entityDecision {
		var err error
		if before, err = viewOfDecision(before); err != nil {
			return err
		}
		if after, err = viewOfDecision(after); err != nil {
			return err
		}
	}
	switch {
	case before == nil:
		r.Changes = nil
	case after == nil:
		r.Changes = []khenthuong.FieldChange{{Old: before}}
	default:
		var err error
		r.Changes, err = khenthuong.FieldChanges(before, after)
		return err
	}
	return nil
}

func viewOfDecision(raw json.RawMessage) (json.RawMessage, error) {
	if raw == nil {
		return nil, nil
	}
	var d khenthuong.Decision
	if err := decode(raw, &d); err != nil {
		return nil, err
	}
	return encode(decisionView(&d))
}
