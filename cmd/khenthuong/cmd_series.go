package main

import (
	"fmt"
	"time"

	"khenthuong"
)

func init() {
	commands["series"] = command{
		usage: `series list [--json] | series set CODE [--format TEXT] [--prefix TEXT] [--digits N] [--yearly|--continuous]
    sổ vàng: cách đánh số của từng sổ. --format dùng {prefix}, {year}, {n} (mặc định {prefix}-{year}-{n});
    --yearly đánh số lại từ 1 mỗi năm, --continuous đánh số liên tục qua các năm. Không đổi được
    cách đánh số của sổ đã cấp số (số sẽ trùng); mẫu số, tiền tố và số chữ số đổi được, áp dụng cho số sau`,
		run: runSeries,
	}
}

func runSeries(e *env, args []string) error {
	fs := newFlags("series")
	format := fs.String("format", "", "mẫu số sổ vàng, như {prefix}-{year}-{n}")
	prefix := fs.String("prefix", "", "tiền tố {prefix}")
	digits := fs.Int("digits", 0, "số chữ số của {n}")
	yearly := fs.Bool("yearly", false, "đánh số lại từ 1 mỗi năm")
	continuous := fs.Bool("continuous", false, "đánh số liên tục qua các năm")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("cần list hoặc set")
	}
	switch pos[0] {
	case "list":
		if len(pos) != 1 {
			return usagef("series list không nhận tham số")
		}
		db, ss, err := openSeries(e, true)
		if err != nil {
			return err
		}
		defer db.Close()
		if *asJSON {
			return writeJSON(e.stdout, nonNil(ss))
		}
		year := time.Now().Year()
		rows := make([][]string, len(ss))
		for i, s := range ss {
			next, err := db.NextRegistryNumber(&s, year)
			if err != nil {
				return err
			}
			rows[i] = []string{s.Code, s.Name, s.Format, seriesMode(s), seriesExample(&s, year, next)}
		}
		return table(e.stdout, []string{"MÃ SỔ", "TÊN", "MẪU SỐ", "ĐÁNH SỐ", "SỐ TIẾP THEO"}, rows)
	case "set":
		if len(pos) != 2 {
			return usagef("cần đúng một mã sổ: series set CODE")
		}
		if *yearly && *continuous {
			return usagef("chỉ chọn một trong --yearly, --continuous")
		}
		db, ss, err := openSeries(e, false)
		if err != nil {
			return err
		}
		defer db.Close()
		code := (&khenthuong.RegistrySeries{Code: pos[1]})
		code.Normalize()
		var s *khenthuong.RegistrySeries
		for i := range ss {
			if ss[i].Code == code.Code {
				s = &ss[i]
			}
		}
		if s == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có sổ vàng mã “%s” (xem: khenthuong series list)", pos[1])
		}
		if *format != "" {
			s.Format = *format
		}
		if *prefix != "" {
			s.Prefix = *prefix
		}
		if *digits != 0 {
			s.Digits = *digits
		}
		switch {
		case *yearly:
			s.YearlyReset = true
		case *continuous:
			s.YearlyReset = false
		}
		if err := db.SaveSeries(s); err != nil {
			return err
		}
		next, err := db.NextRegistryNumber(s, time.Now().Year())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Đã lưu sổ %s: %s, số tiếp theo %s\n", s.Code, seriesMode(*s), s.Number(time.Now().Year(), next))
		return nil
	}
	return usagef("không có lệnh series “%s”", pos[0])
}

// openSeries opens the data file and reads the stored series and the
// default ones of forms not issued yet.
func openSeries(e *env, readOnly bool) (dataStore, []khenthuong.RegistrySeries, error) {
	db, err := e.openDB(readOnly)
	if err != nil {
		return nil, nil, err
	}
	stored, err := db.Series()
	var forms []khenthuong.AwardForm
	if err == nil {
		forms, err = db.Forms()
	}
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, khenthuong.SeriesWithDefaults(stored, forms), nil
}

// seriesExample is the n-th number of s in year, or what to do when its
// format was saved before formats were checked ("{nam}"): issuing refuses it.
func seriesExample(s *khenthuong.RegistrySeries, year, n int) string {
	if s.Validate() != nil {
		return "mẫu sai, sửa: series set " + s.Code + " --format"
	}
	return s.Number(year, n)
}

func seriesMode(s khenthuong.RegistrySeries) string {
	if s.YearlyReset {
		return "lại từ 1 mỗi năm"
	}
	return "liên tục"
}
