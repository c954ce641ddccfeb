package khenthuong

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without time zone. Birth dates are often known by
// year only: then Month and Day are 0. The zero Date means "not given".
type Date struct {
	Year, Month, Day int
}

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, int(m), d}
}

// IsZero reports whether no date is given.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// YearOnly reports whether only the year is known.
func (d Date) YearOnly() bool { return d.Year != 0 && d.Month == 0 }

// Time returns the date at midnight UTC (year-only dates: 1 January).
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Before reports whether d is earlier than e (year-only dates count as 1 January).
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// String is the ISO form used in files and on the command line: "2025-01-05", "1975" or "".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.YearOnly():
		return strconv.Itoa(d.Year)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Display is the form clerks read and type: "05/01/2025" or "1975".
func (d Date) Display() string {
	switch {
	case d.IsZero():
		return ""
	case d.YearOnly():
		return strconv.Itoa(d.Year)
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// ParseDate reads "2025-01-05", "5/1/2025", "05/01/2025", "05-01-2025",
// "05.01.2025" (day first, as clerks write) or a year "1975". Empty gives the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	bad := Errorf(EINVALID, "Ngày “%s” không đúng dạng ngày/tháng/năm (ví dụ 05/01/2025) hoặc năm (ví dụ 1975)", s)
	if y, err := strconv.Atoi(s); err == nil {
		if y < 1900 || y > 2200 {
			return Date{}, bad
		}
		return Date{Year: y}, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return Date{}, bad
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, bad
		}
		nums[i] = n
	}
	d := Date{Year: nums[2], Month: nums[1], Day: nums[0]}
	if len(parts[0]) == 4 { // ISO: year first
		d = Date{Year: nums[0], Month: nums[1], Day: nums[2]}
	}
	if !d.valid() {
		return Date{}, bad
	}
	return d, nil
}

// MustDate is ParseDate for constants in code and tests.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) valid() bool {
	if d.IsZero() {
		return true
	}
	if d.Year < 1900 || d.Year > 2200 {
		return false
	}
	if d.YearOnly() {
		return d.Day == 0
	}
	if d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return DateOf(d.Time()) == d
}

func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func (d *Date) UnmarshalJSON(b []byte) error {
	// Dates are plain quoted ASCII; reading them directly keeps listing
	// 100,000 nominations from spending its time in a nested json.Unmarshal.
	s, ok := strings.CutPrefix(string(b), `"`)
	if s, ok2 := strings.CutSuffix(s, `"`); ok && ok2 && !strings.ContainsAny(s, `\"`) {
		return d.set(s)
	}
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	return d.set(str)
}

func (d *Date) set(s string) error {
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
