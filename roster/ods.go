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
)

// ReadODS reads an OpenDocument spreadsheet (.ods), the format LibreOffice
// saves by default and the national standard for documents exchanged
// between state bodies: every visible sheet, with the same cells, merged
// ranges and fonts (".VnTime" marks TCVN3 text) as ReadXLSX reads. The XML is
// streamed: a sheet's trailing million empty rows cost nothing.
func ReadODS(r io.Reader, name string, opts ReadOptions) (im *Import, err error) {
	data, err := readLimited(r, name)
	if err != nil {
		return nil, err
	}
	return readODS(data, name, opts)
}

// odsMimetype opens every OpenDocument spreadsheet: its first part, stored
// uncompressed, is the mimetype.
var odsMimetype = []byte("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")

// isODS tells an .ods from an .xlsx, both zip files, whatever the name says.
func isODS(data []byte) bool { return bytes.Contains(data[:min(len(data), 128)], odsMimetype) }

func readODS(data []byte, name string, opts ReadOptions) (im *Import, err error) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("roster: .ods reader panicked", "file", name, "panic", p)
			im, err = nil, errODSDamaged(name, fmt.Errorf("%v", p))
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errODSDamaged(name, err)
	}
	if len(zr.File) > zipLimits.parts {
		return nil, errODSDamaged(name, fmt.Errorf("%d thành phần", len(zr.File)))
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(zipLimits.total) {
			return nil, errODSDamaged(name, fmt.Errorf("phần %s lớn bất thường", f.Name))
		}
		parts[f.Name] = f
	}
	content := parts["content.xml"]
	if content == nil {
		return nil, errODSDamaged(name, fmt.Errorf("không có content.xml"))
	}
	rd := newReader(name, opts)
	st := odsStyles{parent: map[string]string{}, font: map[string]string{}, face: map[string]string{}, hidden: map[string]bool{}}
	if f := parts["styles.xml"]; f != nil {
		if err := parseODSPart(f, func(d *xml.Decoder) error { return st.read(d, nil) }, name, "phần kiểu dáng (styles.xml)", "", new(int64)); err != nil {
			if lerr := asLimit(err); lerr != nil {
				return nil, lerr
			}
			return nil, errODSDamaged(name, err)
		}
	}
	sheets := &odsSheets{rd: rd, styles: &st}
	var total int64
	if err := parseODSPart(content, func(d *xml.Decoder) error { return st.read(d, sheets) }, name, "nội dung (content.xml)", "table", &total); err != nil {
		if lerr := asLimit(err); lerr != nil {
			return nil, lerr
		}
		return nil, errODSDamaged(name, err)
	}
	return rd.finish(), nil
}

func errODSDamaged(name string, cause error) error {
	return khenthuong.Errorf(khenthuong.EINVALID,
		"Tệp “%s” bị hỏng hoặc không phải bảng tính .ods (%v): hãy mở bằng LibreOffice hoặc Excel và lưu thành .xlsx", name, cause)
}

// parseODSPart streams one XML part of the package through read, within
// the limits of limits.go (where names the sheet being read).
func parseODSPart(f *zip.File, read func(*xml.Decoder) error, file, part, sheetElem string, total *int64) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(newXMLGuard(io.LimitReader(rc, zipLimits.total), file, part, sheetElem, total))
	d.Strict = false
	return read(d)
}

// ODF namespaces of the elements and attributes read here.
const (
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsSVG    = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
	nsCalc   = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
)

func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

// repeat reads a number-…-repeated or …-spanned count: at least 1.
func repeat(e xml.StartElement, local string) int {
	n, err := strconv.Atoi(attr(e, nsTable, local))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// odsStyles are the cell styles' fonts, inherited through parent styles,
// and the table styles that hide a sheet.
type odsStyles struct {
	parent      map[string]string // style → parent style
	font        map[string]string // style → its own font (a font-face name)
	face        map[string]string // font-face name → font family
	hidden      map[string]bool   // table styles with table:display="false"
	defaultFont string            // of the default cell style
	legacy      bool              // a TCVN3 or VNI font is declared
}

// fontOf is the font family of a cell style, following its parents.
func (st *odsStyles) fontOf(style string) string {
	for i := 0; style != "" && i < 20; i++ {
		if f, ok := st.font[style]; ok {
			return st.family(f)
		}
		style = st.parent[style]
	}
	return st.family(st.defaultFont)
}

func (st *odsStyles) family(face string) string {
	if f, ok := st.face[face]; ok {
		return f
	}
	return face
}

// read walks a part: its font faces and styles, and, for content.xml, the
// sheets (sheets non-nil).
func (st *odsStyles) read(d *xml.Decoder, sheets *odsSheets) error {
	var style string // the style:style (or default-style, as "") being read
	inDefault := false
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
			switch {
			case t.Name.Space == nsStyle && t.Name.Local == "font-face":
				family := strings.Trim(attr(t, nsSVG, "font-family"), "'\"")
				st.face[attr(t, nsStyle, "name")] = family
				st.legacy = st.legacy || legacyFontName(family)
			case t.Name.Space == nsStyle && t.Name.Local == "style":
				style = attr(t, nsStyle, "name")
				if p := attr(t, nsStyle, "parent-style-name"); p != "" {
					st.parent[style] = p
				}
			case t.Name.Space == nsStyle && t.Name.Local == "default-style":
				inDefault = attr(t, nsStyle, "family") == "table-cell"
			case t.Name.Space == nsStyle && t.Name.Local == "text-properties":
				if f := attr(t, nsStyle, "font-name"); f != "" {
					if inDefault {
						st.defaultFont = f
					} else if style != "" {
						st.font[style] = f
					}
				}
			case t.Name.Space == nsStyle && t.Name.Local == "table-properties":
				if style != "" && attr(t, nsTable, "display") == "false" {
					st.hidden[style] = true
				}
			case sheets != nil && t.Name.Space == nsTable:
				if err := sheets.start(d, t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == nsStyle && t.Name.Local == "style":
				style = ""
			case t.Name.Space == nsStyle && t.Name.Local == "default-style":
				inDefault = false
			case sheets != nil && t.Name.Space == nsTable && t.Name.Local == "table-row":
				sheets.endRow()
				if sheets.err != nil {
					return &xmlLimit{err: sheets.err}
				}
			case sheets != nil && t.Name.Space == nsTable && t.Name.Local == "table":
				sheets.end()
			}
		}
	}
}

// odsSheets turns the table elements of content.xml into grids.
type odsSheets struct {
	rd     *reader
	styles *odsStyles

	sheet     *grid
	hidden    bool
	lines     [][]string
	fonts     map[[2]int]string
	empty     int      // empty rows read and not yet added: added only when content follows
	colStyles []string // default cell style of each column
	maxLines  int
	tooLong   bool
	row       []string
	rowFonts  []string
	rowCol    int
	rowRepeat int
	rowMerges []cellRange
	rowHidden bool  // table:visibility collapse (hidden) or filter (filtered out)
	expanded  int   // rows with content the repeat counts made, all sheets together
	err       error // a limit passed
}

// where names the sheet being read, for the limits' messages.
func (s *odsSheets) where() string {
	if s.sheet == nil {
		return "nội dung (content.xml)"
	}
	return "trang “" + s.sheet.name + "”"
}

func (s *odsSheets) start(d *xml.Decoder, t xml.StartElement) error {
	switch t.Name.Local {
	case "table":
		s.sheet = &grid{name: attr(t, nsTable, "name")}
		s.hidden = s.styles.hidden[attr(t, nsTable, "style-name")]
		s.lines, s.empty, s.colStyles, s.tooLong = nil, 0, nil, false
		s.fonts = nil
		if s.styles.legacy {
			s.fonts = map[[2]int]string{}
		}
		s.maxLines = s.rd.opts.MaxRows + headerScanRows + 1000
	case "table-column":
		n := min(repeat(t, "number-columns-repeated"), maxColumns-len(s.colStyles))
		hidden := attr(t, nsTable, "visibility") != "" && attr(t, nsTable, "visibility") != "visible"
		for i := 0; i < n; i++ {
			if hidden {
				s.sheet.hiddenCols = append(s.sheet.hiddenCols, len(s.colStyles))
			}
			s.colStyles = append(s.colStyles, attr(t, nsTable, "default-cell-style-name"))
		}
	case "table-row":
		s.row, s.rowFonts, s.rowCol, s.rowMerges = nil, nil, 0, nil
		s.rowRepeat = repeat(t, "number-rows-repeated")
		s.rowHidden = attr(t, nsTable, "visibility") != "" && attr(t, nsTable, "visibility") != "visible"
	case "table-cell", "covered-table-cell":
		return s.cell(d, t)
	}
	return nil
}

// cell reads one cell element (and its text) into the current row.
func (s *odsSheets) cell(d *xml.Decoder, t xml.StartElement) error {
	n := repeat(t, "number-columns-repeated")
	v, err := odsCellValue(d, t)
	if err != nil {
		return err
	}
	if v == "" {
		s.rowCol += n
		return nil
	}
	style := attr(t, nsTable, "style-name")
	if style == "" && s.rowCol < len(s.colStyles) {
		style = s.colStyles[s.rowCol]
	}
	if rows, cols := repeat(t, "number-rows-spanned"), repeat(t, "number-columns-spanned"); rows > 1 {
		s.rowMerges = append(s.rowMerges, cellRange{left: s.rowCol, bottom: rows - 1, right: s.rowCol + cols - 1})
	}
	for i := 0; i < n && s.rowCol < maxColumns; i++ {
		for len(s.row) < s.rowCol {
			s.row = append(s.row, "")
			s.rowFonts = append(s.rowFonts, "")
		}
		s.row = append(s.row, v)
		s.rowFonts = append(s.rowFonts, style)
		s.rowCol++
	}
	return nil
}

// odsCellValue is a cell's value as the .xlsx reader gives it raw: numbers as
// written, dates as YYYY-MM-DD, booleans as TRUE/FALSE, anything else (and
// error cells) as the displayed text. It consumes the element.
func odsCellValue(d *xml.Decoder, t xml.StartElement) (string, error) {
	text, err := odsText(d)
	if err != nil {
		return "", err
	}
	if attr(t, nsCalc, "value-type") == "error" {
		return text, nil
	}
	switch attr(t, nsOffice, "value-type") {
	case "float", "percentage", "currency":
		if v := attr(t, nsOffice, "value"); v != "" {
			return v, nil
		}
	case "date":
		if v, _, _ := strings.Cut(attr(t, nsOffice, "date-value"), "T"); v != "" {
			return v, nil
		}
	case "boolean":
		return strings.ToUpper(attr(t, nsOffice, "boolean-value")), nil
	}
	return text, nil
}

// odsText reads the paragraphs of the element just started, up to its end:
// paragraphs joined by line breaks, text:s as spaces, text:tab as a tab;
// annotations (comments) left out.
func odsText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth, paragraphs, skip := 1, 0, 0
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case skip > 0 || t.Name.Space == nsOffice && t.Name.Local == "annotation":
				skip++
			case t.Name.Space == nsText && t.Name.Local == "p":
				if paragraphs > 0 {
					b.WriteByte('\n')
				}
				paragraphs++
			case t.Name.Space == nsText && t.Name.Local == "s":
				b.WriteString(strings.Repeat(" ", min(repeatText(t), 100)))
			case t.Name.Space == nsText && t.Name.Local == "tab":
				b.WriteByte('\t')
			case t.Name.Space == nsText && t.Name.Local == "line-break":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
			}
		case xml.CharData:
			if skip == 0 && b.Len() < 1<<20 {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

func repeatText(t xml.StartElement) int {
	n, err := strconv.Atoi(attr(t, nsText, "c"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// endRow adds the row read, repeated as the file says; empty rows wait until
// content follows them, so the trailing empty rows are never made.
func (s *odsSheets) endRow() {
	if s.sheet == nil {
		return
	}
	row := trimRow(s.row)
	if row == nil {
		s.empty += s.rowRepeat
		return
	}
	if s.expanded += s.rowRepeat; s.expanded > maxExpandedRows(s.rd.opts) && s.err == nil {
		s.err = limitErr(s.rd.im.File, s.where(), "các dòng lặp lại (table:number-rows-repeated) tạo ra hơn %d dòng", maxExpandedRows(s.rd.opts))
	}
	for i := 0; i < s.rowRepeat; i++ {
		line := len(s.lines) + s.empty
		if line >= s.maxLines {
			s.tooLong = true
			return
		}
		for ; s.empty > 0; s.empty-- {
			s.lines = append(s.lines, nil)
		}
		if s.rowHidden {
			if s.sheet.hidden == nil {
				s.sheet.hidden = map[int]bool{}
			}
			s.sheet.hidden[line] = true
		}
		s.lines = append(s.lines, row)
		for _, m := range s.rowMerges {
			m.top, m.bottom = line, line+m.bottom
			if len(s.sheet.merges) < maxMergesToFill {
				s.sheet.merges = append(s.sheet.merges, m)
			}
		}
		if s.fonts != nil {
			for c, style := range s.rowFonts {
				if c < len(row) && row[c] != "" {
					s.fonts[[2]int{line, c}] = style
				}
			}
		}
		if len(s.lines)%progressEvery == 0 {
			s.rd.opts.progress(s.sheet.name, len(s.lines), 0)
		}
	}
}

// end hands the finished sheet to the reader.
func (s *odsSheets) end() {
	g := s.sheet
	if g == nil {
		return
	}
	s.sheet = nil
	rd := s.rd
	if s.hidden {
		rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: g.name, Skipped: reasonHidden})
		return
	}
	if s.tooLong {
		rd.problem(g.name, s.maxLines+1, "", "", SeverityError,
			"Trang dài quá %d dòng: chỉ đọc %d dòng đầu, hãy tách thành nhiều tệp", s.maxLines, s.maxLines)
	}
	g.lines = s.lines
	if len(g.lines) > maxLinesToFill {
		g.merges = nil
	}
	if fonts, styles := s.fonts, s.styles; fonts != nil {
		g.font = func(line, col int) string {
			return styles.fontOf(fonts[[2]int{line - 1, col}])
		}
	}
	rd.opts.progress(g.name, len(g.lines), len(g.lines))
	rd.addGrid(g)
}
