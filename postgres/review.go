package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

const (
	entityNominee  = "nominee"
	actionLink     = "link"
	actionUnlink   = "unlink"
	actionDistinct = "distinct"
)

// SetStatus changes the status of every listed nomination in one
// transaction, each change audited: EINVALID, ENOTFOUND, ECONFLICT.
func (s *Store) SetStatus(ids []uint64, to khenthuong.Status, reason string) error {
	reason, err := khenthuong.CleanStatusChange(to, reason)
	if err != nil {
		return err
	}
	return s.write("set status", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		now := s.now()
		seen := make(map[uint64]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			old, err := getNomination(ctx, tx, id, true)
			if err != nil {
				return err
			}
			if old.Status == to && old.RejectReason == reason {
				continue
			}
			if d, err := decisionOf(ctx, tx, id); err != nil {
				return err
			} else if d != nil {
				return khenthuong.Errorf(khenthuong.ECONFLICT,
					"Đề nghị số %d (%s) đã có trong quyết định số %s, không đổi trạng thái được", id, old.Nominee.DisplayName(), d.Number)
			}
			if old.Status != to && !khenthuong.CanTransition(old.Status, to) {
				return khenthuong.FieldErrorf("status", "Đề nghị số %d (%s): không chuyển được từ “%s” sang “%s”",
					id, old.Nominee.DisplayName(), old.Status.Label(), to.Label())
			}
			n := *old
			n.Status, n.RejectReason, n.UpdatedAt, n.UpdatedBy, n.Version = to, reason, now, s.user, old.Version+1
			if err := putNomination(ctx, tx, &n); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, entityNomination, idKey(id), khenthuong.StatusAction(to), old, &n); err != nil {
				return err
			}
		}
		return nil
	})
}

// Warnings computes the review warnings of a campaign's nominations. The
// server picks what khenthuong.ReviewWarnings needs: the campaign's own
// nominations and the awarded ones elsewhere sharing a nominee or a folded name.
func (s *Store) Warnings(campaignID uint64) (map[uint64][]khenthuong.Warning, error) {
	return s.warnings(campaignID, nil)
}

// WarningsOf computes the warnings of the listed nominations of a campaign
// (the rows on screen) as Warnings gives them: the server sends those rows
// and the ones related to them (of the campaign, or awarded elsewhere), and
// counts the campaign's approvals by form for the quotas.
func (s *Store) WarningsOf(campaignID uint64, ids []uint64) (map[uint64][]khenthuong.Warning, error) {
	part := make([]int64, len(ids))
	for i, id := range ids {
		part[i] = int64(id)
	}
	return s.warnings(campaignID, part)
}

// warnings computes the warnings of the campaign's nominations in part (every one for nil).
func (s *Store) warnings(campaignID uint64, part []int64) (map[uint64][]khenthuong.Warning, error) {
	in, err := s.reviewInput(campaignID, part)
	if err != nil {
		return nil, err
	}
	return khenthuong.ReviewWarnings(in), nil
}

// reviewColumns are the fields of a nomination's data ReviewWarnings
// reads, as columns: the rest (the achievement is most of a record) stays
// on the server, and the client decodes no JSON. Read by scanReviewed.
const reviewColumns = `n.id, n.campaign_id, n.nominee_id, n.data->>'form', (n.data->>'order')::int, n.data->>'status',
	n.data->'nominee'->>'kind', coalesce(n.data->'nominee'->>'title', ''), n.data->'nominee'->>'name',
	coalesce(n.data->'nominee'->>'birth', ''), coalesce(n.data->'nominee'->>'position', ''), coalesce(n.data->'nominee'->>'unit', '')`

// scanReviewed reads a row of reviewColumns after the values of before.
func scanReviewed(rows pgx.Rows, before any, n *khenthuong.Nomination) error {
	var id, campaignID, nomineeID int64
	var birth string
	p := &n.Nominee
	if err := rows.Scan(before, &id, &campaignID, &nomineeID, &n.FormCode, &n.Order, &n.Status,
		&p.Kind, &p.Title, &p.Name, &birth, &p.Position, &p.Unit); err != nil {
		return err
	}
	n.ID, n.CampaignID, n.NomineeID = uint64(id), uint64(campaignID), uint64(nomineeID)
	var err error
	p.Birth, err = khenthuong.ParseDate(birth) // as Date's UnmarshalJSON reads it
	return err
}

// reviewInput is what ReviewWarnings reads for the campaign's nominations
// in part (every one for nil).
func (s *Store) reviewInput(campaignID uint64, part []int64) (khenthuong.ReviewInput, error) {
	var in khenthuong.ReviewInput
	err := s.read("warnings", func(ctx context.Context, tx pgx.Tx) error {
		c, err := getCampaign(ctx, tx, campaignID, false)
		if err != nil {
			return err
		}
		in = khenthuong.ReviewInput{Campaign: c, Awards: map[uint64]khenthuong.Award{},
			Distinct: map[khenthuong.NomineePair]bool{}, Forms: map[string]*khenthuong.AwardForm{}}
		if part != nil {
			if in.Approved, err = approvedByForm(ctx, tx, campaignID); err != nil {
				return err
			}
		}
		// $2 NULL: the whole campaign; else its rows $2 and the rest of the
		// campaign that relates to them.
		rows, err := tx.Query(ctx, `
			WITH own AS (SELECT id, nominee_id, folded_name FROM nominations
				WHERE campaign_id = $1 AND ($2::bigint[] IS NULL OR id = ANY($2))),
			awarded AS (
				SELECT n.id FROM nominations n
				JOIN recipients r ON r.nomination_id = n.id
				JOIN decisions d ON d.id = r.decision_id AND d.status = 'issued'
				WHERE n.campaign_id <> $1 AND (n.nominee_id IN (SELECT nominee_id FROM own)
					OR n.folded_name IN (SELECT folded_name FROM own))),
			same AS (
				SELECT n.id FROM nominations n
				WHERE $2::bigint[] IS NOT NULL AND n.campaign_id = $1 AND NOT n.id = ANY($2)
					AND (n.nominee_id IN (SELECT nominee_id FROM own) OR n.folded_name IN (SELECT folded_name FROM own)))
			SELECT n.id IN (SELECT id FROM own), `+reviewColumns+` FROM nominations n
			WHERE n.id IN (SELECT id FROM own) OR n.id IN (SELECT id FROM awarded) OR n.id IN (SELECT id FROM same)
			ORDER BY n.campaign_id <> $1, n.ord, n.id`, int64(campaignID), part)
		if err != nil {
			return err
		}
		for rows.Next() {
			var mine bool
			var n khenthuong.Nomination
			if err := scanReviewed(rows, &mine, &n); err != nil {
				rows.Close()
				return err
			}
			in.All = append(in.All, n)
			if mine {
				in.Nominations = append(in.Nominations, n)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		ids := make([]int64, len(in.All))
		for i := range in.All {
			ids[i] = int64(in.All[i].ID)
		}
		if err := awardsOf(ctx, tx, ids, in.Awards); err != nil {
			return err
		}
		forms, err := tx.Query(ctx, `SELECT data FROM forms`)
		if err != nil {
			return err
		}
		fs, err := pgx.CollectRows(forms, pgx.RowTo[khenthuong.AwardForm])
		if err != nil {
			return err
		}
		for i := range fs {
			in.Forms[fs[i].Code] = &fs[i]
		}
		pairs, err := tx.Query(ctx, `SELECT a, b FROM nominee_distinct`)
		if err != nil {
			return err
		}
		var a, b int64
		_, err = pgx.ForEachRow(pairs, []any{&a, &b}, func() error {
			in.Distinct[khenthuong.NomineePair{uint64(a), uint64(b)}] = true
			return nil
		})
		return err
	})
	return in, err
}

// awardsOf fills awards with the awards of the given nominations in issued decisions.
func awardsOf(ctx context.Context, q querier, ids []int64, awards map[uint64]khenthuong.Award) error {
	rows, err := q.Query(ctx, `SELECT r.nomination_id, d.id, d.form_code, d.data->>'number', d.data->'date',
			coalesce(r.registry_no, ''), r.amount
		FROM recipients r JOIN decisions d ON d.id = r.decision_id
		WHERE d.status = 'issued' AND r.nomination_id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	var nid, did int64
	var a khenthuong.Award
	_, err = pgx.ForEachRow(rows, []any{&nid, &did, &a.FormCode, &a.DecisionNumber, &a.DecisionDate, &a.RegistryNo, &a.Amount}, func() error {
		a.NominationID, a.DecisionID = uint64(nid), uint64(did)
		awards[a.NominationID] = a
		return nil
	})
	return err
}

// LinkNominees records that the nominees of two nominations are the same:
// ENOTFOUND, EINVALID.
func (s *Store) LinkNominees(nominationA, nominationB uint64) error {
	if nominationA == nominationB {
		return khenthuong.Errorf(khenthuong.EINVALID, "Hãy chọn hai đề nghị khác nhau")
	}
	return s.write("link nominees", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		a, err := getNomination(ctx, tx, nominationA, true)
		if err != nil {
			return err
		}
		b, err := getNomination(ctx, tx, nominationB, true)
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
		rows, err := tx.Query(ctx, `SELECT data FROM nominations WHERE nominee_id = $1 ORDER BY id FOR UPDATE`, int64(from))
		if err != nil {
			return err
		}
		olds, err := pgx.CollectRows(rows, pgx.RowTo[khenthuong.Nomination])
		if err != nil {
			return err
		}
		now := s.now()
		for i := range olds {
			old := &olds[i]
			n := *old
			n.NomineeID, n.UpdatedAt, n.UpdatedBy, n.Version = to, now, s.user, old.Version+1
			if err := putNomination(ctx, tx, &n); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, entityNomination, idKey(n.ID), actionLink, old, &n); err != nil {
				return err
			}
			if err := s.syncDraft(ctx, tx, &n, false); err != nil {
				return err
			}
		}
		p := khenthuong.PairOf(to, from)
		_, err = tx.Exec(ctx, `DELETE FROM nominee_distinct WHERE a = $1 AND b = $2`, int64(p[0]), int64(p[1]))
		return err
	})
}

// MarkDistinct records that the nominees of two nominations are different
// people: ENOTFOUND, EINVALID.
func (s *Store) MarkDistinct(nominationA, nominationB uint64) error {
	if nominationA == nominationB {
		return khenthuong.Errorf(khenthuong.EINVALID, "Hãy chọn hai đề nghị khác nhau")
	}
	return s.write("mark distinct", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		a, err := getNomination(ctx, tx, nominationA, true)
		if err != nil {
			return err
		}
		b, err := getNomination(ctx, tx, nominationB, true)
		if err != nil {
			return err
		}
		if a.NomineeID == b.NomineeID {
			n := *b
			ids, err := nextIDs(ctx, tx, "nominees_id_seq", 1)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO nominees (id, data) VALUES ($1, $2)`, int64(ids[0]), &n.Nominee); err != nil {
				return err
			}
			n.NomineeID, n.UpdatedAt, n.UpdatedBy, n.Version = ids[0], s.now(), s.user, b.Version+1
			if err := putNomination(ctx, tx, &n); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, entityNomination, idKey(n.ID), actionUnlink, b, &n); err != nil {
				return err
			}
			if err := s.syncDraft(ctx, tx, &n, false); err != nil {
				return err
			}
			b = &n
		}
		p := khenthuong.PairOf(a.NomineeID, b.NomineeID)
		if _, err := tx.Exec(ctx, `INSERT INTO nominee_distinct (a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
			int64(p[0]), int64(p[1])); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityNominee, fmt.Sprintf("%d-%d", p[0], p[1]), actionDistinct, nil, p)
	})
}

func lowerKind(k khenthuong.Kind) string { return strings.ToLower(k.Label()) }

// approvedByForm counts a campaign's approved nominations by form.
func approvedByForm(ctx context.Context, tx pgx.Tx, campaignID uint64) (map[string]int, error) {
	rows, err := tx.Query(ctx, `SELECT form_code, count(*) FROM nominations
		WHERE campaign_id = $1 AND status = 'approved' GROUP BY form_code`, int64(campaignID))
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	var form string
	var n int
	_, err = pgx.ForEachRow(rows, []any{&form, &n}, func() error {
		out[form] = n
		return nil
	})
	return out, err
}
