package store

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// A decision is stored whole (recipients inside) in bucket decisions. Every
// nomination it lists has an entry in idx_nomination_decision, which also
// carries the award once the decision is issued; idx_campaign_decisions lists
// a campaign's decisions. Both are written in the transaction that writes the
// decision (indexDecision, unindexDecision).

var (
	_ khenthuong.DecisionService = (*DB)(nil)
	_ khenthuong.ReviewService   = (*DB)(nil)
	_ khenthuong.HistoryService  = (*DB)(nil)
)

// Audit actions of the decision workflow.
const (
	actionIssue = "issue"
	actionAmend = "amend"
)

// issueFault, when set by a test, is called between the steps of
// IssueDecision; an error it returns aborts the issue there, as a crash would.
var issueFault func(step string) error

// Decisions returns the decisions of a campaign (all campaigns for 0), newest
// first: by decision date, then the latest created: ENOTFOUND (campaign).
func (db *DB) Decisions(campaignID uint64) ([]khenthuong.Decision, error) {
	var ds []khenthuong.Decision
	err := db.view("decisions", func(tx *bolt.Tx) error {
		ids, err := campaignDecisionIDs(tx, campaignID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			d, err := getDecision(tx, id)
			if err != nil {
				return err
			}
			ds = append(ds, *d)
		}
		return nil
	})
	sortNewestFirst(ds, func(d *khenthuong.Decision) *khenthuong.Decision { return d })
	return ds, err
}

// Decision returns one decision with its recipients: ENOTFOUND.
func (db *DB) Decision(id uint64) (*khenthuong.Decision, error) {
	var d *khenthuong.Decision
	err := db.view("decision", func(tx *bolt.Tx) error {
		var err error
		d, err = getDecision(tx, id)
		return err
	})
	return d, err
}

// CreateDecision stores a draft for the given approved nominations of
// d.FormCode, in d.Order (list order: the nominations' order in the
// campaign; manual: the order of nominationIDs), with their bonus amounts:
// EINVALID, ENOTFOUND (campaign, nomination), ECONFLICT (a nomination not
// approved, of another campaign or form, or already in a decision).
func (db *DB) CreateDecision(d *khenthuong.Decision, nominationIDs []uint64) error {
	d.Normalize()
	if err := validateDecision(d); err != nil {
		return err
	}
	saved := *d
	saved.ID, saved.Status, saved.IssuedAt, saved.Amendments = 0, khenthuong.DecisionDraft, time.Time{}, nil
	err := db.update("create decision", func(tx *bolt.Tx) error {
		form, err := decisionContext(tx, &saved)
		if err != nil {
			return err
		}
		id, err := tx.Bucket(bucketDecisions).NextSequence()
		if err != nil {
			return err
		}
		saved.ID = id
		ns, err := listable(tx, &saved, nominationIDs)
		if err != nil {
			return err
		}
		saved.Recipients = make([]khenthuong.Recipient, len(ns))
		for i, n := range ns {
			saved.Recipients[i] = recipientOf(n)
		}
		orderRecipients(&saved, ns)
		if err := setAmounts(tx, &saved, form); err != nil {
			return err
		}
		saved.CreatedAt = db.now()
		saved.UpdatedAt = saved.CreatedAt
		v, err := putDecision(tx, &saved)
		if err != nil {
			return err
		}
		if err := db.indexDecision(tx, &saved); err != nil {
			return err
		}
		return db.audit(tx, entityDecision, idKey(id), actionCreate, nil, v)
	})
	if err == nil {
		*d = saved
	}
	return err
}

// UpdateDecision replaces a draft: its fields, and its recipients, which may
// be reordered, removed or added (approved nominations of the form in no
// other decision); the printed fields of each recipient are kept as given,
// the bonus amounts are computed again: EINVALID, ENOTFOUND, ECONFLICT when
// issued (or for a nomination CreateDecision would refuse).
func (db *DB) UpdateDecision(d *khenthuong.Decision) error {
	d.Normalize()
	if err := validateDecision(d); err != nil {
		return err
	}
	saved := *d
	err := db.update("update decision", func(tx *bolt.Tx) error {
		old, err := getDecision(tx, d.ID)
		if err != nil {
			return err
		}
		if old.Status == khenthuong.DecisionIssued {
			return issuedConflict(old)
		}
		form, err := decisionContext(tx, &saved)
		if err != nil {
			return err
		}
		given := map[uint64]khenthuong.Recipient{}
		ids := make([]uint64, 0, len(saved.Recipients))
		for _, r := range saved.Recipients {
			if _, dup := given[r.NominationID]; !dup {
				given[r.NominationID] = r
				ids = append(ids, r.NominationID)
			}
		}
		ns, err := listable(tx, &saved, ids)
		if err != nil {
			return err
		}
		saved.Recipients = make([]khenthuong.Recipient, len(ns))
		for i, n := range ns {
			r := recipientOf(n)
			if g := given[n.ID]; g.Nominee.Name != "" {
				if err := printedFields(&r, &g, i); err != nil {
					return err
				}
			}
			saved.Recipients[i] = r
		}
		orderRecipients(&saved, ns)
		if err := setAmounts(tx, &saved, form); err != nil {
			return err
		}
		saved.Status, saved.IssuedAt, saved.Amendments = khenthuong.DecisionDraft, time.Time{}, nil
		saved.CreatedAt, saved.UpdatedAt = old.CreatedAt, db.now()
		if err := db.unindexDecision(tx, old); err != nil {
			return err
		}
		v, err := putDecision(tx, &saved)
		if err != nil {
			return err
		}
		if err := db.indexDecision(tx, &saved); err != nil {
			return err
		}
		return db.audit(tx, entityDecision, idKey(saved.ID), actionUpdate, decisionView(old), v)
	})
	if err == nil {
		*d = saved
	}
	return err
}

// DeleteDecision removes a draft: ENOTFOUND, ECONFLICT when issued.
func (db *DB) DeleteDecision(id uint64) error {
	return db.update("delete decision", func(tx *bolt.Tx) error {
		old, err := getDecision(tx, id)
		if err != nil {
			return err
		}
		if old.Status == khenthuong.DecisionIssued {
			return issuedConflict(old)
		}
		if err := deleteDecision(tx, id); err != nil {
			return err
		}
		if err := db.unindexDecision(tx, old); err != nil {
			return err
		}
		return db.audit(tx, entityDecision, idKey(id), actionDelete, decisionView(old), nil)
	})
}

// IssueDecision checks that every recipient's nomination is still approved
// for the form, computes the bonus amounts again, gives every recipient the
// next registry number of the form's series (created with defaults on first
// use) in list order, and locks the decision, in one audited transaction:
// ENOTFOUND, EINVALID (a blank its wording uses still empty, no recipients,
// no bonus coefficient or base salary for the date), ECONFLICT when already issued.
func (db *DB) IssueDecision(id uint64) (*khenthuong.Decision, error) {
	var out *khenthuong.Decision
	err := db.update("issue decision", func(tx *bolt.Tx) error {
		old, err := getDecision(tx, id)
		if err != nil {
			return err
		}
		if old.Status == khenthuong.DecisionIssued {
			return khenthuong.Errorf(khenthuong.ECONFLICT, "Quyết định số %s đã ban hành, không ban hành lại được", old.Number)
		}
		if len(old.Recipients) == 0 {
			return khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s chưa có tập thể, cá nhân nào trong danh sách", old.Number)
		}
		d := cloneDecision(old)
		if err := validateDecision(d); err != nil {
			return err
		}
		if err := checkBlanks(tx, d); err != nil {
			return err
		}
		form, err := decisionContext(tx, d)
		if err != nil {
			return err
		}
		ids := make([]uint64, len(d.Recipients))
		for i, r := range d.Recipients {
			ids[i] = r.NominationID
		}
		if _, err := listable(tx, d, ids); err != nil {
			return err
		}
		if err := setAmounts(tx, d, form); err != nil {
			return err
		}
		series, err := db.seriesOf(tx, form)
		if err != nil {
			return err
		}
		if err := drawNumbers(tx, series, d); err != nil {
			return err
		}
		if err := fault("numbered"); err != nil {
			return err
		}
		now := db.now()
		d.Status, d.IssuedAt, d.UpdatedAt = khenthuong.DecisionIssued, now, now
		v, err := putDecision(tx, d)
		if err != nil {
			return err
		}
		if err := db.indexDecision(tx, d); err != nil {
			return err
		}
		if err := fault("stored"); err != nil {
			return err
		}
		out = d
		return db.audit(tx, entityDecision, idKey(id), actionIssue, decisionView(old), v)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func fault(step string) error {
	if issueFault != nil {
		return issueFault(step)
	}
	return nil
}

// AmendDecision corrects an issued decision: its number, date, signer,
// submission and achievement text, and the printed fields of its recipients
// (same recipients, same order). Registry numbers and amounts never change.
// The amendment records who (Options.User), when, why and the decision as it
// was: EINVALID (no reason, nothing changed, recipients or campaign or form
// changed), ENOTFOUND, ECONFLICT (not issued).
func (db *DB) AmendDecision(d *khenthuong.Decision, reason string) error {
	reason, err := khenthuong.CleanAmendReason(reason)
	if err != nil {
		return err
	}
	d.Normalize()
	if err := validateDecision(d); err != nil {
		return err
	}
	var saved *khenthuong.Decision
	err = db.update("amend decision", func(tx *bolt.Tx) error {
		old, err := getDecision(tx, d.ID)
		if err != nil {
			return err
		}
		s, before, err := khenthuong.Amended(old, d)
		if err != nil {
			return err
		}
		now := db.now()
		s.Amendments = append(s.Amendments, khenthuong.Amendment{At: now, User: db.opts.User, Reason: reason, Before: string(jsonOf(before))})
		s.UpdatedAt = now
		v, err := putDecision(tx, s)
		if err != nil {
			return err
		}
		if err := db.indexDecision(tx, s); err != nil { // the awards carry the number and date
			return err
		}
		saved = s
		return db.audit(tx, entityDecision, idKey(s.ID), actionAmend, decisionView(old), v)
	})
	if err == nil {
		*d = *saved
	}
	return err
}

// validateDecision checks a normalised decision beyond Decision.Validate:
// the list order and the lengths of the text fields.
func validateDecision(d *khenthuong.Decision) error {
	return khenthuong.ValidateDecision(d)
}

// decisionContext checks d's campaign and returns its form: ENOTFOUND
// (campaign), EINVALID (form).
func decisionContext(tx *bolt.Tx, d *khenthuong.Decision) (*khenthuong.AwardForm, error) {
	if _, err := getCampaign(tx, d.CampaignID); err != nil {
		return nil, fieldOf(err, "campaign")
	}
	form, err := getForm(tx, d.FormCode)
	if err != nil {
		return nil, err
	}
	if form == nil {
		return nil, khenthuong.FieldErrorf("form", "Không có hình thức khen thưởng mã “%s” trong danh mục", d.FormCode)
	}
	return form, nil
}

// listable reads the nominations d is to list, in the order of ids without
// repeats, and checks that each may be: approved, of d's campaign and form,
// and in no other decision: ENOTFOUND, ECONFLICT.
func listable(tx *bolt.Tx, d *khenthuong.Decision, ids []uint64) ([]*khenthuong.Nomination, error) {
	seen := make(map[uint64]bool, len(ids))
	ns := make([]*khenthuong.Nomination, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		n, err := getNomination(tx, id)
		if err != nil {
			return nil, err
		}
		who := n.Nominee.DisplayName()
		switch {
		case n.CampaignID != d.CampaignID:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) thuộc đợt khen thưởng khác", id, who)
		case n.FormCode != d.FormCode:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đề nghị số %d (%s) đề nghị hình thức %s, không phải %s của quyết định", id, who, n.FormCode, d.FormCode)
		case n.Status != khenthuong.StatusApproved:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đề nghị số %d (%s) chưa được duyệt (%s)", id, who, n.Status.Label())
		}
		rv, err := recipientEntry(tx, id)
		if err != nil {
			return nil, err
		}
		if rv != nil && rv.DecisionID != d.ID {
			other, err := getSummary(tx, rv.DecisionID)
			if err != nil {
				return nil, err
			}
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đề nghị số %d (%s) đã có trong quyết định số %s", id, who, other.Number)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// recipientOf is what a decision lists for nomination n until the clerk edits it.
func recipientOf(n *khenthuong.Nomination) khenthuong.Recipient {
	return khenthuong.RecipientOf(n)
}

// printedFields puts the printed fields of given (the clerk's version of the
// i-th recipient) into r, normalised and checked; the kind stays r's.
func printedFields(r, given *khenthuong.Recipient, i int) error {
	return khenthuong.PrintedFields(r, given, i)
}

// orderRecipients puts d.Recipients (recipient i is nomination ns[i]) in d's
// order: list order starts from the nominations' order in the campaign.
func orderRecipients(d *khenthuong.Decision, ns []*khenthuong.Nomination) {
	khenthuong.OrderRecipients(d, ns)
}

// setAmounts computes every recipient's bonus for d's date: EINVALID when no
// coefficient or base salary applies.
func setAmounts(tx *bolt.Tx, d *khenthuong.Decision, form *khenthuong.AwardForm) error {
	s, err := getSettings(tx)
	if err != nil {
		return err
	}
	return s.SetAmounts(d, form)
}

func issuedConflict(d *khenthuong.Decision) error {
	return khenthuong.Errorf(khenthuong.ECONFLICT,
		"Quyết định số %s đã ban hành, không sửa hay xóa được; muốn đính chính hãy dùng sửa đổi có ghi lý do", d.Number)
}

// indexDecision writes d's index entries (replacing those of the same recipients).
func (db *DB) indexDecision(tx *bolt.Tx, d *khenthuong.Decision) error {
	db.dropAwards(tx)
	b := tx.Bucket(bucketRecipientIdx)
	for i := range d.Recipients {
		rv := recipientValueOf(d, &d.Recipients[i])
		if err := b.Put(itob(d.Recipients[i].NominationID), rv.MarshalBinary()); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketCampaignDecisionIdx).Put(campaignDecisionKey(d.CampaignID, d.ID), nil)
}

// unindexDecision removes the entries indexDecision wrote for d (d as stored).
func (db *DB) unindexDecision(tx *bolt.Tx, d *khenthuong.Decision) error {
	db.dropAwards(tx)
	b := tx.Bucket(bucketRecipientIdx)
	for _, r := range d.Recipients {
		if err := b.Delete(itob(r.NominationID)); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketCampaignDecisionIdx).Delete(campaignDecisionKey(d.CampaignID, d.ID))
}

// recipientValueOf is the idx_nomination_decision value of recipient r of d.
func recipientValueOf(d *khenthuong.Decision, r *khenthuong.Recipient) recipientValue {
	v := recipientValue{DecisionID: d.ID, Issued: d.Status == khenthuong.DecisionIssued}
	if v.Issued {
		v.Award = khenthuong.Award{NominationID: r.NominationID, DecisionID: d.ID, FormCode: d.FormCode,
			DecisionNumber: d.Number, DecisionDate: d.Date, RegistryNo: r.RegistryNo, Amount: r.Amount}
	}
	return v
}

// recipientEntry returns the index entry of a nomination, nil if no decision lists it.
func recipientEntry(tx *bolt.Tx, nominationID uint64) (*recipientValue, error) {
	v := tx.Bucket(bucketRecipientIdx).Get(itob(nominationID))
	if v == nil {
		return nil, nil
	}
	var rv recipientValue
	if err := rv.UnmarshalBinary(v); err != nil {
		return nil, err
	}
	rv.Award.NominationID = nominationID
	return &rv, nil
}

// syncDraft keeps the draft decision listing n in step with a change of n:
// the recipient's nominee ID always; with printed, also its nominee and
// achievement as the nomination now has them (and its amount, if the kind
// changed). Issued decisions are never touched. Only that recipient's value
// and the decision's record are rewritten, whatever the length of the list.
func (db *DB) syncDraft(tx *bolt.Tx, n *khenthuong.Nomination, printed bool) error {
	rv, err := recipientEntry(tx, n.ID)
	if err != nil || rv == nil || rv.Issued {
		return err
	}
	s, err := getSummary(tx, rv.DecisionID)
	if err != nil {
		return err
	}
	pos, v := recipientPosition(tx, s.ID, n.ID)
	if pos < 0 {
		return fmt.Errorf("decision %d: index lists nomination %d, the decision does not", s.ID, n.ID)
	}
	var r khenthuong.Recipient
	if err := decode(v, &r); err != nil {
		return err
	}
	oldKind, oldAmount := r.Nominee.Kind, r.Amount
	r.NomineeID = n.NomineeID
	if printed {
		r.Nominee, r.Achievement, r.ProposingUnit = n.Nominee, n.Achievement, n.ProposingUnit
	}
	if r.Nominee.Kind != oldKind {
		form, err := getForm(tx, s.FormCode)
		if err != nil {
			return err
		}
		if form != nil {
			st, err := getSettings(tx)
			if err != nil {
				return err
			}
			if r.Amount, err = st.Bonus(form, r.Nominee.Kind, s.Date); err != nil {
				return fieldOf(err, "date")
			}
		}
		s.ByKind[oldKind]--
		s.ByKind[r.Nominee.Kind]++
		s.TotalAmount += r.Amount - oldAmount
	}
	nv, err := encode(&r)
	if err != nil || bytes.Equal(v, nv) {
		return err
	}
	if err := tx.Bucket(bucketRecipients).Put(recipientKey(s.ID, pos), nv); err != nil {
		return err
	}
	before, err := encode(s)
	if err != nil {
		return err
	}
	s.UpdatedAt = db.now()
	if err := putRecord(tx, s); err != nil {
		return err
	}
	after, err := encode(s)
	if err != nil {
		return err
	}
	changes, err := khenthuong.FieldChanges(before, after)
	if err != nil {
		return err
	}
	rc, err := khenthuong.FieldChanges(v, nv)
	if err != nil {
		return err
	}
	for _, c := range rc {
		c.Field = "recipient." + strconv.Itoa(pos) + "." + c.Field
		changes = append(changes, c)
	}
	return db.auditChanges(tx, entityDecision, idKey(s.ID), actionUpdate, changes)
}

// cloneDecision copies d deeply enough to edit its recipients and amendments.
func cloneDecision(d *khenthuong.Decision) *khenthuong.Decision {
	c := *d
	c.Recipients = slices.Clone(d.Recipients)
	c.Amendments = slices.Clone(d.Amendments)
	return &c
}
