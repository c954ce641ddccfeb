package roster

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

// ReadDOCX reads a list a unit sent as a Word document (.docx): every table
// of the document becomes a sheet ("Bảng 1", "Bảng 2"...) read as a
// spreadsheet's is (two-level headers with merged cells, section rows
// spanning the table, "Nam" / "Nữ" birth-year columns, totals rows), and a
// list written as numbered paragraphs under "I. TẬP THỂ", "II. CÁ NHÂN"
// becomes one more. Checks, warnings, legacy-encoding repair and the report
// are the spreadsheet's own.
func ReadDOCX(r io.Reader, name string, opts ReadOptions) (im *Import, err error) {
	data, err := readLimited(r, name)
	if err != nil {
		return nil, err
	}
	doc, err := ParseDOCX(data, name)
	if err != nil {
		return nil, err
	}
	return ReadDocument(doc, name, opts), nil
}

// ReadDocument reads a Word document's tables and numbered paragraphs as
// the sheets of a list.
func ReadDocument(doc *Document, name string, opts ReadOptions) *Import {
	rd := newReader(name, opts)
	for _, g := range doc.grids() {
		rd.opts.progress(g.name, len(g.lines), len(g.lines))
		rd.addGrid(g)
	}
	return rd.finish()
}

// Document is a Word document read as paragraphs and tables, in order.
type Document struct {
	Blocks []Block
}

// Block is one paragraph or one table of a document body.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Paragraph is a paragraph's text; Numbered is set for Word's own list
// numbering, whose numbers are not in the text.
type Paragraph struct {
	Text     string
	Numbered bool
	Font     string // the font of the first run that names one: ".VnTime" marks TCVN3
}

// Table is a table's rows; a cell spanning several columns is followed by
// empty cells, and a cell merged down into the rows below it (Word's
// vMerge) is recorded in Merges.
type Table struct {
	Rows   [][]string
	Fonts  [][]string
	Merges []cellRange
}

// Text is the document's text as it reads on the page, one line per
// paragraph; a table row gives a line per paragraph of its cells, the cells
// side by side separated by a tab (a decision's heading and signature are
// often tables of two columns).
func (d *Document) Text() []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Para != nil {
			out = append(out, legacyText(b.Para.Text, b.Para.Font))
			continue
		}
		for r, row := range b.Table.Rows {
			var cells [][]string
			n := 0
			for c, text := range row {
				font := ""
				if r < len(b.Table.Fonts) && c < len(b.Table.Fonts[r]) {
					font = b.Table.Fonts[r][c]
				}
				lines := strings.Split(legacyText(text, font), "\n")
				cells = append(cells, lines)
				n = max(n, len(lines))
			}
			for k := 0; k < n; k++ {
				var parts []string
				for _, lines := range cells {
					if k < len(lines) && strings.TrimSpace(lines[k]) != "" {
						parts = append(parts, lines[k])
					}
				}
				out = append(out, strings.Join(parts, "\t"))
			}
		}
	}
	return out
}

// legacyText is text typed in an old Vietnamese font (.VnTime, VNI-Times)
// as Unicode; other text as it is.
func legacyText(s, font string) string {
	if font == "" || isASCII(s) && !strings.HasSuffix(strings.ToLower(font), "h") {
		return s
	}
	out, _ := vntext.ToUnicode(s, font)
	return out
}

// maxDocxText bounds the text kept from one document: a list of the largest
// size the import reads holds far less.
const maxDocxText = 64 << 20

// ParseDOCX reads the body of a .docx; a Word 97–2003 document saved
// under that name is read as one (ParseDOC).
func ParseDOCX(data []byte, name string) (doc *Document, err error) {
	if bytes.HasPrefix(data, oleMagic) {
		return ParseDOC(data, name)
	}
	defer func() {
		if p := recover(); p != nil {
			slog.Error("roster: .docx reader panicked", "file", name, "panic", p)
			doc, err = nil, errDocxDamaged(name, fmt.Errorf("%v", p))
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errDocxDamaged(name, err)
	}
	if len(zr.File) > zipLimits.parts {
		return nil, errDocxDamaged(name, fmt.Errorf("%d thành phần", len(zr.File)))
	}
	var body, styles *zip.File
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(zipLimits.total) {
			return nil, errDocxDamaged(name, fmt.Errorf("phần %s lớn bất thường", f.Name))
		}
		switch strings.ToLower(f.Name) {
		case "word/document.xml":
			body = f
		case "word/styles.xml":
			styles = f
		}
	}
	if body == nil {
		return nil, errDocxDamaged(name, fmt.Errorf("không có word/document.xml"))
	}
	defaultFont := ""
	if styles != nil {
		defaultFont, _ = docxDefaultFont(styles)
	}
	rc, err := body.Open()
	if err != nil {
		return nil, errDocxDamaged(name, err)
	}
	defer rc.Close()
	p := &docxParser{defaultFont: defaultFont}
	if err := p.parse(io.LimitReader(rc, zipLimits.total)); err != nil {
		return nil, errDocxDamaged(name, err)
	}
	return &Document{Blocks: p.blocks}, nil
}

func errDocxDamaged(name string, cause error) error {
	return khenthuong.Errorf(khenthuong.EINVALID,
		"Tệp “%s” bị hỏng hoặc không phải văn bản Word .docx (%v): hãy mở bằng Word và lưu lại thành .docx", name, cause)
}

// docxDefaultFont is the document's default font (docDefaults), which runs
// that name none are typed in: ".VnTime" in old documents.
func docxDefaultFont(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, 16<<20))
	inDefaults := false
	for {
		tok, err := d.Token()
		if err != nil {
			return "", nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "docDefaults":
				inDefaults = true
			case "rFonts":
				if inDefaults {
					return fontAttr(t), nil
				}
			}
		case xml.EndElement:
			if t.Name.Local == "docDefaults" {
				return "", nil
			}
		}
	}
}

func fontAttr(t xml.StartElement) string {
	var ascii, hansi string
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "ascii":
			ascii = a.Value
		case "hAnsi":
			hansi = a.Value
		}
	}
	if ascii != "" {
		return ascii
	}
	return hansi
}

func docxAttr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// docxParser streams word/document.xml. Tables inside tables are read as
// text of the cell that holds them.
type docxParser struct {
	defaultFont string
	blocks      []Block
	size        int

	depth    int // table nesting
	table    *Table
	row      []string
	rowFonts []string
	vmerge   []int // per cell of the row: 0 none, 1 restart, 2 continue
	spans    []int
	cell     strings.Builder
	cellFont string
	cellSpan int
	cellVM   int
	inCell   bool

	para     strings.Builder
	paraFont string
	numbered bool
	inPara   bool
	inText   bool
}

func (p *docxParser) parse(r io.Reader) error {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p.start(t)
		case xml.EndElement:
			p.end(t.Name.Local)
		case xml.CharData:
			if p.inText && p.inPara {
				if p.size += len(t); p.size > maxDocxText {
					return fmt.Errorf("văn bản dài quá %d MB", maxDocxText>>20)
				}
				p.para.Write(t)
			}
		}
	}
}

func (p *docxParser) start(t xml.StartElement) {
	switch t.Name.Local {
	case "tbl":
		p.depth++
		if p.depth == 1 {
			p.table = &Table{}
		}
	case "tr":
		if p.depth == 1 {
			p.row, p.rowFonts, p.vmerge, p.spans = nil, nil, nil, nil
		}
	case "tc":
		if p.depth == 1 {
			p.cell.Reset()
			p.cellFont, p.cellSpan, p.cellVM, p.inCell = "", 1, 0, true
		}
	case "gridSpan":
		if p.depth == 1 {
			if v, ok := docxAttr(t, "val"); ok {
				if n, err := strconv.Atoi(v); err == nil && n > 1 && n <= maxColumns {
					p.cellSpan = n
				}
			}
		}
	case "vMerge":
		if p.depth == 1 {
			if v, _ := docxAttr(t, "val"); v == "restart" {
				p.cellVM = 1
			} else {
				p.cellVM = 2
			}
		}
	case "p":
		if !p.inPara {
			p.inPara = true
			p.para.Reset()
			p.paraFont, p.numbered = "", false
		}
	case "numPr":
		p.numbered = true
	case "rFonts":
		if p.paraFont == "" {
			p.paraFont = fontAttr(t)
		}
	case "t":
		p.inText = true
	case "tab":
		if p.inPara {
			p.para.WriteByte('\t')
		}
	case "br", "cr":
		if p.inPara {
			p.para.WriteByte('\n')
		}
	}
}

func (p *docxParser) end(local string) {
	switch local {
	case "t":
		p.inText = false
	case "p":
		if !p.inPara {
			return
		}
		p.inPara = false
		text := p.para.String()
		font := p.paraFont
		if font == "" {
			font = p.defaultFont
		}
		if p.inCell {
			if p.cell.Len() > 0 && text != "" {
				p.cell.WriteByte('\n')
			}
			p.cell.WriteString(text)
			if p.cellFont == "" && strings.TrimSpace(text) != "" {
				p.cellFont = font
			}
			return
		}
		p.blocks = append(p.blocks, Block{Para: &Paragraph{Text: text, Numbered: p.numbered, Font: font}})
	case "tc":
		if p.depth != 1 {
			return
		}
		p.inCell = false
		if len(p.row) >= maxColumns {
			return
		}
		p.row = append(p.row, p.cell.String())
		p.rowFonts = append(p.rowFonts, p.cellFont)
		p.vmerge = append(p.vmerge, p.cellVM)
		p.spans = append(p.spans, p.cellSpan)
		for k := 1; k < p.cellSpan && len(p.row) < maxColumns; k++ {
			p.row = append(p.row, "")
			p.rowFonts = append(p.rowFonts, "")
			p.vmerge = append(p.vmerge, p.cellVM)
			p.spans = append(p.spans, 0)
		}
	case "tr":
		if p.depth == 1 && p.table != nil {
			p.addRow()
		}
	case "tbl":
		if p.depth == 1 && p.table != nil {
			p.blocks = append(p.blocks, Block{Table: p.table})
			p.table = nil
		}
		if p.depth > 0 {
			p.depth--
		}
	}
}

// addRow appends the row read, extending the ranges merged down into it.
func (p *docxParser) addRow() {
	t := p.table
	r := len(t.Rows)
	for c, vm := range p.vmerge {
		if vm != 2 || p.spans[c] == 0 {
			continue
		}
		p.row[c] = "" // Word keeps the text in the first cell of the range
		for k := len(t.Merges) - 1; k >= 0; k-- {
			m := &t.Merges[k]
			if m.left == c && m.bottom == r-1 {
				m.bottom = r
				break
			}
		}
	}
	for c, vm := range p.vmerge {
		if vm == 1 && p.spans[c] > 0 {
			right := c + max(p.spans[c], 1) - 1
			t.Merges = append(t.Merges, cellRange{top: r, left: c, bottom: r, right: right})
		}
	}
	t.Rows = append(t.Rows, p.row)
	t.Fonts = append(t.Fonts, p.rowFonts)
}

// reasonLayout is why a document's table with no header is not read.
const reasonLayout = "bảng trình bày văn bản (quốc hiệu, chữ ký), không có cột danh sách"

// docxBefore is how many paragraphs above a table are kept for the section
// heading and the Tờ trình they may name.
const docxBefore = 8

// grids turns the document into the sheets the import reads: its tables,
// and its numbered paragraphs under section headings.
func (d *Document) grids() []*grid {
	var out []*grid
	var before []string
	tables := 0
	for _, b := range d.Blocks {
		if b.Para != nil {
			if s := strings.TrimSpace(b.Para.Text); s != "" {
				before = append(before, s)
				if len(before) > docxBefore {
					before = before[1:]
				}
			}
			continue
		}
		t := b.Table
		if len(t.Rows) == 0 {
			continue
		}
		tables++
		g := &grid{name: fmt.Sprintf("Bảng %d", tables), lines: t.Rows, before: before, continues: tables > 1, docTable: true}
		fonts := t.Fonts
		g.font = func(line, col int) string {
			if line-1 < len(fonts) && col < len(fonts[line-1]) {
				return fonts[line-1][col]
			}
			return ""
		}
		for _, m := range t.Merges {
			if m.bottom > m.top {
				g.merges = append(g.merges, m)
			}
		}
		out = append(out, g)
		before = nil
	}
	if g := paragraphList(d.Blocks); g != nil {
		out = append(out, g)
	}
	return out
}

// paragraphListSheet names the sheet of a list written as paragraphs.
const paragraphListSheet = "Danh sách trong văn bản"

// paragraphList is the list a document writes as numbered paragraphs under
// "I. TẬP THỂ", "II. CÁ NHÂN" headings ("1. Ông Trương Quang Sáng, Phó Giám
// đốc Sở Tư pháp;"), as a sheet: a header, the headings as section rows,
// an entry a row. Paragraphs above the first heading are kept for the Tờ
// trình and the form the title names; nil when there is no such list.
func paragraphList(blocks []Block) *grid {
	var paras []*Paragraph
	for _, b := range blocks {
		if b.Para != nil {
			paras = append(paras, b.Para)
		}
	}
	return linesList(paras, paragraphListSheet, true)
}

// linesList reads lines of text as a list under section headings; without
// needHeading, a list with no heading at all is read from its first entry
// (a chat message: "1. Ông A, Trưởng phòng...").
func linesList(paras []*Paragraph, name string, needHeading bool) *grid {
	first := -1
	// Headings are told on the text as read, legacy fonts converted; the
	// entries keep their bytes and font, for the import's own conversion.
	shown := make([]string, len(paras))
	for i, p := range paras {
		shown[i] = legacyText(p.Text, p.Font)
	}
	for i := range paras {
		if k, _ := sectionKind(shown[i]); k != "" {
			first = i
			break
		}
	}
	if first < 0 && !needHeading {
		for i := range paras {
			if _, _, ok := listEntry(strings.TrimSpace(shown[i])); ok {
				first = i
				break
			}
		}
	}
	if first < 0 {
		return nil
	}
	g := &grid{name: name, lines: [][]string{{"STT", "Họ và tên, chức vụ, đơn vị"}}, entries: true}
	var fonts []string
	fonts = append(fonts, "")
	for _, t := range shown[max(0, first-docxBefore):first] {
		if s := strings.TrimSpace(t); s != "" {
			g.before = append(g.before, s)
		}
	}
	entries, n := 0, 0
	for i, p := range paras[first:] {
		text := strings.TrimSpace(strings.ReplaceAll(p.Text, "\t", " "))
		read := strings.TrimSpace(strings.ReplaceAll(shown[first+i], "\t", " "))
		if text == "" {
			continue
		}
		if k, _ := sectionKind(read); k != "" || isHeading(read) {
			g.lines = append(g.lines, []string{read})
			fonts = append(fonts, p.Font)
			n = 0
			continue
		}
		num, rest, ok := listEntry(text)
		if !ok && !p.Numbered {
			if entries > 0 && isFooter(read) {
				g.lines = append(g.lines, []string{read})
				fonts = append(fonts, p.Font)
				break
			}
			continue // a sentence between the entries: not part of the list
		}
		n++
		if !ok {
			num, rest = strconv.Itoa(n), text
		}
		entries++
		g.lines = append(g.lines, []string{num, trimEntryEnd(rest)})
		fonts = append(fonts, p.Font)
	}
	if entries == 0 {
		return nil
	}
	g.font = func(line, col int) string {
		if col == 1 && line-1 < len(fonts) {
			return fonts[line-1]
		}
		return ""
	}
	return g
}

// listEntry splits "1. Ông A, ..." or "- Ông A" into its number and text.
func listEntry(text string) (num, rest string, ok bool) {
	i := 0
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	if i > 0 && i <= 4 && i < len(text) && (text[i] == '.' || text[i] == ')' || text[i] == '/') {
		return text[:i], strings.TrimSpace(text[i+1:]), true
	}
	for _, bullet := range []string{"-", "+", "•", "–", "*"} {
		if strings.HasPrefix(text, bullet+" ") {
			return "", strings.TrimSpace(text[len(bullet):]), true
		}
	}
	return "", "", false
}

// trimEntryEnd removes the punctuation a list entry ends with: ";", ".", "./.".
func trimEntryEnd(s string) string {
	s = strings.TrimSpace(s)
	for _, end := range []string{"./.", "/.", ";", ".", ","} {
		s = strings.TrimSpace(strings.TrimSuffix(s, end))
	}
	return s
}
