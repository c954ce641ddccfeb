package store

import (
	"bytes"
	"hash/maphash"
	"slices"

	"khenthuong"
)

// relations lists the search index's entries by folded name, by nominee
// and by campaign, so that the review warnings of a window of rows find
// the nominations related to them (those that share a name or a nominee)
// without a pass over every entry of the file: 12 ms of each window's
// 28 ms at 100,000 nominations. Each list is sorted once (8 bytes an
// entry, less than a map's), built on first use; the entries writes append
// go to a short unsorted tail, and a long tail drops the lists to be sorted
// again. They are dropped with the entries they point to (load: a rebuild
// or a compaction). Dead entries stay listed and are skipped, as in entries.
type relations struct {
	names     keyedList // by hash of the folded name: two names may share one, compare
	nominees  keyedList
	campaigns keyedList
}

// relationsTail is the most entries appended since the lists were sorted.
const relationsTail = 1024

// keyedList lists entries by a key: each item is the key's low 32 bits
// above the entry's number, so that a list sorts as plain numbers (a
// fraction of the time of a sort by a comparison function).
type keyedList struct {
	sorted, tail []uint64
	// is tells an entry listed under key from one whose key shares its low
	// bits; nil: the caller compares (names).
	is func(e *indexEntry, key uint64) bool
}

func keyItem(key uint64, i int32) uint64 { return key<<32 | uint64(uint32(i)) }

func (l *keyedList) add(key uint64, i int32) { l.tail = append(l.tail, keyItem(key, i)) }

// each calls fn with the entries listed under key (mu held).
func (l *keyedList) each(s *searchIndex, key uint64, fn func(i int32)) {
	low := key & (1<<32 - 1)
	give := func(item uint64) {
		i := int32(uint32(item))
		if l.is == nil || l.is(&s.entries[i], key) {
			fn(i)
		}
	}
	j, _ := slices.BinarySearch(l.sorted, low<<32)
	for ; j < len(l.sorted) && l.sorted[j]>>32 == low; j++ {
		give(l.sorted[j])
	}
	for _, item := range l.tail {
		if item>>32 == low {
			give(item)
		}
	}
}

var nameSeed = maphash.MakeSeed()

func nameHash(name []byte) uint64 { return maphash.Bytes(nameSeed, name) }

func newRelations() *relations {
	return &relations{
		nominees:  keyedList{is: func(e *indexEntry, key uint64) bool { return e.nomineeID == key }},
		campaigns: keyedList{is: func(e *indexEntry, key uint64) bool { return e.campaignID == key }},
	}
}

// list puts entry i in the tails (mu held).
func (r *relations) list(s *searchIndex, i int32) {
	e := &s.entries[i]
	r.names.add(nameHash(s.nameOf(e)), i)
	if e.nomineeID != 0 {
		r.nominees.add(e.nomineeID, i)
	}
	r.campaigns.add(e.campaignID, i)
}

// buildRelations lists every entry, sorted (mu held).
func (s *searchIndex) buildRelations() *relations {
	r := newRelations()
	lists := []*keyedList{&r.names, &r.nominees, &r.campaigns}
	for _, l := range lists {
		l.tail = make([]uint64, 0, len(s.entries))
	}
	for i := range s.entries {
		r.list(s, int32(i))
	}
	for _, l := range lists {
		l.sorted, l.tail = l.tail, nil
		slices.Sort(l.sorted)
	}
	return r
}

// add lists entry i, appended by a write, in the tails; false when they are
// too long (mu held).
func (r *relations) add(s *searchIndex, i int32) bool {
	if len(r.campaigns.tail) >= relationsTail {
		return false
	}
	r.list(s, i)
	return true
}

// rlockRelations read-locks the index with its relations built.
func (s *searchIndex) rlockRelations() {
	for {
		s.mu.RLock()
		if s.rel != nil {
			return
		}
		s.mu.RUnlock()
		s.mu.Lock()
		if s.rel == nil {
			s.rel = s.buildRelations()
		}
		s.mu.Unlock()
	}
}

// birthUnknown marks an entry whose record has not been read since the
// index was loaded: idx_search does not hold the birth year.
const birthUnknown = -1 << 31

// birthOf is the birth year of entry e, or birthUnknown.
func birthOf(e *indexEntry) int {
	switch {
	case e.rec != nil:
		return e.rec.Nominee.Birth.Year
	case e.birthKnown:
		return int(e.birth)
	}
	return birthUnknown
}

// idYear is a nomination's birth year as a read told it.
type idYear struct {
	id   uint64
	year int
}

// noteBirths keeps the birth years of records just read, for entries that
// do not know theirs (one a write appended knows its own, newer one).
func (s *searchIndex) noteBirths(read []idYear) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range read {
		if i, ok := s.byID[r.id]; ok && !s.entries[i].birthKnown && s.entries[i].rec == nil {
			s.entries[i].birth, s.entries[i].birthKnown = int32(r.year), true
		}
	}
}

// birthsOf is the birth years of ns, for noteBirths.
func birthsOf(ns []*khenthuong.Nomination) []idYear {
	out := make([]idYear, 0, len(ns))
	for _, n := range ns {
		if n != nil {
			out = append(out, idYear{n.ID, n.Nominee.Birth.Year})
		}
	}
	return out
}

// unitOf is the folded unit of entry e (mu held).
func (s *searchIndex) unitOf(e *indexEntry) []byte {
	text := s.text[e.start:e.end]
	i := bytes.IndexByte(text, fieldSep)
	if i < 0 {
		return nil
	}
	text = text[i+1:]
	if j := bytes.IndexByte(text, fieldSep); j >= 0 {
		return text[:j]
	}
	return text
}

// mayMatchByName reports whether entry o may be the same nominee as one of
// rows by its folded name, as khenthuong.SameNominee tells it apart: the
// same name and kind and, for people, the same birth year or unit. An
// unknown birth year may match; the pairs marked distinct are left to
// ReviewWarnings (mu held).
func (s *searchIndex) mayMatchByName(o *indexEntry, rows []int32) bool {
	name := s.nameOf(o)
	for _, i := range rows {
		n := &s.entries[i]
		if n.kind != o.kind || !bytes.Equal(s.nameOf(n), name) {
			continue
		}
		if n.kind != khenthuong.Individual {
			return true
		}
		if unit := s.unitOf(n); len(unit) > 0 && bytes.Equal(unit, s.unitOf(o)) {
			return true
		}
		nb, ob := birthOf(n), birthOf(o)
		if nb == birthUnknown || ob == birthUnknown || nb != 0 && nb == ob {
			return true
		}
	}
	return false
}

// relatedOf returns the entries, ascending, that share a folded name or a
// nominee with one of rows (entries of the index, mu held through
// rlockRelations) and may warn them: not a row, not dead, and keep says so.
func (s *searchIndex) relatedOf(rows []int32, isRow func(*indexEntry) bool, keep func(*indexEntry) bool) []int32 {
	byName := map[uint64][]int32{}
	for _, i := range rows {
		h := nameHash(s.nameOf(&s.entries[i]))
		byName[h] = append(byName[h], i)
	}
	var out []int32
	for h, rs := range byName {
		s.rel.names.each(s, h, func(j int32) {
			// The map look-ups last: the awards map is the file's.
			if o := &s.entries[j]; !o.dead && s.mayMatchByName(o, rs) && !isRow(o) && keep(o) {
				out = append(out, j)
			}
		})
	}
	for _, i := range rows {
		if id := s.entries[i].nomineeID; id != 0 {
			s.rel.nominees.each(s, id, func(j int32) {
				if o := &s.entries[j]; !o.dead && !isRow(o) && keep(o) {
					out = append(out, j)
				}
			})
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
