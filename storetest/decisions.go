package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"khenthuong"
)

func init() {
	register("Decisions", testDecisions)
	register("DecisionRefusals", testDecisionRefusals)
	register("Registry", testRegistry)
	register("Amendments", testAmendments)
}

func testDecisions(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Tổng kết 10 năm")
	ns := approveAll(t, svc,
		person(c.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
		collectiveOf(c.ID, "Phòng An ninh nội địa", "Công an tỉnh"),
		person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
		collectiveOf(c.ID, "Công an xã Triệu Phong", "Công an tỉnh"),
	)
	extra := approveAll(t, svc, person(c.ID, "Hoàng Thị Thủy", "Đội trưởng", "Công an tỉnh"))[0]
	d := draftOf(c, "2871/QĐ-UBND", "2024-06-02")
	mustNil(t, svc.CreateDecision(d, idsOf(ns)))

	t.Run("DraftListsCollectivesFirstInListOrder", func(t *testing.T) {
		if d.ID == 0 || d.Status != khenthuong.DecisionDraft || d.Order != khenthuong.OrderList {
			t.Fatalf("draft = %+v", d)
		}
		want := "Phòng An ninh nội địa, Công an xã Triệu Phong, Trương Quang Sáng, Lê Văn Tiến"
		if got := recipientNameList(d); got != want {
			t.Fatalf("recipients %s, want %s", got, want)
		}
	})
	t.Run("AmountsUseTheSalaryOnTheDecisionDate", func(t *testing.T) {
		want := []int64{3_600_000, 3_600_000, 1_800_000, 1_800_000}
		stored, err := svc.Decision(d.ID)
		mustNil(t, err)
		for i, r := range stored.Recipients {
			if r.Amount != want[i] || r.RegistryNo != "" {
				t.Errorf("recipient %d: amount %d, registry %q", i, r.Amount, r.RegistryNo)
			}
		}
	})
	t.Run("UpdateReordersRemovesAddsAndRecomputes", func(t *testing.T) {
		u := *d
		u.Order = khenthuong.OrderAlpha
		u.Date = khenthuong.MustDate("2025-07-01")
		u.Recipients = append(slices.Clone(d.Recipients[1:]), khenthuong.Recipient{NominationID: extra.ID})
		u.Recipients[1].Nominee.Position = "Phó Giám đốc Sở"
		mustNil(t, svc.UpdateDecision(&u))
		want := "Công an xã Triệu Phong, Trương Quang Sáng, Hoàng Thị Thủy, Lê Văn Tiến"
		if got := recipientNameList(&u); got != want {
			t.Fatalf("recipients %s, want %s", got, want)
		}
		if u.Recipients[1].Nominee.Position != "Phó Giám đốc Sở" {
			t.Errorf("edited printed field lost: %q", u.Recipients[1].Nominee.Position)
		}
		if u.Recipients[0].Amount != 7_020_000 || u.Recipients[1].Amount != 3_510_000 {
			t.Errorf("amounts %d, %d", u.Recipients[0].Amount, u.Recipients[1].Amount)
		}
		other := draftOf(c, "2872/QĐ-UBND", "2024-06-02")
		wantCode(t, svc.CreateDecision(other, []uint64{extra.ID}), khenthuong.ECONFLICT)
		mustNil(t, svc.CreateDecision(other, []uint64{ns[1].ID}))
		mustNil(t, svc.DeleteDecision(other.ID))
		u.Order = khenthuong.OrderList
		u.Date = d.Date
		u.Recipients = append(u.Recipients, khenthuong.Recipient{NominationID: ns[1].ID})
		mustNil(t, svc.UpdateDecision(&u))
		*d = u
	})
	t.Run("IssueNumbersInListOrder", func(t *testing.T) {
		got, err := svc.IssueDecision(d.ID)
		mustNil(t, err)
		want := []string{"BKCT-2024-0001", "BKCT-2024-0002", "BKCT-2024-0003", "BKCT-2024-0004", "BKCT-2024-0005"}
		if !slices.Equal(registryNos(got), want) || got.Status != khenthuong.DecisionIssued || got.IssuedAt.IsZero() {
			t.Fatalf("issued %v (%s), want %v", registryNos(got), got.Status, want)
		}
		stored, err := svc.Decision(d.ID)
		mustNil(t, err)
		if !slices.Equal(registryNos(stored), want) || stored.Status != khenthuong.DecisionIssued {
			t.Fatalf("stored = %+v", stored)
		}
		ss, err := svc.Series()
		mustNil(t, err)
		if len(ss) != 1 || ss[0].Code != "BKCT" || ss[0].Prefix != "BKCT" || ss[0].Digits != 4 || ss[0].YearlyReset {
			t.Fatalf("default series = %+v", ss)
		}
		*d = *stored
	})
	t.Run("IssuedIsLocked", func(t *testing.T) {
		_, err := svc.IssueDecision(d.ID)
		wantCode(t, err, khenthuong.ECONFLICT)
		u := *d
		u.Number = "9999/QĐ-UBND"
		wantCode(t, svc.UpdateDecision(&u), khenthuong.ECONFLICT)
		wantCode(t, svc.DeleteDecision(d.ID), khenthuong.ECONFLICT)
		n, err := svc.Nomination(ns[0].ID)
		mustNil(t, err)
		n.Notes = "sửa"
		wantCode(t, svc.UpdateNomination(n), khenthuong.ECONFLICT)
		wantCode(t, svc.DeleteNomination(n.ID), khenthuong.ECONFLICT)
		wantCode(t, svc.SetStatus([]uint64{n.ID}, khenthuong.StatusSubmitted, ""), khenthuong.ECONFLICT)
		wantCode(t, svc.DeleteCampaign(c.ID), khenthuong.ECONFLICT)
		wantCode(t, svc.DeleteForm("BKCT"), khenthuong.ECONFLICT)
		if got, _ := svc.Decision(d.ID); got.Number != "2871/QĐ-UBND" {
			t.Fatalf("refused update changed the decision: %+v", got)
		}
	})
	t.Run("ListsNewestFirst", func(t *testing.T) {
		later := draftOf(c, "3000/QĐ-UBND", "2024-12-01")
		mustNil(t, svc.CreateDecision(later, nil))
		c2 := createCampaign(t, svc, "Đợt khác")
		elsewhere := draftOf(c2, "1/QĐ-UBND", "2025-01-01")
		mustNil(t, svc.CreateDecision(elsewhere, nil))
		ds, err := svc.Decisions(c.ID)
		mustNil(t, err)
		if len(ds) != 2 || ds[0].ID != later.ID || ds[1].ID != d.ID {
			t.Fatalf("campaign decisions %v", ds)
		}
		all, err := svc.Decisions(0)
		mustNil(t, err)
		if len(all) != 3 || all[0].ID != elsewhere.ID {
			t.Fatalf("all decisions %v", all)
		}
		_, err = svc.Decisions(999)
		wantCode(t, err, khenthuong.ENOTFOUND)
		_, err = svc.IssueDecision(later.ID)
		wantCode(t, err, khenthuong.EINVALID) // nobody in it
	})
	t.Run("HistoryShowsTheAward", func(t *testing.T) {
		hs, err := svc.History("truong quang sang")
		mustNil(t, err)
		if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "2871/QĐ-UBND" || hs[0].Campaign != c.Name ||
			!strings.HasPrefix(hs[0].Award.RegistryNo, "BKCT-2024-") {
			t.Fatalf("history %+v", hs)
		}
	})
	t.Run("DraftFollowsItsNominations", func(t *testing.T) {
		n := approveAll(t, svc, person(c.ID, "Lê Văn Tien", "Chính ủy", "Bộ đội Biên phòng"))[0]
		dr := draftOf(c, "1/QĐ-UBND", "2024-06-02")
		mustNil(t, svc.CreateDecision(dr, []uint64{n.ID}))
		got, err := svc.Nomination(n.ID)
		mustNil(t, err)
		got.Nominee.Name = "Lê Văn Tiến"
		mustNil(t, svc.UpdateNomination(got))
		stored, err := svc.Decision(dr.ID)
		mustNil(t, err)
		if stored.Recipients[0].Nominee.Name != "Lê Văn Tiến" {
			t.Fatalf("draft still prints %q", stored.Recipients[0].Nominee.Name)
		}
		got.Status = khenthuong.StatusSubmitted
		wantCode(t, svc.UpdateNomination(got), khenthuong.ECONFLICT)
		wantCode(t, svc.SetStatus([]uint64{n.ID}, khenthuong.StatusDeferred, ""), khenthuong.ECONFLICT)
		wantCode(t, svc.DeleteNomination(n.ID), khenthuong.ECONFLICT)
		mustNil(t, svc.DeleteDecision(dr.ID))
		mustNil(t, svc.SetStatus([]uint64{n.ID}, khenthuong.StatusDeferred, ""))
	})
}

func testDecisionRefusals(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Đợt")
	c2 := createCampaign(t, svc, "Đợt khác")
	ok := approveAll(t, svc, person(c.ID, "Lê Văn Tiến", "", ""))[0]
	ns := []khenthuong.Nomination{person(c.ID, "Nguyễn Văn Tình", "", "")}
	mustNil(t, svc.CreateNominations(ns))
	otherForm := person(c.ID, "Trần Đình Khánh", "", "")
	otherForm.FormCode = "CSTDT"
	otherForm = approveAll(t, svc, otherForm)[0]
	otherCampaign := approveAll(t, svc, person(c2.ID, "Phan Thanh Hòa", "", ""))[0]
	taken := approveAll(t, svc, person(c.ID, "Võ Thị Ngọc Ánh", "", ""))[0]
	mustNil(t, svc.CreateDecision(draftOf(c, "1/QĐ-UBND", "2024-06-02"), []uint64{taken.ID}))
	mustNil(t, svc.SaveForm(&khenthuong.AwardForm{Code: "NOCOEF", Name: "Giấy khen không tiền thưởng", Kinds: []khenthuong.Kind{khenthuong.Individual}}))
	noCoef := person(c.ID, "Hồ Văn Bảy", "", "")
	noCoef.FormCode = "NOCOEF"
	noCoef = approveAll(t, svc, noCoef)[0]

	for _, tc := range []struct {
		name   string
		edit   func(d *khenthuong.Decision)
		ids    []uint64
		code   string
		inText string
	}{
		{"NotApproved", nil, []uint64{ok.ID, ns[0].ID}, khenthuong.ECONFLICT, "chưa được duyệt"},
		{"OtherForm", nil, []uint64{otherForm.ID}, khenthuong.ECONFLICT, "CSTDT"},
		{"OtherCampaign", nil, []uint64{otherCampaign.ID}, khenthuong.ECONFLICT, "đợt khen thưởng khác"},
		{"AlreadyInADecision", nil, []uint64{taken.ID}, khenthuong.ECONFLICT, "1/QĐ-UBND"},
		{"MissingNomination", nil, []uint64{9999}, khenthuong.ENOTFOUND, ""},
		{"NoNumber", func(d *khenthuong.Decision) { d.Number = " " }, []uint64{ok.ID}, khenthuong.EINVALID, "số quyết định"},
		{"NoSignerTitle", func(d *khenthuong.Decision) { d.SignerTitle = "" }, []uint64{ok.ID}, khenthuong.EINVALID, "người ký"},
		{"BadOrder", func(d *khenthuong.Decision) { d.Order = "random" }, []uint64{ok.ID}, khenthuong.EINVALID, "random"},
		{"UnknownForm", func(d *khenthuong.Decision) { d.FormCode = "XYZ" }, []uint64{ok.ID}, khenthuong.EINVALID, "XYZ"},
		{"MissingCampaign", func(d *khenthuong.Decision) { d.CampaignID = 999 }, []uint64{ok.ID}, khenthuong.ENOTFOUND, ""},
		{"NoCoefficient", func(d *khenthuong.Decision) { d.FormCode = "NOCOEF" }, []uint64{noCoef.ID}, khenthuong.EINVALID, "chưa có hệ số tiền thưởng"},
		{"NoBaseSalary", func(d *khenthuong.Decision) { d.Date = khenthuong.MustDate("2018-01-02") }, []uint64{ok.ID}, khenthuong.EINVALID, "Chưa có mức lương cơ sở"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := draftOf(c, "2871/QĐ-UBND", "2024-06-02")
			if tc.edit != nil {
				tc.edit(d)
			}
			err := svc.CreateDecision(d, tc.ids)
			wantCode(t, err, tc.code)
			if msg := khenthuong.ErrorMessage(err); !strings.Contains(msg, tc.inText) {
				t.Errorf("message %q, want it to contain %q", msg, tc.inText)
			}
			if d.ID != 0 {
				t.Errorf("refused decision got ID %d", d.ID)
			}
		})
	}
	ds, err := svc.Decisions(c.ID)
	mustNil(t, err)
	if len(ds) != 1 {
		t.Fatalf("refused creations stored something: %d decisions", len(ds))
	}
}

func testRegistry(t *testing.T, h Harness) {
	t.Run("ManyDecisionsInALoop", func(t *testing.T) {
		svc := open(t, h)
		c := createCampaign(t, svc, "Đợt")
		var all []string
		for i := range 20 {
			all = append(all, registryNos(issueDraft(t, svc, c, fmt.Sprintf("%d/QĐ-UBND", i+1), "2024-06-02", 1+i%4))...)
		}
		for i, no := range all {
			if want := fmt.Sprintf("BKCT-2024-%04d", i+1); no != want {
				t.Fatalf("number %d is %s, want %s", i, no, want)
			}
		}
	})

	t.Run("ConcurrentIssuesOfDifferentDecisions", func(t *testing.T) {
		svc := open(t, h)
		c := createCampaign(t, svc, "Đợt")
		var ds []*khenthuong.Decision
		for i := range 8 {
			ds = append(ds, prepareDraft(t, svc, c, fmt.Sprintf("%d/QĐ-UBND", i+1), "2024-06-02", 3))
		}
		var mu sync.Mutex
		seen := map[string]int{}
		var wg sync.WaitGroup
		for _, d := range ds {
			wg.Go(func() {
				got, err := svc.IssueDecision(d.ID)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				defer mu.Unlock()
				for _, no := range registryNos(got) {
					seen[no]++
				}
			})
		}
		wg.Wait()
		for i := 1; i <= 3*len(ds); i++ {
			if no := fmt.Sprintf("BKCT-2024-%04d", i); seen[no] != 1 {
				t.Errorf("%s given %d times", no, seen[no])
			}
		}
	})

	t.Run("ConcurrentIssuesOfTheSameDecision", func(t *testing.T) {
		svc := open(t, h)
		c := createCampaign(t, svc, "Đợt")
		d := prepareDraft(t, svc, c, "1/QĐ-UBND", "2024-06-02", 5)
		var wins, conflicts int
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range 6 {
			wg.Go(func() {
				_, err := svc.IssueDecision(d.ID)
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
		if wins != 1 || conflicts != 5 {
			t.Fatalf("%d issues succeeded, %d conflicted; want 1 and 5", wins, conflicts)
		}
		next := issueDraft(t, svc, c, "2/QĐ-UBND", "2024-06-02", 1)
		if got := registryNos(next); !slices.Equal(got, []string{"BKCT-2024-0006"}) {
			t.Fatalf("next number %v, want BKCT-2024-0006", got)
		}
	})

	t.Run("YearlyReset", func(t *testing.T) {
		svc := open(t, h)
		c := createCampaign(t, svc, "Đợt")
		yearly := &khenthuong.RegistrySeries{Code: "bkct", Name: "Sổ vàng Bằng khen", Prefix: "BK", Format: "{prefix}/{year}/{n}", Digits: 3, YearlyReset: true}
		mustNil(t, svc.SaveSeries(yearly))
		a := issueDraft(t, svc, c, "1/QĐ-UBND", "2024-06-02", 3)
		b := issueDraft(t, svc, c, "2/QĐ-UBND", "2025-01-05", 2)
		e := issueDraft(t, svc, c, "3/QĐ-UBND", "2024-12-30", 1)
		for _, tc := range []struct {
			d    *khenthuong.Decision
			want []string
		}{
			{a, []string{"BK/2024/001", "BK/2024/002", "BK/2024/003"}},
			{b, []string{"BK/2025/001", "BK/2025/002"}},
			{e, []string{"BK/2024/004"}},
		} {
			if got := registryNos(tc.d); !slices.Equal(got, tc.want) {
				t.Errorf("decision %s: %v, want %v", tc.d.Number, got, tc.want)
			}
		}
		yearly.YearlyReset = false
		yearly.Format = "{prefix}-{n}"
		wantCodeField(t, svc.SaveSeries(yearly), khenthuong.ECONFLICT, "yearly_reset")
		yearly.YearlyReset = true
		yearly.Format = "{prefix}.{year}.{n}"
		yearly.Prefix = "SV"
		mustNil(t, svc.SaveSeries(yearly))
		f := issueDraft(t, svc, c, "4/QĐ-UBND", "2025-02-01", 1)
		if got := registryNos(f); !slices.Equal(got, []string{"SV.2025.003"}) {
			t.Errorf("after the format change: %v", got)
		}
		wantCodeField(t, svc.SaveSeries(&khenthuong.RegistrySeries{Code: "X", Format: "{prefix}"}), khenthuong.EINVALID, "format")
	})

	t.Run("FormsSharingASeriesShareItsCounter", func(t *testing.T) {
		svc := open(t, h)
		c := createCampaign(t, svc, "Đợt")
		f, err := svc.Form("BKMTTQ")
		mustNil(t, err)
		f.Series = "BKCT"
		mustNil(t, svc.SaveForm(f))
		issueDraft(t, svc, c, "1/QĐ-UBND", "2024-06-02", 2)
		n := person(c.ID, "Phan Văn Hưởng", "", "")
		n.FormCode = "BKMTTQ"
		n = approveAll(t, svc, n)[0]
		d := draftOf(c, "2/QĐ-MTTQ", "2024-06-03")
		d.FormCode = "BKMTTQ"
		mustNil(t, svc.CreateDecision(d, []uint64{n.ID}))
		got, err := svc.IssueDecision(d.ID)
		mustNil(t, err)
		if want := []string{"BKCT-2024-0003"}; !slices.Equal(registryNos(got), want) {
			t.Fatalf("shared series: %v", registryNos(got))
		}
	})
}

func testAmendments(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Đợt")
	d := issueDraft(t, svc, c, "2871/QĐ-UBND", "2024-06-02", 3)
	numbers, total := registryNos(d), d.Total()

	t.Run("NeedsAReason", func(t *testing.T) {
		a := *d
		a.Number = "2873/QĐ-UBND"
		wantCodeField(t, svc.AmendDecision(&a, "  "), khenthuong.EINVALID, "reason")
	})
	t.Run("NeedsAChange", func(t *testing.T) {
		a := *d
		wantCode(t, svc.AmendDecision(&a, "Đính chính"), khenthuong.EINVALID)
	})
	t.Run("OnlyIssued", func(t *testing.T) {
		dr := prepareDraft(t, svc, c, "5/QĐ-UBND", "2024-06-02", 1)
		wantCode(t, svc.AmendDecision(dr, "Đính chính"), khenthuong.ECONFLICT)
	})
	t.Run("KeepsTheRecipients", func(t *testing.T) {
		a := *d
		a.Recipients = d.Recipients[:2]
		wantCodeField(t, svc.AmendDecision(&a, "Bỏ một người"), khenthuong.EINVALID, "recipients")
		a.Recipients = []khenthuong.Recipient{d.Recipients[1], d.Recipients[0], d.Recipients[2]}
		wantCodeField(t, svc.AmendDecision(&a, "Đổi thứ tự"), khenthuong.EINVALID, "recipients")
	})
	t.Run("RecordsWhoWhenWhyAndTheOldValues", func(t *testing.T) {
		a := *d
		a.Recipients = slices.Clone(d.Recipients)
		a.Number = "2873/QĐ-UBND"
		a.Date = khenthuong.MustDate("2024-06-03")
		a.Recipients[1].Nominee.Position = "Phó Trưởng phòng"
		a.Recipients[1].RegistryNo = "X-1" // ignored: numbers never change
		a.Recipients[1].Amount = 1
		mustNil(t, svc.AmendDecision(&a, "Sai số quyết định khi đánh máy"))
		got, err := svc.Decision(d.ID)
		mustNil(t, err)
		if got.Number != "2873/QĐ-UBND" || got.Recipients[1].Nominee.Position != "Phó Trưởng phòng" || got.Status != khenthuong.DecisionIssued {
			t.Fatalf("amended = %+v", got)
		}
		if !slices.Equal(registryNos(got), numbers) || got.Total() != total {
			t.Fatalf("amend changed numbers or amounts: %v %d", registryNos(got), got.Total())
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
		a2 := *got
		a2.SignerName = "Võ Văn Hưng"
		mustNil(t, svc.AmendDecision(&a2, "Đổi người ký"))
		if len(a2.Amendments) != 2 || strings.Contains(a2.Amendments[1].Before, "amendments") {
			t.Fatalf("second amendment %+v", a2.Amendments)
		}
		hs, err := svc.History(got.Recipients[0].Nominee.Name)
		mustNil(t, err)
		if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "2873/QĐ-UBND" || hs[0].Award.RegistryNo != numbers[0] {
			t.Fatalf("history after amend %+v", hs)
		}
	})
}

// approveAll creates the nominations approved, returning them with their IDs.
func approveAll(t testing.TB, svc khenthuong.Services, ns ...khenthuong.Nomination) []khenthuong.Nomination {
	t.Helper()
	for i := range ns {
		ns[i].Status = khenthuong.StatusApproved
	}
	mustNil(t, svc.CreateNominations(ns))
	return ns
}

func idsOf(ns []khenthuong.Nomination) []uint64 {
	out := make([]uint64, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

// draftOf is a BKCT decision of campaign c dated date.
func draftOf(c *khenthuong.Campaign, number, date string) *khenthuong.Decision {
	return &khenthuong.Decision{
		CampaignID: c.ID, FormCode: "BKCT", Number: number, Date: khenthuong.MustDate(date),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.MustDate("2024-05-20"),
		Achievement: "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
	}
}

// prepareDraft creates a BKCT draft of k fresh approved nominations.
func prepareDraft(t testing.TB, svc khenthuong.Services, c *khenthuong.Campaign, number, date string, k int) *khenthuong.Decision {
	t.Helper()
	ns := make([]khenthuong.Nomination, k)
	for i := range ns {
		ns[i] = person(c.ID, fmt.Sprintf("Người %s %d", number, i), "", "")
	}
	ns = approveAll(t, svc, ns...)
	d := draftOf(c, number, date)
	mustNil(t, svc.CreateDecision(d, idsOf(ns)))
	return d
}

// issueDraft prepares and issues a decision of k recipients.
func issueDraft(t testing.TB, svc khenthuong.Services, c *khenthuong.Campaign, number, date string, k int) *khenthuong.Decision {
	t.Helper()
	got, err := svc.IssueDecision(prepareDraft(t, svc, c, number, date, k).ID)
	mustNil(t, err)
	return got
}

func registryNos(d *khenthuong.Decision) []string {
	out := make([]string, len(d.Recipients))
	for i, r := range d.Recipients {
		out[i] = r.RegistryNo
	}
	return out
}

func recipientNameList(d *khenthuong.Decision) string {
	names := make([]string, len(d.Recipients))
	for i, r := range d.Recipients {
		names[i] = r.Nominee.Name
	}
	return strings.Join(names, ", ")
}
