package postgres

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// Settings returns the office settings.
func (s *Store) Settings() (khenthuong.Settings, error) {
	var st khenthuong.Settings
	err := s.read("settings", func(ctx context.Context, tx pgx.Tx) error {
		var err error
		st, err = getSettings(ctx, tx)
		return err
	})
	return st, err
}

// SaveSettings normalises, validates and stores st: EINVALID, EFORBIDDEN.
func (s *Store) SaveSettings(st *khenthuong.Settings) error {
	st.Normalize()
	if err := st.Validate(); err != nil {
		return err
	}
	return s.write("save settings", khenthuong.RightEditSettings, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getSettings(ctx, tx)
		if err != nil {
			return err
		}
		data, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO settings (id, data) VALUES (1, $1)
			ON CONFLICT (id) DO UPDATE SET data = excluded.data`, data); err != nil {
			return err
		}
		return s.audit(ctx, tx, entitySettings, "settings", actionUpdate, &old, st)
	})
}

func getSettings(ctx context.Context, q querier) (khenthuong.Settings, error) {
	var st khenthuong.Settings
	err := q.QueryRow(ctx, `SELECT data FROM settings WHERE id = 1`).Scan(&st)
	if err == pgx.ErrNoRows {
		return khenthuong.DefaultSettings(), nil
	}
	return st, err
}
