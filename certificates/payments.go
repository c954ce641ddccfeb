package certificates

import (
	"io"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/vntext"
)

// PaymentsDoc is what the bonus payment list (danh sách chi tiền thưởng) is
// printed from: one decision or the decisions of a ceremony.
type PaymentsDoc struct {
	Decisions []khenthuong.Decision
	Forms     map[string]*khenthuong.AwardForm
	Settings  *khenthuong.Settings
	Campaign  *khenthuong.Campaign // optional: named under the title
	// Signatures are the signers' titles at the bottom, left to right; nil
	// gives DefaultPaymentSignatures.
	Signatures []string
	// Recipients, when set, gives decision i's recipients instead of
	// Decisions[i].Recipients (then left nil): the PDF reads each stream a
	// few times (the kinds it holds, the totals, then each kind) and holds
	// none of it.
	Recipients func(i int) RecipientStream
}

// PaymentsTitle is the title of the payment list.
const PaymentsTitle = "DANH SÁCH CHI TIỀN THƯỞNG"

// DefaultPaymentSignatures are the signatures of a payment list.
var DefaultPaymentSignatures = []string{"NGƯỜI LẬP BIỂU", "KẾ TOÁN", "THỦ TRƯỞNG ĐƠN VỊ"}

func (doc *PaymentsDoc) check() error {
	switch {
	case len(doc.Decisions) == 0:
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn quyết định nào để lập danh sách chi tiền thưởng")
	case doc.Settings == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa có thiết lập của cơ quan")
	}
	return nil
}

// PaymentsBasis is the line under the title: the decisions paid from.
func PaymentsBasis(decisions []khenthuong.Decision, forms map[string]*khenthuong.AwardForm, s *khenthuong.Settings) string {
	if len(decisions) == 1 {
		d := &decisions[0]
		f := forms[d.FormCode]
		if f == nil {
			f = &khenthuong.AwardForm{}
		}
		return "(Kèm theo " + decisionRef(d, f, s) + ")"
	}
	var nums []string
	for i := range decisions {
		nums = append(nums, strings.TrimSpace(DecisionNumber(decisions[i].Number, s.AuthorityAbbr)))
	}
	return "(Kèm theo các Quyết định số " + joinVa(nums) + ")"
}

// officeLines are the heading lines of the paying office: for "Ban Thi đua
// - Khen thưởng, Sở Nội vụ" the parent "SỞ NỘI VỤ" then the office "BAN THI
// ĐUA - KHEN THƯỞNG"; with no office, the issuing body.
func officeLines(s *khenthuong.Settings) (parent, own []string) {
	st := AdminStyle()
	parts := strings.Split(s.Office, ",")
	var clean []string
	for _, p := range parts {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			clean = append(clean, strings.ToUpper(p))
		}
	}
	if len(clean) == 0 {
		return nil, splitAuthority(s.Authority)
	}
	for i := len(clean) - 1; i > 0; i-- {
		parent = append(parent, st.wrapCentred(clean[i], "", 12, 80)...)
	}
	return parent, st.wrapCentred(clean[0], "B", 12, 80)
}

// AmountInWordsLine is "Bằng chữ: Bảy triệu không trăm hai mươi nghìn đồng."
func AmountInWordsLine(total int64) string {
	return "Bằng chữ: " + vntext.AmountInWords(total) + "."
}

// PaymentsPages lays out the payment list: the pages WritePayments prints.
// Errors: EINVALID.
func PaymentsPages(doc PaymentsDoc) ([]page.Page, error) {
	return collect(doc.layout)
}

// layout lays out the payment list a page at a time.
func (doc *PaymentsDoc) layout(emit func(page.Page) error) error {
	if err := doc.check(); err != nil {
		return err
	}
	tot, err := doc.plan()
	if err != nil {
		return err
	}
	if tot.Rows == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Các quyết định đã chọn chưa có người được khen")
	}
	st := AdminStyle()
	s := doc.Settings
	var out []box

	// The paying office at the top left: its parent body, then its own name
	// in bold with a short rule under it.
	var hb box
	lcx := st.Left + 40
	lead := st.lead(12)
	parent, own := officeLines(s)
	y := st.face("").Ascent * 12 * page.MMPerPt
	ts, _ := st.centred(parent, "", 12, lcx, y, lead)
	hb.texts = append(hb.texts, ts...)
	y += float64(len(parent)) * lead
	ts, w := st.centred(own, "B", 12, lcx, y, lead)
	hb.texts = append(hb.texts, ts...)
	y += float64(max(len(own), 1)-1)*lead + st.face("B").Descent*12*page.MMPerPt + ruleGap
	if len(own) > 0 {
		hb.shapes = append(hb.shapes, rule(lcx, y, ruleLength(w)))
	}
	hb.h = y + 1
	out = append(out, hb)

	out = append(out, st.heading(PaymentsTitle, "B", st.Size, 9)...)
	if c := doc.Campaign; c != nil && c.Name != "" {
		out = append(out, st.heading(c.Name, "B", st.Size, 0)...)
	}
	out = append(out, st.heading(PaymentsBasis(doc.Decisions, doc.Forms, s), "I", st.Size, 0)...)
	out[len(out)-1].glue = false

	size := 12.0
	t := st.newTable(st.Left, size,
		column{title: "STT", w: 12.5, align: 'C'},
		column{title: ColName, w: 71.5, align: 'L'},
		column{title: "Hình thức", w: 25, align: 'C'},
		column{title: "Số tiền (đồng)", w: 28, align: 'R'},
		column{title: "Ký nhận", w: st.TextWidth() - 137, align: 'C'})
	hdr := t.header[0]
	hdr.space = 2 * st.ParaSpace
	out = append(out, hdr)
	pg := st.pager(emit)
	for _, b := range out {
		if err := pg.add(b); err != nil {
			return err
		}
	}
	// The signed page carries rows of the list: the last recipients stay
	// with the totals, the amount in words and the signatures, never a page
	// of totals under a bare header.
	tail := false
	put := func(b box) error {
		b.glue = b.glue || tail
		return pg.add(b)
	}
	const signH = 10.0      // room to sign
	multi := tot.Groups > 1 // one kind: the list needs no "I." heading
	group, rows := -1, 0
	var groupTotal int64
	endGroup := func() error {
		if !multi || group < 0 {
			return nil
		}
		return put(st.dataRow(t, []cell{
			{paras: []cellPara{{spans: []span{sp("B", "Cộng "+khenthuong.RomanNumeral(group))}, align: 'C'}}, cols: 3},
			textCell("B", vntext.FormatNumber(groupTotal)), {}}, 0))
	}
	err = tot.EachRow(func(g int, k khenthuong.Kind, pr *khenthuong.PaymentRow) error {
		if g != group {
			if err := endGroup(); err != nil {
				return err
			}
			group, groupTotal = g, 0
			if multi {
				r := st.dataRow(t, []cell{{paras: []cellPara{{spans: []span{sp("B", khenthuong.PaymentHeading(g, k))}, align: 'L'}}, cols: 5}}, 0)
				r.glue = true
				if err := put(r); err != nil {
					return err
				}
			}
		}
		tail = tail || rows >= tot.Rows-keepWithTotals
		rows++
		groupTotal += pr.Amount
		name := cell{paras: []cellPara{{spans: []span{sp("", pr.Name)}}}}
		if pr.Detail != "" {
			name.paras = append(name.paras, cellPara{spans: []span{sp("I", pr.Detail)}, size: size - 1})
		}
		return put(st.dataRow(t, []cell{
			textCell("", strconv.Itoa(pr.No)), name, textCell("", pr.Form),
			textCell("", vntext.FormatNumber(pr.Amount)), {}}, signH))
	})
	if err != nil {
		return err
	}
	if rows != tot.Rows {
		return khenthuong.Errorf(khenthuong.ECONFLICT, "Danh sách người được khen vừa thay đổi trong khi in, hãy in lại")
	}
	if err := endGroup(); err != nil {
		return err
	}
	if err := put(st.dataRow(t, []cell{
		{paras: []cellPara{{spans: []span{sp("B", "TỔNG CỘNG")}, align: 'C'}}, cols: 3},
		textCell("B", vntext.FormatNumber(tot.Total)), {}}, 0)); err != nil {
		return err
	}
	words := st.boxes(para{spans: []span{sp("I", AmountInWordsLine(tot.Total))}, size: st.Size, align: 'L',
		x: st.Left, w: st.TextWidth(), space: st.ParaSpace, keep: true, next: true})
	for _, b := range append(words, st.paymentSignatures(*doc)) {
		if err := pg.add(b); err != nil {
			return err
		}
	}
	return pg.close()
}

// keepWithTotals is how many of the last recipients' rows stay on the page
// of the totals and signatures.
const keepWithTotals = 3

// signatureColumns are the widths of the signers' columns: the last one
// (THỦ TRƯỞNG ĐƠN VỊ) wide enough for the date line centred over it, the
// others sharing the rest.
func (s DocStyle) signatureColumns(n int, date string, size float64) []float64 {
	w := s.TextWidth()
	cols := make([]float64, n)
	if n == 0 {
		return cols
	}
	last := min(max(w/float64(n), s.face("I").Width(date, size)+4), w*0.55)
	if n == 1 {
		last = w
	}
	for i := range cols {
		cols[i] = (w - last) / float64(max(n-1, 1))
	}
	cols[n-1] = last
	return cols
}

// paymentSignatures is the date line and the signers' columns, one box.
func (s DocStyle) paymentSignatures(doc PaymentsDoc) box {
	sigs := doc.Signatures
	if sigs == nil {
		sigs = DefaultPaymentSignatures
	}
	b := box{space: 2 * s.ParaSpace}
	lead := s.lead(13)
	place := doc.Settings.Place
	if place == "" {
		place = doc.Settings.Province
	}
	date := longDate(khenthuong.Date{})
	if place != "" {
		date = place + ", " + date
	}
	y := s.face("I").Ascent * 13 * page.MMPerPt
	date = upperFirst(date)
	// The date line as large as it can be, up to 13 pt, while the other
	// signers' titles keep one line each ("NGƯỜI LẬP BIỂU" unbroken).
	dateSize := 13.0
	cols := s.signatureColumns(len(sigs), date, dateSize)
	for ; dateSize > 11; dateSize -= 0.5 {
		cols = s.signatureColumns(len(sigs), date, dateSize)
		fits := true
		for i, sg := range sigs[:max(len(sigs)-1, 0)] {
			fits = fits && s.face("B").Width(strings.ToUpper(sg), 13) <= cols[i]-4
		}
		if fits {
			break
		}
	}
	centres := make([]float64, len(cols))
	x := s.Left
	for i, w := range cols {
		centres[i], x = x+w/2, x+w
	}
	if len(sigs) > 0 {
		// Centred over the last signer (THỦ TRƯỞNG ĐƠN VỊ), smaller if the
		// column cannot hold it at 13 pt.
		for dateSize > 11 && s.face("I").Width(date, dateSize) > cols[len(cols)-1] {
			dateSize -= 0.5
		}
		ts, _ := s.centred([]string{date}, "I", dateSize, centres[len(centres)-1], y, 0)
		b.texts = append(b.texts, ts...)
	}
	y += lead
	bottom := y
	for i, sg := range sigs {
		cx, colW := centres[i], cols[i]
		lines := s.wrapCentred(strings.ToUpper(sg), "B", 13, colW-4)
		ts, _ := s.centred(lines, "B", 13, cx, y, lead)
		b.texts = append(b.texts, ts...)
		note := "(Ký, ghi rõ họ tên)"
		if i == len(sigs)-1 {
			note = "(Ký, ghi rõ họ tên, đóng dấu)"
		}
		nl := s.wrapCentred(note, "I", 12, colW-2)
		ts, _ = s.centred(nl, "I", 12, cx, y+float64(len(lines))*lead, s.lead(12))
		b.texts = append(b.texts, ts...)
		bottom = max(bottom, y+float64(len(lines))*lead+float64(len(nl))*s.lead(12))
	}
	b.h = bottom + SignatureSpace
	return b
}

// WritePayments writes the bonus payment list as a PDF: STT, recipient,
// form, amount, a column to sign, totals in figures and in words, the
// signatures. Errors: EINVALID, EINTERNAL.
func WritePayments(w io.Writer, doc PaymentsDoc) error {
	pdf := page.NewPDF("Danh sách chi tiền thưởng")
	defer pdf.Close()
	if err := doc.layout(func(p page.Page) error { return pdf.Add(&p) }); err != nil {
		return err
	}
	return pdf.Finish(w)
}
