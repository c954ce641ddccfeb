package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// approved creates the nominations approved, returning them with their IDs.
func approved(t testing.TB, db *DB, ns ...khenthuong.Nomination) []khenthuong.Nomination {
	t.Helper()
	for i := range ns {
		ns[i].Status = khenthuong.StatusApproved
	}
	mustNil(t, db.CreateNominations(ns))
	return ns
}

func nominationIDs(ns []khenthuong.Nomination) []uint64 {
	out := make([]uint64, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

// draft is a BKCT decision of campaign c dated date.
func draft(c *khenthuong.Campaign, number, date string) *khenthuong.Decision {
	return &khenthuong.Decision{
		CampaignID: c.ID, FormCode: "BKCT", Number: number, Date: khenthuong.MustDate(date),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.MustDate("2024-05-20"),
		Achievement: "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
	}
}

func registryNumbers(d *khenthuong.Decision) []string {
	out := make([]string, len(d.Recipients))
	for i, r := range d.Recipients {
		out[i] = r.RegistryNo
	}
	return out
}

func recipientNames(d *khenthuong.Decision) string {
	var names []string
	for _, r := range d.Recipients {
		names = append(names, r.Nominee.Name)
	}
	return strings.Join(names, ", ")
}

func counterValue(t testing.TB, db *DB, key string) uint64 {
	t.Helper()
	var n uint64
	mustNil(t, db.view("test", func(tx *bolt.Tx) error {
		var err error
		n, err = counter(tx, key)
		return err
	}))
	return n
}

func auditActions(t testing.TB, db *DB, entity, key string) []string {
	t.Helper()
	recs, err := db.Audit(entity, key)
	mustNil(t, err)
	var out []string
	for _, r := range recs {
		out = append(out, r.Action)
	}
	return out
}

func TestDecisionLifecycle(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Tổng kết 10 năm")
	ns := approved(t, db,
		person(c.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
		collective(c.ID, "Phòng An ninh nội địa", "Công an tỉnh"),
		person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
		collective(c.ID, "Công an xã Triệu Phong", "Công an tỉnh"),
	)
	extra := approved(t, db, person(c.ID, "Hoàng Thị Thủy", "Đội trưởng", "Công an tỉnh"))[0]

	d := draft(c, "2871/QĐ-UBND", "2024-06-02")
	mustNil(t, db.CreateDecision(d, nominationIDs(ns)))

	t.Run("DraftListsCollectivesFirstInListOrder", func(t *testing.T) {
		if d.ID == 0 || d.Status != khenthuong.DecisionDraft || d.Order != khenthuong.OrderList {
			t.Fatalf("draft = %+v", d)
		}
		want := "Phòng An ninh nội địa, Công an xã Triệu Phong, Trương Quang Sáng, Lê Văn Tiến"
		if got := recipientNames(d); got != want {
			t.Fatalf("recipients %s, want %s", got, want)
		}
	})
	t.Run("AmountsUseTheSalaryOnTheDecisionDate", func(t *testing.T) {
		// 2 June 2024: base salary 1,800,000; Bằng khen 2.0 for a collective, 1.0 for a person.
		want := []int64{3_600_000, 3_600_000, 1_800_000, 1_800_000}
		for i, r := range d.Recipients {
			if r.Amount != want[i] || r.RegistryNo != "" {
				t.Errorf("recipient %d: amount %d, registry %q", i, r.Amount, r.RegistryNo)
			}
		}
		if d.Total() != 10_800_000 {
			t.Errorf("total %d", d.Total())
		}
	})
	t.Run("UpdateReordersRemovesAddsAndRecomputes", func(t *testing.T) {
		u := *d
		u.Order = khenthuong.OrderAlpha
		u.Date = khenthuong.MustDate("2025-07-01") // salary 2,340,000; coefficients 3.0 and 1.5
		u.Recipients = append(slices.Clone(d.Recipients[1:]), khenthuong.Recipient{NominationID: extra.ID})
		u.Recipients[1].Nominee.Position = "Phó Giám đốc Sở" // a printed field edited in the draft
		mustNil(t, db.UpdateDecision(&u))
		// Alphabetical: collectives by name, people by given name (Sáng, Thủy, Tiến).
		want := "Công an xã Triệu Phong, Trương Quang Sáng, Hoàng Thị Thủy, Lê Văn Tiến"
		if got := recipientNames(&u); got != want {
			t.Fatalf("recipients %s, want %s", got, want)
		}
		if u.Recipients[1].Nominee.Position != "Phó Giám đốc Sở" {
			t.Errorf("edited printed field lost: %q", u.Recipients[1].Nominee.Position)
		}
		if u.Recipients[0].Amount != 7_020_000 || u.Recipients[1].Amount != 3_510_000 {
			t.Errorf("amounts %d, %d", u.Recipients[0].Amount, u.Recipients[1].Amount)
		}
		// The removed nomination is free again; the added one is taken.
		other := draft(c, "2872/QĐ-UBND", "2024-06-02")
		wantCode(t, db.CreateDecision(other, []uint64{extra.ID}), khenthuong.ECONFLICT, "")
		mustNil(t, db.CreateDecision(other, []uint64{ns[1].ID}))
		mustNil(t, db.DeleteDecision(other.ID))
		// Back to list order for the rest.
		u.Order = khenthuong.OrderList
		u.Date = d.Date
		u.Recipients = append(u.Recipients, khenthuong.Recipient{NominationID: ns[1].ID})
		mustNil(t, db.UpdateDecision(&u))
		*d = u
	})
	t.Run("IssueNumbersInListOrder", func(t *testing.T) {
		got, err := db.IssueDecision(d.ID)
		mustNil(t, err)
		want := []string{"BKCT-2024-0001", "BKCT-2024-0002", "BKCT-2024-0003", "BKCT-2024-0004", "BKCT-2024-0005"}
		if !slices.Equal(registryNumbers(got), want) {
			t.Fatalf("registry numbers %v, want %v", registryNumbers(got), want)
		}
		if got.Status != khenthuong.DecisionIssued || got.IssuedAt.IsZero() {
			t.Fatalf("issued = %+v", got)
		}
		stored, err := db.Decision(d.ID)
		mustNil(t, err)
		if !slices.Equal(registryNumbers(stored), want) || stored.Status != khenthuong.DecisionIssued {
			t.Fatalf("stored = %+v", stored)
		}
		ss, err := db.Series()
		mustNil(t, err)
		if len(ss) != 1 || ss[0].Code != "BKCT" || ss[0].Prefix != "BKCT" || ss[0].Digits != 4 || ss[0].YearlyReset ||
			ss[0].Format != khenthuong.DefaultSeriesFormat {
			t.Fatalf("default series = %+v", ss)
		}
		*d = *stored
	})
	t.Run("IssuedIsLocked", func(t *testing.T) {
		_, err := db.IssueDecision(d.ID)
		wantCode(t, err, khenthuong.ECONFLICT, "")
		u := *d
		u.Number = "9999/QĐ-UBND"
		wantCode(t, db.UpdateDecision(&u), khenthuong.ECONFLICT, "")
		wantCode(t, db.DeleteDecision(d.ID), khenthuong.ECONFLICT, "")
		n, _ := db.Nomination(ns[0].ID)
		n.Notes = "sửa"
		wantCode(t, db.UpdateNomination(n), khenthuong.ECONFLICT, "")
		wantCode(t, db.DeleteNomination(n.ID), khenthuong.ECONFLICT, "")
		wantCode(t, db.SetStatus([]uint64{n.ID}, khenthuong.StatusSubmitted, ""), khenthuong.ECONFLICT, "")
		wantCode(t, db.DeleteCampaign(c.ID), khenthuong.ECONFLICT, "")
		wantCode(t, db.DeleteForm("BKCT"), khenthuong.ECONFLICT, "")
		if got, _ := db.Decision(d.ID); got.Number != "2871/QĐ-UBND" {
			t.Fatalf("refused update changed the decision: %+v", got)
		}
	})
	t.Run("EveryStepAudited", func(t *testing.T) {
		got := auditActions(t, db, entityDecision, idKey(d.ID))
		want := []string{actionCreate, actionUpdate, actionUpdate, actionIssue}
		if !slices.Equal(got, want) {
			t.Fatalf("audit %v, want %v", got, want)
		}
		if got := auditActions(t, db, entitySeries, "BKCT"); !slices.Equal(got, []string{actionCreate}) {
			t.Fatalf("series audit %v", got)
		}
	})
	t.Run("ListsNewestFirst", func(t *testing.T) {
		later := draft(c, "3000/QĐ-UBND", "2024-12-01")
		mustNil(t, db.CreateDecision(later, nil))
		c2 := createCampaign(t, db, "Đợt khác")
		elsewhere := draft(c2, "1/QĐ-UBND", "2025-01-01")
		mustNil(t, db.CreateDecision(elsewhere, nil))
		ds, err := db.Decisions(c.ID)
		mustNil(t, err)
		if len(ds) != 2 || ds[0].ID != later.ID || ds[1].ID != d.ID {
			t.Fatalf("campaign decisions %v", ds)
		}
		all, err := db.Decisions(0)
		mustNil(t, err)
		if len(all) != 3 || all[0].ID != elsewhere.ID {
			t.Fatalf("all decisions %v", all)
		}
		_, err = db.Decisions(999)
		wantCode(t, err, khenthuong.ENOTFOUND, "")
		_, err = db.IssueDecision(later.ID)
		wantCode(t, err, khenthuong.EINVALID, "") // nobody in it
	})
	t.Run("CheckFindsNothing", func(t *testing.T) {
		ps, err := db.Check()
		mustNil(t, err)
		if len(ps) > 0 {
			t.Fatalf("problems: %v", ps)
		}
	})
}

// issueOne creates and issues a BKCT decision of k fresh approved nominations.
func issueOne(t testing.TB, db *DB, c *khenthuong.Campaign, number, date string, k int) *khenthuong.Decision {
	t.Helper()
	d := makeDraft(t, db, c, number, date, k)
	got, err := db.IssueDecision(d.ID)
	mustNil(t, err)
	return got
}

func makeDraft(t testing.TB, db *DB, c *khenthuong.Campaign, number, date string, k int) *khenthuong.Decision {
	t.Helper()
	ns := make([]khenthuong.Nomination, k)
	for i := range ns {
		ns[i] = person(c.ID, fmt.Sprintf("Người %s %d", number, i), "", "")
	}
	ns = approved(t, db, ns...)
	d := draft(c, number, date)
	mustNil(t, db.CreateDecision(d, nominationIDs(ns)))
	return d
}

func TestRegistryNumbersNeverRepeatNorSkip(t *testing.T) {
	t.Run("ManyDecisionsInALoop", func(t *testing.T) {
		db := openTest(t)
		c := createCampaign(t, db, "Đợt")
		var all []string
		for i := range 40 {
			d := issueOne(t, db, c, fmt.Sprintf("%d/QĐ-UBND", i+1), "2024-06-02", 1+i%4)
			all = append(all, registryNumbers(d)...)
		}
		for i, no := range all {
			if want := fmt.Sprintf("BKCT-2024-%04d", i+1); no != want {
				t.Fatalf("number %d is %s, want %s", i, no, want)
			}
		}
		if got := counterValue(t, db, "BKCT"); got != uint64(len(all)) {
			t.Fatalf("counter %d after %d numbers", got, len(all))
		}
	})

	t.Run("ConcurrentIssuesOfDifferentDecisions", func(t *testing.T) {
		db := openTest(t)
		c := createCampaign(t, db, "Đợt")
		var ds []*khenthuong.Decision
		total := 0
		for i := range 16 {
			ds = append(ds, makeDraft(t, db, c, fmt.Sprintf("%d/QĐ-UBND", i+1), "2024-06-02", 3))
			total += 3
		}
		var mu sync.Mutex
		seen := map[string]int{}
		var wg sync.WaitGroup
		for _, d := range ds {
			wg.Go(func() {
				got, err := db.IssueDecision(d.ID)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				defer mu.Unlock()
				for _, no := range registryNumbers(got) {
					seen[no]++
				}
			})
		}
		wg.Wait()
		for i := 1; i <= total; i++ {
			if no := fmt.Sprintf("BKCT-2024-%04d", i); seen[no] != 1 {
				t.Errorf("%s given %d times", no, seen[no])
			}
		}
		if len(seen) != total {
			t.Errorf("%d distinct numbers, want %d", len(seen), total)
		}
		// Each decision's numbers are consecutive in its list order.
		for _, d := range ds {
			got, _ := db.Decision(d.ID)
			var first int
			fmt.Sscanf(got.Recipients[0].RegistryNo, "BKCT-2024-%d", &first)
			for i, no := range registryNumbers(got) {
				if want := fmt.Sprintf("BKCT-2024-%04d", first+i); no != want {
					t.Errorf("decision %d: %v not consecutive", d.ID, registryNumbers(got))
					break
				}
			}
		}
	})

	t.Run("ConcurrentIssuesOfTheSameDecision", func(t *testing.T) {
		db := openTest(t)
		c := createCampaign(t, db, "Đợt")
		d := makeDraft(t, db, c, "1/QĐ-UBND", "2024-06-02", 5)
		var wins, conflicts int
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range 12 {
			wg.Go(func() {
				_, err := db.IssueDecision(d.ID)
				mu.Lock()
				defer mu.Unlock()
				switch khenthuong.ErrorCode(err) {
				case "":
					wins++
				case khenthuong.ECONFLICT:
					conflicts++
				default:
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if wins != 1 || conflicts != 11 {
			t.Fatalf("%d issues succeeded, %d conflicted; want 1 and 11", wins, conflicts)
		}
		if got := counterValue(t, db, "BKCT"); got != 5 {
			t.Fatalf("counter %d, want 5", got)
		}
		if got := auditActions(t, db, entityDecision, idKey(d.ID)); !slices.Equal(got, []string{actionCreate, actionIssue}) {
			t.Fatalf("audit %v", got)
		}
	})

	t.Run("CrashBetweenStepsLeavesNothing", func(t *testing.T) {
		for _, step := range []string{"numbered", "stored"} {
			t.Run(step, func(t *testing.T) {
				db := openTest(t)
				c := createCampaign(t, db, "Đợt")
				issueOne(t, db, c, "1/QĐ-UBND", "2024-06-02", 2)
				d := makeDraft(t, db, c, "2/QĐ-UBND", "2024-06-02", 3)
				before := export(t, db)
				crash := errors.New("simulated crash")
				issueFault = func(s string) error {
					if s == step {
						return crash
					}
					return nil
				}
				_, err := db.IssueDecision(d.ID)
				issueFault = nil
				if !errors.Is(err, crash) {
					t.Fatalf("issue: %v, want the simulated crash", err)
				}
				if export(t, db) != before {
					t.Fatal("a failed issue changed the file")
				}
				if got := counterValue(t, db, "BKCT"); got != 2 {
					t.Fatalf("counter %d after the failed issue, want 2", got)
				}
				got, err := db.IssueDecision(d.ID)
				mustNil(t, err)
				if want := []string{"BKCT-2024-0003", "BKCT-2024-0004", "BKCT-2024-0005"}; !slices.Equal(registryNumbers(got), want) {
					t.Fatalf("numbers after the failed issue %v, want %v", registryNumbers(got), want)
				}
			})
		}
	})

	t.Run("CrashOfTheProcessKeepsTheCommittedCounter", func(t *testing.T) {
		// Closing without more writes is what the file sees of a crash after a
		// commit: the next window continues the series.
		path := filepath.Join(t.TempDir(), "k.db")
		db, err := Open(path, testOptions())
		mustNil(t, err)
		c := createCampaign(t, db, "Đợt")
		issueOne(t, db, c, "1/QĐ-UBND", "2024-06-02", 3)
		d := makeDraft(t, db, c, "2/QĐ-UBND", "2024-06-02", 2)
		mustNil(t, db.Close())
		db = openAt(t, path, testOptions())
		got, err := db.IssueDecision(d.ID)
		mustNil(t, err)
		if want := []string{"BKCT-2024-0004", "BKCT-2024-0005"}; !slices.Equal(registryNumbers(got), want) {
			t.Fatalf("numbers after reopening %v, want %v", registryNumbers(got), want)
		}
	})

	t.Run("YearlyReset", func(t *testing.T) {
		db := openTest(t)
		c := createCampaign(t, db, "Đợt")
		yearly := &khenthuong.RegistrySeries{Code: "bkct", Name: "Sổ vàng Bằng khen", Prefix: "BK", Format: "{prefix}/{year}/{n}", Digits: 3, YearlyReset: true}
		mustNil(t, db.SaveSeries(yearly))
		a := issueOne(t, db, c, "1/QĐ-UBND", "2024-06-02", 3)
		b := issueOne(t, db, c, "2/QĐ-UBND", "2025-01-05", 2)
		e := issueOne(t, db, c, "3/QĐ-UBND", "2024-12-30", 1) // a late 2024 decision continues 2024
		for _, tc := range []struct {
			d    *khenthuong.Decision
			want []string
		}{
			{a, []string{"BK/2024/001", "BK/2024/002", "BK/2024/003"}},
			{b, []string{"BK/2025/001", "BK/2025/002"}},
			{e, []string{"BK/2024/004"}},
		} {
			if got := registryNumbers(tc.d); !slices.Equal(got, tc.want) {
				t.Errorf("decision %s: %v, want %v", tc.d.Number, got, tc.want)
			}
		}
		yearly.YearlyReset = false
		yearly.Format = "{prefix}-{n}"
		wantCode(t, db.SaveSeries(yearly), khenthuong.ECONFLICT, "yearly_reset")
		// Prefix and format may change: later numbers use them.
		yearly.YearlyReset = true
		yearly.Format = "{prefix}.{year}.{n}"
		yearly.Prefix = "SV"
		mustNil(t, db.SaveSeries(yearly))
		f := issueOne(t, db, c, "4/QĐ-UBND", "2025-02-01", 1)
		if got := registryNumbers(f); !slices.Equal(got, []string{"SV.2025.003"}) {
			t.Errorf("after the format change: %v", got)
		}
		wantCode(t, db.SaveSeries(&khenthuong.RegistrySeries{Code: "X", Format: "{prefix}"}), khenthuong.EINVALID, "format")
	})

	t.Run("FormsSharingASeriesShareItsCounter", func(t *testing.T) {
		db := openTest(t)
		c := createCampaign(t, db, "Đợt")
		f, err := db.Form("BKMTTQ")
		mustNil(t, err)
		f.Series = "BKCT"
		mustNil(t, db.SaveForm(f))
		issueOne(t, db, c, "1/QĐ-UBND", "2024-06-02", 2)
		n := person(c.ID, "Phan Văn Hưởng", "", "")
		n.FormCode = "BKMTTQ"
		n = approved(t, db, n)[0]
		d := draft(c, "2/QĐ-MTTQ", "2024-06-03")
		d.FormCode = "BKMTTQ"
		mustNil(t, db.CreateDecision(d, []uint64{n.ID}))
		got, err := db.IssueDecision(d.ID)
		mustNil(t, err)
		if want := []string{"BKCT-2024-0003"}; !slices.Equal(registryNumbers(got), want) {
			t.Fatalf("shared series: %v", registryNumbers(got))
		}
	})
}

func TestAmendDecision(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	d := issueOne(t, db, c, "2871/QĐ-UBND", "2024-06-02", 3)
	numbers, total := registryNumbers(d), d.Total()

	t.Run("NeedsAReason", func(t *testing.T) {
		a := *d
		a.Number = "2873/QĐ-UBND"
		wantCode(t, db.AmendDecision(&a, "  "), khenthuong.EINVALID, "reason")
	})
	t.Run("NeedsAChange", func(t *testing.T) {
		a := *d
		wantCode(t, db.AmendDecision(&a, "Đính chính"), khenthuong.EINVALID, "")
	})
	t.Run("OnlyIssued", func(t *testing.T) {
		dr := makeDraft(t, db, c, "5/QĐ-UBND", "2024-06-02", 1)
		wantCode(t, db.AmendDecision(dr, "Đính chính"), khenthuong.ECONFLICT, "")
	})
	t.Run("KeepsTheRecipients", func(t *testing.T) {
		a := *d
		a.Recipients = d.Recipients[:2]
		wantCode(t, db.AmendDecision(&a, "Bỏ một người"), khenthuong.EINVALID, "recipients")
		a.Recipients = []khenthuong.Recipient{d.Recipients[1], d.Recipients[0], d.Recipients[2]}
		wantCode(t, db.AmendDecision(&a, "Đổi thứ tự"), khenthuong.EINVALID, "recipients")
	})
	t.Run("RecordsWhoWhenWhyAndTheOldValues", func(t *testing.T) {
		a := *d
		a.Recipients = slices.Clone(d.Recipients)
		a.Number = "2873/QĐ-UBND"
		a.Date = khenthuong.MustDate("2024-06-03")
		a.Recipients[1].Nominee.Position = "Phó Trưởng phòng"
		a.Recipients[1].RegistryNo = "X-1" // ignored: numbers never change
		a.Recipients[1].Amount = 1
		mustNil(t, db.AmendDecision(&a, "Sai số quyết định khi đánh máy"))
		got, err := db.Decision(d.ID)
		mustNil(t, err)
		if got.Number != "2873/QĐ-UBND" || got.Recipients[1].Nominee.Position != "Phó Trưởng phòng" || got.Status != khenthuong.DecisionIssued {
			t.Fatalf("amended = %+v", got)
		}
		if !slices.Equal(registryNumbers(got), numbers) || got.Total() != total {
			t.Fatalf("amend changed numbers or amounts: %v %d", registryNumbers(got), got.Total())
		}
		if len(got.Amendments) != 1 {
			t.Fatalf("amendments %+v", got.Amendments)
		}
		am := got.Amendments[0]
		var before khenthuong.Decision
		mustNil(t, json.Unmarshal([]byte(am.Before), &before))
		if am.User != "canbo" || am.At.IsZero() || am.Reason != "Sai số quyết định khi đánh máy" || before.Number != "2871/QĐ-UBND" {
			t.Fatalf("amendment %+v", am)
		}
		if acts := auditActions(t, db, entityDecision, idKey(d.ID)); acts[len(acts)-1] != actionAmend {
			t.Fatalf("audit %v", acts)
		}
		// A second amendment keeps the first; its "before" does not nest it.
		a2 := *got
		a2.SignerName = "Võ Văn Hưng"
		mustNil(t, db.AmendDecision(&a2, "Đổi người ký"))
		if len(a2.Amendments) != 2 || strings.Contains(a2.Amendments[1].Before, "amendments") {
			t.Fatalf("second amendment %+v", a2.Amendments)
		}
		// The awards follow the new number.
		hs, err := db.History(got.Recipients[0].Nominee.Name)
		mustNil(t, err)
		if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "2873/QĐ-UBND" || hs[0].Award.RegistryNo != numbers[0] {
			t.Fatalf("history after amend %+v", hs)
		}
		if ps, _ := db.Check(); len(ps) > 0 {
			t.Fatalf("problems: %v", ps)
		}
	})
}

func TestDraftFollowsItsNominations(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	ns := approved(t, db, person(c.ID, "Lê Văn Tien", "Chính ủy", "Bộ đội Biên phòng"))
	d := draft(c, "1/QĐ-UBND", "2024-06-02")
	mustNil(t, db.CreateDecision(d, nominationIDs(ns)))

	n, _ := db.Nomination(ns[0].ID)
	n.Nominee.Name = "Lê Văn Tiến" // a typo fixed on the nominations screen
	mustNil(t, db.UpdateNomination(n))
	got, _ := db.Decision(d.ID)
	if got.Recipients[0].Nominee.Name != "Lê Văn Tiến" {
		t.Fatalf("draft still prints %q", got.Recipients[0].Nominee.Name)
	}
	n.Status = khenthuong.StatusSubmitted
	wantCode(t, db.UpdateNomination(n), khenthuong.ECONFLICT, "")
	wantCode(t, db.SetStatus([]uint64{n.ID}, khenthuong.StatusDeferred, ""), khenthuong.ECONFLICT, "")
	wantCode(t, db.DeleteNomination(n.ID), khenthuong.ECONFLICT, "")
	mustNil(t, db.DeleteDecision(d.ID))
	mustNil(t, db.SetStatus([]uint64{n.ID}, khenthuong.StatusDeferred, ""))
	if ps, _ := db.Check(); len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
}

// FuzzRecipientValue checks that decision index values read back as written
// and that any bytes are rejected or read without a crash.
func FuzzRecipientValue(f *testing.F) {
	f.Add(uint64(3), true, uint16(2024), uint16(6), uint16(2), int64(1_800_000), "BKCT", "2871/QĐ-UBND", "BKCT-2024-0001", []byte{1, 3, 1})
	f.Add(uint64(4), false, uint16(0), uint16(0), uint16(0), int64(0), "", "", "", []byte{})
	f.Fuzz(func(t *testing.T, decision uint64, issued bool, y, m, d uint16, amount int64, form, number, registry string, junk []byte) {
		v := recipientValue{DecisionID: decision, Issued: issued}
		if issued {
			v.Award = khenthuong.Award{DecisionID: decision, FormCode: form, DecisionNumber: number, RegistryNo: registry,
				Amount: amount, DecisionDate: khenthuong.Date{Year: int(y), Month: int(m), Day: int(d)}}
		}
		var back recipientValue
		if err := back.UnmarshalBinary(v.MarshalBinary()); err != nil || back != v {
			t.Fatalf("round trip %+v -> %+v (%v)", v, back, err)
		}
		_ = back.UnmarshalBinary(junk)
	})
}

func TestLinkKeepsTheDraftsPrintedFields(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	ns := approved(t, db, person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ đội Biên phòng"))
	other := approved(t, db, person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ đội Biên phòng"))
	d := draft(c, "1/QĐ-UBND", "2024-06-02")
	mustNil(t, db.CreateDecision(d, nominationIDs(ns)))
	d.Recipients[0].Nominee.Position = "Chính ủy Bộ Chỉ huy"
	mustNil(t, db.UpdateDecision(d))
	mustNil(t, db.LinkNominees(other[0].ID, ns[0].ID))
	got, _ := db.Decision(d.ID)
	if r := got.Recipients[0]; r.NomineeID != other[0].NomineeID || r.Nominee.Position != "Chính ủy Bộ Chỉ huy" {
		t.Fatalf("recipient after linking %+v", r)
	}
	if ps, _ := db.Check(); len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
}
