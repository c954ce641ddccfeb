package certificates

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/vntext"
)

// DecisionDoc is what a decision and its attached list are printed from.
type DecisionDoc struct {
	Decision *khenthuong.Decision
	Form     *khenthuong.AwardForm
	Settings *khenthuong.Settings
	Campaign *khenthuong.Campaign // optional: fills {campaign}
	// Stream, when set, gives the recipients instead of Decision.Recipients
	// (then left nil): the PDF writers read it a few times (counting by
	// kind, then each section) and hold none of it. The list's Sections
	// of the DecisionText are then nil.
	Stream RecipientStream
}

// DecisionOptions are the choices of one print of a decision.
type DecisionOptions struct {
	// ListTable prints the attached list as a table (STT | Họ và tên / Tên
	// tập thể | Chức vụ, đơn vị) instead of numbered lines.
	ListTable bool
	// Subject is the line under "QUYẾT ĐỊNH", with the placeholders of the
	// office texts; "" is DefaultSubject.
	Subject string
	// MarkBlanks draws the blanks still to fill (Blank) in red, as the
	// window's preview of a draft shows them.
	MarkBlanks bool
}

// Blank is what a decision prints for a value still to fill: the signer's
// name, the submission's number and date, the achievement. It is tied to
// the word before it by a no-break space, so it never starts a line alone.
const Blank = "…"

// nbsp ties a blank to the word before it.
const nbsp = "\u00a0"

// tieBlanks joins every blank to the word before it.
func tieBlanks(s string) string {
	return strings.ReplaceAll(s, " "+Blank, nbsp+Blank)
}

// DefaultSubject is the trích yếu of an award decision.
const DefaultSubject = "Về việc tặng {form_name}"

// QuyetDinh and the other fixed words of the decision's layout.
const (
	QuyetDinh      = "QUYẾT ĐỊNH"
	QuyetDinhColon = "QUYẾT ĐỊNH:"
	NoiNhan        = "Nơi nhận:"
	DanhSach       = "DANH SÁCH"
)

// DecisionText is everything a decision prints, resolved from the domain
// values and the office's wordings: the PDF and the .docx both print it, so
// they say the same thing. Punctuation rules are already applied.
type DecisionText struct {
	Authority      []string // issuing body, on its lines: "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"
	Number         string   // "Số: 2871/QĐ-UBND"
	PlaceDate      string   // "Quảng Trị, ngày 24 tháng 10 năm 2022"
	Subject        string   // "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
	AuthorityTitle string   // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
	Bases          []string // legal bases then "Xét đề nghị ...", each ending ";", the last "."
	Articles       []Article
	Recipients     []string // Nơi nhận, "- Như Điều 3;" ... "- Lưu: VT, SNV."
	SignerTitle    []string // "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
	SignerName     string
	List           ListText
}

// Article is "Điều n." followed by its paragraphs; the last article ends "./.".
type Article struct {
	Label string   // "Điều 1."
	Paras []string // the first follows the label on its line
}

// ListText is the attached list.
type ListText struct {
	Title    string // "DANH SÁCH"
	Subtitle string // "Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
	Attached string // "(Kèm theo Quyết định số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022 của Chủ tịch UBND tỉnh)"
	Sections []ListSection
}

// ListSection is one kind of recipients: "I. TẬP THỂ", numbered from 1.
type ListSection struct {
	Kind    khenthuong.Kind
	Heading string // "I. TẬP THỂ"
	Entries []ListEntry
}

// ListEntry is one recipient of the list.
type ListEntry struct {
	Recipient int    // index in Decision.Recipients
	No        int    // from 1 in its section
	Text      string // "Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp;" ("." last in a section, "./." last of all)
	Name      string // "Ông Trương Quang Sáng" (table form)
	Detail    string // "Phó Giám đốc Sở Tư pháp" (table form)
}

// DecisionNumber is the number as the decision prints it: a number below 10
// gets a leading zero ("5/QĐ-UBND" → "05/QĐ-UBND"); a bare number gets the
// kind and the issuer's abbreviation ("2871" → "2871/QĐ-UBND"); an empty
// one leaves room to write it in ("     /QĐ-UBND").
func DecisionNumber(number, abbr string) string {
	number = strings.TrimSpace(number)
	suffix := "/QĐ"
	if abbr != "" {
		suffix += "-" + abbr
	}
	if number == "" {
		return "        " + suffix
	}
	head, rest, hasRest := strings.Cut(number, "/")
	if n, ok := smallNumber(head); ok {
		head = vntext.PadCount(n)
	}
	if !hasRest {
		return head + suffix
	}
	return head + "/" + rest
}

func smallNumber(s string) (int, bool) {
	if len(s) != 1 || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	return int(s[0] - '0'), true
}

// CountsText writes the recipients of a decision as Điều 1 reads them:
// "05 tập thể và 04 cá nhân", "05 tập thể, 04 cá nhân và 02 hộ gia đình",
// "09 cá nhân"; kinds with no one are left out.
func CountsText(counts map[khenthuong.Kind]int) string {
	var parts []string
	for _, k := range kindsOf(counts) {
		if n := counts[k]; n > 0 {
			parts = append(parts, vntext.PadCount(n)+" "+strings.ToLower(k.Label()))
		}
	}
	return joinVa(parts)
}

// KindsText names the kinds a decision awards, in print order: "tập thể,
// cá nhân", "cá nhân, hộ gia đình".
func KindsText(counts map[khenthuong.Kind]int) string {
	var who []string
	for _, k := range kindsOf(counts) {
		if counts[k] > 0 {
			who = append(who, strings.ToLower(k.Label()))
		}
	}
	return strings.Join(who, ", ")
}

// kindsOf lists the kinds in print order, unknown ones last.
func kindsOf(counts map[khenthuong.Kind]int) []khenthuong.Kind {
	out := append([]khenthuong.Kind(nil), khenthuong.Kinds...)
	for k := range counts {
		if !k.Valid() {
			out = append(out, k)
		}
	}
	return out
}

// joinVa joins "a", "b", "c" as "a, b và c".
func joinVa(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " và " + parts[len(parts)-1]
}

// longDate is "ngày 05 tháng 01 năm 2025", or a blank to fill in for a
// missing or partial date.
func longDate(d khenthuong.Date) string {
	if d.IsZero() || d.YearOnly() {
		return "ngày ..... tháng ..... năm " + yearOrBlank(d)
	}
	return vntext.LongDate(d.Year, d.Month, d.Day)
}

func yearOrBlank(d khenthuong.Date) string {
	if d.Year == 0 {
		return "20....."
	}
	return vntext.PadCount(d.Year)
}

// ListSections groups the recipients of d by kind (I. TẬP THỂ, II. CÁ NHÂN,
// III. HỘ GIA ĐÌNH; numerals only for the sections present), keeping the
// decision's order within each, numbered from 1 per section, each entry
// ending ";", the last of a section ".", the last of the list "./.".
func ListSections(d *khenthuong.Decision) []ListSection {
	var out []ListSection
	each := SliceStream(d.Recipients)
	counts, _ := countKinds(each)
	eachListEntry(d, each, counts, func(sec *ListSection, e *ListEntry) error { // a slice cannot fail
		if len(out) == 0 || out[len(out)-1].Kind != sec.Kind {
			out = append(out, *sec)
		}
		last := &out[len(out)-1]
		last.Entries = append(last.Entries, *e)
		return nil
	})
	return out
}

// lowerAchievement puts the achievement in the middle of a sentence:
// "Đã có thành tích" → "đã có thành tích".
func lowerAchievement(s string) string {
	s = strings.TrimSpace(s)
	first, _, _ := strings.Cut(s, " ")
	switch vntext.Fold(first) {
	case "da", "co":
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

func (doc *DecisionDoc) check() error {
	switch {
	case doc.Decision == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn quyết định")
	case doc.Form == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s chưa có hình thức khen thưởng", doc.Decision.Number)
	case doc.Settings == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa có thiết lập của cơ quan")
	}
	return nil
}

// counts counts doc's recipients by kind (a pass over the stream): EINVALID
// when there are none.
func (doc *DecisionDoc) counts() (map[khenthuong.Kind]int, error) {
	counts, err := countKinds(doc.stream())
	if err != nil {
		return nil, err
	}
	n := 0
	for _, c := range counts {
		n += c
	}
	if n == 0 {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s chưa có người được khen", doc.Decision.Number)
	}
	return counts, nil
}

// vars are the values of the placeholders of the office's wordings.
func (doc *DecisionDoc) vars(t khenthuong.DocumentTexts, counts map[khenthuong.Kind]int) map[string]string {
	d, f, s := doc.Decision, doc.Form, doc.Settings
	// Blanks to write in by hand use "…", which the ";"/"." rule leaves alone.
	sub := d.SubmissionNo
	if sub == "" {
		sub = Blank
	}
	subDate := Blank + " tháng " + Blank + " năm " + Blank
	if !d.SubmissionDate.IsZero() && !d.SubmissionDate.YearOnly() {
		subDate = strings.TrimPrefix(longDate(d.SubmissionDate), "ngày ")
	}
	campaign := ""
	if doc.Campaign != nil {
		campaign = doc.Campaign.Name
	}
	movement := khenthuong.MovementOf(campaign)
	if movement == "" {
		movement = Blank
	}
	achievement := d.Achievement
	if strings.TrimSpace(achievement) == "" {
		// The default sentence names the campaign's work ({phong trào}).
		achievement = khenthuong.Fill(t.Achievement, map[string]string{"movement": movement, "campaign": campaign})
	}
	if strings.TrimSpace(achievement) == "" {
		achievement = Blank
	}
	v := map[string]string{
		"form_name":       f.AwardedName(),
		"movement":        movement,
		"counts":          CountsText(counts),
		"kinds":           KindsText(counts),
		"achievement":     strings.TrimRight(lowerAchievement(achievement), " .;"),
		"submission_no":   sub,
		"submission_date": subDate,
		"authority":       s.Authority,
		"office":          s.Office,
		"province":        s.Province,
		"number":          DecisionNumber(d.Number, s.AuthorityAbbr),
		"date":            strings.TrimPrefix(longDate(d.Date), "ngày "),
		"issuer":          f.Issuer,
		"campaign":        campaign,
	}
	return v
}

// issuerTitle is the authority that decides, printed under the subject.
func (doc *DecisionDoc) issuerTitle() string {
	if t := strings.TrimSpace(doc.Form.IssuerTitle); t != "" {
		return strings.ToUpper(strings.Join(strings.Fields(t), " "))
	}
	return strings.ToUpper("CHỦ TỊCH " + doc.Settings.Authority)
}

// Text resolves everything the decision prints. Errors: EINVALID (no
// decision, form, settings or recipients).
func (doc DecisionDoc) Text(opts DecisionOptions) (*DecisionText, error) {
	t, _, err := doc.text(opts)
	return t, err
}

// text is Text with the recipients' counts by kind, which the list's layout needs.
func (doc *DecisionDoc) text(opts DecisionOptions) (*DecisionText, map[khenthuong.Kind]int, error) {
	if err := doc.check(); err != nil {
		return nil, nil, err
	}
	counts, err := doc.counts()
	if err != nil {
		return nil, nil, err
	}
	d, s := doc.Decision, doc.Settings
	texts := s.Texts.OrDefault()
	vars := doc.vars(texts, counts)
	fill := func(t string) string { return tieBlanks(strings.TrimSpace(khenthuong.Fill(t, vars))) }
	out := &DecisionText{
		Number:         "Số: " + vars["number"],
		AuthorityTitle: doc.issuerTitle(),
		SignerName:     d.SignerName,
	}
	if out.SignerName == "" && opts.MarkBlanks {
		out.SignerName = Blank
	}
	out.Authority = splitAuthority(s.Authority)
	place := s.Place
	if place == "" {
		place = s.Province
	}
	out.PlaceDate = longDate(d.Date)
	if place != "" {
		out.PlaceDate = place + ", " + out.PlaceDate
	} else {
		out.PlaceDate = upperFirst(out.PlaceDate)
	}
	subject := opts.Subject
	if strings.TrimSpace(subject) == "" {
		subject = DefaultSubject
	}
	out.Subject = strings.TrimRight(fill(subject), " .;")

	// The legal bases and the proposal are one list: ";" after each, "." after the last.
	var bases []string
	for _, b := range texts.BasesOn(d.Date) {
		if b = fill(b); b != "" {
			bases = append(bases, b)
		}
	}
	if p := fill(texts.Proposal); p != "" {
		bases = append(bases, strings.Join(strings.FieldsFunc(p, breakSpace), " "))
	}
	for i := range bases {
		end := ";"
		if i == len(bases)-1 {
			end = "."
		}
		bases[i] = upperFirst(khenthuong.EndWith(bases[i], end))
	}
	out.Bases = bases

	for i, a := range []string{texts.Article1, texts.Article2, texts.Article3} {
		var paras []string
		for _, p := range strings.Split(fill(a), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, upperFirst(p))
			}
		}
		if len(paras) == 0 {
			continue
		}
		end := "."
		if i == 2 {
			end = "./."
		}
		paras[len(paras)-1] = khenthuong.EndWith(paras[len(paras)-1], end)
		out.Articles = append(out.Articles, Article{Label: "Điều " + string(rune('1'+i)) + ".", Paras: paras})
	}

	filled := make([]string, len(texts.Recipients))
	for i, r := range texts.Recipients {
		filled[i] = fill(r)
	}
	out.Recipients = recipientLines(filled)
	out.SignerTitle = titleLines(d.SignerTitle)
	out.List = doc.listText(vars)
	return out, counts, nil
}

// recipientLines writes Nơi nhận: "- " before each line, ";" after each,
// "." after the last, whatever the office typed.
func recipientLines(lines []string) []string {
	var out []string
	for _, r := range lines {
		if r = strings.TrimSpace(strings.TrimLeft(r, "-–+• ")); r != "" {
			out = append(out, r)
		}
	}
	for i, r := range out {
		end := ";"
		if i == len(out)-1 {
			end = "."
		}
		out[i] = "- " + khenthuong.EndWith(r, end)
	}
	return out
}

// titleLines are a signer's title lines in capitals.
func titleLines(title string) []string {
	var out []string
	for _, l := range strings.Split(title, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, strings.ToUpper(l))
		}
	}
	return out
}

func (doc *DecisionDoc) listText(vars map[string]string) ListText {
	d, f := doc.Decision, doc.Form
	issuer := f.Issuer
	if issuer == "" {
		issuer = doc.Settings.Authority
	}
	attached := "(Kèm theo Quyết định số " + strings.TrimSpace(vars["number"]) + " " + longDate(d.Date)
	if issuer != "" {
		attached += " của " + issuer
	}
	return ListText{
		Title:    DanhSach,
		Subtitle: upperFirst(vars["kinds"]) + " được tặng " + vars["form_name"],
		Attached: attached + ")",
		Sections: doc.sections(),
	}
}

// sections are the list's sections when the recipients are in memory.
func (doc *DecisionDoc) sections() []ListSection {
	if doc.Stream != nil {
		return nil
	}
	return ListSections(doc.Decision)
}

// levelWords start the place part of a body's name, where a long name is
// split over two lines: "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ".
var levelWords = []string{"TỈNH", "THÀNH PHỐ", "THỊ XÃ", "XÃ", "PHƯỜNG", "ĐẶC KHU", "HUYỆN", "QUẬN"}

// headColumn is the width of the left column of the header (issuing body)
// and of Nơi nhận; a long issuing body widens the header up to maxHeadColumn.
const (
	headColumn    = 62.0
	maxHeadColumn = 80.0
)

// headWidth is the width of the header's left column for the issuing body's lines.
func (s DocStyle) headWidth(lines []string) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, s.face("B").Width(l, s.HeadSize)+4)
	}
	return min(max(w, headColumn), maxHeadColumn)
}

// splitAuthority puts the issuing body on its lines: as typed when the
// office wrote several lines, else split before the place ("TỈNH ...") when
// the name is too long for one line of the header's left column.
func splitAuthority(a string) []string {
	var lines []string
	for _, l := range strings.Split(a, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, strings.ToUpper(l))
		}
	}
	if len(lines) != 1 {
		return lines
	}
	st := AdminStyle()
	name := lines[0]
	face := st.face("B")
	w := headColumn - 2
	if face.Width(name, st.HeadSize) <= w {
		return lines
	}
	words := strings.Fields(name)
	for i := 1; i < len(words); i++ {
		rest := strings.Join(words[i:], " ")
		for _, lw := range levelWords {
			if rest == lw || strings.HasPrefix(rest, lw+" ") {
				first := strings.Join(words[:i], " ")
				if wide := maxHeadColumn - 4; face.Width(first, st.HeadSize) <= wide && face.Width(rest, st.HeadSize) <= wide {
					return []string{first, rest}
				}
			}
		}
	}
	return st.wrapCentred(name, "B", st.HeadSize, w)
}

// DecisionPages lays out the decision followed by its attached list on a
// new page: the pages WriteDecision prints, for a preview.
func DecisionPages(doc DecisionDoc, opts DecisionOptions) ([]page.Page, error) {
	return collect(func(emit func(page.Page) error) error { return doc.layout(opts, emit) })
}

// layout lays out the decision and its list a page at a time.
func (doc *DecisionDoc) layout(opts DecisionOptions, emit func(page.Page) error) error {
	t, counts, err := doc.text(opts)
	if err != nil {
		return err
	}
	if opts.MarkBlanks {
		plain := emit
		emit = func(p page.Page) error {
			p.Texts = markBlanks(p.Texts)
			return plain(p)
		}
	}
	st := AdminStyle()
	pg := st.pager(emit)
	for _, b := range st.decisionBoxes(t) {
		if err := pg.add(b); err != nil {
			return err
		}
	}
	// The list is an appendix: a new page, numbered on its own.
	if err := st.listBoxes(doc, &t.List, counts, opts.ListTable, true, pg.add); err != nil {
		return err
	}
	return pg.close()
}

// BlankKey is the Key of the Texts that are blanks still to fill, on pages
// laid out with MarkBlanks.
const BlankKey = "blank"

// blankColor draws the blanks of a draft's preview.
var blankColor = page.RGB{R: 0xC6, G: 0x28, B: 0x28}

// markBlanks splits every Text holding a Blank so that each blank is a Text
// of its own, in red, keyed BlankKey; the words keep their places.
func markBlanks(texts []page.Text) []page.Text {
	out := make([]page.Text, 0, len(texts))
	for _, t := range texts {
		if !strings.Contains(t.Text, Blank) {
			out = append(out, t)
			continue
		}
		face := page.LookupFace(t.Font, t.Style)
		x, rest := t.X, t.Text
		piece := func(str string, mark bool) {
			if str == "" {
				return
			}
			p := t
			p.Text, p.X = str, x
			p.Width = t.Width
			if face != nil {
				p.Width = face.Width(str, t.Size)
			}
			if mark {
				p.Key, p.Color = BlankKey, blankColor
			}
			out = append(out, p)
			x += p.Width
		}
		for {
			i := strings.Index(rest, Blank)
			if i < 0 {
				piece(rest, false)
				break
			}
			piece(rest[:i], false)
			piece(Blank, true)
			rest = rest[i+len(Blank):]
		}
	}
	return out
}

// WriteDecision writes the decision and its attached list as one PDF, as it
// is signed: A4 portrait, Decree 30/2020 layout, page numbers from page 2.
// Errors: EINVALID (no recipients...), EINTERNAL.
func WriteDecision(w io.Writer, doc DecisionDoc, opts DecisionOptions) error {
	if err := doc.check(); err != nil {
		return err
	}
	pdf := page.NewPDF("Quyết định " + DecisionNumber(doc.Decision.Number, doc.Settings.AuthorityAbbr))
	defer pdf.Close()
	if err := doc.layout(opts, func(p page.Page) error { return pdf.Add(&p) }); err != nil {
		return err
	}
	return pdf.Finish(w)
}

// decisionBoxes lays out the decision itself (without the list).
func (s DocStyle) decisionBoxes(t *DecisionText) []box {
	var out []box
	out = append(out, s.headerBlock(t))
	// Title: QUYẾT ĐỊNH / subject / rule / the deciding authority.
	title := s.heading(QuyetDinh, "B", s.Size, 9)
	subject := s.heading(t.Subject, "B", s.Size, 0)
	s.ruleUnder(subject, "B", s.Size, 0)
	subject[len(subject)-1].glue = true
	out = append(out, title...)
	out = append(out, subject...)
	out = append(out, s.heading(t.AuthorityTitle, "B", s.Size, 6)...)
	out[len(out)-1].glue = false

	body := func(spans []span, space float64) para {
		return para{spans: spans, size: s.Size, align: 'J', x: s.Left, w: s.TextWidth(), indent: s.Indent, space: space}
	}
	for i, b := range t.Bases {
		space := s.ParaSpace
		if i == 0 {
			space = 2 * s.ParaSpace
		}
		out = append(out, s.boxes(body([]span{sp("I", b)}, space))...)
	}
	out = append(out, s.heading(QuyetDinhColon, "B", s.Size, 2*s.ParaSpace)...)
	for ai, a := range t.Articles {
		for pi, p := range a.Paras {
			spans := []span{sp("", p)}
			if pi == 0 {
				spans = []span{sp("B", a.Label), sp("", " "+p)}
			}
			pr := body(spans, s.ParaSpace)
			// The last lines of the decision stay with the signature.
			pr.next = ai == len(t.Articles)-1 && pi == len(a.Paras)-1
			out = append(out, s.boxes(pr)...)
		}
	}
	out = append(out, s.signatureBlock(t))
	return out
}

// ruleGap is the distance from the descent of a line to the rule under it, mm.
const ruleGap = 1.8

// ruleLength is the short rule under a heading: 1/3 to 1/2 of its line.
func ruleLength(lineWidth float64) float64 { return max(lineWidth*0.4, 15) }

// headerBlock is the top of the first page: the issuing body and the
// number on the left, the national motto and the place-date line on the right.
func (s DocStyle) headerBlock(t *DecisionText) box {
	var b box
	hs := s.HeadSize
	bold, reg, it := s.face("B"), s.face(""), s.face("I")
	leadH := s.lead(hs)
	hw := s.headWidth(t.Authority)
	lcx := s.Left + hw/2
	rcx := s.Left + hw + (s.TextWidth()-hw)/2
	rw := s.TextWidth() - hw

	// Left: the issuing body, bold, with a short rule under it.
	y := bold.Ascent * hs * page.MMPerPt
	ts, widest := s.centred(t.Authority, "B", hs, lcx, y, leadH)
	b.texts = append(b.texts, ts...)
	ly := y + float64(max(len(t.Authority), 1)-1)*leadH + bold.Descent*hs*page.MMPerPt + ruleGap
	if len(t.Authority) > 0 {
		b.shapes = append(b.shapes, rule(lcx, ly, ruleLength(widest)))
	}

	// Right: the national motto (quốc hiệu 12–13 pt, tiêu ngữ 13–14 pt) and its full-length rule.
	qs := hs
	for qs > 11 && bold.Width(QuocHieu, qs) > rw {
		qs -= 0.5
	}
	ts, _ = s.centred([]string{QuocHieu}, "B", qs, rcx, y, 0)
	b.texts = append(b.texts, ts...)
	ty := y + s.lead(hs)
	ts, tw := s.centred([]string{TieuNgu}, "B", s.Size, rcx, ty, 0)
	b.texts = append(b.texts, ts...)
	ry := ty + bold.Descent*s.Size*page.MMPerPt + ruleGap
	b.shapes = append(b.shapes, rule(rcx, ry, tw))

	if t.Number == "" && t.PlaceDate == "" {
		b.h = max(ly, ry) + 1
		b.glue = true
		return b
	}
	// Number (left) and the place-date line (right, italic) on one baseline.
	base := max(ly, ry) + 3 + reg.Ascent*s.Size*page.MMPerPt
	ts, _ = s.centred([]string{t.Number}, "", hs, lcx, base, 0)
	b.texts = append(b.texts, ts...)
	pd := s.wrapCentred(t.PlaceDate, "I", s.Size, rw)
	ts, _ = s.centred(pd, "I", s.Size, rcx, base, s.lead(s.Size))
	b.texts = append(b.texts, ts...)
	b.h = base + float64(len(pd)-1)*s.lead(s.Size) + it.Descent*s.Size*page.MMPerPt
	b.glue = true
	return b
}

// flatten stacks line boxes from y, returning their texts and the new y.
func flatten(boxes []box, y float64) ([]page.Text, float64) {
	var out []page.Text
	for i, b := range boxes {
		if i > 0 {
			y += b.space
		}
		for _, t := range b.texts {
			t.Baseline += y
			out = append(out, t)
		}
		y += b.h
	}
	return out, y
}

// signatureBlock is "Nơi nhận:" on the left and the signer on the right, tops
// aligned, with 30 mm for the signature and seal; one box, never split.
func (s DocStyle) signatureBlock(t *DecisionText) box {
	b := box{space: 2 * s.ParaSpace}
	bold := s.face("B")
	rcx := s.Left + headColumn + (s.TextWidth()-headColumn)/2
	rw := s.TextWidth() - headColumn
	y := bold.Ascent * s.Size * page.MMPerPt

	// Right: the signer's title, the space to sign and seal, the name.
	var title []string
	for _, l := range t.SignerTitle {
		title = append(title, s.wrapCentred(l, "B", s.Size, rw)...)
	}
	lead := s.lead(s.Size)
	ts, _ := s.centred(title, "B", s.Size, rcx, y, lead)
	b.texts = append(b.texts, ts...)
	nameY := y + float64(max(len(title), 1)-1)*lead + bold.Descent*s.Size*page.MMPerPt + SignatureSpace + bold.Ascent*s.Size*page.MMPerPt
	bottom := nameY + bold.Descent*s.Size*page.MMPerPt
	if t.SignerName != "" {
		ts, _ = s.centred(s.wrapCentred(t.SignerName, "B", s.Size, rw), "B", s.Size, rcx, nameY, lead)
		b.texts = append(b.texts, ts...)
	}

	// Left: Nơi nhận (bold italic 12 pt), its lines 11 pt with a hanging dash.
	lw := headColumn - 4
	nb := s.boxes(para{spans: []span{sp("BI", NoiNhan)}, size: 12, align: 'L', x: s.Left, w: lw})
	ts, ly := flatten(nb, y-s.face("BI").Ascent*12*page.MMPerPt)
	b.texts = append(b.texts, ts...)
	dash := s.face("").Width("- ", s.SmallSize)
	for _, r := range t.Recipients {
		text := strings.TrimPrefix(r, "- ")
		lines := s.boxes(para{spans: []span{sp("", text)}, size: s.SmallSize, align: 'L', x: s.Left, w: lw,
			label: &span{text: "-", style: ""}, hang: dash})
		ts, ly = flatten(lines, ly)
		b.texts = append(b.texts, ts...)
	}
	b.h = max(bottom, ly)
	return b
}

// SignatureSpace is the room left for the signature and the seal, mm.
const SignatureSpace = 30.0
