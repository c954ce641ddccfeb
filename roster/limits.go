package roster

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"khenthuong"
)

// A small file can expand to a huge one: one cell of 390 MB packed into a
// 400 KB .xlsx, a line of 50 MB, rows repeated a billion times in an .ods,
// elements nested thousands deep. These limits are checked while the bytes
// are read, before anything is built from them, so such a file is refused
// in seconds with bounded memory. They are far above anything a unit's list
// holds (Excel itself stops a cell at 32,767 characters and a sheet at
// 1,048,576 rows).
const (
	maxCellBytes   = 32_767 * 4 // one cell's text as stored: Excel's 32,767 characters, 4 bytes each at most
	maxRowBytes    = 4 << 20    // one row (line) of a text file
	maxXMLDepth    = 128        // element nesting
	maxXMLText     = 256 << 20  // text in all the XML of a file
	maxXMLSiblings = 1 << 21    // elements under one element: rows in a sheet, cells in a row
)

// maxExpandedRows bounds the rows a file's repeat counts may make, all
// sheets together.
func maxExpandedRows(opts ReadOptions) int { return 2 * (opts.MaxRows + headerScanRows + 1000) }

// limitError is a file refused for passing a limit: named by file, sheet (or
// part) and the limit, for the clerk.
type limitError struct {
	file, sheet, limit string
}

func (e *limitError) Error() string {
	return fmt.Sprintf("Tệp “%s”, %s: %s. Tệp bị từ chối, không có gì được ghi: hãy kiểm tra lại tệp (có thể bị hỏng hoặc cố ý làm phình to) hoặc tách thành nhiều tệp nhỏ.",
		e.file, e.sheet, e.limit)
}

func limitErr(file, sheet, format string, args ...any) error {
	le := &limitError{file: file, sheet: sheet, limit: fmt.Sprintf(format, args...)}
	return &khenthuong.Error{Code: khenthuong.EINVALID, Message: le.Error(), Err: le}
}

// asLimit returns the clerk's error if err is a limit passed, nil otherwise.
func asLimit(err error) error {
	var xl *xmlLimit
	if errors.As(err, &xl) {
		return xl.err
	}
	var ke *khenthuong.Error
	var le *limitError
	if errors.As(err, &ke) && errors.As(err, &le) {
		return ke
	}
	return nil
}

// xmlLimit carries a limit error through an XML decoder's error chain.
type xmlLimit struct{ err error }

func (e *xmlLimit) Error() string { return e.err.Error() }

// xmlGuard passes XML through while counting, from the bytes alone: the
// length of each text run (a cell), the nesting depth, the elements under
// each element and the text in all. It fails the read at the first limit
// passed, so the decoder behind it never holds more than a limit's worth.
type xmlGuard struct {
	r           io.Reader
	file, sheet string
	sheetElem   string // local name of the element that starts a sheet ("table", "Worksheet")
	tag         []byte // the start tag being read, when sheetElem is set
	total       *int64 // text of the whole file, shared by its parts

	state    int // see the xml* states
	text     int // bytes of the current text run
	depth    int
	siblings []int // elements under each open element
	tagStart bool  // the byte after '<'
	closing  bool
	prev     byte
	quote    byte
	special  string  // the end of a comment, CDATA or declaration being skipped
	bang     []byte  // what follows "<!", until it tells which
	last     [3]byte // the last bytes of a skipped section, to find its end across reads
	err      error
}

const (
	xmlText = iota
	xmlTag
	xmlBang
	xmlSpecial
)

// newXMLGuard guards r, a part of file named sheet; with sheetElem, the part
// holds several sheets, each named by that element's name attribute.
func newXMLGuard(r io.Reader, file, sheet, sheetElem string, total *int64) *xmlGuard {
	if total == nil {
		total = new(int64)
	}
	return &xmlGuard{r: r, file: file, sheet: sheet, sheetElem: sheetElem, total: total, siblings: make([]int, 1, 16)}
}

func (g *xmlGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	if lerr := g.scan(p[:n]); lerr != nil {
		g.err = &xmlLimit{err: lerr}
		return 0, g.err
	}
	return n, err
}

func (g *xmlGuard) scan(b []byte) error {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch g.state {
		case xmlText:
			if c == '<' {
				g.state, g.tagStart, g.closing = xmlTag, true, false
				g.text, g.tag = 0, g.tag[:0]
				continue
			}
			g.text++
			*g.total++
			if g.text > maxCellBytes {
				return limitErr(g.file, g.sheet, "có một ô dài quá %d ký tự (giới hạn của Excel)", 32_767)
			}
			if *g.total > maxXMLText {
				return limitErr(g.file, g.sheet, "tổng chữ trong tệp vượt quá %d MB", maxXMLText>>20)
			}
		case xmlTag:
			if g.quote != 0 {
				if g.sheetElem != "" && len(g.tag) < 1024 {
					g.tag = append(g.tag, c)
				}
				if c == g.quote {
					g.quote = 0
				}
				continue
			}
			if g.tagStart {
				g.tagStart = false
				switch c {
				case '/':
					g.closing = true
					continue
				case '?':
					g.state, g.special, g.text = xmlSpecial, "?>", 0
					continue
				case '!':
					g.state, g.bang = xmlBang, g.bang[:0]
					continue
				}
			}
			if g.sheetElem != "" && len(g.tag) < 1024 && c != '>' {
				g.tag = append(g.tag, c)
			}
			switch c {
			case '"', '\'':
				g.quote = c
			case '>':
				g.state = xmlText
				if g.sheetElem != "" && !g.closing {
					g.noteSheet()
				}
				switch {
				case g.closing:
					if g.depth > 0 {
						g.depth--
						g.siblings = g.siblings[:len(g.siblings)-1]
					}
				case g.prev == '/': // <empty/>
					if err := g.child(); err != nil {
						return err
					}
				default:
					if err := g.child(); err != nil {
						return err
					}
					g.depth++
					if g.depth > maxXMLDepth {
						return limitErr(g.file, g.sheet, "các thẻ lồng nhau sâu quá %d tầng", maxXMLDepth)
					}
					g.siblings = append(g.siblings, 0)
				}
			}
		case xmlBang: // after "<!": a comment, CDATA, or a declaration
			g.bang = append(g.bang, c)
			switch bang := string(g.bang); {
			case bang == "--":
				g.state, g.special, g.text = xmlSpecial, "-->", 0
			case bang == "[CDATA[":
				g.state, g.special, g.text = xmlSpecial, "]]>", 0 // its text counts as a run of its own
			case strings.HasPrefix("--", bang), strings.HasPrefix("[CDATA[", bang):
			case c == '>':
				g.state = xmlText
			default:
				g.state, g.special, g.text = xmlSpecial, ">", 0
			}
		case xmlSpecial:
			g.text++
			if g.text > maxCellBytes+len(g.special) {
				return limitErr(g.file, g.sheet, "có một ô dài quá %d ký tự (giới hạn của Excel)", 32_767)
			}
			g.last = [3]byte{g.last[1], g.last[2], c}
			if g.text >= len(g.special) && strings.HasSuffix(string(g.last[:]), g.special) {
				g.state, g.text = xmlText, 0
			}
		}
		g.prev = c
	}
	return nil
}

// noteSheet names the sheet from a start tag such as <table:table
// table:name="Danh sách"> or <Worksheet ss:Name="Danh sách">.
func (g *xmlGuard) noteSheet() {
	tag := string(g.tag)
	elem, attrs, _ := strings.Cut(tag, " ")
	if _, local, ok := strings.Cut(elem, ":"); ok {
		elem = local
	}
	if elem != g.sheetElem {
		return
	}
	for attrs != "" {
		k, rest, ok := strings.Cut(attrs, "=")
		if !ok || len(rest) < 2 || (rest[0] != '"' && rest[0] != '\'') {
			return
		}
		v, after, ok := strings.Cut(rest[1:], rest[:1])
		if !ok {
			return
		}
		k = strings.TrimSpace(k)
		if _, local, found := strings.Cut(k, ":"); found {
			k = local
		}
		if strings.EqualFold(k, "name") {
			g.sheet = "trang “" + v + "”"
			return
		}
		attrs = after
	}
}

func (g *xmlGuard) child() error {
	g.siblings[len(g.siblings)-1]++
	if g.siblings[len(g.siblings)-1] > maxXMLSiblings {
		return limitErr(g.file, g.sheet, "có hơn %d phần tử trong một dòng hay một trang", maxXMLSiblings)
	}
	return nil
}

// checkXMLParts reads the worksheets and shared strings of an .xlsx through
// xmlGuard before excelize parses them (excelize keeps a cell's whole text
// in memory, and the shared strings all together).
func checkXMLParts(zr *zip.Reader, file string, sheetOf func(part string) string) error {
	var total int64
	for _, f := range zr.File {
		name := f.Name
		if !strings.HasPrefix(name, "xl/worksheets/") && name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue // excelize reports a damaged part its own way
		}
		g := newXMLGuard(rc, file, sheetOf(name), "", &total)
		_, err = io.Copy(io.Discard, g)
		rc.Close()
		if lerr := asLimit(err); lerr != nil {
			return lerr
		}
	}
	return nil
}

// textLimits is where a scan of a text file (CSV, decoded) for a line or a
// quoted cell past the limits is, the text given in parts (feedLimits).
type textLimits struct {
	line, field int
	quoted      bool
}

// feedLimits scans the next part of a text.
func feedLimits[T string | []byte](t *textLimits, text T, file string) error {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"':
			t.quoted = !t.quoted
		case c == '\n' && !t.quoted:
			t.line, t.field = 0, 0
			continue
		case (c == ';' || c == ',' || c == '\t' || c == '|') && !t.quoted:
			t.field = 0
		}
		t.line++
		t.field++
		if t.field > maxCellBytes {
			return limitErr(file, "trang “"+file+"”", "có một ô dài quá %d ký tự (giới hạn của Excel)", 32_767)
		}
		if t.line > maxRowBytes && !t.quoted {
			return limitErr(file, "trang “"+file+"”", "có một dòng dài quá %d MB", maxRowBytes>>20)
		}
	}
	return nil
}

// xlsxSheetNames maps the worksheet parts of an .xlsx to "trang “name”", from
// the workbook and its relationships; the shared strings are named as such.
func xlsxSheetNames(zr *zip.Reader) func(part string) string {
	read := func(name string, v any) {
		for _, f := range zr.File {
			if f.Name == name && f.UncompressedSize64 < 4<<20 {
				if rc, err := f.Open(); err == nil {
					_ = xml.NewDecoder(rc).Decode(v)
					rc.Close()
				}
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	read("xl/workbook.xml", &wb)
	read("xl/_rels/workbook.xml.rels", &rels)
	names := map[string]string{}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				names["xl/"+strings.TrimPrefix(strings.TrimPrefix(r.Target, "/xl/"), "/")] = s.Name
			}
		}
	}
	return func(part string) string {
		if part == "xl/sharedStrings.xml" {
			return "bảng chữ dùng chung của các trang (sharedStrings.xml)"
		}
		if n, ok := names[part]; ok {
			return "trang “" + n + "”"
		}
		return "phần “" + part + "”"
	}
}
