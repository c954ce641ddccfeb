package certificates

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/vntext"
)

func TestPaymentsPDF(t *testing.T) {
	t.Run("OneDecisionTotalInWords", func(t *testing.T) {
		// The decision is of 5/1/2025: base salary 2,340,000, coefficients 1.0
		// (individual) and 2.0 (collective): 2,340,000 × 3 + 4,680,000.
		d := mixDecision("BKCT", 51, 1, 3, 0, false)
		doc := PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings()}
		path := docPDF(t, "ct.pdf", func(b *bytes.Buffer) error { return WritePayments(b, doc) })
		text := squash(strings.Join(pdfText(t, path), " "))
		for _, want := range []string{
			PaymentsTitle, "(Kèm theo Quyết định số 2871/QĐ-UBND ngày 05 tháng 01 năm 2025 của Chủ tịch UBND tỉnh)",
			"STT", "Họ và tên / Tên tập thể", "Hình thức", "Số tiền (đồng)", "Ký nhận",
			"I. TẬP THỂ", "II. CÁ NHÂN", "4.680.000", "2.340.000", "Cộng I 4.680.000", "Cộng II 7.020.000",
			"TỔNG CỘNG 11.700.000", "Bằng chữ: Mười một triệu bảy trăm nghìn đồng.",
			"NGƯỜI LẬP BIỂU", "KẾ TOÁN", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("payment list lacks %q:\n%s", want, text)
			}
		}
		checkPageFrame(t, path, AdminStyle())
	})
	t.Run("SevenMillionTwentyThousand", func(t *testing.T) {
		d := mixDecision("BKCT", 52, 0, 3, 0, false)
		doc := PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings()}
		path := docPDF(t, "ct.pdf", func(b *bytes.Buffer) error { return WritePayments(b, doc) })
		text := squash(strings.Join(pdfText(t, path), " "))
		for _, want := range []string{"TỔNG CỘNG 7.020.000", "Bằng chữ: Bảy triệu không trăm hai mươi nghìn đồng."} {
			if !strings.Contains(text, want) {
				t.Errorf("payment list lacks %q:\n%s", want, text)
			}
		}
		if strings.Contains(text, "Cộng I") || strings.Contains(text, "I. CÁ NHÂN") {
			t.Error("one group needs no subtotal and no “I.” heading")
		}
	})
	t.Run("CeremonyGroupsByKind", func(t *testing.T) {
		ds := ceremonyDecisions()
		doc := PaymentsDoc{Decisions: ds, Forms: testForms(), Settings: testSettings(),
			Campaign: &khenthuong.Campaign{Name: "Tổng kết 10 năm phong trào"}}
		groups, total := khenthuong.PaymentList(ds, doc.Forms)
		var sum int64
		var kinds []khenthuong.Kind
		for _, g := range groups {
			kinds = append(kinds, g.Kind)
			var gs int64
			for i, r := range g.Rows {
				if r.No != i+1 {
					t.Errorf("%s row %d numbered %d", g.Heading, i+1, r.No)
				}
				gs += r.Amount
			}
			if gs != g.Total {
				t.Errorf("%s total %d, rows sum to %d", g.Heading, g.Total, gs)
			}
			sum += gs
		}
		var want int64
		for _, d := range ds {
			want += d.Total()
		}
		if sum != total || total != want {
			t.Errorf("total %d, rows %d, decisions %d", total, sum, want)
		}
		if len(kinds) != 3 || kinds[0] != khenthuong.Collective || kinds[1] != khenthuong.Individual || kinds[2] != khenthuong.Household {
			t.Errorf("groups %v", kinds)
		}
		// Within a kind, the ceremony's order: the Cờ thi đua's collectives first.
		if groups[0].Rows[0].Form != "Cờ thi đua" {
			t.Errorf("first row is %q", groups[0].Rows[0].Form)
		}
		path := docPDF(t, "ct.pdf", func(b *bytes.Buffer) error { return WritePayments(b, doc) })
		var text string
		for _, p := range pdfLayout(t, path) {
			text += squash(strings.Join(p, " ")) + " "
		}
		for _, want := range []string{
			"Tổng kết 10 năm phong trào", "(Kèm theo các Quyết định số 2871/QĐ-UBND, 12/QĐ-UBND và 07/QĐ-UBND)",
			"III. HỘ GIA ĐÌNH", "Cộng III", "TỔNG CỘNG " + vntext.FormatNumber(want), vntext.AmountInWords(want) + ".",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("payment list lacks %q", want)
			}
		}
		checkPageFrame(t, path, AdminStyle())
	})
	t.Run("SharedTitlesUseFullNames", func(t *testing.T) {
		a := mixDecision("BKCT", 53, 1, 1, 0, false)
		b := mixDecision("BKMTTQ", 54, 1, 1, 0, false)
		labels := khenthuong.ShortFormNames([]khenthuong.Decision{*a, *b}, testForms())
		if labels["BKCT"] != "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" || labels["BKMTTQ"] == labels["BKCT"] {
			t.Errorf("labels %v", labels)
		}
	})
}

// TestPaymentsLong checks a long list: rows numbered from 1 in each group
// across pages, the header row on every page, the frame kept.
func TestPaymentsLong(t *testing.T) {
	d := mixDecision("BKCT", 55, 40, 160, 5, true)
	doc := PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings()}
	path := docPDF(t, "ct.pdf", func(b *bytes.Buffer) error { return WritePayments(b, doc) })
	pages := pdfLayout(t, path)
	if len(pages) < 10 {
		t.Fatalf("%d pages", len(pages))
	}
	row := regexp.MustCompile(`^\s*(\d+)\s{2,}\S`)
	group := regexp.MustCompile(`^\s*(I|II|III)\.\s+\S`)
	n, rows := 0, 0
	for i, lines := range pages {
		if j := strings.Join(lines, "\n"); !strings.Contains(j, "Số tiền") || !strings.Contains(j, "Ký nhận") {
			t.Errorf("page %d lacks the header row", i+1)
		}
		for _, l := range lines {
			if group.MatchString(l) {
				n = 0
				continue
			}
			if m := row.FindStringSubmatch(l); m != nil && !strings.Contains(l, "Quảng Trị") {
				n++
				rows++
				if m[1] != fmt.Sprint(n) {
					t.Errorf("page %d: row numbered %s, want %d", i+1, m[1], n)
				}
			}
		}
	}
	if rows != len(d.Recipients) {
		t.Errorf("%d rows read back, want %d", rows, len(d.Recipients))
	}
	checkPageFrame(t, path, AdminStyle())
}
