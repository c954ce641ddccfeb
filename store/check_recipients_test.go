package store

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// TestCheckNamesADamagedRecipient: a recipient changed on disk is named by
// its decision and line, in Vietnamese, not by its key in hex.
func TestCheckNamesADamagedRecipient(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	c := createCampaign(t, db, "Tổng kết phong trào 2014 - 2023")
	ns := []khenthuong.Nomination{
		person(c.ID, "Nguyễn Văn An", "Trưởng Công an xã", "Công an xã Tân Lập"),
		person(c.ID, "Trương Văn Bình", "Phó Trưởng Công an xã", "Công an xã Tân Lập"),
	}
	mustNil(t, db.CreateNominations(ns))
	mustNil(t, db.SetStatus(nominationIDs(ns), khenthuong.StatusApproved, ""))
	d := draft(c, "2872/QĐ-UBND", "2024-06-03")
	mustNil(t, db.CreateDecision(d, nominationIDs(ns)))
	mustNil(t, db.Close())
	plant(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRecipients)
		k := recipientKey(d.ID, 1)
		v := bytes.Clone(b.Get(k))
		i := bytes.Index(v, []byte("Trương"))
		if i < 0 {
			return fmt.Errorf("no “Trương” in the second recipient: %s", v)
		}
		v[i+len("Trư")] ^= 0x01
		return b.Put(k, v)
	})
	problems, err := CheckFile(path)
	mustNil(t, err)
	want := fmt.Sprintf("Quyết định số %d: Bản ghi dòng 2 của danh sách bị hỏng: %s", d.ID, reasonSum)
	if len(problems) != 1 || problems[0].Label() != want {
		t.Fatalf("problems %v, want %q", problems, want)
	}
}
