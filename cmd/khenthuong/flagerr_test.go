package main

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Wrong flags are told in Vietnamese, never in the flag package's English.
func TestFlagMistakesInVietnamese(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	cases := []struct {
		name     string
		args     []string
		inStderr string
	}{
		{"UnknownFlag", []string{"list", "nominations", "--bogus"}, "không có tùy chọn “-bogus”"},
		{"NotANumber", []string{"review", "--campaign", "abc", "--approve", "1"}, "giá trị \"abc\" của tùy chọn “-campaign” không phải là số"},
		{"NotAFloat", []string{"printer", "set", "X", "--offset-x", "abc"}, "giá trị \"abc\" của tùy chọn “-offset-x” không phải là số"},
		{"TooLarge", []string{"list", "nominations", "--campaign", "99999999999999999999999"}, "quá lớn"},
		{"MissingValue", []string{"export", "--campaign", "1", "-o"}, "tùy chọn “-o” cần một giá trị"},
		{"BoolWithValue", []string{"list", "campaigns", "--json=có"}, "tùy chọn “-json”"},
		{"GlobalUnknown", []string{"--bogus", "list", "campaigns"}, "không có tùy chọn “-bogus”"},
		{"GlobalMissingValue", []string{"--db"}, "tùy chọn “-db” cần một giá trị"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := c.args
			if c.name != "GlobalMissingValue" {
				args = append([]string{"--db", db}, args...)
			}
			var out, errOut strings.Builder
			code := run(args, &out, &errOut)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut.String(), c.inStderr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), c.inStderr)
			}
			for _, english := range []string{"flag provided", "invalid value", "needs an argument", "parse error", "help requested", "invalid boolean"} {
				if strings.Contains(errOut.String(), english) {
					t.Errorf("stderr shows the flag package's English %q: %q", english, errOut.String())
				}
			}
		})
	}
}

// Every command answers --help and -h with its own usage on stdout, exit 0,
// whether it takes flags or not (check, demo, version, server...).
func TestEveryCommandHasHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, h := range []string{"--help", "-h", "help"} {
			t.Run(name+h, func(t *testing.T) {
				var out, errOut strings.Builder
				args := []string{"--db", db, name, h}
				if h == "help" {
					args = []string{"--db", db, "help", name} // khenthuong help import
				}
				code := run(args, &out, &errOut)
				first, _, _ := strings.Cut(commands[name].usage, "\n")
				if code != 0 || !strings.HasPrefix(out.String(), first) {
					t.Errorf("exit %d, stdout %q, stderr %q; want exit 0 and the usage", code, out.String(), errOut.String())
				}
			})
		}
	}
	for _, h := range []string{"--help", "-h", "help"} {
		var out, errOut strings.Builder
		if code := run([]string{h}, &out, &errOut); code != 0 || errOut.Len() != 0 || !strings.Contains(out.String(), "Các lệnh:") {
			t.Errorf("khenthuong %s: exit %d, stdout %q, stderr %q", h, code, out.String(), errOut.String())
		}
	}
}
