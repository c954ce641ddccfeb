package roster

import (
	"sort"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

// abbreviations expand the short forms units write in award names, by folded word.
var abbreviations = map[string]string{
	"ubnd":   "uy ban nhan dan",
	"ubmttq": "uy ban mat tran to quoc",
	"mttq":   "mat tran to quoc",
	"ub":     "uy ban",
	"cstd":   "chien si thi dua",
	"cstdcs": "chien si thi dua co so",
	"cstdt":  "chien si thi dua cap tinh",
	"bk":     "bang khen",
	"gk":     "giay khen",
	"ct":     "chu tich",
	"ctubnd": "chu tich uy ban nhan dan",
	"ldtt":   "lao dong tien tien",
	"cstt":   "chien si tien tien",
	"ttldxs": "tap the lao dong xuat sac",
	"ttldtt": "tap the lao dong tien tien",
	"vn":     "viet nam",
	"tp":     "thanh pho",
	"cand":   "cong an nhan dan",
	"gd":     "giam doc",
	"ttcp":   "thu tuong chinh phu",
}

// formStopWords carry no meaning when comparing award names.
var formStopWords = map[string]bool{"cua": true, "tang": true, "danh": true, "hieu": true, "hinh": true, "thuc": true, "de": true, "nghi": true}

// formTokens folds an award name, expands abbreviations and drops stop words.
func formTokens(s string) []string {
	var out []string
	for _, w := range strings.Fields(vntext.Fold(s)) {
		if e, ok := abbreviations[w]; ok {
			out = append(out, strings.Fields(e)...)
			continue
		}
		if !formStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// formMatcher finds catalogue forms from what units type: a code ("BKCT",
// "CSTĐCS"), the full name, or a loose name ("Bằng khen UBND tỉnh").
type formMatcher struct {
	cache  map[string]formMatch
	forms  []khenthuong.AwardForm
	codes  map[string]int // folded code without spaces
	keys   map[string][]int
	tokens []map[string]bool
}

func newFormMatcher(forms []khenthuong.AwardForm) *formMatcher {
	m := &formMatcher{forms: forms, codes: map[string]int{}, keys: map[string][]int{}, cache: map[string]formMatch{}}
	for i, f := range forms {
		m.codes[codeKey(f.Code)] = i
		toks := formTokens(f.Name)
		m.keys[strings.Join(toks, " ")] = append(m.keys[strings.Join(toks, " ")], i)
		set := map[string]bool{}
		for _, t := range toks {
			set[t] = true
		}
		m.tokens = append(m.tokens, set)
	}
	return m
}

type formMatch struct {
	code       string
	candidates []string
}

// cachedMatch is match, remembered: a list names the same few forms on every row.
func (m *formMatcher) cachedMatch(text string) (string, []string) {
	if r, ok := m.cache[text]; ok {
		return r.code, r.candidates
	}
	code, candidates := m.match(text)
	if len(m.cache) < 10_000 {
		m.cache[text] = formMatch{code, candidates}
	}
	return code, candidates
}

// MatchForm finds the catalogue form a text names ("Bằng khen của Chủ tịch
// UBND tỉnh", "BKCT"): its code, or the codes it could mean when it names
// several, or neither.
func MatchForm(forms []khenthuong.AwardForm, text string) (code string, candidates []string) {
	return newFormMatcher(forms).match(text)
}

// isCode reports whether s is the code of a catalogue form ("BKCT").
func (m *formMatcher) isCode(s string) bool {
	_, ok := m.codes[codeKey(s)]
	return ok
}

func codeKey(s string) string { return strings.ReplaceAll(vntext.Fold(s), " ", "") }

// match returns the code of the one form text names. When it names several,
// candidates lists their codes; when it names none, both are empty.
func (m *formMatcher) match(text string) (code string, candidates []string) {
	if strings.TrimSpace(text) == "" {
		return "", nil
	}
	if len(m.forms) == 0 {
		// No catalogue to match against: a code-like value is taken as the code.
		if c := strings.ToUpper(strings.Join(strings.Fields(text), "")); len(c) <= 20 && !strings.ContainsAny(text, " \t") {
			return c, nil
		}
		return "", nil
	}
	if i, ok := m.codes[codeKey(text)]; ok {
		return m.forms[i].Code, nil
	}
	toks := formTokens(text)
	if len(toks) == 0 {
		return "", nil
	}
	if idx := m.keys[strings.Join(toks, " ")]; len(idx) == 1 {
		return m.forms[idx[0]].Code, nil
	} else if len(idx) > 1 {
		return "", m.codesOf(idx)
	}
	if len(toks) < 2 {
		return "", nil
	}
	var subset []int
	for i, set := range m.tokens {
		all := true
		for _, t := range toks {
			if !set[t] {
				all = false
				break
			}
		}
		if all {
			subset = append(subset, i)
		}
	}
	switch len(subset) {
	case 0:
		return "", nil
	case 1:
		return m.forms[subset[0]].Code, nil
	}
	return "", m.codesOf(subset)
}

func (m *formMatcher) codesOf(idx []int) []string {
	codes := make([]string, len(idx))
	for i, j := range idx {
		codes[i] = m.forms[j].Code
	}
	sort.Strings(codes)
	return codes
}

// form returns the catalogue entry with the code, or nil.
func (m *formMatcher) form(code string) *khenthuong.AwardForm {
	if i, ok := m.codes[codeKey(code)]; ok {
		return &m.forms[i]
	}
	return nil
}
