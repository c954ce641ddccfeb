package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

func TestAuditOfADataFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "khenthuong.db")
	mustCLI(t, db, "demo")
	var all []khenthuong.AuditRecord
	mustNil(t, json.Unmarshal([]byte(mustCLI(t, db, "audit", "--json")), &all))
	if len(all) == 0 {
		t.Fatal("no audit after the demo")
	}
	who := all[0].User
	for i, r := range all {
		if r.User == "" || r.At.IsZero() || (i > 0 && r.ID < all[i-1].ID) {
			t.Fatalf("record %d: %+v (want a user, a time, oldest first)", i, r)
		}
	}
	var none []khenthuong.AuditRecord
	mustNil(t, json.Unmarshal([]byte(mustCLI(t, db, "audit", "--who", "khong-ai", "--json")), &none))
	var future []khenthuong.AuditRecord
	mustNil(t, json.Unmarshal([]byte(mustCLI(t, db, "audit", "--since", "2090-01-01", "--json")), &future))
	if len(none) != 0 || len(future) != 0 {
		t.Fatalf("filters let through %d (--who) and %d (--since)", len(none), len(future))
	}
	if out := mustCLI(t, db, "audit", "--who", who); !strings.Contains(out, who) || !strings.Contains(out, "NGƯỜI SỬA") {
		t.Fatalf("table:\n%.400s", out)
	}
	if _, errOut, code := cli(t, db, "audit", "--since", "hôm qua"); code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Fatalf("bad --since: exit %d, %s", code, errOut)
	}
}
