package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// The tests run against the cluster scripts/pg-test.sh starts for `make test`
// (its superuser address in KHENTHUONG_TEST_PG). Each test gets databases of
// its own, dropped at its end.

const testEnv = "KHENTHUONG_TEST_PG"

// clusterAddr is the superuser address of the test cluster.
func clusterAddr(t testing.TB) string {
	t.Helper()
	addr := os.Getenv(testEnv)
	if addr == "" {
		t.Skip(testEnv + " is not set: run these tests with scripts/pg-test.sh go test ./postgres (make test does)")
	}
	return addr
}

// withDatabase is addr pointing at another database (and, if user is set, another login).
func withDatabase(t testing.TB, addr, db, user, password string) string {
	u, err := url.Parse(addr)
	if err != nil {
		panic(err) // the test cluster's own address
	}
	u.Path = "/" + db
	if user != "" {
		u.User = url.UserPassword(user, password)
	}
	return u.String()
}

func randomName(prefix string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// newDatabase creates an empty database and returns its superuser address.
func newDatabase(t testing.TB) string {
	t.Helper()
	admin := clusterAddr(t)
	name := randomName("kt_")
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("test cluster: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Errorf("drop %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	return withDatabase(t, admin, name, "", "")
}

// initDatabase is newDatabase after `server init`.
func initDatabase(t testing.TB) string {
	t.Helper()
	addr := newDatabase(t)
	if _, _, err := Init(context.Background(), addr); err != nil {
		t.Fatalf("init: %v", err)
	}
	return addr
}

// addUser creates a login of the role for the test, removed at its end.
func addUser(t testing.TB, admin, role string) (name, password string) {
	t.Helper()
	name, password = randomName("u"), "mật-khẩu-"+randomName("")
	if err := AddUser(context.Background(), admin, name, khenthuong.Role(role), password); err != nil {
		t.Fatalf("add user: %v", err)
	}
	t.Cleanup(func() { RemoveUser(context.Background(), admin, name) })
	return name, password
}

func openStore(t testing.TB, addr string, opts Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), addr, opts)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustNil(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
