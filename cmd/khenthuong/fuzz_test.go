package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCLIArgs runs the CLI in-process on arbitrary arguments (one a line)
// against a fresh data file: no panic, and an exit code of 0, 1 or 2. Every
// argument stays inside the test's folder: the work happens there, and
// arguments that could name a path outside it (absolute, "..", "~",
// separators) are dropped. The first argument is always a subcommand, so the
// window never opens.
func FuzzCLIArgs(f *testing.F) {
	for _, s := range []string{
		"list\ncampaigns", "list\nnominations\n--json", "list\ndecisions\n--campaign\n1",
		"import\nunit.csv\n--campaign\n1", "import\nunit.csv\n--campaign\n1\n--dry-run\n--json",
		"campaign\nnew\n--name\nTổng kết năm 2025", "decision\nissue\n1", "search\nnguyễn văn",
		"print\ncertificates\n--decision\n1\n-o\nout.pdf", "check", "backup\n-o\nsaoluu.db", "restore\nsaoluu.db",
		"export\n--campaign\n1\n-o\nds.xlsx", "history\nNguyễn Văn A", "review\n1", "template\nlist", "printer\nlist",
		"version", "help", "không-có-lệnh", "list\n--campaign\n-1", "import\n--campaign\n18446744073709551616\nunit.csv",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		var args []string
		for _, a := range strings.Split(input, "\n") {
			if outside(a) {
				continue
			}
			args = append(args, a)
		}
		if len(args) == 0 || args[0] == "" || strings.HasPrefix(args[0], "-") {
			return // no subcommand: the window would open
		}
		dir := t.TempDir()
		t.Chdir(dir)
		db := filepath.Join(dir, "khenthuong.db")
		if code := run([]string{"--db", db, "campaign", "new", "--name", "Tổng kết năm 2024"}, io.Discard, io.Discard); code != 0 {
			t.Fatalf("campaign new: exit %d", code)
		}
		if err := os.WriteFile(filepath.Join(dir, "unit.csv"), []byte(unitCSV), 0o600); err != nil {
			t.Fatal(err)
		}
		code := run(append([]string{"--db", db}, args...), io.Discard, io.Discard)
		if code < 0 || code > 2 {
			t.Fatalf("%q: exit %d, want 0, 1 or 2", args, code)
		}
	})
}

// outside reports whether an argument could name a file outside the current folder.
func outside(a string) bool {
	return strings.ContainsAny(a, "/\\:") || strings.Contains(a, "..") || strings.HasPrefix(a, "~") || strings.ContainsRune(a, 0)
}
