package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

func TestDecisionNumber(t *testing.T) {
	for _, c := range []struct{ in, abbr, want string }{
		{"5/QĐ-UBND", "UBND", "05/QĐ-UBND"},
		{"05/QĐ-UBND", "UBND", "05/QĐ-UBND"},
		{"9/QĐ-UBND", "UBND", "09/QĐ-UBND"},
		{"10/QĐ-UBND", "UBND", "10/QĐ-UBND"},
		{"2871/QĐ-UBND", "UBND", "2871/QĐ-UBND"},
		{"2871", "UBND", "2871/QĐ-UBND"},
		{"7", "UBND", "07/QĐ-UBND"},
		{"0/QĐ-UBND", "UBND", "0/QĐ-UBND"},
		{"", "UBND", "        /QĐ-UBND"},
	} {
		if got := DecisionNumber(c.in, c.abbr); got != c.want {
			t.Errorf("DecisionNumber(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCountsText(t *testing.T) {
	C, I, H := khenthuong.Collective, khenthuong.Individual, khenthuong.Household
	for _, c := range []struct {
		counts map[khenthuong.Kind]int
		want   string
	}{
		{map[khenthuong.Kind]int{C: 5, I: 4}, "05 tập thể và 04 cá nhân"},
		{map[khenthuong.Kind]int{I: 9}, "09 cá nhân"},
		{map[khenthuong.Kind]int{C: 1}, "01 tập thể"},
		{map[khenthuong.Kind]int{C: 5, I: 4, H: 2}, "05 tập thể, 04 cá nhân và 02 hộ gia đình"},
		{map[khenthuong.Kind]int{C: 12, I: 0, H: 3}, "12 tập thể và 03 hộ gia đình"},
		{map[khenthuong.Kind]int{I: 120, H: 10}, "120 cá nhân và 10 hộ gia đình"},
	} {
		if got := CountsText(c.counts); got != c.want {
			t.Errorf("CountsText(%v) = %q, want %q", c.counts, got, c.want)
		}
	}
}

func decisionDoc(d *khenthuong.Decision) DecisionDoc {
	return DecisionDoc{Decision: d, Form: testForm(d.FormCode), Settings: testSettings()}
}

// TestDecisionPDF reads the decision back and checks what the office rules
// fix: the padded number and date, the title block, the ";" "." "./."
// punctuation whatever the office typed, Điều 1's counts, Nơi nhận and the
// signature.
func TestDecisionPDF(t *testing.T) {
	d := mixDecision("BKCT", 3, 5, 4, 0, false)
	d.Number = "5/QĐ-UBND"
	doc := decisionDoc(d)
	// The office typed its bases with assorted endings; the rule fixes them.
	doc.Settings.Texts.LegalBases = []khenthuong.LegalBasis{
		{Text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025."},
		{Text: "căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"},
		{Text: "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"},
	}
	doc.Settings.Texts.Recipients = []string{"Như Điều 3.", "- Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, SNV;"}
	path := docPDF(t, "qd.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, doc, DecisionOptions{}) })
	pages := pdfText(t, path)
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the decision then its list", len(pages))
	}
	p1 := squash(pages[0])
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: 05/QĐ-UBND", "Quảng Trị, ngày 05 tháng 01 năm 2025",
		"QUYẾT ĐỊNH Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
		"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
		"của Chính phủ;",
		"Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 20 tháng 12 năm 2024.",
		"QUYẾT ĐỊNH:",
		"Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 05 tập thể và 04 cá nhân (có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023.",
		"Điều 2. Các tập thể, cá nhân có tên tại Điều 1 được hưởng tiền thưởng",
		"Điều 3. Chánh Văn phòng",
		"chịu trách nhiệm thi hành Quyết định này./.",
		"Nơi nhận:", "- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, SNV.",
		"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Nam",
	} {
		if !strings.Contains(p1, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, p1)
		}
	}
	for _, bad := range []string{"2025.;", "2022;;", "phủ;.", "./.;", "Số: 5/"} {
		if strings.Contains(p1, bad) {
			t.Errorf("page 1 has %q", bad)
		}
	}
	p2 := squash(pages[1])
	for _, want := range []string{"DANH SÁCH", "Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
		"(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2025 của Chủ tịch UBND tỉnh)", "I. TẬP THỂ", "II. CÁ NHÂN"} {
		if !strings.Contains(p2, want) {
			t.Errorf("list page lacks %q:\n%s", want, p2)
		}
	}
	checkPageFrame(t, path, AdminStyle())

	t.Run("SignatureBlockBesideNoiNhan", func(t *testing.T) {
		words := pdfWords(t, path)[0]
		find := func(s string) word {
			for _, w := range words {
				if w.Text == s {
					return w
				}
			}
			t.Fatalf("%q not on page 1", s)
			return word{}
		}
		nn, kt, name := find("Nơi"), find("KT."), find("Nam")
		st := AdminStyle()
		if nn.XMin > st.Left+0.5 || kt.XMin < st.Left+headColumn {
			t.Errorf("Nơi nhận at x=%.1f, signer at x=%.1f: want left and right", nn.XMin, kt.XMin)
		}
		if d := nn.YMax - kt.YMax; d > 3 || d < -3 {
			t.Errorf("Nơi nhận (%.1f) and the signer's title (%.1f) do not start level", nn.YMax, kt.YMax)
		}
		if gap := name.YMin - kt.YMax; gap < SignatureSpace+3 || gap > 35+8 {
			t.Errorf("%.1f mm between the signer's title and name, want room to sign (30–35 mm)", gap)
		}
	})
}

// TestDecisionCounts prints Điều 1 for several mixes of kinds.
func TestDecisionCounts(t *testing.T) {
	for _, c := range []struct {
		name             string
		coll, ind, house int
		want             string
		kinds            string // who Điều 2 and Điều 3 name, and the list's subtitle
	}{
		{"CollectivesAndIndividuals", 5, 4, 0, "cho 05 tập thể và 04 cá nhân (có danh sách kèm theo)", "tập thể, cá nhân"},
		{"IndividualsOnly", 0, 9, 0, "cho 09 cá nhân (có danh sách kèm theo)", "cá nhân"},
		{"AllThreeKinds", 5, 4, 2, "cho 05 tập thể, 04 cá nhân và 02 hộ gia đình (có danh sách kèm theo)", "tập thể, cá nhân, hộ gia đình"},
		{"NoIndividuals", 12, 0, 3, "cho 12 tập thể và 03 hộ gia đình (có danh sách kèm theo)", "tập thể, hộ gia đình"},
		{"One", 1, 0, 0, "cho 01 tập thể (có danh sách kèm theo)", "tập thể"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := decisionDoc(mixDecision("BKCT", 4, c.coll, c.ind, c.house, false))
			path := docPDF(t, "qd.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, doc, DecisionOptions{}) })
			pages := pdfText(t, path)
			p1 := squash(pages[0])
			if !strings.Contains(p1, c.want) {
				t.Errorf("Điều 1 lacks %q:\n%s", c.want, p1)
			}
			for _, want := range []string{"Điều 2. Các " + c.kinds + " có tên tại Điều 1", "và các " + c.kinds + " có tên tại Điều 1 chịu trách nhiệm"} {
				if !strings.Contains(p1, want) {
					t.Errorf("page 1 lacks %q:\n%s", want, p1)
				}
			}
			if list := squash(strings.Join(pages[1:], " ")); !strings.Contains(list, upperFirst(c.kinds)+" được tặng") {
				t.Errorf("the list's subtitle does not name %q:\n%s", c.kinds, list)
			}
		})
	}
}

func TestDecisionErrors(t *testing.T) {
	d := mixDecision("BKCT", 5, 1, 1, 0, false)
	for name, doc := range map[string]DecisionDoc{
		"NoRecipients": {Decision: &khenthuong.Decision{Number: "1/QĐ-UBND"}, Form: testForm("BKCT"), Settings: testSettings()},
		"NoForm":       {Decision: d, Settings: testSettings()},
		"NoSettings":   {Decision: d, Form: testForm("BKCT")},
		"NoDecision":   {Form: testForm("BKCT"), Settings: testSettings()},
	} {
		t.Run(name, func(t *testing.T) {
			if err := WriteDecision(&bytes.Buffer{}, doc, DecisionOptions{}); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
				t.Errorf("got %v, want EINVALID", err)
			}
		})
	}
}

func TestSplitAuthority(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", []string{"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"}},
		{"Ủy ban nhân dân tỉnh Quảng Trị", []string{"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"}},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", []string{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"}},
		{"BỘ CÔNG AN", []string{"BỘ CÔNG AN"}},
		{"UBND TỈNH QUẢNG TRỊ\nSỞ NỘI VỤ", []string{"UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"}},
	} {
		got := splitAuthority(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("splitAuthority(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// A name too long for either split: balanced lines that fit the column.
	long := splitAuthority("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH QUẢNG TRỊ")
	st := AdminStyle()
	for _, l := range long {
		if w := st.face("B").Width(l, st.HeadSize); w > maxHeadColumn {
			t.Errorf("%q is %.1f mm, wider than the header column", l, w)
		}
	}
}

// TestAdminStyleDecree30 pins the page to the ranges of Decree 30/2020.
func TestAdminStyleDecree30(t *testing.T) {
	s := AdminStyle()
	in := func(v, lo, hi float64) bool { return v >= lo && v <= hi }
	switch {
	case s.Width != 210 || s.Height != 297:
		t.Errorf("page %g × %g, want A4 portrait", s.Width, s.Height)
	case !in(s.Top, 20, 25) || !in(s.Bottom, 20, 25):
		t.Errorf("top/bottom margins %g/%g mm, want 20–25", s.Top, s.Bottom)
	case !in(s.Left, 30, 35) || !in(s.Right, 15, 20):
		t.Errorf("left/right margins %g/%g mm, want 30–35 and 15–20", s.Left, s.Right)
	case !in(s.Size, 13, 14) || !in(s.HeadSize, 12, 13):
		t.Errorf("sizes %g/%g pt", s.Size, s.HeadSize)
	case s.PageNumberBaseline >= s.Top:
		t.Errorf("page number baseline %g mm is not in the top margin", s.PageNumberBaseline)
	}
	if page.LookupFace(s.Font, "") == nil || page.LookupFace(s.Font, "") != page.LookupFace(page.FontSerif, "") {
		t.Error("the documents are not set in Liberation Serif")
	}
}

// TestDecisionDraftBlanks leaves visible blanks for what a draft lacks.
func TestDecisionDraftBlanks(t *testing.T) {
	d := mixDecision("BKCT", 6, 1, 1, 0, false)
	d.Number, d.SubmissionNo, d.SubmissionDate, d.SignerName = "", "", khenthuong.Date{}, ""
	txt, err := decisionDoc(d).Text(DecisionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if txt.Number != "Số:         /QĐ-UBND" {
		t.Errorf("number %q", txt.Number)
	}
	if p := txt.Bases[len(txt.Bases)-1]; p != "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số\u00a0… ngày\u00a0… tháng\u00a0… năm\u00a0…." {
		t.Errorf("proposal %q", p)
	}
}

// Every placeholder a wording may use (khenthuong.Placeholders) is filled.
func TestDecisionFillsEveryPlaceholder(t *testing.T) {
	doc := decisionDoc(mixDecision("BKCT", 4, 2, 3, 1, false))
	doc.Settings.Texts = khenthuong.DefaultDocumentTexts()
	doc.Settings.Texts.Article1 = "{" + strings.Join(khenthuong.Placeholders, "} {") + "}"
	path := docPDF(t, "qd.pdf", func(b *bytes.Buffer) error { return WriteDecision(b, doc, DecisionOptions{}) })
	p1 := squash(pdfText(t, path)[0])
	if strings.ContainsAny(p1, "{}") {
		t.Errorf("a placeholder is left on page 1:\n%s", p1)
	}
}
