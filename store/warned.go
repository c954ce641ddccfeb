package store

import (
	"bytes"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// Đề nghị's "Chỉ đề nghị có cảnh báo" (NominationQuery.WithWarnings) keeps
// the rows of a page query that have review warnings. Which ones have is
// the campaign's Warnings, computed here a part at a time so that memory
// follows the part, not the campaign: the campaign's nominations in folded
// name order, cut between names into parts of warnedPart, each computed as
// WarningsOf computes the rows on screen (a nomination and those that can
// warn it share a name or a nominee, so a part holds most of its own
// relations). Only the IDs are kept, 8 bytes a warned row, until the next
// write to the file.

// warnedPart is the number of nominations of a part.
var warnedPart = 4096 // a variable for the tests

// warnedCache is the warned IDs of one campaign at one state of the file.
type warnedCache struct {
	mu         sync.Mutex
	campaignID uint64
	txid       int      // the last transaction committed when computed
	ids        []uint64 // sorted
}

// onlyWarned returns the hits (read only) that have warnings, in their order.
func (db *DB) onlyWarned(campaignID uint64, hits []hit) ([]hit, error) {
	warned, err := db.warnedIDs(campaignID)
	if err != nil {
		return nil, err
	}
	out := make([]hit, 0, min(len(hits), len(warned)))
	for _, h := range hits {
		if _, ok := slices.BinarySearch(warned, h.id); ok {
			out = append(out, h)
		}
	}
	return out, nil
}

// warnedIDs returns the sorted IDs of the campaign's nominations that have
// warnings: ENOTFOUND (campaign).
func (db *DB) warnedIDs(campaignID uint64) ([]uint64, error) {
	var txid int
	if err := db.view("warned", func(tx *bolt.Tx) error { txid = tx.ID(); return nil }); err != nil {
		return nil, err
	}
	c := &db.warned
	c.mu.Lock()
	defer c.mu.Unlock() // one computation at a time: the next query takes its result
	if c.ids != nil && c.campaignID == campaignID && c.txid == txid {
		return c.ids, nil
	}
	if _, err := db.Campaign(campaignID); err != nil {
		return nil, err
	}
	if err := db.buildSearch(); err != nil {
		return nil, err
	}
	ids := []uint64{}
	for _, part := range db.search.nameParts(campaignID, warnedPart) {
		ws, err := db.warnings(campaignID, part)
		if err != nil {
			return nil, err
		}
		for id, w := range ws {
			if len(w) > 0 && part[id] {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	c.campaignID, c.txid, c.ids = campaignID, txid, ids
	return ids, nil
}

// nameParts cuts the live nominations of a campaign, in folded name order,
// into parts of at least size, never between two of the same name.
func (s *searchIndex) nameParts(campaignID uint64, size int) []map[uint64]bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var own []int32
	for i := range s.entries {
		if e := &s.entries[i]; !e.dead && e.campaignID == campaignID {
			own = append(own, int32(i))
		}
	}
	slices.SortFunc(own, func(a, b int32) int {
		return bytes.Compare(s.nameOf(&s.entries[a]), s.nameOf(&s.entries[b]))
	})
	var parts []map[uint64]bool
	part := map[uint64]bool{}
	for j, i := range own {
		e := &s.entries[i]
		if len(part) >= size && !bytes.Equal(s.nameOf(e), s.nameOf(&s.entries[own[j-1]])) {
			parts = append(parts, part)
			part = map[uint64]bool{}
		}
		part[e.id] = true
	}
	if len(part) > 0 {
		parts = append(parts, part)
	}
	return parts
}
