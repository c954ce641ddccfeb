package store

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"khenthuong"
)

func TestNominations(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Tổng kết 10 năm")

	t.Run("CreateSetsIDsOrderAndNominees", func(t *testing.T) {
		ns := []khenthuong.Nomination{
			collective(c.ID, "Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp"),
			person(c.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
		}
		mustNil(t, db.CreateNominations(ns))
		for i, n := range ns {
			if n.ID == 0 || n.NomineeID == 0 || n.Order != i+1 || n.CreatedAt.IsZero() || n.Status != khenthuong.StatusSubmitted {
				t.Errorf("row %d stored as %+v", i, n)
			}
		}
		got, err := db.Nomination(ns[1].ID)
		mustNil(t, err)
		if got.Nominee.DisplayName() != "Ông Trương Quang Sáng" || got.NomineeID != ns[1].NomineeID {
			t.Errorf("read back %+v", got.Nominee)
		}
		nominee, err := db.Nominee(ns[1].NomineeID)
		mustNil(t, err)
		if nominee.Name != "Trương Quang Sáng" {
			t.Errorf("nominee snapshot %+v", nominee)
		}
	})

	t.Run("OrderContinuesAfterTheLast", func(t *testing.T) {
		c2 := createCampaign(t, db, "Đợt thứ tự")
		first := []khenthuong.Nomination{person(c2.ID, "A", "", ""), person(c2.ID, "B", "", "")}
		first[1].Order = 10
		mustNil(t, db.CreateNominations(first))
		next := []khenthuong.Nomination{person(c2.ID, "C", "", ""), person(c2.ID, "D", "", "")}
		mustNil(t, db.CreateNominations(next))
		if first[0].Order != 1 || first[1].Order != 10 || next[0].Order != 11 || next[1].Order != 12 {
			t.Fatalf("orders %d %d %d %d, want 1 10 11 12", first[0].Order, first[1].Order, next[0].Order, next[1].Order)
		}
		list, err := db.Nominations(khenthuong.NominationFilter{CampaignID: c2.ID})
		mustNil(t, err)
		if got, want := ids(list), ids(append(first, next...)); got != want {
			t.Fatalf("list order %s, want %s", got, want)
		}
	})

	t.Run("SameNomineeAgain", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")}
		mustNil(t, db.CreateNominations(ns))
		again := person(c.ID, "Lê Văn Tiến", "Chỉ huy trưởng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")
		again.NomineeID = ns[0].NomineeID
		again.FormCode = "CSTDT"
		batch := []khenthuong.Nomination{again}
		mustNil(t, db.CreateNominations(batch))
		list, err := db.Nominations(khenthuong.NominationFilter{NomineeID: ns[0].NomineeID})
		mustNil(t, err)
		if len(list) != 2 {
			t.Fatalf("%d nominations of the nominee, want 2", len(list))
		}
		latest, _ := db.Nominee(ns[0].NomineeID)
		if latest.Position != "Chỉ huy trưởng" {
			t.Errorf("nominee snapshot not the latest: %+v", latest)
		}
	})

	t.Run("AllOrNothing", func(t *testing.T) {
		before, err := db.Nominations(khenthuong.NominationFilter{})
		mustNil(t, err)
		bad := person(c.ID, "Nguyễn Thị Hoa", "", "")
		bad.FormCode = "KHONGCO"
		ns := []khenthuong.Nomination{person(c.ID, "Phan Văn Một", "", ""), bad, person(c.ID, "Phan Văn Ba", "", "")}
		e := wantCode(t, db.CreateNominations(ns), khenthuong.EINVALID, "form")
		if !strings.HasPrefix(e.Message, "Dòng 2: ") {
			t.Errorf("message %q does not name the row", e.Message)
		}
		after, err := db.Nominations(khenthuong.NominationFilter{})
		mustNil(t, err)
		if len(after) != len(before) || ns[0].ID != 0 {
			t.Fatalf("a refused batch left %d new rows (first row ID %d)", len(after)-len(before), ns[0].ID)
		}
		// Nothing leaks into the sequences' users either: the next create still works in order.
		recs, _ := db.Audit(entityNomination, "")
		for _, r := range recs {
			if strings.Contains(string(r.After), "Phan Văn Một") {
				t.Fatal("audit record of a refused batch")
			}
		}
	})

	t.Run("UpdateAndStatus", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Hồ Thị Thủy", "Kế toán", "Sở Tài chính")}
		mustNil(t, db.CreateNominations(ns))
		n := ns[0]
		n.Status = khenthuong.StatusRejected
		wantCode(t, db.UpdateNomination(&n), khenthuong.EINVALID, "reject_reason")
		n.RejectReason = "Chưa đủ hồ sơ"
		n.NomineeID, n.Order = 0, 0 // kept from the stored record
		mustNil(t, db.UpdateNomination(&n))
		got, _ := db.Nomination(n.ID)
		if got.Status != khenthuong.StatusRejected || got.NomineeID != ns[0].NomineeID || got.Order != ns[0].Order ||
			!got.CreatedAt.Equal(ns[0].CreatedAt) || !got.UpdatedAt.After(ns[0].UpdatedAt) {
			t.Fatalf("after update %+v", got)
		}
		got.Status = khenthuong.StatusDraft // rejected -> draft is not a review step
		wantCode(t, db.UpdateNomination(got), khenthuong.EINVALID, "status")
	})

	t.Run("Delete", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Đỗ Văn Xóa", "", "")}
		mustNil(t, db.CreateNominations(ns))
		mustNil(t, db.DeleteNomination(ns[0].ID))
		_, err := db.Nomination(ns[0].ID)
		wantCode(t, err, khenthuong.ENOTFOUND, "")
		wantCode(t, db.DeleteNomination(ns[0].ID), khenthuong.ENOTFOUND, "")
		if list, _ := db.Nominations(khenthuong.NominationFilter{Query: "do van xoa"}); len(list) != 0 {
			t.Fatalf("deleted nomination still found: %v", ids(list))
		}
	})

	t.Run("NFDStoredAsNFC", func(t *testing.T) {
		nfd := norm.NFD.String("Nguyễn Thị Ánh Tuyết")
		ns := []khenthuong.Nomination{person(c.ID, nfd, norm.NFD.String("Trưởng phòng"), norm.NFD.String("Sở Nội vụ"))}
		mustNil(t, db.CreateNominations(ns))
		got, _ := db.Nomination(ns[0].ID)
		for _, s := range []string{got.Nominee.Name, got.Nominee.Position, got.Nominee.Unit} {
			if !norm.NFC.IsNormalString(s) {
				t.Errorf("%q stored as NFD", s)
			}
		}
		if got.Nominee.Name != "Nguyễn Thị Ánh Tuyết" {
			t.Errorf("name %q", got.Nominee.Name)
		}
	})

	t.Run("InDecisionConflicts", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Võ Văn Quyết", "", "")}
		mustNil(t, db.CreateNominations(ns))
		d := khenthuong.Decision{ID: 1, CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND",
			Status: khenthuong.DecisionIssued, Recipients: []khenthuong.Recipient{{NominationID: ns[0].ID}}}
		mustNil(t, db.bolt.Update(func(tx *bolt.Tx) error {
			if _, err := putDecision(tx, &d); err != nil {
				return err
			}
			return db.indexDecision(tx, &d)
		}))
		n := ns[0]
		n.Notes = "sửa"
		wantCode(t, db.UpdateNomination(&n), khenthuong.ECONFLICT, "")
		wantCode(t, db.DeleteNomination(n.ID), khenthuong.ECONFLICT, "")
		mustNil(t, db.bolt.Update(func(tx *bolt.Tx) error {
			if err := db.unindexDecision(tx, &d); err != nil {
				return err
			}
			return deleteDecision(tx, d.ID)
		}))
	})
}

func TestNominationValidationNamesField(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	for _, tc := range []struct {
		name  string
		edit  func(n *khenthuong.Nomination)
		code  string
		field string
	}{
		{"NoName", func(n *khenthuong.Nomination) { n.Nominee.Name = "" }, khenthuong.EINVALID, "name"},
		{"BadKind", func(n *khenthuong.Nomination) { n.Nominee.Kind = "nhom" }, khenthuong.EINVALID, "kind"},
		{"BadGender", func(n *khenthuong.Nomination) { n.Nominee.Gender = "x" }, khenthuong.EINVALID, "gender"},
		{"NoCampaign", func(n *khenthuong.Nomination) { n.CampaignID = 0 }, khenthuong.EINVALID, "campaign"},
		{"NoForm", func(n *khenthuong.Nomination) { n.FormCode = "" }, khenthuong.EINVALID, "form"},
		{"UnknownForm", func(n *khenthuong.Nomination) { n.FormCode = "XYZ" }, khenthuong.EINVALID, "form"},
		{"FormNotForKind", func(n *khenthuong.Nomination) { n.FormCode = "CTDT" }, khenthuong.EINVALID, "form"},
		{"BadStatus", func(n *khenthuong.Nomination) { n.Status = "ok" }, khenthuong.EINVALID, "status"},
		{"NegativeOrder", func(n *khenthuong.Nomination) { n.Order = -1 }, khenthuong.EINVALID, "order"},
		{"MissingCampaign", func(n *khenthuong.Nomination) { n.CampaignID = 999 }, khenthuong.ENOTFOUND, "campaign"},
		{"MissingNominee", func(n *khenthuong.Nomination) { n.NomineeID = 999 }, khenthuong.EINVALID, "nominee_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := person(c.ID, "Trần Văn Bình", "", "")
			tc.edit(&n)
			wantCode(t, db.CreateNominations([]khenthuong.Nomination{n}), tc.code, tc.field)
		})
	}
}
