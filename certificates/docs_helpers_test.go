package certificates

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/synth"
)

// Fixtures of the office documents: decisions with a chosen mix of kinds,
// names and units drawn by synth (real name frequencies, the province's
// communes), optionally with long units that wrap over several lines.

// mixDecision is a decision of form code with nColl collectives, nInd
// individuals and nHouse households, in that order, bonuses as the form
// gives them on the decision's date.
func mixDecision(code string, id uint64, nColl, nInd, nHouse int, longUnits bool) *khenthuong.Decision {
	g := synth.New(id)
	units := synth.Units()
	s := testSettings()
	f := testForm(code)
	d := &khenthuong.Decision{
		ID: id, CampaignID: 1, FormCode: code, Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2025-01-05"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		SubmissionNo: "45/TTr-SNV", SubmissionDate: khenthuong.MustDate("2024-12-20"),
		Achievement: "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023",
	}
	unit := func(i int) string {
		u := units[(int(id)*131+i*37)%len(units)]
		if longUnits {
			u += ", thuộc Đảng bộ khối các cơ quan và doanh nghiệp tỉnh Quảng Trị, nay là đơn vị trực thuộc Ủy ban nhân dân tỉnh theo Nghị quyết sắp xếp đơn vị hành chính"
		}
		return u
	}
	amount := func(k khenthuong.Kind) int64 {
		a, err := s.Bonus(f, k, d.Date)
		if err != nil {
			return 0
		}
		return a
	}
	n := uint64(id * 10000)
	add := func(nom khenthuong.Nominee) {
		n++
		d.Recipients = append(d.Recipients, khenthuong.Recipient{NominationID: n, NomineeID: n, Nominee: nom, Amount: amount(nom.Kind),
			RegistryNo: fmt.Sprintf("%s-2025-%04d", code, len(d.Recipients)+1)})
	}
	for i := 0; i < nColl; i++ {
		add(khenthuong.Nominee{Kind: khenthuong.Collective, Name: unit(i), Unit: "tỉnh Quảng Trị"})
	}
	for i := 0; i < nInd; i++ {
		name, gender := g.Person()
		title := "Ông"
		if gender == khenthuong.Female {
			title = "Bà"
		}
		if i%7 == 3 {
			title = "Thượng tá"
		}
		add(khenthuong.Nominee{Kind: khenthuong.Individual, Title: title, Name: name, Gender: gender,
			Position: []string{"Phó Giám đốc", "Trưởng Công an", "Giáo viên", "Chuyên viên", "Chủ tịch"}[i%5], Unit: unit(i + 1000)})
	}
	for i := 0; i < nHouse; i++ {
		name, _ := g.Person()
		add(khenthuong.Nominee{Kind: khenthuong.Household, Name: "Gia đình ông " + name, Address: "thôn " + fmt.Sprint(i+1) + ", " + unit(i+2000)})
	}
	return d
}

func testForms() map[string]*khenthuong.AwardForm {
	out := map[string]*khenthuong.AwardForm{}
	for _, f := range khenthuong.DefaultForms() {
		out[f.Code] = &f
	}
	return out
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// docPDF writes a document with write and returns the file's path.
func docPDF(t testing.TB, name string, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", name)
	}
	return writeTemp(t, name, buf.Bytes())
}

// pdfLayout is the text of each page by pdftotext -layout: lines as on the page.
func pdfLayout(t testing.TB, path string) [][]string {
	t.Helper()
	out := runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	res := make([][]string, len(pages))
	for i, p := range pages {
		for _, l := range strings.Split(p, "\n") {
			if strings.TrimSpace(l) != "" {
				res[i] = append(res[i], l)
			}
		}
	}
	return res
}

// checkPageFrame checks every word of every page lies inside the margins of
// st, except the page number: absent from page 1, then alone in the top
// margin, centred over the text column.
func checkPageFrame(t *testing.T, path string, st DocStyle) {
	t.Helper()
	const tol = 0.15
	pages := pdfWords(t, path)
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	cx := st.Left + st.TextWidth()/2
	first := 0 // the first page of the part being numbered
	for i, words := range pages {
		var numbers []word
		for _, w := range words {
			if w.YMax <= st.Top+tol {
				numbers = append(numbers, w)
				continue
			}
			if w.XMin < st.Left-tol || w.XMax > st.Width-st.Right+tol || w.YMin < st.Top-tol || w.YMax > st.Height-st.Bottom+tol {
				t.Errorf("page %d: %q at [%.1f %.1f %.1f %.1f] outside the margins", i+1, w.Text, w.XMin, w.YMin, w.XMax, w.YMax)
			}
		}
		// The attached list is an appendix: it starts a part numbered on its own.
		appendix := len(numbers) == 0 && len(words) > 0 && words[0].Text == "DANH"
		if i == 0 || appendix {
			if len(numbers) > 0 {
				t.Errorf("page %d has %q in the top margin", i+1, numbers[0].Text)
			}
			first = i
			continue
		}
		if len(numbers) != 1 || numbers[0].Text != fmt.Sprint(i-first+1) {
			t.Errorf("page %d: top margin holds %v, want the page number", i+1, numbers)
			continue
		}
		n := numbers[0]
		if c := (n.XMin + n.XMax) / 2; math.Abs(c-cx) > 0.3 {
			t.Errorf("page %d: number centred at %.1f mm, text column centre %.1f", i+1, c, cx)
		}
		if n.YMin < 3 {
			t.Errorf("page %d: number at %.1f mm from the top edge, too close", i+1, n.YMin)
		}
	}
}

var entryStart = regexp.MustCompile(`^\s*(\d+)\.\s+(\S.*)$`)
var sectionLine = regexp.MustCompile(`^\s*([IVX]+)\.\s+(\S.*)$`)

// listEntry is one numbered entry read back from a PDF.
type listEntry struct {
	section string // "I. TẬP THỂ"
	no      string
	text    string // lines joined by single spaces
	page    int
}

// readList reads numbered entries from pdftotext -layout pages: an entry
// starts with "n." and goes on over the following lines; a line at the top
// of a page that continues an entry of the page before is reported as a
// split entry. Lines before the first section are skipped (the title block).
func readList(t *testing.T, pages [][]string) []listEntry {
	t.Helper()
	var out []listEntry
	section, started, attached := "", false, false // started: past the title block
	for pi, lines := range pages {
		open := false // an entry started on this page
		for li, l := range lines {
			if _, err := strconv.Atoi(strings.TrimSpace(l)); pi > 0 && li == 0 && err == nil {
				continue // the page number
			}
			if m := sectionLine.FindStringSubmatch(l); m != nil {
				section, started = m[1]+". "+squash(m[2]), true
				open = false
				continue
			}
			if !started {
				// A list of one kind has no section heading: its entries
				// follow the "(Kèm theo ...)" line.
				attached = attached || strings.HasPrefix(strings.TrimSpace(l), "(Kèm theo")
				started = attached && strings.HasSuffix(strings.TrimSpace(l), ")")
				continue
			}
			if m := entryStart.FindStringSubmatch(l); m != nil {
				out = append(out, listEntry{section: section, no: m[1], text: squash(m[2]), page: pi + 1})
				open = true
				continue
			}
			if !open {
				t.Errorf("page %d begins with %q, the rest of an entry split from the page before", pi+1, strings.TrimSpace(l))
				continue
			}
			out[len(out)-1].text += " " + squash(l)
		}
	}
	return out
}
