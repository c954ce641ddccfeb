package postgres

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"

	"khenthuong"
	"khenthuong/vntext"
)

// ImportArchive records a decision from the office's archive, as the data file
// does: a campaign of its own named after it, each recipient an approved
// nomination of it, and the decision issued as the document wrote it, marked
// Archive (registry numbers and amounts only where given). It writes issued
// decisions into the registry, so it takes the right to issue. One audited
// transaction: EINVALID, ENOTFOUND (form), ECONFLICT (a decision of the same
// number and date is stored), EFORBIDDEN.
func (s *Store) ImportArchive(d *khenthuong.Decision) error {
	work, campaign, ns, err := khenthuong.ArchiveRecords(d)
	if err != nil {
		return err
	}
	err = s.write("import archive decision", khenthuong.RightIssueDecisions, func(ctx context.Context, tx pgx.Tx) error {
		form, err := getForm(ctx, tx, work.FormCode)
		if err != nil {
			return err
		}
		if form == nil {
			return formNotFound(work.FormCode)
		}
		if err := refuseStoredArchive(ctx, tx, &work); err != nil {
			return err
		}
		now := s.now()
		campaign.CreatedAt, campaign.UpdatedAt = now, now
		if err := tx.QueryRow(ctx, `INSERT INTO campaigns (data, created_at) VALUES ('{}', $1) RETURNING id`, now).Scan(&campaign.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE campaigns SET data = $2 WHERE id = $1`, campaign.ID, &campaign); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, entityCampaign, idKey(campaign.ID), actionCreate, nil, &campaign); err != nil {
			return err
		}
		ids, err := nextIDs(ctx, tx, "nominations_id_seq", len(ns))
		if err != nil {
			return err
		}
		nomineeIDs, err := nextIDs(ctx, tx, "nominees_id_seq", len(ns))
		if err != nil {
			return err
		}
		for i := range ns {
			n := &ns[i]
			n.CampaignID = campaign.ID
			if err := n.ValidateAgainst(form); err != nil {
				return rowError(len(ns), i, err)
			}
			n.ID, n.NomineeID = ids[i], nomineeIDs[i]
			n.CreatedAt, n.UpdatedAt, n.UpdatedBy, n.Version = now, now, s.user, 1
			nominee, err := json.Marshal(&n.Nominee)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO nominees (id, data) VALUES ($1, $2)`, int64(n.NomineeID), nominee); err != nil {
				return err
			}
			row, err := rowOf(n)
			if err != nil {
				return err
			}
			if err := copyRows(ctx, tx, "nominations", nominationColumns, [][]any{row}); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, entityNomination, idKey(n.ID), actionCreate, nil, n); err != nil {
				return err
			}
			r := &work.Recipients[i]
			r.NominationID, r.NomineeID, r.Nominee = n.ID, n.NomineeID, n.Nominee
		}
		did, err := nextIDs(ctx, tx, "decisions_id_seq", 1)
		if err != nil {
			return err
		}
		work.ID, work.CampaignID = did[0], campaign.ID
		work.CreatedAt, work.UpdatedAt, work.IssuedAt = now, now, now
		if err := putDecision(ctx, tx, &work, false); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityDecision, idKey(work.ID), actionCreate, nil, &work)
	})
	if err == nil {
		*d = work
	}
	return err
}

// refuseStoredArchive refuses a decision whose number and date are stored already: the file was imported.
func refuseStoredArchive(ctx context.Context, tx pgx.Tx, d *khenthuong.Decision) error {
	rows, err := tx.Query(ctx, `SELECT id, data->>'number' FROM decisions WHERE date = $1`, d.Date.String())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var number string
		if err := rows.Scan(&id, &number); err != nil {
			return err
		}
		if vntext.Fold(number) == vntext.Fold(d.Number) {
			return khenthuong.Errorf(khenthuong.ECONFLICT, "Quyết định số %s ngày %s đã có trong dữ liệu (mã %d): không nhập lại", d.Number, d.Date.Display(), id)
		}
	}
	return rows.Err()
}
