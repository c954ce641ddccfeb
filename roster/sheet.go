package roster

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"khenthuong"

	"khenthuong/vntext"
)

// grid is one sheet's cells as read, before any interpretation.
type grid struct {
	name       string
	lines      [][]string                 // lines[i] holds row i+1; nil for an empty row (readers that give every line at once)
	font       func(line, col int) string // the cell's font name (line 1-based, col 0-based); nil when the file has none
	merges     []cellRange                // merged ranges spanning several rows
	hidden     map[int]bool               // lines hidden in the workbook (hidden or filtered out), by index
	hiddenCols []int                      // columns hidden in the workbook, 0-based
	// before is the text above a Word document's table (its title, the
	// section heading it falls under); continues is set for a document's
	// later tables, which carry on the section of the one before and, when
	// they have no header of their own, its columns.
	before    []string
	continues bool
	// docTable is set for a Word document's table: one with no header is
	// its layout (letterhead, signature), not a list, and is passed over quietly.
	docTable bool
	// entries is set for a list written as sentences ("1. Ông A, Trưởng
	// phòng ...;"), where name and post in one entry is the form itself.
	entries bool

	// A sheet read as a stream gives its lines through next, and the first
	// pass made its scan while reading them; close lets go of what holds them.
	next  func() ([]string, bool)
	scan  *sheetScan
	close func()
	w     *window // the second pass, while the sheet is interpreted
}

// cellRange is a merged range, 0-based and inclusive.
type cellRange struct{ top, left, bottom, right int }

// gridWidth is the number of columns of the widest line.
func gridWidth(g *grid) int {
	w := 0
	for i := 0; g.has(i); i++ {
		w = max(w, len(g.raw(i)))
	}
	return w
}

// has reports whether the sheet has a line i.
func (g *grid) has(i int) bool {
	if g.w != nil {
		return g.w.load(i)
	}
	return i >= 0 && i < len(g.lines)
}

// raw is line i as loaded (legacy text converted cell by cell): what the
// header is looked for in.
func (g *grid) raw(i int) []string {
	if g.w != nil {
		return g.w.raw(i)
	}
	if i < 0 || i >= len(g.lines) {
		return nil
	}
	return g.lines[i]
}

// line is line i as the rows are read from it.
func (g *grid) line(i int) []string {
	if g.w != nil {
		return g.w.line(i)
	}
	return g.raw(i)
}

func (g *grid) cell(i, c int) string {
	l := g.line(i)
	if c < 0 || c >= len(l) {
		return ""
	}
	return l[c]
}

// reader holds what stays the same across the sheets of one file.
type reader struct {
	// For a document's tables: the section and columns the last one ended with.
	lastSection [2]string
	lastLayout  *columnLayout
	im          *Import
	opts        ReadOptions
	forms       *formMatcher
	rows        int // data rows read so far
	full        bool
	failed      error // a streamed sheet's lines could not be read back
	legacy      map[string]legacyResult
}

type legacyResult struct {
	text string
	enc  vntext.Encoding
}

func newReader(file string, opts ReadOptions) *reader {
	opts = opts.withDefaults()
	opts.DefaultForm = strings.ToUpper(strings.Join(strings.Fields(opts.DefaultForm), ""))
	return &reader{
		im:     &Import{File: file, Problems: []Problem{}, Converted: []Conversion{}, Unknown: []string{}, Rows: []Row{}},
		opts:   opts,
		forms:  newFormMatcher(opts.Forms),
		legacy: map[string]legacyResult{},
	}
}

// toUnicode is vntext.ToUnicode, remembered for text without a font: lists
// repeat the same units and positions on every row.
func (rd *reader) toUnicode(s, font string) (string, vntext.Encoding) {
	if font != "" {
		return vntext.ToUnicode(s, font)
	}
	if r, ok := rd.legacy[s]; ok {
		return r.text, r.enc
	}
	out, enc := vntext.ToUnicode(s, "")
	if len(rd.legacy) < 50_000 {
		rd.legacy[s] = legacyResult{out, enc}
	}
	return out, enc
}

// finish adds the file-level problems once every sheet is read.
func (rd *reader) finish() *Import {
	im := rd.im
	read := 0
	for _, s := range im.Sheets {
		if s.Skipped == "" {
			read++
		}
	}
	switch {
	case read == 0:
		var skipped []string
		for _, s := range im.Sheets {
			skipped = append(skipped, fmt.Sprintf("“%s” (%s)", s.Name, s.Skipped))
		}
		msg := "Không tìm thấy dòng tiêu đề (cần ít nhất cột Họ và tên / Tên tập thể và một cột khác như STT, Chức vụ, Đơn vị) trong 20 dòng đầu của trang nào"
		if len(skipped) > 0 {
			msg += ": " + strings.Join(skipped, "; ")
		}
		im.Problems = append(im.Problems, Problem{Message: msg, Severity: SeverityError})
	case im.read == 0:
		im.Problems = append(im.Problems, Problem{Message: "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề", Severity: SeverityError})
	default:
		for _, s := range im.Sheets {
			if s.Skipped != "" && s.Skipped != reasonHidden && s.Skipped != reasonLayout {
				im.Problems = append(im.Problems, Problem{Sheet: s.Name, Message: "Bỏ qua trang này: " + s.Skipped, Severity: SeverityWarning})
			}
		}
	}
	im.sortProblems()
	return im
}

func (rd *reader) problem(sheet string, line int, col string, value string, sev Severity, format string, args ...any) {
	rd.im.Problems = append(rd.im.Problems, Problem{
		Sheet: sheet, Row: line, Column: col, Value: value, Message: fmt.Sprintf(format, args...), Severity: sev,
	})
}

// columnLayout is the header of a sheet: which field each column holds.
type columnLayout struct {
	headerLine int // 0-based index of the (first) header row
	dataStart  int // 0-based index of the first data row
	cols       []Column
	byField    map[Field][]int // columns of each field, in order
	nameCol    int
	sttCol     int // -1 when none
}

func (l *columnLayout) label(c int) string {
	if c < 0 {
		return ""
	}
	if c < len(l.cols) {
		if l.cols[c].Header != "" {
			return l.cols[c].Letter + " (" + l.cols[c].Header + ")"
		}
		return l.cols[c].Letter
	}
	return columnLetter(c)
}

func columnLetter(c int) string {
	name, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return fmt.Sprint(c + 1)
	}
	return name
}

// legacyHint is the font name that makes vntext read text as enc.
func legacyHint(enc vntext.Encoding) string {
	switch enc {
	case vntext.TCVN3:
		return ".VnTime"
	case vntext.VNI:
		return "VNI-Times"
	}
	return ""
}

// mayBeLegacy reports whether s holds characters a TCVN3 or VNI byte seen as
// cp1252 produces and none that rules legacy text out (asking with a TCVN3
// font hint answers exactly that).
func mayBeLegacy(s string) bool {
	return !isASCII(s) && vntext.DetectEncoding(s, ".VnTime") != vntext.Unicode
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

type cellRef struct{ line, col int }

type pendingConversion struct {
	cellRef
	from, to string
	enc      vntext.Encoding
}

// addGrid interprets one sheet.
func (rd *reader) addGrid(g *grid) {
	if g.close != nil {
		defer g.close()
	}
	if rd.full {
		rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: g.name, Skipped: "đã đủ số dòng tối đa"})
		return
	}
	// 1. The first pass, unless the reader made it while reading.
	sc := g.scan
	if sc == nil {
		sc = newSheetScan(rd, g)
		for _, cells := range g.lines {
			sc.add(cells)
		}
	}
	sc.reportHidden(g.name)
	w := &window{g: g, rd: rd, next: g.next, viqr: sc.viqrMarks(), mergeV: map[int]string{}}
	if w.next == nil {
		n := 0
		w.next = func() ([]string, bool) {
			if n >= len(g.lines) {
				return nil, false
			}
			n++
			return g.lines[n-1], true
		}
	}
	g.w = w
	defer func() { g.w = nil }()

	// 2. The header, of each table of the sheet: legacy text is converted
	// cell by cell as the lines are loaded, before.
	tf := &tableFinder{g: g, m: rd.opts.Mapping}
	w.finder = tf
	best, first := bestHeader(g, rd.opts.Mapping)
	if best >= 0 {
		tf.best, tf.next = best, first
		tf.through(best)
	} else if g.continues && rd.lastLayout != nil && gridWidth(g) <= len(rd.lastLayout.cols) {
		// A table broken across pages into two: the header is the first part's.
		l := *rd.lastLayout
		l.headerLine, l.dataStart = -1, 0
		tf.tables, tf.done = []*columnLayout{&l}, true
	}
	if len(tf.tables) == 0 {
		reason := reasonNoHeader
		if g.docTable {
			reason = reasonLayout
		}
		rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: g.name, Skipped: reason})
		return
	}
	layout := tf.tables[0]

	// 3. Whole columns: a column where some cells are surely TCVN3 (or VNI)
	// and none surely Unicode converts its doubtful cells the same way; and
	// ranges merged down fill the rows below. Both as lines are finalized.
	w.from, w.whole, w.started = layout.dataStart, sc.wholeColumns(layout.dataStart), true

	// 4. The columns, and 5. the rows, table by table. The section a
	// heading opened ("II. CÁ NHÂN" above the second table) carries on.
	st := &sheetState{rd: rd, g: g}
	if g.continues {
		st.sectionKind, st.sectionForm = khenthuong.Kind(rd.lastSection[0]), rd.lastSection[1]
	}
	for _, text := range g.before {
		if !st.section(text) {
			st.titleForm(text)
		}
	}
	sub, ok := findSubmission(g, layout.headerLine)
	if !ok && len(g.before) > 0 {
		above := &grid{}
		for _, text := range g.before {
			above.lines = append(above.lines, []string{text})
		}
		if sub, ok = findSubmission(above, len(above.lines)); ok {
			sub.line = -1 // above the table: no row of its own
		}
	}
	if ok {
		st.submission = sub
		rd.problem(g.name, sub.line+1, "", sub.text, SeverityWarning,
			"Các dòng không ghi tờ trình lấy số, ngày tờ trình và đơn vị đề nghị từ dòng tiêu đề này: %s", describeSubmission(sub))
	}
	codeReported := map[string]bool{}
	// ends reports whether line i is past the n-th table: the next one's header.
	ends := func(n, i int) bool {
		w.finalize(i)
		return n+1 < len(tf.tables) && tf.tables[n+1].headerLine <= i
	}
	for n := 0; n < len(tf.tables); n++ {
		l := tf.tables[n]
		st.l, st.rows = l, 0
		sheet := Sheet{Name: g.name, HeaderRow: l.headerLine + 1, Columns: l.cols}
		for _, col := range l.cols {
			if col.Header == "" {
				continue
			}
			if col.Field == "" {
				rd.im.Unknown = append(rd.im.Unknown, fmt.Sprintf("%s: cột %s “%s”", g.name, col.Letter, col.Header))
				continue
			}
			if col.Field == FieldCode && !codeReported[col.Header] {
				codeReported[col.Header] = true
				rd.problem(g.name, 0, l.label(columnIndex(col.Letter)-1), "", SeverityWarning,
					"Cột mã của phần mềm khác: không đọc, chương trình đọc cột chữ bên cạnh")
			}
			rd.im.Mapping.set(col.Header, col.Field)
		}
		for i := l.dataStart; g.has(i) && !ends(n, i); i++ {
			w.release(i)
			if g.hidden[i] && rowHasContent(g.line(i)) {
				// What the clerk sees in Excel is what is imported, as for hidden sheets.
				rd.problem(g.name, i+1, "", "", SeverityWarning, "Dòng đang bị ẩn (hoặc bị lọc) trong bảng tính: không nhập; bỏ ẩn dòng rồi nhập lại nếu cần")
				continue
			}
			if rd.rows >= rd.opts.MaxRows {
				if g.hasContentFrom(i) {
					rd.problem(g.name, i+1, "", "", SeverityError,
						"Tệp có hơn %d dòng dữ liệu: chỉ đọc %d dòng đầu, hãy tách thành nhiều tệp", rd.opts.MaxRows, rd.opts.MaxRows)
					rd.full = true
				}
				break
			}
			if stop := st.line(i); stop {
				if j := nextDataLike(g, l, i+1); j >= 0 && !ends(n, j) {
					if isSubtotal(firstText(g.line(i))) {
						continue // "Cộng I: 05 tập thể" closes a section; the list goes on below
					}
					rd.problem(g.name, j+1, "", "", SeverityWarning,
						"Dừng đọc ở dòng %d (phần tổng cộng / ký tên) nhưng bên dưới còn dòng giống dữ liệu: kiểm tra lại", i+1)
				}
				break // the table's totals or signatures: the next table, if any, goes on
			}
		}
		sheet.Rows = st.rows
		rd.im.Sheets = append(rd.im.Sheets, sheet)
		if rd.full {
			break
		}
		tf.more(n, w)
	}
	w.drain() // the conversions of the lines below, and the tables there
	rd.lastSection = [2]string{string(st.sectionKind), st.sectionForm}
	rd.lastLayout = tf.tables[len(tf.tables)-1]
	if st.genderGuessed > 0 {
		rd.problem(g.name, 0, layout.label(layout.nameCol), "", SeverityWarning,
			"Danh sách không ghi giới tính ở %d dòng: đã lấy theo tên đệm (Thị là nữ, Văn là nam); các dòng khác để trống", st.genderGuessed)
	}
	if st.recased > 0 {
		rd.problem(g.name, 0, layout.label(layout.nameCol), "", SeverityWarning,
			"Họ tên viết toàn chữ hoa hoặc chữ thường ở %d dòng: đã viết hoa chữ đầu mỗi tiếng (ví dụ “%s” thành “%s”)",
			st.recased, st.recasedExample[0], st.recasedExample[1])
	}
}

// isBlank reports whether a cell holds only spaces and invisible characters.
func isBlank(v string) bool {
	for _, r := range v {
		if !unicode.IsSpace(r) && r != 0x200B && r != 0x200C && r != 0x200D && r != 0x2060 && r != 0xFEFF && r != 0xAD {
			return false
		}
	}
	return true
}

// hasContentFrom reports whether a line from i on holds something; the
// lines it passes are let go (the reading stops after them either way).
func (g *grid) hasContentFrom(i int) bool {
	for ; g.has(i); i++ {
		for _, v := range g.line(i) {
			if strings.TrimSpace(v) != "" && !isFormulaError(v) {
				return true
			}
		}
		if g.w != nil {
			g.w.release(i)
		}
	}
	return false
}

// firstText is the first cell of a row holding text.
func firstText(cells []string) string {
	for _, v := range cells {
		if !isBlank(v) {
			return v
		}
	}
	return ""
}

// nextDataLike finds a row below a footer that looks like a list entry: a
// number in the STT column and a name.
func nextDataLike(g *grid, l *columnLayout, from int) int {
	if l.sttCol < 0 {
		return -1
	}
	for i := from; g.has(i); i++ {
		stt := strings.TrimSuffix(strings.TrimSpace(g.cell(i, l.sttCol)), ".") // "1."
		if isDigits(stt) && strings.TrimSpace(g.cell(i, l.nameCol)) != "" {
			return i
		}
	}
	return -1
}

// fieldOf maps a header text to a field, the saved mapping first.
func fieldOf(text string, m *Mapping) Field {
	if text == "" {
		return ""
	}
	if f, ok := m.lookup(text); ok {
		return f
	}
	return matchHeader(text)
}

// headerText is a cell's text as a header: cleaned, and "" for titles.
func headerText(s string) string {
	s = vntext.Clean(s)
	if utf8.RuneCountInString(s) > maxHeaderCellLen {
		return ""
	}
	return s
}

// headerScore is how many known columns row i names when it is a header
// row: one naming the name column (itself or in the sub-header row below)
// and at least one other known column; 0 otherwise.
func headerScore(g *grid, i int, m *Mapping) int {
	seen := map[Field]bool{}
	hasName := false
	for _, v := range g.raw(i) {
		f := fieldOf(headerText(v), m)
		if f.readsNothing() {
			continue
		}
		seen[f] = true
		hasName = hasName || f == FieldName
	}
	if !hasName && g.has(i+1) {
		// The name may be in a sub-header row only ("Họ và tên" merged down is the usual case).
		for _, v := range g.raw(i + 1) {
			if fieldOf(headerText(v), m) == FieldName {
				hasName = true
			}
		}
	}
	if hasName && len(seen) >= 2 {
		return len(seen)
	}
	return 0
}

// findHeaders finds the tables of a sheet. The first header row is looked
// for in the first rows: the row naming the name column and the most other
// known columns. Below it, and above it down from the first header-like
// row, every row that names other columns starts a table of its own: units
// often put their collectives and their individuals in two tables with
// different columns on one sheet. A header repeated as it was (a list
// printed over several pages) does not.
func findHeaders(g *grid, m *Mapping) ([]*columnLayout, string) {
	best, first := bestHeader(g, m)
	if best < 0 {
		return nil, reasonNoHeader
	}
	tf := &tableFinder{g: g, m: m, best: best, next: first}
	for i := first; g.has(i); i++ {
		tf.through(i)
	}
	return tf.tables, ""
}

// reasonNoHeader is why a sheet without a header row is skipped.
const reasonNoHeader = "không có dòng tiêu đề cột trong 20 dòng đầu"

// bestHeader finds the first header row (best) and the first row that
// could be one (first) in the first rows; best is -1 when there is none.
func bestHeader(g *grid, m *Mapping) (best, first int) {
	best, bestScore, first := -1, 0, -1
	for i := 0; g.has(i) && i < headerScanRows; i++ {
		if sc := headerScore(g, i, m); sc > 0 {
			if first < 0 {
				first = i
			}
			if sc > bestScore {
				best, bestScore = i, sc
			}
		}
	}
	return best, first
}

// headerLike is a cheap first look at a row: a header has several cells and
// does not start with a row number, as almost every data row does.
func headerLike(row []string) bool {
	n, first := 0, ""
	for _, v := range row {
		if v = strings.TrimSpace(v); v != "" {
			if n == 0 {
				first = v
			}
			n++
		}
	}
	return n >= 2 && !isDigits(strings.TrimSuffix(first, "."))
}

// sameHeader reports whether two header rows name the same columns.
func sameHeader(a, b *columnLayout) bool {
	if len(a.cols) != len(b.cols) {
		return false
	}
	for i := range a.cols {
		if a.cols[i].Field != b.cols[i].Field {
			return false
		}
	}
	return true
}

// layoutAt reads the columns of the header row best: a second header row
// below it (sub-columns "Nam" | "Nữ" under a merged "Năm sinh", "Họ" | "Tên"
// under "Họ và tên") refines the columns it lies under, and a row numbering
// the columns ("1", "2", "(3)") is skipped.
func layoutAt(g *grid, best int, m *Mapping) *columnLayout {
	top := g.raw(best)
	var sub []string
	dataStart := best + 1
	if g.has(best+1) && isSubHeader(top, g.raw(best+1), m) {
		sub = g.raw(best + 1)
		dataStart = best + 2
	}
	width := min(max(len(top), len(sub)), maxColumns)
	l := &columnLayout{headerLine: best, byField: map[Field][]int{}, nameCol: -1, sttCol: -1}
	lastTop := ""
	for c := 0; c < width; c++ {
		t := ""
		if c < len(top) {
			t = headerText(top[c])
		}
		s := ""
		if c < len(sub) {
			s = headerText(sub[c])
		}
		if t != "" {
			lastTop = t
		} else if s != "" {
			t = lastTop // under a header merged across columns
		}
		text := t
		f := fieldOf(t, m)
		if s != "" {
			text = strings.TrimPrefix(t+" / "+s, " / ")
			if mf, ok := m.lookup(text); ok {
				f = mf
			} else if sf := fieldOf(s, m); sf != "" {
				f = sf
			}
		}
		if f != "" && f != FieldIgnore {
			l.byField[f] = append(l.byField[f], c)
		}
		l.cols = append(l.cols, Column{Letter: columnLetter(c), Header: text, Field: f})
	}
	if cs := l.byField[FieldName]; len(cs) > 0 {
		l.nameCol = cs[0]
	}
	if cs := l.byField[FieldSTT]; len(cs) > 0 {
		l.sttCol = cs[0]
	}
	// A row numbering the columns: (1) (2) (3) ...
	for k := 0; k < 2 && g.has(dataStart); k++ {
		if !isNumberingRow(g.raw(dataStart)) {
			break
		}
		dataStart++
	}
	l.dataStart = dataStart
	return l
}

// isSubHeader reports whether row is a second header row under top: its
// name column is empty and it holds known header words.
func isSubHeader(top, row []string, m *Mapping) bool {
	known, other := 0, 0
	for c, v := range row {
		h := headerText(v)
		if h == "" {
			continue
		}
		if isDigits(h) {
			return false // a number (STT, a year): data, or the row numbering the columns
		}
		if isRoman(vntext.Fold(h)) {
			return false // "I", "II": a section row ("I | KHỐI CÁC CƠ QUAN ĐẢNG")
		}
		if c < len(top) && fieldOf(headerText(top[c]), m) == FieldName && !isNamePart(h, m) {
			// Under "Họ và tên" a second header row names the name's parts;
			// anything else there is a section or a first row of data,
			// even when its words look like a header ("Khối ...").
			return false
		}
		if f := fieldOf(h, m); f != "" {
			known++
			continue
		}
		if k := vntext.Fold(h); k == "ho" || k == "ho dem" || k == "ho va dem" || k == "ngay" || k == "thang" || k == "nam" {
			known++
			continue
		}
		if c < len(top) && fieldOf(headerText(top[c]), m) == FieldName {
			return false // a name under the name header: data
		}
		other++
	}
	return known > 0 && other <= known
}

// isNamePart reports whether a header names a part of a person's name
// ("Họ", "Tên", "Họ đệm") under a "Họ và tên" header.
func isNamePart(h string, m *Mapping) bool {
	switch vntext.Fold(h) {
	case "ho", "ho dem", "ho va dem", "ten", "chu dem", "ten dem":
		return true
	}
	return fieldOf(h, m) == FieldName
}

// isNumberingRow reports whether a row only numbers the columns: "1 2 3",
// "(1) (2) (3)", "A B 1 2".
func isNumberingRow(row []string) bool {
	n := 0
	for _, v := range row {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		v = strings.TrimSuffix(strings.TrimPrefix(v, "("), ")")
		if !(isDigits(v) && len(v) <= 2 || len(v) == 1 && (v[0] >= 'A' && v[0] <= 'Z' || v[0] >= 'a' && v[0] <= 'z')) {
			return false
		}
		n++
	}
	return n >= 3
}
