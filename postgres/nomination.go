package postgres

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"

	"khenthuong"
	"khenthuong/vntext"
)

// nominationColumns are the columns of a nomination row, in the order rowOf gives them.
var nominationColumns = []string{"id", "campaign_id", "nominee_id", "form_code", "kind", "status", "ord",
	"folded_name", "search_text", "name_key", "unit_key", "proposer", "created_at", "updated_at", "updated_by", "version", "data"}

// rowOf is the row of n: the domain value and the columns the server filters,
// sorts and searches on, computed here once per write.
func rowOf(n *khenthuong.Nomination) ([]any, error) {
	data, err := json.Marshal(n)
	if err != nil {
		return nil, err
	}
	name := vntext.Fold(n.Nominee.Name)
	nameKey := vntext.SortKey(n.Nominee.Name)
	if n.Nominee.Kind == khenthuong.Individual {
		nameKey = vntext.NameSortKey(n.Nominee.Name)
	}
	search := name + "|" + vntext.Fold(n.Nominee.Unit) + "|" + vntext.Fold(n.Nominee.Position)
	return []any{int64(n.ID), int64(n.CampaignID), int64(n.NomineeID), n.FormCode, string(n.Nominee.Kind), string(n.Status), n.Order,
		name, search, nameKey, vntext.SortKey(n.Nominee.Unit), vntext.Fold(n.ProposingUnit), n.CreatedAt, n.UpdatedAt, n.UpdatedBy, n.Version, data}, nil
}

// Nominations returns the nominations matching f, by campaign then list order.
func (s *Store) Nominations(f khenthuong.NominationFilter) ([]khenthuong.Nomination, error) {
	var ns []khenthuong.Nomination
	err := s.EachNomination(f, func(n *khenthuong.Nomination) error {
		ns = append(ns, *n)
		return nil
	})
	return ns, err
}

// Nomination returns one nomination: ENOTFOUND.
func (s *Store) Nomination(id uint64) (*khenthuong.Nomination, error) {
	var n *khenthuong.Nomination
	err := s.read("nomination", func(ctx context.Context, tx pgx.Tx) error {
		var err error
		n, err = getNomination(ctx, tx, id, false)
		return err
	})
	return n, err
}

// CreateNominations normalises, validates and stores all of ns in one
// transaction: EINVALID, ENOTFOUND (campaign). Rows go to the server with
// COPY, so an import of thousands is one round trip per table.
func (s *Store) CreateNominations(ns []khenthuong.Nomination) error {
	if len(ns) == 0 {
		return nil
	}
	work := make([]khenthuong.Nomination, len(ns))
	copy(work, ns)
	for i := range work {
		work[i].Normalize()
		if err := work[i].Validate(); err != nil {
			return rowError(len(ns), i, err)
		}
	}
	err := s.write("create nominations", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		return s.createRows(ctx, tx, newCreation(s.now()), work, func(i int, err error) error { return rowError(len(ns), i, err) })
	})
	if err == nil {
		copy(ns, work)
	}
	return err
}

// creation is what the batches of one write transaction share.
type creation struct {
	now    time.Time
	forms  map[string]*khenthuong.AwardForm
	orders map[uint64]int // the last list position per campaign
}

func newCreation(now time.Time) *creation {
	return &creation{now: now, forms: map[string]*khenthuong.AwardForm{}, orders: map[uint64]int{}}
}

// createRows stores work, normalised and validated, as new nominations with
// their nominees and audit records, by COPY; row names the row of an
// application error.
func (s *Store) createRows(ctx context.Context, tx pgx.Tx, c *creation, work []khenthuong.Nomination, row func(i int, err error) error) error {
	ids, err := nextIDs(ctx, tx, "nominations_id_seq", len(work))
	if err != nil {
		return err
	}
	var newNominees []int
	for i := range work {
		n := &work[i]
		if _, ok := c.orders[n.CampaignID]; !ok {
			if _, err := getCampaign(ctx, tx, n.CampaignID, true); err != nil { // the lock orders concurrent imports
				return row(i, fieldOf(err, "campaign"))
			}
			if c.orders[n.CampaignID], err = lastOrder(ctx, tx, n.CampaignID); err != nil {
				return err
			}
		}
		form, ok := c.forms[n.FormCode]
		if !ok {
			if form, err = getForm(ctx, tx, n.FormCode); err != nil {
				return row(i, err) // as the file store: the row named
			}
			c.forms[n.FormCode] = form
		}
		if err := n.ValidateAgainst(form); err != nil {
			return row(i, err)
		}
		if n.Order == 0 {
			c.orders[n.CampaignID]++
			n.Order = c.orders[n.CampaignID]
		} else if n.Order > c.orders[n.CampaignID] {
			c.orders[n.CampaignID] = n.Order
		}
		n.ID = ids[i]
		n.CreatedAt, n.UpdatedAt, n.UpdatedBy, n.Version = c.now, c.now, s.user, 1
		if n.NomineeID == 0 {
			newNominees = append(newNominees, i)
		} else if err := updateNominee(ctx, tx, n); err != nil {
			return row(i, err)
		}
	}
	nomineeIDs, err := nextIDs(ctx, tx, "nominees_id_seq", len(newNominees))
	if err != nil {
		return err
	}
	nominees := make([][]any, len(newNominees))
	for j, i := range newNominees {
		work[i].NomineeID = nomineeIDs[j]
		data, err := json.Marshal(&work[i].Nominee)
		if err != nil {
			return err
		}
		nominees[j] = []any{int64(nomineeIDs[j]), data}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"nominees"}, []string{"id", "data"}, pgx.CopyFromRows(nominees)); err != nil {
		return err
	}
	rows := make([][]any, len(work))
	audits := make([][]any, len(work))
	for i := range work {
		if rows[i], err = rowOf(&work[i]); err != nil {
			return err
		}
		// A creation keeps no values: they are the record's.
		audits[i] = []any{c.now, s.user, entityNomination, idKey(work[i].ID), actionCreate, nil}
	}
	if err := copyRows(ctx, tx, "nominations", nominationColumns, rows); err != nil {
		return err
	}
	return copyRows(ctx, tx, "audit", []string{"at", "login", "entity", "key", "action", "changes"}, audits)
}

// UpdateNomination replaces a stored nomination: EINVALID, ENOTFOUND,
// ECONFLICT (in an issued decision; in a draft, a change of status, form or
// campaign; a Version older than the stored one, naming who saved it and when).
func (s *Store) UpdateNomination(n *khenthuong.Nomination) error {
	n.Normalize()
	if err := n.Validate(); err != nil {
		return err
	}
	saved := *n
	err := s.write("update nomination", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getNomination(ctx, tx, n.ID, true)
		if err != nil {
			return err
		}
		if saved.Version != 0 && saved.Version != old.Version {
			return staleSave(old)
		}
		if d, err := decisionOf(ctx, tx, n.ID); err != nil {
			return err
		} else if d != nil {
			if err := khenthuong.EditInDecision(old, &saved, d); err != nil {
				return err
			}
		}
		if saved.Status != old.Status && !khenthuong.CanTransition(old.Status, saved.Status) {
			return khenthuong.FieldErrorf("status", "Không chuyển được đề nghị từ “%s” sang “%s”",
				old.Status.Label(), saved.Status.Label())
		}
		if _, err := getCampaign(ctx, tx, saved.CampaignID, saved.CampaignID != old.CampaignID); err != nil {
			return fieldOf(err, "campaign")
		}
		form, err := getForm(ctx, tx, saved.FormCode)
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
				last, err := lastOrder(ctx, tx, saved.CampaignID)
				if err != nil {
					return err
				}
				saved.Order = last + 1
			}
		}
		saved.CreatedAt, saved.UpdatedAt, saved.UpdatedBy, saved.Version = old.CreatedAt, s.now(), s.user, old.Version+1
		if err := updateNominee(ctx, tx, &saved); err != nil {
			return err
		}
		if err := putNomination(ctx, tx, &saved); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, entityNomination, idKey(saved.ID), actionUpdate, old, &saved); err != nil {
			return err
		}
		return s.syncDraft(ctx, tx, &saved, true)
	})
	if err == nil {
		*n = saved
	}
	return err
}

// staleSave is the refusal of a save made on an old copy.
func staleSave(stored *khenthuong.Nomination) error {
	return khenthuong.Errorf(khenthuong.ECONFLICT,
		"Đề nghị của %s đã được %s sửa lúc %s, sau khi anh/chị mở nó: hãy mở lại để xem thay đổi rồi sửa tiếp, không có gì bị ghi đè",
		stored.Nominee.DisplayName(), stored.UpdatedBy, stored.UpdatedAt.Local().Format("15:04:05 ngày 02/01/2006"))
}

// DeleteNomination removes a nomination: ENOTFOUND, ECONFLICT (in a decision).
func (s *Store) DeleteNomination(id uint64) error {
	return s.write("delete nomination", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getNomination(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if d, err := decisionOf(ctx, tx, id); err != nil {
			return err
		} else if d != nil {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đề nghị này đã có trong Quyết định số %s, hãy bỏ khỏi quyết định trước khi xóa", d.Number)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM nominations WHERE id = $1`, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityNomination, idKey(id), actionDelete, old, nil)
	})
}

func getNomination(ctx context.Context, q querier, id uint64, forUpdate bool) (*khenthuong.Nomination, error) {
	if forUpdate {
		if err := lockRows(ctx, q, "nominations", []int64{int64(id)}); err != nil {
			return nil, err
		}
	}
	var n khenthuong.Nomination
	if err := q.QueryRow(ctx, `SELECT data FROM nominations WHERE id = $1`, id).Scan(&n); err == pgx.ErrNoRows {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy đề nghị số %d", id)
	} else if err != nil {
		return nil, err
	}
	return &n, nil
}

// putNomination rewrites a stored nomination's row.
func putNomination(ctx context.Context, tx pgx.Tx, n *khenthuong.Nomination) error {
	row, err := rowOf(n)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE nominations SET campaign_id = $2, nominee_id = $3, form_code = $4, kind = $5,
		status = $6, ord = $7, folded_name = $8, search_text = $9, name_key = $10, unit_key = $11, proposer = $12,
		created_at = $13, updated_at = $14, updated_by = $15, version = $16, data = $17 WHERE id = $1`, row...)
	return err
}

// updateNominee stores n's nominee as the latest snapshot of its existing record.
func updateNominee(ctx context.Context, tx pgx.Tx, n *khenthuong.Nomination) error {
	tag, err := tx.Exec(ctx, `UPDATE nominees SET data = $2 WHERE id = $1`, int64(n.NomineeID), &n.Nominee)
	if err == nil && tag.RowsAffected() == 0 {
		err = khenthuong.FieldErrorf("nominee_id", "Không tìm thấy đối tượng số %d", n.NomineeID)
	}
	return err
}

// lastOrder is the campaign's last list position (0 when it has none).
func lastOrder(ctx context.Context, q querier, campaignID uint64) (int, error) {
	var last int
	err := q.QueryRow(ctx, `SELECT coalesce(max(ord), 0) FROM nominations WHERE campaign_id = $1`, campaignID).Scan(&last)
	return last, err
}

// nextIDs draws n values of a sequence in one statement.
func nextIDs(ctx context.Context, q querier, seq string, n int) ([]uint64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, `SELECT nextval($1::regclass) FROM generate_series(1, $2)`, seq, n)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (uint64, error) {
		var id int64
		err := r.Scan(&id)
		return uint64(id), err
	})
}

// rowError prefixes the row number (1-based) to an error about one row of a
// batch, keeping its code and field; single writes are left as they are.
func rowError(rows, i int, err error) error { return khenthuong.RowError(rows, i, err) }

// fieldOf names the field an application error is about, if it names none.
func fieldOf(err error, field string) error { return khenthuong.WithField(err, field) }

// lockRows locks rows of table by ID for the transaction.
// Row security hides from a lock the rows the login may not change (a
// chuyên viên's view of an issued decision and what it awards), so the row is
// then read without the lock, and the caller's own checks refuse the change
// with its reason instead of “not found”.
func lockRows(ctx context.Context, q querier, table string, ids []int64) error {
	_, err := q.Exec(ctx, `SELECT 1 FROM `+table+` WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids)
	return err
}
