package store

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"khenthuong"
)

// FuzzOpenFile feeds arbitrary bytes as a data file: Open and Check must
// answer with an error or problems, never crash or hang, and a file that
// passes Check must be readable.
func FuzzOpenFile(f *testing.F) {
	dir := f.TempDir()
	good := filepath.Join(dir, "good.db")
	db, err := Open(good, Options{NoBackup: true})
	if err != nil {
		f.Fatal(err)
	}
	c := campaign("Đợt")
	if err := db.CreateCampaign(c); err != nil {
		f.Fatal(err)
	}
	if err := db.CreateNominations([]khenthuong.Nomination{person(c.ID, "Nguyễn Văn Tình", "", "")}); err != nil {
		f.Fatal(err)
	}
	_ = db.Close()
	b, err := os.ReadFile(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{})
	f.Add([]byte("not a database"))
	f.Add(b[:4096])
	f.Add(b[:3*4096])
	// A letter of a record changed (issue 17): its checksum must catch it.
	if i := bytes.Index(b, []byte("Tình")); i > 0 {
		flipped := bytes.Clone(b)
		flipped[i] ^= 0x01
		f.Add(flipped)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := Open(path, Options{NoBackup: true, Timeout: time.Second})
		if len(data) == 0 {
			// An emptied data file is never made a new database (issue 17).
			if khenthuong.ErrorCode(err) != khenthuong.ECORRUPT {
				t.Fatalf("an empty file: %v", err)
			}
			if fi, _ := os.Stat(path); fi.Size() != 0 {
				t.Fatal("the empty file was written")
			}
		}
		if err != nil {
			if khenthuong.ErrorCode(err) == "" {
				t.Fatal("nil-coded error")
			}
			return
		}
		defer db.Close()
		if problems, err := db.Check(); err != nil || len(problems) > 0 {
			return
		}
		_, _ = db.Nominations(khenthuong.NominationFilter{Query: "nguyen"})
		_ = db.ExportJSON(io.Discard)
	})
}

// FuzzSearchValue checks that index values read back as written and that
// any bytes are rejected or read without a crash.
func FuzzSearchValue(f *testing.F) {
	f.Add(uint64(1), uint64(2), 3, "canhan", "BKCT", "submitted", "so tu phap", "giam doc", []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, c, n uint64, order int, kind, form, status, unit, position string, junk []byte) {
		if order < 0 {
			order = -order
		}
		v := searchValue{CampaignID: c, NomineeID: n, Order: order, Kind: khenthuong.Kind(kind), FormCode: form,
			Status: khenthuong.Status(status), Unit: unit, Position: position}
		var back searchValue
		if err := back.UnmarshalBinary(v.MarshalBinary()); err != nil || back != v {
			t.Fatalf("round trip %+v -> %+v (%v)", v, back, err)
		}
		_ = back.UnmarshalBinary(junk)
		if !bytes.Equal(v.MarshalBinary(), v.MarshalBinary()) {
			t.Fatal("encoding not deterministic")
		}
	})
}
