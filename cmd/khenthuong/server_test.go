package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// The office server end to end through the command line, on the cluster
// scripts/pg-test.sh starts for `make test` (KHENTHUONG_TEST_PG).

func testServer(t *testing.T) (admin string, as func(user, password string) string) {
	t.Helper()
	cluster := os.Getenv("KHENTHUONG_TEST_PG")
	if cluster == "" {
		t.Skip("KHENTHUONG_TEST_PG is not set: run with scripts/pg-test.sh go test ./cmd/khenthuong (make test does)")
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "kt_cli_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, cluster)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, cluster)
		if err == nil {
			conn.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)")
			conn.Close(ctx)
		}
	})
	u, _ := url.Parse(cluster)
	u.Path = "/" + name
	admin = u.String()
	return admin, func(user, password string) string {
		v := *u
		v.User = url.UserPassword(user, password)
		return v.String()
	}
}

// withStdin runs fn with the given text as --password-stdin's input.
func withStdin(text string, fn func()) {
	old := stdin
	stdin = strings.NewReader(text)
	defer func() { stdin = old }()
	fn()
}

func TestOfficeServerEndToEnd(t *testing.T) {
	admin, as := testServer(t)
	suffix := strconv.Itoa(os.Getpid())
	clerk, head := "cv_"+suffix, "ld_"+suffix

	mustCLI(t, admin, "server", "init")
	if _, errOut, code := cli(t, admin, "server", "init"); code != 0 || !strings.Contains(errOut, "không cần thay đổi") {
		t.Fatalf("second server init: exit %d, %s", code, errOut)
	}
	withStdin("mật khẩu chuyên viên\n", func() { mustCLI(t, admin, "server", "user", "add", clerk, "--role", "chuyenvien", "--password-stdin") })
	withStdin("mật khẩu lãnh đạo\n", func() { mustCLI(t, admin, "server", "user", "add", head, "--role", "lanhdao", "--password-stdin") })
	t.Cleanup(func() {
		cli(t, admin, "server", "user", "remove", clerk)
		cli(t, admin, "server", "user", "remove", head)
	})
	var users []struct{ Name, Role string }
	mustNil(t, json.Unmarshal([]byte(mustCLI(t, admin, "server", "user", "list", "--json")), &users))
	roles := map[string]string{}
	for _, u := range users {
		roles[u.Name] = u.Role
	}
	if roles[clerk] != "chuyenvien" || roles[head] != "lanhdao" {
		t.Fatalf("user list = %v", users)
	}
	clerkAddr, headAddr := as(clerk, "mật khẩu chuyên viên"), as(head, "mật khẩu lãnh đạo")

	// A clerk's file moves onto the server; both then list the same content.
	file := filepath.Join(t.TempDir(), "khenthuong.db")
	mustCLI(t, file, "demo")
	mustCLI(t, file, "migrate", "--to", admin)
	for _, what := range []string{"campaigns", "nominations", "forms", "decisions"} {
		if a, b := mustCLI(t, file, "list", what, "--json"), mustCLI(t, clerkAddr, "list", what, "--json"); a != b {
			t.Errorf("list %s differs between the file and the server: %s", what, firstDifference(a, b))
		}
	}
	mustCLI(t, file, "check")
	if out := mustCLI(t, admin, "check"); !strings.Contains(out, "không có lỗi") {
		t.Errorf("check on the server: %s", out)
	}
	if _, errOut, code := cli(t, file, "migrate", "--to", admin); code == 0 || !strings.Contains(errOut, "--force") {
		t.Errorf("migrating onto a server with data: exit %d, %s", code, errOut)
	}
	mustCLI(t, file, "migrate", "--to", admin, "--force")

	// The demo leaves a draft decision: a clerk may not issue it, the head may.
	var ds []khenthuong.Decision
	mustNil(t, json.Unmarshal([]byte(mustCLI(t, clerkAddr, "list", "decisions", "--json")), &ds))
	var draft uint64
	for _, d := range ds {
		if d.Status == khenthuong.DecisionDraft {
			draft = d.ID
		}
	}
	if draft == 0 {
		t.Fatalf("no draft decision after the demo: %+v", ds)
	}
	id := strconv.FormatUint(draft, 10)
	_, errOut, code := cli(t, clerkAddr, "decision", "issue", id)
	if code == 0 || !strings.Contains(errOut, "lãnh đạo") || !strings.Contains(errOut, clerk) {
		t.Fatalf("clerk's decision issue: exit %d, %s; want a refusal naming who may do it", code, errOut)
	}
	mustCLI(t, headAddr, "decision", "issue", id)

	var recs []khenthuong.AuditRecord
	mustNil(t, json.Unmarshal([]byte(mustCLI(t, clerkAddr, "audit", "--who", head, "--json")), &recs))
	if len(recs) == 0 || recs[len(recs)-1].Action != "issue" || recs[len(recs)-1].Key != id {
		t.Fatalf("audit of %s = %+v", head, recs)
	}
	if out := mustCLI(t, clerkAddr, "audit", "--since", "2000-01-01"); !strings.Contains(out, head) {
		t.Errorf("audit table does not name %s:\n%.500s", head, out)
	}

	// A backup of the server is a data file any clerk opens offline.
	backup := filepath.Join(t.TempDir(), "sao-luu.db")
	mustCLI(t, headAddr, "backup", "-o", backup)
	mustCLI(t, backup, "check")
	for _, what := range []string{"nominations", "decisions"} {
		if a, b := mustCLI(t, backup, "list", what, "--json"), mustCLI(t, headAddr, "list", what, "--json"); a != b {
			t.Errorf("list %s differs between the server and its backup: %s", what, firstDifference(b, a))
		}
	}

	// A wrong password: Vietnamese, naming the address, not the password.
	_, errOut, code = cli(t, as(clerk, "sai-mat-khau"), "list", "campaigns")
	if code == 0 || !strings.Contains(errOut, "mật khẩu") || strings.Contains(errOut, "sai-mat-khau") || !strings.Contains(errOut, clerk+"@") {
		t.Fatalf("wrong password: exit %d, %s", code, errOut)
	}
}

func TestDataAddressFromEnvironment(t *testing.T) {
	t.Setenv(dbEnv, "postgres://canbo@127.0.0.1:1/khenthuong?connect_timeout=2")
	_, errOut, code := func() (string, string, int) {
		var out, errOut strings.Builder
		code := run([]string{"list", "campaigns"}, &out, &errOut)
		return out.String(), errOut.String(), code
	}()
	if code == 0 || !strings.Contains(errOut, "postgres://canbo@127.0.0.1:1/khenthuong") || !strings.Contains(errOut, "kiểm tra") {
		t.Fatalf("KHENTHUONG_DB pointing at a server that is down: exit %d, %s", code, errOut)
	}
}

func mustNil(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// firstDifference names the first line where two listings part, with the
// line before it: a field of one record, not the first 300 bytes of both.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			before := ""
			if i > 0 {
				before = la[i-1]
			}
			return fmt.Sprintf("line %d, after %q:\n  %q\n  %q", i+1, strings.TrimSpace(before), la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, %d lines", len(la), len(lb))
}
