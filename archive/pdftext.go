package archive

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"khenthuong/vntext"
)

// pdfFont turns the codes of a shown string into text and widths.
type pdfFont struct {
	legacy  string // the font name when it is a TCVN3 or VNI font (".VnTime", "VNI-Times")
	twoByte bool
	toUni   map[uint32]string
	ranges  []cmapRange        // bfrange entries with a base: looked up, not expanded
	widths  map[uint32]float64 // in thousandths of the font size
	dw      float64            // default width
}

// cmapRange maps lo..hi to base, base+1, ...
type cmapRange struct {
	lo, hi uint32
	base   []rune
}

func (f *pdfFile) font(v any) *pdfFont {
	// A document's pages share their fonts: each is read once.
	if r, ok := v.(pdfRef); ok {
		if ft, ok := f.fonts[r]; ok {
			return ft
		}
		ft := f.readFont(v)
		f.fonts[r] = ft
		return ft
	}
	return f.readFont(v)
}

func (f *pdfFile) readFont(v any) *pdfFont {
	d := f.dict(v)
	ft := &pdfFont{widths: map[uint32]float64{}, dw: 500}
	if d == nil {
		return ft
	}
	if name, ok := f.resolve(d["BaseFont"]).(pdfName); ok {
		ft.legacy = legacyFont(string(name))
	}
	if d["Subtype"] == pdfName("Type0") {
		ft.twoByte = true
		ft.dw = 1000
		if desc := f.array(d["DescendantFonts"]); len(desc) > 0 {
			dd := f.dict(desc[0])
			if w, ok := f.num(dd["DW"]); ok {
				ft.dw = w
			}
			w := f.array(dd["W"])
			for i := 0; i+1 < len(w); {
				first := uint32(f.int(w[i]))
				if arr := f.array(w[i+1]); arr != nil {
					for k, x := range arr {
						if n, ok := f.num(x); ok {
							ft.widths[first+uint32(k)] = n
						}
					}
					i += 2
					continue
				}
				if i+2 >= len(w) {
					break
				}
				last := uint32(f.int(w[i+1]))
				n, _ := f.num(w[i+2])
				for c := first; c <= last && c-first < 65536; c++ {
					ft.widths[c] = n
				}
				i += 3
			}
		}
	} else {
		first := uint32(f.int(d["FirstChar"]))
		for k, x := range f.array(d["Widths"]) {
			if n, ok := f.num(x); ok {
				ft.widths[first+uint32(k)] = n
			}
		}
	}
	if s, ok := f.resolve(d["ToUnicode"]).(*pdfStream); ok {
		if data, err := f.decode(s); err == nil {
			ft.toUni, ft.ranges, ft.twoByte = parseCMap(data, ft.twoByte)
		}
	}
	return ft
}

// legacyFont is the font name as vntext knows it when a PDF font is one of
// the old Vietnamese fonts: "ABCDEF+.VnTimeH,Bold" gives ".VnTimeH", and
// "VnArial" (the dot dropped) ".VnArial"; "" for any other font.
func legacyFont(base string) string {
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[i+1:]
	}
	if i := strings.IndexAny(base, ",-"); i > 0 && !strings.HasPrefix(strings.ToLower(base), "vni") {
		base = base[:i]
	}
	lower := strings.ToLower(base)
	switch {
	case strings.HasPrefix(lower, ".vn"):
		return base
	case strings.HasPrefix(lower, "vni"):
		return "VNI-" + strings.TrimLeft(base[3:], "-")
	case strings.HasPrefix(lower, "vn") && len(base) > 2:
		return "." + base
	}
	return ""
}

// parseCMap reads a ToUnicode CMap: the code width and code → text.
func parseCMap(data []byte, twoByte bool) (map[uint32]string, []cmapRange, bool) {
	m := map[uint32]string{}
	var ranges []cmapRange
	l := &lexer{b: data}
	var stack []any
	mode := ""
	for {
		t, err := l.token()
		if err != nil {
			break
		}
		if k, ok := t.(pdfKeyword); ok {
			switch k {
			case "[":
				arr, _ := l.array()
				stack = append(stack, arr)
				continue
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				mode, stack = string(k), nil
				continue
			case "endcodespacerange":
				if len(stack) >= 1 {
					if s, ok := stack[0].(pdfString); ok {
						twoByte = len(s) >= 2
					}
				}
			case "endbfchar":
				for i := 0; i+1 < len(stack); i += 2 {
					src, ok1 := stack[i].(pdfString)
					dst, ok2 := stack[i+1].(pdfString)
					if ok1 && ok2 {
						m[codeOf(src)] = utf16Text(dst)
					}
				}
			case "endbfrange":
				for i := 0; i+2 < len(stack); i += 3 {
					lo, ok1 := stack[i].(pdfString)
					hi, ok2 := stack[i+1].(pdfString)
					if !ok1 || !ok2 {
						continue
					}
					a, b := codeOf(lo), codeOf(hi)
					if b < a || b-a > 65535 {
						continue
					}
					switch dst := stack[i+2].(type) {
					case pdfString:
						if base := []rune(utf16Text(dst)); len(base) > 0 {
							ranges = append(ranges, cmapRange{a, b, base})
						}
					case []any:
						for k, x := range dst {
							if s, ok := x.(pdfString); ok && a+uint32(k) <= b {
								m[a+uint32(k)] = utf16Text(s)
							}
						}
					}
				}
			}
			if strings.HasPrefix(string(k), "end") {
				mode, stack = "", nil
			}
			continue
		}
		if mode != "" {
			stack = append(stack, t)
		}
	}
	return m, ranges, twoByte
}

// lookup is the text of a code, from the CMap's single codes or its ranges.
func (ft *pdfFont) lookup(code uint32) (string, bool) {
	if t, ok := ft.toUni[code]; ok {
		return t, true
	}
	for _, r := range ft.ranges {
		if code >= r.lo && code <= r.hi {
			out := append([]rune{}, r.base...)
			out[len(out)-1] += rune(code - r.lo)
			return string(out), true
		}
	}
	return "", false
}

func codeOf(s []byte) uint32 {
	var c uint32
	for _, b := range s {
		c = c<<8 | uint32(b)
	}
	return c
}

func utf16Text(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// text decodes a shown string: the text and its width in thousandths of an em.
func (ft *pdfFont) text(s []byte) (string, float64, int) {
	var b strings.Builder
	width := 0.0
	spaces := 0
	step := 1
	if ft.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		code := uint32(s[i])
		if step == 2 {
			code = code<<8 | uint32(s[i+1])
		}
		w, ok := ft.widths[code]
		if !ok {
			w = ft.dw
		}
		width += w
		if t, ok := ft.lookup(code); ok {
			b.WriteString(t)
			if t == " " {
				spaces++
			}
			continue
		}
		if ft.twoByte {
			continue // a glyph with no text: nothing to read
		}
		// A simple font: Windows-1252, which is also how old .VnTime
		// (TCVN3) documents arrive, for the import's legacy repair.
		if code == ' ' {
			spaces++
		}
		b.WriteRune(charmap.Windows1252.DecodeByte(byte(code)))
	}
	return b.String(), width, spaces
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// run is a piece of text placed on the page.
type run struct {
	x, y, end, size float64
	text            string
}

// pageText reads the text of one page as lines, top to bottom.
func (f *pdfFile) pageText(page pdfDict, resources pdfDict) [][]run {
	fonts := map[string]*pdfFont{}
	fontDict := f.dict(resources["Font"])
	var content []byte
	switch c := f.resolve(page["Contents"]).(type) {
	case *pdfStream:
		content, _ = f.decode(c)
	case []any:
		for _, part := range c {
			if s, ok := f.resolve(part).(*pdfStream); ok {
				if d, err := f.decode(s); err == nil {
					content = append(append(content, d...), '\n')
				}
			}
		}
	}
	var runs []run
	ctm := identity
	var stack []matrix
	tm, tlm := identity, identity
	var ft *pdfFont
	size, leading, charSp, wordSp, scale := 12.0, 0.0, 0.0, 0.0, 1.0
	var ops []any
	show := func(s []byte) {
		if ft == nil {
			ft = &pdfFont{widths: map[uint32]float64{}, dw: 500}
		}
		text, w, spaces := ft.text(s)
		if ft.legacy != "" && !ft.twoByte {
			// Typed in .VnTime (TCVN3) or VNI-Times: the bytes are those encodings'.
			text, _ = vntext.ToUnicode(text, ft.legacy)
		}
		adv := (w/1000*size + charSp*float64(len(s)) + wordSp*float64(spaces)) * scale
		m := tm.mul(ctm)
		effSize := size * max(abs(m[3]), abs(m[0]))
		if text != "" {
			start := m[4]
			tm = matrix{1, 0, 0, 1, adv, 0}.mul(tm)
			end := tm.mul(ctm)[4]
			runs = append(runs, run{x: start, y: m[5], end: end, size: effSize, text: text})
			return
		}
		tm = matrix{1, 0, 0, 1, adv, 0}.mul(tm)
	}
	nextLine := func() {
		tlm = matrix{1, 0, 0, 1, 0, -leading}.mul(tlm)
		tm = tlm
	}
	nums := func(n int) ([]float64, bool) {
		if len(ops) < n {
			return nil, false
		}
		out := make([]float64, n)
		for i, o := range ops[len(ops)-n:] {
			v, ok := o.(float64)
			if !ok {
				return nil, false
			}
			out[i] = v
		}
		return out, true
	}
	l := &lexer{b: content}
	for {
		t, err := l.token()
		if err != nil {
			break
		}
		k, isOp := t.(pdfKeyword)
		if !isOp || k == "[" || k == "<<" {
			v, _ := l.objectFrom(t)
			if len(ops) < 64 {
				ops = append(ops, v)
			}
			continue
		}
		switch k {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, ctm)
			}
		case "Q":
			if n := len(stack); n > 0 {
				ctm, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if v, ok := nums(6); ok {
				ctm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.mul(ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(ops) >= 2 {
				if name, ok := ops[len(ops)-2].(pdfName); ok {
					if fonts[string(name)] == nil {
						fonts[string(name)] = f.font(fontDict[string(name)])
					}
					ft = fonts[string(name)]
				}
				if v, ok := ops[len(ops)-1].(float64); ok {
					size = v
				}
			}
		case "TL":
			if v, ok := nums(1); ok {
				leading = v[0]
			}
		case "Tc":
			if v, ok := nums(1); ok {
				charSp = v[0]
			}
		case "Tw":
			if v, ok := nums(1); ok {
				wordSp = v[0]
			}
		case "Tz":
			if v, ok := nums(1); ok {
				scale = v[0] / 100
			}
		case "Td", "TD":
			if v, ok := nums(2); ok {
				if k == "TD" {
					leading = -v[1]
				}
				tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if v, ok := nums(6); ok {
				tlm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
				tm = tlm
			}
		case "T*":
			nextLine()
		case "Tj", "'", "\"":
			if k != "Tj" {
				nextLine()
			}
			if k == "\"" {
				if v, ok := nums(3); ok || len(ops) >= 3 {
					_ = v
					if a, ok := ops[len(ops)-3].(float64); ok {
						wordSp = a
					}
					if c, ok := ops[len(ops)-2].(float64); ok {
						charSp = c
					}
				}
			}
			if len(ops) > 0 {
				if s, ok := ops[len(ops)-1].(pdfString); ok {
					show(s)
				}
			}
		case "TJ":
			if len(ops) > 0 {
				if arr, ok := ops[len(ops)-1].([]any); ok {
					for _, e := range arr {
						switch x := e.(type) {
						case pdfString:
							show(x)
						case float64:
							tm = matrix{1, 0, 0, 1, -x / 1000 * size * scale, 0}.mul(tm)
						}
					}
				}
			}
		case "BI":
			// An inline image: its data is binary, skip to EI.
			if i := bytes.Index(l.b[l.pos:], []byte("EI")); i >= 0 {
				l.pos += i + 2
			} else {
				l.pos = len(l.b)
			}
		}
		ops = ops[:0]
	}
	return groupLines(runs)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// groupLines groups the runs into lines by their baseline, top to bottom,
// each line's runs left to right.
func groupLines(runs []run) [][]run {
	sort.SliceStable(runs, func(i, j int) bool {
		if d := runs[i].y - runs[j].y; abs(d) > 0.01 {
			return d > 0
		}
		return runs[i].x < runs[j].x
	})
	var lines [][]run
	for i := 0; i < len(runs); {
		j := i + 1
		tol := max(runs[i].size*0.4, 1)
		for j < len(runs) && abs(runs[j].y-runs[i].y) < tol {
			j++
		}
		line := runs[i:j]
		sort.SliceStable(line, func(a, b int) bool { return line[a].x < line[b].x })
		lines = append(lines, line)
		i = j
	}
	return lines
}

// lineText joins a line's runs: a space where a gap is a space wide, a tab
// where it is a column's.
func lineText(line []run) string {
	var b strings.Builder
	for k, r := range line {
		if k > 0 {
			prev := line[k-1]
			gap := r.x - prev.end
			switch {
			case gap > prev.size*2.5:
				b.WriteByte('\t')
			case gap > prev.size*0.15 && !strings.HasSuffix(prev.text, " ") && !strings.HasPrefix(r.text, " "):
				b.WriteByte(' ')
			}
		}
		b.WriteString(r.text)
	}
	return b.String()
}

// cells joins a line's runs into the pieces a gap wider than a space
// separates: the cells of a table row.
func cells(line []run) []run {
	var out []run
	for _, r := range line {
		if n := len(out); n > 0 && r.x-out[n-1].end < out[n-1].size*0.6 {
			sep := ""
			if r.x-out[n-1].end > out[n-1].size*0.15 && !strings.HasSuffix(out[n-1].text, " ") && !strings.HasPrefix(r.text, " ") {
				sep = " "
			}
			out[n-1].text += sep + r.text
			out[n-1].end = r.end
			continue
		}
		out = append(out, r)
	}
	return out
}

// pdfPages lists the pages in order with the resources each inherits.
func (f *pdfFile) pdfPages() []struct{ page, resources pdfDict } {
	var out []struct{ page, resources pdfDict }
	var root pdfDict
	for _, v := range f.objs {
		if d := f.dict(v); d != nil && d["Type"] == pdfName("Catalog") {
			root = d
		}
	}
	seen := map[any]bool{}
	var walk func(v any, res pdfDict, depth int)
	walk = func(v any, res pdfDict, depth int) {
		if depth > 32 || seen[v] && v != nil {
			return
		}
		if r, ok := v.(pdfRef); ok {
			seen[r] = true
		}
		d := f.dict(v)
		if d == nil {
			return
		}
		if r := f.dict(d["Resources"]); r != nil {
			res = r
		}
		if d["Type"] == pdfName("Page") || d["Kids"] == nil && d["Contents"] != nil {
			out = append(out, struct{ page, resources pdfDict }{d, res})
			return
		}
		for _, k := range f.array(d["Kids"]) {
			walk(k, res, depth+1)
		}
	}
	if root != nil {
		walk(root["Pages"], nil, 0)
	}
	return out
}
