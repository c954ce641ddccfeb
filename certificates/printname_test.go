package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

// titleDecision is a decision imported from unit files without a Danh xưng
// column (QA files u2..u7): the gender is stored, the title is not; beside
// them, titles and ranks the clerk typed.
func titleDecision() *khenthuong.Decision {
	d := testDecision()
	person := func(id uint64, title, name string, g khenthuong.Gender, position, unit string) khenthuong.Recipient {
		return khenthuong.Recipient{NominationID: id, NomineeID: id, Amount: 2340000, Nominee: khenthuong.Nominee{
			Kind: khenthuong.Individual, Title: title, Name: name, Gender: g, Position: position, Unit: unit}}
	}
	d.Recipients = []khenthuong.Recipient{
		person(1, "", "Phạm Văn Anh", khenthuong.Male, "Chuyên viên", "Sở Tư pháp"),
		person(2, "", "Lê Thị Hoa", khenthuong.Female, "Kế toán", "Trường THCS Hòa Bình"),
		person(3, "", "Nguyễn Minh Khang", khenthuong.GenderUnknown, "Bảo vệ", "Trường THCS Hòa Bình"),
		person(4, "Thượng úy", "Hồ Văn Lực", khenthuong.Male, "Cán bộ", "Công an huyện Gio Linh"),
		person(5, "Đồng chí", "Trần Thị Mai", khenthuong.Female, "Bí thư", "Đảng ủy xã Gio Mai"),
		person(6, "Ông", "Trương Quang Sáng", khenthuong.Male, "Phó Giám đốc", "Sở Tư pháp"),
		{NominationID: 7, NomineeID: 7, Amount: 4680000, Nominee: khenthuong.Nominee{
			Kind: khenthuong.Collective, Name: "Phòng Hành chính tư pháp", Unit: "Sở Tư pháp"}},
	}
	return d
}

// Every document that names a person prints the typed title, else Ông/Bà
// from the gender, else nothing; a rank is never doubled with Ông/Bà.
func TestDocumentsPrintTitleFromGender(t *testing.T) {
	want := []string{"Ông Phạm Văn Anh", "Bà Lê Thị Hoa", "Thượng úy Hồ Văn Lực", "Đồng chí Trần Thị Mai", "Ông Trương Quang Sáng"}
	never := []string{"Ông Nguyễn Minh Khang", "Bà Nguyễn Minh Khang", "Ông Thượng úy", "Ông Đồng chí", "Bà Đồng chí",
		"Ông Ông", "Ông Phòng", "Bà Phòng"}
	d := titleDecision()
	forms := testForms()
	docs := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"decision", func(b *bytes.Buffer) error { return WriteDecision(b, decisionDoc(d), DecisionOptions{}) }},
		{"list", func(b *bytes.Buffer) error { return WriteList(b, decisionDoc(d), false) }},
		{"list-table", func(b *bytes.Buffer) error { return WriteList(b, decisionDoc(d), true) }},
		{"runsheet", func(b *bytes.Buffer) error {
			return WriteRunSheet(b, RunSheetDoc{Decisions: []khenthuong.Decision{*d}, Forms: forms, Settings: testSettings(), BatchSize: 4})
		}},
		{"payments", func(b *bytes.Buffer) error {
			return WritePayments(b, PaymentsDoc{Decisions: []khenthuong.Decision{*d}, Forms: forms, Settings: testSettings()})
		}},
		{"certificates", func(b *bytes.Buffer) error {
			tpl := mustDefault(t, DefaultBangKhen)
			var pages []page.Page
			for i := range d.Recipients {
				p, _ := Layout(tpl, ValuesFor(d, &d.Recipients[i], testForm("BKCT"), testSettings()), ModePlain)
				pages = append(pages, p)
			}
			return WriteCertificates(b, pages...)
		}},
	}
	for _, doc := range docs {
		t.Run(doc.name, func(t *testing.T) {
			text := squash(strings.Join(pdfText(t, docPDF(t, doc.name+".pdf", doc.write)), " "))
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s lacks %q:\n%s", doc.name, w, text)
				}
			}
			for _, w := range append(never, "TẶNG Phạm Văn Anh") {
				if strings.Contains(text, w) {
					t.Errorf("%s prints %q:\n%s", doc.name, w, text)
				}
			}
			if !strings.Contains(text, "Nguyễn Minh Khang") {
				t.Errorf("%s lacks the person of unknown gender", doc.name)
			}
		})
	}
	// The history names the person as the documents do.
	n := khenthuong.Nomination{ID: 2, CampaignID: 1, FormCode: "BKCT", Nominee: d.Recipients[1].Nominee}
	text := squash(strings.Join(pdfText(t, docPDF(t, "history.pdf", func(b *bytes.Buffer) error {
		return WriteHistory(b, HistoryDoc{Entries: []khenthuong.HistoryEntry{{Nomination: n, Campaign: "Phong trào"}},
			Forms: forms, Settings: testSettings()})
	})), " "))
	if !strings.Contains(text, "Của: Bà Lê Thị Hoa") {
		t.Errorf("history does not name Bà Lê Thị Hoa:\n%s", text)
	}
}
