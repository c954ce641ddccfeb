package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// AwardsOf returns the awards of those of nominationIDs an issued decision
// lists, by nomination ID.
func (s *Store) AwardsOf(nominationIDs []uint64) (map[uint64]khenthuong.Award, error) {
	out := map[uint64]khenthuong.Award{}
	ids := make([]int64, len(nominationIDs))
	for i, id := range nominationIDs {
		ids[i] = int64(id)
	}
	err := s.read("awards of", func(ctx context.Context, tx pgx.Tx) error {
		return awardsOf(ctx, tx, ids, out)
	})
	return out, err
}
