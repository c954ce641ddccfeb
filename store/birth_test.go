package store

import (
	"testing"

	"khenthuong"
)

// birthYear reads what decoding the whole record gives, whatever else the
// record holds.
func TestBirthYearAsDecoded(t *testing.T) {
	quoted := khenthuong.Nomination{ID: 1, Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: `Lê "birth":"1900" Văn`,
		Birth: khenthuong.Date{Year: 1975, Month: 4, Day: 30}}, Achievement: `"birth":"1901"`}
	cases := []struct {
		name string
		v    []byte
		want int
	}{
		{"year and day", mustEncode(t, khenthuong.Nomination{ID: 2, Nominee: khenthuong.Nominee{Name: "Trần Thị Hoa", Birth: khenthuong.Date{Year: 1980, Month: 1, Day: 5}}}), 1980},
		{"year only", mustEncode(t, khenthuong.Nomination{ID: 3, Nominee: khenthuong.Nominee{Name: "An", Birth: khenthuong.Date{Year: 1969}}}), 1969},
		{"none", mustEncode(t, khenthuong.Nomination{ID: 4, Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Tổ chức"}}), 0},
		{"the key inside texts", mustEncode(t, quoted), 1975},
		{"without checksum, spaced", []byte(`{"id": 5, "nominee": {"name": "B", "birth": "1955"}}`), 1955},
		{"escaped date", []byte(`{"id":6,"nominee":{"name":"C","birth":"\u0031960"}}`), 1960},
	}
	for _, c := range cases {
		got, err := birthYear(c.v)
		if err != nil || got != c.want {
			t.Errorf("%s: %d, %v; want %d", c.name, got, err, c.want)
		}
	}
	damaged := mustEncode(t, quoted)
	damaged[10] ^= 1
	if _, err := birthYear(damaged); err == nil {
		t.Error("a damaged record gives no error")
	}
}

func mustEncode(t *testing.T, n khenthuong.Nomination) []byte {
	t.Helper()
	v, err := encode(&n)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
