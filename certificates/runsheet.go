package certificates

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/vntext"
)

// Presenter hands out the certificates of one batch on stage.
type Presenter struct {
	Name  string `json:"name"`  // "Nguyễn Văn A"
	Title string `json:"title"` // "Phó Giám đốc Công an tỉnh"
}

// RunSheetTexts are the wordings of the run-sheet and the MC's script, with
// placeholders: {presenter} ("đồng chí Nguyễn Văn A, Phó Giám đốc Công an
// tỉnh", followed by ", thừa ủy quyền Chủ tịch UBND tỉnh" when the presenter
// neither signed the decision nor holds the issuer's office: OnBehalf),
// {award} (the forms' names), {who} ("02 tập thể và 08 cá nhân"), {whom}
// ("các tập thể và các cá nhân"), {callees} (as {whom}, "đại diện" before
// collectives and households only: "đại diện các tập thể và các cá nhân"), {decision}
// ("Quyết định số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022 của Chủ tịch UBND
// tỉnh"), {subject}, {batch}, {trays} ("01 đến 10"). Empty fields take the defaults.
type RunSheetTexts struct {
	Title        string `json:"title"`          // "KỊCH BẢN TRAO TẶNG KHEN THƯỞNG"
	Presents     string `json:"presents"`       // the run-sheet's line for a batch
	Announce     string `json:"announce"`       // the MC invites someone to read a decision
	Invite       string `json:"invite"`         // the MC invites the presenter
	CallUp       string `json:"call_up"`        // the MC calls the recipients up
	StandInOrder string `json:"stand_in_order"` // how recipients line up
	Closing      string `json:"closing"`        // after the batch
}

// DefaultRunSheetTexts are the usual wordings of a provincial ceremony.
func DefaultRunSheetTexts() RunSheetTexts {
	return RunSheetTexts{
		Title:        "KỊCH BẢN TRAO TẶNG KHEN THƯỞNG",
		Presents:     "{presenter} trao {award} cho {who}.",
		Announce:     "Xin trân trọng kính mời đồng chí .................................... công bố {decision} {subject}.",
		Invite:       "Xin trân trọng kính mời {presenter} lên trao {award} cho {whom}.",
		CallUp:       "Xin trân trọng kính mời {callees} có tên sau đây lên nhận {award}:",
		StandInOrder: "(Đứng theo thứ tự từ trái sang phải nhìn từ phía dưới lên; khay số {trays}.)",
		Closing:      "Xin chúc mừng {whom} vừa được khen thưởng. Kính mời các đồng chí trở về vị trí.",
	}
}

func (t RunSheetTexts) orDefault() RunSheetTexts {
	d := DefaultRunSheetTexts()
	// The call-up of older wordings invited "đại diện" of individuals too.
	t.CallUp = strings.ReplaceAll(t.CallUp, "đại diện {whom}", "{callees}")
	for _, f := range []struct{ v, d *string }{
		{&t.Title, &d.Title}, {&t.Presents, &d.Presents}, {&t.Announce, &d.Announce}, {&t.Invite, &d.Invite},
		{&t.CallUp, &d.CallUp}, {&t.StandInOrder, &d.StandInOrder}, {&t.Closing, &d.Closing},
	} {
		if strings.TrimSpace(*f.v) == "" {
			*f.v = *f.d
		}
	}
	return t
}

// RunSheetDoc is what the ceremony's run-sheet is printed from: the
// decisions of one ceremony, their forms by code, the batch size on stage
// and who presents each batch.
type RunSheetDoc struct {
	Decisions []khenthuong.Decision
	Forms     map[string]*khenthuong.AwardForm
	Settings  *khenthuong.Settings
	Campaign  *khenthuong.Campaign // optional: the event's name, date and place
	BatchSize int                  // recipients called up together (at least 1)
	// Presenters by batch: Presenters[0] hands out batch 1, and so on; a
	// batch without one gets a dotted line to fill in.
	Presenters []Presenter
	Texts      RunSheetTexts // empty fields: DefaultRunSheetTexts
	// Recipients, if set, streams decision i's recipients (Decisions then
	// hold none): the run-sheet reads them a few times (counts, the table's
	// widths, the table, the MC's script) and holds one batch at a time.
	Recipients func(i int) RecipientStream
}

// PrintRun is the certificates of one decision in the order they are called
// on stage: give Recipients and Trays to a certificates.Job so the batch
// prints in tray order with each tray number in a corner.
type PrintRun struct {
	DecisionID uint64
	Recipients []uint64 // nomination IDs, in tray order
	Trays      []int    // the tray number of each of Recipients
}

// PrintOrder is the certificate print order of a ceremony, the same as the
// run-sheet's (khenthuong.CeremonyOrder): one run per decision, the runs in
// the order of their first tray number.
func PrintOrder(decisions []khenthuong.Decision, forms map[string]*khenthuong.AwardForm, batchSize int) []PrintRun {
	runOf := map[int]int{} // decision index -> run
	var runs []PrintRun
	for _, sl := range khenthuong.CeremonyOrder(decisions, forms, batchSize) {
		di := sl.Decision
		ri, ok := runOf[di]
		if !ok {
			ri = len(runs)
			runOf[di] = ri
			runs = append(runs, PrintRun{DecisionID: decisions[di].ID})
		}
		runs[ri].Recipients = append(runs[ri].Recipients, decisions[di].Recipients[sl.Recipient].NominationID)
		runs[ri].Trays = append(runs[ri].Trays, sl.Tray)
	}
	return runs
}

// CeremonyEntry is one certificate on the run-sheet, in calling order.
type CeremonyEntry struct {
	khenthuong.CeremonySlot // its Decision is the index in RunSheetDoc.Decisions
	Name                    string
	Detail                  string
	Kind                    khenthuong.Kind
	Nomination              uint64
}

// Entries is the run-sheet's calling order, with the names as printed.
func (doc *RunSheetDoc) Entries() []CeremonyEntry {
	slots := khenthuong.CeremonyOrder(doc.Decisions, doc.Forms, doc.batchSize())
	out := make([]CeremonyEntry, len(slots))
	for i, sl := range slots {
		r := &doc.Decisions[sl.Decision].Recipients[sl.Recipient]
		name, detail := r.Nominee.EntryParts()
		out[i] = CeremonyEntry{CeremonySlot: sl, Name: name, Detail: detail, Kind: r.Nominee.Kind, Nomination: r.NominationID}
	}
	return out
}

func (doc *RunSheetDoc) batchSize() int { return max(doc.BatchSize, 1) }

func (doc *RunSheetDoc) check() error {
	switch {
	case len(doc.Decisions) == 0:
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn quyết định nào cho buổi lễ")
	case doc.Settings == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa có thiết lập của cơ quan")
	}
	for i := range doc.Decisions {
		d := &doc.Decisions[i]
		if doc.Forms[d.FormCode] == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Quyết định số %s: không có hình thức khen thưởng “%s”", d.Number, d.FormCode)
		}
	}
	return nil
}

// whom names the kinds of a group as the MC says it: "các tập thể và các cá nhân".
func whom(counts map[khenthuong.Kind]int) string {
	var who []string
	for _, k := range kindsOf(counts) {
		if counts[k] > 0 {
			who = append(who, "các "+strings.ToLower(k.Label()))
		}
	}
	return joinVa(who)
}

// callees names those called up as the MC says it: a collective or a
// household sends its representative, a person comes in person: "đại diện
// các tập thể và các cá nhân", "các cá nhân".
func callees(counts map[khenthuong.Kind]int) string {
	var who []string
	represented := false
	for _, k := range kindsOf(counts) {
		if counts[k] == 0 {
			continue
		}
		w := "các " + strings.ToLower(k.Label())
		if k != khenthuong.Individual && !represented {
			w, represented = "đại diện "+w, true
		}
		who = append(who, w)
	}
	return joinVa(who)
}

// presenterPhrase is "đồng chí X, Phó Giám đốc Công an tỉnh" (or the title
// typed before X: "Đại tá X, ..."), followed by
// ", thừa ủy quyền {issuer}" when X hands out the award of someone else: X
// neither signed the decision nor holds the issuer's office.
func presenterPhrase(p *Presenter, onBehalf string) string {
	if p == nil || strings.TrimSpace(p.Name) == "" {
		return "đồng chí ...................................................."
	}
	// A danh xưng the clerk typed ("Đồng chí", "Bà", "Đại tá") replaces
	// "đồng chí": the MC reads one title, never two.
	title, name := vntext.SplitHonorific(p.Name)
	if title == "" {
		title = "Đồng chí"
	}
	s := spokenTitle(title) + " " + name
	if t := strings.TrimSpace(p.Title); t != "" {
		s += ", " + t
	}
	if onBehalf != "" {
		s += ", thừa ủy quyền " + onBehalf
	}
	return s
}

// spokenTitle is a danh xưng as the MC says it within a sentence: "đồng
// chí", "ông", "bà" in lower case; a rank ("Đại tá") keeps its capitals.
func spokenTitle(t string) string {
	switch t {
	case "Đồng chí", "Ông", "Bà", "Anh", "Chị":
		return strings.ToLower(t)
	}
	return t
}

// OnBehalf returns the issuer p hands out the award of d "thừa ủy quyền",
// or "" when p signed d or holds the issuer's office ("Chủ tịch UBND tỉnh"
// and "Chủ tịch Ủy ban nhân dân tỉnh" are the same office).
func OnBehalf(p Presenter, d *khenthuong.Decision, f *khenthuong.AwardForm) string {
	switch {
	case strings.TrimSpace(p.Name) == "" || f.Issuer == "":
		return ""
	case d.SignerName != "" && vntext.Fold(bareName(p.Name)) == vntext.Fold(bareName(d.SignerName)):
		return ""
	case p.Title != "" && officeKey(p.Title) == officeKey(f.Issuer):
		return ""
	}
	return f.Issuer
}

// bareName is a name without the danh xưng typed before it.
func bareName(s string) string {
	_, name := vntext.SplitHonorific(s)
	return name
}

var officeAbbr = strings.NewReplacer("ubnd", "uy ban nhan dan", "hdnd", "hoi dong nhan dan",
	"mttq", "mat tran to quoc", "vn", "viet nam")

func officeKey(s string) string {
	return strings.Join(strings.Fields(officeAbbr.Replace(" "+vntext.Fold(s)+" ")), " ")
}

// decisionRef is "Quyết định số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022 của Chủ tịch UBND tỉnh".
func decisionRef(d *khenthuong.Decision, f *khenthuong.AwardForm, s *khenthuong.Settings) string {
	ref := "Quyết định số " + strings.TrimSpace(DecisionNumber(d.Number, s.AuthorityAbbr)) + " " + longDate(d.Date)
	if f.Issuer != "" {
		ref += " của " + f.Issuer
	}
	return ref
}

// batchGroup is the part of a batch from one decision.
type batchGroup struct {
	decision int
	entries  []CeremonyEntry
}

func groupsOf(entries []CeremonyEntry) []batchGroup {
	var gs []batchGroup
	for _, e := range entries {
		if len(gs) == 0 || gs[len(gs)-1].decision != e.Decision {
			gs = append(gs, batchGroup{decision: e.Decision})
		}
		gs[len(gs)-1].entries = append(gs[len(gs)-1].entries, e)
	}
	return gs
}

func countsOf(es []CeremonyEntry) map[khenthuong.Kind]int {
	m := map[khenthuong.Kind]int{}
	for _, e := range es {
		m[e.Kind]++
	}
	return m
}

func trayRange(es []CeremonyEntry) string {
	switch len(es) {
	case 0:
		return ""
	case 1:
		return vntext.PadCount(es[0].Tray)
	}
	return vntext.PadCount(es[0].Tray) + " đến " + vntext.PadCount(es[len(es)-1].Tray)
}

// RunSheetPages lays out the run-sheet: the order of the ceremony with each
// batch, its presenter and tray numbers, then the MC's script, a page per
// batch. Errors: EINVALID, ENOTFOUND (a decision's form).
func RunSheetPages(doc RunSheetDoc) ([]page.Page, error) {
	return collect(doc.layout)
}

// layout lays out the run-sheet a batch at a time, handing pages to emit as
// they are filled.
func (doc *RunSheetDoc) layout(emit func(page.Page) error) error {
	if err := doc.check(); err != nil {
		return err
	}
	cer, err := doc.plan()
	if err != nil {
		return err
	}
	st := AdminStyle()
	texts := doc.Texts.orDefault()
	// vars are the placeholders for entries es of batch b (a whole batch or
	// the part of it from one decision).
	vars := func(b int, es []CeremonyEntry) map[string]string {
		var p *Presenter
		if b < len(doc.Presenters) {
			p = &doc.Presenters[b]
		}
		var awards []string
		onBehalf := ""
		for _, g := range groupsOf(es) {
			d := &doc.Decisions[g.decision]
			f := doc.Forms[d.FormCode]
			if !slices.Contains(awards, f.Name) {
				awards = append(awards, f.Name)
			}
			if p != nil && onBehalf == "" {
				onBehalf = OnBehalf(*p, d, f)
			}
		}
		c := countsOf(es)
		return map[string]string{
			"presenter": presenterPhrase(p, onBehalf),
			"award":     joinVa(awards),
			"who":       CountsText(c),
			"whom":      whom(c),
			"callees":   callees(c),
			"batch":     strconv.Itoa(b + 1),
			"trays":     trayRange(es),
		}
	}
	fill := func(t string, v map[string]string) string {
		return upperFirst(strings.Join(strings.Fields(khenthuong.Fill(t, v)), " "))
	}
	body := func(style, text string, space float64) []box {
		return st.boxes(para{spans: []span{sp(style, text)}, size: st.Size, align: 'J', x: st.Left, w: st.TextWidth(), space: space})
	}

	// 1. The order of the ceremony. Boxes wait in out until no later box
	// changes them (a batch glues its rows), then go to the pages.
	var out []box
	pg := st.pager(emit)
	flush := func() error {
		for _, b := range out {
			if err := pg.add(b); err != nil {
				return err
			}
		}
		out = out[:0]
		return nil
	}
	out = append(out, st.heading(texts.Title, "B", st.Size, 0)...)
	if c := doc.Campaign; c != nil {
		if c.Name != "" {
			out = append(out, st.heading(c.Name, "B", st.Size, 0)...)
		}
		if !c.CeremonyDate.IsZero() && !c.CeremonyDate.YearOnly() {
			out = append(out, st.heading("Thời gian: "+longDate(c.CeremonyDate), "I", st.Size, 0)...)
		}
		if c.CeremonyPlace != "" {
			out = append(out, st.heading("Địa điểm: "+c.CeremonyPlace, "I", st.Size, 0)...)
		}
	}
	st.ruleUnder(out, "B", st.Size, 40)
	out = append(out, body("B", "I. CÁC QUYẾT ĐỊNH ĐƯỢC CÔNG BỐ", 2*st.ParaSpace)...)
	out[len(out)-1].glue = true
	order := cer.readingOrder(len(doc.Decisions))
	for _, i := range order {
		d := &doc.Decisions[i]
		f := doc.Forms[d.FormCode]
		line := decisionRef(d, f, doc.Settings) + " tặng " + f.Name + " cho " + CountsText(cer.byKind[i]) + "."
		out = append(out, st.boxes(para{spans: []span{sp("", line)}, size: st.Size, align: 'J', x: st.Left, w: st.TextWidth(),
			label: &span{text: "-"}, hang: st.Indent / 2, space: st.ParaSpace / 2, keep: true})...)
	}
	size := st.Size - 1
	out = append(out, body("B", fmt.Sprintf("II. TRAO TẶNG: %d lượt, %d đợt lên sân khấu, mỗi đợt tối đa %d",
		cer.total, cer.batches(), doc.batchSize()), 2*st.ParaSpace)...)
	var share nameShare
	err = cer.eachBatch(func(_ int, batch []CeremonyEntry) error {
		for _, e := range batch {
			share.add(e.Name, e.Detail)
		}
		return nil
	})
	if err != nil {
		return err
	}
	nameW, detailW := share.widths(st.TextWidth() - 31)
	t := st.newTable(st.Left, size,
		column{title: "Thứ tự", w: 17, align: 'C'},
		column{title: "Vị trí", w: 14, align: 'C'},
		column{title: ColName, w: nameW, align: 'L'},
		column{title: ColPosition, w: detailW, align: 'L'})
	multi := len(doc.Decisions) > 1
	err = cer.eachBatch(func(b int, batch []CeremonyEntry) error {
		heading := fmt.Sprintf("Đợt %d (khay số %s)", b+1, trayRange(batch))
		out = append(out, body("B", heading, 2*st.ParaSpace)...)
		out[len(out)-1].glue = true
		pb := body("", fill(texts.Presents, vars(b, batch)), st.ParaSpace/2)
		for i := range pb {
			pb[i].glue = true
		}
		out = append(out, pb...)
		hdr := t.header[0]
		hdr.space = st.ParaSpace / 2
		out = append(out, hdr)
		// A batch is never split: from its heading to its last row it goes
		// on one page (a batch longer than a page breaks where it must).
		first := len(out) - 1
		for _, g := range groupsOf(batch) {
			if multi {
				d := &doc.Decisions[g.decision]
				r := st.dataRow(t, []cell{{paras: []cellPara{{spans: []span{sp("B", doc.Forms[d.FormCode].Name+" (Quyết định số "+
					strings.TrimSpace(DecisionNumber(d.Number, doc.Settings.AuthorityAbbr))+")")}, align: 'L'}}, cols: 4}}, 0)
				r.glue = true
				out = append(out, r)
			}
			for _, e := range g.entries {
				out = append(out, st.dataRow(t, append([]cell{
					textCell("B", vntext.PadCount(e.Tray)), textCell("", strconv.Itoa(e.InBatch))},
					nameCells(e.Name, e.Detail)...), 0))
			}
		}
		for i := first; i < len(out)-1; i++ {
			out[i].glue = true
		}
		return flush()
	})
	if err != nil {
		return err
	}

	// 2. The MC's script: the decisions read out, then a page per batch.
	mc := func(style, text string, size, space float64, next bool) []box {
		return st.boxes(para{spans: []span{sp(style, text)}, size: size, align: 'J', x: st.Left, w: st.TextWidth(),
			indent: st.Indent, space: space, keep: true, next: next})
	}
	out = append(out, box{newPage: true})
	out = append(out, st.heading("LỜI DẪN CÔNG BỐ QUYẾT ĐỊNH", "B", st.Size, 0)...)
	out[len(out)-1].glue = false
	for _, i := range order {
		d := &doc.Decisions[i]
		f := doc.Forms[d.FormCode]
		v := map[string]string{"decision": decisionRef(d, f, doc.Settings), "subject": "về việc tặng " + f.Name}
		out = append(out, mc("", fill(texts.Announce, v), st.Size, st.ParaSpace, false)...)
	}
	reg := st.face("B")
	hang := reg.Width("0000.", st.Size) + 1.5
	err = cer.eachBatch(func(b int, batch []CeremonyEntry) error {
		out = append(out, box{newPage: true})
		out = append(out, st.heading(fmt.Sprintf("LỜI DẪN ĐỢT %d", b+1), "B", st.Size, 0)...)
		out = append(out, st.heading("(khay số "+trayRange(batch)+")", "I", st.Size, 0)...)
		out[len(out)-1].glue = false
		out = append(out, mc("", fill(texts.Invite, vars(b, batch)), st.Size, st.ParaSpace, false)...)
		for _, g := range groupsOf(batch) {
			v := vars(b, g.entries)
			out = append(out, mc("", fill(texts.CallUp, v), st.Size, st.ParaSpace, true)...)
			for n, e := range g.entries {
				text := e.Name
				if e.Detail != "" {
					text += ", " + e.Detail
				}
				end := ";"
				if n == len(g.entries)-1 {
					end = "."
				}
				out = append(out, st.boxes(para{spans: []span{sp("", khenthuong.EndWith(text, end))}, size: st.Size, align: 'J',
					x: st.Left, w: st.TextWidth(), label: &span{text: vntext.PadCount(e.Tray) + ".", style: "B"},
					labelX: st.Indent, hang: st.Indent + hang, space: 0.8, keep: true})...)
			}
			out = append(out, mc("I", fill(texts.StandInOrder, v), st.Size-1, st.ParaSpace, false)...)
		}
		out = append(out, mc("", fill(texts.Closing, vars(b, batch)), st.Size, 2*st.ParaSpace, false)...)
		return flush()
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	return pg.close()
}

// WriteRunSheet writes the ceremony's run-sheet and MC script as a PDF.
// Errors: EINVALID, ENOTFOUND, EINTERNAL.
func WriteRunSheet(w io.Writer, doc RunSheetDoc) error {
	pdf := page.NewPDF("Kịch bản trao tặng khen thưởng")
	defer pdf.Close()
	if err := doc.layout(func(p page.Page) error { return pdf.Add(&p) }); err != nil {
		return err
	}
	return pdf.Finish(w)
}

// TrayMarkSize is the size of the tray number printed on a certificate
// (Job.Trays); TrayMarkMargin places it in the bottom right corner when the
// template has no registry line to print it under.
const (
	TrayMarkSize   = 7.0 // pt
	TrayMarkMargin = 7.0 // mm from the right and bottom edges
)

// TrayMark is the text of a certificate's tray number: "Thứ tự: 12".
func TrayMark(tray int) string { return "Thứ tự: " + vntext.PadCount(tray) }

// withTray adds the tray number, small and grey, under the template's
// registry line (inside the border of plain paper and of pre-printed
// blanks alike), or else in the bottom right corner.
func withTray(p page.Page, tpl *Template, tray int) page.Page {
	st := AdminStyle()
	t := st.text("", TrayMarkSize, TrayMark(tray), 0, 0, page.RGB{R: 90, G: 90, B: 90})
	t.X, t.Baseline = p.Width-TrayMarkMargin-t.Width, p.Height-TrayMarkMargin
	if f := trayAnchor(tpl); f != nil {
		if y := f.Y + f.H + 1 + t.Ascent; y+t.Descent < p.Height-TrayMarkMargin {
			t.X, t.Baseline = f.X, y
		}
	}
	t.Key = "tray"
	texts := make([]page.Text, len(p.Texts), len(p.Texts)+1)
	copy(texts, p.Texts)
	p.Texts = append(texts, t)
	return p
}

// trayAnchor is the field the tray number goes under: the registry line, or
// the decision line.
func trayAnchor(tpl *Template) *Field {
	for _, key := range []string{KeyRegistryLine, KeyDecisionLine} {
		for i := range tpl.Fields {
			if tpl.Fields[i].Key == key {
				return &tpl.Fields[i]
			}
		}
	}
	return nil
}
