package store

import (
	"bufio"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// importEnv makes the test binary, re-run as a child, import rows into a
// data file and stop (waiting to be killed) once two batches are written.
const importEnv = "KHENTHUONG_STORE_IMPORT"

// importRows yields n nominations for campaign c, calling at(i) before row i.
func importRows(c uint64, n int, at func(i int) error) iter.Seq2[*khenthuong.Nomination, error] {
	return func(yield func(*khenthuong.Nomination, error) bool) {
		for i := range n {
			if at != nil {
				if err := at(i); err != nil {
					yield(nil, err)
					return
				}
			}
			p := person(c, fmt.Sprintf("Nguyễn Văn Nhập %d", i), "Chuyên viên", "Sở Tư pháp")
			if !yield(&p, nil) {
				return
			}
		}
	}
}

// smallBatches makes imports write 3 rows per transaction for the test.
func smallBatches(t testing.TB) {
	old := importBatch
	importBatch = 3
	t.Cleanup(func() { importBatch = old })
}

// importChild is the child's part: batches of 3, and after two of them
// (row 7 asked for) "written" on stdout and a wait for the kill.
func importChild(path string) {
	importBatch = 3
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	cid, _ := strconv.ParseUint(os.Getenv(importEnv+"_CAMPAIGN"), 10, 64)
	_, err = db.ImportNominations(importRows(cid, 10, func(i int) error {
		if i == 2*importBatch+1 { // a batch is written when the row after it comes
			fmt.Println("written")
			_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // killed meanwhile
		}
		return nil
	}))
	fmt.Println("finished:", err)
	os.Exit(0)
}

func TestImportNominationsInBatches(t *testing.T) {
	smallBatches(t)
	for _, tc := range []struct {
		name string
		rows int
	}{{"OneBatch", 3}, {"ExactBatches", 9}, {"PartBatch", 10}, {"None", 0}} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t)
			c := createCampaign(t, db, "Đợt nhập")
			mustNil(t, db.CreateNominations([]khenthuong.Nomination{person(c.ID, "Trần Thị Có Trước", "Kế toán", "Sở Tài chính")}))
			// The window's search index is built: it takes the rows once they are all in.
			if _, err := db.Nominations(khenthuong.NominationFilter{Query: "nhap"}); err != nil {
				t.Fatal(err)
			}
			got, err := db.ImportNominations(importRows(c.ID, tc.rows, nil))
			mustNil(t, err)
			if len(got) != tc.rows {
				t.Fatalf("%d IDs, want %d", len(got), tc.rows)
			}
			ns, err := db.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
			mustNil(t, err)
			if len(ns) != tc.rows+1 {
				t.Fatalf("%d nominations, want %d", len(ns), tc.rows+1)
			}
			for i, n := range ns[1:] {
				if n.ID != got[i] || n.Order != i+2 || n.Nominee.Name != fmt.Sprintf("Nguyễn Văn Nhập %d", i) || n.NomineeID == 0 {
					t.Errorf("row %d: %+v (IDs %v)", i, n, got)
				}
			}
			found, err := db.Nominations(khenthuong.NominationFilter{Query: "nhap"})
			mustNil(t, err)
			if len(found) != tc.rows {
				t.Errorf("search finds %d, want %d", len(found), tc.rows)
			}
			if tc.rows > 0 {
				recs, err := db.Audit(entityNomination, idKey(got[len(got)-1]))
				mustNil(t, err)
				if len(recs) != 1 || recs[0].Action != actionCreate {
					t.Errorf("audit of the last row: %+v", recs)
				}
			}
			if hasImportJournal(db.bolt) {
				t.Error("the journal is left")
			}
			checkClean(t, db)
		})
	}
}

// TestImportAllOrNothing: a row refused at the end, or the rows' source
// failing, after batches were written leaves the file as it was, to the
// sequences.
func TestImportAllOrNothing(t *testing.T) {
	smallBatches(t)
	for _, tc := range []struct {
		name string
		rows iter.Seq2[*khenthuong.Nomination, error]
		code string
		msg  string
	}{
		{"LastRowInvalid", withRow(importRows(0, 10, nil), 9, func(n *khenthuong.Nomination) { n.Nominee.Name = "" }), khenthuong.EINVALID, "Dòng 10:"},
		{"LastRowUnknownForm", withRow(importRows(0, 10, nil), 9, func(n *khenthuong.Nomination) { n.FormCode = "KHONGCO" }), khenthuong.EINVALID, "Dòng 10:"},
		{"LastRowUnknownCampaign", withRow(importRows(0, 10, nil), 9, func(n *khenthuong.Nomination) { n.CampaignID = 999 }), khenthuong.ENOTFOUND, "Dòng 10:"},
		{"SourceFails", importRows(0, 10, func(i int) error {
			if i == 8 {
				return khenthuong.Errorf(khenthuong.EINVALID, "tệp hỏng ở dòng 9")
			}
			return nil
		}), khenthuong.EINVALID, "tệp hỏng ở dòng 9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t)
			c := createCampaign(t, db, "Đợt nhập")
			mustNil(t, db.CreateNominations([]khenthuong.Nomination{person(c.ID, "Trần Thị Có Trước", "Kế toán", "Sở Tài chính")}))
			before := export(t, db)
			_, err := db.ImportNominations(inCampaign(tc.rows, c.ID))
			e := wantCode(t, err, tc.code, "")
			if !strings.Contains(e.Message, tc.msg) {
				t.Errorf("message %q, want %q", e.Message, tc.msg)
			}
			if after := export(t, db); after != before {
				t.Errorf("the file changed:\n%s", firstDiff(before, after))
			}
		})
	}
}

// inCampaign sets the campaign of rows that have none.
func inCampaign(rows iter.Seq2[*khenthuong.Nomination, error], c uint64) iter.Seq2[*khenthuong.Nomination, error] {
	return func(yield func(*khenthuong.Nomination, error) bool) {
		for n, err := range rows {
			if n != nil && n.CampaignID == 0 {
				n.CampaignID = c
			}
			if !yield(n, err) {
				return
			}
		}
	}
}

// withRow changes row i of rows.
func withRow(rows iter.Seq2[*khenthuong.Nomination, error], i int, change func(*khenthuong.Nomination)) iter.Seq2[*khenthuong.Nomination, error] {
	return func(yield func(*khenthuong.Nomination, error) bool) {
		j := 0
		for n, err := range rows {
			if j == i && n != nil {
				change(n)
			}
			j++
			if !yield(n, err) {
				return
			}
		}
	}
}

// TestImportKilledBetweenBatches kills a process importing into the file
// after two batches are committed: the next Open, for writing or reading
// only, finds the file as before the import.
func TestImportKilledBetweenBatches(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	smallBatches(t) // as the child's
	for _, readOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("ReadOnly=%v", readOnly), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "khenthuong.db")
			db := openAt(t, path, testOptions())
			c := createCampaign(t, db, "Đợt nhập")
			mustNil(t, db.CreateNominations([]khenthuong.Nomination{person(c.ID, "Trần Thị Có Trước", "Kế toán", "Sở Tài chính")}))
			before := export(t, db)
			mustNil(t, db.Close())

			killWhenWritten(t, importEnv+"="+path, importEnv+"_CAMPAIGN="+strconv.FormatUint(c.ID, 10))

			// The two batches are in the file, under the journal.
			bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
			mustNil(t, err)
			mustNil(t, bdb.View(func(tx *bolt.Tx) error {
				if n := tx.Bucket(bucketNominations).Stats().KeyN; tx.Bucket(bucketImport) == nil || n != 1+2*importBatch {
					t.Errorf("after the kill: journal %v, %d nominations", tx.Bucket(bucketImport) != nil, n)
				}
				return nil
			}))
			mustNil(t, bdb.Close())
			opts := testOptions()
			opts.ReadOnly = readOnly
			db = openAt(t, path, opts)
			if after := export(t, db); after != before {
				t.Errorf("the file after the kill and an open:\n%s", firstDiff(before, after))
			}
			checkClean(t, db)
		})
	}
}

// firstDiff shows where two exports part.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %.300s\n+ %.300s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, then %d", len(la), len(lb))
}

// checkClean fails on any problem the store's check finds.
func checkClean(t *testing.T, db *DB) {
	t.Helper()
	ps, err := db.Check()
	mustNil(t, err)
	for _, p := range ps {
		t.Errorf("check: %v", p)
	}
}

// TestImportReadersSeeBeforeOrAfter: reads in the same process while an
// import is between batches see none of its rows or all of them (reads of
// the file wait for the import, the search index takes its rows at once).
func TestImportReadersSeeBeforeOrAfter(t *testing.T) {
	smallBatches(t)
	db := openTest(t)
	c := createCampaign(t, db, "Đợt nhập")
	f := khenthuong.NominationFilter{CampaignID: c.ID}
	reads := map[string]func() (int, error){
		"Count": func() (int, error) {
			n, err := db.CountNominations(f)
			return n.Total, err
		},
		"Nominations": func() (int, error) {
			ns, err := db.Nominations(f)
			return len(ns), err
		},
		"Each": func() (int, error) {
			n := 0
			err := db.EachNomination(f, func(*khenthuong.Nomination) error { n++; return nil })
			return n, err
		},
		"Search": func() (int, error) {
			ns, err := db.Nominations(khenthuong.NominationFilter{Query: "nhap"})
			return len(ns), err
		},
	}
	for _, read := range reads {
		_, _ = read() // the search index built before
	}
	between, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := db.ImportNominations(importRows(c.ID, 10, func(i int) error {
			if i == 2*importBatch+1 { // a batch is written when the row after it comes
				close(between)
				<-release
			}
			return nil
		}))
		done <- err
	}()
	<-between
	for _, r := range readWhilePaused(t, reads, release, done) {
		if r.err != nil || r.n != 0 && r.n != 10 {
			t.Errorf("%s in the middle of the import: %d (%v), want 0 or 10", r.name, r.n, r.err)
		}
	}
	for name, read := range reads {
		if n, err := read(); err != nil || n != 10 {
			t.Errorf("%s after the import: %d (%v), want 10", name, n, err)
		}
	}
}

// TestImportNoticeAfterTheRows: a window listening to changes gets a notice
// once every row of the import can be read, so its last refresh shows them.
func TestImportNoticeAfterTheRows(t *testing.T) {
	smallBatches(t)
	db := openTest(t)
	c := createCampaign(t, db, "Đợt nhập")
	f := khenthuong.NominationFilter{CampaignID: c.ID}
	_, _ = db.CountNominations(f) // the search index built, as in the window
	counts := make(chan int, 100)
	cancel := db.Subscribe(func(ch khenthuong.Change) {
		if ch.Entity == entityNomination {
			n, _ := db.CountNominations(f)
			counts <- n.Total
		}
	})
	defer cancel()
	_, err := db.ImportNominations(importRows(c.ID, 10, nil))
	mustNil(t, err)
	last := -1
	for {
		select {
		case last = <-counts:
			continue
		case <-time.After(300 * time.Millisecond):
		}
		break
	}
	if last != 10 {
		t.Errorf("the last refresh counts %d nominations, want 10", last)
	}
}

// TestImportSourcePanics: a list whose reader panics half way leaves the
// file as it was, and the panic goes on up.
func TestImportSourcePanics(t *testing.T) {
	smallBatches(t)
	db := openTest(t)
	c := createCampaign(t, db, "Đợt nhập")
	before := export(t, db)
	func() {
		defer func() {
			if r := recover(); r != "hỏng" {
				t.Errorf("recovered %v, want the reader's panic", r)
			}
		}()
		_, _ = db.ImportNominations(importRows(c.ID, 10, func(i int) error {
			if i == 8 {
				panic("hỏng")
			}
			return nil
		}))
	}()
	if after := export(t, db); after != before {
		t.Errorf("the file changed:\n%s", firstDiff(before, after))
	}
}

// TestImportUndoneBeforeTheNextWrite: an import whose undoing failed (a
// full disk) is undone by the next write, before it.
func TestImportUndoneBeforeTheNextWrite(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt nhập")
	before := export(t, db)
	// What the failed import left: a batch under its journal.
	mustNil(t, db.update("test", func(tx *bolt.Tx) error {
		if err := startJournal(tx); err != nil {
			return err
		}
		cr := newCreation(tx)
		for i := range 3 {
			n := person(c.ID, fmt.Sprintf("Nguyễn Văn Nhập %d", i), "Chuyên viên", "Sở Tư pháp")
			n.Normalize()
			if err := db.createNomination(cr, &n); err != nil {
				return err
			}
		}
		return nil
	}))
	db.unfinishedImport.Store(true)
	if export(t, db) == before {
		t.Fatal("nothing was planted")
	}
	mustNil(t, db.SaveSettings(func() *khenthuong.Settings { s, _ := db.Settings(); return &s }()))
	if hasImportJournal(db.bolt) || db.unfinishedImport.Load() {
		t.Error("the import is still there after a write")
	}
	ns, err := db.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	mustNil(t, err)
	if len(ns) != 0 {
		t.Errorf("%d nominations of the failed import left", len(ns))
	}
}

// TestImportRestoresAnOverwrittenNominee: a row naming a stored nominee
// writes its new snapshot over the record; the import refused at its last
// row puts the old record back.
func TestImportRestoresAnOverwrittenNominee(t *testing.T) {
	smallBatches(t)
	db := openTest(t)
	c := createCampaign(t, db, "Đợt nhập")
	old := []khenthuong.Nomination{person(c.ID, "Trần Thị Có Trước", "Kế toán", "Sở Tài chính")}
	mustNil(t, db.CreateNominations(old))
	before := export(t, db)
	rows := withRow(withRow(importRows(c.ID, 10, nil), 1, func(n *khenthuong.Nomination) {
		n.NomineeID = old[0].NomineeID
		n.Nominee.Name, n.Nominee.Position = "Trần Thị Có Trước", "Kế toán trưởng"
	}), 9, func(n *khenthuong.Nomination) { n.Nominee.Name = "" })
	_, err := db.ImportNominations(rows)
	wantCode(t, err, khenthuong.EINVALID, "")
	if after := export(t, db); after != before {
		t.Errorf("the file changed:\n%s", firstDiff(before, after))
	}
	nm, err := db.Nominee(old[0].NomineeID)
	mustNil(t, err)
	if nm.Position != "Kế toán" {
		t.Errorf("the nominee's position is %q, want the old one", nm.Position)
	}
}

// killWhenWritten runs this test binary as a child with env added (TestMain
// makes it the writer those variables name), waits for it to say "written"
// and kills it there, as a power cut would.
func killWhenWritten(t *testing.T, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	stdin, err := cmd.StdinPipe()
	mustNil(t, err)
	stdout, err := cmd.StdoutPipe()
	mustNil(t, err)
	mustNil(t, cmd.Start())
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "written\n" {
		_ = cmd.Process.Kill()
		t.Fatalf("child: %q %v", line, err)
	}
	mustNil(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	_ = stdin.Close()
}

// readResult is what one of the reads of readWhilePaused found.
type readResult struct {
	name string
	n    int
	err  error
}

// readWhilePaused starts every read while a writer waits between two
// batches, lets the writer go on (release), waits for it (done) and returns
// what the reads found: each saw the write before or after, never between.
func readWhilePaused(t *testing.T, reads map[string]func() (int, error), release chan struct{}, done <-chan error) []readResult {
	t.Helper()
	results := make(chan readResult, len(reads))
	for name, read := range reads {
		go func() {
			n, err := read()
			results <- readResult{name, n, err}
		}()
	}
	time.Sleep(100 * time.Millisecond) // the reads run, or wait, while the writer is between batches
	close(release)
	mustNil(t, <-done)
	out := make([]readResult, 0, len(reads))
	for range reads {
		out = append(out, <-results)
	}
	return out
}
