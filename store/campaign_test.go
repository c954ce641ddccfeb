package store

import (
	"testing"

	"khenthuong"
)

func TestCampaigns(t *testing.T) {
	db := openTest(t)

	t.Run("CreateSetsIDAndTimes", func(t *testing.T) {
		c := createCampaign(t, db, "  Tổng kết   phong trào 2014 - 2023 ")
		if c.ID == 0 || c.CreatedAt.IsZero() || !c.UpdatedAt.Equal(c.CreatedAt) {
			t.Fatalf("created = %+v", c)
		}
		if c.Name != "Tổng kết phong trào 2014 - 2023" {
			t.Errorf("name not cleaned: %q", c.Name)
		}
		got, err := db.Campaign(c.ID)
		mustNil(t, err)
		if got.Name != c.Name || !got.CreatedAt.Equal(c.CreatedAt) || got.CeremonyDate != c.CeremonyDate {
			t.Errorf("read back %+v, want %+v", got, c)
		}
	})

	t.Run("NewestFirst", func(t *testing.T) {
		a := createCampaign(t, db, "Đợt A")
		b := createCampaign(t, db, "Đợt B")
		cs, err := db.Campaigns()
		mustNil(t, err)
		if len(cs) < 2 || cs[0].ID != b.ID || cs[1].ID != a.ID {
			t.Fatalf("order = %v, want %d then %d first", cs, b.ID, a.ID)
		}
	})

	t.Run("UpdateKeepsCreatedAt", func(t *testing.T) {
		c := createCampaign(t, db, "Đợt cũ")
		created := c.CreatedAt
		c.Name = "Đợt mới"
		c.CreatedAt = created.AddDate(-1, 0, 0) // the caller cannot rewrite history
		mustNil(t, db.UpdateCampaign(c))
		got, err := db.Campaign(c.ID)
		mustNil(t, err)
		if got.Name != "Đợt mới" || !got.CreatedAt.Equal(created) || !got.UpdatedAt.After(created) {
			t.Errorf("after update %+v", got)
		}
	})

	t.Run("DeleteEmpty", func(t *testing.T) {
		c := createCampaign(t, db, "Đợt xóa")
		mustNil(t, db.DeleteCampaign(c.ID))
		_, err := db.Campaign(c.ID)
		wantCode(t, err, khenthuong.ENOTFOUND, "")
	})

	t.Run("DeleteWithNominationsConflicts", func(t *testing.T) {
		c := createCampaign(t, db, "Đợt có đề nghị")
		mustNil(t, db.CreateNominations([]khenthuong.Nomination{person(c.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")}))
		wantCode(t, db.DeleteCampaign(c.ID), khenthuong.ECONFLICT, "")
	})

	for _, tc := range []struct {
		name  string
		edit  func(c *khenthuong.Campaign)
		field string
	}{
		{"NoName", func(c *khenthuong.Campaign) { c.Name = "  " }, "name"},
		{"BadType", func(c *khenthuong.Campaign) { c.Type = "khac" }, "type"},
		{"EndBeforeStart", func(c *khenthuong.Campaign) { c.To = khenthuong.MustDate("2010-01-01") }, "to"},
		{"NegativeQuota", func(c *khenthuong.Campaign) { c.Quotas = map[string]int{"BKCT": -1} }, "quotas"},
	} {
		t.Run("Invalid"+tc.name, func(t *testing.T) {
			c := campaign("Đợt hợp lệ")
			tc.edit(c)
			wantCode(t, db.CreateCampaign(c), khenthuong.EINVALID, tc.field)
			if c.ID != 0 {
				t.Errorf("a refused campaign got ID %d", c.ID)
			}
		})
	}

	t.Run("MissingIsNotFound", func(t *testing.T) {
		_, err := db.Campaign(9999)
		wantCode(t, err, khenthuong.ENOTFOUND, "")
		c := campaign("Không có")
		c.ID = 9999
		wantCode(t, db.UpdateCampaign(c), khenthuong.ENOTFOUND, "")
		wantCode(t, db.DeleteCampaign(9999), khenthuong.ENOTFOUND, "")
	})
}
