package store

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// copyBuckets copies every key, value, nested bucket and sequence, over as
// many transactions as the records need (small index keys and values larger
// than a transaction).
func TestCopyBucketsKeepsEverything(t *testing.T) {
	dir := t.TempDir()
	src, err := bolt.Open(filepath.Join(dir, "src.db"), 0o600, nil)
	mustNil(t, err)
	defer src.Close()
	mustNil(t, src.Update(func(tx *bolt.Tx) error {
		idx, err := tx.CreateBucket([]byte("idx"))
		if err != nil {
			return err
		}
		for i := range 70_000 { // more records than one transaction takes
			if err := idx.Put([]byte(fmt.Sprintf("nguyen van %06d", i)), nil); err != nil {
				return err
			}
		}
		mustNil(t, idx.SetSequence(70_000))
		recs, err := tx.CreateBucket([]byte("records"))
		if err != nil {
			return err
		}
		mustNil(t, recs.SetSequence(42))
		if err := recs.Put([]byte("big"), bytes.Repeat([]byte("x"), compactTxSize+1)); err != nil {
			return err
		}
		for d := range 3 {
			sub, err := recs.CreateBucket([]byte(fmt.Sprintf("decision %d", d)))
			if err != nil {
				return err
			}
			mustNil(t, sub.SetSequence(uint64(d)))
			inner, err := sub.CreateBucket([]byte("recipients"))
			if err != nil {
				return err
			}
			for i := range 1000 * d {
				if err := inner.Put(itob(uint64(i)), []byte(fmt.Sprintf("recipient %d of %d", i, d))); err != nil {
					return err
				}
			}
		}
		_, err = tx.CreateBucket([]byte("empty"))
		return err
	}))
	dst, err := bolt.Open(filepath.Join(dir, "dst.db"), 0o600, nil)
	mustNil(t, err)
	defer dst.Close()
	txid := func() (id int) {
		mustNil(t, dst.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil }))
		return id
	}
	before := txid()
	mustNil(t, src.View(func(tx *bolt.Tx) error { return copyBuckets(dst, tx) }))
	if n := txid() - before; n < 3 {
		t.Errorf("%d write transactions, want the copy split in 3 or more", n)
	}
	if got, want := dumpBolt(t, dst), dumpBolt(t, src); got != want {
		t.Errorf("the copy differs: %d bytes of dump, want %d", len(got), len(want))
	}
}

// dumpBolt writes every bucket, sequence, key and value of db, in order.
func dumpBolt(t *testing.T, db *bolt.DB) string {
	t.Helper()
	var out bytes.Buffer
	var walk func(depth int, b *bolt.Bucket)
	walk = func(depth int, b *bolt.Bucket) {
		fmt.Fprintf(&out, "%d seq %d\n", depth, b.Sequence())
		mustNil(t, b.ForEach(func(k, v []byte) error {
			if v == nil {
				fmt.Fprintf(&out, "%d bucket %q\n", depth, k)
				walk(depth+1, b.Bucket(k))
				return nil
			}
			fmt.Fprintf(&out, "%d %q=%x\n", depth, k, sha256.Sum256(v))
			return nil
		}))
	}
	mustNil(t, db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			fmt.Fprintf(&out, "bucket %q\n", name)
			walk(1, b)
			return nil
		})
	}))
	return out.String()
}
