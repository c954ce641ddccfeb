package postgres

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"khenthuong"
	"khenthuong/vntext"
)

// Lists, counts and searches are answered by the server: a filter becomes a
// WHERE clause on the indexed columns, a page LIMIT/OFFSET, a count count(*).

// filterSQL is the WHERE clause of a nomination filter; args receives its values.
func filterSQL(f khenthuong.NominationFilter, args *[]any) string {
	arg := func(v any) string { *args = append(*args, v); return "$" + strconv.Itoa(len(*args)) }
	conds := []string{"true"}
	if f.CampaignID != 0 {
		conds = append(conds, "campaign_id = "+arg(int64(f.CampaignID)))
	}
	if f.Kind != "" {
		conds = append(conds, "kind = "+arg(string(f.Kind)))
	}
	if f.FormCode != "" {
		conds = append(conds, "form_code = "+arg(normalizeCode(f.FormCode)))
	}
	if f.Status != "" {
		conds = append(conds, "status = "+arg(string(f.Status)))
	}
	if f.NomineeID != 0 {
		conds = append(conds, "nominee_id = "+arg(int64(f.NomineeID)))
	}
	// Each folded word is contained in the name, the unit or the position (the
	// trigram index serves LIKE); folded text has no LIKE wildcards.
	for _, w := range queryWords(f.Query) {
		conds = append(conds, "search_text LIKE "+arg("%"+w+"%"))
	}
	return strings.Join(conds, " AND ")
}

// queryWords splits a query into distinct folded words.
func queryWords(q string) []string {
	var words []string
	for _, w := range strings.Fields(vntext.Fold(q)) {
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// sorts are the orders QueryNominations knows; khenthuong_search (search.go)
// turns each into its ORDER BY.
var sorts = []khenthuong.NominationSort{khenthuong.SortByList, khenthuong.SortByName, khenthuong.SortByUnit,
	khenthuong.SortByForm, khenthuong.SortByStatus, khenthuong.SortByCreated, khenthuong.SortByProposer,
	khenthuong.SortByKind, khenthuong.SortByTitle, khenthuong.SortByGender, khenthuong.SortByBirth, khenthuong.SortByPosition}

// QueryNominations returns a page of the matching nominations and how many
// match in all: EINVALID. The server's khenthuong_search finds the page's IDs
// and the count as the schema owner, with the planner's statistics (see
// search.go); the rows are then read through row security, in its order.
func (s *Store) QueryNominations(q khenthuong.NominationQuery) (khenthuong.NominationPage, error) {
	switch {
	case !slices.Contains(sorts, q.Sort):
		return khenthuong.NominationPage{}, khenthuong.FieldErrorf("sort", "Không sắp xếp được theo “%s”", q.Sort)
	case q.Page.Offset < 0 || q.Page.Limit < 0:
		return khenthuong.NominationPage{}, khenthuong.FieldErrorf("page", "Trang không hợp lệ (từ %d, %d dòng)", q.Page.Offset, q.Page.Limit)
	case q.CountLimit < 0:
		return khenthuong.NominationPage{}, khenthuong.FieldErrorf("count_limit", "Giới hạn đếm không hợp lệ (%d)", q.CountLimit)
	}
	if q.WithWarnings {
		return s.queryWithWarnings(q) // warned.go
	}
	page := khenthuong.NominationPage{Nominations: []khenthuong.Nomination{}}
	err := s.read("query nominations", func(ctx context.Context, tx pgx.Tx) error {
		f := q.Filter
		// One round trip: the function's IDs and count, and the rows read
		// through row security in the function's order (none on an empty page).
		rows, err := tx.Query(ctx, `SELECT r.total, p.data FROM khenthuong_search($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS r
			LEFT JOIN LATERAL (SELECT n.data, i.pos FROM unnest(r.ids) WITH ORDINALITY AS i (id, pos)
				JOIN nominations n ON n.id = i.id) AS p ON true
			ORDER BY p.pos`,
			nonZero(int64(f.CampaignID)), nonZero(string(f.Kind)), nonZero(normalizeCode(f.FormCode)), nonZero(string(f.Status)),
			nonZero(int64(f.NomineeID)), queryWords(f.Query), string(q.Sort), q.Descending, q.Page.Offset, nonZero(q.Page.Limit),
			q.CountLimit)
		if err != nil {
			return err
		}
		var total int
		var n *khenthuong.Nomination
		_, err = pgx.ForEachRow(rows, []any{&total, &n}, func() error {
			if n != nil {
				page.Nominations = append(page.Nominations, *n)
				n = nil
			}
			return nil
		})
		page.Total, page.TotalAtLeast = q.Bounded(total)
		return err
	})
	return page, err
}

// nonZero is v, or NULL for its zero value: a filter left empty, a page without limit.
func nonZero[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

// CountNominations counts the matching nominations by status, kind and form, on the server.
func (s *Store) CountNominations(f khenthuong.NominationFilter) (khenthuong.NominationCounts, error) {
	c := khenthuong.NominationCounts{ByStatus: map[khenthuong.Status]int{}, ByKind: map[khenthuong.Kind]int{}, ByForm: map[string]int{}}
	err := s.read("count nominations", func(ctx context.Context, tx pgx.Tx) error {
		var args []any
		rows, err := tx.Query(ctx, `SELECT status, kind, form_code, count(*) FROM nominations WHERE `+
			filterSQL(f, &args)+` GROUP BY status, kind, form_code`, args...)
		if err != nil {
			return err
		}
		var status, kind, form string
		var n int
		_, err = pgx.ForEachRow(rows, []any{&status, &kind, &form, &n}, func() error {
			c.Total += n
			c.ByStatus[khenthuong.Status(status)] += n
			c.ByKind[khenthuong.Kind(kind)] += n
			c.ByForm[form] += n
			return nil
		})
		return err
	})
	return c, err
}

// EachNomination streams the matching nominations in campaign, then list order.
func (s *Store) EachNomination(f khenthuong.NominationFilter, fn func(*khenthuong.Nomination) error) error {
	return s.read("each nomination", func(ctx context.Context, tx pgx.Tx) error {
		var args []any
		rows, err := tx.Query(ctx, `SELECT data FROM nominations WHERE `+filterSQL(f, &args)+` ORDER BY campaign_id, ord, id`, args...)
		if err != nil {
			return err
		}
		var n khenthuong.Nomination
		_, err = pgx.ForEachRow(rows, []any{&n}, func() error {
			c := n
			n = khenthuong.Nomination{}
			return fromCaller(fn(&c))
		})
		return err
	})
}

// NominationsByName returns the nominations whose folded name is one of the given ones.
func (s *Store) NominationsByName(foldedNames []string) ([]khenthuong.Nomination, error) {
	ns := []khenthuong.Nomination{}
	if len(foldedNames) == 0 {
		return ns, nil
	}
	err := s.read("nominations by name", func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT data FROM nominations WHERE folded_name = ANY($1) ORDER BY campaign_id, ord, id`, foldedNames)
		if err != nil {
			return err
		}
		ns, err = pgx.AppendRows(ns, rows, pgx.RowTo[khenthuong.Nomination])
		return err
	})
	return ns, err
}

// DecisionSummaries returns decisions without their recipients, newest first: ENOTFOUND (campaign).
func (s *Store) DecisionSummaries(campaignID uint64) ([]khenthuong.DecisionSummary, error) {
	var out []khenthuong.DecisionSummary
	err := s.read("decision summaries", func(ctx context.Context, tx pgx.Tx) error {
		heads, err := decisionHeads(ctx, tx, campaignID)
		if err != nil {
			return err
		}
		out = make([]khenthuong.DecisionSummary, len(heads))
		for i := range heads {
			out[i].Decision = heads[i]
			if err := summarise(ctx, tx, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// DecisionSummary returns one decision without its recipients: ENOTFOUND.
func (s *Store) DecisionSummary(id uint64) (*khenthuong.DecisionSummary, error) {
	var out khenthuong.DecisionSummary
	err := s.read("decision summary", func(ctx context.Context, tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT data FROM decisions WHERE id = $1`, int64(id)).Scan(&out.Decision); err == pgx.ErrNoRows {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy quyết định mã %d", id)
		} else if err != nil {
			return err
		}
		return summarise(ctx, tx, &out)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// summarise counts a decision's recipients by kind and sums their amounts on the server.
func summarise(ctx context.Context, tx pgx.Tx, ds *khenthuong.DecisionSummary) error {
	ds.Recipients = nil
	ds.ByKind = map[khenthuong.Kind]int{}
	rows, err := tx.Query(ctx, `SELECT kind, count(*), sum(amount) FROM recipients WHERE decision_id = $1 GROUP BY kind`, int64(ds.ID))
	if err != nil {
		return err
	}
	var kind string
	var n int
	var sum int64
	_, err = pgx.ForEachRow(rows, []any{&kind, &n, &sum}, func() error {
		ds.ByKind[khenthuong.Kind(kind)] = n
		ds.RecipientCount += n
		ds.TotalAmount += sum
		return nil
	})
	return err
}

// Recipients returns a page of a decision's recipients in list order: ENOTFOUND.
func (s *Store) Recipients(decisionID uint64, p khenthuong.Page) ([]khenthuong.Recipient, error) {
	if p.Offset < 0 || p.Limit < 0 {
		return nil, khenthuong.FieldErrorf("page", "Trang không hợp lệ (từ %d, %d dòng)", p.Offset, p.Limit)
	}
	var rs []khenthuong.Recipient
	err := s.read("recipients", func(ctx context.Context, tx pgx.Tx) error {
		if err := decisionExists(ctx, tx, decisionID); err != nil {
			return err
		}
		var err error
		rs, err = recipientsOf(ctx, tx, decisionID, p)
		return err
	})
	return rs, err
}

// EachRecipient streams a decision's recipients in list order: ENOTFOUND.
func (s *Store) EachRecipient(decisionID uint64, fn func(*khenthuong.Recipient) error) error {
	return s.read("each recipient", func(ctx context.Context, tx pgx.Tx) error {
		if err := decisionExists(ctx, tx, decisionID); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT data FROM recipients WHERE decision_id = $1 ORDER BY pos`, int64(decisionID))
		if err != nil {
			return err
		}
		var r khenthuong.Recipient
		_, err = pgx.ForEachRow(rows, []any{&r}, func() error {
			c := r
			r = khenthuong.Recipient{}
			return fromCaller(fn(&c))
		})
		return err
	})
}

func decisionExists(ctx context.Context, tx pgx.Tx, id uint64) error {
	var ok bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM decisions WHERE id = $1)`, int64(id)).Scan(&ok); err != nil {
		return err
	}
	if !ok {
		return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy quyết định mã %d", id)
	}
	return nil
}

// History returns the nominations of every campaign matching the folded
// query, with their awards, newest first; a query without words gives nothing.
func (s *Store) History(query string) ([]khenthuong.HistoryEntry, error) {
	es, _, err := s.QueryHistory(query, khenthuong.Page{})
	return es, err
}

// QueryHistory is History by the page. The matches of a search are one
// person's or unit's records, so they are ordered here, after the server found them.
func (s *Store) QueryHistory(query string, p khenthuong.Page) ([]khenthuong.HistoryEntry, int, error) {
	if len(queryWords(query)) == 0 {
		return nil, 0, nil
	}
	type item struct {
		e    khenthuong.HistoryEntry
		date int
	}
	var items []item
	err := s.read("history", func(ctx context.Context, tx pgx.Tx) error {
		var args []any
		rows, err := tx.Query(ctx, `SELECT n.data, c.data FROM nominations n JOIN campaigns c ON c.id = n.campaign_id
			WHERE `+filterSQL(khenthuong.NominationFilter{Query: query}, &args), args...)
		if err != nil {
			return err
		}
		var ids []int64
		var n khenthuong.Nomination
		var c khenthuong.Campaign
		_, err = pgx.ForEachRow(rows, []any{&n, &c}, func() error {
			items = append(items, item{e: khenthuong.HistoryEntry{Nomination: n, Campaign: c.Name}, date: dateKey(campaignDate(&c))})
			ids = append(ids, int64(n.ID))
			n, c = khenthuong.Nomination{}, khenthuong.Campaign{}
			return nil
		})
		if err != nil {
			return err
		}
		awards := map[uint64]khenthuong.Award{}
		if err := awardsOf(ctx, tx, ids, awards); err != nil {
			return err
		}
		for i := range items {
			if a, ok := awards[items[i].e.Nomination.ID]; ok {
				items[i].e.Award = &a
				items[i].date = dateKey(a.DecisionDate)
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.date != b.date {
			return cmp.Compare(b.date, a.date)
		}
		return cmp.Compare(b.e.Nomination.ID, a.e.Nomination.ID)
	})
	total := len(items)
	start := min(p.Offset, total)
	end := total
	if p.Limit > 0 {
		end = min(start+p.Limit, total)
	}
	out := make([]khenthuong.HistoryEntry, 0, end-start)
	for _, it := range items[start:end] {
		out = append(out, it.e)
	}
	return out, total, nil
}

// campaignDate is when a campaign's awards are given: its ceremony, else the end or start of its period.
func campaignDate(c *khenthuong.Campaign) khenthuong.Date {
	for _, d := range []khenthuong.Date{c.CeremonyDate, c.To, c.From} {
		if !d.IsZero() {
			return d
		}
	}
	return khenthuong.Date{}
}

func dateKey(d khenthuong.Date) int { return d.Year*10000 + max(d.Month, 1)*100 + max(d.Day, 1) }
