package store

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestVerifyTreeFindsWhatBboltFinds damages a file's free list and a leaf's
// key order, where bbolt's own check (Tx.Check, which Check no longer runs:
// it swelled the process by the pages it maps) reports them, and wants
// verifyTree to report them too, and Check to tell the clerk.
func TestVerifyTreeFindsWhatBboltFinds(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, data []byte, pageSize int, freelist uint64)
	}{
		{"Clean", func(*testing.T, []byte, int, uint64) {}},
		{"PageFreedTwice", func(t *testing.T, data []byte, pageSize int, freelist uint64) {
			page := data[int(freelist)*pageSize:]
			if binary.LittleEndian.Uint16(page[10:]) < 2 {
				t.Fatal("the fixture has fewer than two free pages: this case would test nothing")
			}
			copy(page[pageHeaderSize+8:], page[pageHeaderSize:pageHeaderSize+8])
		}},
		{"PageLost", func(t *testing.T, data []byte, pageSize int, freelist uint64) {
			page := data[int(freelist)*pageSize:]
			n := binary.LittleEndian.Uint16(page[10:])
			if n == 0 {
				t.Fatal("the fixture's free list is empty: this case would test nothing")
			}
			binary.LittleEndian.PutUint16(page[10:], n-1) // the last free page is neither free nor used
		}},
		{"KeysOutOfOrder", func(t *testing.T, data []byte, pageSize int, _ uint64) {
			for p := 2; (p+1)*pageSize <= len(data); p++ {
				page := data[p*pageSize:]
				if binary.LittleEndian.Uint64(page) != uint64(p) || binary.LittleEndian.Uint16(page[8:]) != leafPageFlag ||
					binary.LittleEndian.Uint16(page[10:]) < 2 || binary.LittleEndian.Uint32(page[16:])&bucketLeafFlag != 0 {
					continue
				}
				// Swap the first two elements; their positions count from each element.
				e0, e1 := page[16:32], page[32:48]
				pos0, pos1 := binary.LittleEndian.Uint32(e0[4:]), binary.LittleEndian.Uint32(e1[4:])
				var tmp [16]byte
				copy(tmp[:], e0)
				copy(e0, e1)
				copy(e1, tmp[:])
				binary.LittleEndian.PutUint32(e0[4:], pos1+pageElementSize)
				binary.LittleEndian.PutUint32(e1[4:], pos0-pageElementSize)
				return
			}
			t.Fatal("the fixture has no leaf page of two records: this case would test nothing")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "khenthuong.db")
			db := openAt(t, path, testOptions())
			fill(t, db)
			for i := range 5 { // free some pages
				createCampaign(t, db, "Đợt "+string(rune('A'+i)))
			}
			mustNil(t, db.Close())
			bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
			mustNil(t, err)
			pageSize := bdb.Info().PageSize
			var freelist uint64
			mustNil(t, bdb.View(func(tx *bolt.Tx) error {
				freelist, err = currentFreeList(path, pageSize, tx)
				return err
			}))
			mustNil(t, bdb.Close())
			data, err := os.ReadFile(path)
			mustNil(t, err)
			tc.damage(t, data, pageSize, freelist)
			mustNil(t, os.WriteFile(path, data, 0o600))

			bdb, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
			mustNil(t, err)
			var bboltFound, ours []error
			mustNil(t, bdb.View(func(tx *bolt.Tx) error {
				for err := range tx.Check() {
					bboltFound = append(bboltFound, err)
				}
				var fatal error
				ours, fatal = verifyTree(tx, path)
				return fatal
			}))
			mustNil(t, bdb.Close())
			if (len(bboltFound) == 0) != (len(ours) == 0) {
				t.Fatalf("bbolt found %v, verifyTree %v", bboltFound, ours)
			}
			if tc.name != "Clean" && len(ours) == 0 {
				t.Fatalf("nothing found")
			}
			problems, err := CheckFile(path)
			mustNil(t, err)
			if len(problems) != len(ours) && tc.name != "KeysOutOfOrder" { // swapped keys also put records under other keys
				t.Fatalf("problems %v for findings %v", problems, ours)
			}
			for _, p := range problems {
				if tc.name != "KeysOutOfOrder" && !strings.Contains(p.Message, "cây trang không khớp") {
					t.Fatalf("problem %v", p)
				}
			}
		})
	}
}
