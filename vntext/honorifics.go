package vntext

import "strings"

// honorifics is the canonical list of danh xưng and ranks, in the order a
// drop-down shows them: civil titles first, then ranks from highest to
// lowest. Spellings use the new-style tone placement ("Đại úy").
var honorifics = []string{
	"Ông", "Bà", "Anh", "Chị", "Đồng chí",
	"Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
	"Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
	"Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
	"Thượng sĩ", "Trung sĩ", "Hạ sĩ",
	"Binh nhất", "Binh nhì",
}

// honorificAliases are other ways clerks write a title, by folded words.
var honorificAliases = map[string]string{
	"d c": "Đồng chí", // "Đ/c", the usual abbreviation in lists
}

// honorificByKey maps the folded words of every title and alias to the
// canonical title; maxHonorificWords bounds the words SplitHonorific tries.
var (
	honorificByKey    = map[string]string{}
	maxHonorificWords int
)

func init() {
	for _, t := range honorifics {
		honorificByKey[Fold(t)] = t
	}
	for k, t := range honorificAliases {
		honorificByKey[k] = t
	}
	for k := range honorificByKey {
		maxHonorificWords = max(maxHonorificWords, strings.Count(k, " ")+1)
	}
}

// Honorifics returns the canonical titles SplitHonorific recognises, for
// drop-downs. The caller owns the returned slice.
func Honorifics() []string {
	return append([]string(nil), honorifics...)
}

// SplitHonorific splits a leading title typed in the same cell as the name:
// "Ông Trương Quang Sáng" gives ("Ông", "Trương Quang Sáng") and "Đại tá Lê
// Văn Tiến" gives ("Đại tá", "Lê Văn Tiến"). Matching ignores case, tones and
// tone placement ("dai ta", "ĐẠI TÁ", "Thượng uý"), tries the longest title
// first, and returns the canonical spelling from Honorifics; the name is
// returned cleaned but otherwise as typed. A title with nothing after it is
// not split, since "Anh" or "Bà" alone may be the name itself: the result is
// then ("", name).
//
// The split is a guess a clerk should see: "Ông" is also a rare family name
// ("Ông Ích Khiêm"), which this function cannot tell from the title.
func SplitHonorific(s string) (title, name string) {
	s = Clean(s)
	words := strings.Fields(s)
	for n := min(maxHonorificWords, len(words)-1); n >= 1; n-- {
		t, ok := honorificByKey[Fold(strings.Join(words[:n], " "))]
		if !ok {
			continue
		}
		rest := strings.TrimLeft(strings.Join(words[n:], " "), ",.:;- ")
		if rest == "" {
			continue
		}
		return t, rest
	}
	return "", s
}
