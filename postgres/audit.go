package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
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
// the fields that changed with their old and new values. The trigger on the
// audit table tells every listening window at commit.
func (s *Store) audit(ctx context.Context, tx pgx.Tx, entity, key, action string, before, after any) error {
	changes, err := fieldChanges(before, after)
	if err != nil {
		return err
	}
	var raw []byte
	if len(changes) > 0 {
		if raw, err = json.Marshal(changes); err != nil {
			return err
		}
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit (at, login, entity, key, action, changes) VALUES ($1, $2, $3, $4, $5, $6)`,
		s.now(), s.user, entity, key, action, raw)
	return err
}

// fieldChanges lists the leaves of the two values' JSON that differ, by path
// ("nominee.name", "recipients.3.amount"). A value given as json.RawMessage
// is used as it is.
func fieldChanges(before, after any) ([]khenthuong.FieldChange, error) {
	old, err := flatten(before)
	if err != nil {
		return nil, err
	}
	cur, err := flatten(after)
	if err != nil {
		return nil, err
	}
	var changes []khenthuong.FieldChange
	for path, o := range old {
		if n, ok := cur[path]; !ok || !bytes.Equal(o, n) {
			changes = append(changes, khenthuong.FieldChange{Field: path, Old: o, New: cur[path]})
		}
	}
	for path, n := range cur {
		if _, ok := old[path]; !ok {
			changes = append(changes, khenthuong.FieldChange{Field: path, New: n})
		}
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].Field < changes[j].Field })
	return changes, nil
}

// flatten maps each leaf of v's JSON to its compact encoding.
func flatten(v any) (map[string]json.RawMessage, error) {
	out := map[string]json.RawMessage{}
	if v == nil {
		return out, nil
	}
	raw, ok := v.(json.RawMessage)
	if !ok {
		var err error
		if raw, err = json.Marshal(v); err != nil {
			return nil, err
		}
	}
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		return nil, err
	}
	var walk func(prefix string, t any) error
	walk = func(prefix string, t any) error {
		join := func(k string) string {
			if prefix == "" {
				return k
			}
			return prefix + "." + k
		}
		switch t := t.(type) {
		case map[string]any:
			for k, c := range t {
				if err := walk(join(k), c); err != nil {
					return err
				}
			}
		case []any:
			for i, c := range t {
				if err := walk(join(strconv.Itoa(i)), c); err != nil {
					return err
				}
			}
		default:
			b, err := json.Marshal(t)
			if err != nil {
				return err
			}
			out[prefix] = b
		}
		return nil
	}
	return out, walk("", tree)
}

// EachAudit streams the audit records matching f, oldest first.
func (s *Store) EachAudit(f khenthuong.AuditFilter, fn func(*khenthuong.AuditRecord) error) error {
	return s.read("audit", func(ctx context.Context, tx pgx.Tx) error {
		sql := `SELECT id, at, login, entity, key, action, changes, before, after FROM audit WHERE true`
		var args []any
		arg := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
		if !f.Since.IsZero() {
			sql += " AND at >= " + arg(f.Since)
		}
		if !f.Until.IsZero() {
			sql += " AND at < " + arg(f.Until)
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
	})
}

func idKey(id uint64) string { return strconv.FormatUint(id, 10) }
