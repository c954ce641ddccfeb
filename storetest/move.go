package storetest

import (
	"slices"
	"testing"

	"khenthuong"
)

func init() { register("MoveNominations", testMoveNominations) }

func testMoveNominations(t *testing.T, h Harness) {
	setup := func(t *testing.T) (khenthuong.Services, *khenthuong.Campaign, *khenthuong.Campaign, []khenthuong.Nomination) {
		svc := open(t, h)
		from, to := createCampaign(t, svc, "Tổng kết 10 năm"), createCampaign(t, svc, "Hằng năm 2024")
		ns := []khenthuong.Nomination{
			person(from.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
			collectiveOf(from.ID, "Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp"),
			person(from.ID, "Lê Văn Bình", "Chuyên viên", "Sở Tư pháp"),
			person(to.ID, "Nguyễn Văn Đức", "Trưởng Công an xã", "Công an xã Gio Linh"),
		}
		mustNil(t, svc.CreateNominations(ns))
		return svc, from, to, ns
	}
	names := func(t *testing.T, svc khenthuong.Services, c *khenthuong.Campaign) []string {
		got, err := svc.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		var out []string
		for _, n := range got {
			out = append(out, n.Nominee.Name)
		}
		return out
	}

	t.Run("MovedToTheEndInTheOrderGiven", func(t *testing.T) {
		svc, from, to, ns := setup(t)
		mustNil(t, svc.MoveNominations([]uint64{ns[2].ID, ns[0].ID}, to.ID))
		if got := names(t, svc, to); !slices.Equal(got, []string{"Nguyễn Văn Đức", "Lê Văn Bình", "Trương Quang Sáng"}) {
			t.Errorf("target campaign lists %q", got)
		}
		if got := names(t, svc, from); !slices.Equal(got, []string{"Phòng Phổ biến, giáo dục pháp luật"}) {
			t.Errorf("source campaign keeps %q", got)
		}
		moved, err := svc.Nomination(ns[2].ID)
		mustNil(t, err)
		if moved.CampaignID != to.ID || moved.NomineeID != ns[2].NomineeID {
			t.Errorf("moved: campaign %d, nominee %d (was %d)", moved.CampaignID, moved.NomineeID, ns[2].NomineeID)
		}
	})

	t.Run("Refused", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			ids  func(ns []khenthuong.Nomination) []uint64
			to   func(to *khenthuong.Campaign) uint64
			code string
		}{
			{"NoCampaign", func(ns []khenthuong.Nomination) []uint64 { return []uint64{ns[0].ID} }, func(*khenthuong.Campaign) uint64 { return 999 }, khenthuong.ENOTFOUND},
			{"NoNomination", func(ns []khenthuong.Nomination) []uint64 { return []uint64{ns[0].ID, 999} }, func(c *khenthuong.Campaign) uint64 { return c.ID }, khenthuong.ENOTFOUND},
			{"InADecision", func(ns []khenthuong.Nomination) []uint64 { return []uint64{ns[0].ID, ns[2].ID} }, func(c *khenthuong.Campaign) uint64 { return c.ID }, khenthuong.ECONFLICT},
			{"Nothing", func([]khenthuong.Nomination) []uint64 { return nil }, func(c *khenthuong.Campaign) uint64 { return c.ID }, khenthuong.EINVALID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				svc, from, to, ns := setup(t)
				mustNil(t, svc.SetStatus([]uint64{ns[2].ID}, khenthuong.StatusApproved, ""))
				mustNil(t, svc.CreateDecision(draftOf(from, "1234/QĐ-UBND", "2024-06-01"), []uint64{ns[2].ID}))
				wantCode(t, svc.MoveNominations(tc.ids(ns), tc.to(to)), tc.code)
				if got := names(t, svc, from); len(got) != 3 {
					t.Errorf("refused move changed the source campaign: %q", got)
				}
			})
		}
	})
}
