package postgres

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"

	"khenthuong"
	"khenthuong/vntext"
)

// Template returns the office's certificate template for a form: ENOTFOUND when the form uses the default.
func (s *Store) Template(formCode string) ([]byte, error) {
	code := normalizeCode(formCode)
	var out []byte
	err := s.read("template", func(ctx context.Context, tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT data FROM templates WHERE form_code = $1`, code).Scan(&out)
		if err == pgx.ErrNoRows {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Hình thức %s dùng mẫu mặc định", code)
		}
		return err
	})
	return out, err
}

// SaveTemplate stores a template already validated by package certificates: ENOTFOUND (form), EFORBIDDEN.
func (s *Store) SaveTemplate(formCode string, data []byte) error {
	code := normalizeCode(formCode)
	if !json.Valid(data) {
		return khenthuong.Errorf(khenthuong.EINVALID, "Mẫu in của hình thức %s không phải JSON hợp lệ", code)
	}
	return s.write("save template", khenthuong.RightEditSettings, func(ctx context.Context, tx pgx.Tx) error {
		if f, err := getForm(ctx, tx, code); err != nil {
			return err
		} else if f == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có hình thức khen thưởng mã “%s”", code)
		}
		before, err := stored(ctx, tx, `SELECT data FROM templates WHERE form_code = $1`, code)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO templates (form_code, data) VALUES ($1, $2)
			ON CONFLICT (form_code) DO UPDATE SET data = excluded.data`, code, data); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityTemplate, code, actionUpdate, before, json.RawMessage(data))
	})
}

// DeleteTemplate returns the form to the default template.
func (s *Store) DeleteTemplate(formCode string) error {
	code := normalizeCode(formCode)
	return s.write("delete template", khenthuong.RightEditSettings, func(ctx context.Context, tx pgx.Tx) error {
		before, err := stored(ctx, tx, `DELETE FROM templates WHERE form_code = $1 RETURNING data`, code)
		if err != nil || before == nil {
			return err
		}
		return s.audit(ctx, tx, entityTemplate, code, actionDelete, before, nil)
	})
}

// Printers returns the printer profiles ordered by their folded names.
func (s *Store) Printers() ([]khenthuong.PrinterProfile, error) {
	var ps []khenthuong.PrinterProfile
	err := s.read("printers", func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT data FROM printers ORDER BY folded_name`)
		if err != nil {
			return err
		}
		ps, err = pgx.CollectRows(rows, pgx.RowTo[khenthuong.PrinterProfile])
		return err
	})
	return ps, err
}

// Printer returns one profile by name (tones and case ignored): ENOTFOUND.
func (s *Store) Printer(name string) (*khenthuong.PrinterProfile, error) {
	var p khenthuong.PrinterProfile
	err := s.read("printer", func(ctx context.Context, tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT data FROM printers WHERE folded_name = $1`, printerKey(name)).Scan(&p)
		if err == pgx.ErrNoRows {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Chưa có máy in “%s”; tạo bằng lệnh printer set", vntext.Clean(name))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// SavePrinter creates or updates a profile: EINVALID, EFORBIDDEN.
func (s *Store) SavePrinter(p *khenthuong.PrinterProfile) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write("save printer", khenthuong.RightEditSettings, func(ctx context.Context, tx pgx.Tx) error {
		key := printerKey(p.Name)
		before, err := stored(ctx, tx, `SELECT data FROM printers WHERE folded_name = $1`, key)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO printers (folded_name, data) VALUES ($1, $2)
			ON CONFLICT (folded_name) DO UPDATE SET data = excluded.data`, key, p); err != nil {
			return err
		}
		action := actionUpdate
		if before == nil {
			action = actionCreate
		}
		return s.audit(ctx, tx, entityPrinter, p.Name, action, before, p)
	})
}

// DeletePrinter removes a profile: ENOTFOUND, EFORBIDDEN.
func (s *Store) DeletePrinter(name string) error {
	return s.write("delete printer", khenthuong.RightEditSettings, func(ctx context.Context, tx pgx.Tx) error {
		before, err := stored(ctx, tx, `DELETE FROM printers WHERE folded_name = $1 RETURNING data`, printerKey(name))
		if err != nil {
			return err
		}
		if before == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có máy in “%s”", vntext.Clean(name))
		}
		return s.audit(ctx, tx, entityPrinter, vntext.Clean(name), actionDelete, before, nil)
	})
}

// stored runs a query of one JSON value; nil (not an error) when there is no row.
func stored(ctx context.Context, q querier, sql string, args ...any) (any, error) {
	var raw []byte
	err := q.QueryRow(ctx, sql, args...).Scan(&raw)
	if err == pgx.ErrNoRows {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return json.RawMessage(raw), nil
}

// printerKey makes "HP LaserJet  P2035" and "hp laserjet p2035" the same profile.
func printerKey(name string) string { return vntext.Fold(name) }
