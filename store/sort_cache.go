package store

import (
	"slices"
	"sync"

	"khenthuong"
)

// keptOrder keeps the order of the last sorted query. The window asks for
// a page of 300 rows at a time in the same order as the clerk scrolls: the
// campaign is sorted (and, for a text sort, read) once, then each page is a
// slice of this order. It holds hits (IDs and list positions, 32 bytes a
// row), never the sort keys or the records, and any write makes it stale.
type keptOrder struct {
	mu     sync.Mutex
	filter khenthuong.NominationFilter
	sort   khenthuong.NominationSort
	desc   bool
	gen    uint64
	hits   []hit // read-only once stored
}

// generation is the count of changes of the index.
func (s *searchIndex) generation() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// sortedOrder returns the stored order of the query at generation gen, or nil.
func (s *searchIndex) sortedOrder(q khenthuong.NominationQuery, gen uint64) []hit {
	c := &s.sorted
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hits == nil || c.gen != gen || c.filter != q.Filter || c.sort != q.Sort || c.desc != q.Descending {
		return nil
	}
	return c.hits
}

// keepSorted stores the order of the query found at generation gen, without
// the records a hit may point to (they would keep records alive).
func (s *searchIndex) keepSorted(q khenthuong.NominationQuery, gen uint64, hits []hit) {
	hits = slices.Clone(hits)
	for i := range hits {
		hits[i].rec = nil
	}
	c := &s.sorted
	c.mu.Lock()
	defer c.mu.Unlock()
	c.filter, c.sort, c.desc, c.gen, c.hits = q.Filter, q.Sort, q.Descending, gen, hits
}
