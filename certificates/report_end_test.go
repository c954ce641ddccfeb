package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong"
)

// The report, headed "Số: /BC-UBND" like any document of the body, ends as
// one: Nơi nhận, and the signer's block for the body.
func TestReportEndsWithRecipientsAndSignature(t *testing.T) {
	sum := reportSummary()
	s := testSettings()
	s.Signers = []khenthuong.Signer{{Title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", Name: "Hoàng Nam"}}
	doc := ReportDoc{Summary: sum, Settings: s, From: sum.Filter.From, To: sum.Filter.To}
	path := docPDF(t, "report.pdf", func(b *bytes.Buffer) error { return WriteReport(b, doc) })
	pages := pdfText(t, path)
	last := squash(pages[len(pages)-1])
	for _, want := range []string{"Nơi nhận:", "- Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương);", "- Lưu: VT, SNV.",
		"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Nam"} {
		if !strings.Contains(last, want) {
			t.Errorf("the report's last page lacks %q:\n%s", want, last)
		}
	}
	if !strings.Contains(squash(pages[0]), "/BC-UBND") {
		t.Errorf("the report has no number line:\n%s", pages[0])
	}
	checkPageFrame(t, path, AdminStyle())
}
