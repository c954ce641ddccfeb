package certificates

import (
	"io"
	"sort"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/page"
)

// HistoryDoc is what a nominee's award history (quá trình khen thưởng) is
// printed from: the entries HistoryService returns for the nominee.
type HistoryDoc struct {
	Nominee  string // as printed: "Ông Trương Quang Sáng"; "" takes the latest entry's
	Entries  []khenthuong.HistoryEntry
	Forms    map[string]*khenthuong.AwardForm // for the issuing body; may be nil
	Settings *khenthuong.Settings
	Date     khenthuong.Date // date of the printout; zero leaves it to write in
}

// HistoryTitle is the title of the award history.
const HistoryTitle = "QUÁ TRÌNH KHEN THƯỞNG"

// HistoryRow is one award of the history.
type HistoryRow struct {
	Year       string // "2022"
	Form       string // the form's name
	Number     string // "2871/QĐ-UBND"
	Date       string // "24/10/2022"
	Issuer     string // "Chủ tịch UBND tỉnh"
	RegistryNo string // số sổ vàng
}

// HistoryRows are the awards of the entries, oldest first; entries with no
// issued award yet (pending nominations) are left out.
func HistoryRows(entries []khenthuong.HistoryEntry, forms map[string]*khenthuong.AwardForm) []HistoryRow {
	awarded := make([]khenthuong.HistoryEntry, 0, len(entries))
	for _, e := range entries {
		if e.Award != nil {
			awarded = append(awarded, e)
		}
	}
	sort.SliceStable(awarded, func(i, j int) bool {
		return awarded[i].Award.DecisionDate.Before(awarded[j].Award.DecisionDate)
	})
	out := make([]HistoryRow, 0, len(awarded))
	for _, e := range awarded {
		a := e.Award
		code := a.FormCode
		if code == "" {
			code = e.Nomination.FormCode
		}
		row := HistoryRow{Form: code, Number: a.DecisionNumber, RegistryNo: a.RegistryNo}
		if f := forms[code]; f != nil {
			row.Form, row.Issuer = f.Name, f.Issuer
		}
		if a.DecisionDate.Year != 0 {
			row.Year = strconv.Itoa(a.DecisionDate.Year)
		}
		row.Date = a.DecisionDate.Display()
		out = append(out, row)
	}
	return out
}

// HistoryPages lays out the award history: the pages WriteHistory prints.
// Errors: EINVALID (no settings).
func HistoryPages(doc HistoryDoc) ([]page.Page, error) {
	if doc.Settings == nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Chưa có thiết lập của cơ quan")
	}
	st := AdminStyle()
	s := doc.Settings
	// Entries come newest first: the latest nomination names the nominee as now.
	var latest *khenthuong.Nominee
	if len(doc.Entries) > 0 {
		latest = &doc.Entries[0].Nomination.Nominee
	}
	name := strings.TrimSpace(doc.Nominee)
	if name == "" && latest != nil {
		name = latest.PrintName()
	}

	var out []box
	// Header: the office on the left, the national motto on the right.
	t := &DecisionText{Authority: splitAuthority(s.Authority)}
	hb := st.headerBlock(t)
	out = append(out, hb)
	out = append(out, st.heading(HistoryTitle, "B", st.Size, 6)...)
	if name != "" {
		out = append(out, st.heading("Của: "+name, "B", st.Size, 0)...)
	}
	out[len(out)-1].glue = false
	if latest != nil {
		var facts []string
		if d := latest.Birth; !d.IsZero() {
			facts = append(facts, "Năm sinh: "+strconv.Itoa(d.Year))
		}
		if pu := latest.PositionAndUnit(); pu != "" {
			label := "Chức vụ, đơn vị: "
			if latest.Kind != khenthuong.Individual {
				label = "Đơn vị: "
			}
			facts = append(facts, label+pu)
		}
		for i, f := range facts {
			space := 0.0
			if i == 0 {
				space = st.ParaSpace
			}
			out = append(out, st.boxes(para{spans: []span{sp("", f)}, size: st.Size, align: 'L', x: st.Left, w: st.TextWidth(), space: space})...)
		}
	}
	rows := HistoryRows(doc.Entries, doc.Forms)
	size := 11.0
	tb := st.newTable(st.Left, size,
		column{title: "Năm", w: 11, align: 'C'},
		column{title: "Hình thức", w: 38, align: 'L'},
		column{title: "Số quyết định", w: 32, align: 'C'},
		column{title: "Ngày", w: 22, align: 'C'},
		column{title: "Cơ quan ban hành", w: 30, align: 'L'},
		column{title: "Số sổ vàng", w: st.TextWidth() - 133, align: 'C'})
	hdr := tb.header[0]
	hdr.space = 2 * st.ParaSpace
	out = append(out, hdr)
	if len(rows) == 0 {
		out = append(out, st.dataRow(tb, []cell{{paras: []cellPara{{spans: []span{sp("I", "Chưa có khen thưởng nào được ghi nhận.")}, align: 'C'}}, cols: 6}}, 0))
	}
	for _, r := range rows {
		out = append(out, st.dataRow(tb, []cell{textCell("", r.Year), textCell("", r.Form), textCell("", r.Number),
			textCell("", r.Date), textCell("", r.Issuer), textCell("", r.RegistryNo)}, 0))
	}
	place := s.Place
	if place == "" {
		place = s.Province
	}
	date := longDate(doc.Date)
	if place != "" {
		date = place + ", " + date
	}
	var sb box
	sb.space = 2 * st.ParaSpace
	rcx := st.Left + headColumn + (st.TextWidth()-headColumn)/2
	y := st.face("I").Ascent * 13 * page.MMPerPt
	ts, _ := st.centred([]string{date}, "I", 13, rcx, y, 0)
	sb.texts = append(sb.texts, ts...)
	ts, _ = st.centred([]string{"NGƯỜI LẬP"}, "B", 13, rcx, y+st.lead(13), 0)
	sb.texts = append(sb.texts, ts...)
	sb.h = y + st.lead(13) + SignatureSpace
	out = append(out, sb)
	return st.paginate(out), nil
}

// WriteHistory writes a nominee's award history as a PDF: a table Năm,
// Hình thức, Số quyết định, Ngày, Cơ quan ban hành, Số sổ vàng.
// Errors: EINVALID, EINTERNAL.
func WriteHistory(w io.Writer, doc HistoryDoc) error {
	pages, err := HistoryPages(doc)
	if err != nil {
		return err
	}
	return page.WritePDF(w, "Quá trình khen thưởng", pages)
}
