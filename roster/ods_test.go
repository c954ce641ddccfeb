package roster

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

// odsFile writes an .ods package with the given body (the office:spreadsheet
// content), automatic styles and styles.xml styles.
func odsFile(t testing.TB, dir, name, fontFaces, autoStyles, commonStyles, body string) string {
	t.Helper()
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
		`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
		`xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, text string, method uint16) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		must(t, err)
		_, err = w.Write([]byte(text))
		must(t, err)
	}
	put("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zip.Store)
	put("content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content `+ns+`><office:font-face-decls>`+fontFaces+
		`</office:font-face-decls><office:automatic-styles>`+autoStyles+`</office:automatic-styles><office:body><office:spreadsheet>`+body+
		`</office:spreadsheet></office:body></office:document-content>`, zip.Deflate)
	put("styles.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-styles `+ns+`><office:font-face-decls>`+fontFaces+
		`</office:font-face-decls><office:styles>`+commonStyles+`</office:styles></office:document-styles>`, zip.Deflate)
	must(t, zw.Close())
	path := filepath.Join(dir, name)
	must(t, writeFile(path, buf.Bytes()))
	return path
}

func odsRow(cells ...string) string {
	var b strings.Builder
	b.WriteString("<table:table-row>")
	for _, c := range cells {
		if strings.HasPrefix(c, "<") {
			b.WriteString(c)
			continue
		}
		fmt.Fprintf(&b, `<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>`, c)
	}
	b.WriteString(`<table:table-cell table:number-columns-repeated="16000"/></table:table-row>`)
	return b.String()
}

func TestReadODS(t *testing.T) {
	faces := `<style:font-face style:name=".VnTime" svg:font-family=".VnTime"/><style:font-face style:name="Times" svg:font-family="'Times New Roman'"/>`
	auto := `<style:style style:name="hide" style:family="table"><style:table-properties table:display="false"/></style:style>` +
		`<style:style style:name="uni" style:family="table-cell" style:parent-style-name="Default"><style:text-properties style:font-name="Times"/></style:style>`
	// The workbook's default cell style is .VnTime, as old offices set it up.
	common := `<style:default-style style:family="table-cell"><style:text-properties style:font-name="Times"/></style:default-style>` +
		`<style:style style:name="Default" style:family="table-cell"><style:text-properties style:font-name=".VnTime"/></style:style>`
	body := `<table:table table:name="Danh sách"><table:table-column table:number-columns-repeated="6" table:default-cell-style-name="Default"/>` +
		`<table:table-column table:visibility="collapse" table:default-cell-style-name="Default"/>` + // G: the unit's own code, hidden
		`<table:table-column table:number-columns-repeated="16377" table:default-cell-style-name="Default"/>` +
		odsRow("DANH S\u00c1CH") +
		`<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
		odsRow("STT", "H\u00e4 v\u00b5 t\u00aan", "Năm sinh", "Đơn vị", "Hình thức khen thưởng",
			`<table:table-cell table:style-name="uni" office:value-type="string"><text:p>Ghi chú</text:p></table:table-cell>`,
			`<table:table-cell table:style-name="uni" office:value-type="string"><text:p>Ghi chú nội bộ</text:p></table:table-cell>`) +
		odsRow(`<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`,
			"Nguy\u00d4n V\u00a8n T\u00d7nh",
			`<table:table-cell office:value-type="date" office:date-value="1970-03-08T00:00:00"><text:p>08/03/1970</text:p></table:table-cell>`,
			`<table:table-cell table:style-name="uni" office:value-type="string" table:number-rows-spanned="2"><text:p>Sở<text:s text:c="3"/>Nội vụ</text:p></table:table-cell>`,
			"BKCT",
			`<table:table-cell table:style-name="uni" office:value-type="string"><office:annotation><text:p>lời bình</text:p></office:annotation><text:p>dòng một</text:p><text:p>dòng hai</text:p></table:table-cell>`) +
		odsRow(`<table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>`,
			"Tr\u00ad\u00acng Quang S\u00b8ng", `<table:table-cell office:value-type="float" office:value="1975"><text:p>1975</text:p></table:table-cell>`,
			`<table:covered-table-cell/>`, "BKCT",
			`<table:table-cell calcext:value-type="error" office:value-type="float" office:value="0"><text:p>#N/A</text:p></table:table-cell>`) +
		// Filtered out by the unit: not imported.
		strings.Replace(odsRow(`<table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>`,
			"Hoàng Văn Em", "1980", "Sở Y tế", "BKCT"), "<table:table-row>", `<table:table-row table:visibility="filter">`, 1) +
		// LibreOffice pads every sheet out to its last row.
		`<table:table-row table:number-rows-repeated="1048560"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
		`</table:table>` +
		`<table:table table:name="Ẩn" table:style-name="hide">` + odsRow("STT", "Họ và tên") + `</table:table>`
	dir := t.TempDir()
	path := odsFile(t, dir, "ds.ods", faces, auto, common, body)
	check := func(t *testing.T, im *Import) {
		t.Helper()
		if im.Errors() != 0 {
			t.Fatalf("errors:%s", problemsOf(im))
		}
		tinh := person("", "Nguyễn Văn Tình", khenthuong.Male, "1970-03-08", "", "Sở Nội vụ", "BKCT")
		tinh.Notes = "dòng một\ndòng hai" // the paragraphs, without the comment
		checkRows(t, im, []wantRow{
			{line: 5, n: tinh},
			{line: 6, n: person("", "Trương Quang Sáng", "", "1975", "", "Sở Nội vụ", "BKCT")},
		})
		if len(im.Sheets) != 2 || im.Sheets[0].HeaderRow != 4 || im.Sheets[1].Skipped != reasonHidden {
			t.Errorf("sheets %+v", im.Sheets)
		}
		var converted []string
		for _, c := range im.Converted {
			converted = append(converted, fmt.Sprintf("%s%d", c.Column[:1], c.Row))
		}
		if got := strings.Join(converted, " "); got != "A1 B4 B5 B6" {
			t.Errorf("converted cells %s, want the .VnTime ones A1 B4 B5 B6 (not the Unicode unit in D5)", got)
		}
		warned := false
		for _, p := range im.Problems {
			warned = warned || p.Row == 6 && strings.HasPrefix(p.Column, "F") && strings.Contains(p.Message, "lỗi công thức")
		}
		if !warned {
			t.Errorf("the #N/A cell is not reported:%s", problemsOf(im))
		}
		hiddenWarned, colWarned := false, false
		for _, p := range im.Problems {
			hiddenWarned = hiddenWarned || p.Row == 7 && strings.Contains(p.Message, "bị ẩn")
			colWarned = colWarned || p.Row == 0 && p.Column == "G" && p.Value == "Ghi chú nội bộ"
		}
		if !colWarned {
			t.Errorf("the hidden column G is not reported:%s", problemsOf(im))
		}
		if !hiddenWarned {
			t.Errorf("the filtered-out row 7 is not reported:%s", problemsOf(im))
		}
	}
	opts := testOptions()
	im, err := Read(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	check(t, im)

	t.Run("NamedXLSX", func(t *testing.T) {
		b, err := os.ReadFile(path)
		must(t, err)
		renamed := filepath.Join(dir, "doi-ten.xlsx")
		must(t, writeFile(renamed, b))
		im, err := Read(renamed, opts)
		if err != nil {
			t.Fatal(err)
		}
		check(t, im)
	})
	t.Run("Damaged", func(t *testing.T) {
		b, err := os.ReadFile(path)
		must(t, err)
		bad := filepath.Join(dir, "hong.ods")
		must(t, writeFile(bad, b[:len(b)/2]))
		if _, err := Read(bad, opts); err == nil || !strings.Contains(err.Error(), "hong.ods") || !strings.Contains(err.Error(), "bị hỏng") {
			t.Errorf("damaged file: %v", err)
		}
	})
}
