package roster

import (
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

// TestReadWebPageXLS: the page a web system's "Xuất Excel" sends, named .xls:
// a title table before the list, headers in <th> over two rows, a unit
// typed once for two people (rowspan), names in bold, a line break inside a
// cell, and an old Windows-1258 page.
func TestReadWebPageXLS(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>Danh sách</title></head><body>
<table><tr><td>UBND HUYỆN GIO LINH</td></tr></table>
<table border="1">
 <thead>
  <tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th><th colspan="2">Năm sinh</th><th rowspan="2">Đơn vị</th><th rowspan="2">Hình thức khen thưởng</th></tr>
  <tr><th>Nam</th><th>Nữ</th></tr>
 </thead>
 <tbody>
  <tr><td>1</td><td><b>Lê</b> Văn   An</td><td>1970</td><td></td><td rowspan="2">Phòng Nội vụ<br>huyện Gio Linh</td><td>BKCT</td></tr>
  <tr><td>2</td><td>Trần Thị <i>Hoa</i></td><td></td><td>1982</td><td>BKCT</td></tr>
  <tr><td>3</td><td><font face=".VnTime">Tr&#173;&#172;ng Quang S&#184;ng</font></td><td>1975</td><td></td><td>Sở Tư pháp</td><td>BKCT</td></tr>
 </tbody>
</table></body></html>`
	dir := t.TempDir()
	path := filepath.Join(dir, "xuat-excel.xls")
	must(t, writeFile(path, []byte(page)))
	im, err := Read(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 {
		t.Fatalf("errors:%s", problemsOf(im))
	}
	an := person("", "Lê Văn An", "nam", "1970", "", "Phòng Nội vụ huyện Gio Linh", "BKCT")
	hoa := person("", "Trần Thị Hoa", "nu", "1982", "", "Phòng Nội vụ huyện Gio Linh", "BKCT")
	sang := person("", "Trương Quang Sáng", "nam", "1975", "", "Sở Tư pháp", "BKCT")
	checkRows(t, im, []wantRow{{line: 3, n: an}, {line: 4, n: hoa}, {line: 5, n: sang}})
	if len(im.Sheets) != 2 || !strings.Contains(im.Sheets[1].Name, "bảng 2") || im.Sheets[1].HeaderRow != 1 {
		t.Errorf("sheets %+v", im.Sheets)
	}

	// The same page saved by an old system in Windows-1258.
	page1258 := strings.NewReplacer("utf-8", "windows-1258").Replace(page)
	old := filepath.Join(dir, "cu.xls")
	must(t, writeFile(old, cp1258(t, page1258)))
	again, err := Read(old, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, again, []wantRow{{line: 3, n: an}, {line: 4, n: hoa}, {line: 5, n: sang}})
}

// TestReadSpreadsheetML: Excel 2003's XML Spreadsheet under an .xls name:
// styles with a .VnTime font, rows and cells placed by ss:Index, a unit
// merged down over two people, a date, a hidden sheet.
func TestReadSpreadsheetML(t *testing.T) {
	doc := `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="Times New Roman"/></Style>
  <Style ss:ID="vn"><Font ss:FontName=".VnTime" ss:Size="13"/></Style>
 </Styles>
 <Worksheet ss:Name="Danh sách">
  <Table>
   <Column ss:Index="7" ss:Hidden="1" ss:Width="40"/>
   <Row><Cell><Data ss:Type="String">DANH SÁCH ĐỀ NGHỊ</Data></Cell></Row>
   <Row ss:Index="3"><Cell><Data ss:Type="String">STT</Data></Cell><Cell><Data ss:Type="String">Họ và tên</Data></Cell>
    <Cell><Data ss:Type="String">Ngày sinh</Data></Cell><Cell><Data ss:Type="String">Đơn vị</Data></Cell><Cell ss:Index="6"><Data ss:Type="String">Hình thức khen thưởng</Data></Cell><Cell><Data ss:Type="String">Mã nội bộ</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:StyleID="vn"><Data ss:Type="String">Nguy&#212;n V&#168;n T&#215;nh</Data></Cell>
    <Cell><Data ss:Type="DateTime">1970-03-08T00:00:00.000</Data></Cell><Cell ss:MergeDown="1" ss:MergeAcross="1"><Data ss:Type="String">Sở Nội vụ</Data></Cell>
    <Cell ss:Index="6"><Data ss:Type="String">BKCT</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell><Data ss:Type="String">Hoàng Thị Mỹ Linh</Data></Cell>
    <Cell><Data ss:Type="Number">1990</Data></Cell><Cell ss:Index="6"><Data ss:Type="String">BKCT</Data></Cell></Row>
   <Row ss:Hidden="1"><Cell><Data ss:Type="Number">3</Data></Cell><Cell><Data ss:Type="String">Võ Văn Ẩn</Data></Cell>
    <Cell><Data ss:Type="Number">1991</Data></Cell><Cell><Data ss:Type="String">Sở Y tế</Data></Cell><Cell ss:Index="6"><Data ss:Type="String">BKCT</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Ẩn">
  <Table><Row><Cell><Data ss:Type="String">STT</Data></Cell><Cell><Data ss:Type="String">Họ và tên</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
</Workbook>`
	path := filepath.Join(t.TempDir(), "xml2003.xls")
	must(t, writeFile(path, []byte(doc)))
	im, err := Read(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if p := problemsOf(im); im.Errors() != 0 || im.Warnings() != 3 || !strings.Contains(p, "Cột G đang bị ẩn") ||
		!strings.Contains(p, "dòng 6: Dòng đang bị ẩn") || !strings.Contains(p, "không ghi giới tính ở 2 dòng") {
		t.Fatalf("want the hidden column G, the hidden row 6 and the genders read from the names reported:%s", p)
	}
	checkRows(t, im, []wantRow{
		{line: 4, n: person("", "Nguyễn Văn Tình", khenthuong.Male, "1970-03-08", "", "Sở Nội vụ", "BKCT")},
		{line: 5, n: person("", "Hoàng Thị Mỹ Linh", khenthuong.Female, "1990", "", "Sở Nội vụ", "BKCT")},
	})
	if len(im.Sheets) != 2 || im.Sheets[0].HeaderRow != 3 || im.Sheets[1].Skipped != reasonHidden {
		t.Errorf("sheets %+v", im.Sheets)
	}
	if len(im.Converted) != 1 || im.Converted[0].Row != 4 || !strings.HasPrefix(im.Converted[0].Column, "B") {
		t.Errorf("converted %+v, want the .VnTime name in B4 only", im.Converted)
	}
}
