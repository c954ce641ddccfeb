package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong"
)

func TestHistoryPDF(t *testing.T) {
	n := khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Trương Quang Sáng", Birth: khenthuong.Date{Year: 1970},
		Position: "Phó Giám đốc", Unit: "Sở Tư pháp"}
	entry := func(form, number, date, reg string) khenthuong.HistoryEntry {
		e := khenthuong.HistoryEntry{Nomination: khenthuong.Nomination{Nominee: n, FormCode: form}}
		if number != "" {
			e.Award = &khenthuong.Award{FormCode: form, DecisionNumber: number, DecisionDate: khenthuong.MustDate(date), RegistryNo: reg}
		}
		return e
	}
	// Newest first, as HistoryService returns them; one still pending.
	entries := []khenthuong.HistoryEntry{
		entry("CSTDT", "", "", ""),
		entry("BKCT", "2871/QĐ-UBND", "2022-10-24", "BK-2022-0003"),
		entry("CSTDT", "120/QĐ-UBND", "2019-01-15", "CS-2019-0012"),
		entry("GKCA", "05/QĐ-CAT", "2015-03-02", "GK-2015-0101"),
	}
	doc := HistoryDoc{Entries: entries, Forms: testForms(), Settings: testSettings(), Date: khenthuong.MustDate("2025-02-03")}
	path := docPDF(t, "qt.pdf", func(b *bytes.Buffer) error { return WriteHistory(b, doc) })
	var rows []string
	for _, p := range pdfLayout(t, path) {
		for _, l := range p {
			rows = append(rows, squash(l))
		}
	}
	text := strings.Join(rows, "\n")
	for _, want := range []string{
		HistoryTitle, "Của: Ông Trương Quang Sáng", "Năm sinh: 1970", "Chức vụ, đơn vị: Phó Giám đốc Sở Tư pháp",
		"Năm", "Hình thức", "Số quyết định", "Ngày", "Cơ quan ban", "Số sổ vàng",
		"Quảng Trị, ngày 03 tháng 02 năm 2025",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("history lacks %q:\n%s", want, text)
		}
	}
	// Oldest first; the pending nomination is not an award.
	order := []string{"2015", "2019", "2022"}
	last := -1
	for _, y := range order {
		i := strings.Index(text, "\n"+y+" ")
		if i < 0 || i < last {
			t.Errorf("year %s missing or out of order:\n%s", y, text)
		}
		last = i
	}
	for _, want := range []string{"05/QĐ-CAT 02/03/2015", "120/QĐ-UBND 15/01/2019", "2871/QĐ-UBND 24/10/2022", "BK-2022-0003", "2015 Giấy khen của Giám"} {
		if !strings.Contains(text, want) {
			t.Errorf("history lacks %q:\n%s", want, text)
		}
	}
	if got := HistoryRows(entries, testForms()); len(got) != 3 || got[0].Issuer != "Giám đốc Công an tỉnh" {
		t.Errorf("rows %+v", got)
	}
	checkPageFrame(t, path, AdminStyle())

	t.Run("NoAwards", func(t *testing.T) {
		doc := HistoryDoc{Nominee: "Bà Lê Thị A", Entries: []khenthuong.HistoryEntry{entry("BKCT", "", "", "")}, Settings: testSettings()}
		path := docPDF(t, "qt.pdf", func(b *bytes.Buffer) error { return WriteHistory(b, doc) })
		text := squash(strings.Join(pdfText(t, path), " "))
		for _, want := range []string{"Của: Bà Lê Thị A", "Chưa có khen thưởng nào được ghi nhận."} {
			if !strings.Contains(text, want) {
				t.Errorf("history lacks %q:\n%s", want, text)
			}
		}
	})
}
