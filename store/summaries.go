package store

import (
	"cmp"
	"slices"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// DecisionSummaries returns the decisions of a campaign (every campaign for
// 0) without their recipients, newest first as Decisions: ENOTFOUND (campaign).
func (db *DB) DecisionSummaries(campaignID uint64) ([]khenthuong.DecisionSummary, error) {
	var out []khenthuong.DecisionSummary
	err := db.view("decision summaries", func(tx *bolt.Tx) error {
		ids, err := campaignDecisionIDs(tx, campaignID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			s, err := getSummary(tx, id)
			if err != nil {
				return err
			}
			out = append(out, *s)
		}
		return nil
	})
	sortNewestFirst(out, func(s *khenthuong.DecisionSummary) *khenthuong.Decision { return &s.Decision })
	return out, err
}

// DecisionSummary returns one decision without its recipients: ENOTFOUND.
func (db *DB) DecisionSummary(id uint64) (*khenthuong.DecisionSummary, error) {
	var s *khenthuong.DecisionSummary
	err := db.view("decision summary", func(tx *bolt.Tx) error {
		var err error
		s, err = getSummary(tx, id)
		return err
	})
	return s, err
}

// Recipients returns the page p of a decision's recipients in list order: ENOTFOUND, EINVALID (page).
func (db *DB) Recipients(decisionID uint64, p khenthuong.Page) ([]khenthuong.Recipient, error) {
	if err := checkPage(p); err != nil {
		return nil, err
	}
	var out []khenthuong.Recipient
	err := db.view("recipients", func(tx *bolt.Tx) error {
		return eachRecipient(tx, decisionID, p, func(r *khenthuong.Recipient) error {
			out = append(out, *r)
			return nil
		})
	})
	if out == nil && err == nil {
		out = []khenthuong.Recipient{}
	}
	return out, err
}

// EachRecipient streams a decision's recipients in list order: ENOTFOUND.
func (db *DB) EachRecipient(decisionID uint64, fn func(*khenthuong.Recipient) error) error {
	var stop error
	err := db.view("each recipient", func(tx *bolt.Tx) error {
		return eachRecipient(tx, decisionID, khenthuong.Page{}, func(r *khenthuong.Recipient) error {
			if err := fn(r); err != nil {
				stop = err
				return errStop
			}
			return nil
		})
	})
	if stop != nil {
		return stop
	}
	return err
}

// errStop ends a scan early without being an error of the scan.
var errStop = stopError{}

type stopError struct{}

func (stopError) Error() string { return "stop" }

// campaignDecisionIDs lists the decisions of a campaign (every decision for 0) in ID order: ENOTFOUND (campaign).
func campaignDecisionIDs(tx *bolt.Tx, campaignID uint64) ([]uint64, error) {
	var ids []uint64
	if campaignID == 0 {
		c := tx.Bucket(bucketDecisions).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			ids = append(ids, btoi(k))
		}
		return ids, nil
	}
	if _, err := getCampaign(tx, campaignID); err != nil {
		return nil, err
	}
	prefix := itob(campaignID)
	c := tx.Bucket(bucketCampaignDecisionIdx).Cursor()
	for k, _ := c.Seek(prefix); hasPrefixKey(k, prefix); k, _ = c.Next() {
		ids = append(ids, btoi(k[8:]))
	}
	return ids, nil
}

// sortNewestFirst orders decisions as Decisions does: by decision date, then the latest created.
func sortNewestFirst[T any](s []T, dec func(*T) *khenthuong.Decision) {
	slices.SortStableFunc(s, func(a, b T) int {
		da, db := dec(&a), dec(&b)
		if x, y := dateKey(da.Date), dateKey(db.Date); x != y {
			return cmp.Compare(y, x)
		}
		return cmp.Compare(db.ID, da.ID)
	})
}
