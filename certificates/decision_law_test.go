package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

// TestDecisionCitesTheLawsInForce: the 2024 demo decision cited the local
// government law of 16/6/2025; each decision cites what was in force on its date.
func TestDecisionCitesTheLawsInForce(t *testing.T) {
	cases := []struct {
		date      string
		want, not []string
	}{
		{"2024-06-02", []string{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi", "ngày 22 tháng 11 năm 2019;",
			"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "98/2023/NĐ-CP"}, []string{"năm 2025", "91/2017"}},
		{"2022-10-24", []string{"ngày 16 tháng 11 năm 2013;", "91/2017/NĐ-CP"}, []string{"15 tháng 6 năm 2022", "98/2023"}},
		{"2026-01-05", []string{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"}, []string{"năm 2015", "91/2017"}},
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			d := mixDecision("BKCT", 11, 1, 1, 0, false)
			d.Date = khenthuong.MustDate(c.date)
			path := docPDF(t, "qd.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, decisionDoc(d), DecisionOptions{}) })
			p1 := squash(pdfText(t, path)[0])
			for _, w := range c.want {
				if !strings.Contains(p1, w) {
					t.Errorf("decision of %s lacks %q:\n%s", c.date, w, p1)
				}
			}
			for _, w := range c.not {
				if strings.Contains(p1, w) {
					t.Errorf("decision of %s cites %q:\n%s", c.date, w, p1)
				}
			}
		})
	}
}

// TestDecisionWording: a danh hiệu is given with its word, Điều 1 says what
// the work was from the campaign when the decision gives no achievement, a
// post and its unit read as the office writes them.
func TestDecisionWording(t *testing.T) {
	d := mixDecision("CSTDT", 12, 0, 2, 0, false)
	d.Achievement = ""
	d.Recipients[0].Nominee.Position, d.Recipients[0].Nominee.Unit = "Trưởng phòng", "Phòng Tổ chức cán bộ Sở Nội vụ"
	doc := decisionDoc(d)
	doc.Campaign = &khenthuong.Campaign{Name: "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"}
	path := docPDF(t, "qd.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, doc, DecisionOptions{}) })
	all := squash(strings.Join(pdfText(t, path), " "))
	for _, w := range []string{
		"Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh",
		"Điều 1. Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho 02 cá nhân (có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023.",
		"Cá nhân được tặng danh hiệu Chiến sĩ thi đua cấp tỉnh",
		"Trưởng phòng Tổ chức cán bộ, Sở Nội vụ",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("decision lacks %q:\n%s", w, all)
		}
	}
	if strings.Contains(all, "phong trào thi đua.") {
		t.Errorf("Điều 1 fell back to the generic achievement:\n%s", all)
	}
}

// TestDraftBlanks: a blank never starts a line alone, and the preview's
// pages (MarkBlanks) carry every blank as a red Text of its own.
func TestDraftBlanks(t *testing.T) {
	d := mixDecision("BKCT", 13, 1, 1, 0, false)
	d.SubmissionNo, d.SubmissionDate, d.SignerName = "", khenthuong.Date{}, ""
	doc := decisionDoc(d)
	// A proposal long enough that its blanks fall at the end of a line.
	for _, pad := range []string{"", " của tỉnh", " của tỉnh Quảng Trị", " của tỉnh Quảng Trị về việc", " của tỉnh Quảng Trị về việc đề nghị khen"} {
		doc.Settings.Texts.Proposal = "Xét đề nghị của Giám đốc Sở Nội vụ" + pad + " tại Tờ trình số {số tờ trình} ngày {ngày tờ trình}"
		path := docPDF(t, "qd.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, doc, DecisionOptions{}) })
		for _, line := range strings.Split(string(runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")), "\n") {
			if l := strings.TrimSpace(line); strings.HasPrefix(l, Blank) {
				t.Errorf("a blank starts a line (%q): %q", pad, l)
			}
		}
	}
	for _, mark := range []bool{false, true} {
		pages, err := DecisionPages(doc, DecisionOptions{MarkBlanks: mark})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, tx := range pages[0].Texts {
			if tx.Key == BlankKey {
				n++
				if tx.Text != Blank || tx.Color != blankColor {
					t.Errorf("marked blank %q in %v", tx.Text, tx.Color)
				}
			}
		}
		// The number, the three parts of the date and the signer's name.
		if want := map[bool]int{false: 0, true: 5}[mark]; n != want {
			t.Errorf("MarkBlanks %v: %d marked blanks, want %d", mark, n, want)
		}
	}
}

// TestListLayoutRules: the attached list inside a decision is numbered on
// its own (checkPageFrame reads it), a list of one kind has no "I.", and in
// the table form a collective whose name holds its unit takes the name and
// "Chức vụ, đơn vị" columns rather than wrapping beside an empty cell.
func TestListLayoutRules(t *testing.T) {
	d := mixDecision("BKCT", 14, 0, 30, 0, false)
	path := docPDF(t, "qd.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, decisionDoc(d), DecisionOptions{}) })
	checkPageFrame(t, path, AdminStyle())
	pages := pdfText(t, path)
	if len(pages) < 3 {
		t.Fatalf("%d pages: want the decision, then a list of more than a page", len(pages))
	}
	for _, p := range pages {
		if strings.Contains(p, "I. CÁ NHÂN") {
			t.Errorf("a list of individuals only has a section heading:\n%.300s", p)
		}
	}

	long := "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Quảng Trị"
	d = mixDecision("BKCT", 15, 2, 3, 0, false)
	d.Recipients[0].Nominee.Name, d.Recipients[0].Nominee.Unit = long, "Công an tỉnh Quảng Trị"
	lp, err := ListPages(decisionDoc(d), true)
	if err != nil {
		t.Fatal(err)
	}
	st := AdminStyle()
	var lines []page.Text
	for _, tx := range lp[0].Texts {
		if strings.HasPrefix(long, tx.Text) || strings.Contains(long, tx.Text) && tx.X > st.Left+14 && tx.X < st.Left+16 {
			lines = append(lines, tx)
		}
	}
	if len(lines) == 0 || len(lines) > 2 {
		t.Errorf("the long collective name is on %d lines: %+v", len(lines), lines)
	}
}

// TestCertificateAchievementWraps: a long achievement goes onto two lines
// of the default Bằng khen before it shrinks below 16 pt.
func TestCertificateAchievementWraps(t *testing.T) {
	d := testDecision()
	d.Recipients[0].Achievement = "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023, góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn tỉnh"
	tpl, _ := DefaultTemplate(DefaultBangKhen)
	p, warns := Layout(tpl, ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings()), ModePlain)
	if len(warns) > 0 {
		t.Errorf("warnings %v", warns)
	}
	var lines []page.Text
	for _, tx := range p.Texts {
		if tx.Key == KeyAchievement {
			lines = append(lines, tx)
		}
	}
	if len(lines) != 2 || lines[0].Size < 16 {
		t.Errorf("the achievement is on %d lines at %.1f pt, want 2 at 16 pt or more", len(lines), lines[0].Size)
	}
}
