package store

import (
	"strconv"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Campaigns returns every campaign, newest first.
func (db *DB) Campaigns() ([]khenthuong.Campaign, error) {
	var cs []khenthuong.Campaign
	err := db.view("campaigns", func(tx *bolt.Tx) error {
		// IDs grow with creation, so a reverse scan is newest first.
		c := tx.Bucket(bucketCampaigns).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var cp khenthuong.Campaign
			if err := decode(v, &cp); err != nil {
				return err
			}
			cs = append(cs, cp)
		}
		return nil
	})
	return cs, err
}

// Campaign returns one campaign: ENOTFOUND.
func (db *DB) Campaign(id uint64) (*khenthuong.Campaign, error) {
	var c *khenthuong.Campaign
	err := db.view("campaign", func(tx *bolt.Tx) error {
		var err error
		c, err = getCampaign(tx, id)
		return err
	})
	return c, err
}

// CreateCampaign normalises, validates and stores c, setting its ID and times: EINVALID.
func (db *DB) CreateCampaign(c *khenthuong.Campaign) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	saved := *c
	err := db.update("create campaign", func(tx *bolt.Tx) error {
		id, err := tx.Bucket(bucketCampaigns).NextSequence()
		if err != nil {
			return err
		}
		saved.ID = id
		saved.CreatedAt = db.now()
		saved.UpdatedAt = saved.CreatedAt
		if err := putCampaign(tx, &saved); err != nil {
			return err
		}
		return db.audit(tx, entityCampaign, idKey(id), actionCreate, nil, &saved)
	})
	if err == nil {
		*c = saved // only a committed write shows its ID
	}
	return err
}

// UpdateCampaign replaces the stored campaign: EINVALID, ENOTFOUND.
func (db *DB) UpdateCampaign(c *khenthuong.Campaign) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	saved := *c
	err := db.update("update campaign", func(tx *bolt.Tx) error {
		old, err := getCampaign(tx, c.ID)
		if err != nil {
			return err
		}
		saved.CreatedAt = old.CreatedAt
		saved.UpdatedAt = db.now()
		if err := putCampaign(tx, &saved); err != nil {
			return err
		}
		return db.audit(tx, entityCampaign, idKey(c.ID), actionUpdate, old, &saved)
	})
	if err == nil {
		*c = saved
	}
	return err
}

// DeleteCampaign removes an empty campaign: ENOTFOUND, ECONFLICT when it still
// has nominations or decisions.
func (db *DB) DeleteCampaign(id uint64) error {
	return db.update("delete campaign", func(tx *bolt.Tx) error {
		old, err := getCampaign(tx, id)
		if err != nil {
			return err
		}
		if n := countCampaignNominations(tx, id); n > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đợt khen thưởng “%s” còn %d đề nghị, hãy xóa hoặc chuyển các đề nghị trước", old.Name, n)
		}
		ds, err := decisionsWhere(tx, func(d *khenthuong.Decision) bool { return d.CampaignID == id })
		if err != nil {
			return err
		}
		if len(ds) > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Đợt khen thưởng “%s” đã có quyết định số %s, không xóa được", old.Name, ds[0].Number)
		}
		if err := tx.Bucket(bucketCampaigns).Delete(itob(id)); err != nil {
			return err
		}
		return db.audit(tx, entityCampaign, idKey(id), actionDelete, old, nil)
	})
}

func getCampaign(tx *bolt.Tx, id uint64) (*khenthuong.Campaign, error) {
	v := tx.Bucket(bucketCampaigns).Get(itob(id))
	if v == nil {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy đợt khen thưởng số %d", id)
	}
	var c khenthuong.Campaign
	if err := decode(v, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

func putCampaign(tx *bolt.Tx, c *khenthuong.Campaign) error {
	v, err := encode(c)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketCampaigns).Put(itob(c.ID), v)
}

// idKey is an ID as audit records and problems name it.
func idKey(id uint64) string { return strconv.FormatUint(id, 10) }
