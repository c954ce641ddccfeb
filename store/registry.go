package store

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// The registry (sổ vàng): bucket series holds the RegistrySeries records by
// code; bucket registry_counters holds, per RegistrySeries.CounterKey, the
// last number drawn. Numbers are drawn only by IssueDecision, inside the
// transaction that locks the decision, so a number is used exactly when the
// counter moves past it: none is skipped (a failed issue rolls the counter
// back with everything else) and none repeats (the counter never goes down).

const entitySeries = "series"

// Series returns the registry series, by code. A form's series is created
// with default settings the first time a decision of the form is issued.
func (db *DB) Series() ([]khenthuong.RegistrySeries, error) {
	var ss []khenthuong.RegistrySeries
	err := db.view("series", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSeries).ForEach(func(_, v []byte) error {
			var s khenthuong.RegistrySeries
			if err := decode(v, &s); err != nil {
				return err
			}
			ss = append(ss, s)
			return nil
		})
	})
	sort.Slice(ss, func(i, j int) bool { return ss[i].Code < ss[j].Code })
	return ss, err
}

// SaveSeries creates or replaces the series with s.Code: EINVALID, ECONFLICT
// when it would switch a series that has numbers between yearly and
// continuous numbering (the counters would start again and numbers repeat).
// Prefix, format and padding may change: later numbers use them.
func (db *DB) SaveSeries(s *khenthuong.RegistrySeries) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	if strings.Contains(s.Code, "|") {
		return khenthuong.FieldErrorf("code", "Mã sổ “%s” không được chứa dấu |", s.Code)
	}
	return db.update("save series", func(tx *bolt.Tx) error {
		old, err := getSeries(tx, s.Code)
		if err != nil {
			return err
		}
		if old != nil && old.YearlyReset != s.YearlyReset && seriesUsed(tx, s.Code) {
			return &khenthuong.Error{Code: khenthuong.ECONFLICT, Field: "yearly_reset",
				Message: fmt.Sprintf("Sổ %s đã cấp số, không đổi được cách đánh số (lại từ đầu mỗi năm hay liên tục) nữa", s.Code)}
		}
		if err := putSeries(tx, s); err != nil {
			return err
		}
		if old == nil {
			return db.audit(tx, entitySeries, s.Code, actionCreate, nil, s)
		}
		return db.audit(tx, entitySeries, s.Code, actionUpdate, old, s)
	})
}

func getSeries(tx *bolt.Tx, code string) (*khenthuong.RegistrySeries, error) {
	v := tx.Bucket(bucketSeries).Get([]byte(code))
	if v == nil {
		return nil, nil
	}
	var s khenthuong.RegistrySeries
	if err := decode(v, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

func putSeries(tx *bolt.Tx, s *khenthuong.RegistrySeries) error {
	v, err := encode(s)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketSeries).Put([]byte(s.Code), v)
}

// seriesUsed reports whether any number was drawn from series code (its
// counter, or one of its yearly counters "code|year", exists).
func seriesUsed(tx *bolt.Tx, code string) bool {
	c := tx.Bucket(bucketCounters).Cursor()
	k, _ := c.Seek([]byte(code))
	return k != nil && (string(k) == code || hasPrefixKey(k, []byte(code+"|")))
}

// seriesOf returns the series a form's numbers come from, creating the
// default one (prefix = code, DefaultSeriesFormat, 4 digits, continuous) the
// first time the form is used.
func (db *DB) seriesOf(tx *bolt.Tx, f *khenthuong.AwardForm) (*khenthuong.RegistrySeries, error) {
	code := f.Series
	if code == "" {
		code = f.Code
	}
	code = normalizeCode(code)
	s, err := getSeries(tx, code)
	if err != nil {
		return nil, err
	}
	if s != nil {
		// A format saved before its placeholders were checked ("{nam}")
		// would print as typed on every certificate: nothing is issued.
		if err := s.Validate(); err != nil {
			return nil, khenthuong.Prefixed(err, "Sổ vàng "+s.Code+" (sửa bằng: khenthuong series set "+s.Code+" --format)")
		}
		return s, nil
	}
	s = &khenthuong.RegistrySeries{Code: code, Name: f.Name}
	s.Normalize()
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if err := putSeries(tx, s); err != nil {
		return nil, err
	}
	return s, db.audit(tx, entitySeries, s.Code, actionCreate, nil, s)
}

// counter is the last number drawn under key (0 before the first).
func counter(tx *bolt.Tx, key string) (uint64, error) {
	v := tx.Bucket(bucketCounters).Get([]byte(key))
	switch {
	case v == nil:
		return 0, nil
	case len(v) != 8:
		return 0, fmt.Errorf("registry counter %q: %s is not 8 bytes", key, brief(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// drawNumbers gives every recipient of d, in list order, the next number of
// series s for the year of d's date, and moves the counter past them.
func drawNumbers(tx *bolt.Tx, s *khenthuong.RegistrySeries, d *khenthuong.Decision) error {
	year := d.Date.Year
	key := s.CounterKey(year)
	n, err := counter(tx, key)
	if err != nil {
		return err
	}
	for i := range d.Recipients {
		n++
		d.Recipients[i].RegistryNo = s.Number(year, int(n))
	}
	return tx.Bucket(bucketCounters).Put([]byte(key), itob(n))
}

// NextRegistryNumber is the counter the next number of series s for a
// decision of year would be drawn with: 1 before the first, else one past
// the last given.
func (db *DB) NextRegistryNumber(s *khenthuong.RegistrySeries, year int) (int, error) {
	var n uint64
	err := db.view("next registry number", func(tx *bolt.Tx) error {
		var err error
		n, err = counter(tx, s.CounterKey(year))
		return err
	})
	return int(n) + 1, err
}
