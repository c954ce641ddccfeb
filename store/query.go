package store

import (
	"bytes"
	"slices"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// The query-shaped reads: pages, counts and streams of nominations. The
// filter runs on the in-memory search index (IDs, list positions, kinds,
// forms, statuses, folded text); only the records a page shows, or a sort
// by text needs, are decoded.

var _ khenthuong.QueryService = (*DB)(nil)

// QueryNominations returns the page q.Page of the nominations matching
// q.Filter in q.Sort order, with the number matching in all: EINVALID.
func (db *DB) QueryNominations(q khenthuong.NominationQuery) (khenthuong.NominationPage, error) {
	if err := checkQuery(q); err != nil {
		return khenthuong.NominationPage{}, err
	}
	hits, err := db.sortedHits(q)
	if err != nil {
		return khenthuong.NominationPage{}, err
	}
	if q.WithWarnings {
		if hits, err = db.onlyWarned(q.Filter.CampaignID, hits); err != nil {
			return khenthuong.NominationPage{}, err
		}
	}
	page := slices.Clone(pageOf(hits, q.Page)) // the order may be kept: the records are the page's
	if err := db.loadMissing(page); err != nil {
		return khenthuong.NominationPage{}, err
	}
	// The index is in memory, so the count is exact whatever the limit; it is
	// reported bounded all the same, as the office server reports it.
	out := khenthuong.NominationPage{Nominations: make([]khenthuong.Nomination, 0, len(page))}
	out.Total, out.TotalAtLeast = q.Bounded(len(hits))
	for _, h := range page {
		if h.rec != nil {
			out.Nominations = append(out.Nominations, *h.rec)
		}
	}
	return out, nil
}

// checkQuery refuses an unknown sort and a negative page.
func checkQuery(q khenthuong.NominationQuery) error {
	if !q.Sort.Valid() {
		return khenthuong.FieldErrorf("sort", "Không sắp xếp được theo “%s”", q.Sort)
	}
	if q.WithWarnings && q.Filter.CampaignID == 0 {
		return khenthuong.FieldErrorf("campaign", "Hãy chọn một đợt để xem các đề nghị có cảnh báo")
	}
	if q.CountLimit < 0 {
		return khenthuong.FieldErrorf("count_limit", "Giới hạn đếm không hợp lệ (%d)", q.CountLimit)
	}
	return checkPage(q.Page)
}

func checkPage(p khenthuong.Page) error {
	if p.Offset < 0 || p.Limit < 0 {
		return khenthuong.FieldErrorf("page", "Trang không hợp lệ (từ %d, %d dòng)", p.Offset, p.Limit)
	}
	return nil
}

// pageOf is the window p of s (Limit 0: everything from Offset).
func pageOf[T any](s []T, p khenthuong.Page) []T {
	if p.Offset >= len(s) {
		return nil
	}
	s = s[p.Offset:]
	if p.Limit > 0 && p.Limit < len(s) {
		s = s[:p.Limit]
	}
	return s
}

// sortedHits returns the hits of q's filter in q's order. A sort by a
// record's field reads every match once: the order is kept (sort_cache.go)
// so that the next pages of the same query, as the clerk scrolls, cost a page.
func (db *DB) sortedHits(q khenthuong.NominationQuery) ([]hit, error) {
	keyed := q.Sort != khenthuong.SortByList
	gen := db.search.generation()
	if keyed {
		if hits := db.search.sortedOrder(q, gen); hits != nil {
			return hits, nil
		}
	}
	hits, err := db.searchHits(q.Filter)
	if err != nil {
		return nil, err
	}
	if err := db.sortHits(hits, q.Sort, q.Descending); err != nil {
		return nil, err
	}
	if keyed {
		db.search.keepSorted(q, gen, hits)
	}
	return hits, nil
}

// loadMissing decodes the records of the hits that have none yet, for this
// query only: kept, they would grow with the pages the clerk scrolls through.
func (db *DB) loadMissing(hits []hit) error {
	var missing []int
	for i, h := range hits {
		if h.rec == nil {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if err := db.loadHits(hits, missing, false); err != nil {
		return err
	}
	read := make([]*khenthuong.Nomination, len(missing))
	for j, i := range missing {
		read[j] = hits[i].rec
	}
	db.search.noteBirths(birthsOf(read)) // the warnings of the page then match these rows without reading them
	return nil
}

// sortHits puts hits (in list order) in the order of sort. Ties keep list
// order; descending reverses the sort key, not the ties (list order itself
// reversed for SortByList).
func (db *DB) sortHits(hits []hit, sort khenthuong.NominationSort, desc bool) error {
	if sort == khenthuong.SortByList {
		if desc {
			slices.Reverse(hits)
		}
		return nil
	}
	keys := make([][]byte, len(hits))
	if sort == khenthuong.SortByStatus || sort == khenthuong.SortByKind {
		// The status and the kind are in the index: no record is decoded.
		for i, n := range db.search.stubs(hits) {
			keys[i] = sort.Key(&n)
		}
	} else {
		var missing []int
		for i := range hits {
			if n := hits[i].rec; n != nil {
				keys[i] = sort.Key(n)
			} else {
				missing = append(missing, i)
			}
		}
		if err := db.recordKeys(hits, missing, sort, keys); err != nil {
			return err
		}
	}
	idx := make([]int, len(hits))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		c := bytes.Compare(keys[a], keys[b])
		if desc {
			c = -c
		}
		if c != 0 {
			return c
		}
		return compareHits(hits[a], hits[b])
	})
	sorted := make([]hit, len(hits))
	for i, j := range idx {
		sorted[i] = hits[j]
	}
	copy(hits, sorted)
	return nil
}

// CountNominations counts the nominations matching f from the search index,
// without decoding any.
func (db *DB) CountNominations(f khenthuong.NominationFilter) (khenthuong.NominationCounts, error) {
	if err := db.buildSearch(); err != nil {
		return khenthuong.NominationCounts{}, err
	}
	return db.search.count(f), nil
}

// EachNomination streams the nominations matching f in campaign, then list
// order, decoding one at a time in one read transaction: memory does not
// grow with the file. Without a query no index is built: the campaign index
// gives the order and each record is checked against f.
func (db *DB) EachNomination(f khenthuong.NominationFilter, fn func(*khenthuong.Nomination) error) error {
	var stop error
	call := func(n *khenthuong.Nomination) error {
		if !matches(n, f) {
			return nil // changed since the index was read, or not of the filter
		}
		if err := fn(n); err != nil {
			stop = err
			return errStop
		}
		return nil
	}
	var err error
	if len(queryWords(f.Query)) == 0 {
		err = db.view("each nomination", func(tx *bolt.Tx) error { return quiet(eachInListOrder(tx, f.CampaignID, call)) })
	} else {
		var hits []hit
		if hits, err = db.searchHits(f); err != nil {
			return err
		}
		err = db.view("each nomination", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketNominations)
			drop := dropper(tx)
			for _, h := range hits {
				drop()
				v := b.Get(itob(h.id))
				if v == nil {
					continue // deleted since the index was read
				}
				n := new(khenthuong.Nomination)
				if err := decode(v, n); err != nil {
					return err
				}
				if err := call(n); err != nil {
					return quiet(err)
				}
			}
			return nil
		})
	}
	if stop != nil {
		return stop
	}
	return err
}

// quiet is nil for errStop, the end of a scan its callback asked for.
func quiet(err error) error {
	if err == errStop {
		return nil
	}
	return err
}

// eachInListOrder calls fn with the nominations of a campaign (every
// campaign for 0) in campaign, then list order, read through idx_campaign_nominations.
func eachInListOrder(tx *bolt.Tx, campaignID uint64, fn func(*khenthuong.Nomination) error) error {
	b := tx.Bucket(bucketNominations)
	c := tx.Bucket(bucketCampaignIdx).Cursor()
	var prefix []byte
	k, _ := c.First()
	if campaignID != 0 {
		prefix = itob(campaignID)
		k, _ = c.Seek(prefix)
	}
	drop := dropper(tx)
	for ; k != nil && (prefix == nil || hasPrefixKey(k, prefix)); k, _ = c.Next() {
		drop()
		if len(k) != 24 {
			continue // Check reports it
		}
		v := b.Get(k[16:])
		if v == nil {
			continue // Check reports it
		}
		n := new(khenthuong.Nomination)
		if err := decode(v, n); err != nil {
			return err
		}
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

// matches checks the fields of f other than the query on a decoded record.
func matches(n *khenthuong.Nomination, f khenthuong.NominationFilter) bool {
	return (f.CampaignID == 0 || n.CampaignID == f.CampaignID) &&
		(f.Kind == "" || n.Nominee.Kind == f.Kind) &&
		(f.FormCode == "" || n.FormCode == normalizeCode(f.FormCode)) &&
		(f.Status == "" || n.Status == f.Status) &&
		(f.NomineeID == 0 || n.NomineeID == f.NomineeID)
}

// NominationsByName returns the nominations whose folded name is one of
// foldedNames, by a prefix seek per name in idx_search: no index is built
// and nothing else is decoded. Each nomination comes once, by ID.
func (db *DB) NominationsByName(foldedNames []string) ([]khenthuong.Nomination, error) {
	var out []khenthuong.Nomination
	err := db.view("nominations by name", func(tx *bolt.Tx) error {
		var ids []uint64
		c := tx.Bucket(bucketSearchIdx).Cursor()
		names := slices.Clone(foldedNames)
		slices.Sort(names)
		names = slices.Compact(names)
		drop := dropOften(tx, dropEvery/4) // an import's look-up reads all over the file
		for _, name := range names {
			drop()
			if name == "" {
				continue
			}
			prefix := append([]byte(name), 0)
			for k, _ := c.Seek(prefix); hasPrefixKey(k, prefix); k, _ = c.Next() {
				if len(k) == len(prefix)+8 {
					ids = append(ids, btoi(k[len(prefix):]))
				}
			}
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		out = make([]khenthuong.Nomination, 0, len(ids))
		for _, id := range ids {
			drop()
			n, err := getNomination(tx, id)
			if khenthuong.ErrorCode(err) == khenthuong.ENOTFOUND {
				continue // Check reports an index entry without its record
			}
			if err != nil {
				return err
			}
			out = append(out, *n)
		}
		return nil
	})
	return out, err
}

// count is CountNominations on the index.
func (s *searchIndex) count(f khenthuong.NominationFilter) khenthuong.NominationCounts {
	out := khenthuong.NominationCounts{ByStatus: map[khenthuong.Status]int{}, ByKind: map[khenthuong.Kind]int{}, ByForm: map[string]int{}}
	add := func(e *indexEntry) {
		out.Total++
		out.ByStatus[e.status]++
		out.ByKind[e.kind]++
		out.ByForm[e.form]++
	}
	hits := s.find(f)
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, h := range hits {
		if i, ok := s.byID[h.id]; ok {
			add(&s.entries[i])
		}
	}
	return out
}

// stubs returns, for each hit, a nomination holding only what the index
// keeps of it: the status and the nominee's kind.
func (s *searchIndex) stubs(hits []hit) []khenthuong.Nomination {
	out := make([]khenthuong.Nomination, len(hits))
	s.mu.RLock()
	defer s.mu.RUnlock()
	for i, h := range hits {
		if j, ok := s.byID[h.id]; ok {
			out[i].Status, out[i].Nominee.Kind = s.entries[j].status, s.entries[j].kind
		}
	}
	return out
}
