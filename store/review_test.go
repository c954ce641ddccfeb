package store

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
	"khenthuong/synth"
)

func TestSetStatus(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	ns := []khenthuong.Nomination{
		person(c.ID, "Trương Quang Sáng", "", ""),
		person(c.ID, "Lê Văn Tiến", "", ""),
		person(c.ID, "Hoàng Thị Thủy", "", ""),
		collective(c.ID, "Công an xã Triệu Phong", "Công an tỉnh"),
	}
	mustNil(t, db.CreateNominations(ns))
	draftOne := person(c.ID, "Nguyễn Văn Nháp", "", "")
	draftOne.Status = khenthuong.StatusDraft
	d := []khenthuong.Nomination{draftOne}
	mustNil(t, db.CreateNominations(d))
	// Build the search index first, so the test sees it kept current.
	_, _ = db.Nominations(khenthuong.NominationFilter{Query: "x"})

	status := func(id uint64) *khenthuong.Nomination {
		n, err := db.Nomination(id)
		mustNil(t, err)
		return n
	}
	t.Run("BulkApproveInOneTransaction", func(t *testing.T) {
		mustNil(t, db.SetStatus([]uint64{ns[0].ID, ns[3].ID, ns[0].ID}, khenthuong.StatusApproved, ""))
		got, err := db.Nominations(khenthuong.NominationFilter{CampaignID: c.ID, Status: khenthuong.StatusApproved})
		mustNil(t, err)
		if ids(got) != ids([]khenthuong.Nomination{ns[0], ns[3]}) {
			t.Fatalf("approved: %s", ids(got))
		}
		if got := auditActions(t, db, entityNomination, idKey(ns[0].ID)); !slices.Equal(got, []string{actionCreate, "approve"}) {
			t.Fatalf("audit %v", got)
		}
	})
	t.Run("AllOrNothing", func(t *testing.T) {
		wantCode(t, db.SetStatus([]uint64{ns[1].ID, 9999}, khenthuong.StatusDeferred, ""), khenthuong.ENOTFOUND, "")
		wantCode(t, db.SetStatus([]uint64{ns[1].ID, d[0].ID}, khenthuong.StatusApproved, ""), khenthuong.EINVALID, "status")
		if status(ns[1].ID).Status != khenthuong.StatusSubmitted {
			t.Fatal("a refused batch changed a nomination")
		}
	})
	t.Run("RejectNeedsAReasonAndKeepsIt", func(t *testing.T) {
		wantCode(t, db.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusRejected, " "), khenthuong.EINVALID, "reject_reason")
		mustNil(t, db.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusRejected, "Chưa đủ thời gian  công tác"))
		if n := status(ns[1].ID); n.Status != khenthuong.StatusRejected || n.RejectReason != "Chưa đủ thời gian công tác" {
			t.Fatalf("rejected = %s %q", n.Status, n.RejectReason)
		}
		got, _ := db.Nominations(khenthuong.NominationFilter{Query: "le van tien", Status: khenthuong.StatusRejected})
		if len(got) != 1 {
			t.Fatal("search index does not know the new status")
		}
		mustNil(t, db.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusSubmitted, ""))
		if n := status(ns[1].ID); n.Status != khenthuong.StatusSubmitted || n.RejectReason != "" {
			t.Fatalf("back to submitted = %s %q", n.Status, n.RejectReason)
		}
		recs, _ := db.Audit(entityNomination, idKey(ns[1].ID))
		if last := recs[len(recs)-1]; last.Action != "submit" || !strings.Contains(string(fieldChange(last, "reject_reason").Old), "Chưa đủ thời gian") {
			t.Fatalf("the audit lost the reason: %+v", last)
		}
	})
	t.Run("DeferAndNoOps", func(t *testing.T) {
		mustNil(t, db.SetStatus([]uint64{ns[2].ID}, khenthuong.StatusDeferred, ""))
		mustNil(t, db.SetStatus([]uint64{ns[2].ID}, khenthuong.StatusDeferred, ""))
		if got := auditActions(t, db, entityNomination, idKey(ns[2].ID)); !slices.Equal(got, []string{actionCreate, "defer"}) {
			t.Fatalf("a no-op was audited: %v", got)
		}
		wantCode(t, db.SetStatus([]uint64{ns[2].ID}, "ok", ""), khenthuong.EINVALID, "status")
	})
	if ps, _ := db.Check(); len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
}

func warningsOf(ws map[uint64][]khenthuong.Warning, id uint64, kind khenthuong.WarningKind) []khenthuong.Warning {
	var out []khenthuong.Warning
	for _, w := range ws[id] {
		if w.Kind == kind {
			out = append(out, w)
		}
	}
	return out
}

func TestWarnings(t *testing.T) {
	db := openTest(t)
	before := createCampaign(t, db, "Khen thưởng năm 2021")
	now := createCampaign(t, db, "Tổng kết 10 năm")
	born := func(n khenthuong.Nomination, year string) khenthuong.Nomination {
		n.Nominee.Birth = khenthuong.MustDate(year)
		return n
	}
	old := approved(t, db,
		born(person(before.ID, "Phan Thanh Hoà", "Trưởng Công an xã", "Công an xã Triệu Phong"), "1988"),
		born(person(before.ID, "Ngô Minh", "Cán bộ", "Sở A"), "1990"),
		born(person(before.ID, "Đặng Đại Bàng", "", "Công an tỉnh"), "1979"), // approved, never issued
	)
	d := draft(before, "125/QĐ-UBND", "2021-12-20")
	d.Date = khenthuong.MustDate("2021-12-20")
	mustNil(t, db.CreateDecision(d, []uint64{old[0].ID, old[1].ID}))
	_, err := db.IssueDecision(d.ID)
	mustNil(t, err)

	cur := []khenthuong.Nomination{
		born(person(now.ID, "PHAN THANH HÒA", "Trưởng Công an xã", "Công an xã Triệu Phong"), "1988"), // NFC, new tone placement, capitals
		born(person(now.ID, "Ngô  Minh", "Cán bộ", "Sở A"), "1990"),
		born(person(now.ID, "Nguyễn Văn Tình", "", "Công an tỉnh"), "1975"),
		born(person(now.ID, "Nguyen Van Tinh", "", "Sở Tư pháp"), "1975"),
		born(person(now.ID, "Nguyễn Văn Tình", "", "Sở Y tế"), "1980"),
		born(person(now.ID, "Đặng Đại Bàng", "", "Công an tỉnh"), "1979"),
	}
	mustNil(t, db.CreateNominations(cur))
	// The clerk says the Ngô Minh of this campaign is someone else.
	mustNil(t, db.MarkDistinct(cur[1].ID, old[1].ID))

	ws, err := db.Warnings(now.ID)
	mustNil(t, err)
	t.Run("EarlierAwardWithDecisionAndYear", func(t *testing.T) {
		got := warningsOf(ws, cur[0].ID, khenthuong.WarnEarlierAward)
		if len(got) != 1 || got[0].Related != old[0].ID || !strings.Contains(got[0].Message, "125/QĐ-UBND") || !strings.Contains(got[0].Message, "2021") {
			t.Fatalf("warnings of Phan Thanh Hòa: %+v", ws[cur[0].ID])
		}
	})
	t.Run("DistinctPairsDoNotMatch", func(t *testing.T) {
		if len(ws[cur[1].ID]) != 0 {
			t.Fatalf("warnings of Ngô Minh: %+v", ws[cur[1].ID])
		}
	})
	t.Run("DuplicatesInTheCampaign", func(t *testing.T) {
		if got := warningsOf(ws, cur[2].ID, khenthuong.WarnDuplicate); len(got) != 1 || got[0].Related != cur[3].ID {
			t.Fatalf("warnings of Nguyễn Văn Tình: %+v", ws[cur[2].ID])
		}
		if len(ws[cur[4].ID]) != 0 {
			t.Fatalf("another Nguyễn Văn Tình (1980, Sở Y tế) warned: %+v", ws[cur[4].ID])
		}
	})
	t.Run("ApprovedElsewhereButNotAwardedIsQuiet", func(t *testing.T) {
		if len(ws[cur[5].ID]) != 0 {
			t.Fatalf("warnings of Đặng Đại Bàng: %+v", ws[cur[5].ID])
		}
	})
	t.Run("LinkMakesTheSamePerson", func(t *testing.T) {
		mustNil(t, db.LinkNominees(old[1].ID, cur[1].ID))
		n, _ := db.Nomination(cur[1].ID)
		if n.NomineeID != old[1].NomineeID {
			t.Fatalf("nominee %d, want %d", n.NomineeID, old[1].NomineeID)
		}
		ws, err := db.Warnings(now.ID)
		mustNil(t, err)
		if got := warningsOf(ws, cur[1].ID, khenthuong.WarnEarlierAward); len(got) != 1 {
			t.Fatalf("after linking: %+v", ws[cur[1].ID])
		}
		same, _ := db.Nominations(khenthuong.NominationFilter{NomineeID: old[1].NomineeID})
		if len(same) != 2 {
			t.Fatalf("nominee filter after linking: %s", ids(same))
		}
		if got := auditActions(t, db, entityNomination, idKey(cur[1].ID)); got[len(got)-1] != actionLink {
			t.Fatalf("audit %v", got)
		}
	})
	t.Run("MarkDistinctSplitsLinkedRecords", func(t *testing.T) {
		mustNil(t, db.MarkDistinct(old[1].ID, cur[1].ID))
		n, _ := db.Nomination(cur[1].ID)
		if n.NomineeID == old[1].NomineeID || n.NomineeID == 0 {
			t.Fatalf("still linked: nominee %d", n.NomineeID)
		}
		ws, _ := db.Warnings(now.ID)
		if len(ws[cur[1].ID]) != 0 {
			t.Fatalf("after marking distinct: %+v", ws[cur[1].ID])
		}
	})
	t.Run("Quota", func(t *testing.T) {
		now.Quotas = map[string]int{"BKCT": 1}
		mustNil(t, db.UpdateCampaign(now))
		mustNil(t, db.SetStatus([]uint64{cur[2].ID, cur[5].ID}, khenthuong.StatusApproved, ""))
		ws, _ := db.Warnings(now.ID)
		if got := warningsOf(ws, cur[0].ID, khenthuong.WarnQuota); len(got) != 1 {
			t.Fatalf("quota warnings %+v", ws[cur[0].ID])
		}
	})
	t.Run("Refusals", func(t *testing.T) {
		_, err := db.Warnings(999)
		wantCode(t, err, khenthuong.ENOTFOUND, "")
		wantCode(t, db.LinkNominees(cur[0].ID, cur[0].ID), khenthuong.EINVALID, "")
		wantCode(t, db.LinkNominees(cur[0].ID, 9999), khenthuong.ENOTFOUND, "")
		coll := []khenthuong.Nomination{collective(now.ID, "Phan Thanh Hòa", "")}
		mustNil(t, db.CreateNominations(coll))
		wantCode(t, db.LinkNominees(cur[0].ID, coll[0].ID), khenthuong.EINVALID, "")
		wantCode(t, db.MarkDistinct(cur[0].ID, cur[0].ID), khenthuong.EINVALID, "")
	})
	if ps, _ := db.Check(); len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
}

func TestHistory(t *testing.T) {
	db := openTest(t)
	c2021 := createCampaign(t, db, "Khen thưởng năm 2021")
	c2021.CeremonyDate = khenthuong.MustDate("2022-01-15")
	mustNil(t, db.UpdateCampaign(c2021))
	c2024 := createCampaign(t, db, "Tổng kết 10 năm") // ceremony 2024-06-02
	old := approved(t, db, person(c2021.ID, "Hoàng Thị Thuỷ", "Đội trưởng", "Công an tỉnh"))
	d := draft(c2021, "99/QĐ-UBND", "2021-12-20")
	mustNil(t, db.CreateDecision(d, nominationIDs(old)))
	issued, err := db.IssueDecision(d.ID)
	mustNil(t, err)
	cur := []khenthuong.Nomination{
		person(c2024.ID, "Hoàng Thị Thủy", "Phó Trưởng phòng", "Công an tỉnh"),
		person(c2024.ID, "Hoàng Văn Thủy", "", "Sở Y tế"),
	}
	mustNil(t, db.CreateNominations(cur))

	for _, q := range []string{"hoang thi thuy", "HOÀNG THỊ THỦY", "Hoàng Thị Thuỷ", "thuy cong an"} {
		t.Run(q, func(t *testing.T) {
			hs, err := db.History(q)
			mustNil(t, err)
			if len(hs) != 2 {
				t.Fatalf("%d entries: %+v", len(hs), hs)
			}
			if hs[0].Nomination.ID != cur[0].ID || hs[0].Award != nil || hs[0].Campaign != "Tổng kết 10 năm" {
				t.Errorf("newest entry %+v", hs[0])
			}
			a := hs[1].Award
			if hs[1].Nomination.ID != old[0].ID || a == nil || a.DecisionNumber != "99/QĐ-UBND" || a.FormCode != "BKCT" ||
				a.DecisionDate != khenthuong.MustDate("2021-12-20") || a.RegistryNo != issued.Recipients[0].RegistryNo ||
				a.Amount != issued.Recipients[0].Amount || a.Amount == 0 || a.NominationID != old[0].ID || a.DecisionID != d.ID {
				t.Errorf("awarded entry %+v, award %+v", hs[1], a)
			}
		})
	}
	if hs, err := db.History("  "); err != nil || len(hs) != 0 {
		t.Fatalf("empty query: %d entries, %v", len(hs), err)
	}
}

// TestWarningsEqualTheFullComputation holds the store's Warnings, which
// gives ReviewWarnings only the nominations that can warn (and stand-ins for
// collectives not yet decoded), to what ReviewWarnings gives with every
// nomination, award and distinct pair: on a freshly opened file and again
// with the records cached.
func TestWarningsEqualTheFullComputation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	db, err := Open(path, testOptions())
	mustNil(t, err)
	g := synth.New(3)
	forms := khenthuong.DefaultForms()
	var cs []*khenthuong.Campaign
	for _, c := range synth.Campaigns(2021, 3) {
		c := c
		mustNil(t, db.CreateCampaign(&c))
		cs = append(cs, &c)
	}
	// Two earlier campaigns, 60% approved and awarded by form; the last one
	// repeats some of their nominees (same records, or with another unit and
	// birth year, or under another campaign's nominee ID).
	var earlier []khenthuong.Nomination
	for _, c := range cs[:2] {
		ns := make([]khenthuong.Nomination, 400)
		for i := range ns {
			ns[i] = g.Nomination(c.ID, forms)
			if i%5 < 3 {
				ns[i].Status = khenthuong.StatusApproved
			}
		}
		mustNil(t, db.CreateNominations(ns))
		byForm := map[string][]uint64{}
		for _, n := range ns {
			if n.Status == khenthuong.StatusApproved {
				byForm[n.FormCode] = append(byForm[n.FormCode], n.ID)
			}
		}
		for code, ids := range byForm {
			d := &khenthuong.Decision{CampaignID: c.ID, FormCode: code, Number: code + "/QĐ", Date: khenthuong.Date{Year: c.From.Year, Month: 12, Day: 1}, SignerTitle: "CHỦ TỊCH",
				SignerName: "Hoàng Nam", SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.Date{Year: c.From.Year, Month: 11, Day: 20}}
			mustNil(t, db.CreateDecision(d, ids))
			_, err := db.IssueDecision(d.ID)
			mustNil(t, err)
		}
		earlier = append(earlier, ns...)
	}
	cur := make([]khenthuong.Nomination, 0, 500)
	for i := 0; i < 300; i++ {
		cur = append(cur, g.Nomination(cs[2].ID, forms))
	}
	for i, o := range earlier[:200] {
		n := o
		n.ID, n.CampaignID, n.Order, n.Status = 0, cs[2].ID, 0, khenthuong.StatusSubmitted
		switch i % 4 {
		case 1:
			n.Nominee.Unit = "Đơn vị khác"
		case 2:
			n.Nominee.Unit, n.Nominee.Birth = "Đơn vị khác", khenthuong.Date{Year: 1901}
		case 3:
			n.NomineeID = 0
		}
		if i%4 != 3 {
			n.NomineeID = 0
			if i%8 == 0 {
				n.NomineeID = o.NomineeID
			}
		}
		cur = append(cur, n)
	}
	mustNil(t, db.CreateNominations(cur))
	mustNil(t, db.SetStatus([]uint64{cur[0].ID, cur[1].ID, cur[2].ID}, khenthuong.StatusApproved, ""))
	for i := 300; i < 320; i++ {
		mustNil(t, db.MarkDistinct(cur[i].ID, earlier[i-300].ID))
	}
	cs[2].Quotas = map[string]int{"BKCT": 1}
	cs[2].Quotas[cur[0].FormCode] = 0 // exceeded: every nomination of that form warns
	mustNil(t, db.UpdateCampaign(cs[2]))
	mustNil(t, db.Close())

	db, err = Open(path, testOptions())
	mustNil(t, err)
	want := fullWarnings(t, db, cs[2].ID)
	if len(want) < 50 {
		t.Fatalf("only %d nominations warned: the test data should match more", len(want))
	}
	mustNil(t, db.Close())

	// "Chỉ đề nghị có cảnh báo" in a fresh window (no birth year known), in
	// parts of a few names: the rows Warnings warns.
	db = openAt(t, path, testOptions())
	defer func(size int) { warnedPart = size }(warnedPart)
	warnedPart = 16
	warned, err := db.warnedIDs(cs[2].ID)
	mustNil(t, err)
	var wantWarned []uint64
	for id, w := range want {
		if len(w) > 0 {
			wantWarned = append(wantWarned, id)
		}
	}
	slices.Sort(wantWarned)
	if !slices.Equal(warned, wantWarned) {
		t.Fatalf("warned %d nominations %v, want %d %v", len(warned), warned, len(wantWarned), wantWarned)
	}
	mustNil(t, db.Close())

	// A fresh window: the index is built, the records are not decoded, no
	// birth year is known. The rows on screen first (pages), then the whole.
	db = openAt(t, path, testOptions())
	var ownIDs []uint64
	mustNil(t, db.EachNomination(khenthuong.NominationFilter{CampaignID: cs[2].ID}, func(n *khenthuong.Nomination) error {
		ownIDs = append(ownIDs, n.ID)
		return nil
	}))
	checkFewWarnings(t, db, cs[2].ID, ownIDs, want, "fresh")
	if db.search.isBuilt() {
		t.Fatal("the warnings of a few rows built the search index")
	}
	checkWarningPages(t, db, cs[2].ID, ownIDs, want, "fresh")
	for _, pass := range []string{"Cold", "Warm"} {
		got, err := db.Warnings(cs[2].ID)
		mustNil(t, err)
		if !reflect.DeepEqual(got, want) {
			for id, w := range want {
				if !reflect.DeepEqual(got[id], w) {
					t.Fatalf("%s: nomination %d: got %+v, want %+v", pass, id, got[id], w)
				}
			}
			t.Fatalf("%s: %d warned, want %d", pass, len(got), len(want))
		}
	}
	checkWarningPages(t, db, cs[2].ID, ownIDs, want, "birth years known")

	// Writes once the index and its relations are built: new nominations of
	// earlier nominees (another birth year, or another unit), one moved to
	// another birth year, one approved.
	var more []khenthuong.Nomination
	for i, o := range earlier[200:260] {
		n := o
		n.ID, n.CampaignID, n.Order, n.NomineeID, n.Status = 0, cs[2].ID, 0, 0, khenthuong.StatusSubmitted
		if i%2 == 1 {
			n.Nominee.Birth = khenthuong.Date{Year: 1902}
		} else {
			n.Nominee.Unit = "Đơn vị khác nữa"
		}
		more = append(more, n)
	}
	mustNil(t, db.CreateNominations(more))
	moved, err := db.Nomination(ownIDs[5])
	mustNil(t, err)
	moved.Nominee.Birth = earlier[0].Nominee.Birth
	moved.Nominee.Name, moved.Nominee.Unit = earlier[0].Nominee.Name, "Đơn vị khác hẳn"
	mustNil(t, db.UpdateNomination(moved))
	mustNil(t, db.SetStatus([]uint64{ownIDs[7]}, khenthuong.StatusApproved, ""))
	want = fullWarnings(t, db, cs[2].ID)
	for _, n := range more {
		ownIDs = append(ownIDs, n.ID)
	}
	checkWarningPages(t, db, cs[2].ID, ownIDs, want, "after writes")
	checkFewWarnings(t, db, cs[2].ID, ownIDs, want, "after writes")
	mustNil(t, db.Close())
	db = openAt(t, path, testOptions())
	checkFewWarnings(t, db, cs[2].ID, ownIDs, want, "after writes, reopened")
	got, err := db.Warnings(cs[2].ID)
	mustNil(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after writes: %d warned, want %d", len(got), len(want))
	}
	_, err = db.WarningsOf(999, ownIDs[:3])
	if khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND {
		t.Errorf("warnings of an unknown campaign: %v", err)
	}
}

// fullWarnings is what ReviewWarnings gives the campaign with every record
// of the file.
func fullWarnings(t *testing.T, db *DB, campaignID uint64) map[uint64][]khenthuong.Warning {
	t.Helper()
	all, err := db.Nominations(khenthuong.NominationFilter{})
	mustNil(t, err)
	var own []khenthuong.Nomination
	for _, n := range all {
		if n.CampaignID == campaignID {
			own = append(own, n)
		}
	}
	awards := map[uint64]khenthuong.Award{}
	ds, err := db.Decisions(0)
	mustNil(t, err)
	for _, d := range ds {
		for _, r := range d.Recipients {
			awards[r.NominationID] = khenthuong.Award{NominationID: r.NominationID, DecisionID: d.ID, FormCode: d.FormCode,
				DecisionNumber: d.Number, DecisionDate: d.Date, RegistryNo: r.RegistryNo, Amount: r.Amount}
		}
	}
	distinct := map[khenthuong.NomineePair]bool{}
	mustNil(t, db.view("test", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDistinct).ForEach(func(k, _ []byte) error {
			distinct[khenthuong.NomineePair{btoi(k), btoi(k[8:])}] = true
			return nil
		})
	}))
	if len(distinct) != 20 {
		t.Fatalf("%d distinct pairs", len(distinct))
	}
	formMap := map[string]*khenthuong.AwardForm{}
	stored, _ := db.Forms()
	for i := range stored {
		formMap[stored[i].Code] = &stored[i]
	}
	c, err := db.Campaign(campaignID)
	mustNil(t, err)
	return khenthuong.ReviewWarnings(khenthuong.ReviewInput{Campaign: c, Nominations: own, All: all, Awards: awards, Distinct: distinct, Forms: formMap})
}

// checkWarningPages holds the window's pages to want: the rows on screen
// alone, in pages of every size and one page of scattered rows, give the
// same warnings as the whole.
func checkWarningPages(t *testing.T, db *DB, campaignID uint64, ownIDs []uint64, want map[uint64][]khenthuong.Warning, when string) {
	t.Helper()
	pages := [][]uint64{{}, ownIDs}
	for _, size := range []int{1, 7, 64} {
		for lo := 0; lo < len(ownIDs); lo += size {
			pages = append(pages, ownIDs[lo:min(lo+size, len(ownIDs))])
		}
	}
	var scattered []uint64
	for i := 0; i < len(ownIDs); i += 13 {
		scattered = append(scattered, ownIDs[i])
	}
	pages = append(pages, scattered)
	for _, page := range pages {
		got, err := db.WarningsOf(campaignID, page)
		mustNil(t, err)
		for _, id := range page {
			if !reflect.DeepEqual(got[id], want[id]) {
				t.Fatalf("%s: page of %d from %d: nomination %d: got %+v, want %+v", when, len(page), page[0], id, got[id], want[id])
			}
		}
		if len(got) > len(page) {
			t.Fatalf("%s: page of %d: %d warned", when, len(page), len(got))
		}
	}
}

// checkFewWarnings holds the warnings of a few rows read without the search
// index (warningsByReads, what WarningsOf does for an approval on the
// command line) to want: every row alone, pages of 7, and a page with a
// repeat, a nomination of another campaign and an unknown ID.
func checkFewWarnings(t *testing.T, db *DB, campaignID uint64, ownIDs []uint64, want map[uint64][]khenthuong.Warning, when string) {
	t.Helper()
	c, err := db.Campaign(campaignID)
	mustNil(t, err)
	var pages [][]uint64
	for _, id := range ownIDs {
		pages = append(pages, []uint64{id})
	}
	for lo := 0; lo < len(ownIDs); lo += 7 {
		pages = append(pages, ownIDs[lo:min(lo+7, len(ownIDs))])
	}
	var other uint64
	for id := uint64(1); other == 0; id++ {
		if n, err := db.Nomination(id); err == nil && n.CampaignID != campaignID {
			other = id
		}
	}
	pages = append(pages, []uint64{ownIDs[0], other, ownIDs[0], 1 << 40})
	for _, page := range pages {
		got, err := db.warningsByReads(c, page)
		mustNil(t, err)
		for _, id := range page {
			if id != other && !reflect.DeepEqual(got[id], want[id]) {
				t.Fatalf("%s: few of %d from %d: nomination %d: got %+v, want %+v", when, len(page), page[0], id, got[id], want[id])
			}
		}
		if len(got[other]) > 0 || len(got) > len(page) {
			t.Fatalf("%s: few of %d: %d warned, %d warnings of another campaign's nomination", when, len(page), len(got), len(got[other]))
		}
	}
	if got, err := db.WarningsOf(campaignID, ownIDs[:1]); err != nil || !reflect.DeepEqual(got[ownIDs[0]], want[ownIDs[0]]) {
		t.Fatalf("%s: WarningsOf one row: %+v, %v; want %+v", when, got[ownIDs[0]], err, want[ownIDs[0]])
	}
}
