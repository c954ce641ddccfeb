package store

import (
	"path/filepath"
	"testing"

	"khenthuong"
)

func TestTemplates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	db := openAt(t, path, testOptions())
	t.Run("DefaultUntilSaved", func(t *testing.T) {
		_, err := db.Template("BKCT")
		wantCode(t, err, khenthuong.ENOTFOUND, "")
	})
	t.Run("SaveAndReadBack", func(t *testing.T) {
		mustNil(t, db.SaveTemplate(" bkct ", []byte(`{"name":"Mẫu của Sở"}`)))
		got, err := db.Template("BKCT")
		mustNil(t, err)
		if string(got) != `{"name":"Mẫu của Sở"}` {
			t.Errorf("template = %s", got)
		}
	})
	t.Run("UnknownFormRefused", func(t *testing.T) {
		wantCode(t, db.SaveTemplate("NOPE", []byte(`{}`)), khenthuong.ENOTFOUND, "")
	})
	t.Run("NotJSONRefused", func(t *testing.T) {
		wantCode(t, db.SaveTemplate("BKCT", []byte(`{`)), khenthuong.EINVALID, "")
	})
	t.Run("DeleteGoesBackToDefault", func(t *testing.T) {
		mustNil(t, db.DeleteTemplate("BKCT"))
		_, err := db.Template("BKCT")
		wantCode(t, err, khenthuong.ENOTFOUND, "")
		recs, err := db.Audit(entityTemplate, "BKCT")
		mustNil(t, err)
		if len(recs) != 2 {
			t.Errorf("%d audit records for the template, want 2", len(recs))
		}
	})
}

func TestPrinters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	db := openAt(t, path, testOptions())
	mustNil(t, db.SavePrinter(&khenthuong.PrinterProfile{Name: "Máy in phòng Khen thưởng", OffsetX: 1.5, OffsetY: -2}))
	mustNil(t, db.SavePrinter(&khenthuong.PrinterProfile{Name: "HP LaserJet P2035", OffsetX: 0.5}))
	t.Run("SameNameUpdates", func(t *testing.T) {
		mustNil(t, db.SavePrinter(&khenthuong.PrinterProfile{Name: "may in  phong khen thuong", OffsetX: 3, OffsetY: 4, Scale: 1.01}))
		p, err := db.Printer("MÁY IN PHÒNG KHEN THƯỞNG")
		mustNil(t, err)
		if p.OffsetX != 3 || p.OffsetY != 4 || p.Scale != 1.01 {
			t.Errorf("profile = %+v", p)
		}
		ps, err := db.Printers()
		mustNil(t, err)
		if len(ps) != 2 {
			t.Errorf("%d profiles, want 2", len(ps))
		}
	})
	t.Run("ZeroScaleMeansOne", func(t *testing.T) {
		p, err := db.Printer("hp laserjet p2035")
		mustNil(t, err)
		if p.Scale != 1 {
			t.Errorf("scale = %v", p.Scale)
		}
	})
	t.Run("Invalid", func(t *testing.T) {
		wantCode(t, db.SavePrinter(&khenthuong.PrinterProfile{Name: "X", OffsetX: 80}), khenthuong.EINVALID, "offset_x")
		wantCode(t, db.SavePrinter(&khenthuong.PrinterProfile{Name: " "}), khenthuong.EINVALID, "name")
		wantCode(t, db.SavePrinter(&khenthuong.PrinterProfile{Name: "X", Scale: 3}), khenthuong.EINVALID, "scale")
	})
	t.Run("Delete", func(t *testing.T) {
		mustNil(t, db.DeletePrinter("HP LaserJet P2035"))
		_, err := db.Printer("HP LaserJet P2035")
		wantCode(t, err, khenthuong.ENOTFOUND, "")
		wantCode(t, db.DeletePrinter("HP LaserJet P2035"), khenthuong.ENOTFOUND, "")
	})
	t.Run("KeptAfterReopen", func(t *testing.T) {
		mustNil(t, db.Close())
		db2 := openAt(t, path, testOptions())
		if _, err := db2.Printer("máy in phòng khen thưởng"); err != nil {
			t.Error(err)
		}
		if problems, err := db2.Check(); err != nil || len(problems) != 0 {
			t.Errorf("check: %v %v", problems, err)
		}
	})
}
