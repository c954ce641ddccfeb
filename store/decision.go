package store

import (
	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// decisionsWhere and decisionsOf serve the nomination and catalogue guards;
// the decision workflow itself is in decisions.go. A campaign or form is
// deleted rarely, so those guards scan; a nomination's decision is found
// through idx_nomination_decision.

// decisionsWhere returns the decisions for which keep is true, in ID order,
// without their recipients.
func decisionsWhere(tx *bolt.Tx, keep func(*khenthuong.Decision) bool) ([]khenthuong.Decision, error) {
	var ds []khenthuong.Decision
	err := tx.Bucket(bucketDecisions).ForEach(func(_, v []byte) error {
		var s khenthuong.DecisionSummary
		if err := decode(v, &s); err != nil {
			return err
		}
		s.Recipients = nil
		if keep(&s.Decision) {
			ds = append(ds, s.Decision)
		}
		return nil
	})
	return ds, err
}

// decisionsOf returns the decisions that list nomination id (at most one),
// without their recipients.
func decisionsOf(tx *bolt.Tx, id uint64) ([]khenthuong.Decision, error) {
	rv, err := recipientEntry(tx, id)
	if err != nil || rv == nil {
		return nil, err
	}
	s, err := getSummary(tx, rv.DecisionID)
	if err != nil {
		return nil, err
	}
	return []khenthuong.Decision{s.Decision}, nil
}
