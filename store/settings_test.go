package store

import (
	"reflect"
	"testing"

	"khenthuong"
)

func TestSettings(t *testing.T) {
	db := openTest(t)

	t.Run("SeededWithDefaults", func(t *testing.T) {
		s, err := db.Settings()
		mustNil(t, err)
		want := khenthuong.DefaultSettings()
		want.Normalize()
		if !reflect.DeepEqual(s, want) {
			t.Fatalf("settings = %+v, want %+v", s, want)
		}
	})

	t.Run("SaveAndRead", func(t *testing.T) {
		s, _ := db.Settings()
		s.Province, s.Place = "Quảng  Trị", "Đông Hà"
		s.Rounding = khenthuong.RoundNearest10k
		mustNil(t, db.SaveSettings(&s))
		got, err := db.Settings()
		mustNil(t, err)
		if got.Province != "Quảng Trị" || got.Place != "Đông Hà" || got.Rounding != khenthuong.RoundNearest10k {
			t.Fatalf("read back %+v", got)
		}
	})

	for _, tc := range []struct {
		name  string
		edit  func(s *khenthuong.Settings)
		field string
	}{
		{"NoPlace", func(s *khenthuong.Settings) { s.Place = "" }, "place"},
		{"ZeroSalary", func(s *khenthuong.Settings) { s.BaseSalaries[0].Amount = 0 }, "base_salaries"},
		{"BadRounding", func(s *khenthuong.Settings) { s.Rounding = "up5" }, "rounding"},
	} {
		t.Run("Invalid"+tc.name, func(t *testing.T) {
			s := khenthuong.DefaultSettings()
			tc.edit(&s)
			wantCode(t, db.SaveSettings(&s), khenthuong.EINVALID, tc.field)
		})
	}
}
