// Package archive reads an office's signed decisions from its archive (a
// Word document, a PDF with a text layer, or the list in a spreadsheet with
// the number and date given) into a decision to record as history: its
// number, date, form, signer, Tờ trình and attached list. The list goes
// through package roster, so its checks, warnings and legacy-encoding repair
// are an import's.
package archive

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"khenthuong"
	"khenthuong/roster"
	"khenthuong/vntext"
)

// Options tune Read.
type Options struct {
	Forms    []khenthuong.AwardForm
	FormCode string          // the form, when the document does not say it clearly (--form)
	Number   string          // the number, for a list in a spreadsheet (--number)
	Date     khenthuong.Date // the date, likewise (--date)
	Today    khenthuong.Date
}

// Result is a decision as read, with everything the clerk should check.
type Result struct {
	File     string              `json:"file"`
	Decision khenthuong.Decision `json:"decision"` // recipients: the valid rows of the list
	Rows     []roster.Row        `json:"rows"`     // the list as read, every row
	Problems []roster.Problem    `json:"problems"`
	// Converted lists the cells of the list converted from TCVN3 or VNI.
	Converted []roster.Conversion `json:"converted"`

	amounts map[khenthuong.Kind]int64 // Điều 2's bonus of each kind, where written
}

// Errors counts the problems that are errors.
func (r *Result) Errors() int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == roster.SeverityError {
			n++
		}
	}
	return n
}

// HeaderErrors counts the errors about the decision itself (number, date,
// form): with any, not even its valid rows can be recorded.
func (r *Result) HeaderErrors() int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == roster.SeverityError && p.Row == 0 && p.Sheet == "" {
			n++
		}
	}
	return n
}

// Invalid counts the rows of the list with an error.
func (r *Result) Invalid() int {
	n := 0
	for _, row := range r.Rows {
		if row.Invalid {
			n++
		}
	}
	return n
}

// pdfSheet names the list of a PDF in the report.
const pdfSheet = "Danh sách trong PDF"

// Read reads one decision from path. A file that cannot be read at all is
// an error (EINVALID, a message naming the file); what is missing or wrong
// inside is in the problems, line by line.
func Read(path string, opts Options) (res *Result, err error) {
	name := filepath.Base(path)
	defer func() {
		if p := recover(); p != nil {
			slog.Error("archive: reading a decision panicked", "file", path, "panic", p)
			res, err = nil, khenthuong.Internal(fmt.Errorf("archive: %s: %v", name, p))
		}
	}()
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".docx", ".doc", ".pdf", ".xlsx", ".xlsm", ".xls", ".ods", ".csv":
	default:
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Chưa đọc được tệp “%s”: quyết định cũ nhận dạng .docx, .doc, .pdf, hoặc danh sách Excel (.xlsx, .xls, .ods, .csv) kèm số và ngày quyết định", name)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Không mở được tệp “%s”: %v", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > roster.MaxFileSize {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” lớn quá %d MB", name, roster.MaxFileSize>>20)
	}
	buf := new(bytes.Buffer)
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Không đọc được tệp “%s”: %v", name, err)
	}
	data := buf.Bytes()
	ropts := roster.ReadOptions{Forms: opts.Forms, DefaultForm: opts.FormCode, Today: opts.Today}
	res = &Result{File: path, Problems: []roster.Problem{}, Converted: []roster.Conversion{}, Rows: []roster.Row{}}
	var text []string
	var im *roster.Import
	switch ext {
	case ".docx", ".doc":
		doc, err := roster.ParseDOCX(data, name) // a .doc too
		if err != nil {
			return nil, err
		}
		text = doc.Text()
		h := recognise(text, opts)
		ropts.DefaultForm = cmpOr(opts.FormCode, h.form)
		im = roster.ReadDocument(doc, name, ropts)
		res.apply(h, opts)
	case ".pdf":
		pages, err := pdfLines(data, name)
		if err != nil {
			return nil, err
		}
		for _, p := range pages {
			for _, l := range p {
				text = append(text, lineText(l))
			}
		}
		h := recognise(text, opts)
		ropts.DefaultForm = cmpOr(opts.FormCode, h.form)
		if rows := tableRows(pages); rows != nil {
			im = roster.ReadRows(rows, pdfSheet, ropts) // the list as a table
		} else {
			im = roster.ReadLines(listLines(text), pdfSheet, ropts)
		}
		res.apply(h, opts)
	default:
		if im, err = roster.Read(path, ropts); err != nil {
			return nil, err
		}
		res.apply(header{form: opts.FormCode}, opts)
	}
	res.addList(im)
	return res, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// header is what the body of a decision says about itself.
type header struct {
	number, form, signerTitle, signerName, submissionNo, achievement string
	date, submissionDate                                             khenthuong.Date
	formText                                                         string
	amounts                                                          map[khenthuong.Kind]int64
}

var (
	reNumber     = regexp.MustCompile(`(?i)^\s*số\s*[:.]\s*([0-9][^\s,;]*)`)
	reListNumber = regexp.MustCompile(`(?i)quyết\s+định\s+số\s*:?\s*([0-9][^\s,;()]*)`)
	reDate       = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s*(?:tháng\s+|/|-|\.)(\d{1,2})\s*(?:năm\s+|/|-|\.)(\d{4})`)
	reSubmission = regexp.MustCompile(`(?i)tờ\s*trình\s+số\s*:?\s*([0-9][^\s,;()]*)`)
	reAmount     = regexp.MustCompile(`(?i)mỗi\s+(tập\s+thể|cá\s+nhân|hộ\s+gia\s+đình|hộ)\D{0,80}?(\d{1,3}(?:[.,]\d{3})+|\d{4,})\s*(?:đồng|đ\b)`)
	reArticle    = regexp.MustCompile(`^\s*Điều\s+\d+\s*[.:]`)
)

// recognise reads the decision's number, date, form, signer, Tờ trình and
// bonus from the text of its body.
func recognise(lines []string, opts Options) header {
	var h header
	h.amounts = map[khenthuong.Kind]int64{}
	clean := make([]string, len(lines))
	for i, l := range lines {
		clean[i] = vntext.Clean(strings.ReplaceAll(l, "\t", "  "))
	}
	listAt := len(clean)
	for i, l := range clean {
		if vntext.Fold(l) == "danh sach" {
			listAt = i
			break
		}
	}
	body := clean[:listAt]
	// Number and date: the heading, "Số: 2871/QĐ-UBND   Quảng Trị, ngày 02 tháng 6 năm 2024".
	for i, l := range body[:min(len(body), 25)] {
		for _, part := range strings.Split(lines[i], "\t") {
			part = vntext.Clean(part)
			if m := reNumber.FindStringSubmatch(part); m != nil && h.number == "" && strings.Contains(m[1], "/") {
				h.number = strings.TrimRight(m[1], ".")
			}
		}
		if h.date.IsZero() && !strings.Contains(vntext.Fold(l), "can cu") {
			if d, ok := dateIn(l); ok {
				h.date = d
			}
		}
	}
	// The list's title repeats them: "(Kèm theo Quyết định số ... ngày ...)".
	if h.number == "" || h.date.IsZero() {
		for i := listAt; i < len(clean) && i < listAt+6; i++ {
			joined := clean[i]
			if i+1 < len(clean) {
				joined += " " + clean[i+1]
			}
			if m := reListNumber.FindStringSubmatch(joined); m != nil {
				if h.number == "" {
					h.number = strings.TrimRight(m[1], ".")
				}
				if d, ok := dateIn(joined[strings.Index(joined, m[1]):]); ok && h.date.IsZero() {
					h.date = d
				}
			}
		}
	}
	// The form: "Về việc tặng Bằng khen ...", "Điều 1. Tặng Bằng khen ... cho".
	joinedBody := strings.Join(body, " ")
	for _, l := range body {
		if t := formPhrase(l); t != "" {
			if code, _ := roster.MatchForm(opts.Forms, t); code != "" {
				h.form, h.formText = code, t
				break
			}
			if h.formText == "" {
				h.formText = t
			}
		}
	}
	if h.form == "" && h.formText != "" {
		// The phrase may run on to the next line.
		if i := strings.Index(joinedBody, h.formText); i >= 0 {
			if t := formPhrase(joinedBody[i:]); t != "" {
				if code, _ := roster.MatchForm(opts.Forms, t); code != "" {
					h.form, h.formText = code, t
				}
			}
		}
	}
	// Tờ trình.
	if m := reSubmission.FindStringSubmatchIndex(joinedBody); m != nil {
		h.submissionNo = strings.TrimRight(joinedBody[m[2]:m[3]], ".")
		if d, ok := dateIn(joinedBody[m[3]:min(len(joinedBody), m[3]+60)]); ok {
			h.submissionDate = d
		}
	}
	// Điều 1's achievement, Điều 2's bonus.
	if i := strings.Index(joinedBody, "đã có thành tích"); i >= 0 {
		rest := joinedBody[i:]
		if j := strings.Index(rest, "Điều 2"); j > 0 {
			rest = rest[:j]
		}
		h.achievement = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "."))
		if r := []rune(h.achievement); len(r) > 0 {
			h.achievement = string(unicode.ToUpper(r[0])) + string(r[1:]) + "."
		}
	}
	for _, m := range reAmount.FindAllStringSubmatch(joinedBody, -1) {
		kind := khenthuong.Individual
		switch vntext.Fold(m[1]) {
		case "tap the":
			kind = khenthuong.Collective
		case "ho gia dinh", "ho":
			kind = khenthuong.Household
		}
		if v, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "").Replace(m[2]), 10, 64); err == nil {
			h.amounts[kind] = v
		}
	}
	h.signerTitle, h.signerName = signer(lines[:listAt])
	return h
}

// dateIn finds "ngày 02 tháng 6 năm 2024" (or 02/6/2024) in s.
func dateIn(s string) (khenthuong.Date, bool) {
	m := reDate.FindStringSubmatch(s)
	if m == nil {
		return khenthuong.Date{}, false
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	date, err := khenthuong.ParseDate(fmt.Sprintf("%04d-%02d-%02d", y, mo, d))
	if err != nil {
		return khenthuong.Date{}, false
	}
	return date, true
}

// formPhrase is the award a sentence gives: what follows "tặng" (or
// "danh hiệu") up to "cho" or the end of the sentence.
func formPhrase(s string) string {
	lower := strings.ToLower(s)
	start := -1
	for _, w := range []string{"tặng danh hiệu ", "công nhận danh hiệu ", "tặng ", "danh hiệu "} {
		if i := strings.Index(lower, w); i >= 0 {
			start = i + len(w)
			break
		}
	}
	if start < 0 {
		return ""
	}
	rest := s[start:]
	lowerRest := lower[start:]
	end := len(rest)
	for _, stop := range []string{" cho ", " đối với ", " năm ", "(", ";", ":", "."} {
		if i := strings.Index(lowerRest, stop); i >= 0 && i < end {
			end = i
		}
	}
	return strings.TrimSpace(rest[:end])
}

// signer reads the signature block: the title lines in capitals ("KT. CHỦ
// TỊCH" / "PHÓ CHỦ TỊCH"), beside "Nơi nhận" or below the last article, then
// the signer's name.
func signer(lines []string) (title, name string) {
	start := -1
	for i, l := range lines {
		if reArticle.MatchString(vntext.Clean(l)) {
			start = i
		}
	}
	if start < 0 {
		start = len(lines)*2/3 - 1 // no article: the last third
	}
	var titles []string
	for _, l := range lines[start+1:] {
		for _, part := range strings.Split(l, "\t") {
			part = vntext.Clean(part)
			if part == "" || strings.HasPrefix(part, "-") || strings.HasPrefix(vntext.Fold(part), "noi nhan") {
				continue
			}
			switch {
			case isCapitals(part) && name == "":
				titles = append(titles, part)
			case len(titles) > 0 && name == "" && looksLikeName(part):
				name = part
			}
		}
	}
	return strings.Join(titles, "\n"), name
}

func isCapitals(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

// looksLikeName reports whether s reads as a person's name: two to six
// words, each capitalised, no digits.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || strings.ContainsAny(w, "0123456789:;,.()") {
			return false
		}
	}
	return true
}

// listLines is the attached list of a PDF's text: from "DANH SÁCH" on,
// page numbers left out and an entry wrapped over several lines joined.
func listLines(text []string) []string {
	start := 0
	for i, l := range text {
		if vntext.Fold(l) == "danh sach" {
			start = i
			break
		}
	}
	var out []string
	open := false // the last line is an entry that has not ended
	for _, l := range text[start:] {
		l = vntext.Clean(strings.ReplaceAll(l, "\t", " "))
		if l == "" || isNumber(l) {
			continue
		}
		starts := startsEntry(l)
		if open && !starts && len(out) > 0 {
			out[len(out)-1] += " " + l
		} else {
			out = append(out, l)
		}
		open = starts && !endsEntry(l) || open && !starts && !endsEntry(l)
	}
	return out
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

var reEntry = regexp.MustCompile(`^(\d{1,4}[.)]|[-+•–])\s`)

func startsEntry(l string) bool { return reEntry.MatchString(l) }

func endsEntry(l string) bool {
	return strings.HasSuffix(l, ";") || strings.HasSuffix(l, ".") || strings.HasSuffix(l, "./.")
}

// apply sets the decision's fields from what was recognised and the flags,
// reporting what is missing or disagrees.
func (res *Result) apply(h header, opts Options) {
	d := &res.Decision
	problem := func(sev roster.Severity, format string, args ...any) {
		res.Problems = append(res.Problems, roster.Problem{Message: fmt.Sprintf(format, args...), Severity: sev})
	}
	d.Number, d.Date = h.number, h.date
	if opts.Number != "" {
		if h.number != "" && vntext.Fold(h.number) != vntext.Fold(opts.Number) {
			problem(roster.SeverityWarning, "Văn bản ghi số %s, dùng số đã nhập %s", h.number, opts.Number)
		}
		d.Number = opts.Number
	}
	if !opts.Date.IsZero() {
		if !h.date.IsZero() && h.date != opts.Date {
			problem(roster.SeverityWarning, "Văn bản ghi ngày %s, dùng ngày đã nhập %s", h.date.Display(), opts.Date.Display())
		}
		d.Date = opts.Date
	}
	d.FormCode = h.form
	if opts.FormCode != "" {
		if h.form != "" && h.form != opts.FormCode {
			problem(roster.SeverityWarning, "Văn bản ghi hình thức %s, dùng hình thức đã chọn %s", h.form, opts.FormCode)
		}
		d.FormCode = opts.FormCode
	}
	d.SignerTitle, d.SignerName = h.signerTitle, h.signerName
	d.SubmissionNo, d.SubmissionDate = h.submissionNo, h.submissionDate
	d.Achievement = h.achievement
	if d.Number == "" {
		problem(roster.SeverityError, "Không tìm thấy số quyết định (dòng “Số: .../QĐ-...”): nhập số quyết định (lệnh: --number)")
	}
	if d.Date.IsZero() {
		problem(roster.SeverityError, "Không tìm thấy ngày quyết định (“..., ngày ... tháng ... năm ...”): nhập ngày quyết định (lệnh: --date)")
	}
	if d.FormCode == "" {
		if h.formText != "" {
			problem(roster.SeverityError, "Hình thức “%s” không có trong danh mục: chọn hình thức khen thưởng (lệnh: --form)", h.formText)
		} else {
			problem(roster.SeverityError, "Không tìm thấy hình thức khen thưởng (“Tặng ...” ở Điều 1): chọn hình thức khen thưởng (lệnh: --form)")
		}
	}
	if d.SignerTitle == "" {
		problem(roster.SeverityWarning, "Không tìm thấy chức vụ người ký: ghi là “(không rõ)”, sửa lại nếu cần")
		d.SignerTitle = "(không rõ)"
	}
	res.amounts = h.amounts
}

// addList takes the list read by roster: its rows, problems and conversions;
// the valid rows become the decision's recipients.
func (res *Result) addList(im *roster.Import) {
	for _, p := range im.Problems {
		if p.Row == 0 && p.Severity == roster.SeverityWarning && strings.HasPrefix(p.Message, "Bỏ qua trang này") {
			continue // the heading table of a Word decision, and the like
		}
		if p.Sheet == "" && p.Row == 0 && len(res.Rows) == 0 && len(im.Rows) == 0 {
			p.Message = "Không tìm thấy danh sách kèm theo: " + p.Message
		}
		if p.Sheet == "" {
			p.Sheet = filepath.Base(res.File)
		}
		res.Problems = append(res.Problems, p)
	}
	res.Converted = append(res.Converted, im.Converted...)
	res.Rows = append(res.Rows, im.Rows...)
	for i, r := range res.Rows {
		if !r.Invalid {
			res.Decision.Recipients = append(res.Decision.Recipients, res.Recipient(i))
		}
	}
}

// Recipient is row i of the list as a recipient: its registry number as
// written, its amount as written or as Điều 2 gives it for its kind.
func (res *Result) Recipient(i int) khenthuong.Recipient {
	r := &res.Rows[i]
	n := r.Nomination
	amount := r.Amount
	if amount == 0 {
		amount = res.amounts[n.Nominee.Kind]
	}
	return khenthuong.Recipient{Nominee: n.Nominee, Achievement: n.Achievement, RegistryNo: r.RegistryNo, Amount: amount}
}
