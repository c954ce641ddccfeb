// Package docxtest writes Word documents for tests, part by part:
// paragraphs, and tables whose cells span columns (gridSpan) or are merged
// down (vMerge), with a font where old documents have one (.VnTime).
package docxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
)

// Cell is a table cell: its text, the columns it spans, and whether it
// starts ("restart") or continues ("cont") a range merged down.
type Cell struct {
	Text  string
	Span  int
	VM    string
	Font  string
	Paras []string // several paragraphs in the cell
}

// C is a plain cell.
func C(text string) Cell { return Cell{Text: text} }

// Span is a cell over n columns.
func Span(text string, n int) Cell { return Cell{Text: text, Span: n} }

// Para is a paragraph, numbered by Word's list numbering or not, in font.
func Para(text string, numbered bool, font string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if numbered {
		b.WriteString(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
	}
	b.WriteString("<w:r>")
	if font != "" {
		fmt.Fprintf(&b, `<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr>`, font, font)
	}
	fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t></w:r></w:p>`, html.EscapeString(text))
	return b.String()
}

// P is a plain paragraph.
func P(text string) string { return Para(text, false, "") }

// Table is a table of rows of cells.
func Table(rows ...[]Cell) string {
	var b strings.Builder
	b.WriteString("<w:tbl><w:tblPr/>")
	for _, r := range rows {
		b.WriteString("<w:tr>")
		for _, c := range r {
			b.WriteString("<w:tc><w:tcPr>")
			if c.Span > 1 {
				fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, c.Span)
			}
			switch c.VM {
			case "restart":
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case "cont":
				b.WriteString(`<w:vMerge/>`)
			}
			b.WriteString("</w:tcPr>")
			paras := c.Paras
			if paras == nil {
				paras = []string{c.Text}
			}
			for _, p := range paras {
				b.WriteString(Para(p, false, c.Font))
			}
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

// Bytes is the .docx of the body's paragraphs and tables.
func Bytes(body ...string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, text string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			strings.Join(body, "") + `<w:sectPr/></w:body></w:document>`},
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.text)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
