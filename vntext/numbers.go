package vntext

import (
	"math"
	"strconv"
	"strings"
)

// PadCount writes a count with a leading zero below 10, as decisions do
// ("05 tập thể và 04 cá nhân", "Số: 05/QĐ-UBND"). Negative numbers are
// written as they are.
func PadCount(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// FormatNumber writes an integer the Vietnamese way, with dots between
// thousands: 2340000 → "2.340.000", -1500 → "-1.500".
func FormatNumber(n int64) string {
	if n < 0 {
		// Through uint64 so that math.MinInt64 keeps its digits.
		return "-" + groupThousands(strconv.FormatUint(uint64(-(n+1))+1, 10))
	}
	return groupThousands(strconv.FormatInt(n, 10))
}

// FormatDecimal writes f with at most maxDecimals decimals, a decimal comma
// and thousands dots, dropping trailing zeros: FormatDecimal(1.5, 2) == "1,5",
// FormatDecimal(2340000, 2) == "2.340.000". Rounding is that of
// strconv.FormatFloat on the binary value; keep money in int64 đồng and use
// FormatNumber. A negative maxDecimals counts as 0. NaN and infinities are
// written as strconv writes them.
func FormatDecimal(f float64, maxDecimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', max(maxDecimals, 0), 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	out := groupThousands(intPart)
	if hasFrac {
		out += "," + frac
	}
	if out == "0" {
		return out // -0.001 rounded to "-0" is just zero
	}
	return sign + out
}

// groupThousands inserts a dot every three digits from the right.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteByte('.')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
