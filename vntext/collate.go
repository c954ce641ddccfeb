package vntext

import (
	"bytes"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator holds Vietnamese collators with their key buffer. None of them is
// safe for concurrent use, so each goroutine borrows one from collatorPool.
type collator struct {
	// c has the default strength: letters first (a < ă < â ... d < đ), then
	// tones (none < huyền < hỏi < ngã < sắc < nặng), then case, as CLDR "vi".
	c *collate.Collator
	// noCase stops before case, for the parts of a name, so that a case
	// difference in a middle name does not outrank the family name.
	noCase *collate.Collator
	buf    collate.Buffer
}

var collatorPool = sync.Pool{New: func() any {
	return &collator{
		c:      collate.New(language.Vietnamese),
		noCase: collate.New(language.Vietnamese, collate.IgnoreCase),
	}
}}

// withCollator runs fn with a collator of its own and recycles it after.
// Keys handed to fn live in the collator's buffer: copy them before return.
func withCollator(fn func(c *collator)) {
	c := collatorPool.Get().(*collator)
	fn(c)
	c.buf.Reset()
	collatorPool.Put(c)
}

// Compare orders two strings in Vietnamese order (CLDR "vi": a ă â b c d đ e
// ê ...; tones none < huyền < hỏi < ngã < sắc < nặng). Case only breaks ties
// between otherwise equal strings, and the cleaned bytes break the remaining
// ties, so Compare(a, b) == 0 only when Clean(a) == Clean(b): sorting is
// deterministic. It agrees with bytes.Compare on SortKey and is safe for
// concurrent use.
func Compare(a, b string) int {
	a, b = Clean(a), Clean(b)
	if a == b {
		return 0
	}
	var r int
	withCollator(func(c *collator) {
		ka := c.c.KeyFromString(&c.buf, a)
		kb := c.c.KeyFromString(&c.buf, b)
		r = bytes.Compare(ka, kb)
	})
	if r != 0 {
		return r
	}
	if a < b {
		return -1
	}
	return 1
}

// SortKey returns a key such that bytes.Compare(SortKey(a), SortKey(b)) has
// the sign of Compare(a, b). Computing keys once and comparing bytes is what
// makes sorting 100,000 rows fast. Safe for concurrent use.
func SortKey(s string) []byte {
	s = Clean(s)
	var key []byte
	withCollator(func(c *collator) {
		k := c.c.KeyFromString(&c.buf, s)
		key = make([]byte, 0, escapedLen(k)+len(s))
		key = appendEscapedKey(key, k)
	})
	return append(key, s...) // tie-break: Compare falls back to the bytes
}

// Collation keys contain 0x00 bytes (the level separator is 0x00 0x00 and
// weights may have a zero byte), so a key cannot be followed by a plain
// separator byte: "An" + sep would not sort before "An" + more weights.
// appendEscapedKey writes each 0x00 as 0x00 0xFF and ends the key with
// 0x00 0x01, which sorts below any continuation. The result keeps the order
// of the keys and is prefix-free, so escaped keys can be concatenated and
// compared field by field (NameSortKey relies on that).
func appendEscapedKey(dst, key []byte) []byte {
	n := len(dst)
	dst = slices.Grow(dst, escapedLen(key))[:n+escapedLen(key)]
	for _, c := range key {
		dst[n] = c
		n++
		if c == 0 {
			dst[n] = 0xFF
			n++
		}
	}
	dst[n], dst[n+1] = 0x00, 0x01
	return dst
}

// escapedLen is the length of appendEscapedKey's output for key.
func escapedLen(key []byte) int {
	return len(key) + bytes.Count(key, []byte{0}) + 2
}
