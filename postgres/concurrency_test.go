package postgres

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// The helper process of TestEightProcessesIssueAtOnce: it opens the store at
// the address it is given and issues one decision, as a clerk's PC would.
func TestHelperProcessIssue(t *testing.T) {
	addr, id := os.Getenv("KT_ISSUE_ADDR"), os.Getenv("KT_ISSUE_DECISION")
	if addr == "" {
		t.Skip("helper process of TestEightProcessesIssueAtOnce")
	}
	n, err := strconv.ParseUint(id, 10, 64)
	mustNil(t, err)
	s := openStore(t, addr, Options{})
	<-time.After(time.Until(startAt(t))) // all eight start together
	if _, err := s.IssueDecision(n); err != nil {
		t.Fatalf("issue %d: %v", n, err)
	}
}

func startAt(t *testing.T) time.Time {
	ns, err := strconv.ParseInt(os.Getenv("KT_ISSUE_AT"), 10, 64)
	mustNil(t, err)
	return time.Unix(0, ns)
}

func TestEightProcessesIssueAtOnce(t *testing.T) {
	o := newOffice(t, 1)
	const processes = 8
	var ds []*khenthuong.Decision
	total := 0
	for i := range processes {
		k := 3 + i%4
		ds = append(ds, moreDraft(t, o.clerk, o.decision.CampaignID, fmt.Sprintf("%d/QĐ-UBND", 100+i), k))
		total += k
	}
	at := time.Now().Add(2 * time.Second)
	var wg sync.WaitGroup
	outs := make([][]byte, processes)
	errs := make([]error, processes)
	for i, d := range ds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessIssue$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KT_ISSUE_ADDR="+o.headAddr, "KT_ISSUE_DECISION="+idKey(d.ID),
			"KT_ISSUE_AT="+strconv.FormatInt(at.UnixNano(), 10))
		wg.Go(func() { outs[i], errs[i] = cmd.CombinedOutput() })
	}
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			t.Fatalf("process %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	var numbers []string
	for _, d := range ds {
		got, err := o.head.Decision(d.ID)
		mustNil(t, err)
		if got.Status != khenthuong.DecisionIssued {
			t.Fatalf("decision %s not issued", got.Number)
		}
		first := 0
		fmt.Sscanf(got.Recipients[0].RegistryNo, "BKCT-2024-%d", &first)
		for i, r := range got.Recipients {
			if want := fmt.Sprintf("BKCT-2024-%04d", first+i); r.RegistryNo != want {
				t.Errorf("decision %s: %s at %d, want consecutive %s", got.Number, r.RegistryNo, i, want)
			}
			numbers = append(numbers, r.RegistryNo)
		}
	}
	slices.Sort(numbers)
	for i, no := range numbers {
		if want := fmt.Sprintf("BKCT-2024-%04d", i+1); no != want {
			t.Fatalf("numbers of the %d processes: %v; want 1..%d once each", processes, numbers, total)
		}
	}
}

// moreDraft adds a draft of k approved nominations to a campaign.
func moreDraft(t testing.TB, s *Store, campaignID uint64, number string, k int) *khenthuong.Decision {
	t.Helper()
	ns := make([]khenthuong.Nomination, k)
	for i := range ns {
		ns[i] = khenthuong.Nomination{CampaignID: campaignID, FormCode: "BKCT", Status: khenthuong.StatusApproved,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: fmt.Sprintf("Người %s số %d", number, i), Gender: khenthuong.Female}}
	}
	mustNil(t, s.CreateNominations(ns))
	ids := make([]uint64, k)
	for i := range ns {
		ids[i] = ns[i].ID
	}
	d := &khenthuong.Decision{CampaignID: campaignID, FormCode: "BKCT", Number: number, Date: khenthuong.MustDate("2024-06-02"),
		SignerTitle: "CHỦ TỊCH", SignerName: "Hoàng Nam"}
	mustNil(t, s.CreateDecision(d, ids))
	return d
}

func TestTwoClerksSaveOneNomination(t *testing.T) {
	o := newOffice(t, 1)
	db := dbName(t, o.admin)
	other, pw := addUser(t, o.admin, "chuyenvien")
	second := openStore(t, withDatabase(t, o.admin, db, other, pw), Options{})
	ns := []khenthuong.Nomination{{CampaignID: o.decision.CampaignID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
		Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Lê Văn Tiến", Gender: khenthuong.Male}}}
	mustNil(t, o.clerk.CreateNominations(ns))

	mine, err := o.clerk.Nomination(ns[0].ID)
	mustNil(t, err)
	theirs, err := second.Nomination(ns[0].ID)
	mustNil(t, err)
	mine.Nominee.Position = "Chính ủy"
	mustNil(t, o.clerk.UpdateNomination(mine))
	if mine.Version != theirs.Version+1 || mine.UpdatedBy != o.clerk.Identity().Login {
		t.Fatalf("first save: version %d by %s", mine.Version, mine.UpdatedBy)
	}
	theirs.Nominee.Position = "Chỉ huy trưởng"
	err = second.UpdateNomination(theirs)
	msg := khenthuong.ErrorMessage(err)
	if khenthuong.ErrorCode(err) != khenthuong.ECONFLICT || !strings.Contains(msg, o.clerk.Identity().Login) ||
		!strings.Contains(msg, mine.UpdatedAt.Local().Format("15:04:05")) {
		t.Fatalf("second save = %v, want ECONFLICT naming %s and the time", err, o.clerk.Identity().Login)
	}
	stored, err := second.Nomination(ns[0].ID)
	mustNil(t, err)
	if stored.Nominee.Position != "Chính ủy" {
		t.Fatalf("the refused save overwrote: %q", stored.Nominee.Position)
	}
	stored.Nominee.Position = "Chỉ huy trưởng" // saved again on the fresh copy
	mustNil(t, second.UpdateNomination(stored))
}

func TestChangesReachAnotherConnection(t *testing.T) {
	o := newOffice(t, 1)
	seen := make(chan khenthuong.Change, 16)
	cancel := o.head.Subscribe(func(c khenthuong.Change) { seen <- c })
	defer cancel()
	time.Sleep(200 * time.Millisecond) // the listener connects
	n, err := o.clerk.Nominations(khenthuong.NominationFilter{CampaignID: o.decision.CampaignID})
	mustNil(t, err)
	start := time.Now()
	mustNil(t, o.clerk.SetStatus([]uint64{n[0].ID}, khenthuong.StatusApproved, "")) // a no-op: nothing to tell
	c := &khenthuong.Campaign{ID: o.decision.CampaignID, Name: "Tổng kết (sửa tên)"}
	mustNil(t, o.clerk.UpdateCampaign(c))
	select {
	case got := <-seen:
		if got.Entity != "campaign" || got.Key != idKey(c.ID) || got.User != o.clerk.Identity().Login {
			t.Fatalf("change = %+v", got)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("change seen after %v", d)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no change seen within 2 s")
	}
}

func TestConnection(t *testing.T) {
	admin := initDatabase(t)

	t.Run("TLSRequired", func(t *testing.T) {
		addr := strings.Replace(admin, "sslmode=disable", "sslmode=require", 1)
		s := openStore(t, addr, Options{})
		var ssl bool
		mustNil(t, s.pool.QueryRow(context.Background(), `SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).Scan(&ssl))
		if !ssl {
			t.Fatal("sslmode=require connected without TLS")
		}
	})

	t.Run("LockHeldTooLongTimesOut", func(t *testing.T) {
		s := openStore(t, admin, Options{StatementTimeout: 500 * time.Millisecond})
		c := &khenthuong.Campaign{Name: "Đợt bị khóa"}
		mustNil(t, s.CreateCampaign(c))
		conn, err := pgx.Connect(context.Background(), admin)
		mustNil(t, err)
		defer conn.Close(context.Background())
		tx, err := conn.Begin(context.Background())
		mustNil(t, err)
		defer tx.Rollback(context.Background())
		_, err = tx.Exec(context.Background(), `SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE`, int64(c.ID))
		mustNil(t, err)
		start := time.Now()
		c.Name = "Đợt đổi tên"
		err = s.UpdateCampaign(c)
		if khenthuong.ErrorCode(err) != khenthuong.ECONFLICT || !strings.Contains(khenthuong.ErrorMessage(err), "người khác") {
			t.Fatalf("update behind a held lock = %v, want ECONFLICT saying someone else is changing it", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("waited %v", d)
		}
		got, err := s.Campaign(c.ID)
		mustNil(t, err)
		if got.Name != "Đợt bị khóa" {
			t.Fatalf("the refused change was made: %q", got.Name)
		}
	})
}

func TestBulkWriteIsOneChange(t *testing.T) {
	o := newOffice(t, 1)
	seen := make(chan khenthuong.Change, 64)
	cancel := o.head.Subscribe(func(c khenthuong.Change) { seen <- c })
	defer cancel()
	time.Sleep(200 * time.Millisecond)
	ns := make([]khenthuong.Nomination, 50)
	for i := range ns {
		ns[i] = khenthuong.Nomination{CampaignID: o.decision.CampaignID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: fmt.Sprintf("Tổ dân phố số %d", i+1)}}
	}
	mustNil(t, o.clerk.CreateNominations(ns))
	select {
	case got := <-seen:
		if got.Entity != "nomination" || got.Key != "" {
			t.Fatalf("change of an import = %+v, want one for the entity", got)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no change seen within 2 s")
	}
	select {
	case more := <-seen:
		t.Fatalf("a second change for one import: %+v", more)
	case <-time.After(300 * time.Millisecond):
	}
}

func TestConnectionLostMidWrite(t *testing.T) {
	o := newOffice(t, 1)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, o.admin)
	mustNil(t, err)
	defer admin.Close(ctx)
	ns := make([]khenthuong.Nomination, 20_000)
	for i := range ns {
		ns[i] = khenthuong.Nomination{CampaignID: o.decision.CampaignID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: fmt.Sprintf("Chi hội số %d", i+1)}}
	}
	before, err := o.head.CountNominations(khenthuong.NominationFilter{})
	mustNil(t, err)
	done := make(chan error, 1)
	go func() { done <- o.clerk.CreateNominations(ns) }()
	// Cut the chuyên viên's connections while the import is on its way.
	login := o.clerk.Identity().Login
	deadline := time.Now().Add(10 * time.Second)
	for {
		var active bool
		mustNil(t, admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = $1 AND state = 'active')`, login).Scan(&active))
		if active || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	_, err = admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, login)
	mustNil(t, err)
	err = <-done
	if khenthuong.ErrorCode(err) != khenthuong.EUNAVAILABLE || !strings.Contains(khenthuong.ErrorMessage(err), "không có gì thay đổi") {
		t.Fatalf("import cut off: %v (%s), want EUNAVAILABLE saying nothing changed", err, khenthuong.ErrorCode(err))
	}
	after, err := o.head.CountNominations(khenthuong.NominationFilter{})
	mustNil(t, err)
	if after.Total != before.Total {
		t.Fatalf("%d nominations after the cut import, %d before: not all or nothing", after.Total, before.Total)
	}
	// The pool reconnects: the next write works.
	mustNil(t, o.clerk.CreateNominations(ns[:1]))
}
