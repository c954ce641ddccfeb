package store

import (
	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Decisions are written by the decision workflow (a later service); the
// nomination and catalogue guards only need to read them. There are a few
// hundred a year, so a scan is cheaper than an index to keep right.

// decisionsWhere returns the decisions for which keep is true, in ID order.
func decisionsWhere(tx *bolt.Tx, keep func(*khenthuong.Decision) bool) ([]khenthuong.Decision, error) {
	var ds []khenthuong.Decision
	err := tx.Bucket(bucketDecisions).ForEach(func(_, v []byte) error {
		var d khenthuong.Decision
		if err := decode(v, &d); err != nil {
			return err
		}
		if keep(&d) {
			ds = append(ds, d)
		}
		return nil
	})
	return ds, err
}

// decisionsOf returns the decisions that list nomination id.
func decisionsOf(tx *bolt.Tx, id uint64) ([]khenthuong.Decision, error) {
	return decisionsWhere(tx, func(d *khenthuong.Decision) bool {
		for _, r := range d.Recipients {
			if r.NominationID == id {
				return true
			}
		}
		return false
	})
}
