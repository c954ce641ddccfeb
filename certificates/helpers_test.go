package certificates

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

// Fixtures: a real-looking decision with names that use every tone mark.

func testSettings() *khenthuong.Settings {
	s := khenthuong.DefaultSettings()
	return &s
}

func testForm(code string) *khenthuong.AwardForm {
	for _, f := range khenthuong.DefaultForms() {
		if f.Code == code {
			return &f
		}
	}
	panic("no form " + code)
}

func testDecision() *khenthuong.Decision {
	person := func(id uint64, title, name, position, unit, regno string) khenthuong.Recipient {
		return khenthuong.Recipient{NominationID: id, NomineeID: id, RegistryNo: regno, Nominee: khenthuong.Nominee{
			Kind: khenthuong.Individual, Title: title, Name: name, Position: position, Unit: unit}}
	}
	return &khenthuong.Decision{
		ID: 7, CampaignID: 1, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2022-10-24"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		Achievement: "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023",
		Recipients: []khenthuong.Recipient{
			person(101, "Bà", "Nguyễn Thị Ngọc Ánh", "Phó Trưởng phòng Phổ biến, giáo dục pháp luật,", "Sở Tư pháp", "BK-2022-0001"),
			person(102, "Ông", "Đặng Đại Bàng", "Trưởng Công an", "xã Hải Thượng", "BK-2022-0002"),
			person(103, "Ông", "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp", "BK-2022-0003"),
			person(104, "Đại tá", "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BK-2022-0004"),
			person(105, "Bà", "Huỳnh Thị Mỹ Duyên", "Giáo viên", "Trường Tiểu học Ưng Lịch, xã Gio Việt", "BK-2022-0005"),
			{NominationID: 106, NomineeID: 106, RegistryNo: "BK-2022-0006", Nominee: khenthuong.Nominee{
				Kind: khenthuong.Collective, Name: "Phòng Phổ biến, giáo dục pháp luật", Unit: "Sở Tư pháp"}},
		},
	}
}

func mustDefault(t testing.TB, name string) Template {
	t.Helper()
	tpl, err := DefaultTemplate(name)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

// requireTool fails (never skips) when a poppler or imagemagick tool is missing:
// these tests are the proof that the PDFs are right.
func requireTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s không có trên máy: cài gói poppler-utils (apt-get install poppler-utils) để chạy kiểm thử PDF", name)
	}
	return p
}

// runTool runs a poppler tool and fails on any complaint about the file: a
// reader that has to repair a PDF is a bug in the writer.
func runTool(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(requireTool(t, name), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

func writePDFFile(t testing.TB, name string, pages ...page.Page) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCertificates(&buf, pages...); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfText is the text of each page, by pdftotext in reading order.
func pdfText(t testing.TB, path string) []string {
	t.Helper()
	out := runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// word is a word box from pdftotext -bbox, converted to mm.
type word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// pdfWords returns the words of each page with their boxes in mm.
func pdfWords(t testing.TB, path string) [][]word {
	t.Helper()
	out := runTool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	var doc struct {
		Pages []struct {
			Words []struct {
				XMin string `xml:"xMin,attr"`
				YMin string `xml:"yMin,attr"`
				XMax string `xml:"xMax,attr"`
				YMax string `xml:"yMax,attr"`
				Text string `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox output: %v", err)
	}
	pt := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("bbox %q: %v", s, err)
		}
		return v * 25.4 / 72
	}
	var pages [][]word
	for _, p := range doc.Pages {
		var ws []word
		for _, w := range p.Words {
			ws = append(ws, word{Text: w.Text, XMin: pt(w.XMin), YMin: pt(w.YMin), XMax: pt(w.XMax), YMax: pt(w.YMax)})
		}
		pages = append(pages, ws)
	}
	return pages
}
