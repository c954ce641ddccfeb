package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// Forms returns the catalogue, highest rank first, then by code.
func (s *Store) Forms() ([]khenthuong.AwardForm, error) {
	var fs []khenthuong.AwardForm
	err := s.read("forms", func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT data FROM forms ORDER BY rank DESC, code`)
		if err != nil {
			return err
		}
		fs, err = pgx.CollectRows(rows, pgx.RowTo[khenthuong.AwardForm])
		return err
	})
	return fs, err
}

// Form returns one form by code: ENOTFOUND.
func (s *Store) Form(code string) (*khenthuong.AwardForm, error) {
	code = normalizeCode(code)
	var f *khenthuong.AwardForm
	err := s.read("form", func(ctx context.Context, tx pgx.Tx) error {
		var err error
		if f, err = getForm(ctx, tx, code); err == nil && f == nil {
			err = formNotFound(code)
		}
		return err
	})
	return f, err
}

// SaveForm creates or replaces the form with f.Code: EINVALID, EFORBIDDEN.
func (s *Store) SaveForm(f *khenthuong.AwardForm) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	return s.write("save form", khenthuong.RightEditCatalogue, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getForm(ctx, tx, f.Code)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO forms (code, rank, data) VALUES ($1, $2, $3)
			ON CONFLICT (code) DO UPDATE SET rank = excluded.rank, data = excluded.data`, f.Code, f.Rank, f); err != nil {
			return err
		}
		if old == nil {
			return s.audit(ctx, tx, entityForm, f.Code, actionCreate, nil, f)
		}
		return s.audit(ctx, tx, entityForm, f.Code, actionUpdate, old, f)
	})
}

// DeleteForm removes a form no nomination or decision uses: ENOTFOUND, ECONFLICT, EFORBIDDEN.
func (s *Store) DeleteForm(code string) error {
	code = normalizeCode(code)
	return s.write("delete form", khenthuong.RightEditCatalogue, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getForm(ctx, tx, code)
		if err != nil {
			return err
		}
		if old == nil {
			return formNotFound(code)
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM nominations WHERE form_code = $1`, code).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Hình thức “%s” đang được dùng trong %d đề nghị, không xóa được (có thể chuyển sang lưu trữ)", old.Name, n)
		}
		var number string
		err = tx.QueryRow(ctx, `SELECT data->>'number' FROM decisions WHERE form_code = $1 LIMIT 1`, code).Scan(&number)
		if err == nil {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Hình thức “%s” đã có trong quyết định số %s, không xóa được", old.Name, number)
		} else if err != pgx.ErrNoRows {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM forms WHERE code = $1`, code); err != nil {
			return err
		}
		return s.audit(ctx, tx, entityForm, code, actionDelete, old, nil)
	})
}

// getForm returns the form with code, or nil when there is none.
func getForm(ctx context.Context, q querier, code string) (*khenthuong.AwardForm, error) {
	var f khenthuong.AwardForm
	if err := q.QueryRow(ctx, `SELECT data FROM forms WHERE code = $1`, code).Scan(&f); err == pgx.ErrNoRows {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &f, nil
}

func formNotFound(code string) error {
	return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy hình thức khen thưởng mã “%s”", code)
}

// normalizeCode is the catalogue key of a code as typed, the rule of AwardForm.Normalize.
func normalizeCode(code string) string {
	f := khenthuong.AwardForm{Code: code}
	f.Normalize()
	return f.Code
}
