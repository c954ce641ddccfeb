package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A form or an issuer the catalogue does not know is refused, naming it,
// rather than printing a report of nothing.
func TestReportRefusesUnknownFormAndIssuer(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	mustCLI(t, db, "demo")
	cases := []struct {
		name  string
		extra []string
		code  int
		text  string
	}{
		{"UnknownForm", []string{"--form", "BKTW"}, 1, "Không tìm thấy hình thức khen thưởng mã “BKTW”"},
		{"UnknownIssuer", []string{"--issuer", "Bộ trưởng Bộ Công an"}, 1, "Không có hình thức khen thưởng nào của thẩm quyền “Bộ trưởng Bộ Công an” (các thẩm quyền: Chủ tịch UBND tỉnh"},
		{"KnownFormLowerCase", []string{"--form", "bkct"}, 0, "lượt khen thưởng"},
		{"KnownIssuerWithoutTones", []string{"--issuer", "chu tich ubnd tinh"}, 0, "lượt khen thưởng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.name+".pdf")
			args := append([]string{"report", "--from", "2014-01-01", "--to", "2030-12-31", "-o", out}, c.extra...)
			_, errOut, code := cli(t, db, args...)
			if code != c.code || !strings.Contains(errOut, c.text) {
				t.Fatalf("exit %d (want %d), stderr %q (want %q)", code, c.code, errOut, c.text)
			}
		})
	}
}
