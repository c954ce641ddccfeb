package store

import (
	"testing"

	"khenthuong"
)

func TestForms(t *testing.T) {
	db := openTest(t)

	t.Run("SeededHighestRankFirst", func(t *testing.T) {
		fs, err := db.Forms()
		mustNil(t, err)
		if len(fs) != len(khenthuong.DefaultForms()) {
			t.Fatalf("%d forms, want the %d of the default catalogue", len(fs), len(khenthuong.DefaultForms()))
		}
		for i := 1; i < len(fs); i++ {
			if fs[i-1].Rank < fs[i].Rank {
				t.Fatalf("%s (rank %d) before %s (rank %d)", fs[i-1].Code, fs[i-1].Rank, fs[i].Code, fs[i].Rank)
			}
		}
	})

	t.Run("SaveCreatesThenReplaces", func(t *testing.T) {
		f := &khenthuong.AwardForm{Code: "bk bca", Name: "Bằng khen của Bộ Công an", Title: "BẰNG KHEN",
			Level: khenthuong.LevelMinistry, Kinds: []khenthuong.Kind{khenthuong.Individual}, Rank: 70}
		mustNil(t, db.SaveForm(f))
		got, err := db.Form("BKBCA")
		mustNil(t, err)
		if got.Name != f.Name || got.Series != "BKBCA" {
			t.Fatalf("read back %+v", got)
		}
		f.Rank = 75
		mustNil(t, db.SaveForm(f))
		if got, _ := db.Form(" bkbca "); got == nil || got.Rank != 75 {
			t.Fatalf("after replace %+v", got)
		}
	})

	t.Run("DeleteUnused", func(t *testing.T) {
		mustNil(t, db.DeleteForm("BKBCA"))
		_, err := db.Form("BKBCA")
		wantCode(t, err, khenthuong.ENOTFOUND, "")
		wantCode(t, db.DeleteForm("BKBCA"), khenthuong.ENOTFOUND, "")
	})

	t.Run("DeleteUsedConflicts", func(t *testing.T) {
		c := createCampaign(t, db, "Đợt")
		mustNil(t, db.CreateNominations([]khenthuong.Nomination{person(c.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp")}))
		wantCode(t, db.DeleteForm("BKCT"), khenthuong.ECONFLICT, "")
	})

	for _, tc := range []struct {
		name  string
		edit  func(f *khenthuong.AwardForm)
		field string
	}{
		{"NoCode", func(f *khenthuong.AwardForm) { f.Code = "" }, "code"},
		{"SlashInCode", func(f *khenthuong.AwardForm) { f.Code = "A/B" }, "code"},
		{"NoName", func(f *khenthuong.AwardForm) { f.Name = "" }, "name"},
		{"NoKinds", func(f *khenthuong.AwardForm) { f.Kinds = nil }, "kinds"},
		{"CoefficientWithoutDate", func(f *khenthuong.AwardForm) {
			f.Coefficients = []khenthuong.Coefficient{{Individual: 1}}
		}, "coefficients"},
	} {
		t.Run("Invalid"+tc.name, func(t *testing.T) {
			f := &khenthuong.AwardForm{Code: "X", Name: "Giấy khen", Kinds: []khenthuong.Kind{khenthuong.Individual}}
			tc.edit(f)
			wantCode(t, db.SaveForm(f), khenthuong.EINVALID, tc.field)
		})
	}
}
