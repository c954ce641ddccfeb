package khenthuong

import (
	"strings"
	"testing"
)

func TestRegistrySeriesNumber(t *testing.T) {
	cases := []struct {
		s    RegistrySeries
		year int
		n    int
		want string
	}{
		{RegistrySeries{Code: "bkct"}, 2024, 7, "BKCT-2024-0007"},
		{RegistrySeries{Code: "BK", Prefix: "SV", Format: "{prefix}{n}/{year}", Digits: 5}, 2025, 123, "SV00123/2025"},
		{RegistrySeries{Code: "BK", Format: "{n}", Digits: 1}, 2025, 12345, "12345"},
		{RegistrySeries{Code: "BKCT", Format: "{prefix}/{year}/{n}"}, 2025, 28, "BKCT/2025/0028"},
		{RegistrySeries{Code: "GK", Format: "Số {n}/{year}/GK-UBND"}, 2025, 3, "Số 0003/2025/GK-UBND"},
	}
	for _, c := range cases {
		c.s.Normalize()
		if err := c.s.Validate(); err != nil {
			t.Fatalf("%+v: %v", c.s, err)
		}
		if got := c.s.Number(c.year, c.n); got != c.want {
			t.Errorf("Number = %q, want %q", got, c.want)
		}
	}
}

func TestRegistrySeriesValidate(t *testing.T) {
	cases := []struct {
		name  string
		s     RegistrySeries
		field string
	}{
		{"NoCounter", RegistrySeries{Code: "A", Format: "{prefix}-{year}"}, "format"},
		{"YearlyResetWithoutYear", RegistrySeries{Code: "A", Format: "{prefix}-{n}", YearlyReset: true}, "format"},
		{"TooManyDigits", RegistrySeries{Code: "A", Digits: 12}, "digits"},
		{"UnknownPlaceholder", RegistrySeries{Code: "A", Format: "{prefix}/{nam}/{n}"}, "format"},
		{"UpperCasePlaceholder", RegistrySeries{Code: "A", Format: "{PREFIX}-{n}"}, "format"},
		{"UnclosedBrace", RegistrySeries{Code: "A", Format: "{prefix}-{year-{n}"}, "format"},
		{"BraceNeverClosed", RegistrySeries{Code: "A", Format: "{n}-{year"}, "format"},
		{"LoneClosingBrace", RegistrySeries{Code: "A", Format: "{prefix}}-{n}"}, "format"},
		{"EmptyBraces", RegistrySeries{Code: "A", Format: "{}{n}"}, "format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.s.Normalize()
			var e *Error
			if err := c.s.Validate(); !asError(err, &e) || e.Field != c.field {
				t.Errorf("Validate() = %v, want error on %q", err, c.field)
			}
		})
	}
}

func TestCounterKey(t *testing.T) {
	s := RegistrySeries{Code: "BK", YearlyReset: true}
	if s.CounterKey(2024) == s.CounterKey(2025) {
		t.Error("yearly series share a counter across years")
	}
	s.YearlyReset = false
	if s.CounterKey(2024) != s.CounterKey(2025) {
		t.Error("continuous series split by year")
	}
}

// TestRegistrySeriesValidateMessage: the clerk is told which placeholders exist.
func TestRegistrySeriesValidateMessage(t *testing.T) {
	cases := []struct{ format, names string }{
		{"{prefix}/{nam}/{n}", "“{nam}”"},
		{"{prefix}-{year-{n}", "“{year-”"},
		{"{n}-{year", "“{year”"},
		{"{prefix}}-{n}", "“}”"},
	}
	for _, c := range cases {
		s := RegistrySeries{Code: "BKCT", Format: c.format}
		s.Normalize()
		err := s.Validate()
		if err == nil {
			t.Fatalf("%q accepted", c.format)
		}
		for _, want := range []string{c.names, "{prefix}, {year}, {n}", "không dùng được"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%q: %q does not say %s", c.format, err, want)
			}
		}
	}
}
