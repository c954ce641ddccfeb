package store

import (
	"bytes"
	"cmp"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// What the checker keeps of every record to check the indexes both ways is
// kept compact, in the order the buckets give it, and looked up by binary
// search: at 300,000 nominations the maps of structs and strings it used to
// keep took more than the limit of a whole-data command (200 MB) together
// with the mapped pages.

// idSet is the IDs of a bucket in ascending order (the bucket's own).
type idSet []uint64

func (s idSet) has(id uint64) bool {
	_, ok := slices.BinarySearch(s, id)
	return ok
}

// checkedNomination is what the reverse index checks compare against.
type checkedNomination struct {
	id, campaignID, nomineeID uint64
	order                     int
	nameEnd                   int // end of its folded name in nominationSet.names
}

// nominationSet is every nomination in ID order with its folded name; the
// names follow one another in one slice.
type nominationSet struct {
	rows  []checkedNomination
	names []byte
}

// add appends a nomination; IDs come in ascending order.
func (s *nominationSet) add(id, campaignID, nomineeID uint64, order int, foldedName string) {
	s.names = append(s.names, foldedName...)
	s.rows = append(s.rows, checkedNomination{id: id, campaignID: campaignID, nomineeID: nomineeID, order: order, nameEnd: len(s.names)})
}

// find returns nomination id's place, or -1.
func (s *nominationSet) find(id uint64) int {
	i, ok := slices.BinarySearchFunc(s.rows, id, func(n checkedNomination, id uint64) int { return cmp.Compare(n.id, id) })
	if !ok {
		return -1
	}
	return i
}

func (s *nominationSet) has(id uint64) bool { return s.find(id) >= 0 }

// name is the folded name of the nomination at place i.
func (s *nominationSet) name(i int) []byte {
	start := 0
	if i > 0 {
		start = s.rows[i-1].nameEnd
	}
	return s.names[start:s.rows[i].nameEnd]
}

// listing is one recipient line: a nomination listed by a decision.
type listing struct{ nomination, decision uint64 }

// byNomination sorts listings by nomination, keeping the decisions' order
// among the lines of one nomination (the order they were read in).
func byNomination(ls []listing) {
	slices.SortStableFunc(ls, func(a, b listing) int { return cmp.Compare(a.nomination, b.nomination) })
}

// givenNumbers is every registry number given, with its decision, the
// numbers' text one after another in one slice.
type givenNumbers struct {
	rows []givenNumber
	text []byte
}

type givenNumber struct {
	decision   uint64
	start, end int
}

func (r *givenNumbers) add(no string, decision uint64) {
	start := len(r.text)
	r.text = append(r.text, no...)
	r.rows = append(r.rows, givenNumber{decision: decision, start: start, end: len(r.text)})
}

// repeated calls fn for each number given again, with the decision that
// gave it before, in the order of the numbers.
func (r *givenNumbers) repeated(fn func(no string, before, again uint64)) {
	no := func(x givenNumber) []byte { return r.text[x.start:x.end] }
	slices.SortStableFunc(r.rows, func(a, b givenNumber) int { return bytes.Compare(no(a), no(b)) })
	for i := 1; i < len(r.rows); i++ {
		if prev, cur := r.rows[i-1], r.rows[i]; bytes.Equal(no(prev), no(cur)) {
			fn(string(no(cur)), prev.decision, cur.decision)
		}
	}
}

// each walks bucket b like ForEach, giving back the mapped pages it read
// as it goes (dropper): a walk of the audit or of the recipients otherwise
// keeps hundreds of megabytes of the file in the process's resident set.
func (c *checker) each(b *bolt.Bucket, fn func(k, v []byte)) {
	drop := dropper(c.tx)
	_ = b.ForEach(func(k, v []byte) error {
		drop()
		fn(k, v)
		return nil
	})
}
