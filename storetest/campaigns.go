package storetest

import (
	"testing"

	"khenthuong"
)

func init() { register("Campaigns", testCampaigns) }

func testCampaigns(t *testing.T, h Harness) {
	svc := open(t, h)

	t.Run("CreateSetsIDAndTimes", func(t *testing.T) {
		c := createCampaign(t, svc, "  Tổng kết   phong trào 2014 - 2023 ")
		if c.ID == 0 || c.CreatedAt.IsZero() {
			t.Fatalf("created = %+v", c)
		}
		got, err := svc.Campaign(c.ID)
		mustNil(t, err)
		if got.Name != "Tổng kết phong trào 2014 - 2023" || !got.CreatedAt.Equal(c.CreatedAt) {
			t.Errorf("read back %+v, want the cleaned name and %v", got, c.CreatedAt)
		}
	})

	t.Run("NewestFirst", func(t *testing.T) {
		a := createCampaign(t, svc, "Đợt A")
		b := createCampaign(t, svc, "Đợt B")
		cs, err := svc.Campaigns()
		mustNil(t, err)
		if len(cs) < 2 || cs[0].ID != b.ID || cs[1].ID != a.ID {
			t.Fatalf("order = %v, want %d then %d first", cs, b.ID, a.ID)
		}
	})

	t.Run("UnknownIsNotFound", func(t *testing.T) {
		_, err := svc.Campaign(987654)
		wantCode(t, err, khenthuong.ENOTFOUND)
	})

	t.Run("InvalidIsRefused", func(t *testing.T) {
		wantCode(t, svc.CreateCampaign(&khenthuong.Campaign{Name: "   "}), khenthuong.EINVALID)
	})

	t.Run("DeleteWithNominationsConflicts", func(t *testing.T) {
		c := createCampaign(t, svc, "Đợt có đề nghị")
		mustNil(t, svc.CreateNominations([]khenthuong.Nomination{person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")}))
		wantCode(t, svc.DeleteCampaign(c.ID), khenthuong.ECONFLICT)
		empty := createCampaign(t, svc, "Đợt trống")
		mustNil(t, svc.DeleteCampaign(empty.ID))
		_, err := svc.Campaign(empty.ID)
		wantCode(t, err, khenthuong.ENOTFOUND)
	})
}
