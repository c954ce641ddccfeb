package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
)

// issuedNumbers counts the registry numbers the decisions of form gave.
func issuedNumbers(t *testing.T, db, form string) int {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds, err := s.Decisions(0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range ds {
		full, err := s.Decision(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range full.Recipients {
			if d.FormCode == form && r.RegistryNo != "" {
				n++
			}
		}
	}
	return n
}

// series list and series set show the number the next issue would give,
// not number 1, and a format with an unknown placeholder is refused.
func TestSeriesShowsNextNumber(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo") // issues a BKCT decision
	given := issuedNumbers(t, db, "BKCT")
	if given == 0 {
		t.Fatal("the demo gave no BKCT number")
	}
	year := time.Now().Year()
	bkct := khenthuong.RegistrySeries{Code: "BKCT"}
	bkct.Normalize()
	fresh := khenthuong.RegistrySeries{Code: "GKXA"}
	fresh.Normalize()
	for _, tc := range []struct {
		name                   string
		args                   []string
		code                   int
		inStdout, inStderr     string
		notInStdout, notStderr string
	}{
		{"ListUsedSeries", []string{"series", "list"}, 0, bkct.Number(year, given+1), "", bkct.Number(year, 1), ""},
		{"ListFreshSeries", []string{"series", "list"}, 0, fresh.Number(year, 1), "", "", ""},
		{"SetUsedSeries", []string{"series", "set", "BKCT", "--format", "{prefix}/{year}/{n}"}, 0, "",
			fmt.Sprintf("số tiếp theo BKCT/%d/%04d", year, given+1), "", "/0001"},
		{"UnknownPlaceholder", []string{"series", "set", "BKCT", "--format", "{prefix}/{nam}/{n}"}, 1, "",
			"“{nam}” không dùng được: chỉ dùng {prefix}, {year}, {n}", "", ""},
		{"UnclosedBrace", []string{"series", "set", "BKCT", "--format", "{prefix}/{year/{n}"}, 1, "", "không dùng được", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := cli(t, db, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.inStdout) || !strings.Contains(errOut, tc.inStderr) ||
				(tc.notInStdout != "" && strings.Contains(out, tc.notInStdout)) || (tc.notStderr != "" && strings.Contains(errOut, tc.notStderr)) {
				t.Errorf("exit %d (want %d)\nstdout %s\nstderr %s\nwant stdout with %q, stderr with %q", code, tc.code, out, errOut, tc.inStdout, tc.inStderr)
			}
		})
	}
	// The refused format was not stored.
	if out := mustCLI(t, db, "series", "list"); strings.Contains(out, "{nam}") || !strings.Contains(out, "{prefix}/{year}/{n}") {
		t.Errorf("series list after the refused format:\n%s", out)
	}
}

// A series stored with a bad format before formats were checked is shown
// as wrong, not with a number that prints "{nam}".
func TestSeriesExample(t *testing.T) {
	for _, tc := range []struct {
		format string
		n      int
		want   string
	}{
		{"{prefix}-{year}-{n}", 29, "BKCT-2026-0029"},
		{"{n}/{year}/{prefix}", 1, "0001/2026/BKCT"},
		{"{prefix}/{nam}/{n}", 29, "mẫu sai, sửa: series set BKCT --format"},
		{"{prefix}-{year-{n}", 29, "mẫu sai, sửa: series set BKCT --format"},
	} {
		s := khenthuong.RegistrySeries{Code: "BKCT", Format: tc.format}
		s.Normalize()
		if got := seriesExample(&s, 2026, tc.n); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.format, got, tc.want)
		}
	}
}
