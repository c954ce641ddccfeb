package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

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
// transaction, each change audited: EINVALID (a rejection without a reason,
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
	return db.update("set status", func(tx *bolt.Tx) error {
		now := db.now()
		seen := make(map[uint64]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			old, err := getNomination(tx, id)
			if err != nil {
				return err
			}
			if old.Status == to && old.RejectReason == reason {
				continue
			}
			if ds, err := decisionsOf(tx, id); err != nil {
				return err
			} else if len(ds) > 0 {
				return khenthuong.Errorf(khenthuong.ECONFLICT,
					"Đề nghị số %d (%s) đã có trong quyết định số %s, không đổi trạng thái được", id, old.Nominee.DisplayName(), ds[0].Number)
			}
			if old.Status != to && !khenthuong.CanTransition(old.Status, to) {
				return khenthuong.FieldErrorf("status", "Đề nghị số %d (%s): không chuyển được từ “%s” sang “%s”",
					id, old.Nominee.DisplayName(), old.Status.Label(), to.Label())
			}
			n := *old
			n.Status, n.RejectReason, n.UpdatedAt = to, reason, now
			v, err := db.storeNomination(tx, old, &n)
			if err != nil {
				return err
			}
			if err := db.audit(tx, entityNomination, idKey(id), statusAction(to), old, v); err != nil {
				return err
			}
		}
		return nil
	})
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
	only := make(map[uint64]bool, len(ids))
	for _, id := range ids {
		only[id] = true
	}
	return db.warnings(campaignID, only)
}

// warnings computes the warnings of the campaign's nominations in only
// (every one for nil).
func (db *DB) warnings(campaignID uint64, only map[uint64]bool) (map[uint64][]khenthuong.Warning, error) {
	c, err := db.Campaign(campaignID)
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
	hits, stubs, own, approved := db.search.related(campaignID, only, awards)
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
			return nil, err
		}
	}
	in := khenthuong.ReviewInput{
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
	err = db.view("warnings", func(tx *bolt.Tx) error {
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
	})
	if err != nil {
		return nil, err
	}
	return khenthuong.ReviewWarnings(in), nil
}

// related returns the campaign's entries in only (all of them for nil; the
// first own hits, in list order) followed by the entries that share a folded
// name or a nominee ID with one of them and can warn it: awarded entries of
// other campaigns and, when only is a part of the campaign, the rest of the
// campaign. For an awarded entry of a collective or household of another
// campaign whose record is not decoded yet, stubs holds a stand-in built
// from the index (IDs, kind, form, status, folded name and unit): all
// ReviewWarnings reads of another campaign's awarded nomination, since their
// identity is the folded name and the message is the award's. People need
// their birth year, so their records are decoded. For a part, approved
// counts the whole campaign's approvals by form (the quotas); nil otherwise.
// (TestWarningsEqualTheFullComputation holds Warnings and WarningsOf to what
// ReviewWarnings gives with every record.)
func (s *searchIndex) related(campaignID uint64, only map[uint64]bool, awards map[uint64]khenthuong.Award) (hits []hit, stubs []*khenthuong.Nomination, own int, approved map[string]int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := map[string]struct{}{}
	nominees := map[uint64]struct{}{}
	if only != nil {
		approved = map[string]int{}
	}
	for i := range s.entries {
		e := &s.entries[i]
		if e.dead || e.campaignID != campaignID {
			continue
		}
		if approved != nil && e.status == khenthuong.StatusApproved {
			approved[e.form]++
		}
		if only != nil && !only[e.id] {
			continue
		}
		hits = append(hits, hit{e.campaignID, e.order, e.id, e.rec})
		names[string(s.nameOf(e))] = struct{}{}
		nominees[e.nomineeID] = struct{}{}
	}
	slices.SortFunc(hits, compareHits)
	own = len(hits)
	stubs = make([]*khenthuong.Nomination, own, own+own)
	for i := range s.entries {
		e := &s.entries[i]
		mine := e.campaignID == campaignID
		if e.dead || mine && (only == nil || only[e.id]) {
			continue
		}
		// The small maps of the rows first: the awards map is the file's.
		_, related := nominees[e.nomineeID]
		if !related {
			_, related = names[string(s.nameOf(e))]
		}
		if !related {
			continue
		}
		if _, awarded := awards[e.id]; !mine && !awarded {
			continue
		}
		hits = append(hits, hit{e.campaignID, e.order, e.id, e.rec})
		var stub *khenthuong.Nomination
		if fields := bytes.SplitN(s.text[e.start:e.end], []byte{fieldSep}, 3); !mine && e.rec == nil && e.kind != khenthuong.Individual && len(fields) == 3 {
			stub = &khenthuong.Nomination{ID: e.id, CampaignID: e.campaignID, NomineeID: e.nomineeID, Order: e.order,
				FormCode: e.form, Status: e.status,
				Nominee: khenthuong.Nominee{Kind: e.kind, Name: string(fields[0]), Unit: string(fields[1])}}
		}
		stubs = append(stubs, stub)
	}
	return hits, stubs, own, approved
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
