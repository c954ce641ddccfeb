package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Audit actions of the review: a status change is named by its target.
const (
	actionLink     = "link"
	actionUnlink   = "unlink"
	actionDistinct = "distinct"
)

func statusAction(to khenthuong.Status) string { return khenthuong.StatusAction(to) }

// SetStatus changes the status of every listed nomination in one
// transaction (more than a batch of them: in batches, all or nothing,
// bulkstatus.go), each change audited: EINVALID (a rejection without a reason,
// a change CanTransition refuses), ENOTFOUND, ECONFLICT (the nomination is in
// a decision, draft or issued). A rejection keeps its reason in
// RejectReason; any other status clears it (the audit keeps the old one).
// A nomination already in the target status is left as it is (a rejected one
// takes the new reason).
func (db *DB) SetStatus(ids []uint64, to khenthuong.Status, reason string) error {
	reason, err := khenthuong.CleanStatusChange(to, reason)
	if err != nil {
		return err
	}
	if len(ids) > statusBatch {
		return db.setStatusInBatches(ids, to, reason)
	}
	return db.update("set status", func(tx *bolt.Tx) error {
		now := db.now()
		seen := make(map[uint64]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			old, err := statusChange(tx, id, to, reason)
			if err != nil {
				return err
			}
			if old != nil {
				if err := db.applyStatus(tx, old, to, reason, now, nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// statusChange checks the change of nomination id to status to (with
// reason): the nomination as stored, nil if it is so already, or the
// refusal SetStatus names.
func statusChange(tx *bolt.Tx, id uint64, to khenthuong.Status, reason string) (*khenthuong.Nomination, error) {
	old, err := getNomination(tx, id)
	if err != nil {
		return nil, err
	}
	if old.Status == to && old.RejectReason == reason {
		return nil, nil
	}
	if ds, err := decisionsOf(tx, id); err != nil {
		return nil, err
	} else if len(ds) > 0 {
		return nil, khenthuong.Errorf(khenthuong.ECONFLICT,
			"Đề nghị số %d (%s) đã có trong quyết định số %s, không đổi trạng thái được", id, old.Nominee.DisplayName(), ds[0].Number)
	}
	if old.Status != to && !khenthuong.CanTransition(old.Status, to) {
		return nil, khenthuong.FieldErrorf("status", "Đề nghị số %d (%s): không chuyển được từ “%s” sang “%s”",
			id, old.Nominee.DisplayName(), old.Status.Label(), to.Label())
	}
	return old, nil
}

// applyStatus stores old with the new status, audited; with entries, the
// search index's entry is collected there (writeNomination).
func (db *DB) applyStatus(tx *bolt.Tx, old *khenthuong.Nomination, to khenthuong.Status, reason string, now time.Time, entries *[]newEntry) error {
	n := *old
	n.Status, n.RejectReason, n.UpdatedAt = to, reason, now
	n.Version, n.UpdatedBy = old.Version+1, db.opts.User
	v, err := db.writeNomination(tx, old, &n, entries)
	if err != nil {
		return err
	}
	return db.audit(tx, entityNomination, idKey(n.ID), statusAction(to), old, v)
}

// Warnings computes the review warnings of a campaign's nominations, by
// nomination ID: ENOTFOUND (campaign).
//
// khenthuong.ReviewWarnings relates nominations by nominee ID and by folded
// name, and a nomination of another campaign only warns when an issued
// decision awarded it. So it is given, besides the campaign's own
// nominations, just the awarded nominations elsewhere that share a nominee ID
// or a folded name with one of them: found in the in-memory search index and
// the award cache without decoding anything, then decoded (or taken from the
// index's cache) for this computation only. The distinct pairs come from nominee_distinct.
func (db *DB) Warnings(campaignID uint64) (map[uint64][]khenthuong.Warning, error) {
	return db.warnings(campaignID, nil)
}

// WarningsOf computes the warnings of the listed nominations of a campaign,
// the rows on screen, as Warnings gives them: ReviewWarnings is given those
// rows and only the nominations related to them (of the campaign, or awarded
// elsewhere), and the campaign's approvals by form from the index for the
// quotas. Nothing it decodes is kept: ENOTFOUND (campaign).
func (db *DB) WarningsOf(campaignID uint64, ids []uint64) (map[uint64][]khenthuong.Warning, error) {
	if len(ids) <= fewWarnings && !db.search.isBuilt() {
		// An approval on the command line: a few targeted reads
		// (review_few.go) rather than the whole index for one row.
		c, err := db.Campaign(campaignID)
		if err != nil {
			return nil, err
		}
		return db.warningsByReads(c, ids)
	}
	only := make(map[uint64]bool, len(ids))
	for _, id := range ids {
		only[id] = true
	}
	return db.warnings(campaignID, only)
}

// warnings computes the warnings of the campaign's nominations in only
// (every one for nil).
func (db *DB) warnings(campaignID uint64, only map[uint64]bool) (map[uint64][]khenthuong.Warning, error) {
	in, err := db.reviewInput(campaignID, only, true)
	if err != nil {
		return nil, err
	}
	return khenthuong.ReviewWarnings(in), nil
}

// warnedOf tells which of the campaign's nominations in only have warnings,
// without wording them: no record needs decoding then, once the birth
// years are known.
func (db *DB) warnedOf(campaignID uint64, only map[uint64]bool) (map[uint64]bool, error) {
	in, err := db.reviewInput(campaignID, only, false)
	if err != nil {
		return nil, err
	}
	return khenthuong.ReviewWarned(in), nil
}

// reviewInput is what ReviewWarnings reads for the campaign's nominations
// in only (every one for nil), the messages' texts if worded.
func (db *DB) reviewInput(campaignID uint64, only map[uint64]bool, worded bool) (khenthuong.ReviewInput, error) {
	var in khenthuong.ReviewInput
	c, err := db.Campaign(campaignID)
	if err != nil {
		return in, err
	}
	awards, err := db.awards()
	if err != nil {
		return in, err
	}
	if err := db.buildSearch(); err != nil {
		return in, err
	}
	hits, stubs, own, approved, unknown := db.search.related(campaignID, only, awards, true, worded)
	if len(unknown) > 0 {
		// The birth years the matching needs, read alone: then most
		// records need not be decoded. A write between may leave a few
		// unknown (its new entries know theirs): those are decoded.
		if err := db.readBirths(unknown); err != nil {
			return in, err
		}
		hits, stubs, own, approved, _ = db.search.related(campaignID, only, awards, false, worded)
	}
	var missing []int
	for i, h := range hits {
		if h.rec == nil && stubs[i] == nil {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		// Decoded for the moment only, and only what ReviewWarnings reads:
		// kept, they would grow with the campaigns and the pages the clerk
		// looks at.
		if err := eachDecoded(db, hits, missing, func(i int, r *reviewRecord) { hits[i].rec = r.nomination() }); err != nil {
			return in, err
		}
		read := make([]*khenthuong.Nomination, len(missing))
		for j, i := range missing {
			read[j] = hits[i].rec
		}
		db.search.noteBirths(birthsOf(read)) // the next windows match these by birth year without reading them
	}
	in = khenthuong.ReviewInput{
		Campaign:    c,
		Nominations: make([]khenthuong.Nomination, 0, own),
		All:         make([]khenthuong.Nomination, 0, len(hits)),
		Awards:      awards,
		Distinct:    map[khenthuong.NomineePair]bool{},
		Forms:       map[string]*khenthuong.AwardForm{},
		Approved:    approved,
	}
	for i, h := range hits {
		switch {
		case h.rec != nil:
			in.All = append(in.All, *h.rec)
		case stubs[i] != nil:
			in.All = append(in.All, *stubs[i])
		default:
			continue // deleted since the index was read
		}
		if i < own {
			in.Nominations = append(in.Nominations, in.All[len(in.All)-1])
		}
	}
	err = db.view("warnings", func(tx *bolt.Tx) error { return readFormsAndDistinct(tx, &in) })
	return in, err
}

// readFormsAndDistinct fills in's catalogue of forms and distinct pairs.
func readFormsAndDistinct(tx *bolt.Tx, in *khenthuong.ReviewInput) error {
	if err := tx.Bucket(bucketForms).ForEach(func(k, v []byte) error {
		f := new(khenthuong.AwardForm)
		if err := decode(v, f); err != nil {
			return err
		}
		in.Forms[f.Code] = f
		return nil
	}); err != nil {
		return err
	}
	return tx.Bucket(bucketDistinct).ForEach(func(k, _ []byte) error {
		if len(k) == 16 {
			in.Distinct[khenthuong.NomineePair{btoi(k), btoi(k[8:])}] = true
		}
		return nil
	})
}

// reviewEntries returns the entries of the campaign's nominations in only
// (all of them for nil) and, ascending, the entries that share a folded
// name or a nominee ID with one of them and can warn it: awarded entries
// of other campaigns and, when only is a part of the campaign, the rest of
// the campaign; of those met by name, only the ones whose kind, birth year
// or unit may match (relations.go). For a part, approved counts the whole
// campaign's approvals by form (the quotas); nil otherwise (mu held through
// rlockRelations).
func (s *searchIndex) reviewEntries(campaignID uint64, only map[uint64]bool, awards map[uint64]khenthuong.Award) (rows, others []int32, isRow func(*indexEntry) bool, approved map[string]int) {
	if only != nil {
		approved = map[string]int{}
	}
	s.rel.campaigns.each(s, campaignID, func(i int32) {
		e := &s.entries[i]
		if e.dead {
			return
		}
		if approved != nil && e.status == khenthuong.StatusApproved {
			approved[e.form]++
		}
		if only == nil || only[e.id] {
			rows = append(rows, i)
		}
	})
	isRow = func(e *indexEntry) bool { return e.campaignID == campaignID && (only == nil || only[e.id]) }
	canWarn := func(e *indexEntry) bool {
		if e.campaignID == campaignID {
			return true
		}
		_, awarded := awards[e.id]
		return awarded
	}
	return rows, s.relatedOf(rows, isRow, canWarn), isRow, approved
}

// related returns the entries of reviewEntries as hits, the campaign's
// first (own of them, in list order), and for each a stand-in built from
// the index where it holds all ReviewWarnings reads of that nomination
// (stubs; nil: the record is to be read): IDs, kind, form, status, folded
// name and unit, and a person's birth year once a read told it. The
// identity of a nominee is its folded name (with a person's birth year or
// unit), a row's warnings read nothing else of it, and another campaign's
// nomination warns by its award; only a nomination of the campaign that
// may warn a row is named in the message (its danh xưng, name, position
// and unit), so those are read if worded. unknown lists the people among them whose
// birth year no read has told yet: once read (readBirths), related tells
// more apart and reads fewer records, so with askBirths it returns only
// those if there are any. (TestWarningsEqualTheFullComputation
// holds Warnings and WarningsOf to what ReviewWarnings gives with every record.)
func (s *searchIndex) related(campaignID uint64, only map[uint64]bool, awards map[uint64]khenthuong.Award, askBirths, worded bool) (hits []hit, stubs []*khenthuong.Nomination, own int, approved map[string]int, unknown []hit) {
	s.rlockRelations()
	defer s.mu.RUnlock()
	rows, others, isRow, approved := s.reviewEntries(campaignID, only, awards)
	for _, list := range [][]int32{rows, others} {
		for _, i := range list {
			if e := &s.entries[i]; e.kind == khenthuong.Individual && birthOf(e) == birthUnknown {
				unknown = append(unknown, hit{e.campaignID, e.order, e.id, nil})
			}
		}
	}
	if askBirths && len(unknown) > 0 {
		return nil, nil, 0, nil, unknown
	}
	slices.SortFunc(rows, func(a, b int32) int { return listOrder(s.entries[a], s.entries[b]) })
	// warns is whether a row may warn another row.
	warns := func(r int32) bool {
		e := &s.entries[r]
		found := false
		s.rel.names.each(s, nameHash(s.nameOf(e)), func(j int32) {
			found = found || j != r && !s.entries[j].dead && isRow(&s.entries[j]) && s.mayMatchByName(&s.entries[j], []int32{r})
		})
		if !found && e.nomineeID != 0 {
			s.rel.nominees.each(s, e.nomineeID, func(j int32) {
				found = found || j != r && !s.entries[j].dead && isRow(&s.entries[j])
			})
		}
		return found
	}
	own = len(rows)
	hits = make([]hit, 0, own+len(others))
	stubs = make([]*khenthuong.Nomination, 0, own+len(others))
	for k, list := range [][]int32{rows, others} {
		for _, i := range list {
			e := &s.entries[i]
			hits = append(hits, hit{e.campaignID, e.order, e.id, e.rec})
			named := worded && e.campaignID == campaignID && (k == 1 || warns(i))
			stubs = append(stubs, s.stubOf(e, named))
		}
	}
	return hits, stubs, own, approved, unknown
}

// stubOf is entry e's stand-in for ReviewWarnings, nil when its record is
// to be read: named in a message, a person's birth year unknown, or
// decoded already (mu held).
func (s *searchIndex) stubOf(e *indexEntry, named bool) *khenthuong.Nomination {
	birth := birthOf(e)
	if named || e.rec != nil || e.kind == khenthuong.Individual && birth == birthUnknown {
		return nil
	}
	fields := bytes.SplitN(s.text[e.start:e.end], []byte{fieldSep}, 3)
	if len(fields) != 3 {
		return nil
	}
	n := &khenthuong.Nomination{ID: e.id, CampaignID: e.campaignID, NomineeID: e.nomineeID, Order: e.order,
		FormCode: e.form, Status: e.status,
		Nominee: khenthuong.Nominee{Kind: e.kind, Name: string(fields[0]), Unit: string(fields[1])}}
	if e.kind == khenthuong.Individual {
		n.Nominee.Birth.Year = birth
	}
	return n
}

// nameOf is the folded name of entry e (mu held).
func (s *searchIndex) nameOf(e *indexEntry) []byte {
	text := s.text[e.start:e.end]
	if i := bytes.IndexByte(text, fieldSep); i >= 0 {
		return text[:i]
	}
	return text
}

// LinkNominees records that the nominees of two nominations are the same
// person or collective: every nomination of the second one's nominee takes
// the first one's nominee ID (each audited), and a mark of the two as
// different people is dropped: ENOTFOUND, EINVALID (the same nomination, or
// nominees of different kinds). Linking nominees already linked does nothing.
func (db *DB) LinkNominees(nominationA, nominationB uint64) error {
	if nominationA == nominationB {
		return khenthuong.Errorf(khenthuong.EINVALID, "Hãy chọn hai đề nghị khác nhau")
	}
	return db.update("link nominees", func(tx *bolt.Tx) error {
		a, err := getNomination(tx, nominationA)
		if err != nil {
			return err
		}
		b, err := getNomination(tx, nominationB)
		if err != nil {
			return err
		}
		if a.Nominee.Kind != b.Nominee.Kind {
			return khenthuong.Errorf(khenthuong.EINVALID, "Không gộp được %s với %s",
				lowerKind(a.Nominee.Kind), lowerKind(b.Nominee.Kind))
		}
		to, from := a.NomineeID, b.NomineeID
		if to == from {
			return nil
		}
		var ids []uint64
		prefix := itob(from)
		c := tx.Bucket(bucketNomineeIdx).Cursor()
		for k, _ := c.Seek(prefix); hasPrefixKey(k, prefix); k, _ = c.Next() {
			ids = append(ids, btoi(k[8:]))
		}
		now := db.now()
		for _, id := range ids {
			old, err := getNomination(tx, id)
			if err != nil {
				return err
			}
			n := *old
			n.NomineeID, n.UpdatedAt = to, now
			v, err := db.storeNomination(tx, old, &n)
			if err != nil {
				return err
			}
			if err := db.audit(tx, entityNomination, idKey(id), actionLink, old, v); err != nil {
				return err
			}
			if err := db.syncDraft(tx, &n, false); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketDistinct).Delete(pairKey(khenthuong.PairOf(to, from)))
	})
}

// MarkDistinct records that the nominees of two nominations are different
// people, so the review stops matching them. If the two nominations share a
// nominee ID, the second is first given a nominee of its own: ENOTFOUND,
// EINVALID (the same nomination).
func (db *DB) MarkDistinct(nominationA, nominationB uint64) error {
	if nominationA == nominationB {
		return khenthuong.Errorf(khenthuong.EINVALID, "Hãy chọn hai đề nghị khác nhau")
	}
	return db.update("mark distinct", func(tx *bolt.Tx) error {
		a, err := getNomination(tx, nominationA)
		if err != nil {
			return err
		}
		b, err := getNomination(tx, nominationB)
		if err != nil {
			return err
		}
		if a.NomineeID == b.NomineeID {
			n := *b
			n.NomineeID, n.UpdatedAt = 0, db.now()
			if err := db.putNominee(tx, &n); err != nil { // a new nominee
				return err
			}
			v, err := db.storeNomination(tx, b, &n)
			if err != nil {
				return err
			}
			if err := db.audit(tx, entityNomination, idKey(n.ID), actionUnlink, b, v); err != nil {
				return err
			}
			if err := db.syncDraft(tx, &n, false); err != nil {
				return err
			}
			b = &n
		}
		pair := khenthuong.PairOf(a.NomineeID, b.NomineeID)
		if err := tx.Bucket(bucketDistinct).Put(pairKey(pair), nil); err != nil {
			return err
		}
		key := fmt.Sprintf("%d-%d", pair[0], pair[1])
		return db.audit(tx, entityNominee, key, actionDistinct, nil, pair)
	})
}

func lowerKind(k khenthuong.Kind) string { return strings.ToLower(k.Label()) }

// reviewRecord is what ReviewWarnings reads of a nomination (the identity,
// the status and form, and the nominee's name, birth, position and unit for
// the matches and the messages): a campaign's warnings decode thousands of
// records, and the achievement is most of each.
type reviewRecord struct {
	ID         uint64            `json:"id"`
	CampaignID uint64            `json:"campaign_id"`
	NomineeID  uint64            `json:"nominee_id"`
	FormCode   string            `json:"form"`
	Order      int               `json:"order"`
	Status     khenthuong.Status `json:"status"`
	Nominee    struct {
		Kind     khenthuong.Kind `json:"kind"`
		Title    string          `json:"title"`
		Name     string          `json:"name"`
		Birth    khenthuong.Date `json:"birth"`
		Position string          `json:"position"`
		Unit     string          `json:"unit"`
	} `json:"nominee"`
}

func (r *reviewRecord) nomination() *khenthuong.Nomination {
	p := &r.Nominee
	return &khenthuong.Nomination{ID: r.ID, CampaignID: r.CampaignID, NomineeID: r.NomineeID, FormCode: r.FormCode,
		Order: r.Order, Status: r.Status, Nominee: khenthuong.Nominee{Kind: p.Kind, Title: p.Title, Name: p.Name,
			Birth: p.Birth, Position: p.Position, Unit: p.Unit}}
}
