package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// Campaigns returns every campaign, newest first.
func (s *Store) Campaigns() ([]khenthuong.Campaign, error) {
	var cs []khenthuong.Campaign
	err := s.read("campaigns", func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT data FROM campaigns ORDER BY id DESC`)
		if err != nil {
			return err
		}
		cs, err = pgx.CollectRows(rows, pgx.RowTo[khenthuong.Campaign])
		return err
	})
	return cs, err
}

// Campaign returns one campaign: ENOTFOUND.
func (s *Store) Campaign(id uint64) (*khenthuong.Campaign, error) {
	var c *khenthuong.Campaign
	err := s.read("campaign", func(ctx context.Context, tx pgx.Tx) error {
		var err error
		c, err = getCampaign(ctx, tx, id, false)
		return err
	})
	return c, err
}

// CreateCampaign normalises, validates and stores c, setting its ID and times: EINVALID.
func (s *Store) CreateCampaign(c *khenthuong.Campaign) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	saved := *c
	err := s.write("create campaign", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		saved.CreatedAt = s.now()
		saved.UpdatedAt = saved.CreatedAt
		if err := tx.QueryRow(ctx, `INSERT INTO campaigns (data, created_at) VALUES ('{}', $1) RETURNING id`,
			saved.CreatedAt).Scan(&saved.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE campaigns SET data = $2 WHERE id = $1`, saved.ID, &saved); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityCampaign, idKey(saved.ID), actionCreate, nil, &saved)
	})
	if err == nil {
		*c = saved
	}
	return err
}

// UpdateCampaign replaces the stored campaign: EINVALID, ENOTFOUND.
func (s *Store) UpdateCampaign(c *khenthuong.Campaign) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	saved := *c
	err := s.write("update campaign", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getCampaign(ctx, tx, c.ID, true)
		if err != nil {
			return err
		}
		saved.CreatedAt, saved.UpdatedAt = old.CreatedAt, s.now()
		if _, err := tx.Exec(ctx, `UPDATE campaigns SET data = $2 WHERE id = $1`, saved.ID, &saved); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityCampaign, idKey(saved.ID), actionUpdate, old, &saved)
	})
	if err == nil {
		*c = saved
	}
	return err
}

// DeleteCampaign removes an empty campaign: ENOTFOUND, ECONFLICT.
func (s *Store) DeleteCampaign(id uint64) error {
	return s.write("delete campaign", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getCampaign(ctx, tx, id, true)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM nominations WHERE campaign_id = $1`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đợt khen thưởng “%s” còn %d đề nghị, hãy xóa hoặc chuyển các đề nghị trước", old.Name, n)
		}
		var number string
		err = tx.QueryRow(ctx, `SELECT data->>'number' FROM decisions WHERE campaign_id = $1 LIMIT 1`, id).Scan(&number)
		if err == nil {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đợt khen thưởng “%s” đã có quyết định số %s, không xóa được", old.Name, number)
		} else if err != pgx.ErrNoRows {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM campaigns WHERE id = $1`, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityCampaign, idKey(id), actionDelete, old, nil)
	})
}

// getCampaign reads a campaign, locking its row for the transaction when forUpdate.
func getCampaign(ctx context.Context, q querier, id uint64, forUpdate bool) (*khenthuong.Campaign, error) {
	sql := `SELECT data FROM campaigns WHERE id = $1`
	if forUpdate {
		sql += ` FOR UPDATE`
	}
	var c khenthuong.Campaign
	if err := q.QueryRow(ctx, sql, id).Scan(&c); err == pgx.ErrNoRows {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy đợt khen thưởng số %d", id)
	} else if err != nil {
		return nil, err
	}
	return &c, nil
}
