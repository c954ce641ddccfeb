package store

import (
	"sync"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// awardCache holds the award of every nomination listed in an issued
// decision, by nomination ID, for the review warnings and the history, which
// look up thousands at a time. It is read from idx_nomination_decision (small
// binary values, no JSON) on first use and dropped by every commit that
// writes a decision's index entries: decisions are written a few times a
// day, so a rebuild (a few milliseconds) is cheaper than keeping a copy right.
type awardCache struct {
	mu  sync.Mutex
	gen uint64 // counts the drops, so a build that raced a commit is not kept
	m   map[uint64]khenthuong.Award
}

// awards returns the awards by nomination ID. The map is shared: read only.
func (db *DB) awards() (map[uint64]khenthuong.Award, error) {
	c := &db.awardsCache
	c.mu.Lock()
	m, gen := c.m, c.gen
	c.mu.Unlock()
	if m != nil {
		return m, nil
	}
	m = map[uint64]khenthuong.Award{}
	err := db.view("awards", func(tx *bolt.Tx) error {
		intern := map[string]string{}
		str := func(b []byte) string {
			s, ok := intern[string(b)] // no allocation for the lookup
			if !ok {
				s = string(b)
				intern[s] = s
			}
			return s
		}
		drop := dropper(tx)
		return tx.Bucket(bucketRecipientIdx).ForEach(func(k, v []byte) error {
			drop()
			var rv recipientValue
			if err := rv.unmarshal(v, str); err != nil {
				return err
			}
			if rv.Issued {
				rv.Award.NominationID = btoi(k)
				m[rv.Award.NominationID] = rv.Award
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen { // no decision committed since the build began
		c.m = m
	}
	c.mu.Unlock()
	return m, nil
}

// dropAwards empties the cache once tx commits.
func (db *DB) dropAwards(tx *bolt.Tx) {
	tx.OnCommit(func() {
		c := &db.awardsCache
		c.mu.Lock()
		c.gen++
		c.m = nil
		c.mu.Unlock()
	})
}

// AwardsOf returns the awards of those of nominationIDs an issued decision
// lists, by nomination ID: a look-up per ID in idx_nomination_decision, so
// an import's duplicate check can name the decisions without building the
// whole file's cache.
func (db *DB) AwardsOf(nominationIDs []uint64) (map[uint64]khenthuong.Award, error) {
	out := map[uint64]khenthuong.Award{}
	err := db.view("awards of", func(tx *bolt.Tx) error {
		for _, id := range nominationIDs {
			rv, err := recipientEntry(tx, id)
			if err != nil {
				return err
			}
			if rv != nil && rv.Issued {
				out[id] = rv.Award
			}
		}
		return nil
	})
	return out, err
}
