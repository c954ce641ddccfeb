package store

import (
	"bytes"
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
	"khenthuong/vntext"
)

// searchIndex answers NominationFilter queries from memory. It holds each
// nomination's filter fields and folded name, unit and position, and a token
// table: every distinct word of that text with the entries containing it. A
// query word has no space, so it matches inside a single word of the text:
// the entries matching it are those listed under the tokens that contain it,
// and the token table (tens of thousands of short words) is scanned with
// bytes.Index in well under a millisecond. The query word with the fewest
// entries drives the search; the other words are checked on those entries'
// text only.
//
// The index is built on first use by one scan of idx_search and then kept
// current by the writes, after they commit. Changes append (an update marks
// the old entry dead); everything is rebuilt without the dead entries once
// they are the majority.
type searchIndex struct {
	mu      sync.RWMutex
	built   bool
	text    []byte       // per entry: name 0x00 unit 0x00 position 0x01
	entries []indexEntry // in text order
	byID    map[uint64]int
	dead    int

	tokenID   map[string]int32
	tokenText []byte    // every token followed by entrySep, in token number order
	tokenEnds []int32   // end of each token in tokenText
	postings  [][]int32 // token number -> ascending indexes of the entries containing it

	gen    uint64    // counts the changes: a sorted order of an older one is stale
	sorted keptOrder // the order of the last sorted query (sort_cache.go)

	rel *relations // entries by name, nominee and campaign (relations.go), nil until used
}

// indexEntry is one nomination in the search index.
type indexEntry struct {
	id, campaignID, nomineeID uint64
	order                     int
	kind                      khenthuong.Kind
	form                      string
	status                    khenthuong.Status
	start, end                int // the entry's span in text
	dead                      bool
	birthKnown                bool // birth holds the record's birth year (relations.go)
	birth                     int32

	// rec is the decoded nomination, once read (nil until then). Decoding JSON
	// is most of the cost of a listing, so each record is decoded once: writes
	// put the saved value here, Nominations fills the ones it reads. A rec is
	// never modified, only replaced, so it can be read without the lock.
	rec *khenthuong.Nomination
}

// hit is one result of find.
type hit struct {
	campaignID uint64
	order      int
	id         uint64
	rec        *khenthuong.Nomination
}

func compareHits(a, b hit) int {
	switch {
	case a.campaignID != b.campaignID:
		return cmp.Compare(a.campaignID, b.campaignID)
	case a.order != b.order:
		return cmp.Compare(a.order, b.order)
	}
	return cmp.Compare(a.id, b.id)
}

// listOrder orders entries as results are listed, so that the hits of a scan
// come out (almost) sorted and sorting them costs little.
func listOrder(a, b indexEntry) int {
	return compareHits(hit{a.campaignID, a.order, a.id, nil}, hit{b.campaignID, b.order, b.id, nil})
}

const (
	fieldSep = 0x00 // between the fields of an entry
	entrySep = 0x01 // after each entry: no query word contains either byte
)

// newEntry is an entry on its way into the index, with its folded text.
type newEntry struct {
	indexEntry
	name, unit, position string
}

// entryOf is the index entry of a stored nomination; it keeps a copy of n.
func entryOf(n *khenthuong.Nomination) newEntry {
	rec := *n
	return newEntry{
		indexEntry: indexEntry{rec: &rec,
			id: n.ID, campaignID: n.CampaignID, nomineeID: n.NomineeID, order: n.Order,
			kind: n.Nominee.Kind, form: n.FormCode, status: n.Status,
			birth: int32(n.Nominee.Birth.Year), birthKnown: true},
		name: vntext.Fold(n.Nominee.Name), unit: vntext.Fold(n.Nominee.Unit), position: vntext.Fold(n.Nominee.Position),
	}
}

// searchHits returns the nominations matching f, by campaign then list
// order, building the index first if needed.
func (db *DB) searchHits(f khenthuong.NominationFilter) ([]hit, error) {
	if db.opts.ReadOnly && !db.search.isBuilt() {
		return db.scanHits(f) // scan_hits.go
	}
	if err := db.buildSearch(); err != nil {
		return nil, err
	}
	return db.search.find(f), nil
}

// buildSearch loads the index from idx_search unless it is loaded. It holds
// writeMu so that no write commits between the scan and the moment later
// writes start updating the index. It runs once per window on 100,000
// entries, so it copies the text straight out of the file's pages and shares
// the few distinct kind, form and status strings.
// textPerEntry is a generous average of the folded name, unit and position
// of one nomination, in bytes.
const textPerEntry = 96

func (db *DB) buildSearch() error {
	db.search.mu.RLock()
	built := db.search.built
	db.search.mu.RUnlock()
	if built {
		return nil
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if db.search.isBuilt() {
		return nil
	}
	var entries []indexEntry
	var text []byte
	err := db.view("build search index", func(tx *bolt.Tx) error {
		intern := map[string]string{}
		str := func(b []byte) string {
			s, ok := intern[string(b)] // no allocation for the lookup
			if !ok {
				s = string(b)
				intern[s] = s
			}
			return s
		}
		bucket := tx.Bucket(bucketSearchIdx)
		// Sized once: growing 100,000 entries and their text by doubling
		// costs more in copying and garbage collection than reading them.
		n := bucket.Stats().KeyN
		entries = make([]indexEntry, 0, n)
		text = make([]byte, 0, n*textPerEntry)
		drop := dropper(tx)
		return bucket.ForEach(func(k, v []byte) error {
			drop()
			name, id, ok := splitSearchKeyBytes(k)
			nums, strs, ok2 := splitSearchValue(v)
			if !ok || !ok2 {
				return &recordError{what: "mục chỉ mục tìm kiếm", reason: reasonDecode, err: fmt.Errorf("idx_search entry %s: malformed", brief(k))}
			}
			e := indexEntry{id: id, campaignID: nums[0], nomineeID: nums[1], order: int(nums[2]),
				kind: khenthuong.Kind(str(strs[0])), form: str(strs[1]), status: khenthuong.Status(str(strs[2]))}
			e.start = len(text)
			text = append(text, name...)
			text = append(text, fieldSep)
			text = append(text, strs[3]...)
			text = append(text, fieldSep)
			text = append(text, strs[4]...)
			e.end = len(text)
			text = append(text, entrySep)
			entries = append(entries, e)
			return nil
		})
	})
	if err != nil {
		return err
	}
	db.search.mu.Lock()
	defer db.search.mu.Unlock()
	db.search.load(entries, text)
	db.search.built = true
	return nil
}

// load replaces the index with entries whose spans point into text (mu held):
// entries are put in list order, then the token table is made.
func (s *searchIndex) load(entries []indexEntry, text []byte) {
	slices.SortFunc(entries, listOrder)
	s.reset(0)
	s.gen++
	s.text, s.entries = text, entries
	s.byID = make(map[uint64]int, len(entries))
	for i := range entries {
		s.byID[entries[i].id] = i
		s.addTokens(int32(i), text[entries[i].start:entries[i].end])
	}
}

func (s *searchIndex) isBuilt() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.built
}

// release empties the index of a closed file.
func (s *searchIndex) release() {
	s.mu.Lock()
	s.reset(0)
	s.built = false
	s.gen++
	s.mu.Unlock()
	s.sorted.mu.Lock()
	s.sorted.hits = nil
	s.sorted.mu.Unlock()
}

func (s *searchIndex) reset(n int) {
	s.text = make([]byte, 0, n*64)
	s.entries = make([]indexEntry, 0, n)
	s.byID = make(map[uint64]int, n)
	s.dead = 0
	s.rel = nil
	s.tokenID = map[string]int32{}
	s.tokenText, s.tokenEnds, s.postings = nil, nil, nil
}

// append adds ne as the live entry for its ID (mu held).
func (s *searchIndex) append(ne newEntry) {
	if i, ok := s.byID[ne.id]; ok {
		s.entries[i].dead = true
		s.dead++
	}
	e := ne.indexEntry
	e.start = len(s.text)
	s.text = append(s.text, ne.name...)
	s.text = append(s.text, fieldSep)
	s.text = append(s.text, ne.unit...)
	s.text = append(s.text, fieldSep)
	s.text = append(s.text, ne.position...)
	e.end = len(s.text)
	s.text = append(s.text, entrySep)
	s.byID[e.id] = len(s.entries)
	s.entries = append(s.entries, e)
	if s.rel != nil && !s.rel.add(s, int32(len(s.entries)-1)) {
		s.rel = nil // sorted again when next used
	}
	s.addTokens(int32(len(s.entries)-1), s.text[e.start:e.end])
}

// addTokens lists entry idx under each word of its text (mu held). Words
// are separated by one space, fields by fieldSep.
func (s *searchIndex) addTokens(idx int32, text []byte) {
	for len(text) > 0 {
		n := 0
		for n < len(text) && text[n] != ' ' && text[n] != fieldSep {
			n++
		}
		tok := text[:n]
		text = text[min(n+1, len(text)):]
		if len(tok) == 0 {
			continue
		}
		t, ok := s.tokenID[string(tok)] // no allocation for the lookup
		if !ok {
			t = int32(len(s.postings))
			s.tokenID[string(tok)] = t
			s.tokenText = append(s.tokenText, tok...)
			s.tokenEnds = append(s.tokenEnds, int32(len(s.tokenText)))
			s.tokenText = append(s.tokenText, entrySep)
			s.postings = append(s.postings, nil)
		}
		// Entries are added in index order, so a repeated word of the same
		// entry is the last one listed.
		if p := s.postings[t]; len(p) == 0 || p[len(p)-1] != idx {
			s.postings[t] = append(p, idx)
		}
	}
}

// tokensContaining returns the tokens that contain w (mu read-held).
func (s *searchIndex) tokensContaining(w []byte) (tokens []int32, entries int) {
	for pos := 0; pos < len(s.tokenText); {
		j := bytes.Index(s.tokenText[pos:], w)
		if j < 0 {
			break
		}
		end := int32(pos + j + len(w))
		// The token holding the match: the first one ending at or after it.
		t, _ := slices.BinarySearch(s.tokenEnds, end)
		tokens = append(tokens, int32(t))
		entries += len(s.postings[t])
		pos = int(s.tokenEnds[t]) + 1 // one match per token
	}
	return tokens, entries
}

// put records committed creations and updates; before the index is built
// there is nothing to update (the build will read them from the file).
func (s *searchIndex) put(es ...newEntry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.built {
		return
	}
	s.gen++
	for _, e := range es {
		s.append(e)
	}
	s.compactIfSparse()
}

// remove records committed deletions.
func (s *searchIndex) remove(ids ...uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.built {
		return
	}
	s.gen++
	for _, id := range ids {
		if i, ok := s.byID[id]; ok {
			s.entries[i].dead = true
			s.dead++
			delete(s.byID, id)
		}
	}
	s.compactIfSparse()
}

// compactIfSparse rewrites the index without its dead entries once they are
// the majority, so repeated edits cannot grow it without bound.
func (s *searchIndex) compactIfSparse() {
	if s.dead < 1024 || s.dead*2 < len(s.entries) {
		return
	}
	old, oldText := s.entries, s.text
	live := make([]indexEntry, 0, len(old)-s.dead)
	for _, e := range old {
		if !e.dead {
			live = append(live, e)
		}
	}
	text := make([]byte, 0, len(oldText))
	for i := range live {
		span := oldText[live[i].start:live[i].end]
		live[i].start = len(text)
		text = append(text, span...)
		live[i].end = len(text)
		text = append(text, entrySep)
	}
	s.load(live, text)
}

// queryWords splits a query into folded words; each must match somewhere.
func queryWords(q string) [][]byte {
	var words [][]byte
	for _, w := range strings.Fields(vntext.Fold(q)) {
		w = strings.Map(func(r rune) rune {
			if r == fieldSep || r == entrySep {
				return -1
			}
			return r
		}, w)
		if w != "" && !slices.ContainsFunc(words, func(x []byte) bool { return string(x) == w }) {
			words = append(words, []byte(w))
		}
	}
	return words
}

// fill caches decoded records read from the file. Only a live entry that
// has none gets one: an entry without a record has not been written since
// the index was built, so the file still holds exactly that version.
func (s *searchIndex) fill(recs []*khenthuong.Nomination) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range recs {
		if i, ok := s.byID[r.ID]; ok && s.entries[i].rec == nil {
			s.entries[i].rec = r
		}
	}
}

// find returns the entries matching f, by campaign, list order, ID.
func (s *searchIndex) find(f khenthuong.NominationFilter) []hit {
	words := queryWords(f.Query)
	form := ""
	if f.FormCode != "" {
		form = normalizeCode(f.FormCode)
	}
	keep := func(e *indexEntry) bool {
		return !e.dead &&
			(f.CampaignID == 0 || e.campaignID == f.CampaignID) &&
			(f.Kind == "" || e.kind == f.Kind) &&
			(form == "" || e.form == form) &&
			(f.Status == "" || e.status == f.Status) &&
			(f.NomineeID == 0 || e.nomineeID == f.NomineeID)
	}

	s.mu.RLock()
	var hits []hit
	if len(words) == 0 {
		n := 0 // counted first: a campaign of 100,000 grown by doubling is 5 MB of garbage a query
		for i := range s.entries {
			if keep(&s.entries[i]) {
				n++
			}
		}
		hits = make([]hit, 0, n)
		for i := range s.entries {
			if e := &s.entries[i]; keep(e) {
				hits = append(hits, hit{e.campaignID, e.order, e.id, e.rec})
			}
		}
	} else {
		hits = s.scan(words, keep)
	}
	s.mu.RUnlock()
	if !slices.IsSortedFunc(hits, compareHits) {
		slices.SortFunc(hits, compareHits)
	}
	return hits
}

// scan finds the entries whose text contains every word (mu read-held).
func (s *searchIndex) scan(words [][]byte, keep func(*indexEntry) bool) []hit {
	// The word listed under the fewest entries drives.
	var driver []int32
	best, bestSize := -1, 0
	for i, w := range words {
		tokens, size := s.tokensContaining(w)
		if size == 0 {
			return nil
		}
		if best < 0 || size < bestSize {
			driver, best, bestSize = tokens, i, size
		}
	}
	// Mark the driver's entries in a bitmap, then visit them in index order,
	// which is (mostly) list order.
	marks := make([]uint64, (len(s.entries)+63)/64)
	for _, t := range driver {
		for _, idx := range s.postings[t] {
			marks[idx/64] |= 1 << (idx % 64)
		}
	}
	var hits []hit
	for wi, m := range marks {
		for ; m != 0; m &= m - 1 {
			e := &s.entries[wi*64+bits.TrailingZeros64(m)]
			if !keep(e) {
				continue
			}
			text := s.text[e.start:e.end]
			all := true
			for i, w := range words {
				if i != best && !bytes.Contains(text, w) {
					all = false
					break
				}
			}
			if all {
				hits = append(hits, hit{e.campaignID, e.order, e.id, e.rec})
			}
		}
	}
	return hits
}
