package certificates

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
)

// ceremonyDecisions are three decisions of one ceremony, given lowest form
// first so that the reading order has work to do: Bằng khen (collectives,
// individuals, households mixed), Chiến sĩ thi đua cấp tỉnh, Cờ thi đua.
func ceremonyDecisions() []khenthuong.Decision {
	bk := mixDecision("BKCT", 41, 4, 9, 2, false)
	// List order interleaves the kinds: the ceremony still calls collectives first.
	bk.Recipients[0], bk.Recipients[6] = bk.Recipients[6], bk.Recipients[0]
	cs := mixDecision("CSTDT", 42, 0, 5, 0, false)
	cs.Number, cs.SignerTitle, cs.SignerName = "12/QĐ-UBND", "CHỦ TỊCH", "Võ Văn Hưng"
	cd := mixDecision("CTDT", 43, 3, 0, 0, false)
	cd.Number, cd.SignerTitle, cd.SignerName = "7/QĐ-UBND", "CHỦ TỊCH", "Võ Văn Hưng"
	return []khenthuong.Decision{*bk, *cs, *cd}
}

// TestRunSheetOrderIsCertificateOrder reads the run-sheet's tray numbers
// and names back, prints the certificates in PrintOrder with their tray
// numbers, reads those back, and requires the same sequence.
func TestRunSheetOrderIsCertificateOrder(t *testing.T) {
	ds := ceremonyDecisions()
	forms := testForms()
	const batch = 4
	doc := RunSheetDoc{Decisions: ds, Forms: forms, Settings: testSettings(), BatchSize: batch,
		Presenters: []Presenter{{Name: "Võ Văn Hưng", Title: "Chủ tịch UBND tỉnh"}, {Name: "Nguyễn Văn A", Title: "Phó Giám đốc Công an tỉnh"}}}
	path := docPDF(t, "rs.pdf", func(b *bytes.Buffer) error { return WriteRunSheet(b, doc) })

	// The run-sheet's table, read by position: tray number, position in the
	// batch, and the name cell (which may wrap over several lines).
	type slot struct {
		tray int
		name string
	}
	var sheet []slot
	st := AdminStyle()
	colPos, colName, colDetail := st.Left+17, st.Left+31, st.Left+89
	for _, words := range pdfWords(t, path) {
		mc := false
		var bounds []float64 // tops of rows, and of anything else starting at the left
		for _, w := range words {
			if w.Text == "DẪN" {
				mc = true
			}
			if w.XMin < colPos-0.1 && w.YMin > st.Top {
				bounds = append(bounds, w.YMin)
			}
		}
		if mc {
			continue // the MC's script
		}
		sort.Float64s(bounds)
		for _, w := range words {
			tray, err := strconv.Atoi(w.Text)
			if err != nil || w.XMax > colPos || w.XMin < st.Left+2 || len(w.Text) < 2 {
				continue
			}
			row := false // a table row has a number in the position column too
			for _, v := range words {
				if _, err := strconv.Atoi(v.Text); err == nil && math.Abs(v.YMin-w.YMin) < 0.5 && v.XMin >= colPos && v.XMax <= colName {
					row = true
				}
			}
			if !row {
				continue
			}
			end := st.Height
			for _, b := range bounds {
				if b > w.YMin+0.5 {
					end = b
					break
				}
			}
			var cell, pos []word
			for _, v := range words {
				if v.YMin < w.YMin-0.5 || v.YMin >= end-0.5 {
					continue
				}
				switch {
				case v.XMin >= colName && v.XMin < colDetail:
					cell = append(cell, v)
				case v.XMin >= colPos && v.XMin < colName:
					pos = append(pos, v)
				}
			}
			sort.SliceStable(cell, func(a, b int) bool {
				if math.Abs(cell[a].YMin-cell[b].YMin) > 1 {
					return cell[a].YMin < cell[b].YMin
				}
				return cell[a].XMin < cell[b].XMin
			})
			var name []string
			for _, v := range cell {
				name = append(name, v.Text)
			}
			if len(pos) != 1 || pos[0].Text != strconv.Itoa((tray-1)%batch+1) {
				t.Errorf("tray %d: position %v, want %d", tray, pos, (tray-1)%batch+1)
			}
			sheet = append(sheet, slot{tray, strings.Join(name, " ")})
		}
	}
	total := 0
	for _, d := range ds {
		total += len(d.Recipients)
	}
	if len(sheet) != total {
		t.Fatalf("run-sheet lists %d certificates, want %d", len(sheet), total)
	}
	for i, s := range sheet {
		if s.tray != i+1 {
			t.Fatalf("row %d has tray %d", i+1, s.tray)
		}
	}

	// The certificates, printed run by run as PrintOrder says.
	runs := PrintOrder(ds, forms, batch)
	byID := map[uint64]*khenthuong.Decision{}
	for i := range ds {
		byID[ds[i].ID] = &ds[i]
	}
	var printed []slot
	trayMark := regexp.MustCompile(`Thứ tự: (\d+)`)
	for _, run := range runs {
		d := byID[run.DecisionID]
		j := Job{Decision: d, Form: forms[d.FormCode], Settings: testSettings(), Template: DefaultTemplateFor(forms[d.FormCode]),
			Mode: ModePlain, Recipients: run.Recipients, Trays: run.Trays}
		cert, _ := printJob(t, j)
		for i, page := range pdfText(t, cert) {
			m := trayMark.FindStringSubmatch(page)
			if m == nil {
				t.Fatalf("certificate %d of decision %s has no tray number", i+1, d.Number)
			}
			tray, _ := strconv.Atoi(m[1])
			if tray != run.Trays[i] {
				t.Errorf("certificate %d of decision %s: tray %d, want %d", i+1, d.Number, tray, run.Trays[i])
			}
			var name string
			for _, r := range d.Recipients {
				if r.NominationID == run.Recipients[i] {
					name = r.Nominee.DisplayName()
				}
			}
			if !strings.Contains(squash(page), name) {
				t.Errorf("certificate for tray %d lacks %q", tray, name)
			}
			printed = append(printed, slot{tray, name})
		}
	}
	sort.SliceStable(printed, func(a, b int) bool { return printed[a].tray < printed[b].tray })
	if len(printed) != len(sheet) {
		t.Fatalf("%d certificates for %d run-sheet rows", len(printed), len(sheet))
	}
	for i := range sheet {
		if printed[i] != sheet[i] {
			t.Errorf("tray %d: run-sheet %q, certificate tray %d %q", sheet[i].tray, sheet[i].name, printed[i].tray, printed[i].name)
		}
	}

	// The reading order: the highest form first, collectives before individuals.
	entries := doc.Entries()
	if f := ds[entries[0].Decision].FormCode; f != "CTDT" {
		t.Errorf("the ceremony opens with %s, want the Cờ thi đua", f)
	}
	for i := 1; i < len(entries); i++ {
		a, b := entries[i-1], entries[i]
		ra, rb := forms[ds[a.Decision].FormCode].Rank, forms[ds[b.Decision].FormCode].Rank
		if ra < rb || ra == rb && a.Decision == b.Decision && kindIndex(a.Kind) > kindIndex(b.Kind) {
			t.Errorf("tray %d (%s %s) before tray %d (%s %s)", a.Tray, ds[a.Decision].FormCode, a.Kind, b.Tray, ds[b.Decision].FormCode, b.Kind)
		}
	}
	checkPageFrame(t, path, AdminStyle())
}

func kindIndex(k khenthuong.Kind) int {
	for i, v := range khenthuong.Kinds {
		if v == k {
			return i
		}
	}
	return 9
}

func TestRunSheetText(t *testing.T) {
	ds := ceremonyDecisions()
	doc := RunSheetDoc{Decisions: ds, Forms: testForms(), Settings: testSettings(), BatchSize: 5,
		Campaign:   &khenthuong.Campaign{Name: "Tổng kết 10 năm phong trào", CeremonyDate: khenthuong.MustDate("2024-06-20"), CeremonyPlace: "Hội trường tỉnh"},
		Presenters: []Presenter{{Name: "Võ Văn Hưng", Title: "Chủ tịch UBND tỉnh"}, {Name: "Nguyễn Văn A", Title: "Phó Giám đốc Công an tỉnh"}, {Name: "Hoàng Nam", Title: "Phó Chủ tịch UBND tỉnh"}}}
	path := docPDF(t, "rs.pdf", func(b *bytes.Buffer) error { return WriteRunSheet(b, doc) })
	pages := pdfText(t, path)
	all := squash(strings.Join(pages, " "))
	for _, want := range []string{
		"KỊCH BẢN TRAO TẶNG KHEN THƯỞNG", "Tổng kết 10 năm phong trào", "Thời gian: ngày 20 tháng 6 năm 2024", "Địa điểm: Hội trường tỉnh",
		"Quyết định số 07/QĐ-UBND ngày 05 tháng 01 năm 2025 của Chủ tịch UBND tỉnh tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 03 tập thể.",
		// Batch 1: the Chairman hands out his own award: no "thừa ủy quyền".
		"Đợt 1 (khay số 01 đến 05) Đồng chí Võ Văn Hưng, Chủ tịch UBND tỉnh trao Cờ thi đua của Ủy ban nhân dân tỉnh và Chiến sĩ thi đua cấp tỉnh cho 03 tập thể và 02 cá nhân.",
		// Batch 2: a police officer on the Chairman's behalf.
		"Đồng chí Nguyễn Văn A, Phó Giám đốc Công an tỉnh, thừa ủy quyền Chủ tịch UBND tỉnh trao",
		// Batch 3: the Vice-Chairman who signed the Bằng khen decision.
		"Đồng chí Hoàng Nam, Phó Chủ tịch UBND tỉnh trao Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho",
		// Batch 4 has no presenter yet: a line to fill in.
		"Đợt 4 (khay số 16 đến 20) Đồng chí .....",
		"Xin trân trọng kính mời đồng chí Nguyễn Văn A, Phó Giám đốc Công an tỉnh, thừa ủy quyền Chủ tịch UBND tỉnh lên trao",
		"Xin trân trọng kính mời đại diện các tập thể có tên sau đây lên nhận Cờ thi đua của Ủy ban nhân dân tỉnh: 01.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("run-sheet lacks %q", want)
		}
	}
	// One page of MC script per batch, each naming its trays in order.
	batches := 0
	for _, p := range pages {
		if m := regexp.MustCompile(`LỜI DẪN ĐỢT (\d+)`).FindStringSubmatch(p); m != nil {
			batches++
			if m[1] != fmt.Sprint(batches) {
				t.Errorf("MC page for batch %s after %d", m[1], batches-1)
			}
			n, _ := strconv.Atoi(m[1])
			for tray := (n-1)*5 + 1; tray <= min(n*5, 23); tray++ {
				if !strings.Contains(p, fmt.Sprintf("%02d.", tray)) {
					t.Errorf("MC page %d lacks tray %02d", n, tray)
				}
			}
			if strings.Contains(p, "LỜI DẪN ĐỢT "+fmt.Sprint(n+1)) {
				t.Errorf("batch %d shares its page", n+1)
			}
		}
	}
	if batches != 5 {
		t.Errorf("%d MC pages, want 5 (23 certificates by 5)", batches)
	}
}

func TestOnBehalf(t *testing.T) {
	d := &khenthuong.Decision{SignerName: "Hoàng Nam"}
	f := testForm("BKCT") // issuer "Chủ tịch UBND tỉnh"
	for _, c := range []struct {
		p    Presenter
		want string
	}{
		{Presenter{Name: "Hoàng Nam", Title: "Phó Chủ tịch UBND tỉnh"}, ""},          // the signer
		{Presenter{Name: "Võ Văn Hưng", Title: "Chủ tịch Ủy ban nhân dân tỉnh"}, ""}, // the issuer's office, spelt out
		{Presenter{Name: "Võ Văn Hưng", Title: "Chủ tịch UBND tỉnh"}, ""},
		{Presenter{Name: "Nguyễn Văn A", Title: "Phó Giám đốc Công an tỉnh"}, "Chủ tịch UBND tỉnh"},
		{Presenter{Name: "Lê B", Title: "Phó Chủ tịch UBND tỉnh"}, "Chủ tịch UBND tỉnh"},
		{Presenter{}, ""},
	} {
		if got := OnBehalf(c.p, d, f); got != c.want {
			t.Errorf("OnBehalf(%+v) = %q, want %q", c.p, got, c.want)
		}
	}
}

// TestTrayMark prints the tray number small under the registry line, and
// refuses tray numbers that do not match the recipients.
func TestTrayMark(t *testing.T) {
	d := testDecision()
	j := testJob(t, ModeBlank)
	j.Recipients = []uint64{103, 101}
	j.Trays = []int{7, 12}
	path, _ := printJob(t, j)
	pages := pdfWords(t, path)
	tpl := j.Template
	for i, tray := range j.Trays {
		// The mark's words: "Thứ" "tự:" "07", one box around them.
		ws := pages[i]
		var mark *word
		for k := 0; k+2 < len(ws); k++ {
			if ws[k].Text == "Thứ" && ws[k+1].Text == "tự:" && ws[k+2].Text == fmt.Sprintf("%02d", tray) {
				mark = &word{Text: TrayMark(tray), XMin: ws[k].XMin, YMin: ws[k].YMin, XMax: ws[k+2].XMax, YMax: ws[k+2].YMax}
			}
		}
		if mark == nil {
			t.Fatalf("page %d lacks %q", i+1, TrayMark(tray))
		}
		// Under the registry line, inside the border, clear of every field.
		reg := trayAnchor(&tpl)
		if math.Abs(mark.XMin-reg.X) > 0.2 || mark.YMin < reg.Y+reg.H || mark.YMax > reg.Y+reg.H+5 {
			t.Errorf("tray %d at (%.1f, %.1f), want under the registry line at (%.1f, %.1f)", tray, mark.XMin, mark.YMin, reg.X, reg.Y+reg.H)
		}
		for _, f := range tpl.Fields {
			if mark.XMax > f.X && mark.XMin < f.X+f.W && mark.YMax > f.Y && mark.YMin < f.Y+f.H {
				t.Errorf("tray number overlaps the %s box", f.Key)
			}
		}
		if h := mark.YMax - mark.YMin; h > 3.5 {
			t.Errorf("tray number %.1f mm high: not small", h)
		}
	}
	if !strings.Contains(squash(pdfText(t, path)[0]), "Trương Quang Sáng") {
		t.Error("the first certificate is not the first in tray order")
	}
	j.Trays = []int{1}
	if _, err := Print(&bytes.Buffer{}, j); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
		t.Errorf("one tray number for two certificates: %v", err)
	}
	_ = d
}
