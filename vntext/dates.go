package vntext

import "fmt"

// LongDate writes a date the way administrative documents do (Decree
// 30/2020): "ngày 05 tháng 01 năm 2025", "ngày 02 tháng 6 năm 2024",
// "ngày 24 tháng 10 năm 2022". Days 1–9 and months 1–2 get a leading zero
// because a digit written in front of them would make another valid date
// ("1" → "11"), while "tháng 3" to "tháng 9" cannot be stretched that way.
func LongDate(year, month, day int) string {
	m := fmt.Sprint(month)
	if month >= 1 && month <= 2 {
		m = PadCount(month)
	}
	return fmt.Sprintf("ngày %s tháng %s năm %d", PadCount(day), m, year)
}

// ShortDate writes dd/mm/yyyy with both day and month always padded, the
// form used in tables and lists: ShortDate(2025, 1, 5) == "05/01/2025".
func ShortDate(year, month, day int) string {
	return fmt.Sprintf("%02d/%02d/%d", day, month, year)
}
