package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"khenthuong"
	"khenthuong/roster/docxtest"
	"khenthuong/vntext"
)

// tcvn3Bytes is s as a document typed in .VnTime stores it.
func tcvn3Bytes(t *testing.T, s string) []byte {
	t.Helper()
	inverse := map[rune]byte{}
	for b := 0x80; b <= 0xFF; b++ {
		dec := vntext.DecodeTCVN3(string(charmap.Windows1252.DecodeByte(byte(b))))
		if r, size := utf8.DecodeRuneInString(dec); size == len(dec) && r >= 0x80 {
			if _, ok := inverse[r]; !ok {
				inverse[r] = byte(b)
			}
		}
	}
	var out []byte
	for _, r := range norm.NFC.String(s) {
		switch b, ok := inverse[r]; {
		case r < 0x80:
			out = append(out, byte(r))
		case ok:
			out = append(out, b)
		default:
			t.Fatalf("%q has no TCVN3 byte", r)
		}
	}
	return out
}

// tcvn3Text is the TCVN3 bytes of s as Word shows them in a font it does not know.
func tcvn3Text(t *testing.T, s string) string {
	var b strings.Builder
	for _, c := range tcvn3Bytes(t, s) {
		b.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return b.String()
}

// legacyPDF writes lines in a simple font named font, its bytes as given.
func legacyPDF(t *testing.T, path, font string, lines [][]byte) {
	t.Helper()
	var content strings.Builder
	content.WriteString("BT /F1 12 Tf 14 TL 72 780 Td\n")
	for _, l := range lines {
		content.WriteString("(")
		for _, c := range l {
			if c == '(' || c == ')' || c == '\\' {
				content.WriteByte('\\')
			}
			content.WriteByte(c)
		}
		content.WriteString(") Tj T*\n")
	}
	content.WriteString("ET")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()),
		fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /%s /Encoding /WinAnsiEncoding >>", font),
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	for i, o := range objs {
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	b.WriteString("trailer << /Root 1 0 R >>\n%%EOF\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Decisions typed in .VnTime (TCVN3), as offices did until the 2010s: the
// number, date and list read as Unicode.
func TestReadLegacyDecision(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		"Sè: 156/QĐ-UB",
		"Đông Hà, ngày 12 tháng 3 năm 2012",
		"Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 cá nhân:",
		"Điều 2. Văn phòng thi hành./.",
		"CHỦ TỊCH",
		"Nguyễn Đức Cường",
		"DANH SÁCH",
		"II. CÁ NHÂN",
		"1. Ông Nguyễn Văn Tình, Trưởng phòng Sở Tư pháp;",
		"2. Bà Lê Thị Hoa, Chuyên viên Sở Tư pháp./.",
	}
	lines[0] = "Số: 156/QĐ-UB"
	check := func(t *testing.T, res *Result) {
		t.Helper()
		d := res.Decision
		if d.Number != "156/QĐ-UB" || d.Date != khenthuong.MustDate("2012-03-12") || d.FormCode != "BKCT" || d.SignerName != "Nguyễn Đức Cường" {
			t.Errorf("decision %q %v %q %q", d.Number, d.Date, d.FormCode, d.SignerName)
		}
		if len(d.Recipients) != 2 || d.Recipients[0].Nominee.Name != "Nguyễn Văn Tình" || d.Recipients[1].Nominee.Position != "Chuyên viên Sở Tư pháp" {
			t.Errorf("recipients %+v; problems %v", d.Recipients, res.Problems)
		}
	}
	t.Run("PDF", func(t *testing.T) {
		var enc [][]byte
		for _, l := range lines {
			enc = append(enc, tcvn3Bytes(t, l))
		}
		path := filepath.Join(dir, "qd.pdf")
		legacyPDF(t, path, "ABCDEF+.VnTime", enc)
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		check(t, res)
	})
	t.Run("Word", func(t *testing.T) {
		var body []string
		for _, l := range lines {
			body = append(body, docxtest.Para(tcvn3Text(t, l), false, ".VnTime"))
		}
		data, err := docxtest.Bytes(body...)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "qd.docx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Read(path, Options{Forms: testForms()})
		if err != nil {
			t.Fatal(err)
		}
		check(t, res)
	})
	for _, c := range []struct{ in, want string }{
		{"ABCDEF+.VnTimeH,Bold", ".VnTimeH"}, {"VnArial", ".VnArial"}, {"VNI-Times", "VNI-Times"}, {"TimesNewRomanPSMT", ""}, {"ABCDEF+Arial-BoldMT", ""},
	} {
		if got := legacyFont(c.in); got != c.want {
			t.Errorf("legacyFont(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
