package certificates

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"khenthuong"
)

var renderDocs = flag.Bool("render-docs", false,
	"render the first pages of the office documents into ../docs (decision-page1.png, decision-list.png, runsheet.png, payments.png) at 80 dpi, to look at")

// TestRenderDocs renders the pages the README shows: run with -render-docs
// and look at them.
func TestRenderDocs(t *testing.T) {
	if !*renderDocs {
		return
	}
	dir := filepath.Join("..", "docs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := mixDecision("BKCT", 2871, 6, 24, 2, false)
	d.Number, d.Date = "2871/QĐ-UBND", khenthuong.MustDate("2024-06-02")
	d.SubmissionDate = khenthuong.MustDate("2024-05-20")
	base := testDecision()
	d.Recipients = append(append([]khenthuong.Recipient{}, base.Recipients[5]), append(d.Recipients, base.Recipients[:5]...)...)
	khenthuong.SortRecipients(d.Recipients, khenthuong.OrderList)
	for i := range d.Recipients {
		d.Recipients[i].NominationID = uint64(i + 1)
		if d.Recipients[i].Amount == 0 {
			d.Recipients[i].Amount = 2340000
			if d.Recipients[i].Nominee.Kind == khenthuong.Collective {
				d.Recipients[i].Amount = 4680000
			}
		}
	}
	forms := testForms()
	cd := mixDecision("CTDT", 7, 2, 0, 0, false)
	cd.Number, cd.SignerTitle, cd.SignerName = "2870/QĐ-UBND", "CHỦ TỊCH", "Võ Văn Hưng"
	campaign := &khenthuong.Campaign{Name: "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023",
		CeremonyDate: khenthuong.MustDate("2024-06-20"), CeremonyPlace: "Hội trường Ủy ban nhân dân tỉnh Quảng Trị"}
	render := func(name string, first, last int, write func(*bytes.Buffer) error) {
		path := docPDF(t, name+".pdf", write)
		out := filepath.Join(t.TempDir(), name)
		runTool(t, "pdftoppm", "-r", "80", "-png", "-f", itoa(first), "-l", itoa(last), "-singlefile", path, out)
		data, err := os.ReadFile(out + ".png")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := decisionDoc(d)
	render("decision-page1", 1, 1, func(b *bytes.Buffer) error { return WriteDecision(b, doc, DecisionOptions{}) })
	render("decision-list", 2, 2, func(b *bytes.Buffer) error { return WriteDecision(b, doc, DecisionOptions{}) })
	render("runsheet", 1, 1, func(b *bytes.Buffer) error {
		return WriteRunSheet(b, RunSheetDoc{Decisions: []khenthuong.Decision{*d, *cd}, Forms: forms, Settings: testSettings(), Campaign: campaign,
			BatchSize: 8, Presenters: []Presenter{{Name: "Võ Văn Hưng", Title: "Chủ tịch UBND tỉnh"}, {Name: "Nguyễn Văn Dũng", Title: "Phó Giám đốc Công an tỉnh"}}})
	})
	render("payments", 1, 1, func(b *bytes.Buffer) error {
		return WritePayments(b, PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: forms, Settings: testSettings()})
	})
}

func itoa(n int) string { return string(rune('0' + n)) }
