package postgres

import (
	"context"
	"sync"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/storetest"
)

// serverHarness runs the conformance suite on a new, initialised database per
// store, opened as an office login named after the suite's user: who is
// working (Identity) and who the audit names are then the same person, as
// for a clerk, not the owner writing under another name.
type serverHarness struct {
	mu     sync.Mutex
	logins map[string]string // login -> password, made once for the whole suite
}

func (h *serverHarness) Open(t *testing.T, user string, now func() time.Time) khenthuong.Services {
	t.Helper()
	owner := initDatabase(t)
	return openStore(t, withDatabase(t, owner, dbName(t, owner), user, h.login(t, user)), Options{Now: now})
}

// login is the password of the office login user, created (head of the
// office: the suite issues decisions and keeps the catalogue) on first use.
func (h *serverHarness) login(t *testing.T, user string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if pw, ok := h.logins[user]; ok {
		return pw
	}
	pw := "mật-khẩu-" + randomName("")
	if err := AddUser(context.Background(), clusterAddr(t), user, khenthuong.RoleHead, pw); err != nil {
		t.Fatalf("add user %s: %v", user, err)
	}
	h.logins[user] = pw
	return pw
}

// drop removes the suite's logins from the test cluster.
func (h *serverHarness) drop(t *testing.T) {
	for user := range h.logins {
		if err := RemoveUser(context.Background(), clusterAddr(t), user); err != nil {
			t.Errorf("remove user %s: %v", user, err)
		}
	}
}

func TestConformance(t *testing.T) {
	h := &serverHarness{logins: map[string]string{}}
	t.Cleanup(func() { h.drop(t) })
	storetest.Run(t, h)
}
