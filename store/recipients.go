package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// A decision is stored in two parts: bucket decisions holds the decision
// without its recipients, with their count, kinds and total (a
// khenthuong.DecisionSummary, what lists show), and bucket
// decision_recipients holds each recipient under decisionID|position, read
// with a cursor in list order. A decision of 100,000 recipients is then
// 100,000 small values, not one value of 40 MB rewritten by every change.

// decisionID|position -> Recipient JSON.
var bucketRecipients = []byte("decision_recipients")

// recipientKey is decisionID|position (0-based) in decision_recipients.
func recipientKey(decisionID uint64, pos int) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, decisionID)
	binary.BigEndian.PutUint64(k[8:], uint64(pos))
	return k
}

// getSummary reads decision id without its recipients: ENOTFOUND.
func getSummary(tx *bolt.Tx, id uint64) (*khenthuong.DecisionSummary, error) {
	v := tx.Bucket(bucketDecisions).Get(itob(id))
	if v == nil {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy quyết định mã %d", id)
	}
	var s khenthuong.DecisionSummary
	if err := decode(v, &s); err != nil {
		return nil, err
	}
	s.Recipients = nil
	if s.ByKind == nil {
		s.ByKind = map[khenthuong.Kind]int{}
	}
	return &s, nil
}

// getDecision reads decision id with its recipients: ENOTFOUND.
func getDecision(tx *bolt.Tx, id uint64) (*khenthuong.Decision, error) {
	s, err := getSummary(tx, id)
	if err != nil {
		return nil, err
	}
	d := s.Decision
	d.Recipients = make([]khenthuong.Recipient, 0, s.RecipientCount)
	err = eachRecipient(tx, id, khenthuong.Page{}, func(r *khenthuong.Recipient) error {
		d.Recipients = append(d.Recipients, *r)
		return nil
	})
	return &d, err
}

// eachRecipient calls fn with the recipients of decision id in the page p,
// in list order: ENOTFOUND. fn returning errStop ends the scan quietly.
func eachRecipient(tx *bolt.Tx, id uint64, p khenthuong.Page, fn func(*khenthuong.Recipient) error) error {
	if tx.Bucket(bucketDecisions).Get(itob(id)) == nil {
		return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy quyết định mã %d", id)
	}
	prefix := itob(id)
	c := tx.Bucket(bucketRecipients).Cursor()
	n, drop := 0, dropper(tx)
	for k, v := c.Seek(recipientKey(id, p.Offset)); hasPrefixKey(k, prefix); k, v = c.Next() {
		if p.Limit > 0 && n == p.Limit {
			break
		}
		n++
		drop()
		r := new(khenthuong.Recipient)
		if err := decode(v, r); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	return nil
}

// summaryOf is d without its recipients, with their figures.
func summaryOf(d *khenthuong.Decision) *khenthuong.DecisionSummary {
	s := &khenthuong.DecisionSummary{Decision: *d, RecipientCount: len(d.Recipients),
		ByKind: d.CountByKind(), TotalAmount: d.Total()}
	s.Recipients = nil
	return s
}

// putDecision writes d: its record, and those of its recipients that differ
// from the stored ones (a draft's edit rewrites one value, not the list). It
// returns the decision as the audit sees it (decisionView).
func putDecision(tx *bolt.Tx, d *khenthuong.Decision) (json.RawMessage, error) {
	if err := putRecord(tx, summaryOf(d)); err != nil {
		return nil, err
	}
	b := tx.Bucket(bucketRecipients)
	for i := range d.Recipients {
		v, err := encode(&d.Recipients[i])
		if err != nil {
			return nil, err
		}
		k := recipientKey(d.ID, i)
		if bytes.Equal(b.Get(k), v) {
			continue
		}
		if err := b.Put(k, v); err != nil {
			return nil, err
		}
	}
	if err := deleteRecipients(tx, d.ID, len(d.Recipients)); err != nil {
		return nil, err
	}
	return encode(decisionView(d))
}

func putRecord(tx *bolt.Tx, s *khenthuong.DecisionSummary) error {
	v, err := encode(s)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketDecisions).Put(itob(s.ID), v)
}

// deleteRecipients removes the recipients of decision id from position from on.
func deleteRecipients(tx *bolt.Tx, id uint64, from int) error {
	prefix := itob(id)
	c := tx.Bucket(bucketRecipients).Cursor()
	for k, _ := c.Seek(recipientKey(id, from)); hasPrefixKey(k, prefix); k, _ = c.Seek(recipientKey(id, from)) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// deleteDecision removes decision id and its recipients.
func deleteDecision(tx *bolt.Tx, id uint64) error {
	if err := deleteRecipients(tx, id, 0); err != nil {
		return err
	}
	return tx.Bucket(bucketDecisions).Delete(itob(id))
}

// auditedDecision is a decision as its audit records see it: the record
// (summary) with the recipients' nomination IDs in list order. The
// recipients' printed fields are not copied into every audit record; an
// amendment keeps the old values of the recipients it changes.
type auditedDecision struct {
	khenthuong.DecisionSummary
	Recipients []uint64 `json:"recipients"` // shadows Decision.Recipients
}

func decisionView(d *khenthuong.Decision) *auditedDecision {
	v := &auditedDecision{DecisionSummary: *summaryOf(d), Recipients: make([]uint64, len(d.Recipients))}
	for i := range d.Recipients {
		v.Recipients[i] = d.Recipients[i].NominationID
	}
	return v
}

// recipientPosition finds the position of nomination id in decision
// decisionID by its key prefix: Recipient JSON starts with its nomination
// ID, so nothing is decoded. -1 if absent.
func recipientPosition(tx *bolt.Tx, decisionID, nominationID uint64) (int, []byte) {
	want := []byte(`{"nomination_id":` + strconv.FormatUint(nominationID, 10) + `,`)
	prefix := itob(decisionID)
	c := tx.Bucket(bucketRecipients).Cursor()
	for k, v := c.Seek(prefix); hasPrefixKey(k, prefix); k, v = c.Next() {
		if bytes.HasPrefix(v, want) {
			return int(btoi(k[8:])), v
		}
	}
	return -1, nil
}
