package roster

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"khenthuong"
)

// cp1258 encodes text the way old Excel saved CSV on Vietnamese Windows:
// base letters (â ê ô ă ơ ư đ) precomposed, the tone a separate byte.
func cp1258(t *testing.T, s string) []byte {
	t.Helper()
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if _, ok := charmap.Windows1258.EncodeRune(r); ok {
			b.WriteRune(r)
			continue
		}
		var base, tones []rune
		for _, m := range norm.NFD.String(string(r)) {
			switch m {
			case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:
				tones = append(tones, m)
			default:
				base = append(base, m)
			}
		}
		b.WriteString(norm.NFC.String(string(base)))
		b.WriteString(string(tones))
	}
	out, err := charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatalf("cp1258(%q): %v", s, err)
	}
	return out
}

func TestReadCSV(t *testing.T) {
	want := []wantRow{
		{line: 2, n: person("Ông", "Trương Quang Sáng", khenthuong.Male, "1975-01-05", "Phó Giám đốc", "Sở Tư pháp", "BKCT")},
		{line: 4, n: person("Bà", "Nguyễn Thị Như Quỳnh", khenthuong.Female, "1980", "Chuyên viên", "Sở Tư pháp, tỉnh Quảng Trị", "BKCT")},
	}
	utf8Text := "STT;Họ và tên;Giới tính;Ngày sinh;Chức vụ;Đơn vị;Hình thức\r\n" +
		"1;Ông Trương Quang Sáng;Nam;05/01/1975;Phó Giám đốc;Sở Tư pháp;BKCT\r\n" +
		"\r\n" +
		"2;Bà Nguyễn Thị Như Quỳnh;Nữ;1980;Chuyên viên;\"Sở Tư pháp, tỉnh Quảng Trị\";Bằng khen của Chủ tịch UBND tỉnh\r\n"
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(utf8Text, ";", "\t")))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, encoding string
		data           []byte
	}{
		{"UTF8WithBOM", "UTF-8 (BOM)", append(append([]byte{}, utf8BOM...), utf8Text...)},
		{"UTF8WithoutBOM", "UTF-8", []byte(utf8Text)},
		{"CommaSeparated", "UTF-8", []byte(strings.NewReplacer(";", ",", "\"Sở Tư pháp, tỉnh Quảng Trị\"", "\"Sở Tư pháp, tỉnh Quảng Trị\"").Replace(utf8Text))},
		{"ExcelSepHint", "UTF-8", []byte("sep=;\r\n" + utf8Text)},
		{"Windows1258", "Windows-1258", cp1258(t, utf8Text)},
		{"UTF16", "UTF-16", utf16},
		{"NFD", "UTF-8", []byte(strings.NewReplacer("Trương", "Tru\u031bo\u031bng", "Quỳnh", "Quy\u0300nh").Replace(utf8Text))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im, err := ReadCSV(bytes.NewReader(c.data), "ds.csv", testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if im.Errors() != 0 || im.Warnings() != 0 {
				t.Fatalf("problems:%s", problemsOf(im))
			}
			if im.Encoding != c.encoding {
				t.Errorf("encoding = %q, want %q", im.Encoding, c.encoding)
			}
			checkRows(t, im, want)
		})
	}
}

// TestReadCSVLegacyBytes: a workbook typed in .VnTime saved as CSV holds
// TCVN3 bytes, header included.
func TestReadCSVLegacyBytes(t *testing.T) {
	data := []byte("STT;H\xe4 v\xb5 t\xaan;\xa7\xacn v\xde;H\xd7nh th\xf8c\r\n" +
		"1;Nguy\xd4n V\xa8n T\xd7nh;Tr\xb9m Y t\xd5 x\xb7 Ng\xad H\xe3a;BKCT\r\n")
	im, err := ReadCSV(bytes.NewReader(data), "cu.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 || im.Encoding != "8 bit (TCVN3/VNI)" || len(im.Converted) != 5 {
		t.Fatalf("encoding %q, %d conversions, problems:%s", im.Encoding, len(im.Converted), problemsOf(im))
	}
	checkRows(t, im, []wantRow{{line: 2, n: person("", "Nguyễn Văn Tình", khenthuong.Male, "", "", "Trạm Y tế xã Ngư Hóa", "BKCT")}})
}

func TestReadCSVQuotedLineBreakKeepsRowNumbers(t *testing.T) {
	text := "STT,Họ và tên,Đơn vị,Thành tích,Hình thức\n" +
		"1,Nguyễn Văn An,Sở Nội vụ,\"Dòng một\nDòng hai\",BKCT\n" +
		"2,Lê Văn Bình,Sở Nội vụ,Ngắn,XYZ\n"
	im, err := ReadCSV(strings.NewReader(text), "ds.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Rows) != 2 || im.Rows[0].Nomination.Achievement != "Dòng một\nDòng hai" {
		t.Fatalf("rows = %+v", im.Rows)
	}
	if p := im.Problems[len(im.Problems)-1]; im.Rows[1].Line != 3 || im.Errors() != 1 || p.Row != 3 || !strings.HasPrefix(p.Column, "E (") {
		t.Errorf("second row at line %d; problems:%s", im.Rows[1].Line, problemsOf(im))
	}
}

func TestReadCSVRejectsOtherFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"xlsx": []byte("PK\x03\x04rest"),
		"xls":  append(append([]byte{}, oleMagic...), 0, 0),
	} {
		if _, err := ReadCSV(bytes.NewReader(data), "ds.csv", testOptions()); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("%s: err = %v, want EINVALID", name, err)
		}
	}
}

// TestReadCSVVIQR: a list typed in VIQR, as old e-mailed files were: the
// header and the names read as Vietnamese, each cell reported as converted;
// plain unaccented text is left alone.
func TestReadCSVVIQR(t *testing.T) {
	text := "STT;Ho. va` te^n;Chu+'c vu.;DDo+n vi.;Hi`nh thu+'c\n" +
		"1;Nguye^~n Va(n Ti`nh;Tru+o+?ng pho`ng;So+? Tu+ pha'p;BKCT\n" +
		"2;Tru+o+ng Quang Sa'ng;Pho' Gia'm ddo^'c;So+? No^.i vu.;BKCT\n" +
		"3;Nguyen Van An;Chuyen vien;So Y te;BKCT\n" +
		"4;Le^ Va(n Tie^'n;Ke^' toa'n;Minh Ho'a;BKCT\n" // one mark, in a VIQR file
	im, err := ReadCSV(strings.NewReader(text), "viqr.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 {
		t.Fatalf("problems:%s", problemsOf(im))
	}
	checkRows(t, im, []wantRow{
		{line: 2, n: person("", "Nguyễn Văn Tình", khenthuong.Male, "", "Trưởng phòng", "Sở Tư pháp", "BKCT")},
		{line: 3, n: person("", "Trương Quang Sáng", "", "", "Phó Giám đốc", "Sở Nội vụ", "BKCT")},
		{line: 4, n: person("", "Nguyen Van An", "", "", "Chuyen vien", "So Y te", "BKCT")},
		{line: 5, n: person("", "Lê Văn Tiến", khenthuong.Male, "", "Kế toán", "Minh Hóa", "BKCT")},
	})
	for _, c := range im.Converted {
		if c.Encoding != "VIQR" || c.Row == 4 {
			t.Errorf("conversion %+v", c)
		}
	}
	if len(im.Converted) != 13 {
		t.Errorf("%d cells converted, want the 4 VIQR headers and the 9 VIQR cells: %+v", len(im.Converted), im.Converted)
	}
	// Outside a VIQR file, one apostrophe is an apostrophe.
	plain, err := ReadCSV(strings.NewReader("STT;Họ và tên;Đơn vị;Hình thức\n1;Lê Văn An;Cty O'Neil Việt Nam;BKCT\n"), "plain.csv", testOptions())
	if err != nil || len(plain.Converted) != 0 || plain.Rows[0].Nomination.Nominee.Unit != "Cty O'Neil Việt Nam" {
		t.Errorf("plain file: %v, converted %+v", err, plain.Converted)
	}
}
