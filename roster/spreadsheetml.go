package roster

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// Excel 2003's "XML Spreadsheet" (SpreadsheetML), which many programs still
// write under an .xls name. readSpreadsheetML reads its worksheets as
// ReadXLSX reads an .xlsx: cells by ss:Index, merged cells from ss:MergeDown,
// hidden sheets, and the fonts of the cells' styles.

const nsSpreadsheet = "urn:schemas-microsoft-com:office:spreadsheet"

// looksLikeSpreadsheetML reports whether data is an XML Spreadsheet.
func looksLikeSpreadsheetML(data []byte) bool {
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte("<?xml")) && bytes.Contains(head, []byte(nsSpreadsheet))
}

// ssAttr is an attribute of the spreadsheet namespace (ss:Index, or Index
// in the default namespace).
func ssAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == nsSpreadsheet || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

func ssInt(e xml.StartElement, local string) int {
	n, _ := strconv.Atoi(ssAttr(e, local))
	return n
}

func readSpreadsheetML(data []byte, name string, opts ReadOptions) (*Import, error) {
	rd := newReader(name, opts)
	d := xml.NewDecoder(newXMLGuard(bytes.NewReader(data), name, "bảng tính", "Worksheet", nil))
	d.Strict = false
	styleFont := map[string]string{}
	style := ""
	legacy := false
	var g *grid
	var fonts map[[2]int]string
	var hidden bool
	var row []string
	var rowFonts []string
	line, col := 0, 0
	column := 0 // the next <Column> element's column, 0-based
	maxLines := rd.opts.MaxRows + headerScanRows + 1000
	var cellStyle string
	var cellMergeDown, cellMergeAcross int
	inData := false
	var text strings.Builder
	finishSheet := func() {
		if g == nil {
			return
		}
		if hidden {
			rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: g.name, Skipped: reasonHidden})
		} else {
			if legacy {
				f := fonts
				g.font = func(line, col int) string { return f[[2]int{line - 1, col}] }
			}
			rd.addGrid(g)
		}
		g = nil
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lerr := asLimit(err); lerr != nil {
				return nil, lerr
			}
			if g == nil && len(rd.im.Sheets) == 0 {
				return nil, errXLSDamaged(name, err)
			}
			rd.problem(name, 0, "", "", SeverityError, "Tệp đọc không hết (%v)", err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Style":
				style = ssAttr(t, "ID")
			case "Font":
				if f := ssAttr(t, "FontName"); style != "" && f != "" {
					styleFont[style] = f
					legacy = legacy || legacyFontName(f)
				}
			case "Worksheet":
				finishSheet()
				g = &grid{name: ssAttr(t, "Name")}
				fonts, hidden, line, column = map[[2]int]string{}, false, 0, 0
			case "Column":
				if i := ssInt(t, "Index"); i > column+1 {
					column = i - 1
				}
				n := 1 + min(max(ssInt(t, "Span"), 0), maxColumns)
				for k := 0; k < n && column < maxColumns; k++ {
					if g != nil && ssAttr(t, "Hidden") == "1" {
						g.hiddenCols = append(g.hiddenCols, column)
					}
					column++
				}
			case "Row":
				if i := ssInt(t, "Index"); i > line+1 {
					line = i - 1 // rows skipped
				}
				row, rowFonts, col = nil, nil, 0
				if g != nil && ssAttr(t, "Hidden") == "1" {
					if g.hidden == nil {
						g.hidden = map[int]bool{}
					}
					g.hidden[line] = true
				}
			case "Cell":
				if i := ssInt(t, "Index"); i > col+1 {
					col = i - 1
				}
				cellStyle, cellMergeDown = ssAttr(t, "StyleID"), ssInt(t, "MergeDown")
				cellMergeAcross = min(max(ssInt(t, "MergeAcross"), 0), maxColumns)
				if g != nil && cellMergeDown > 0 && line < maxLines && len(g.merges) < maxMergesToFill {
					g.merges = append(g.merges, cellRange{top: line, left: col, bottom: line + min(cellMergeDown, maxHTMLRowSpan), right: col + cellMergeAcross})
				}
			case "Data":
				inData = true
				text.Reset()
			case "Visible":
				var v string
				if err := d.DecodeElement(&v, &t); err == nil && strings.Contains(v, "Hidden") {
					hidden = true
				}
			}
		case xml.CharData:
			if inData && text.Len() < 1<<20 {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Style":
				style = ""
			case "Data":
				inData = false
				if col < maxColumns {
					for len(row) <= col {
						row = append(row, "")
						rowFonts = append(rowFonts, "")
					}
					row[col] = ssValue(text.String())
					rowFonts[col] = styleFont[cellStyle]
				}
			case "Cell":
				col += 1 + cellMergeAcross // the cells a merge covers are not written
			case "Row":
				if g != nil && line < maxLines {
					for len(g.lines) < line {
						g.lines = append(g.lines, nil)
					}
					g.lines = append(g.lines, trimRow(row))
					for c, f := range rowFonts {
						if f != "" {
							fonts[[2]int{line, c}] = f
						}
					}
				}
				line++
			case "Worksheet":
				finishSheet()
			}
		}
	}
	finishSheet()
	return rd.finish(), nil
}

// ssValue is a Data element's text as the .xlsx reader gives a raw value:
// a DateTime's date part, anything else as written.
func ssValue(s string) string {
	if len(s) >= 19 && s[4] == '-' && s[7] == '-' && s[10] == 'T' {
		return s[:10] // 1975-05-12T00:00:00.000
	}
	return s
}
