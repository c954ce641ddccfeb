package store

import (
	"slices"
	"testing"

	"khenthuong"
)

func TestMoveNominations(t *testing.T) {
	setup := func(t *testing.T) (*DB, *khenthuong.Campaign, *khenthuong.Campaign, []khenthuong.Nomination) {
		db := openTest(t)
		from, to := createCampaign(t, db, "Tổng kết 10 năm"), createCampaign(t, db, "Hằng năm 2024")
		ns := []khenthuong.Nomination{
			person(from.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
			collective(from.ID, "Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp"),
			person(from.ID, "Lê Văn Bình", "Chuyên viên", "Sở Tư pháp"),
			person(to.ID, "Nguyễn Văn Đức", "Trưởng Công an xã", "Công an xã Gio Linh"),
		}
		mustNil(t, db.CreateNominations(ns))
		return db, from, to, ns
	}
	names := func(t *testing.T, db *DB, c *khenthuong.Campaign) []string {
		got, err := db.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		var out []string
		for _, n := range got {
			out = append(out, n.Nominee.Name)
		}
		return out
	}

	t.Run("MovedToTheEndInTheOrderGiven", func(t *testing.T) {
		db, from, to, ns := setup(t)
		mustNil(t, db.MoveNominations([]uint64{ns[2].ID, ns[0].ID}, to.ID))
		if got := names(t, db, to); !slices.Equal(got, []string{"Nguyễn Văn Đức", "Lê Văn Bình", "Trương Quang Sáng"}) {
			t.Errorf("target campaign lists %q", got)
		}
		if got := names(t, db, from); !slices.Equal(got, []string{"Phòng Phổ biến, giáo dục pháp luật"}) {
			t.Errorf("source campaign keeps %q", got)
		}
		moved, err := db.Nomination(ns[2].ID)
		mustNil(t, err)
		if moved.Order != 2 || moved.NomineeID != ns[2].NomineeID {
			t.Errorf("moved: order %d, nominee %d (was %d)", moved.Order, moved.NomineeID, ns[2].NomineeID)
		}
		if got := auditActions(t, db, entityNomination, idKey(ns[2].ID)); !slices.Equal(got, []string{actionCreate, actionMove}) {
			t.Errorf("audit %q", got)
		}
		if probs, err := db.Check(); err != nil || len(probs) != 0 {
			t.Errorf("check after the move: %v, %v", probs, err)
		}
	})

	t.Run("AlreadyThereIsLeftAlone", func(t *testing.T) {
		db, _, to, ns := setup(t)
		mustNil(t, db.MoveNominations([]uint64{ns[3].ID}, to.ID))
		if got := auditActions(t, db, entityNomination, idKey(ns[3].ID)); !slices.Equal(got, []string{actionCreate}) {
			t.Errorf("audit %q", got)
		}
	})

	t.Run("Refused", func(t *testing.T) {
		for _, tc := range []struct {
			name  string
			ids   func(ns []khenthuong.Nomination) []uint64
			to    func(to *khenthuong.Campaign) uint64
			code  string
			field string
		}{
			{"NoCampaign", func(ns []khenthuong.Nomination) []uint64 { return []uint64{ns[0].ID} }, func(*khenthuong.Campaign) uint64 { return 999 }, khenthuong.ENOTFOUND, "campaign"},
			{"NoNomination", func(ns []khenthuong.Nomination) []uint64 { return []uint64{ns[0].ID, 999} }, func(c *khenthuong.Campaign) uint64 { return c.ID }, khenthuong.ENOTFOUND, ""},
			{"InADecision", func(ns []khenthuong.Nomination) []uint64 { return []uint64{ns[0].ID, ns[2].ID} }, func(c *khenthuong.Campaign) uint64 { return c.ID }, khenthuong.ECONFLICT, ""},
			{"Nothing", func([]khenthuong.Nomination) []uint64 { return nil }, func(c *khenthuong.Campaign) uint64 { return c.ID }, khenthuong.EINVALID, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				db, from, to, ns := setup(t)
				ns[2].Status = khenthuong.StatusApproved
				mustNil(t, db.UpdateNomination(&ns[2]))
				mustNil(t, db.CreateDecision(draft(from, "1234/QĐ-UBND", "2024-06-01"), []uint64{ns[2].ID}))
				before := export(t, db)
				wantCode(t, db.MoveNominations(tc.ids(ns), tc.to(to)), tc.code, tc.field)
				if export(t, db) != before {
					t.Error("the refused move changed the file")
				}
			})
		}
	})
}
