package store

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Đề nghị's "Chỉ đề nghị có cảnh báo" (NominationQuery.WithWarnings) keeps
// the rows of a page query that have review warnings. Which ones have is
// the campaign's Warnings, found without computing most of it. The index
// alone tells: every nomination of a form approved beyond the campaign's
// quota is warned; a nomination sharing no nominee and no folded name with
// another of the campaign, or with an awarded one elsewhere, is not. The
// rest, the candidates, are computed a part at a time so that memory follows
// the part, not the campaign: in folded name order, cut between names into
// parts of warnedPart, each as WarningsOf computes the rows on screen (a
// nomination and those that can warn it share a name or a nominee, so a
// part holds most of its own relations). Only the IDs are kept, 8 bytes a
// warned row, until the next write to the file.

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
	camp, err := db.Campaign(campaignID)
	if err != nil {
		return nil, err
	}
	awards, err := db.awards()
	if err != nil {
		return nil, err
	}
	if err := db.buildSearch(); err != nil {
		return nil, err
	}
	ids, parts := db.search.warnedCandidates(camp, awards, warnedPart)
	if ids == nil {
		ids = []uint64{} // an empty set is kept too
	}
	// A campaign of a few parts has them computed side by side, one a
	// processor (each is a pass over the index and ReviewWarnings, on one
	// goroutine); a larger one a part at a time, so that memory holds one.
	workers := runtime.GOMAXPROCS(0)
	if len(parts) > workers {
		workers = 1
	}
	var mu sync.Mutex
	var firstErr error
	next := make(chan map[uint64]bool)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for part := range next {
				warned, err := db.warnedOf(campaignID, part)
				mu.Lock()
				firstErr = cmp.Or(firstErr, err)
				for id := range warned {
					if part[id] {
						ids = append(ids, id)
					}
				}
				mu.Unlock()
			}
		})
	}
	for _, part := range parts {
		next <- part
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	slices.Sort(ids)
	c.campaignID, c.txid, c.ids = campaignID, txid, ids
	return ids, nil
}

// warnedCandidates returns the campaign's nominations that the index tells
// are warned (over: of a form approved beyond the quota, every one of them)
// and, cut into parts of at least size in folded name order, never between
// two of a name, those that may be: they share a nominee, or a folded name
// with a birth year or unit that may match (relations.go), with another
// nomination of the campaign or an awarded one elsewhere.
func (s *searchIndex) warnedCandidates(c *khenthuong.Campaign, awards map[uint64]khenthuong.Award, size int) (over []uint64, parts []map[uint64]bool) {
	s.rlockRelations()
	defer s.mu.RUnlock()
	var own []int32
	approved := map[string]int{}
	s.rel.campaigns.each(s, c.ID, func(i int32) {
		if e := &s.entries[i]; !e.dead {
			own = append(own, i)
			if e.status == khenthuong.StatusApproved {
				approved[e.form]++
			}
		}
	})
	canWarn := func(o *indexEntry) bool {
		if o.dead {
			return false
		}
		if o.campaignID == c.ID {
			return true
		}
		_, awarded := awards[o.id]
		return awarded
	}
	related := func(i int32) bool {
		e := &s.entries[i]
		found := false
		s.rel.names.each(s, nameHash(s.nameOf(e)), func(j int32) {
			found = found || j != i && canWarn(&s.entries[j]) && s.mayMatchByName(&s.entries[j], []int32{i})
		})
		if !found && e.nomineeID != 0 {
			s.rel.nominees.each(s, e.nomineeID, func(j int32) {
				found = found || j != i && canWarn(&s.entries[j])
			})
		}
		return found
	}
	// ReviewWarnings' quota rule: every nomination of a form whose approvals exceed its quota.
	overQuota := func(form string) bool { q, ok := c.Quotas[form]; return ok && approved[form] > q }
	var maybe []int32
	for _, i := range own {
		e := &s.entries[i]
		switch {
		case overQuota(e.form):
			over = append(over, e.id)
		case related(i):
			maybe = append(maybe, i)
		}
	}
	slices.SortFunc(maybe, func(a, b int32) int {
		return bytes.Compare(s.nameOf(&s.entries[a]), s.nameOf(&s.entries[b]))
	})
	part := map[uint64]bool{}
	for j, i := range maybe {
		e := &s.entries[i]
		if len(part) >= size && !bytes.Equal(s.nameOf(e), s.nameOf(&s.entries[maybe[j-1]])) {
			parts = append(parts, part)
			part = map[uint64]bool{}
		}
		part[e.id] = true
	}
	if len(part) > 0 {
		parts = append(parts, part)
	}
	return over, parts
}
