package khenthuong

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"khenthuong/vntext"
)

// RegistrySeries is a numbering series for số sổ vàng. No legal rule was found,
// so the format is the office's: numbers never repeat and never skip within a series.
type RegistrySeries struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Prefix      string `json:"prefix"`
	Format      string `json:"format"` // placeholders {prefix}, {year}, {n}
	Digits      int    `json:"digits"` // zero padding of {n}
	YearlyReset bool   `json:"yearly_reset"`
}

// DefaultSeriesFormat gives numbers such as "BKCT-2024-0007".
const DefaultSeriesFormat = "{prefix}-{year}-{n}"

// Normalize fills defaults and cleans text.
func (s *RegistrySeries) Normalize() {
	s.Code = (&AwardForm{Code: s.Code}).normalizedCode()
	s.Name = vntext.Clean(s.Name)
	s.Prefix = vntext.Clean(s.Prefix)
	s.Format = vntext.Clean(s.Format)
	if s.Format == "" {
		s.Format = DefaultSeriesFormat
	}
	if s.Prefix == "" {
		s.Prefix = s.Code
	}
	if s.Digits == 0 {
		s.Digits = 4
	}
}

// Validate checks the series; the error names the field.
func (s *RegistrySeries) Validate() error {
	switch {
	case s.Code == "":
		return FieldErrorf("code", "Chưa nhập mã sổ")
	case badPlaceholder(s.Format) != "":
		return FieldErrorf("format", "Mẫu số sổ vàng “%s” có “%s” không dùng được: chỉ dùng %s", s.Format,
			badPlaceholder(s.Format), strings.Join(seriesPlaceholders, ", "))
	case !strings.Contains(s.Format, "{n}"):
		return FieldErrorf("format", "Mẫu số sổ vàng “%s” phải có {n} (số thứ tự)", s.Format)
	case s.YearlyReset && !strings.Contains(s.Format, "{year}"):
		return FieldErrorf("format", "Sổ đánh số lại hằng năm thì mẫu số phải có {year}, nếu không số sẽ trùng")
	case s.Digits < 1 || s.Digits > 9:
		return FieldErrorf("digits", "Số chữ số phải từ 1 đến 9")
	}
	return nil
}

// seriesPlaceholders are the placeholders Number fills.
var seriesPlaceholders = []string{"{prefix}", "{year}", "{n}"}

// badPlaceholder is the first part of format Number would print as typed
// ("{nam}", a "{" never closed, a lone "}"), or "" when there is none.
func badPlaceholder(format string) string {
	for rest := format; rest != ""; {
		open, closing := strings.IndexByte(rest, '{'), strings.IndexByte(rest, '}')
		switch {
		case open < 0 && closing < 0:
			return ""
		case open < 0 || (closing >= 0 && closing < open):
			return "}"
		case closing < 0:
			return rest[open:]
		}
		name := rest[open : closing+1]
		if !slices.Contains(seriesPlaceholders, name) {
			if i := strings.LastIndexByte(name, '{'); i > 0 { // "{prefix{n}": the first brace is never closed
				return name[:i]
			}
			return name
		}
		rest = rest[closing+1:]
	}
	return ""
}

// CounterKey is the counter a number is drawn from: one per series, or per
// series and year when numbering restarts each year.
func (s *RegistrySeries) CounterKey(year int) string {
	if s.YearlyReset {
		return s.Code + "|" + strconv.Itoa(year)
	}
	return s.Code
}

// Number formats the n-th number of the series for a decision of the given year.
func (s *RegistrySeries) Number(year, n int) string {
	r := strings.NewReplacer(
		"{prefix}", s.Prefix,
		"{year}", strconv.Itoa(year),
		"{n}", fmt.Sprintf("%0*d", s.Digits, n),
	)
	return r.Replace(s.Format)
}
