package postgres

import (
	"context"
	"slices"
	"sync"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// Đề nghị's "Chỉ đề nghị có cảnh báo" (NominationQuery.WithWarnings) on the
// office server, as in the data file (store/warned.go): which nominations of
// the campaign have warnings is computed a part at a time, the campaign in
// folded name order cut between names, each part as WarningsOf computes the
// rows on screen; only their IDs are kept. The page is then the query's IDs
// in its order (khenthuong_search without a page: 8 bytes a row) less those
// not warned, and its rows are read by ID. The warned IDs are kept until the
// next audited write, any clerk's (the audit's last ID says when).

// warnedPart is the number of nominations of a part.
var warnedPart = 4096

// warnedCache is the warned IDs of one campaign at one audit ID.
type warnedCache struct {
	mu         sync.Mutex
	campaignID uint64
	audit      int64
	ids        []uint64 // sorted
}

// queryWithWarnings is QueryNominations with q.WithWarnings (q checked otherwise).
func (s *Store) queryWithWarnings(q khenthuong.NominationQuery) (khenthuong.NominationPage, error) {
	f := q.Filter
	if f.CampaignID == 0 {
		return khenthuong.NominationPage{}, khenthuong.FieldErrorf("campaign", "Hãy chọn một đợt để xem các đề nghị có cảnh báo")
	}
	warned, err := s.warnedIDs(f.CampaignID)
	if err != nil {
		return khenthuong.NominationPage{}, err
	}
	page := khenthuong.NominationPage{Nominations: []khenthuong.Nomination{}}
	err = s.read("query nominations with warnings", func(ctx context.Context, tx pgx.Tx) error {
		var all []int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(ids, '{}') FROM khenthuong_search($1, $2, $3, $4, $5, $6, $7, $8, 0, NULL, 0)`,
			nonZero(int64(f.CampaignID)), nonZero(string(f.Kind)), nonZero(normalizeCode(f.FormCode)), nonZero(string(f.Status)),
			nonZero(int64(f.NomineeID)), queryWords(f.Query), string(q.Sort), q.Descending).Scan(&all); err != nil {
			return err
		}
		ids := all[:0]
		for _, id := range all {
			if _, ok := slices.BinarySearch(warned, uint64(id)); ok {
				ids = append(ids, id)
			}
		}
		page.Total, page.TotalAtLeast = q.Bounded(len(ids))
		ids = pageOf(ids, q.Page)
		if len(ids) == 0 {
			return nil
		}
		rows, err := tx.Query(ctx, `SELECT n.data FROM unnest($1::bigint[]) WITH ORDINALITY AS i (id, pos)
			JOIN nominations n ON n.id = i.id ORDER BY i.pos`, ids)
		if err != nil {
			return err
		}
		page.Nominations, err = pgx.CollectRows(rows, pgx.RowTo[khenthuong.Nomination])
		return err
	})
	return page, err
}

// pageOf is the window p of s (Limit 0: everything from Offset).
func pageOf[T any](s []T, p khenthuong.Page) []T {
	if p.Offset >= len(s) {
		return nil
	}
	s = s[p.Offset:]
	if p.Limit > 0 && p.Limit < len(s) {
		s = s[:p.Limit]
	}
	return s
}

// warnedIDs returns the sorted IDs of the campaign's nominations that have
// warnings: ENOTFOUND (campaign).
func (s *Store) warnedIDs(campaignID uint64) ([]uint64, error) {
	var audit int64
	var byName []int64 // the campaign's IDs in folded name order, each name's together
	var cut []bool     // cut[i]: byName[i] starts a name
	err := s.read("warned nominations", func(ctx context.Context, tx pgx.Tx) error {
		if _, err := getCampaign(ctx, tx, campaignID, false); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM audit`).Scan(&audit); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT id, folded_name IS DISTINCT FROM lag(folded_name) OVER (ORDER BY folded_name, id)
			FROM nominations WHERE campaign_id = $1 ORDER BY folded_name, id`, int64(campaignID))
		if err != nil {
			return err
		}
		var id int64
		var starts bool
		_, err = pgx.ForEachRow(rows, []any{&id, &starts}, func() error {
			byName, cut = append(byName, id), append(cut, starts)
			return nil
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	c := &s.warned
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ids != nil && c.campaignID == campaignID && c.audit == audit {
		return c.ids, nil
	}
	ids := []uint64{}
	for lo := 0; lo < len(byName); {
		hi := min(lo+warnedPart, len(byName))
		for hi < len(byName) && !cut[hi] {
			hi++ // a name is never cut
		}
		in, err := s.reviewInput(campaignID, byName[lo:hi])
		if err != nil {
			return nil, err
		}
		for id := range khenthuong.ReviewWarned(in) { // the warnings are not worded
			ids = append(ids, id)
		}
		lo = hi
	}
	slices.Sort(ids)
	c.campaignID, c.audit, c.ids = campaignID, audit, ids
	return ids, nil
}
