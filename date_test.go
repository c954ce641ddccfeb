package khenthuong

import (
	"encoding/json"
	"testing"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2025-01-05", "2025-01-05", false},
		{"05/01/2025", "2025-01-05", false},
		{"5/1/2025", "2025-01-05", false},
		{"05-01-2025", "2025-01-05", false},
		{"05.01.2025", "2025-01-05", false},
		{"1975", "1975", false},
		{"  1975 ", "1975", false},
		{"", "", false},
		{"29/02/2024", "2024-02-29", false},
		{"29/02/2025", "", true},
		{"31/04/2025", "", true},
		{"13/13/2025", "", true},
		{"0/1/2025", "", true},
		{"1850", "", true},
		{"abc", "", true},
		{"1/2", "", true},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		if (err != nil) != c.wantErr {
			t.Errorf("ParseDate(%q) error = %v, want error %v", c.in, err, c.wantErr)
			continue
		}
		if err != nil {
			if ErrorCode(err) != EINVALID || ErrorMessage(err) == InternalMessage {
				t.Errorf("ParseDate(%q) error %v is not a clerk-readable invalid error", c.in, err)
			}
			continue
		}
		if d.String() != c.want {
			t.Errorf("ParseDate(%q) = %s, want %s", c.in, d, c.want)
		}
	}
}

func TestDateJSONRoundTrip(t *testing.T) {
	for _, d := range []Date{{}, {Year: 1975}, {2025, 1, 5}} {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Errorf("%v -> %s -> %v (%v)", d, b, back, err)
		}
	}
}

func TestDateDisplay(t *testing.T) {
	if got := (Date{2025, 1, 5}).Display(); got != "05/01/2025" {
		t.Errorf("Display = %q", got)
	}
	if got := (Date{Year: 1970}).Display(); got != "1970" {
		t.Errorf("Display = %q", got)
	}
}
