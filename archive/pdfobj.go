package archive

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// A small reader of PDF objects, enough to find the text of a decision: the
// objects are found by scanning the file (so a damaged cross-reference
// table does not matter) and in object streams; only the Flate filter is
// decoded, which is what Word, LibreOffice and fpdf write text with.

type (
	pdfName   string
	pdfString []byte
	pdfRef    struct{ num, gen int }
	pdfDict   map[string]any
	pdfStream struct {
		dict pdfDict
		raw  []byte
	}
	pdfKeyword string
)

// Limits for untrusted files.
const (
	maxStreamSize = 64 << 20  // one decoded stream
	maxDecoded    = 256 << 20 // all the decoded streams of a file
	maxObjects    = 2_000_000
	maxDepth      = 64 // nesting of arrays and dictionaries
)

var errTooLarge = errors.New("tệp giải nén ra quá lớn")

type pdfFile struct {
	objs    map[int]any
	decoded int
	fonts   map[pdfRef]*pdfFont
}

type lexer struct {
	b     []byte
	pos   int
	depth int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// token returns the next object or delimiter token; io.EOF at the end.
// Dictionary and array delimiters come back as pdfKeyword "<<", ">>", "[", "]".
func (l *lexer) token() (any, error) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil, io.EOF
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		return pdfName(unescapeName(l.b[start:l.pos])), nil
	case c == '(':
		return l.literal(), nil
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return pdfKeyword("<<"), nil
		}
		return l.hex(), nil
	case c == '>':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
			l.pos += 2
			return pdfKeyword(">>"), nil
		}
		l.pos++
		return pdfKeyword(">"), nil
	case c == '[' || c == ']' || c == '{' || c == '}' || c == ')':
		l.pos++
		return pdfKeyword(string(c)), nil
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	word := string(l.b[start:l.pos])
	if f, err := strconv.ParseFloat(word, 64); err == nil && (word[0] == '-' || word[0] == '+' || word[0] == '.' || word[0] >= '0' && word[0] <= '9') {
		return f, nil
	}
	switch word {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return pdfKeyword(word), nil
}

func unescapeName(b []byte) string {
	if !bytes.ContainsRune(b, '#') {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

func (l *lexer) literal() pdfString {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func (l *lexer) hex() pdfString {
	l.pos++ // <
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// object reads one object: a value, an array, a dictionary or a reference.
func (l *lexer) object() (any, error) {
	t, err := l.token()
	if err != nil {
		return nil, err
	}
	return l.objectFrom(t)
}

func (l *lexer) objectFrom(t any) (any, error) {
	switch v := t.(type) {
	case pdfKeyword:
		switch v {
		case "[":
			return l.array()
		case "<<":
			return l.dict()
		}
		return v, nil
	case float64:
		// "12 0 R" is a reference.
		save := l.pos
		if t2, err := l.token(); err == nil {
			if gen, ok := t2.(float64); ok {
				if t3, err := l.token(); err == nil && t3 == pdfKeyword("R") {
					return pdfRef{int(v), int(gen)}, nil
				}
			}
		}
		l.pos = save
		return v, nil
	}
	return t, nil
}

func (l *lexer) array() ([]any, error) {
	if l.depth++; l.depth > maxDepth {
		return nil, fmt.Errorf("lồng quá sâu")
	}
	defer func() { l.depth-- }()
	var out []any
	for {
		t, err := l.token()
		if err != nil {
			return out, err
		}
		if t == pdfKeyword("]") {
			return out, nil
		}
		v, err := l.objectFrom(t)
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
}

func (l *lexer) dict() (pdfDict, error) {
	if l.depth++; l.depth > maxDepth {
		return nil, fmt.Errorf("lồng quá sâu")
	}
	defer func() { l.depth-- }()
	d := pdfDict{}
	for {
		t, err := l.token()
		if err != nil {
			return d, err
		}
		if t == pdfKeyword(">>") {
			return d, nil
		}
		key, ok := t.(pdfName)
		if !ok {
			continue // damaged: skip to the next name
		}
		v, err := l.object()
		if err != nil {
			return d, err
		}
		d[string(key)] = v
	}
}

var objHeader = regexp.MustCompile(`(\d+)\s+(\d+)\s+obj\b`)

// parsePDF finds every object of the file.
func parsePDF(data []byte) (*pdfFile, error) {
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, fmt.Errorf("không phải tệp PDF")
	}
	f := &pdfFile{objs: map[int]any{}, fonts: map[pdfRef]*pdfFont{}}
	locs := objHeader.FindAllSubmatchIndex(data, maxObjects)
	for _, m := range locs {
		num, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		l := &lexer{b: data, pos: m[1]}
		v, err := l.object()
		if err != nil && !errors.Is(err, io.EOF) {
			continue
		}
		if d, ok := v.(pdfDict); ok {
			save := l.pos
			if t, err := l.token(); err == nil && t == pdfKeyword("stream") {
				v = &pdfStream{dict: d, raw: streamData(data, l.pos, d)}
			} else {
				l.pos = save
			}
		}
		f.objs[num] = v
	}
	// Objects kept in object streams (PDF 1.5 and later: Word, LibreOffice).
	for _, v := range f.objs {
		s, ok := v.(*pdfStream)
		if !ok || s.dict["Type"] != pdfName("ObjStm") {
			continue
		}
		data, err := f.decode(s)
		if err != nil {
			continue
		}
		n, first := f.int(s.dict["N"]), f.int(s.dict["First"])
		if first <= 0 || first > len(data) || n <= 0 || n > maxObjects {
			continue
		}
		hl := &lexer{b: data[:first]}
		for k := 0; k < n; k++ {
			a, err1 := hl.token()
			b, err2 := hl.token()
			num, ok1 := a.(float64)
			off, ok2 := b.(float64)
			if err1 != nil || err2 != nil || !ok1 || !ok2 {
				break
			}
			if _, ok := f.objs[int(num)]; ok || first+int(off) >= len(data) || off < 0 {
				continue
			}
			ol := &lexer{b: data, pos: first + int(off)}
			if obj, err := ol.object(); err == nil || errors.Is(err, io.EOF) {
				f.objs[int(num)] = obj
			}
		}
	}
	return f, nil
}

// streamData is the raw data of a stream starting after the "stream" keyword.
func streamData(data []byte, pos int, d pdfDict) []byte {
	if pos < len(data) && data[pos] == '\r' {
		pos++
	}
	if pos < len(data) && data[pos] == '\n' {
		pos++
	}
	if n, ok := d["Length"].(float64); ok && n >= 0 && pos+int(n) <= len(data) {
		end := pos + int(n)
		rest := bytes.TrimLeft(data[end:min(len(data), end+20)], " \r\n\t")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return data[pos:end]
		}
	}
	end := bytes.Index(data[pos:], []byte("endstream"))
	if end < 0 {
		return nil
	}
	return bytes.TrimRight(data[pos:pos+end], "\r\n")
}

// resolve follows a reference.
func (f *pdfFile) resolve(v any) any {
	for i := 0; i < 8; i++ {
		r, ok := v.(pdfRef)
		if !ok {
			return v
		}
		v = f.objs[r.num]
	}
	return nil
}

func (f *pdfFile) dict(v any) pdfDict {
	switch x := f.resolve(v).(type) {
	case pdfDict:
		return x
	case *pdfStream:
		return x.dict
	}
	return nil
}

func (f *pdfFile) array(v any) []any {
	a, _ := f.resolve(v).([]any)
	return a
}

func (f *pdfFile) int(v any) int {
	n, _ := f.resolve(v).(float64)
	return int(n)
}

func (f *pdfFile) num(v any) (float64, bool) {
	n, ok := f.resolve(v).(float64)
	return n, ok
}

// decode returns a stream's data with its filters undone.
func (f *pdfFile) decode(s *pdfStream) ([]byte, error) {
	filters := []any{}
	switch x := f.resolve(s.dict["Filter"]).(type) {
	case pdfName:
		filters = append(filters, x)
	case []any:
		filters = x
	}
	data := s.raw
	for _, fl := range filters {
		switch f.resolve(fl) {
		case pdfName("FlateDecode"), pdfName("Fl"):
			out, err := inflate(data, maxStreamSize)
			if err != nil {
				return nil, err
			}
			data = out
		default:
			return nil, fmt.Errorf("bộ lọc %v chưa hỗ trợ", fl)
		}
	}
	if f.decoded += len(data); f.decoded > maxDecoded {
		return nil, errTooLarge
	}
	return data, nil
}

func inflate(data []byte, limit int64) ([]byte, error) {
	var r io.Reader
	if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(data))
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(out)) > limit {
		return nil, errTooLarge
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil // a truncated stream still gives its text
}
