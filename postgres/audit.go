package postgres

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// Audit entities and actions, as the data file writes them.
const (
	entityCampaign   = "campaign"
	entityForm       = "form"
	entityNomination = "nomination"
	entitySettings   = "settings"
	entityDecision   = "decision"
	entitySeries     = "series"
	entityTemplate   = "template"
	entityPrinter    = "printer"

	actionCreate = "create"
	actionUpdate = "update"
	actionDelete = "delete"
)

// audit appends the record of one change in the change's own transaction:
// what changed, as the data file keeps it (auditChanges). The trigger on the
// audit table tells every listening window at commit.
func (s *Store) audit(ctx context.Context, tx pgx.Tx, entity, key, action string, before, after any) error {
	raw, err := auditChanges(before, after)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit (at, login, entity, key, action, changes) VALUES ($1, $2, $3, $4, $5, $6)`,
		s.now(), s.user, entity, key, action, raw)
	return err
}

// auditChanges is the JSON of an audit record's Changes (nil for none), as
// the contract wants them (khenthuong.AuditChanges).
func auditChanges(before, after any) ([]byte, error) {
	b, err := rawOf(before)
	if err != nil {
		return nil, err
	}
	a, err := rawOf(after)
	if err != nil {
		return nil, err
	}
	changes, err := khenthuong.AuditChanges(b, a)
	if err != nil || len(changes) == 0 {
		return nil, err
	}
	return json.Marshal(changes)
}

// rawOf is v's JSON: v itself when it is already encoded, nil for none.
func rawOf(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	if raw, ok := v.(json.RawMessage); ok {
		return raw, nil
	}
	return json.Marshal(v)
}

// EachAudit streams the audit records matching f, oldest first.
func (s *Store) EachAudit(f khenthuong.AuditFilter, fn func(*khenthuong.AuditRecord) error) error {
	return s.read("audit", func(ctx context.Context, tx pgx.Tx) error {
		return eachAudit(ctx, tx, f, func(r *khenthuong.AuditRecord) error { return fromCaller(fn(r)) })
	})
}

// eachAudit streams the audit records matching f in tx, oldest first.
func eachAudit(ctx context.Context, tx pgx.Tx, f khenthuong.AuditFilter, fn func(*khenthuong.AuditRecord) error) error {
	sql := `SELECT id, at, login, entity, key, action, changes, before, after FROM audit WHERE true`
	var args []any
	arg := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
	if !f.Since.IsZero() {
		sql += " AND at >= " + arg(f.Since)
	}
	if !f.Until.IsZero() {
		sql += " AND at <= " + arg(f.Until) // inclusive, as on the data file
	}
	if f.User != "" {
		sql += " AND login = " + arg(f.User)
	}
	if f.Entity != "" {
		sql += " AND entity = " + arg(f.Entity)
		if f.Key != "" {
			sql += " AND key = " + arg(f.Key)
		}
	}
	rows, err := tx.Query(ctx, sql+" ORDER BY id", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r khenthuong.AuditRecord
		var changes, before, after []byte
		if err := rows.Scan(&r.ID, &r.At, &r.User, &r.Entity, &r.Key, &r.Action, &changes, &before, &after); err != nil {
			return err
		}
		if changes != nil {
			if err := json.Unmarshal(changes, &r.Changes); err != nil {
				return err
			}
		}
		r.Before, r.After = before, after
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func idKey(id uint64) string { return strconv.FormatUint(id, 10) }
