package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/vntext"
)

// TestReportCountsFromTheStore prints the report of the demo data and checks
// its totals against counts made from `list decisions --json`.
func TestReportCountsFromTheStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo")
	var ds []khenthuong.Decision
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "decisions", "--json")), &ds); err != nil {
		t.Fatal(err)
	}
	from, to := khenthuong.MustDate("2000-01-01"), khenthuong.MustDate("2099-12-31")
	var decisions, awards, people, women, colls int
	var bonus int64
	byForm := map[string]int{}
	for _, d := range ds {
		if d.Status != khenthuong.DecisionIssued || d.Date.Before(from) || to.Before(d.Date) {
			continue
		}
		decisions++
		for _, r := range d.Recipients {
			awards++
			bonus += r.Amount
			byForm[d.FormCode]++
			switch r.Nominee.Kind {
			case khenthuong.Individual:
				people++
				if r.Nominee.Gender == khenthuong.Female {
					women++
				}
			case khenthuong.Collective:
				colls++
			}
		}
	}
	if awards == 0 {
		t.Fatal("the demo has no award to count")
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "báo cáo.pdf")
	mustCLI(t, db, "report", "--from", from.String(), "--to", to.String(), "-o", pdf)
	text := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	t.Run("PDFTotals", func(t *testing.T) {
		for _, want := range []string{
			"BÁO CÁO TỔNG HỢP KẾT QUẢ KHEN THƯỞNG",
			"Từ ngày 01/01/2000 đến ngày 31/12/2099",
			"Số quyết định khen thưởng đã ban hành: " + vntext.FormatNumber(int64(decisions)),
			"Tổng số lượt được khen thưởng: " + vntext.FormatNumber(int64(awards)),
			"Tổng số tập thể được khen thưởng: " + vntext.FormatNumber(int64(colls)),
			"Tổng số cá nhân được khen thưởng: " + vntext.FormatNumber(int64(people)),
			"Trong đó nữ: " + vntext.FormatNumber(int64(women)),
			"Tổng số tiền thưởng: " + vntext.FormatNumber(bonus) + " đồng",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("no %q in\n%s", want, text)
			}
		}
	})
	t.Run("XLSXByForm", func(t *testing.T) {
		xlsx := filepath.Join(dir, "báo cáo.xlsx")
		mustCLI(t, db, "report", "--from", from.String(), "--to", to.String(), "-o", xlsx)
		f, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("Hình thức", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(byForm)+5 { // title, period, a blank row, the header, the forms, the total
			t.Fatalf("%d rows for %d forms: %q", len(rows), len(byForm), rows)
		}
		if last := rows[len(rows)-1]; last[2] != vntext.FormatNumber(int64(awards)) && last[2] != strings.ReplaceAll(vntext.FormatNumber(int64(awards)), ".", "") {
			t.Errorf("total row %q, want %d", last, awards)
		}
	})
	t.Run("IssuerWithNoAwards", func(t *testing.T) {
		out := filepath.Join(dir, "trống.pdf")
		// An issuer of the catalogue without awards (an unknown one is refused).
		mustCLI(t, db, "report", "--from", from.String(), "--to", to.String(), "--issuer", "Giám đốc Sở", "-o", out)
		if text := strings.Join(strings.Fields(pdfText(t, out)), " "); !strings.Contains(text, "Tổng số lượt được khen thưởng: 0") {
			t.Errorf("not zero:\n%s", text)
		}
	})
	t.Run("ReportUsage", func(t *testing.T) {
		for _, args := range [][]string{
			{"report", "--from", "2025-01-01", "-o", filepath.Join(dir, "a.pdf")},
			{"report", "--from", "2025-01-01", "--to", "2025-12-31", "-o", filepath.Join(dir, "a.txt")},
			{"report", "--from", "2025-12-31", "--to", "2025-01-01", "-o", filepath.Join(dir, "a.pdf")},
		} {
			if _, _, code := cli(t, db, args...); code != 2 {
				t.Errorf("%q: exit %d, want 2", args, code)
			}
		}
	})
}
