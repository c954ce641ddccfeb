package store

import (
	"encoding/binary"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// bbolt trusts its pages: a damaged page number can send its cursor round a
// loop forever or read past the end of the file in a goroutine where the
// fault cannot be caught. So before a file is read, verifyPages walks the
// page tree itself, from the file through its own handle, bounding every page
// number, offset and length and refusing a page reached twice. It follows
// bbolt's documented layout: little-endian, a 16-byte page header, 16-byte
// elements.
//
// Open walks the bucket directory only (the root bucket's pages), checking
// that each bucket's root page lies inside the file: a few pages, where a full
// walk would touch every page of a 100,000-nomination file (hundreds of
// milliseconds). A loop inside one bucket's tree is then found by Check,
// which reads every byte of every page, as bbolt's own check does; Restore
// and CheckFile run it.

const (
	pageHeaderSize  = 16
	pageElementSize = 16
	branchPageFlag  = 0x01
	leafPageFlag    = 0x02
	bucketLeafFlag  = 0x01
	bucketHeaderLen = 16 // root page number, sequence
	maxTreeDepth    = 64
)

// pageWalker reads pages of one file as seen by one transaction.
type pageWalker struct {
	f        *os.File
	pageSize int
	maxPgid  uint64 // pages at or above it are not part of the file
	seen     pageSet
	deep     bool // walk every bucket's tree, not only the directory
	sums     bool // verify every record's checksum on the way (deep only)
	problems []Problem
	bufs     [][]byte // one page buffer per depth: a page is read while its parent's is in use
	strict   bool     // also what bbolt's own check looks at (tree.go): key order, pages freed twice or lost
	findings []error  // what strict found: the tree is still walkable
}

// buffer returns the page buffer of depth, of n bytes.
func (w *pageWalker) buffer(depth, n int) []byte {
	for len(w.bufs) <= depth {
		w.bufs = append(w.bufs, nil)
	}
	if cap(w.bufs[depth]) < n {
		w.bufs[depth] = make([]byte, n)
	}
	return w.bufs[depth][:n]
}

// verifyPages checks the page tree of tx's snapshot of the file at path:
// only the bucket directory unless deep.
func verifyPages(tx *bolt.Tx, path string, deep bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := newPageWalker(tx, f, deep)
	_, err = w.walk(uint64(tx.Cursor().Bucket().Root()), 0, true, "", keyRange{})
	return err
}

func newPageWalker(tx *bolt.Tx, f *os.File, deep bool) *pageWalker {
	w := &pageWalker{f: f, pageSize: tx.DB().Info().PageSize, deep: deep}
	w.maxPgid = uint64(tx.Size()) / uint64(w.pageSize)
	w.seen = make(pageSet, (w.maxPgid+63)/64)
	return w
}

// walk checks the page pgid and every page below it; directory is true in
// the root bucket, whose leaves list the buckets.
// Its keys must lie in r (strict); it returns its last key.
func (w *pageWalker) walk(pgid uint64, depth int, directory bool, bucket string, r keyRange) ([]byte, error) {
	if depth > maxTreeDepth {
		return nil, fmt.Errorf("trang %d: cây trang sâu quá %d tầng", pgid, maxTreeDepth)
	}
	if pgid < 2 || pgid >= w.maxPgid {
		return nil, fmt.Errorf("số trang %d nằm ngoài tệp (tệp có %d trang)", pgid, w.maxPgid)
	}
	if w.seen.has(pgid) {
		return nil, fmt.Errorf("trang %d được trỏ tới hai lần", pgid)
	}
	if !w.deep && !directory {
		return nil, nil // a bucket's own tree: left to Check
	}
	head := make([]byte, pageHeaderSize)
	if _, err := w.f.ReadAt(head, int64(pgid)*int64(w.pageSize)); err != nil {
		return nil, fmt.Errorf("trang %d: %w", pgid, err)
	}
	overflow := uint64(binary.LittleEndian.Uint32(head[12:]))
	if binary.LittleEndian.Uint64(head) != pgid || pgid+overflow >= w.maxPgid {
		return nil, fmt.Errorf("trang %d: phần đầu trang ghi số trang %d với %d trang nối tiếp", pgid, binary.LittleEndian.Uint64(head), overflow)
	}
	if err := w.mark(pgid, overflow); err != nil {
		return nil, err
	}
	page := w.buffer(depth, int((overflow+1)*uint64(w.pageSize)))
	if _, err := w.f.ReadAt(page, int64(pgid)*int64(w.pageSize)); err != nil {
		return nil, fmt.Errorf("trang %d: %w", pgid, err)
	}
	return w.elements(page, pgid, false, depth, directory, bucket, r)
}

// mark records a page and its overflow pages as reached, refusing any reached
// before (a loop, or two parents sharing a page).
func (w *pageWalker) mark(pgid, overflow uint64) error {
	if pgid+overflow >= w.maxPgid {
		return fmt.Errorf("trang %d: %d trang nối tiếp vượt quá cuối tệp", pgid, overflow)
	}
	for p := pgid; p <= pgid+overflow; p++ {
		if w.seen.has(p) {
			return fmt.Errorf("trang %d được trỏ tới hai lần", p)
		}
		w.seen.add(p)
	}
	return nil
}

// elements checks the elements of a page held in b: a file page, or the page
// inside an inline bucket's value, which must be a leaf (bbolt would follow a
// branch there back to the same page forever).
func (w *pageWalker) elements(b []byte, pgid uint64, inline bool, depth int, directory bool, bucket string, r keyRange) ([]byte, error) {
	if len(b) < pageHeaderSize {
		return nil, fmt.Errorf("trang %d: ngắn hơn phần đầu trang", pgid)
	}
	flags := binary.LittleEndian.Uint16(b[8:])
	count := int(binary.LittleEndian.Uint16(b[10:]))
	if inline && flags != leafPageFlag {
		return nil, fmt.Errorf("trang %d: nhóm dữ liệu nhúng không phải trang lá (cờ %#x)", pgid, flags)
	}
	if pageHeaderSize+count*pageElementSize > len(b) {
		return nil, fmt.Errorf("trang %d: %d phần tử không vừa trong trang", pgid, count)
	}
	order := w.strict && !inline // bbolt's check leaves inline buckets out
	prev, last := r.lo, []byte(nil)
	for i := range count {
		off := pageHeaderSize + i*pageElementSize
		e := b[off : off+pageElementSize]
		switch flags {
		case branchPageFlag:
			pos, ksize := int(binary.LittleEndian.Uint32(e)), int(binary.LittleEndian.Uint32(e[4:]))
			if off+pos+ksize > len(b) {
				return nil, fmt.Errorf("trang %d: khóa %d nằm ngoài trang", pgid, i)
			}
			key := b[off+pos : off+pos+ksize]
			child := keyRange{lo: key, hi: r.hi}
			if order {
				w.keyInOrder(pgid, i, key, prev, r.hi)
				if i+1 < count {
					child.hi = w.branchKey(b, i+1)
				}
			}
			sub, err := w.walk(binary.LittleEndian.Uint64(e[8:]), depth+1, directory, bucket, child)
			if err != nil {
				return nil, err
			}
			prev, last = sub, sub
		case leafPageFlag:
			elemFlags := binary.LittleEndian.Uint32(e)
			pos, ksize, vsize := binary.LittleEndian.Uint32(e[4:]), binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
			start := uint64(off) + uint64(pos) + uint64(ksize)
			if start+uint64(vsize) > uint64(len(b)) {
				return nil, fmt.Errorf("trang %d: phần tử %d nằm ngoài trang", pgid, i)
			}
			v := b[start : start+uint64(vsize)]
			key := b[uint64(off)+uint64(pos) : start]
			if order {
				w.keyInOrder(pgid, i, key, prev, r.hi)
			}
			prev, last = key, key
			if elemFlags&bucketLeafFlag == 0 {
				if _, summed, ok := splitSum(v); w.sums && summed && !ok {
					w.problems = append(w.problems, Problem{Entity: bucketEntity([]byte(bucket)), Key: recordKey(key),
						Message: "Bản ghi bị hỏng: " + reasonSum})
				}
				continue
			}
			child := string(key)
			if len(v) < bucketHeaderLen {
				return nil, fmt.Errorf("trang %d: nhóm dữ liệu %d có phần đầu quá ngắn", pgid, i)
			}
			// A bucket's own tree has its own key range.
			if root := binary.LittleEndian.Uint64(v); root != 0 {
				if _, err := w.walk(root, depth+1, false, child, keyRange{}); err != nil {
					return nil, err
				}
			} else if _, err := w.elements(v[bucketHeaderLen:], pgid, true, depth+1, false, child, keyRange{}); err != nil { // inline bucket
				return nil, err
			}
		default:
			return nil, fmt.Errorf("trang %d: không phải trang nhánh hay trang lá (cờ %#x)", pgid, flags)
		}
	}
	return last, nil
}

// damageCheck looks for damage only, reading the file through its own
// handle rather than bbolt's memory map (so a large file's pages do not
// swell the process): the whole page tree, every record's checksum, and the
// free list (in the file, not claimed by the tree). It is the check before
// a backup.
func damageCheck(tx *bolt.Tx, path string) ([]Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := newPageWalker(tx, f, true)
	w.sums = true
	if _, err := w.walk(uint64(tx.Cursor().Bucket().Root()), 0, true, "", keyRange{}); err != nil {
		return append(w.problems, Problem{Entity: entityFile, Message: "Cấu trúc tệp bị hỏng: " + err.Error()}), nil
	}
	if err := w.freelist(tx); err != nil {
		return append(w.problems, Problem{Entity: entityFile, Message: "Danh sách trang trống bị hỏng: " + err.Error()}), nil
	}
	return w.problems, nil
}

const (
	metaPageSize     = 64 // magic, version, page size, flags, root (16), freelist, pgid, txid, checksum
	freelistPageFlag = 0x10
	noFreelist       = ^uint64(0)
)

// freelist checks the free pages of tx's meta page: each inside the file and
// none reached by the tree (bbolt would hand it out and overwrite live data).
func (w *pageWalker) freelist(tx *bolt.Tx) error {
	var fl uint64 = noFreelist
	for _, id := range []uint64{0, 1} {
		b := make([]byte, pageHeaderSize+metaPageSize)
		if _, err := w.f.ReadAt(b, int64(id)*int64(w.pageSize)); err != nil {
			return fmt.Errorf("trang %d: %w", id, err)
		}
		m := b[pageHeaderSize:]
		if binary.LittleEndian.Uint64(m[48:]) == uint64(tx.ID()) {
			fl = binary.LittleEndian.Uint64(m[32:])
		}
	}
	if fl == noFreelist {
		return nil // not kept in the file (NoFreelistSync) or not found: nothing to compare
	}
	if fl < 2 || fl >= w.maxPgid {
		return fmt.Errorf("số trang %d nằm ngoài tệp (tệp có %d trang)", fl, w.maxPgid)
	}
	head := make([]byte, pageHeaderSize+8)
	if _, err := w.f.ReadAt(head, int64(fl)*int64(w.pageSize)); err != nil {
		return fmt.Errorf("trang %d: %w", fl, err)
	}
	if binary.LittleEndian.Uint16(head[8:])&freelistPageFlag == 0 {
		return fmt.Errorf("trang %d không phải danh sách trang trống", fl)
	}
	overflow := uint64(binary.LittleEndian.Uint32(head[12:]))
	if err := w.mark(fl, overflow); err != nil {
		return err
	}
	count, start := uint64(binary.LittleEndian.Uint16(head[10:])), uint64(pageHeaderSize)
	if count == 0xFFFF {
		count, start = binary.LittleEndian.Uint64(head[pageHeaderSize:]), pageHeaderSize+8
	}
	size := (overflow + 1) * uint64(w.pageSize)
	if start+count*8 > size {
		return fmt.Errorf("trang %d: %d số trang trống không vừa", fl, count)
	}
	page := make([]byte, size)
	if _, err := w.f.ReadAt(page, int64(fl)*int64(w.pageSize)); err != nil {
		return fmt.Errorf("trang %d: %w", fl, err)
	}
	for i := range count {
		id := binary.LittleEndian.Uint64(page[start+i*8:])
		if id < 2 || id >= w.maxPgid {
			return fmt.Errorf("trang trống %d nằm ngoài tệp", id)
		}
		if w.seen.has(id) {
			return fmt.Errorf("trang %d vừa trống vừa đang dùng", id)
		}
	}
	if w.strict {
		w.freePages(func(yield func(uint64) bool) {
			for i := range count {
				if !yield(binary.LittleEndian.Uint64(page[start+i*8:])) {
					return
				}
			}
		})
	}
	return nil
}

// pageSet is a set of page numbers below the walker's maxPgid, a bit each:
// a 750 MB file has 180,000 pages, 23 KB here where a map took megabytes.
type pageSet []uint64

func (s pageSet) has(p uint64) bool { return s[p/64]&(1<<(p%64)) != 0 }
func (s pageSet) add(p uint64)      { s[p/64] |= 1 << (p % 64) }
