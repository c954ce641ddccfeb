package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A wrong flag value of print is a usage error (exit 2) naming the flag and
// what it takes, and writes nothing; never "Lỗi hệ thống".
func TestPrintBadFlagValuesAreUsageErrors(t *testing.T) {
	db, d := demoDecision(t)
	id := strconv.FormatUint(d.ID, 10)
	cases := []struct {
		name string
		args []string
		want []string // in the message
	}{
		{"certificates, unknown mode", []string{"certificates", "--decision", id, "--mode", "xyz"}, []string{"--mode", "“xyz”", "blank", "plain"}},
		{"certificates, zero batch", []string{"certificates", "--decision", id, "--batch", "0"}, []string{"--batch"}},
		{"calibration, unknown size", []string{"calibration", "--size", "B9"}, []string{"--size", "“B9”", "A3L", "A4L"}},
		{"runsheet, unknown mode", []string{"runsheet", "--decision", id, "--mode", "xyz"}, []string{"--mode", "blank", "plain"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "x.pdf")
			_, stderr, code := cli(t, db, append(append([]string{"print"}, c.args...), "-o", out)...)
			if code != 2 {
				t.Fatalf("exit %d, want 2 (usage)\n%s", code, stderr)
			}
			first, _, _ := strings.Cut(stderr, "\n")
			for _, w := range append(c.want, "khenthuong print: ") {
				if !strings.Contains(first, w) {
					t.Errorf("message lacks %q: %s", w, first)
				}
			}
			if strings.Contains(stderr, "Lỗi hệ thống") {
				t.Errorf("reported as a system error: %s", stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was written", out)
			}
		})
	}
}
