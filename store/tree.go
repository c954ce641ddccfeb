package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// bbolt's own check (Tx.Check) reads the file through its memory map, the
// whole of it in half a second: faster than the mapped pages can be given
// back, so a check of a 750 MB file counted 100–200 MB of it as its own
// memory. verifyTree walks the page tree through the file handle instead,
// checking what bbolt's check adds to verifyPages: the keys in order within
// each page and between a branch and its children, no page freed twice, and
// every page of the file either in the tree or free.

// keyRange bounds the keys of a subtree: lo included, hi excluded; nil is unbounded.
type keyRange struct{ lo, hi []byte }

// verifyTree walks tx's snapshot of the file at path. fatal is damage the
// walk could not go past (as verifyPages reports it); findings are the
// inconsistencies of a tree that is still readable.
func verifyTree(tx *bolt.Tx, path string) (findings []error, fatal error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := newPageWalker(tx, f, true)
	w.strict = true
	if _, err := w.walk(uint64(tx.Cursor().Bucket().Root()), 0, true, "", keyRange{}); err != nil {
		return w.findings, err
	}
	if err := w.freelist(tx); err != nil {
		return w.findings, err
	}
	return w.findings, nil
}

// keyInOrder records key i of page pgid out of order: below the previous key
// (or, first on its page, below the range), or not below the range's end.
func (w *pageWalker) keyInOrder(pgid uint64, i int, key, prev, hi []byte) {
	switch {
	case i == 0 && prev != nil && bytes.Compare(prev, key) > 0:
		w.findings = append(w.findings, fmt.Errorf("trang %d: khóa đầu nhỏ hơn khóa ở trang cha", pgid))
	case i > 0 && bytes.Compare(prev, key) >= 0:
		w.findings = append(w.findings, fmt.Errorf("trang %d: khóa %d không lớn hơn khóa trước", pgid, i))
	}
	if hi != nil && bytes.Compare(key, hi) >= 0 {
		w.findings = append(w.findings, fmt.Errorf("trang %d: khóa %d không nhỏ hơn khóa kế tiếp ở trang cha", pgid, i))
	}
}

// branchKey is the key of element i of branch page b, nil if it lies outside
// the page (reported when that element is reached).
func (w *pageWalker) branchKey(b []byte, i int) []byte {
	off := pageHeaderSize + i*pageElementSize
	e := b[off : off+pageElementSize]
	pos, ksize := int(binary.LittleEndian.Uint32(e)), int(binary.LittleEndian.Uint32(e[4:]))
	if off+pos+ksize > len(b) {
		return nil
	}
	return b[off+pos : off+pos+ksize]
}

// freePages checks the free list's page numbers (strict): none twice, and
// with the tree they cover every page of the file.
func (w *pageWalker) freePages(ids func(yield func(uint64) bool)) {
	free := make(pageSet, len(w.seen))
	for id := range ids {
		if free.has(id) {
			w.findings = append(w.findings, fmt.Errorf("trang %d có hai lần trong danh sách trang trống", id))
		}
		free.add(id)
	}
	for p := uint64(2); p < w.maxPgid; p++ {
		if !w.seen.has(p) && !free.has(p) {
			w.findings = append(w.findings, fmt.Errorf("trang %d không thuộc cây trang cũng không trống", p))
		}
	}
}
