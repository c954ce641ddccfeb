package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"khenthuong"
)

func init() { register("Nominations", testNominations) }

func testNominations(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Tổng kết 10 năm")

	t.Run("CreateSetsIDsOrderAndNominees", func(t *testing.T) {
		ns := []khenthuong.Nomination{
			collectiveOf(c.ID, "Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp"),
			person(c.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
		}
		mustNil(t, svc.CreateNominations(ns))
		for i, n := range ns {
			if n.ID == 0 || n.NomineeID == 0 || n.Order != i+1 || n.CreatedAt.IsZero() || n.Status != khenthuong.StatusSubmitted {
				t.Errorf("row %d stored as %+v", i, n)
			}
		}
		got, err := svc.Nomination(ns[1].ID)
		mustNil(t, err)
		if got.Nominee.DisplayName() != "Ông Trương Quang Sáng" || got.NomineeID != ns[1].NomineeID || !got.CreatedAt.Equal(ns[1].CreatedAt) {
			t.Errorf("read back %+v", got)
		}
	})

	t.Run("OrderContinuesAfterTheLast", func(t *testing.T) {
		c2 := createCampaign(t, svc, "Đợt thứ tự")
		first := []khenthuong.Nomination{person(c2.ID, "A", "", ""), person(c2.ID, "B", "", "")}
		first[1].Order = 10
		mustNil(t, svc.CreateNominations(first))
		next := []khenthuong.Nomination{person(c2.ID, "C", "", ""), person(c2.ID, "D", "", "")}
		mustNil(t, svc.CreateNominations(next))
		if first[0].Order != 1 || first[1].Order != 10 || next[0].Order != 11 || next[1].Order != 12 {
			t.Fatalf("orders %d %d %d %d, want 1 10 11 12", first[0].Order, first[1].Order, next[0].Order, next[1].Order)
		}
		list, err := svc.Nominations(khenthuong.NominationFilter{CampaignID: c2.ID})
		mustNil(t, err)
		if got, want := nominationList(list), nominationList(append(first, next...)); got != want {
			t.Fatalf("list order %s, want %s", got, want)
		}
	})

	t.Run("SameNomineeAgain", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")}
		mustNil(t, svc.CreateNominations(ns))
		again := person(c.ID, "Lê Văn Tiến", "Chỉ huy trưởng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")
		again.NomineeID = ns[0].NomineeID
		again.FormCode = "CSTDT"
		mustNil(t, svc.CreateNominations([]khenthuong.Nomination{again}))
		list, err := svc.Nominations(khenthuong.NominationFilter{NomineeID: ns[0].NomineeID})
		mustNil(t, err)
		if len(list) != 2 {
			t.Fatalf("%d nominations of the nominee, want 2", len(list))
		}
	})

	t.Run("AllOrNothing", func(t *testing.T) {
		before, err := svc.Nominations(khenthuong.NominationFilter{})
		mustNil(t, err)
		bad := person(c.ID, "Nguyễn Thị Hoa", "", "")
		bad.FormCode = "KHONGCO"
		ns := []khenthuong.Nomination{person(c.ID, "Phan Văn Một", "", ""), bad, person(c.ID, "Phan Văn Ba", "", "")}
		e := wantCodeField(t, svc.CreateNominations(ns), khenthuong.EINVALID, "form")
		if !strings.HasPrefix(e.Message, "Dòng 2: ") {
			t.Errorf("message %q does not name the row", e.Message)
		}
		after, err := svc.Nominations(khenthuong.NominationFilter{})
		mustNil(t, err)
		if len(after) != len(before) || ns[0].ID != 0 {
			t.Fatalf("a refused batch left %d new rows (first row ID %d)", len(after)-len(before), ns[0].ID)
		}
	})

	t.Run("UpdateAndStatus", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Hồ Thị Thủy", "Kế toán", "Sở Tài chính")}
		mustNil(t, svc.CreateNominations(ns))
		n := ns[0]
		n.Status = khenthuong.StatusRejected
		wantCodeField(t, svc.UpdateNomination(&n), khenthuong.EINVALID, "reject_reason")
		n.RejectReason = "Chưa đủ hồ sơ"
		n.NomineeID, n.Order = 0, 0 // kept from the stored record
		mustNil(t, svc.UpdateNomination(&n))
		got, err := svc.Nomination(n.ID)
		mustNil(t, err)
		if got.Status != khenthuong.StatusRejected || got.NomineeID != ns[0].NomineeID || got.Order != ns[0].Order ||
			!got.CreatedAt.Equal(ns[0].CreatedAt) || !got.UpdatedAt.After(ns[0].UpdatedAt) {
			t.Fatalf("after update %+v", got)
		}
		got.Status = khenthuong.StatusDraft // rejected -> draft is not a review step
		wantCodeField(t, svc.UpdateNomination(got), khenthuong.EINVALID, "status")
	})

	t.Run("Delete", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Đỗ Văn Xóa", "", "")}
		mustNil(t, svc.CreateNominations(ns))
		mustNil(t, svc.DeleteNomination(ns[0].ID))
		_, err := svc.Nomination(ns[0].ID)
		wantCode(t, err, khenthuong.ENOTFOUND)
		wantCode(t, svc.DeleteNomination(ns[0].ID), khenthuong.ENOTFOUND)
		if list, _ := svc.Nominations(khenthuong.NominationFilter{Query: "do van xoa"}); len(list) != 0 {
			t.Fatalf("deleted nomination still found: %v", nominationList(list))
		}
	})

	t.Run("NFDStoredAsNFC", func(t *testing.T) {
		nfd := norm.NFD.String("Nguyễn Thị Ánh Tuyết")
		ns := []khenthuong.Nomination{person(c.ID, nfd, norm.NFD.String("Trưởng phòng"), norm.NFD.String("Sở Nội vụ"))}
		mustNil(t, svc.CreateNominations(ns))
		got, err := svc.Nomination(ns[0].ID)
		mustNil(t, err)
		for _, s := range []string{got.Nominee.Name, got.Nominee.Position, got.Nominee.Unit} {
			if !norm.NFC.IsNormalString(s) {
				t.Errorf("%q stored as NFD", s)
			}
		}
	})

	t.Run("SearchFoldsTonesAcrossNameUnitPosition", func(t *testing.T) {
		c3 := createCampaign(t, svc, "Đợt tìm kiếm")
		ns := []khenthuong.Nomination{
			person(c3.ID, "Nguyễn Văn Hoá", "Trưởng phòng", "Sở Tư pháp"),
			person(c3.ID, "Trần Thị Thuỷ", "Kế toán", "Sở Tài chính"),
			collectiveOf(c3.ID, "Phòng Tư pháp", "UBND xã Cam Lộ"),
		}
		mustNil(t, svc.CreateNominations(ns))
		for _, tc := range []struct{ query, want string }{
			{"hóa", nominationList(ns[:1])},
			{"THỦY ke toan", nominationList(ns[1:2])},
			{"tu phap", nominationList([]khenthuong.Nomination{ns[0], ns[2]})},
			{"tư pháp cam lộ", nominationList(ns[2:])},
			{"khong ai", ""},
		} {
			list, err := svc.Nominations(khenthuong.NominationFilter{CampaignID: c3.ID, Query: tc.query})
			mustNil(t, err)
			if got := nominationList(list); got != tc.want {
				t.Errorf("search %q = %s, want %s", tc.query, got, tc.want)
			}
		}
	})

	t.Run("ValidationNamesField", func(t *testing.T) {
		for _, tc := range []struct {
			name  string
			edit  func(n *khenthuong.Nomination)
			code  string
			field string
		}{
			{"NoName", func(n *khenthuong.Nomination) { n.Nominee.Name = "" }, khenthuong.EINVALID, "name"},
			{"BadKind", func(n *khenthuong.Nomination) { n.Nominee.Kind = "nhom" }, khenthuong.EINVALID, "kind"},
			{"NoCampaign", func(n *khenthuong.Nomination) { n.CampaignID = 0 }, khenthuong.EINVALID, "campaign"},
			{"UnknownForm", func(n *khenthuong.Nomination) { n.FormCode = "XYZ" }, khenthuong.EINVALID, "form"},
			{"FormNotForKind", func(n *khenthuong.Nomination) { n.FormCode = "CTDT" }, khenthuong.EINVALID, "form"},
			{"BadStatus", func(n *khenthuong.Nomination) { n.Status = "ok" }, khenthuong.EINVALID, "status"},
			{"MissingCampaign", func(n *khenthuong.Nomination) { n.CampaignID = 999 }, khenthuong.ENOTFOUND, "campaign"},
			{"MissingNominee", func(n *khenthuong.Nomination) { n.NomineeID = 999 }, khenthuong.EINVALID, "nominee_id"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				n := person(c.ID, "Trần Văn Bình", "", "")
				tc.edit(&n)
				wantCodeField(t, svc.CreateNominations([]khenthuong.Nomination{n}), tc.code, tc.field)
			})
		}
	})
}

func collectiveOf(campaignID uint64, name, unit string) khenthuong.Nomination {
	return khenthuong.Nomination{
		CampaignID: campaignID, FormCode: "BKCT",
		Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: name, Unit: unit},
		Status:  khenthuong.StatusSubmitted,
	}
}

// nominationList lists the IDs of nominations, for compact comparisons.
func nominationList(ns []khenthuong.Nomination) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n.ID)
	}
	return strings.Join(parts, ",")
}

// wantCodeField is wantCode that also checks the field the error names.
func wantCodeField(t testing.TB, err error, code, field string) *khenthuong.Error {
	t.Helper()
	wantCode(t, err, code)
	var e *khenthuong.Error
	errors.As(err, &e)
	if e.Field != field {
		t.Fatalf("field = %q (%q), want %q", e.Field, e.Message, field)
	}
	return e
}
