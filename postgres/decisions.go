package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// A decision is a row (its fields, as JSON without the recipients) and one
// row per recipient in list order. A nomination is in at most one decision
// (a unique index); issuing draws the registry numbers from the series
// counter locked for the transaction, so concurrent issues of one series wait
// for each other and numbers never repeat or skip.

const (
	actionIssue = "issue"
	actionAmend = "amend"
)

// Decisions returns the decisions of a campaign (all for 0), newest first: ENOTFOUND (campaign).
func (s *Store) Decisions(campaignID uint64) ([]khenthuong.Decision, error) {
	var ds []khenthuong.Decision
	err := s.read("decisions", func(ctx context.Context, tx pgx.Tx) error {
		heads, err := decisionHeads(ctx, tx, campaignID)
		if err != nil {
			return err
		}
		for i := range heads {
			if heads[i].Recipients, err = recipientsOf(ctx, tx, heads[i].ID, khenthuong.Page{}); err != nil {
				return err
			}
		}
		ds = heads
		return nil
	})
	return ds, err
}

// decisionHeads reads decisions without recipients, newest first.
func decisionHeads(ctx context.Context, tx pgx.Tx, campaignID uint64) ([]khenthuong.Decision, error) {
	if campaignID != 0 {
		if _, err := getCampaign(ctx, tx, campaignID, false); err != nil {
			return nil, err
		}
	}
	rows, err := tx.Query(ctx, `SELECT data FROM decisions WHERE $1 = 0 OR campaign_id = $1
		ORDER BY date DESC, id DESC`, int64(campaignID))
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[khenthuong.Decision])
}

// Decision returns one decision with its recipients: ENOTFOUND.
func (s *Store) Decision(id uint64) (*khenthuong.Decision, error) {
	var d *khenthuong.Decision
	err := s.read("decision", func(ctx context.Context, tx pgx.Tx) error {
		var err error
		d, err = getDecision(ctx, tx, id, false)
		return err
	})
	return d, err
}

func getDecision(ctx context.Context, q querier, id uint64, forUpdate bool) (*khenthuong.Decision, error) {
	if forUpdate {
		if err := lockRows(ctx, q, "decisions", []int64{int64(id)}); err != nil {
			return nil, err
		}
	}
	var d khenthuong.Decision
	if err := q.QueryRow(ctx, `SELECT data FROM decisions WHERE id = $1`, int64(id)).Scan(&d); err == pgx.ErrNoRows {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy quyết định mã %d", id)
	} else if err != nil {
		return nil, err
	}
	var err error
	d.Recipients, err = recipientsOf(ctx, q, id, khenthuong.Page{})
	return &d, err
}

// recipientsOf reads a page of a decision's recipients in list order.
func recipientsOf(ctx context.Context, q querier, id uint64, p khenthuong.Page) ([]khenthuong.Recipient, error) {
	limit := any(nil)
	if p.Limit > 0 {
		limit = p.Limit
	}
	rows, err := q.Query(ctx, `SELECT data FROM recipients WHERE decision_id = $1 ORDER BY pos OFFSET $2 LIMIT $3`,
		int64(id), p.Offset, limit)
	if err != nil {
		return nil, err
	}
	rs, err := pgx.CollectRows(rows, pgx.RowTo[khenthuong.Recipient])
	if rs == nil && err == nil {
		rs = []khenthuong.Recipient{}
	}
	return rs, err
}

// putDecision writes d's row (insert or replace) and its recipients.
func putDecision(ctx context.Context, tx pgx.Tx, d *khenthuong.Decision, replace bool) error {
	head := *d
	head.Recipients = nil
	data, err := json.Marshal(&head)
	if err != nil {
		return err
	}
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.String()
	}
	if replace {
		if _, err := tx.Exec(ctx, `DELETE FROM recipients WHERE decision_id = $1`, int64(d.ID)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE decisions SET campaign_id = $2, form_code = $3, status = $4, date = $5, data = $6 WHERE id = $1`,
			int64(d.ID), int64(d.CampaignID), d.FormCode, string(d.Status), date, data); err != nil {
			return err
		}
	} else if _, err := tx.Exec(ctx, `INSERT INTO decisions (id, campaign_id, form_code, status, date, created_at, data)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, int64(d.ID), int64(d.CampaignID), d.FormCode, string(d.Status), date, d.CreatedAt, data); err != nil {
		return err
	}
	rows := make([][]any, len(d.Recipients))
	for i := range d.Recipients {
		r := &d.Recipients[i]
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		var no any
		if r.RegistryNo != "" {
			no = r.RegistryNo
		}
		rows[i] = []any{int64(d.ID), i, int64(r.NominationID), string(r.Nominee.Kind), r.Amount, no, data}
	}
	return copyRows(ctx, tx, "recipients", []string{"decision_id", "pos", "nomination_id", "kind", "amount", "registry_no", "data"}, rows)
}

// decisionOf returns the decision listing a nomination (without recipients), nil if none.
func decisionOf(ctx context.Context, q querier, nominationID uint64) (*khenthuong.Decision, error) {
	var d khenthuong.Decision
	err := q.QueryRow(ctx, `SELECT d.data FROM recipients r JOIN decisions d ON d.id = r.decision_id
		WHERE r.nomination_id = $1`, int64(nominationID)).Scan(&d)
	if err == pgx.ErrNoRows {
		return nil, nil
	}
	return &d, err
}

// CreateDecision stores a draft for approved nominations of d.FormCode:
// EINVALID, ENOTFOUND, ECONFLICT, EFORBIDDEN.
func (s *Store) CreateDecision(d *khenthuong.Decision, nominationIDs []uint64) error {
	d.Normalize()
	if err := khenthuong.ValidateDecision(d); err != nil {
		return err
	}
	saved := *d
	saved.ID, saved.Status, saved.IssuedAt, saved.Amendments = 0, khenthuong.DecisionDraft, time.Time{}, nil
	err := s.write("create decision", khenthuong.RightDraftDecisions, func(ctx context.Context, tx pgx.Tx) error {
		form, err := decisionContext(ctx, tx, &saved)
		if err != nil {
			return err
		}
		ids, err := nextIDs(ctx, tx, "decisions_id_seq", 1)
		if err != nil {
			return err
		}
		saved.ID = ids[0]
		ns, err := listable(ctx, tx, &saved, nominationIDs)
		if err != nil {
			return err
		}
		saved.Recipients = make([]khenthuong.Recipient, len(ns))
		for i, n := range ns {
			saved.Recipients[i] = khenthuong.RecipientOf(n)
		}
		khenthuong.OrderRecipients(&saved, ns)
		if err := setAmounts(ctx, tx, &saved, form); err != nil {
			return err
		}
		saved.CreatedAt = s.now()
		saved.UpdatedAt = saved.CreatedAt
		if err := putDecision(ctx, tx, &saved, false); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityDecision, idKey(saved.ID), actionCreate, nil, &saved)
	})
	if err == nil {
		*d = saved
	}
	return err
}

// UpdateDecision replaces a draft: EINVALID, ENOTFOUND, ECONFLICT, EFORBIDDEN.
func (s *Store) UpdateDecision(d *khenthuong.Decision) error {
	d.Normalize()
	if err := khenthuong.ValidateDecision(d); err != nil {
		return err
	}
	saved := *d
	err := s.write("update decision", khenthuong.RightDraftDecisions, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getDecision(ctx, tx, d.ID, true)
		if err != nil {
			return err
		}
		if old.Status == khenthuong.DecisionIssued {
			return issuedConflict(old)
		}
		form, err := decisionContext(ctx, tx, &saved)
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
		ns, err := listable(ctx, tx, &saved, ids)
		if err != nil {
			return err
		}
		saved.Recipients = make([]khenthuong.Recipient, len(ns))
		for i, n := range ns {
			r := khenthuong.RecipientOf(n)
			if g := given[n.ID]; g.Nominee.Name != "" {
				if err := khenthuong.PrintedFields(&r, &g, i); err != nil {
					return err
				}
			}
			saved.Recipients[i] = r
		}
		khenthuong.OrderRecipients(&saved, ns)
		if err := setAmounts(ctx, tx, &saved, form); err != nil {
			return err
		}
		saved.Status, saved.IssuedAt, saved.Amendments = khenthuong.DecisionDraft, time.Time{}, nil
		saved.CreatedAt, saved.UpdatedAt = old.CreatedAt, s.now()
		if err := putDecision(ctx, tx, &saved, true); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityDecision, idKey(saved.ID), actionUpdate, old, &saved)
	})
	if err == nil {
		*d = saved
	}
	return err
}

// DeleteDecision removes a draft: ENOTFOUND, ECONFLICT when issued, EFORBIDDEN.
func (s *Store) DeleteDecision(id uint64) error {
	return s.write("delete decision", khenthuong.RightDraftDecisions, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getDecision(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if old.Status == khenthuong.DecisionIssued {
			return issuedConflict(old)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM decisions WHERE id = $1`, int64(id)); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityDecision, idKey(id), actionDelete, old, nil)
	})
}

// IssueDecision numbers every recipient from the form's series and locks the
// decision, in one audited transaction: ENOTFOUND, EINVALID, ECONFLICT,
// EFORBIDDEN (only a lãnh đạo issues).
func (s *Store) IssueDecision(id uint64) (*khenthuong.Decision, error) {
	var out *khenthuong.Decision
	err := s.write("issue decision", khenthuong.RightIssueDecisions, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getDecision(ctx, tx, id, true)
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
		if err := khenthuong.ValidateDecision(d); err != nil {
			return err
		}
		form, err := decisionContext(ctx, tx, d)
		if err != nil {
			return err
		}
		ids := make([]uint64, len(d.Recipients))
		for i, r := range d.Recipients {
			ids[i] = r.NominationID
		}
		if _, err := listable(ctx, tx, d, ids); err != nil {
			return err
		}
		if err := setAmounts(ctx, tx, d, form); err != nil {
			return err
		}
		series, err := s.seriesOf(ctx, tx, form)
		if err != nil {
			return err
		}
		if err := drawNumbers(ctx, tx, series, d); err != nil {
			return err
		}
		now := s.now()
		d.Status, d.IssuedAt, d.UpdatedAt = khenthuong.DecisionIssued, now, now
		if err := putDecision(ctx, tx, d, true); err != nil {
			return err
		}
		out = d
		return s.audit(ctx, tx, entityDecision, idKey(id), actionIssue, old, d)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AmendDecision corrects an issued decision, recording who, when, why and the
// old values: EINVALID, ENOTFOUND, ECONFLICT (not issued), EFORBIDDEN.
func (s *Store) AmendDecision(d *khenthuong.Decision, reason string) error {
	reason, err := khenthuong.CleanAmendReason(reason)
	if err != nil {
		return err
	}
	d.Normalize()
	if err := khenthuong.ValidateDecision(d); err != nil {
		return err
	}
	var saved *khenthuong.Decision
	err = s.write("amend decision", khenthuong.RightIssueDecisions, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getDecision(ctx, tx, d.ID, true)
		if err != nil {
			return err
		}
		c, before, err := khenthuong.Amended(old, d)
		if err != nil {
			return err
		}
		now := s.now()
		c.Amendments = append(c.Amendments, khenthuong.Amendment{At: now, User: s.user, Reason: reason, Before: string(before)})
		c.UpdatedAt = now
		if err := putDecision(ctx, tx, c, true); err != nil {
			return err
		}
		saved = c
		return s.audit(ctx, tx, entityDecision, idKey(c.ID), actionAmend, old, c)
	})
	if err == nil {
		*d = *saved
	}
	return err
}

// decisionContext checks d's campaign and returns its form.
func decisionContext(ctx context.Context, tx pgx.Tx, d *khenthuong.Decision) (*khenthuong.AwardForm, error) {
	if _, err := getCampaign(ctx, tx, d.CampaignID, false); err != nil {
		return nil, fieldOf(err, "campaign")
	}
	form, err := getForm(ctx, tx, d.FormCode)
	if err != nil {
		return nil, err
	}
	if form == nil {
		return nil, khenthuong.FieldErrorf("form", "Không có hình thức khen thưởng mã “%s” trong danh mục", d.FormCode)
	}
	return form, nil
}

// listable reads and locks the nominations d is to list, in the order of ids
// without repeats: approved, of d's campaign and form, in no other decision.
func listable(ctx context.Context, tx pgx.Tx, d *khenthuong.Decision, ids []uint64) ([]*khenthuong.Nomination, error) {
	seen := make(map[uint64]bool, len(ids))
	uniq := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, int64(id))
		}
	}
	if err := lockRows(ctx, tx, "nominations", uniq); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, `SELECT n.id, n.data, d.id, d.data->>'number' FROM nominations n
		LEFT JOIN recipients r ON r.nomination_id = n.id LEFT JOIN decisions d ON d.id = r.decision_id
		WHERE n.id = ANY($1)`, uniq)
	if err != nil {
		return nil, err
	}
	type found struct {
		n        khenthuong.Nomination
		decision *int64
		number   *string
	}
	byID := map[uint64]*found{}
	for rows.Next() {
		var id int64
		f := &found{}
		if err := rows.Scan(&id, &f.n, &f.decision, &f.number); err != nil {
			rows.Close()
			return nil, err
		}
		byID[uint64(id)] = f
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ns := make([]*khenthuong.Nomination, 0, len(uniq))
	for _, id64 := range uniq {
		id := uint64(id64)
		f, ok := byID[id]
		if !ok {
			return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy đề nghị số %d", id)
		}
		n := &f.n
		who := n.Nominee.DisplayName()
		switch {
		case n.CampaignID != d.CampaignID:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) thuộc đợt khen thưởng khác", id, who)
		case n.FormCode != d.FormCode:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đề nghị số %d (%s) đề nghị hình thức %s, không phải %s của quyết định", id, who, n.FormCode, d.FormCode)
		case n.Status != khenthuong.StatusApproved:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) chưa được duyệt (%s)", id, who, n.Status.Label())
		case f.decision != nil && uint64(*f.decision) != d.ID:
			return nil, khenthuong.Errorf(khenthuong.ECONFLICT, "Đề nghị số %d (%s) đã có trong quyết định số %s", id, who, *f.number)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// setAmounts computes every recipient's bonus for d's date.
func setAmounts(ctx context.Context, tx pgx.Tx, d *khenthuong.Decision, form *khenthuong.AwardForm) error {
	st, err := getSettings(ctx, tx)
	if err != nil {
		return err
	}
	return st.SetAmounts(d, form)
}

// syncDraft keeps a draft decision listing n in step with n (the printed
// fields when printed, the amount if the kind changed). Issued decisions are never touched.
func (s *Store) syncDraft(ctx context.Context, tx pgx.Tx, n *khenthuong.Nomination, printed bool) error {
	head, err := decisionOf(ctx, tx, n.ID)
	if err != nil || head == nil || head.Status == khenthuong.DecisionIssued {
		return err
	}
	old, err := getDecision(ctx, tx, head.ID, true)
	if err != nil {
		return err
	}
	d := cloneDecision(old)
	i := slices.IndexFunc(d.Recipients, func(r khenthuong.Recipient) bool { return r.NominationID == n.ID })
	if i < 0 {
		return nil
	}
	r := &d.Recipients[i]
	kindChanged := r.Nominee.Kind != n.Nominee.Kind
	r.NomineeID = n.NomineeID
	if printed {
		r.Nominee, r.Achievement = n.Nominee, n.Achievement
	}
	if kindChanged {
		form, err := getForm(ctx, tx, d.FormCode)
		if err != nil {
			return err
		}
		if form != nil {
			if err := setAmounts(ctx, tx, d, form); err != nil {
				return err
			}
		}
	}
	before, _ := json.Marshal(old)
	after, err := json.Marshal(d)
	if err != nil || bytes.Equal(before, after) {
		return err
	}
	d.UpdatedAt = s.now()
	if err := putDecision(ctx, tx, d, true); err != nil {
		return err
	}
	return s.audit(ctx, tx, entityDecision, idKey(d.ID), actionUpdate, old, d)
}

func issuedConflict(d *khenthuong.Decision) error {
	return khenthuong.Errorf(khenthuong.ECONFLICT,
		"Quyết định số %s đã ban hành, không sửa hay xóa được; muốn đính chính hãy dùng sửa đổi có ghi lý do", d.Number)
}

func cloneDecision(d *khenthuong.Decision) *khenthuong.Decision {
	c := *d
	c.Recipients = slices.Clone(d.Recipients)
	c.Amendments = slices.Clone(d.Amendments)
	return &c
}
