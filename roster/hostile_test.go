package roster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"khenthuong"
)

// Hostile files: small on disk, huge once expanded (issue 17, point 3). Each
// is refused with a message naming the file, the sheet and the limit, and
// reading it allocates a bounded amount whatever it claims to hold.

const (
	xmlHead = `<?xml version="1.0" encoding="UTF-8"?>`
	nsMain  = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
)

// hugeCellXLSX is an .xlsx whose one shared string is size bytes of "A".
func hugeCellXLSX(t testing.TB, size int) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
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
		t.Fatal(err)
	}
	io.WriteString(w, xmlHead+`<sst `+nsMain+` count="1" uniqueCount="1"><si><t>`)
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for n := size; n > 0; n -= len(chunk) {
		w.Write(chunk[:min(n, len(chunk))])
	}
	io.WriteString(w, `</t></si></sst>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// repeatODS is an .ods whose tables repeat a row with content a billion times.
func repeatODS(t testing.TB, tables int) []byte {
	t.Helper()
	var body strings.Builder
	for i := range tables {
		fmt.Fprintf(&body, `<table:table table:name="Trang %d"><table:table-column table:number-columns-repeated="1000000000"/><table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000" table:number-rows-spanned="1000000000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`, i+1)
	}
	return odsOf(t, body.String())
}

func odsOf(t testing.TB, tables string) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	w, err = zw.Create("content.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, xmlHead+`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>`+
		tables+`</office:spreadsheet></office:body></office:document-content>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func nestedODS(t testing.TB, depth int) []byte {
	return odsOf(t, `<table:table table:name="Danh sách"><table:table-row><table:table-cell office:value-type="string"><text:p>`+
		strings.Repeat("<text:span>", depth)+"x"+strings.Repeat("</text:span>", depth)+`</text:p></table:table-cell></table:table-row></table:table>`)
}

func nestedSpreadsheetML(depth int) []byte {
	return []byte(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Danh sách"><Table><Row><Cell><Data ss:Type="String">` +
		strings.Repeat("<a>", depth) + "x" + strings.Repeat("</a>", depth) + `</Data></Cell></Row></Table></Worksheet></Workbook>`)
}

func nestedHTML(depth int) []byte {
	return []byte(`<html><body><table><tr><td>` + strings.Repeat("<b><i><u><s><em><strong><font><span><a>", depth/9) +
		strings.Repeat("<p>x", 500) + `</td></tr></table></body></html>`)
}

type hostileFile struct {
	name, file, sheet, limit string
	read                     func() (*Import, error)
}

func hostileFiles(t testing.TB) []hostileFile {
	opts := ReadOptions{Forms: khenthuong.DefaultForms()}
	xlsx := hugeCellXLSX(t, 390<<20)
	csv := bytes.Repeat([]byte("x"), 50<<20)
	csvLine := bytes.Repeat([]byte("x;"), 25<<20)
	ods := repeatODS(t, 4)
	return []hostileFile{
		{"HugeCellXLSX", "o-lon.xlsx", "sharedStrings.xml", "32767 ký tự",
			func() (*Import, error) { return ReadXLSX(bytes.NewReader(xlsx), "o-lon.xlsx", opts) }},
		{"OneCellCSV", "mot-dong.csv", "trang “mot-dong.csv”", "32767 ký tự",
			func() (*Import, error) { return ReadCSV(bytes.NewReader(csv), "mot-dong.csv", opts) }},
		{"OneLineCSV", "mot-dong.csv", "trang “mot-dong.csv”", "dòng dài quá 4 MB",
			func() (*Import, error) { return ReadCSV(bytes.NewReader(csvLine), "mot-dong.csv", opts) }},
		{"RepeatODS", "lap.ods", "trang “Trang 1”", "lặp lại",
			func() (*Import, error) { return ReadODS(bytes.NewReader(ods), "lap.ods", opts) }},
		{"NestedODS", "long.ods", "trang “Danh sách”", "lồng nhau sâu quá",
			func() (*Import, error) { return ReadODS(bytes.NewReader(nestedODS(t, 3000)), "long.ods", opts) }},
		{"NestedSpreadsheetML", "long.xls", "trang “Danh sách”", "lồng nhau sâu quá",
			func() (*Import, error) {
				return ReadXLS(bytes.NewReader(nestedSpreadsheetML(3000)), "long.xls", opts)
			}},
		{"NestedHTML", "web.xls", "trang web", "lồng nhau sâu quá",
			func() (*Import, error) { return ReadXLS(bytes.NewReader(nestedHTML(900)), "web.xls", opts) }},
	}
}

func TestHostileFilesRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds files of hundreds of megabytes (compressed to a few hundred kilobytes)")
	}
	for _, h := range hostileFiles(t) {
		t.Run(h.name, func(t *testing.T) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			im, err := h.read()
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("read: %d rows, %d problems, want a refusal", len(im.Rows), len(im.Problems))
			}
			msg := khenthuong.ErrorMessage(err)
			if khenthuong.ErrorCode(err) != khenthuong.EINVALID {
				t.Fatalf("code %s: %v", khenthuong.ErrorCode(err), err)
			}
			for _, want := range []string{h.file, h.sheet, h.limit} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			// The input itself (up to 50 MB, and its decoded copy) aside, reading adds little.
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 200<<20 {
				t.Errorf("reading allocated %d MB", grown>>20)
			}
		})
	}
}

// TestLimitsLeaveOrdinaryFilesAlone: a long (but real) cell and a deep (but
// real) nesting pass.
func TestLimitsLeaveOrdinaryFilesAlone(t *testing.T) {
	opts := ReadOptions{Forms: khenthuong.DefaultForms()}
	cell := strings.Repeat("Đã có thành tích xuất sắc. ", 1000) // 27,000 characters, 36 KB
	csv := "STT;Họ và tên;Thành tích\n1;Lê Văn An;" + cell + "\n"
	if _, err := ReadCSV(strings.NewReader(csv), "dai.csv", opts); err != nil {
		t.Fatalf("a long cell: %v", err)
	}
	if _, err := ReadODS(bytes.NewReader(nestedODS(t, 20)), "ods.ods", opts); err != nil {
		t.Fatalf("20 nested spans: %v", err)
	}
	if _, err := ReadXLSX(bytes.NewReader(hugeCellXLSX(t, 30_000)), "o.xlsx", opts); asLimit(err) != nil {
		t.Fatalf("a 30,000-character cell: %v", err)
	}
}

// The hostile shapes, small, as seeds of the fuzz targets: the limits hold
// whatever the fuzzer makes of them.
func FuzzHostile(f *testing.F) {
	f.Add(uint8(0), 200_000)
	f.Add(uint8(1), 3000)
	f.Add(uint8(2), 3000)
	f.Add(uint8(3), 3)
	f.Add(uint8(4), 5_000_000)
	f.Fuzz(func(t *testing.T, kind uint8, n int) {
		opts := fuzzOptions()
		n = min(max(n, 0), 8<<20)
		var im *Import
		var err error
		switch kind % 5 {
		case 0:
			im, err = ReadXLSX(bytes.NewReader(hugeCellXLSX(t, n)), "f.xlsx", opts)
		case 1:
			im, err = ReadODS(bytes.NewReader(nestedODS(t, n%5000)), "f.ods", opts)
		case 2:
			im, err = ReadXLS(bytes.NewReader(nestedSpreadsheetML(n%5000)), "f.xls", opts)
		case 3:
			im, err = ReadODS(bytes.NewReader(repeatODS(t, n%8)), "f.ods", opts)
		case 4:
			im, err = ReadCSV(bytes.NewReader(bytes.Repeat([]byte("x;"), n/2)), "f.csv", opts)
		}
		checkImport(t, im, err)
	})
}
