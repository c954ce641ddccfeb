package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong"
)

// The payment list names a collective with its parent unit and a household
// with its address, as the decision's list does (Nominee.EntryParts), so the
// cashier pays the right one of two "Phòng An ninh nội địa".
func TestPaymentsShowUnitAndAddress(t *testing.T) {
	cases := []struct {
		name   string
		n      khenthuong.Nominee
		detail string // printed under the name; "" for none
	}{
		{"collective with its parent unit", khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng An ninh nội địa", Unit: "Công an tỉnh"}, "Công an tỉnh"},
		{"collective naming its unit", khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Công an xã Ngư Hóa, huyện Minh Hóa", Unit: "huyện Minh Hóa"}, ""},
		{"household with its address", khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Nguyễn Văn Tình", Address: "Thôn Tân Lịch, xã Ngư Hóa"}, "Thôn Tân Lịch, xã Ngư Hóa"},
		{"household with a unit only", khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ bà Lê Thị Mai", Unit: "Khu phố 3, phường Đông Lương"}, "Khu phố 3, phường Đông Lương"},
		{"citizen with an address only", khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Hồ Văn Lâm", Address: "Bản Cà Roòng, xã Thượng Trạch"}, "Bản Cà Roòng, xã Thượng Trạch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mixDecision("BKCT", 61, 0, 0, 0, false)
			d.Recipients = []khenthuong.Recipient{{NominationID: 1, NomineeID: 1, Nominee: c.n, Amount: 3_510_000, RegistryNo: "BKCT-2025-0001"}}
			pay := PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings()}
			payText := squash(strings.Join(pdfText(t, docPDF(t, "pay.pdf", func(b *bytes.Buffer) error { return WritePayments(b, pay) })), " "))
			list := DecisionDoc{Decision: d, Form: testForm("BKCT"), Settings: testSettings()}
			listText := squash(strings.Join(pdfText(t, docPDF(t, "list.pdf", func(b *bytes.Buffer) error { return WriteList(b, list, false) })), " "))
			name := c.n.PrintName()
			if c.detail == "" {
				// Nothing added: the name is printed once, as typed.
				if strings.Count(payText, "huyện Minh Hóa") != 1 || !strings.Contains(payText, name) {
					t.Errorf("payment list does not print %q once:\n%s", name, payText)
				}
				return
			}
			if !strings.Contains(listText, name+", "+c.detail) {
				t.Errorf("the list lacks %q:\n%s", name+", "+c.detail, listText)
			}
			// pdftotext reads the row's cells in no fixed order: the detail is
			// the name cell's second line.
			if !strings.Contains(payText, name) || !strings.Contains(payText, c.detail) {
				t.Errorf("the payment list lacks %q under %q:\n%s", c.detail, name, payText)
			}
		})
	}
}
