package roster

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// A decision's roster reads like its certificates: a recipient without an
// achievement of its own carries the decision's, and every row names the
// unit that proposed it; in .xlsx and in CSV.
func TestDecisionRosterCarriesAchievementAndProposingUnit(t *testing.T) {
	ns := sampleNominations()
	d := &khenthuong.Decision{
		ID: 3, CampaignID: 7, FormCode: "BKCT", Number: "1234/QĐ-UBND", Date: khenthuong.MustDate("2024-06-02"),
		SubmissionNo: "567/TTr-SNV", SubmissionDate: khenthuong.MustDate("2024-05-20"),
		Achievement: "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
		Recipients: []khenthuong.Recipient{
			{NominationID: ns[2].ID, Nominee: ns[2].Nominee, ProposingUnit: "Sở Tư pháp", RegistryNo: "BKCT-2024-0001", Amount: 3_600_000},
			{NominationID: ns[3].ID, Nominee: ns[3].Nominee, Achievement: "Hoàn thành xuất sắc nhiệm vụ năm 2023",
				ProposingUnit: "Sở Tư pháp", RegistryNo: "BKCT-2024-0002", Amount: 1_800_000},
			{NominationID: ns[5].ID, Nominee: ns[5].Nominee, ProposingUnit: "UBND xã Ngư Hóa", RegistryNo: "BKCT-2024-0003", Amount: 1_800_000},
		},
	}
	want := []struct{ name, achievement, unit string }{
		{"Phòng Phổ biến, giáo dục pháp luật", d.Achievement, "Sở Tư pháp"},
		{"Trương Quang Sáng", "Hoàn thành xuất sắc nhiệm vụ năm 2023", "Sở Tư pháp"},
		{"Hoàng Thị Mỹ Linh", d.Achievement, "UBND xã Ngư Hóa"},
	}
	var xbuf, cbuf bytes.Buffer
	must(t, WriteXLSX(&xbuf, DecisionRows(d), ExportOptions{Forms: testForms()}))
	must(t, WriteCSV(&cbuf, DecisionRows(d), ExportOptions{Forms: testForms()}))
	f, err := excelize.OpenReader(&xbuf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xrows, err := f.GetRows("BKCT")
	must(t, err)
	crows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(cbuf.Bytes(), []byte("\uFEFF")))).ReadAll()
	must(t, err)
	for _, file := range []struct {
		kind   string
		header []string
		rows   [][]string
	}{{"xlsx", xrows[3], xrows[4:]}, {"csv", crows[0], crows[1:]}} {
		col := map[string]int{}
		for i, h := range file.header {
			col[h] = i
		}
		if len(file.rows) != len(want) {
			t.Fatalf("%s: %d rows, want %d", file.kind, len(file.rows), len(want))
		}
		for i, w := range want {
			r := file.rows[i]
			get := func(h string) string {
				if c, ok := col[h]; ok && c < len(r) {
					return r[c]
				}
				return ""
			}
			if get("Họ và tên / Tên tập thể") != w.name || get("Thành tích") != w.achievement || get("Đơn vị đề nghị") != w.unit {
				t.Errorf("%s row %d: %q, %q, %q; want %q, %q, %q", file.kind, i+1,
					get("Họ và tên / Tên tập thể"), get("Thành tích"), get("Đơn vị đề nghị"), w.name, w.achievement, w.unit)
			}
		}
	}
}
