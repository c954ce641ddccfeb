package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"runtime"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Nominations returns the nominations matching f, by campaign then list order.
// The filtering runs on the in-memory search index, which also keeps the
// records already decoded; only the others are read from the file.
func (db *DB) Nominations(f khenthuong.NominationFilter) ([]khenthuong.Nomination, error) {
	hits, err := db.searchHits(f)
	if err != nil {
		return nil, err
	}
	var missing []int // positions in hits
	for i, h := range hits {
		if h.rec == nil {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		if err := db.loadHits(hits, missing, true); err != nil {
			return nil, err
		}
	}
	ns := make([]khenthuong.Nomination, 0, len(hits))
	for _, h := range hits {
		if h.rec != nil {
			ns = append(ns, *h.rec) // a Nomination holds no slices or maps: the copy shares nothing mutable
		}
	}
	return ns, nil
}

// loadHits decodes the records of hits[missing] from the file and, with
// cache, keeps them in the index (a whole listing).
func (db *DB) loadHits(hits []hit, missing []int, cache bool) error {
	if err := eachDecoded(db, hits, missing, func(i int, n *khenthuong.Nomination) { hits[i].rec = n }); err != nil {
		return err
	}
	if !cache {
		return nil
	}
	loaded := make([]*khenthuong.Nomination, 0, len(missing))
	for _, i := range missing {
		if hits[i].rec != nil {
			loaded = append(loaded, hits[i].rec)
		}
	}
	db.search.fill(loaded)
	return nil
}

// eachDecoded decodes the records of hits[which] into a T (a Nomination, or
// a part of one) and calls fn with each (not for one deleted since the index
// was read); fn is called concurrently, for different i (see eachRecord).
func eachDecoded[T any](db *DB, hits []hit, which []int, fn func(i int, v *T)) error {
	return eachRecord(db, hits, which, func(_, i int, v []byte) error {
		n := new(T)
		if err := decode(v, n); err != nil {
			return err
		}
		fn(i, n)
		return nil
	})
}

// eachRecord calls fn with the stored value of each of hits[which] (not for
// one deleted since the index was read), valid during the call only. JSON
// decoding is the cost of a first listing (about 10 µs a record), so a long
// list is split between the processors, each part in its own read
// transaction (a bbolt Tx is not for concurrent use): fn is called
// concurrently, for different i, with the number of its part (0 ≤ part <
// GOMAXPROCS). Each part gives back the mapped pages it read every
// recordsDropEvery records and at its end: records read by ID lie all over
// the file (a page's rows, the relations of its warnings), and each read maps
// 64 KB around its page.
func eachRecord(db *DB, hits []hit, which []int, fn func(part, i int, v []byte) error) error {
	parts := recordParts(len(which))
	if parts == 0 {
		return nil
	}
	size := (len(which) + parts - 1) / parts
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		part := which[p*size : min((p+1)*size, len(which))]
		wg.Go(func() {
			errs[p] = db.view("nominations", func(tx *bolt.Tx) error {
				c := tx.Bucket(bucketNominations).Cursor() // one cursor: Get makes one a record
				defer dropMapped(tx)
				drop := dropOften(tx, recordsDropEvery)
				var key [8]byte
				for _, i := range part {
					drop()
					binary.BigEndian.PutUint64(key[:], hits[i].id)
					k, v := c.Seek(key[:])
					if v == nil || !bytes.Equal(k, key[:]) {
						continue // deleted since the index was read
					}
					if err := fn(p, i, v); err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// recordsDropEvery is how many records a part of eachRecord reads between
// two dropMapped: 16 MB mapped at most, for 10 µs a drop.
const recordsDropEvery = dropEvery / 4

// recordParts is how many parts eachRecord splits n records into.
func recordParts(n int) int {
	const minPart = 2000
	return min(runtime.GOMAXPROCS(0), (n+minPart-1)/minPart)
}

// Nomination returns one nomination: ENOTFOUND.
func (db *DB) Nomination(id uint64) (*khenthuong.Nomination, error) {
	var n *khenthuong.Nomination
	err := db.view("nomination", func(tx *bolt.Tx) error {
		var err error
		n, err = getNomination(tx, id)
		return err
	})
	return n, err
}

// Nominee returns the latest snapshot of a nominee shared by several
// nominations: ENOTFOUND.
func (db *DB) Nominee(id uint64) (*khenthuong.Nominee, error) {
	var rec nomineeRecord
	err := db.view("nominee", func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketNominees).Get(itob(id))
		if v == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy đối tượng số %d", id)
		}
		return decode(v, &rec)
	})
	if err != nil {
		return nil, err
	}
	return &rec.Nominee, nil
}

// CreateNominations normalises, validates and stores all of ns in one
// transaction (all or nothing), setting IDs, times, nominee IDs and, where
// Order is 0, the next list position of the campaign: EINVALID, ENOTFOUND
// (campaign). With several rows, an error message starts with the row number.
func (db *DB) CreateNominations(ns []khenthuong.Nomination) error {
	if len(ns) == 0 {
		return nil
	}
	work := make([]khenthuong.Nomination, len(ns))
	copy(work, ns)
	row := func(i int, err error) error { return rowError(len(ns), i, err) }
	for i := range work {
		work[i].Normalize()
		if err := work[i].Validate(); err != nil {
			return row(i, err)
		}
	}
	err := db.update("create nominations", func(tx *bolt.Tx) error {
		c := newCreation(tx)
		for i := range work {
			if err := db.createNomination(c, &work[i]); err != nil {
				return row(i, err)
			}
		}
		return nil
	})
	if err == nil {
		copy(ns, work)
	}
	return err
}

// creation is what the rows of one write transaction share: the campaigns
// found and the forms read.
type creation struct {
	tx        *bolt.Tx
	now       time.Time
	forms     map[string]*khenthuong.AwardForm
	campaigns map[uint64]bool
	drop      func()
	// entries, when not nil, collects the search index's entries instead of
	// putting each once its transaction commits (an import in several).
	entries *[]newEntry
}

func newCreation(tx *bolt.Tx) *creation {
	return &creation{tx: tx, forms: map[string]*khenthuong.AwardForm{}, campaigns: map[uint64]bool{},
		drop: dropper(tx)} // an import's inserts read pages all over the file
}

// createNomination stores n, normalised and validated, as a new nomination
// with its nominee, indexes and audit record; an application error is about n
// alone (the caller names the row).
func (db *DB) createNomination(c *creation, n *khenthuong.Nomination) error {
	tx := c.tx
	c.drop()
	if c.now.IsZero() {
		c.now = db.now()
	}
	if !c.campaigns[n.CampaignID] {
		if _, err := getCampaign(tx, n.CampaignID); err != nil {
			return fieldOf(err, "campaign")
		}
		c.campaigns[n.CampaignID] = true
	}
	form, ok := c.forms[n.FormCode]
	if !ok {
		var err error
		if form, err = getForm(tx, n.FormCode); err != nil {
			return err
		}
		c.forms[n.FormCode] = form
	}
	if err := n.ValidateAgainst(form); err != nil {
		return err
	}
	if n.Order == 0 {
		n.Order = nextOrder(tx, n.CampaignID)
	}
	n.CreatedAt, n.UpdatedAt = c.now, c.now
	if err := db.putNominee(tx, n); err != nil {
		return err
	}
	id, err := tx.Bucket(bucketNominations).NextSequence()
	if err != nil {
		return err
	}
	n.ID = id
	n.Version, n.UpdatedBy = 1, db.opts.User
	v, err := db.writeNomination(tx, nil, n, c.entries)
	if err != nil {
		return err
	}
	return db.audit(tx, entityNomination, idKey(id), actionCreate, nil, v)
}

// UpdateNomination replaces a stored nomination: EINVALID, ENOTFOUND,
// ECONFLICT (in an issued decision; in a draft decision, a change of status,
// form or campaign). A status change must be one a review allows
// (khenthuong.CanTransition). A draft decision listing the nomination follows
// the edit. NomineeID 0 keeps the stored nominee;
// Order 0 keeps the stored position (or takes the next one in a new campaign).
func (db *DB) UpdateNomination(n *khenthuong.Nomination) error {
	n.Normalize()
	if err := n.Validate(); err != nil {
		return err
	}
	saved := *n
	err := db.update("update nomination", func(tx *bolt.Tx) error {
		old, err := getNomination(tx, n.ID)
		if err != nil {
			return err
		}
		if saved.Version != old.Version {
			return staleError(old)
		}
		ds, err := decisionsOf(tx, n.ID)
		if err != nil {
			return err
		}
		for i := range ds {
			if err := khenthuong.EditInDecision(old, &saved, &ds[i]); err != nil {
				return err
			}
		}
		if saved.Status != old.Status && !khenthuong.CanTransition(old.Status, saved.Status) {
			return khenthuong.FieldErrorf("status", "Không chuyển được đề nghị từ “%s” sang “%s”",
				old.Status.Label(), saved.Status.Label())
		}
		if _, err := getCampaign(tx, saved.CampaignID); err != nil {
			return fieldOf(err, "campaign")
		}
		form, err := getForm(tx, saved.FormCode)
		if err != nil {
			return err
		}
		if err := saved.ValidateAgainst(form); err != nil {
			return err
		}
		if saved.NomineeID == 0 {
			saved.NomineeID = old.NomineeID
		}
		if saved.Order == 0 {
			saved.Order = old.Order
			if saved.CampaignID != old.CampaignID {
				saved.Order = nextOrder(tx, saved.CampaignID)
			}
		}
		saved.CreatedAt, saved.UpdatedAt = old.CreatedAt, db.now()
		if err := db.putNominee(tx, &saved); err != nil {
			return err
		}
		v, err := db.storeNomination(tx, old, &saved)
		if err != nil {
			return err
		}
		if err := db.audit(tx, entityNomination, idKey(saved.ID), actionUpdate, old, v); err != nil {
			return err
		}
		return db.syncDraft(tx, &saved, true) // a draft decision listing it prints the new values
	})
	if err == nil {
		*n = saved
	}
	return err
}

// DeleteNomination removes a nomination: ENOTFOUND, ECONFLICT (in a decision).
// The nominee record stays: other nominations and the history refer to it.
func (db *DB) DeleteNomination(id uint64) error {
	return db.update("delete nomination", func(tx *bolt.Tx) error {
		old, err := getNomination(tx, id)
		if err != nil {
			return err
		}
		ds, err := decisionsOf(tx, id)
		if err != nil {
			return err
		}
		if len(ds) > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đề nghị này đã có trong Quyết định số %s, hãy bỏ khỏi quyết định trước khi xóa", ds[0].Number)
		}
		if err := db.removeNomination(tx, old); err != nil {
			return err
		}
		return db.audit(tx, entityNomination, idKey(id), actionDelete, old, nil)
	})
}

// staleError refuses a save made from an older copy of stored, naming who saved it since and when.
func staleError(stored *khenthuong.Nomination) error {
	who := stored.UpdatedBy
	if who == "" {
		who = "người khác"
	}
	return khenthuong.Errorf(khenthuong.ECONFLICT,
		"Đề nghị “%s” đã được %s lưu lúc %s, sau khi bản này được mở: hãy mở lại để xem thay đổi rồi sửa tiếp",
		stored.Nominee.DisplayName(), who, stored.UpdatedAt.Format("15:04 02/01/2006"))
}

func getNomination(tx *bolt.Tx, id uint64) (*khenthuong.Nomination, error) {
	v := tx.Bucket(bucketNominations).Get(itob(id))
	if v == nil {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy đề nghị số %d", id)
	}
	var n khenthuong.Nomination
	if err := decode(v, &n); err != nil {
		return nil, err
	}
	return &n, nil
}

// storeNomination writes n (replacing old, the stored version, if any) with
// its index entries, and updates the in-memory search index once the
// transaction commits. Every write of a nomination goes through here or
// removeNomination, so the indexes cannot be forgotten. It returns the JSON
// written, for the audit record.
func (db *DB) storeNomination(tx *bolt.Tx, old, n *khenthuong.Nomination) (json.RawMessage, error) {
	n.Version, n.UpdatedBy = 1, db.opts.User
	if old != nil {
		n.Version = old.Version + 1
	}
	return db.putNomination(tx, old, n)
}

// putNomination is storeNomination keeping n's version and editor as they
// are: a copy of a data set (CreateFromDataset) is the same nomination, not
// a new edit of it.
func (db *DB) putNomination(tx *bolt.Tx, old, n *khenthuong.Nomination) (json.RawMessage, error) {
	return db.writeNomination(tx, old, n, nil)
}

// writeNomination is putNomination; with entries, the search index's entry
// is collected there for the caller to put, not put on commit.
func (db *DB) writeNomination(tx *bolt.Tx, old, n *khenthuong.Nomination, entries *[]newEntry) (json.RawMessage, error) {
	if old != nil {
		if err := unindexNomination(tx, old); err != nil {
			return nil, err
		}
	}
	v, err := encode(n)
	if err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketNominations).Put(itob(n.ID), v); err != nil {
		return nil, err
	}
	if err := indexNomination(tx, n); err != nil {
		return nil, err
	}
	// Before the index is built there is nothing to keep current (the build
	// reads the file), and writes hold writeMu, which the build takes too: a
	// command importing 100,000 rows keeps no second copy of them.
	switch {
	case !db.search.isBuilt():
	case entries != nil:
		e := entryOf(n)
		e.rec = nil // read from the file when listed: the import holds no copy of its rows
		*entries = append(*entries, e)
	default:
		e := entryOf(n)
		tx.OnCommit(func() { db.search.put(e) })
	}
	return v, nil
}

// removeNomination deletes the stored nomination old and its index entries.
func (db *DB) removeNomination(tx *bolt.Tx, old *khenthuong.Nomination) error {
	if err := tx.Bucket(bucketNominations).Delete(itob(old.ID)); err != nil {
		return err
	}
	if err := unindexNomination(tx, old); err != nil {
		return err
	}
	id := old.ID
	tx.OnCommit(func() { db.search.remove(id) })
	return nil
}

// putNominee stores n's nominee as the latest snapshot: a new nominee record
// when n.NomineeID is 0 (setting it), else the existing record, which must exist.
func (db *DB) putNominee(tx *bolt.Tx, n *khenthuong.Nomination) error {
	b := tx.Bucket(bucketNominees)
	if n.NomineeID == 0 {
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		n.NomineeID = id
	} else if b.Get(itob(n.NomineeID)) == nil {
		return khenthuong.FieldErrorf("nominee_id", "Không tìm thấy đối tượng số %d", n.NomineeID)
	}
	v, err := encode(&nomineeRecord{ID: n.NomineeID, Nominee: n.Nominee})
	if err != nil {
		return err
	}
	return b.Put(itob(n.NomineeID), v)
}

// rowError prefixes the row number (1-based) to an error about one row of a
// batch, keeping its code and field; single writes are left as they are.
func rowError(rows, i int, err error) error { return khenthuong.RowError(rows, i, err) }

// fieldOf names the field an application error is about, if it names none.
func fieldOf(err error, field string) error { return khenthuong.WithField(err, field) }
