package store

import (
	bolt "go.etcd.io/bbolt"

	"khenthuong"
	"khenthuong/vntext"
)

// ImportArchive records a decision from the office's archive: a campaign of
// its own named after it, each recipient as an approved nomination of that
// campaign, and the decision as issued, marked Archive, with the registry
// numbers and amounts the document wrote and no others. One audited
// transaction: EINVALID, ENOTFOUND (form), ECONFLICT (a decision of the same
// number and date is stored: the file was imported already).
func (db *DB) ImportArchive(d *khenthuong.Decision) error {
	work, campaign, ns, err := khenthuong.ArchiveRecords(d)
	if err != nil {
		return err
	}
	err = db.update("import archive decision", func(tx *bolt.Tx) error {
		form, err := getForm(tx, work.FormCode)
		if err != nil {
			return err
		}
		if form == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có hình thức %s trong danh mục", work.FormCode)
		}
		same, err := decisionsWhere(tx, func(o *khenthuong.Decision) bool {
			return o.Date == work.Date && vntext.Fold(o.Number) == vntext.Fold(work.Number)
		})
		if err != nil {
			return err
		}
		if len(same) > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT, "Quyết định số %s ngày %s đã có trong dữ liệu (mã %d): không nhập lại", work.Number, work.Date.Display(), same[0].ID)
		}
		now := db.now()
		cid, err := tx.Bucket(bucketCampaigns).NextSequence()
		if err != nil {
			return err
		}
		campaign.ID, campaign.CreatedAt, campaign.UpdatedAt = cid, now, now
		if err := putCampaign(tx, &campaign); err != nil {
			return err
		}
		if err := db.audit(tx, entityCampaign, idKey(cid), actionCreate, nil, &campaign); err != nil {
			return err
		}
		for i := range ns {
			n := &ns[i]
			n.CampaignID = cid
			if err := n.ValidateAgainst(form); err != nil {
				return rowError(len(ns), i, err)
			}
			n.CreatedAt, n.UpdatedAt = now, now
			if err := db.putNominee(tx, n); err != nil {
				return rowError(len(ns), i, err)
			}
			id, err := tx.Bucket(bucketNominations).NextSequence()
			if err != nil {
				return err
			}
			n.ID = id
			v, err := db.storeNomination(tx, nil, n)
			if err != nil {
				return err
			}
			if err := db.audit(tx, entityNomination, idKey(id), actionCreate, nil, v); err != nil {
				return err
			}
			r := &work.Recipients[i]
			r.NominationID, r.NomineeID, r.Nominee = n.ID, n.NomineeID, n.Nominee
		}
		id, err := tx.Bucket(bucketDecisions).NextSequence()
		if err != nil {
			return err
		}
		work.ID, work.CampaignID = id, cid
		work.CreatedAt, work.UpdatedAt, work.IssuedAt = now, now, now
		v, err := putDecision(tx, &work)
		if err != nil {
			return err
		}
		if err := db.indexDecision(tx, &work); err != nil {
			return err
		}
		return db.audit(tx, entityDecision, idKey(id), actionCreate, nil, v)
	})
	if err == nil {
		*d = work
	}
	return err
}
