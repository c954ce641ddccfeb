package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// Series returns the registry series, by code.
func (s *Store) Series() ([]khenthuong.RegistrySeries, error) {
	var ss []khenthuong.RegistrySeries
	err := s.read("series", func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT data FROM series ORDER BY code`)
		if err != nil {
			return err
		}
		ss, err = pgx.CollectRows(rows, pgx.RowTo[khenthuong.RegistrySeries])
		return err
	})
	return ss, err
}

// SaveSeries creates or replaces a series: EINVALID, ECONFLICT (a switch
// between yearly and continuous numbering once numbers were given), EFORBIDDEN.
func (s *Store) SaveSeries(rs *khenthuong.RegistrySeries) error {
	rs.Normalize()
	if err := rs.Validate(); err != nil {
		return err
	}
	if strings.Contains(rs.Code, "|") {
		return khenthuong.FieldErrorf("code", "Mã sổ “%s” không được chứa dấu |", rs.Code)
	}
	return s.write("save series", khenthuong.RightEditCatalogue, func(ctx context.Context, tx pgx.Tx) error {
		old, err := getSeries(ctx, tx, rs.Code, true)
		if err != nil {
			return err
		}
		if old != nil && old.YearlyReset != rs.YearlyReset {
			var used bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM registry_counters WHERE key = $1 OR key LIKE $1 || '|%')`,
				rs.Code).Scan(&used); err != nil {
				return err
			}
			if used {
				return &khenthuong.Error{Code: khenthuong.ECONFLICT, Field: "yearly_reset",
					Message: fmt.Sprintf("Sổ %s đã cấp số, không đổi được cách đánh số (lại từ đầu mỗi năm hay liên tục) nữa", rs.Code)}
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO series (code, data) VALUES ($1, $2)
			ON CONFLICT (code) DO UPDATE SET data = excluded.data`, rs.Code, rs); err != nil {
			return err
		}
		if old == nil {
			return s.audit(ctx, tx, entitySeries, rs.Code, actionCreate, nil, rs)
		}
		return s.audit(ctx, tx, entitySeries, rs.Code, actionUpdate, old, rs)
	})
}

func getSeries(ctx context.Context, q querier, code string, forUpdate bool) (*khenthuong.RegistrySeries, error) {
	sql := `SELECT data FROM series WHERE code = $1`
	if forUpdate {
		sql += ` FOR UPDATE`
	}
	var rs khenthuong.RegistrySeries
	if err := q.QueryRow(ctx, sql, code).Scan(&rs); err == pgx.ErrNoRows {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &rs, nil
}

// seriesOf returns the series a form's numbers come from, creating the
// default one on the form's first issue (two first issues at once: the
// second waits on the insert and reads the first's).
func (s *Store) seriesOf(ctx context.Context, tx pgx.Tx, f *khenthuong.AwardForm) (*khenthuong.RegistrySeries, error) {
	code := f.Series
	if code == "" {
		code = f.Code
	}
	code = normalizeCode(code)
	rs := &khenthuong.RegistrySeries{Code: code, Name: f.Name}
	rs.Normalize()
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	tag, err := tx.Exec(ctx, `INSERT INTO series (code, data) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, code, rs)
	if err != nil {
		return nil, err
	}
	if tag.RowsAffected() == 1 {
		return rs, s.audit(ctx, tx, entitySeries, code, actionCreate, nil, rs)
	}
	stored, err := getSeries(ctx, tx, code, false)
	if err != nil || stored == nil {
		return stored, err
	}
	// A format saved before its placeholders were checked ("{nam}") would
	// print as typed on every certificate: nothing is issued.
	if err := stored.Validate(); err != nil {
		return nil, khenthuong.Prefixed(err, "Sổ vàng "+stored.Code+" (sửa bằng: khenthuong series set "+stored.Code+" --format)")
	}
	return stored, nil
}

// drawNumbers gives every recipient of d, in list order, the next number of
// the series for the year of d's date. The counter row stays locked until the
// transaction ends: a concurrent issue of the same series waits, then
// continues after the numbers drawn here; a rolled-back issue gives its
// numbers back with everything else.
func drawNumbers(ctx context.Context, tx pgx.Tx, rs *khenthuong.RegistrySeries, d *khenthuong.Decision) error {
	year := d.Date.Year
	var last int64
	err := tx.QueryRow(ctx, `INSERT INTO registry_counters (key, last) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET last = registry_counters.last + $2
		RETURNING last`, rs.CounterKey(year), len(d.Recipients)).Scan(&last)
	if err != nil {
		return err
	}
	first := last - int64(len(d.Recipients))
	for i := range d.Recipients {
		d.Recipients[i].RegistryNo = rs.Number(year, int(first)+i+1)
	}
	return nil
}

// NextRegistryNumber is the counter the next number of series rs for a
// decision of year would be drawn with: 1 before the first, else one past
// the last given.
func (s *Store) NextRegistryNumber(rs *khenthuong.RegistrySeries, year int) (int, error) {
	var last int64
	err := s.read("next registry number", func(ctx context.Context, tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT last FROM registry_counters WHERE key = $1`, rs.CounterKey(year)).Scan(&last)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		return err
	})
	return int(last) + 1, err
}
