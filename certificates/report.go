package certificates

import (
	"io"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/stats"
	"khenthuong/vntext"
)

// ReportDoc is what the summary report (báo cáo tổng hợp khen thưởng) of a
// period is printed from.
type ReportDoc struct {
	Summary  *stats.Summary
	Settings *khenthuong.Settings
	From, To khenthuong.Date
	Issuer   string // the issuer the report is limited to, if any
	Campaign string // the campaign's name, if the report is limited to one
	// Signer signs the report for the issuing body; a zero Signer is the
	// first of the settings' signers.
	Signer khenthuong.Signer
	// Recipients are the report's Nơi nhận lines; nil is DefaultReportRecipients.
	Recipients []string
}

// DefaultReportRecipients are where a provincial summary report goes.
var DefaultReportRecipients = []string{
	"Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)",
	"Thường trực Tỉnh ủy, Thường trực HĐND tỉnh",
	"Chủ tịch, các PCT UBND tỉnh",
	"Lưu: VT, SNV",
}

// reportSignature is the end of the report as the body sends it: Nơi nhận
// on the left; on the right "TM. ỦY BAN NHÂN DÂN", the signer's title, room
// to sign and seal, the name.
func (doc *ReportDoc) reportSignature() *DecisionText {
	s := doc.Settings
	sg := doc.Signer
	if sg.Title == "" && sg.Name == "" && len(s.Signers) > 0 {
		sg = s.Signers[0]
	}
	t := &DecisionText{SignerName: sg.Name}
	if a := splitAuthority(s.Authority); len(a) > 0 {
		t.SignerTitle = append(t.SignerTitle, "TM. "+a[0])
	}
	t.SignerTitle = append(t.SignerTitle, titleLines(sg.Title)...)
	recipients := doc.Recipients
	if recipients == nil {
		recipients = DefaultReportRecipients
	}
	t.Recipients = recipientLines(recipients)
	return t
}

// ReportTitle is the title of the summary report.
const ReportTitle = "BÁO CÁO TỔNG HỢP KẾT QUẢ KHEN THƯỞNG"

// ReportPeriod is the line under the title: "Từ ngày 01/01/2025 đến ngày 31/12/2025".
func ReportPeriod(from, to khenthuong.Date) string {
	f, t := from.Display(), to.Display()
	switch {
	case f != "" && t != "":
		return "Từ ngày " + f + " đến ngày " + t
	case f != "":
		return "Từ ngày " + f
	case t != "":
		return "Đến ngày " + t
	}
	return "Toàn bộ thời gian"
}

// ReportPages lays out the summary report: the pages WriteReport prints. Errors: EINVALID.
func ReportPages(doc ReportDoc) ([]page.Page, error) {
	if doc.Summary == nil || doc.Settings == nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Chưa có số liệu hoặc thiết lập của cơ quan để lập báo cáo")
	}
	st := AdminStyle()
	s := doc.Settings
	place := s.Place
	if place == "" {
		place = s.Province
	}
	placeDate := longDate(khenthuong.Date{})
	if place != "" {
		placeDate = place + ", " + placeDate
	}
	var out []box
	out = append(out, st.headerBlock(&DecisionText{
		Authority: splitAuthority(s.Authority),
		Number:    "Số:        /BC-" + s.AuthorityAbbr,
		PlaceDate: placeDate,
	}))
	out = append(out, st.heading(ReportTitle, "B", st.Size, 9)...)
	if doc.Campaign != "" {
		out = append(out, st.heading(doc.Campaign, "B", st.Size, 0)...)
	}
	out = append(out, st.heading(ReportPeriod(doc.From, doc.To), "I", st.Size, 0)...)
	if doc.Issuer != "" {
		out = append(out, st.heading("Thẩm quyền khen thưởng: "+doc.Issuer, "I", st.Size, 0)...)
	}
	st.ruleUnder(out[len(out)-1:], "I", st.Size, 40)

	para1 := func(style, text string, space float64, next bool) {
		out = append(out, st.boxes(para{spans: []span{sp(style, text)}, size: st.Size, align: 'J',
			x: st.Left, w: st.TextWidth(), space: space, keep: true, next: next})...)
	}
	para1("B", "I. TỔNG HỢP CHUNG", 2*st.ParaSpace, true)
	for _, l := range stats.Totals(doc.Summary) {
		out = append(out, st.boxes(para{spans: []span{sp("", l[0]+": "), sp("B", l[1])}, size: st.Size, align: 'L',
			x: st.Left, w: st.TextWidth(), label: &span{text: "-"}, hang: 5, space: 1, keep: true})...)
	}
	para1("B", "II. SỐ LIỆU CHI TIẾT", 2*st.ParaSpace, true)
	for i, sec := range stats.Sections(doc.Summary) {
		out = append(out, st.reportTable(i+1, sec)...)
	}
	out[len(out)-1].glue = true // the signature never starts a page alone
	out = append(out, st.signatureBlock(doc.reportSignature()))
	return st.paginate(out), nil
}

// reportTable is a numbered section: its title, the ruled table with a total
// row, and a bar chart of its counts.
func (s DocStyle) reportTable(n int, sec stats.Section) []box {
	var out []box
	out = append(out, s.boxes(para{spans: []span{sp("B", strconv.Itoa(n)+". "+sec.Title)}, size: s.Size, align: 'L',
		x: s.Left, w: s.TextWidth(), space: s.ParaSpace, keep: true, next: true})...)
	size := 12.0
	cols := []column{{title: "STT", w: 12, align: 'C'}, {title: "Nội dung", align: 'L'},
		{title: sec.Unit, w: 24, align: 'R'}, {title: "Tỷ lệ", w: 20, align: 'R'}}
	if sec.Amount {
		cols = append(cols, column{title: "Tiền thưởng (đồng)", w: 36, align: 'R'})
	}
	used := 0.0
	for _, c := range cols {
		used += c.w
	}
	cols[1].w = s.TextWidth() - used
	t := s.newTable(s.Left, size, cols...)
	hdr := t.header[0]
	hdr.space = 2
	out = append(out, hdr)
	total, amount := 0, int64(0)
	for i, c := range sec.Rows {
		cells := []cell{textCell("", strconv.Itoa(i+1)), textCell("", c.Label),
			textCell("", vntext.FormatNumber(int64(c.Count))), textCell("", stats.FormatPercent(c.Percent))}
		if sec.Amount {
			cells = append(cells, textCell("", vntext.FormatNumber(c.Amount)))
		}
		out = append(out, s.dataRow(t, cells, 0))
		total += c.Count
		amount += c.Amount
	}
	if len(sec.Rows) == 0 {
		out = append(out, s.dataRow(t, []cell{{paras: []cellPara{{spans: []span{sp("I", "Không có số liệu")}, align: 'C'}}, cols: len(cols)}}, 0))
		return out
	}
	pct := "100%"
	if total == 0 {
		pct = stats.FormatPercent(0)
	}
	cells := []cell{{paras: []cellPara{{spans: []span{sp("B", "Cộng")}, align: 'C'}}, cols: 2},
		textCell("B", vntext.FormatNumber(int64(total))), textCell("B", pct)}
	if sec.Amount {
		cells = append(cells, textCell("B", vntext.FormatNumber(amount)))
	}
	out = append(out, s.dataRow(t, cells, 0))
	if total > 0 {
		out = append(out, s.barChart(sec.Rows))
	}
	return out
}

// Chart geometry, mm.
const (
	barRow   = 5.2 // one bar and its gap
	barH     = 3.6
	barLabel = 58 // the label column left of the bars
)

// barChart is a horizontal bar chart of the counts, one box: each bar grey
// with a black outline and diagonal hatching, its number beside it, so it
// reads printed in black and white.
func (s DocStyle) barChart(rows []stats.Count) box {
	b := box{space: 3}
	size := 10.0
	most := 0
	for _, r := range rows {
		most = max(most, r.Count)
	}
	x0 := s.Left + barLabel
	numW := 30.0
	span := s.TextWidth() - barLabel - numW
	face := s.face("")
	for i, r := range rows {
		top := float64(i) * barRow
		base := top + barH/2 + face.Ascent*size*page.MMPerPt/2 - 0.3
		label := r.Label
		for face.Width(label, size) > barLabel-3 && len([]rune(label)) > 4 {
			rs := []rune(strings.TrimSuffix(label, "…"))
			label = strings.TrimSpace(string(rs[:len(rs)-2])) + "…"
		}
		t := s.text("", size, label, 0, base, page.RGB{})
		t.X = x0 - 2 - t.Width
		b.texts = append(b.texts, t)
		w := 0.0
		if most > 0 {
			w = span * float64(r.Count) / float64(most)
		}
		if r.Count > 0 {
			w = max(w, 0.6)
			b.shapes = append(b.shapes, page.Shape{Kind: page.ShapeRect, X: x0, Y: top, W: w, H: barH, LineWidth: 0.2,
				Filled: true, Fill: page.RGB{R: 200, G: 200, B: 200}})
			b.shapes = append(b.shapes, hatch(x0, top, w, barH)...)
		}
		b.texts = append(b.texts, s.text("B", size, vntext.FormatNumber(int64(r.Count))+" ("+stats.FormatPercent(r.Percent)+")", x0+w+1.5, base, page.RGB{}))
	}
	// The axis.
	b.shapes = append(b.shapes, vline(x0, -0.8, float64(len(rows))*barRow, 0.3))
	b.h = float64(len(rows))*barRow + 1
	return b
}

// hatch is diagonal lines 2 mm apart inside the rectangle.
func hatch(x, y, w, h float64) []page.Shape {
	var out []page.Shape
	const step = 2.0
	for d := step; d < w+h; d += step {
		// The line x+u-v = x+d for u in [0,w], v in [0,h]: from (x+d, y+h-0) going up-left.
		x1, y1 := x+d, y+h
		if d > w {
			x1, y1 = x+w, y+h-(d-w)
		}
		x2, y2 := x+d-h, y
		if d < h {
			x2, y2 = x, y+h-d
		}
		out = append(out, page.Shape{Kind: page.ShapeLine, Points: []page.Point{{X: x1, Y: y1}, {X: x2, Y: y2}}, LineWidth: 0.15, Stroke: page.RGB{R: 60, G: 60, B: 60}})
	}
	return out
}

// WriteReport writes the summary report as a PDF (A4 portrait, the
// administrative format): the issuing body and the national motto, the
// title and the period, the totals, then each table with its bar chart.
// Errors: EINVALID, EINTERNAL.
func WriteReport(w io.Writer, doc ReportDoc) error {
	pages, err := ReportPages(doc)
	if err != nil {
		return err
	}
	return page.WritePDF(w, "Báo cáo tổng hợp kết quả khen thưởng", pages)
}
