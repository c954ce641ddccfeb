// Package hostile makes the hostile files of issue 17: small on disk, huge
// once expanded. The roster tests and the stress figures read the same ones.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
)

const (
	xmlHead = `<?xml version="1.0" encoding="UTF-8"?>`
	nsMain  = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
)

// HugeCellXLSX is an .xlsx whose one shared string is size bytes of "A".
func HugeCellXLSX(size int) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err) // a bytes.Buffer does not fail
		}
		io.WriteString(w, body)
	}
	put("[Content_Types].xml", xmlHead+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	put("_rels/.rels", xmlHead+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", xmlHead+`<workbook `+nsMain+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", xmlHead+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	put("xl/worksheets/sheet1.xml", xmlHead+`<worksheet `+nsMain+`><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`)
	w, err := zw.Create("xl/sharedStrings.xml")
	if err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	io.WriteString(w, xmlHead+`<sst `+nsMain+` count="1" uniqueCount="1"><si><t>`)
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for n := size; n > 0; n -= len(chunk) {
		w.Write(chunk[:min(n, len(chunk))])
	}
	io.WriteString(w, `</t></si></sst>`)
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

// RepeatODS is an .ods whose tables repeat a row with content a billion times.
func RepeatODS(tables int) []byte {
	var body strings.Builder
	for i := range tables {
		fmt.Fprintf(&body, `<table:table table:name="Trang %d"><table:table-column table:number-columns-repeated="1000000000"/><table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000" table:number-rows-spanned="1000000000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`, i+1)
	}
	return odsOf(body.String())
}

func odsOf(tables string) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	w, err = zw.Create("content.xml")
	if err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	io.WriteString(w, xmlHead+`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>`+
		tables+`</office:spreadsheet></office:body></office:document-content>`)
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

func NestedODS(depth int) []byte {
	return odsOf(`<table:table table:name="Danh sách"><table:table-row><table:table-cell office:value-type="string"><text:p>` +
		strings.Repeat("<text:span>", depth) + "x" + strings.Repeat("</text:span>", depth) + `</text:p></table:table-cell></table:table-row></table:table>`)
}

func NestedSpreadsheetML(depth int) []byte {
	return []byte(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Danh sách"><Table><Row><Cell><Data ss:Type="String">` +
		strings.Repeat("<a>", depth) + "x" + strings.Repeat("</a>", depth) + `</Data></Cell></Row></Table></Worksheet></Workbook>`)
}

func NestedHTML(depth int) []byte {
	return []byte(`<html><body><table><tr><td>` + strings.Repeat("<b><i><u><s><em><strong><font><span><a>", depth/9) +
		strings.Repeat("<p>x", 500) + `</td></tr></table></body></html>`)
}

// OneCellCSV is a CSV of one cell of size bytes; OneLineCSV one line of
// size/2 cells.
func OneCellCSV(size int) []byte { return bytes.Repeat([]byte("x"), size) }

func OneLineCSV(size int) []byte { return bytes.Repeat([]byte("x;"), size/2) }
