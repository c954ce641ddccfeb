package postgres

import (
	"context"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

var _ khenthuong.NominationImporter = (*Store)(nil)

// importBatch is how many rows go to the server in one COPY of an import.
var importBatch = 2000

// importTimeout bounds a whole import.
const importTimeout = 30 * time.Minute

// ImportNominations stores the nominations rows yields, in order, as
// CreateNominations does, in one server transaction (the server holds the
// written rows until the commit, the client one batch): EINVALID, ENOTFOUND
// (campaign), naming the row. It returns the IDs given, in order.
func (s *Store) ImportNominations(rows iter.Seq2[*khenthuong.Nomination, error]) ([]uint64, error) {
	if !s.id.Can(khenthuong.RightEditNominations) {
		return nil, s.id.Refusal(khenthuong.RightEditNominations)
	}
	// Each statement is bounded by the server (StatementTimeout); the whole by the length of the list.
	ctx, cancel := context.WithTimeout(context.Background(), importTimeout)
	defer cancel()
	var ids []uint64
	err := s.writeIn(ctx, "import nominations", khenthuong.RightEditNominations, func(ctx context.Context, tx pgx.Tx) error {
		ids = ids[:0] // a retried transaction starts again
		c := newCreation(s.now())
		batch := make([]khenthuong.Nomination, 0, importBatch)
		flush := func() error {
			first := len(ids)
			if err := s.createRows(ctx, tx, c, batch, func(i int, err error) error { return rowError(2, first+i, err) }); err != nil {
				return err
			}
			for i := range batch {
				ids = append(ids, batch[i].ID)
			}
			batch = batch[:0]
			return nil
		}
		for n, err := range rows {
			if err != nil {
				return fromCaller(err) // the list's own error, not the server's
			}
			w := *n
			w.Normalize()
			if err := w.Validate(); err != nil {
				return rowError(2, len(ids)+len(batch), err)
			}
			batch = append(batch, w)
			if len(batch) == importBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if len(batch) == 0 {
			return nil
		}
		return flush()
	})
	if err != nil {
		return nil, err
	}
	if ids == nil {
		ids = []uint64{}
	}
	return ids, nil
}
