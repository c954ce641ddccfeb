package vntext

import (
	"math"
	"testing"
)

func TestPadCount(t *testing.T) {
	for n, want := range map[int]string{0: "00", 5: "05", 9: "09", 10: "10", 12: "12", 386: "386", -3: "-3"} {
		if got := PadCount(n); got != want {
			t.Errorf("PadCount(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1.000"},
		{469100, "469.100"},
		{2340000, "2.340.000"},
		{-1500, "-1.500"},
		{-999, "-999"},
		{1_000_000_000, "1.000.000.000"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.n); got != tt.want {
			t.Errorf("FormatNumber(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	tests := []struct {
		f    float64
		max  int
		want string
	}{
		{1.5, 2, "1,5"},
		{1.5, 0, "2"},
		{1.25, 1, "1,2"}, // the binary value of 1.25 is exact: round half to even
		{2.0, 2, "2"},
		{0, 2, "0"},
		{-0.001, 2, "0"},
		{2340000, 2, "2.340.000"},
		{1234567.891, 2, "1.234.567,89"},
		{-1500.5, 1, "-1.500,5"},
		{0.3, 1, "0,3"},
		{8, 1, "8"},
		{1.5, -1, "2"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(1), 2, "+Inf"},
	}
	for _, tt := range tests {
		if got := FormatDecimal(tt.f, tt.max); got != tt.want {
			t.Errorf("FormatDecimal(%v, %d) = %q, want %q", tt.f, tt.max, got, tt.want)
		}
	}
}
