package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// Dataset reads the whole content of the server's database in one snapshot
// (for `backup` on a server: a portable data file).
func (s *Store) Dataset() (*khenthuong.Dataset, error) {
	ds := &khenthuong.Dataset{Counters: map[string]uint64{}, Templates: map[string]json.RawMessage{}}
	err := s.read("dataset", func(ctx context.Context, tx pgx.Tx) error {
		var err error
		if ds.Settings, err = getSettings(ctx, tx); err != nil {
			return err
		}
		if err := collect(ctx, tx, `SELECT data FROM forms ORDER BY code`, &ds.Forms); err != nil {
			return err
		}
		if err := collect(ctx, tx, `SELECT data FROM campaigns ORDER BY id`, &ds.Campaigns); err != nil {
			return err
		}
		if err := collect(ctx, tx, `SELECT jsonb_set(data, '{id}', to_jsonb(id)) FROM nominees ORDER BY id`, &ds.Nominees); err != nil {
			return err
		}
		if err := collect(ctx, tx, `SELECT data FROM nominations ORDER BY id`, &ds.Nominations); err != nil {
			return err
		}
		if err := collect(ctx, tx, `SELECT data FROM decisions ORDER BY id`, &ds.Decisions); err != nil {
			return err
		}
		for i := range ds.Decisions {
			if ds.Decisions[i].Recipients, err = recipientsOf(ctx, tx, ds.Decisions[i].ID, khenthuong.Page{}); err != nil {
				return err
			}
		}
		if err := collect(ctx, tx, `SELECT data FROM series ORDER BY code`, &ds.Series); err != nil {
			return err
		}
		if err := collect(ctx, tx, `SELECT data FROM printers ORDER BY folded_name`, &ds.Printers); err != nil {
			return err
		}
		var key string
		var n int64
		rows, err := tx.Query(ctx, `SELECT key, last FROM registry_counters`)
		if err != nil {
			return err
		}
		if _, err := pgx.ForEachRow(rows, []any{&key, &n}, func() error { ds.Counters[key] = uint64(n); return nil }); err != nil {
			return err
		}
		var a, b int64
		rows, err = tx.Query(ctx, `SELECT a, b FROM nominee_distinct ORDER BY a, b`)
		if err != nil {
			return err
		}
		if _, err := pgx.ForEachRow(rows, []any{&a, &b}, func() error {
			ds.Distinct = append(ds.Distinct, khenthuong.NomineePair{uint64(a), uint64(b)})
			return nil
		}); err != nil {
			return err
		}
		var data []byte
		rows, err = tx.Query(ctx, `SELECT form_code, data FROM templates`)
		if err != nil {
			return err
		}
		if _, err := pgx.ForEachRow(rows, []any{&key, &data}, func() error {
			ds.Templates[key] = json.RawMessage(append([]byte(nil), data...))
			return nil
		}); err != nil {
			return err
		}
		// The audit in the same snapshot: a write between would be in one and not the other.
		return eachAudit(ctx, tx, khenthuong.AuditFilter{}, func(r *khenthuong.AuditRecord) error {
			ds.Audit = append(ds.Audit, *r)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return ds, nil
}

func collect[T any](ctx context.Context, tx pgx.Tx, sql string, out *[]T) error {
	rows, err := tx.Query(ctx, sql)
	if err != nil {
		return err
	}
	*out, err = pgx.AppendRows(*out, rows, pgx.RowTo[T])
	return err
}

// Load writes ds into the initialised database at adminAddr in one
// transaction (for `migrate`): same IDs, times, registry counters and audit
// logins. A database that already holds an office's work is refused
// (ECONFLICT) unless force, which replaces it. The address must be the
// owner's: only it may write the audit under other names.
func Load(ctx context.Context, adminAddr string, ds *khenthuong.Dataset, force bool) error {
	s, err := Open(ctx, adminAddr, Options{MaxConns: 1})
	if err != nil {
		return err
	}
	defer s.Close()
	var owner bool
	if err := s.pool.QueryRow(ctx, `SELECT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
		WHERE tablename = 'nominations' AND schemaname = 'public'), 'MEMBER')`).Scan(&owner); err != nil {
		return s.fail("load", err)
	}
	if !owner {
		return khenthuong.Errorf(khenthuong.EFORBIDDEN,
			"Chuyển dữ liệu lên máy chủ %s cần địa chỉ của người quản trị (chủ sở hữu cơ sở dữ liệu), không phải tài khoản %s", s.addr, s.id.Login)
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE campaigns, nominations, decisions IN EXCLUSIVE MODE`); err != nil {
			return err
		}
		var held int
		if err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM campaigns) + (SELECT count(*) FROM nominations)
			+ (SELECT count(*) FROM decisions)`).Scan(&held); err != nil {
			return err
		}
		if held > 0 && !force {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Máy chủ %s đã có dữ liệu (%d bản ghi đợt, đề nghị, quyết định): không chuyển đè lên. Muốn thay toàn bộ bằng dữ liệu của tệp, thêm --force", s.addr, held)
		}
		if _, err := tx.Exec(ctx, `TRUNCATE recipients, decisions, nominations, nominee_distinct, nominees, campaigns,
			forms, settings, series, registry_counters, templates, printers, audit`); err != nil {
			return err
		}
		return loadInto(ctx, tx, ds)
	})
	return s.fail("load", err)
}

func loadInto(ctx context.Context, tx pgx.Tx, ds *khenthuong.Dataset) error {
	data, err := json.Marshal(&ds.Settings)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO settings (id, data) VALUES (1, $1)`, data); err != nil {
		return err
	}
	rows := func(n int, row func(i int) ([]any, error)) ([][]any, error) {
		out := make([][]any, n)
		for i := range out {
			var err error
			if out[i], err = row(i); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	load := func(table string, cols []string, n int, row func(i int) ([]any, error)) error {
		rs, err := rows(n, row)
		if err != nil {
			return err
		}
		return copyRows(ctx, tx, table, cols, rs)
	}
	marshal := func(v any) ([]byte, error) { return json.Marshal(v) }
	steps := []struct {
		table string
		cols  []string
		n     int
		row   func(i int) ([]any, error)
	}{
		{"forms", []string{"code", "rank", "data"}, len(ds.Forms), func(i int) ([]any, error) {
			d, err := marshal(&ds.Forms[i])
			return []any{ds.Forms[i].Code, ds.Forms[i].Rank, d}, err
		}},
		{"campaigns", []string{"id", "data", "created_at"}, len(ds.Campaigns), func(i int) ([]any, error) {
			d, err := marshal(&ds.Campaigns[i])
			return []any{int64(ds.Campaigns[i].ID), d, ds.Campaigns[i].CreatedAt}, err
		}},
		{"nominees", []string{"id", "data"}, len(ds.Nominees), func(i int) ([]any, error) {
			d, err := marshal(&ds.Nominees[i].Nominee)
			return []any{int64(ds.Nominees[i].ID), d}, err
		}},
		{"nominations", nominationColumns, len(ds.Nominations), func(i int) ([]any, error) {
			return rowOf(&ds.Nominations[i])
		}},
		{"series", []string{"code", "data"}, len(ds.Series), func(i int) ([]any, error) {
			d, err := marshal(&ds.Series[i])
			return []any{ds.Series[i].Code, d}, err
		}},
		{"nominee_distinct", []string{"a", "b"}, len(ds.Distinct), func(i int) ([]any, error) {
			return []any{int64(ds.Distinct[i][0]), int64(ds.Distinct[i][1])}, nil
		}},
		{"audit", []string{"id", "at", "login", "entity", "key", "action", "changes", "before", "after"}, len(ds.Audit), func(i int) ([]any, error) {
			r := &ds.Audit[i]
			var changes, before, after []byte
			var err error
			if len(r.Changes) > 0 {
				changes, err = marshal(r.Changes)
			}
			if len(r.Before) > 0 {
				before = r.Before
			}
			if len(r.After) > 0 {
				after = r.After
			}
			return []any{int64(r.ID), r.At, r.User, r.Entity, r.Key, r.Action, changes, before, after}, err
		}},
	}
	for _, st := range steps {
		if err := load(st.table, st.cols, st.n, st.row); err != nil {
			return fmt.Errorf("%s: %w", st.table, err)
		}
	}
	for i := range ds.Decisions {
		if err := putDecision(ctx, tx, &ds.Decisions[i], false); err != nil {
			return fmt.Errorf("decision %d: %w", ds.Decisions[i].ID, err)
		}
	}
	for k, n := range ds.Counters {
		if _, err := tx.Exec(ctx, `INSERT INTO registry_counters (key, last) VALUES ($1, $2)`, k, int64(n)); err != nil {
			return err
		}
	}
	for code, t := range ds.Templates {
		if _, err := tx.Exec(ctx, `INSERT INTO templates (form_code, data) VALUES ($1, $2)`, code, []byte(t)); err != nil {
			return err
		}
	}
	for i := range ds.Printers {
		p := &ds.Printers[i]
		if _, err := tx.Exec(ctx, `INSERT INTO printers (folded_name, data) VALUES ($1, $2)`, printerKey(p.Name), p); err != nil {
			return err
		}
	}
	// The sequences continue after the moved IDs.
	for _, t := range []string{"campaigns", "nominees", "nominations", "decisions", "audit"} {
		if _, err := tx.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%[1]s', 'id'),
			greatest((SELECT max(id) FROM %[1]s), 1), (SELECT max(id) FROM %[1]s) IS NOT NULL)`, t)); err != nil {
			return err
		}
	}
	return nil
}
