package store

import (
	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// actionMove is the audit action of a nomination moved to another campaign.
const actionMove = "move"

// MoveNominations moves the listed nominations to campaign campaignID in one
// transaction, each at the end of the campaign's list in the order given,
// each move audited with the nomination before and after: ENOTFOUND (a
// nomination, the campaign), ECONFLICT (one is in a decision, draft or
// issued: the decision is of its campaign). Nominations already in the
// campaign are left as they are. The nominee keeps its record: it is the
// same person or collective, only proposed in another campaign.
func (db *DB) MoveNominations(ids []uint64, campaignID uint64) error {
	if len(ids) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn đề nghị nào để chuyển")
	}
	return db.update("move nominations", func(tx *bolt.Tx) error {
		target, err := getCampaign(tx, campaignID)
		if err != nil {
			return fieldOf(err, "campaign")
		}
		now := db.now()
		seen := map[uint64]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			old, err := getNomination(tx, id)
			if err != nil {
				return err
			}
			if old.CampaignID == target.ID {
				continue
			}
			ds, err := decisionsOf(tx, id)
			if err != nil {
				return err
			}
			if len(ds) > 0 {
				return khenthuong.Errorf(khenthuong.ECONFLICT,
					"Đề nghị số %d (%s) đã có trong Quyết định số %s, không chuyển sang đợt khác được: hãy bỏ khỏi quyết định trước",
					id, old.Nominee.DisplayName(), ds[0].Number)
			}
			moved := *old
			moved.CampaignID = target.ID
			moved.Order = nextOrder(tx, target.ID)
			moved.UpdatedAt = now
			v, err := db.storeNomination(tx, old, &moved)
			if err != nil {
				return err
			}
			if err := db.audit(tx, entityNomination, idKey(id), actionMove, old, v); err != nil {
				return err
			}
		}
		return nil
	})
}
