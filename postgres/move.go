package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// actionMove is the audit action of a nomination moved to another campaign, as the data file writes it.
const actionMove = "move"

// MoveNominations moves the listed nominations to another campaign in one
// transaction, each at the end of its list in the order given, each move
// audited; those already there are left alone: ENOTFOUND (a nomination, the
// campaign), ECONFLICT (in a decision, draft or issued).
func (s *Store) MoveNominations(ids []uint64, campaignID uint64) error {
	if len(ids) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn đề nghị nào để chuyển")
	}
	return s.write("move nominations", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		if _, err := getCampaign(ctx, tx, campaignID, true); err != nil {
			return fieldOf(err, "campaign")
		}
		seen := map[uint64]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			old, err := getNomination(ctx, tx, id, true)
			if err != nil {
				return err
			}
			if old.CampaignID == campaignID {
				continue
			}
			if d, err := decisionOf(ctx, tx, id); err != nil {
				return err
			} else if d != nil {
				return khenthuong.Errorf(khenthuong.ECONFLICT,
					"Đề nghị số %d (%s) đã có trong Quyết định số %s, không chuyển sang đợt khác được: hãy bỏ khỏi quyết định trước",
					id, old.Nominee.DisplayName(), d.Number)
			}
			last, err := lastOrder(ctx, tx, campaignID)
			if err != nil {
				return err
			}
			moved := *old
			moved.CampaignID, moved.Order = campaignID, last+1
			moved.UpdatedAt, moved.UpdatedBy, moved.Version = s.now(), s.user, old.Version+1
			if err := putNomination(ctx, tx, &moved); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, entityNomination, idKey(id), actionMove, old, &moved); err != nil {
				return err
			}
		}
		return nil
	})
}
