package certificates

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/stats"
	"khenthuong/vntext"
)

func reportSummary() *stats.Summary {
	var decs []khenthuong.Decision
	for i, code := range []string{"BKCT", "BKCT", "GKSO"} {
		d := mixDecision(code, uint64(i+1), 3+i, 40+7*i, 2, false)
		d.Status = khenthuong.DecisionIssued
		decs = append(decs, *d)
	}
	var forms []khenthuong.AwardForm
	for _, f := range testForms() {
		forms = append(forms, *f)
	}
	s := stats.Summarize(nil, decs, forms, stats.Filter{From: khenthuong.MustDate("2025-01-01"), To: khenthuong.MustDate("2025-12-31")})
	return &s
}

func TestWriteReport(t *testing.T) {
	requireTool(t, "pdftotext")
	sum := reportSummary()
	doc := ReportDoc{Summary: sum, Settings: testSettings(), From: sum.Filter.From, To: sum.Filter.To, Issuer: "Chủ tịch UBND tỉnh"}
	path := docPDF(t, "report.pdf", func(b *bytes.Buffer) error { return WriteReport(b, doc) })
	if dir := os.Getenv("KT_REPORT_OUT"); dir != "" {
		data, _ := os.ReadFile(path)
		_ = os.WriteFile(dir, data, 0o644)
	}
	pages := pdfLayout(t, path)
	var all []string
	for _, p := range pages {
		all = append(all, p...)
	}
	text := strings.Join(all, "\n")
	flat := strings.Join(strings.Fields(text), " ")
	t.Run("HeaderAndTitle", func(t *testing.T) {
		for _, want := range []string{QuocHieu, ReportTitle, "Từ ngày 01/01/2025 đến ngày 31/12/2025", "Thẩm quyền khen thưởng: Chủ tịch UBND tỉnh"} {
			if !strings.Contains(flat, want) {
				t.Errorf("no %q in\n%s", want, text)
			}
		}
	})
	t.Run("TotalsInVietnameseFormat", func(t *testing.T) {
		for _, l := range stats.Totals(sum) {
			if !strings.Contains(flat, l[0]+": "+l[1]) {
				t.Errorf("no %q", l[0]+": "+l[1])
			}
		}
		if sum.Bonus < 1000 || !strings.Contains(flat, vntext.FormatNumber(sum.Bonus)) || !strings.Contains(vntext.FormatNumber(sum.Bonus), ".") {
			t.Errorf("bonus %d not printed with dots", sum.Bonus)
		}
	})
	t.Run("EveryRowPrinted", func(t *testing.T) {
		for _, sec := range stats.Sections(sum) {
			if !strings.Contains(flat, sec.Title) {
				t.Errorf("no section %q", sec.Title)
			}
			for _, r := range sec.Rows {
				if r.Count == 0 {
					continue
				}
				// The chart's label beside the bar: "12 (34,5%)".
				want := vntext.FormatNumber(int64(r.Count)) + " (" + stats.FormatPercent(r.Percent) + ")"
				if !strings.Contains(flat, want) {
					t.Errorf("%s: no bar label %q", sec.Title, want)
				}
			}
		}
		if !strings.Contains(flat, "Cộng "+vntext.FormatNumber(int64(sum.Awards))+" 100%") {
			t.Errorf("no total row of %d awards", sum.Awards)
		}
	})
	t.Run("InsideMargins", func(t *testing.T) { checkPageFrame(t, path, AdminStyle()) })
	t.Run("NoSummary", func(t *testing.T) {
		if err := WriteReport(&bytes.Buffer{}, ReportDoc{Settings: testSettings()}); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("err %v", err)
		}
	})
}
