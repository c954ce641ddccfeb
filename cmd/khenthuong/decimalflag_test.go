package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"khenthuong"
)

// A printer's offsets and scale are read with the office's decimal comma as
// well as with a point.
func TestPrinterOffsetsWithADecimalComma(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "campaign", "new", "--name", "Tổng kết năm 2024")
	cases := []struct {
		name         string
		x, y, scale  string
		wantX, wantY float64
		wantScale    float64
		code         int
	}{
		{"Comma", "2,5", "-1,5", "1,002", 2.5, -1.5, 1.002, 0},
		{"Point", "0.75", "-3", "0.998", 0.75, -3, 0.998, 0},
		{"Garbage", "1,2,3", "0", "1", 0, 0, 0, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := cli(t, db, "printer", "set", "Máy "+c.name, "--offset-x", c.x, "--offset-y", c.y, "--scale", c.scale)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errOut)
			}
			if c.code != 0 {
				return
			}
			var ps []khenthuong.PrinterProfile
			mustNil(t, json.Unmarshal([]byte(mustCLI(t, db, "printer", "list", "--json")), &ps))
			for _, p := range ps {
				if p.Name == "Máy "+c.name {
					if p.OffsetX != c.wantX || p.OffsetY != c.wantY || p.Scale != c.wantScale {
						t.Errorf("%+v, want %v, %v, %v", p, c.wantX, c.wantY, c.wantScale)
					}
					return
				}
			}
			t.Errorf("printer not saved: %+v", ps)
		})
	}
}
