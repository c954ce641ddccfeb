package vntext

import "strings"

// SplitName splits a full name into family name (first word), middle names
// (the words between, joined by one space) and given name (last word), the
// Vietnamese order. A one-word name is a given name only. The name is cleaned
// first, so stray spaces do not create empty parts.
func SplitName(full string) (family, middle, given string) {
	return splitCleanName(Clean(full))
}

// splitCleanName is SplitName for a name that is already cleaned.
func splitCleanName(full string) (family, middle, given string) {
	first := strings.IndexByte(full, ' ')
	if first < 0 {
		return "", "", full
	}
	last := strings.LastIndexByte(full, ' ')
	family, given = full[:first], full[last+1:]
	if last > first {
		middle = full[first+1 : last]
	}
	return family, middle, given
}

// NameSortKey is the sort key for people: Vietnamese order by given name,
// then middle names, then family name, which is how Vietnamese lists are
// alphabetised ("Trần Văn An" < "Nguyễn Thị Bình" < "Lê Văn Bình"). Each
// part is compared on its own, by letters and tones but not case, so a tone
// in the given name outranks any difference in the middle name and a case
// slip in a middle name does not outrank the family name. The cleaned bytes
// of the whole name break the remaining ties, so the order is deterministic
// and two names share a key only if they are equal after Clean. The name
// must not carry a title ("Ông", "Đại tá"): split it off with SplitHonorific
// first. Safe for concurrent use.
func NameSortKey(fullName string) []byte {
	full := Clean(fullName)
	family, middle, given := splitCleanName(full)
	var key []byte
	withCollator(func(c *collator) {
		kg := c.noCase.KeyFromString(&c.buf, given)
		km := c.noCase.KeyFromString(&c.buf, middle)
		kf := c.noCase.KeyFromString(&c.buf, family)
		key = make([]byte, 0, escapedLen(kg)+escapedLen(km)+escapedLen(kf)+len(full))
		key = appendEscapedKey(key, kg)
		key = appendEscapedKey(key, km)
		key = appendEscapedKey(key, kf)
	})
	return append(key, full...)
}
