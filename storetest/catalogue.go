package storetest

import (
	"reflect"
	"testing"

	"khenthuong"
)

func init() {
	register("Forms", testForms)
	register("Settings", testSettings)
	register("PrintTemplatesAndPrinters", testPrintSetup)
}

func testForms(t *testing.T, h Harness) {
	svc := open(t, h)

	t.Run("SeededHighestRankFirst", func(t *testing.T) {
		fs, err := svc.Forms()
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
		mustNil(t, svc.SaveForm(f))
		got, err := svc.Form("BKBCA")
		mustNil(t, err)
		if got.Name != f.Name || got.Series != "BKBCA" {
			t.Fatalf("read back %+v", got)
		}
		f.Rank = 75
		mustNil(t, svc.SaveForm(f))
		if got, _ := svc.Form(" bkbca "); got == nil || got.Rank != 75 {
			t.Fatalf("after replace %+v", got)
		}
	})
	t.Run("DeleteUnused", func(t *testing.T) {
		mustNil(t, svc.DeleteForm("BKBCA"))
		_, err := svc.Form("BKBCA")
		wantCode(t, err, khenthuong.ENOTFOUND)
		wantCode(t, svc.DeleteForm("BKBCA"), khenthuong.ENOTFOUND)
	})
	t.Run("DeleteUsedConflicts", func(t *testing.T) {
		c := createCampaign(t, svc, "Đợt")
		mustNil(t, svc.CreateNominations([]khenthuong.Nomination{person(c.ID, "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp")}))
		wantCode(t, svc.DeleteForm("BKCT"), khenthuong.ECONFLICT)
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
			wantCodeField(t, svc.SaveForm(f), khenthuong.EINVALID, tc.field)
		})
	}
}

func testSettings(t *testing.T, h Harness) {
	svc := open(t, h)

	t.Run("SeededWithDefaults", func(t *testing.T) {
		s, err := svc.Settings()
		mustNil(t, err)
		want := khenthuong.DefaultSettings()
		want.Normalize()
		if !reflect.DeepEqual(s, want) {
			t.Fatalf("settings = %+v, want %+v", s, want)
		}
	})
	t.Run("SaveAndRead", func(t *testing.T) {
		s, err := svc.Settings()
		mustNil(t, err)
		s.Province, s.Place = "Quảng  Trị", "Đông Hà"
		s.Rounding = khenthuong.RoundNearest10k
		mustNil(t, svc.SaveSettings(&s))
		got, err := svc.Settings()
		mustNil(t, err)
		if got.Province != "Quảng Trị" || got.Place != "Đông Hà" || got.Rounding != khenthuong.RoundNearest10k {
			t.Fatalf("read back %+v", got)
		}
	})
	for _, tc := range []struct {
		name  string
		edit  func(s *khenthuong.Settings)
		field string
	}{
		{"NoPlace", func(s *khenthuong.Settings) { s.Place = "" }, "place"},
		{"ZeroSalary", func(s *khenthuong.Settings) { s.BaseSalaries[0].Amount = 0 }, "base_salaries"},
		{"BadRounding", func(s *khenthuong.Settings) { s.Rounding = "up5" }, "rounding"},
	} {
		t.Run("Invalid"+tc.name, func(t *testing.T) {
			s := khenthuong.DefaultSettings()
			tc.edit(&s)
			wantCodeField(t, svc.SaveSettings(&s), khenthuong.EINVALID, tc.field)
		})
	}
}

func testPrintSetup(t *testing.T, h Harness) {
	svc := open(t, h)

	t.Run("TemplateDefaultUntilSaved", func(t *testing.T) {
		_, err := svc.Template("BKCT")
		wantCode(t, err, khenthuong.ENOTFOUND)
		mustNil(t, svc.SaveTemplate(" bkct ", []byte(`{"name":"Mẫu của Sở"}`)))
		got, err := svc.Template("BKCT")
		mustNil(t, err)
		if string(got) != `{"name":"Mẫu của Sở"}` {
			t.Errorf("template = %s", got)
		}
		wantCode(t, svc.SaveTemplate("NOPE", []byte(`{}`)), khenthuong.ENOTFOUND)
		wantCode(t, svc.SaveTemplate("BKCT", []byte(`{`)), khenthuong.EINVALID)
		mustNil(t, svc.DeleteTemplate("BKCT"))
		_, err = svc.Template("BKCT")
		wantCode(t, err, khenthuong.ENOTFOUND)
	})
	t.Run("PrintersByFoldedName", func(t *testing.T) {
		mustNil(t, svc.SavePrinter(&khenthuong.PrinterProfile{Name: "Máy in phòng Khen thưởng", OffsetX: 1.5, OffsetY: -2}))
		mustNil(t, svc.SavePrinter(&khenthuong.PrinterProfile{Name: "HP LaserJet P2035", OffsetX: 0.5}))
		mustNil(t, svc.SavePrinter(&khenthuong.PrinterProfile{Name: "may in  phong khen thuong", OffsetX: 3, OffsetY: 4, Scale: 1.01}))
		p, err := svc.Printer("MÁY IN PHÒNG KHEN THƯỞNG")
		mustNil(t, err)
		if p.OffsetX != 3 || p.OffsetY != 4 || p.Scale != 1.01 {
			t.Errorf("profile = %+v", p)
		}
		ps, err := svc.Printers()
		mustNil(t, err)
		if len(ps) != 2 {
			t.Errorf("%d profiles, want 2", len(ps))
		}
		if p, err := svc.Printer("hp laserjet p2035"); err != nil || p.Scale != 1 {
			t.Errorf("zero scale read back as %+v (%v), want 1", p, err)
		}
		wantCodeField(t, svc.SavePrinter(&khenthuong.PrinterProfile{Name: "X", OffsetX: 80}), khenthuong.EINVALID, "offset_x")
		mustNil(t, svc.DeletePrinter("HP LaserJet P2035"))
		_, err = svc.Printer("HP LaserJet P2035")
		wantCode(t, err, khenthuong.ENOTFOUND)
		wantCode(t, svc.DeletePrinter("HP LaserJet P2035"), khenthuong.ENOTFOUND)
	})
}
