package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
)

// Certificates of a decision not yet issued would waste blanks (no
// registry number, no signer): refused, unless --draft asks for a trial
// print, whose every page says so.
func TestPrintCertificatesOfDraftDecision(t *testing.T) {
	db, issued := demoDecision(t)
	var ds []khenthuong.Decision
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "decisions", "--json")), &ds); err != nil {
		t.Fatal(err)
	}
	var draft khenthuong.Decision
	for _, d := range ds {
		if d.Status != khenthuong.DecisionIssued {
			draft = d
		}
	}
	if draft.ID == 0 {
		t.Fatal("the demo has no draft decision")
	}
	id := func(d khenthuong.Decision) string { return strconv.FormatUint(d.ID, 10) }
	cases := []struct {
		name     string
		args     []string
		code     int
		message  []string // in stderr
		marked   bool     // every page says BẢN NHÁP
		unmarked bool     // no page does
	}{
		{"draft refused", []string{"--decision", id(draft)}, 1,
			[]string{"chưa ban hành", "số sổ vàng", "khenthuong decision issue " + id(draft), "--draft"}, false, false},
		{"draft as a trial print", []string{"--decision", id(draft), "--draft"}, 0, nil, true, false},
		{"issued, no mark", []string{"--decision", id(issued)}, 0, nil, false, true},
		{"issued with --draft, no mark", []string{"--decision", id(issued), "--draft"}, 0, nil, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "bk.pdf")
			args := append(append([]string{"print", "certificates", "--mode", "plain"}, c.args...), "-o", out)
			_, stderr, code := cli(t, db, args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s", code, c.code, stderr)
			}
			for _, w := range c.message {
				if !strings.Contains(stderr, w) {
					t.Errorf("message lacks %q: %s", w, stderr)
				}
			}
			if c.code != 0 {
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("%s was written", out)
				}
				return
			}
			pages := strings.Split(pdfText(t, out), "\f")
			pages = pages[:len(pages)-1]
			if len(pages) == 0 {
				t.Fatal("no page printed")
			}
			for i, p := range pages {
				has := strings.Contains(p, "BẢN NHÁP")
				if c.marked && !has || c.unmarked && has {
					t.Errorf("page %d: BẢN NHÁP printed %v", i+1, has)
				}
			}
		})
	}
}
