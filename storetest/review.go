package storetest

import (
	"reflect"
	"testing"

	"strings"

	"khenthuong"
)

func init() {
	register("ReviewStatus", testReviewStatus)
	register("ReviewWarnings", testReviewWarnings)
}

func testReviewStatus(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Đợt")
	ns := []khenthuong.Nomination{
		person(c.ID, "Trương Quang Sáng", "", ""),
		person(c.ID, "Lê Văn Tiến", "", ""),
		person(c.ID, "Hoàng Thị Thủy", "", ""),
		collectiveOf(c.ID, "Công an xã Triệu Phong", "Công an tỉnh"),
	}
	mustNil(t, svc.CreateNominations(ns))
	draftOne := person(c.ID, "Nguyễn Văn Nháp", "", "")
	draftOne.Status = khenthuong.StatusDraft
	d := []khenthuong.Nomination{draftOne}
	mustNil(t, svc.CreateNominations(d))
	status := func(id uint64) *khenthuong.Nomination {
		n, err := svc.Nomination(id)
		mustNil(t, err)
		return n
	}

	t.Run("BulkApproveInOneTransaction", func(t *testing.T) {
		mustNil(t, svc.SetStatus([]uint64{ns[0].ID, ns[3].ID, ns[0].ID}, khenthuong.StatusApproved, ""))
		got, err := svc.Nominations(khenthuong.NominationFilter{CampaignID: c.ID, Status: khenthuong.StatusApproved})
		mustNil(t, err)
		if nominationList(got) != nominationList([]khenthuong.Nomination{ns[0], ns[3]}) {
			t.Fatalf("approved: %s", nominationList(got))
		}
	})
	t.Run("AllOrNothing", func(t *testing.T) {
		wantCode(t, svc.SetStatus([]uint64{ns[1].ID, 9999}, khenthuong.StatusDeferred, ""), khenthuong.ENOTFOUND)
		wantCodeField(t, svc.SetStatus([]uint64{ns[1].ID, d[0].ID}, khenthuong.StatusApproved, ""), khenthuong.EINVALID, "status")
		if status(ns[1].ID).Status != khenthuong.StatusSubmitted {
			t.Fatal("a refused batch changed a nomination")
		}
	})
	t.Run("RejectNeedsAReasonAndKeepsIt", func(t *testing.T) {
		wantCodeField(t, svc.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusRejected, " "), khenthuong.EINVALID, "reject_reason")
		mustNil(t, svc.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusRejected, "Chưa đủ thời gian  công tác"))
		if n := status(ns[1].ID); n.Status != khenthuong.StatusRejected || n.RejectReason != "Chưa đủ thời gian công tác" {
			t.Fatalf("rejected = %s %q", n.Status, n.RejectReason)
		}
		got, err := svc.Nominations(khenthuong.NominationFilter{Query: "le van tien", Status: khenthuong.StatusRejected})
		mustNil(t, err)
		if len(got) != 1 {
			t.Fatal("the search does not know the new status")
		}
		mustNil(t, svc.SetStatus([]uint64{ns[1].ID}, khenthuong.StatusSubmitted, ""))
		if n := status(ns[1].ID); n.Status != khenthuong.StatusSubmitted || n.RejectReason != "" {
			t.Fatalf("back to submitted = %s %q", n.Status, n.RejectReason)
		}
	})
	t.Run("UnknownStatusRefused", func(t *testing.T) {
		wantCodeField(t, svc.SetStatus([]uint64{ns[2].ID}, "ok", ""), khenthuong.EINVALID, "status")
	})
}

func testReviewWarnings(t *testing.T, h Harness) {
	svc := open(t, h)
	before := createCampaign(t, svc, "Khen thưởng năm 2021")
	now := createCampaign(t, svc, "Tổng kết 10 năm")
	born := func(n khenthuong.Nomination, year string) khenthuong.Nomination {
		n.Nominee.Birth = khenthuong.MustDate(year)
		return n
	}
	old := approveAll(t, svc,
		born(person(before.ID, "Phan Thanh Hoà", "Trưởng Công an xã", "Công an xã Triệu Phong"), "1988"),
		born(person(before.ID, "Ngô Minh", "Cán bộ", "Sở A"), "1990"),
		born(person(before.ID, "Đặng Đại Bàng", "", "Công an tỉnh"), "1979"), // approved, never issued
	)
	d := draftOf(before, "125/QĐ-UBND", "2021-12-20")
	mustNil(t, svc.CreateDecision(d, []uint64{old[0].ID, old[1].ID}))
	_, err := svc.IssueDecision(d.ID)
	mustNil(t, err)
	cur := []khenthuong.Nomination{
		born(person(now.ID, "PHAN THANH HÒA", "Trưởng Công an xã", "Công an xã Triệu Phong"), "1988"),
		born(person(now.ID, "Ngô  Minh", "Cán bộ", "Sở A"), "1990"),
		born(person(now.ID, "Nguyễn Văn Tình", "", "Công an tỉnh"), "1975"),
		born(person(now.ID, "Nguyen Van Tinh", "", "Sở Tư pháp"), "1975"),
		born(person(now.ID, "Nguyễn Văn Tình", "", "Sở Y tế"), "1980"),
		born(person(now.ID, "Đặng Đại Bàng", "", "Công an tỉnh"), "1979"),
	}
	mustNil(t, svc.CreateNominations(cur))
	mustNil(t, svc.MarkDistinct(cur[1].ID, old[1].ID))
	ws, err := svc.Warnings(now.ID)
	mustNil(t, err)
	of := func(ws map[uint64][]khenthuong.Warning, id uint64, kind khenthuong.WarningKind) []khenthuong.Warning {
		var out []khenthuong.Warning
		for _, w := range ws[id] {
			if w.Kind == kind {
				out = append(out, w)
			}
		}
		return out
	}

	t.Run("EarlierAwardWithDecisionAndYear", func(t *testing.T) {
		got := of(ws, cur[0].ID, khenthuong.WarnEarlierAward)
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
		if got := of(ws, cur[2].ID, khenthuong.WarnDuplicate); len(got) != 1 || got[0].Related != cur[3].ID {
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
		mustNil(t, svc.LinkNominees(old[1].ID, cur[1].ID))
		n, err := svc.Nomination(cur[1].ID)
		mustNil(t, err)
		if n.NomineeID != old[1].NomineeID {
			t.Fatalf("nominee %d, want %d", n.NomineeID, old[1].NomineeID)
		}
		ws, err := svc.Warnings(now.ID)
		mustNil(t, err)
		if got := of(ws, cur[1].ID, khenthuong.WarnEarlierAward); len(got) != 1 {
			t.Fatalf("after linking: %+v", ws[cur[1].ID])
		}
		same, err := svc.Nominations(khenthuong.NominationFilter{NomineeID: old[1].NomineeID})
		mustNil(t, err)
		if len(same) != 2 {
			t.Fatalf("nominee filter after linking: %s", nominationList(same))
		}
	})
	t.Run("MarkDistinctSplitsLinkedRecords", func(t *testing.T) {
		mustNil(t, svc.MarkDistinct(old[1].ID, cur[1].ID))
		n, err := svc.Nomination(cur[1].ID)
		mustNil(t, err)
		if n.NomineeID == old[1].NomineeID || n.NomineeID == 0 {
			t.Fatalf("still linked: nominee %d", n.NomineeID)
		}
		ws, err := svc.Warnings(now.ID)
		mustNil(t, err)
		if len(ws[cur[1].ID]) != 0 {
			t.Fatalf("after marking distinct: %+v", ws[cur[1].ID])
		}
	})
	t.Run("Quota", func(t *testing.T) {
		now.Quotas = map[string]int{"BKCT": 1}
		mustNil(t, svc.UpdateCampaign(now))
		mustNil(t, svc.SetStatus([]uint64{cur[2].ID, cur[5].ID}, khenthuong.StatusApproved, ""))
		ws, err := svc.Warnings(now.ID)
		mustNil(t, err)
		if got := of(ws, cur[0].ID, khenthuong.WarnQuota); len(got) != 1 {
			t.Fatalf("quota warnings %+v", ws[cur[0].ID])
		}
	})
	t.Run("PagesGiveTheSameWarnings", func(t *testing.T) {
		// The rows on screen alone, one or two at a time: duplicates, earlier
		// awards and quotas as the whole campaign's computation gives them.
		all, err := svc.Warnings(now.ID)
		mustNil(t, err)
		for _, size := range []int{1, 2, len(cur)} {
			for lo := 0; lo < len(cur); lo += size {
				page := ids(cur[lo:min(lo+size, len(cur))])
				got, err := svc.WarningsOf(now.ID, page)
				mustNil(t, err)
				for _, id := range page {
					if !reflect.DeepEqual(got[id], all[id]) {
						t.Errorf("page of %d: nomination %d: %+v, want %+v", size, id, got[id], all[id])
					}
				}
				if len(got) > len(page) {
					t.Errorf("page of %d: %d warned", size, len(got))
				}
			}
		}
		_, err = svc.WarningsOf(999, ids(cur[:1]))
		wantCode(t, err, khenthuong.ENOTFOUND)
	})
	t.Run("Refusals", func(t *testing.T) {
		_, err := svc.Warnings(999)
		wantCode(t, err, khenthuong.ENOTFOUND)
		wantCode(t, svc.LinkNominees(cur[0].ID, cur[0].ID), khenthuong.EINVALID)
		wantCode(t, svc.LinkNominees(cur[0].ID, 9999), khenthuong.ENOTFOUND)
		coll := []khenthuong.Nomination{collectiveOf(now.ID, "Phan Thanh Hòa", "")}
		mustNil(t, svc.CreateNominations(coll))
		wantCode(t, svc.LinkNominees(cur[0].ID, coll[0].ID), khenthuong.EINVALID)
		wantCode(t, svc.MarkDistinct(cur[0].ID, cur[0].ID), khenthuong.EINVALID)
	})
}
