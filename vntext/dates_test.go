package vntext

import "testing"

func TestLongDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2025, 1, 5, "ngày 05 tháng 01 năm 2025"},
		{2024, 6, 2, "ngày 02 tháng 6 năm 2024"},
		{2022, 10, 24, "ngày 24 tháng 10 năm 2022"},
		{2024, 2, 29, "ngày 29 tháng 02 năm 2024"},
		{2023, 3, 9, "ngày 09 tháng 3 năm 2023"},
		{2023, 12, 10, "ngày 10 tháng 12 năm 2023"},
		{2019, 7, 1, "ngày 01 tháng 7 năm 2019"},
	}
	for _, tt := range tests {
		if got := LongDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("LongDate(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestShortDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2025, 1, 5, "05/01/2025"},
		{2024, 6, 2, "02/06/2024"},
		{2022, 10, 24, "24/10/2022"},
	}
	for _, tt := range tests {
		if got := ShortDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("ShortDate(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}
