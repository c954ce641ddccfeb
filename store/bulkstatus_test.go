package store

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// statusEnv makes the test binary, re-run as a child, approve a campaign in
// batches of 3 and stop (waiting to be killed) before its third batch.
const statusEnv = "KHENTHUONG_STORE_STATUS"

// statusCampaign makes a campaign of 10 submitted nominations, one of them
// approved already and one rejected, the search index built: their IDs.
func statusCampaign(t testing.TB, db *DB) []uint64 {
	t.Helper()
	c := createCampaign(t, db, "Đợt duyệt")
	var ns []khenthuong.Nomination
	for i := range 10 {
		ns = append(ns, person(c.ID, fmt.Sprintf("Nguyễn Văn Duyệt %d", i), "Chuyên viên", "Sở Nội vụ"))
	}
	ns[2].Status = khenthuong.StatusApproved
	ns[5].Status, ns[5].RejectReason = khenthuong.StatusRejected, "Chưa đủ hồ sơ"
	mustNil(t, db.CreateNominations(ns))
	_, _ = db.Nominations(khenthuong.NominationFilter{Query: "x"})
	return nominationIDs(ns)
}

// smallStatusBatches makes status changes write 3 nominations per transaction.
func smallStatusBatches(t testing.TB) {
	old := statusBatch
	statusBatch = 3
	t.Cleanup(func() { statusBatch = old; statusBatchHook = nil })
}

// TestSetStatusInBatchesAsOneTransaction: a change of more than two batches
// leaves the file (records, indexes, audit, sequences) as one transaction does.
func TestSetStatusInBatchesAsOneTransaction(t *testing.T) {
	for _, tc := range []struct {
		to     khenthuong.Status
		reason string
	}{{khenthuong.StatusApproved, ""}, {khenthuong.StatusRejected, "Thiếu thành tích"}} {
		t.Run(string(tc.to), func(t *testing.T) {
			one := openTest(t)
			ids := statusCampaign(t, one)
			mustNil(t, one.SetStatus(append(ids, ids[0]), tc.to, tc.reason))

			smallStatusBatches(t)
			batches := 0
			statusBatchHook = func(int) error { batches++; return nil }
			db := openTest(t)
			statusCampaign(t, db)
			mustNil(t, db.SetStatus(append(ids, ids[0]), tc.to, tc.reason))
			if batches < 3 {
				t.Fatalf("%d batches", batches)
			}
			if a, b := export(t, one), export(t, db); a != b {
				t.Errorf("batches differ from one transaction:\n%s", firstDiff(a, b))
			}
			got, err := db.Nominations(khenthuong.NominationFilter{Status: tc.to})
			mustNil(t, err)
			if len(got) != len(ids) {
				t.Errorf("%d %s in the search index, want %d", len(got), tc.to, len(ids))
			}
			checkClean(t, db)
		})
	}
}

// TestSetStatusInBatchesAllOrNothing: a refusal found by the check, or a
// failure of a later batch, leaves the file as it was.
func TestSetStatusInBatchesAllOrNothing(t *testing.T) {
	smallStatusBatches(t)
	fail := func(batch int) error {
		if batch == 2 {
			return khenthuong.Errorf(khenthuong.EINTERNAL, "đĩa đầy")
		}
		return nil
	}
	for _, tc := range []struct {
		name  string
		extra func(t *testing.T, db *DB) uint64
		hook  func(int) error
		code  string
	}{
		{"UnknownLast", func(*testing.T, *DB) uint64 { return 9999 }, nil, khenthuong.ENOTFOUND},
		{"DraftLast", func(t *testing.T, db *DB) uint64 {
			c := createCampaign(t, db, "Đợt khác")
			d := person(c.ID, "Nguyễn Văn Nháp", "", "")
			d.Status = khenthuong.StatusDraft
			ns := []khenthuong.Nomination{d}
			mustNil(t, db.CreateNominations(ns))
			return ns[0].ID
		}, nil, khenthuong.EINVALID},
		{"ThirdBatchFails", nil, fail, khenthuong.EINTERNAL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t)
			ids := statusCampaign(t, db)
			if tc.extra != nil {
				ids = append(ids, tc.extra(t, db))
			}
			before := export(t, db)
			statusBatchHook = tc.hook
			wantCode(t, db.SetStatus(ids, khenthuong.StatusApproved, ""), tc.code, "")
			statusBatchHook = nil
			if after := export(t, db); after != before {
				t.Errorf("the file changed:\n%s", firstDiff(before, after))
			}
			if got, _ := db.Nominations(khenthuong.NominationFilter{Status: khenthuong.StatusApproved}); len(got) != 1 {
				t.Errorf("%d approved in the search index, want 1", len(got))
			}
			checkClean(t, db)
		})
	}
}

// statusChild is the child's part: batches of 3, "written" on stdout before
// the third, and a wait for the kill.
func statusChild(path string) {
	statusBatch = 3
	statusBatchHook = func(batch int) error {
		if batch == 2 {
			fmt.Println("written")
			_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // killed meanwhile
		}
		return nil
	}
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	var ids []uint64
	for _, s := range strings.Split(os.Getenv(statusEnv+"_IDS"), ",") {
		id, _ := strconv.ParseUint(s, 10, 64)
		ids = append(ids, id)
	}
	fmt.Println("finished:", db.SetStatus(ids, khenthuong.StatusApproved, ""))
	os.Exit(0)
}

// TestSetStatusKilledBetweenBatches kills a process approving in batches
// after two are committed: the next Open finds the file as before.
func TestSetStatusKilledBetweenBatches(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	ids := statusCampaign(t, db)
	before := export(t, db)
	mustNil(t, db.Close())

	var list []string
	for _, id := range ids {
		list = append(list, strconv.FormatUint(id, 10))
	}
	killWhenWritten(t, statusEnv+"="+path, statusEnv+"_IDS="+strings.Join(list, ","))

	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	mustNil(t, err)
	mustNil(t, bdb.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketImport) == nil {
			t.Error("after the kill: no journal")
		}
		return nil
	}))
	mustNil(t, bdb.Close())
	db = openAt(t, path, testOptions())
	if after := export(t, db); after != before {
		t.Errorf("the file after the kill and an open:\n%s", firstDiff(before, after))
	}
	checkClean(t, db)
}

// TestSetStatusReadersSeeBeforeOrAfter: reads while a change is between
// batches see none of it or all of it.
func TestSetStatusReadersSeeBeforeOrAfter(t *testing.T) {
	smallStatusBatches(t)
	db := openTest(t)
	ids := statusCampaign(t, db)
	approved := khenthuong.NominationFilter{Status: khenthuong.StatusApproved}
	reads := map[string]func() (int, error){
		"Count": func() (int, error) {
			n, err := db.CountNominations(approved)
			return n.Total, err
		},
		"Nominations": func() (int, error) {
			ns, err := db.Nominations(approved)
			return len(ns), err
		},
	}
	between, release := make(chan struct{}), make(chan struct{})
	statusBatchHook = func(batch int) error {
		if batch == 2 {
			close(between)
			<-release
		}
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- db.SetStatus(ids, khenthuong.StatusApproved, "") }()
	<-between
	for _, r := range readWhilePaused(t, reads, release, done) {
		if r.err != nil || r.n != 1 && r.n != len(ids) {
			t.Errorf("%s in the middle: %d (%v), want 1 or %d", r.name, r.n, r.err, len(ids))
		}
	}
	for name, read := range reads {
		if n, err := read(); err != nil || n != len(ids) {
			t.Errorf("%s after: %d (%v), want %d", name, n, err, len(ids))
		}
	}
}

// TestSetStatusJournalLeftDoneIsCleared: a process killed while deleting
// what the journal of a finished change kept (the state gone) leaves the
// change made; the next Open deletes the rest of the journal, in parts.
func TestSetStatusJournalLeftDoneIsCleared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	ids := statusCampaign(t, db)
	mustNil(t, db.SetStatus(ids, khenthuong.StatusApproved, ""))
	after := export(t, db)
	mustNil(t, db.Close())
	plant(t, path, func(tx *bolt.Tx) error {
		j, err := tx.CreateBucket(bucketImport)
		if err != nil {
			return err
		}
		for i := range undoPerTx + 5 { // more than one part
			if err := j.Put(keptKey(uint64(i+1)), []byte(`{"id":1}`)); err != nil {
				return err
			}
		}
		return nil
	})
	db = openAt(t, path, testOptions())
	if got := export(t, db); got != after {
		t.Errorf("the file after the open:\n%s", firstDiff(after, got))
	}
	checkClean(t, db)
}
