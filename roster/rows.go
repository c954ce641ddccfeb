package roster

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/vntext"
)

// sheetState is what carries from row to row: the current section.
type sheetState struct {
	rd          *reader
	g           *grid
	l           *columnLayout
	sectionKind khenthuong.Kind
	sectionForm string
	rows        int
	// Names written all in capitals or in small letters, rewritten: how
	// many, and the first as it was and as it is now.
	recased        int
	recasedExample [2]string
	// The Tờ trình the list's title names, for rows that name none.
	submission listSubmission
	// Genders read from the middle name ("Thị", "Văn"), the list giving none.
	genderGuessed int
	// Code columns already reported as holding codes the import cannot read.
	codesReported map[int]bool
	// groupUnit is the unit an unnumbered row names above its people ("Sở
	// Y tế" over the Sở's nominees): the unit of the rows below that give none.
	groupUnit string
}

// codeUnread reports, once per column, that a kind or form code column
// holds another system's codes: they are not read.
func (st *sheetState) codeUnread(col int, value string) {
	if st.codesReported[col] {
		return
	}
	if st.codesReported == nil {
		st.codesReported = map[int]bool{}
	}
	st.codesReported[col] = true
	st.rd.problem(st.g.name, 0, st.l.label(col), "", SeverityWarning,
		"Cột mã của phần mềm khác (ví dụ “%s”): không đọc, chương trình đọc cột chữ bên cạnh", shorten(value, 30))
}

// line reads one row; stop is true at the footer (totals, signatures).
func (st *sheetState) line(i int) (stop bool) {
	cells := st.g.line(i)
	var texts []string // the first non-empty cells of the row, formula errors left out
	var errCells []int
	count := 0
	for c, v := range cells {
		if v == "" {
			continue
		}
		if isFormulaError(v) {
			errCells = append(errCells, c)
			continue
		}
		if isBlank(v) {
			continue
		}
		count++
		if count <= 3 {
			texts = append(texts, vntext.Clean(v))
		}
	}
	if count == 0 {
		return false // blank, or only #N/A from lookup formulas
	}
	first := texts[0]
	name := vntext.Clean(st.g.cell(i, st.l.nameCol))
	stt := strings.TrimSuffix(strings.TrimSpace(st.cell(i, FieldSTT)), ".") // "1."
	if isDigits(stt) && count == 1 {
		return false // a numbered but empty row of a template
	}
	if !isDigits(stt) && (name == "" || name == first) && isFooter(first) {
		return true
	}
	if count <= 2 && st.section(strings.Join(texts, " ")) {
		st.groupUnit = ""
		return false
	}
	// The row's only text, in the name column or across the row from the
	// STT column (merged), may name a group of the list or the unit of the
	// rows below; so may a name numbered "II" or "B" among rows numbered 1, 2.
	switch {
	case count == 1 && !isDigits(stt) && (name == first || vntext.Clean(stt) == first):
		if st.groupHeading(i, first) {
			return false
		}
	case count == 2 && isEnumeratorWord(stt) && name != "" && name == texts[1] && st.l.sttCol >= 0 && st.numberedBelow(i+1):
		if !st.groupHeading(i, name) {
			st.groupUnit = "" // "II | Các đơn vị sự nghiệp": a group, nobody's unit
		}
		return false
	}
	if !isDigits(stt) && matchHeader(name) == FieldName {
		return false // the header repeated on a later page
	}
	if k := vntext.Fold(stt); k == "vi du" || k == "vd" || k == "mau" {
		st.rd.problem(st.g.name, i+1, st.l.label(st.l.sttCol), stt, SeverityWarning, "Dòng ví dụ của mẫu, không nhập")
		return false
	}
	if name == "" && st.onlyPrefilled(i) {
		return false
	}
	st.rows++
	st.rd.rows++
	st.row(i, errCells)
	return false
}

// groupHeading handles an unnumbered row naming only a unit, in a numbered
// list, above numbered rows: the unit the rows below belong to. It reports
// whether the row was one.
func (st *sheetState) groupHeading(i int, name string) bool {
	if st.l.sttCol < 0 || name == "" || st.sectionKind == khenthuong.Collective || st.sectionKind == khenthuong.Household {
		return false
	}
	if !st.numberedBelow(i + 1) {
		return false
	}
	// "Khối các cơ quan Đảng", "Cụm thi đua số 2" group the list, but are
	// nobody's unit.
	if hasPrefixWords(strings.ToLower(name), []string{"khối", "cụm", "nhóm", "lĩnh vực", "ngành"}) {
		st.groupUnit = ""
		return true
	}
	if k, ok := inferKind(name); !ok || k != khenthuong.Collective {
		return false
	}
	st.groupUnit = name
	st.rd.problem(st.g.name, i+1, st.l.label(st.l.nameCol), name, SeverityWarning,
		"Dòng tên đơn vị, không có số thứ tự: không nhập như một đề nghị, mà ghi làm đơn vị của các dòng bên dưới không ghi đơn vị")
	return true
}

// isEnumeratorWord reports a number of a group rather than of a row: a
// Roman numeral ("II") or a single capital letter ("B").
func isEnumeratorWord(stt string) bool {
	stt = strings.TrimSpace(stt)
	if len(stt) == 1 && stt[0] >= 'A' && stt[0] <= 'Z' {
		return true
	}
	return stt != "" && stt == strings.ToUpper(stt) && isRoman(vntext.Fold(stt))
}

// numberedBelow reports whether the first row from j holding text is numbered.
func (st *sheetState) numberedBelow(j int) bool {
	for ; st.g.has(j); j++ {
		if !rowHasContent(st.g.line(j)) {
			continue
		}
		return isDigits(strings.TrimSuffix(strings.TrimSpace(st.g.cell(j, st.l.sttCol)), "."))
	}
	return false
}

// section handles a row holding only a section or group heading; it reports
// whether the row was one.
func (st *sheetState) section(text string) bool {
	if kind, rest := sectionKind(text); kind != "" {
		st.sectionKind = kind
		if rest != "" && looksLikeAward(rest) {
			if code, _ := st.rd.forms.match(rest); code != "" {
				st.sectionForm = code
			}
		}
		return true
	}
	if len(st.rd.opts.Forms) > 0 && looksLikeAward(text) {
		words, _, _, _ := stripEnumerator(strings.Fields(vntext.Fold(withoutParentheses(text))))
		if code, _ := st.rd.forms.match(strings.Join(words, " ")); code != "" {
			// "I. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH (05 tập thể, 10 cá nhân)":
			// a new group, whose kinds come in sections of their own.
			st.sectionForm, st.sectionKind = code, ""
			return true
		}
	}
	return isHeading(text) // "I. KHỐI CƠ QUAN ĐẢNG": a group of the list, nothing to set
}

// titleForm reads the form a list's title names after “tặng”: "Tập thể,
// cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh".
func (st *sheetState) titleForm(text string) {
	if len(st.rd.opts.Forms) == 0 || !looksLikeAward(text) {
		return
	}
	folded := " " + vntext.Fold(withoutParentheses(text)) + " "
	i := strings.LastIndex(folded, " tang ")
	if i < 0 {
		return
	}
	if code, _ := st.rd.forms.match(folded[i+len(" tang "):]); code != "" {
		st.sectionForm = code
	}
}

// withoutParentheses removes the parts of s in parentheses: "(05 tập thể)".
func withoutParentheses(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// onlyPrefilled reports whether the row only holds what a template fills in
// advance (kind, form, proposing unit...), with no nominee.
func (st *sheetState) onlyPrefilled(i int) bool {
	for f, cs := range st.l.byField {
		switch f {
		case FieldSTT, FieldKind, FieldForm, FieldProposingUnit, FieldSubmissionNo, FieldSubmissionDate:
			continue
		}
		for _, c := range cs {
			if v := st.g.cell(i, c); v != "" && !isFormulaError(v) && vntext.Clean(v) != "" {
				return false
			}
		}
	}
	return true
}

// cell returns the raw text of the first non-empty column of field f.
func (st *sheetState) cell(i int, f Field) string {
	for _, c := range st.l.byField[f] {
		if v := st.g.cell(i, c); v != "" && !isFormulaError(v) {
			return v
		}
	}
	return ""
}

// value returns the cleaned text of field f on row i, the columns of a field
// typed in several columns joined ("Họ" + "Tên"), and the column to name in
// a problem.
func (st *sheetState) value(i int, f Field) (string, int) {
	cs := st.l.byField[f]
	col := -1
	if len(cs) > 0 {
		col = cs[0]
	}
	sep := " "
	if f == FieldBirth || f == FieldSubmissionDate {
		sep = "/"
	}
	// A kind or a form is one value: of two columns ("Danh hiệu thi đua",
	// "Hình thức khen thưởng"), the first filled one.
	single := f == FieldKind || f == FieldForm || f == FieldKindCode || f == FieldFormCode
	var parts []string
	for _, c := range cs {
		v := st.g.cell(i, c)
		if v == "" || isFormulaError(v) || single && len(parts) > 0 {
			continue
		}
		if f == FieldAchievement || f == FieldNotes {
			v = strings.TrimSpace(v) // Normalize cleans it line by line
		} else {
			v = vntext.Clean(v)
		}
		if v != "" {
			if len(parts) == 0 {
				col = c
			}
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, sep), col
}

// row builds, cleans and checks the nomination of row i.
func (st *sheetState) row(i int, errCells []int) {
	rd, l, sheet, line := st.rd, st.l, st.g.name, i+1
	invalid := false
	firstProblem := len(rd.im.Problems)
	report := func(col int, value string, sev Severity, format string, args ...any) {
		if sev == SeverityError {
			invalid = true
		}
		rd.problem(sheet, line, l.label(col), value, sev, format, args...)
	}
	for _, c := range errCells {
		if c < len(l.cols) && !l.cols[c].Field.readsNothing() {
			report(c, st.g.cell(i, c), SeverityWarning, "Ô có lỗi công thức, coi như để trống")
		}
	}
	st.warnFormulas(i, report)
	get := func(f Field) (string, int) {
		v, c := st.value(i, f)
		if n := utf8.RuneCountInString(v); n > rd.opts.MaxCellLen {
			report(c, shorten(v, 40), SeverityError, "Ô dài %d ký tự, quá giới hạn %d", n, rd.opts.MaxCellLen)
			v = string([]rune(v)[:rd.opts.MaxCellLen])
		}
		return v, c
	}

	var n khenthuong.Nomination
	nm := &n.Nominee
	name, nameCol := get(FieldName)
	name = cleanNameCell(name)
	nm.Name = name
	title, _ := get(FieldTitle)
	nm.Title = title
	nm.Position, _ = get(FieldPosition)
	nm.Position = trimCellEnd(nm.Position)
	nm.Unit, _ = get(FieldUnit)
	nm.Unit = trimCellEnd(nm.Unit)
	nm.Address, _ = get(FieldAddress)
	classification, _ := get(FieldClassification)
	nm.Classification = matchClassification(classification)
	nm.Field, _ = get(FieldField)
	n.Achievement, _ = get(FieldAchievement)
	n.ProposingUnit, _ = get(FieldProposingUnit)
	n.SubmissionNo, _ = get(FieldSubmissionNo)
	n.Notes, _ = get(FieldNotes)
	positionUnit, _ := get(FieldPositionUnit)

	// Kind: the kind column, else the section, else what the row says.
	kindText, kindCol := get(FieldKind)
	personal := title != ""
	for _, f := range []Field{FieldGender, FieldBirth, FieldMale, FieldFemale, FieldPosition} {
		if v, _ := st.value(i, f); v != "" {
			personal = true
		}
	}
	switch {
	case kindText != "":
		k, ok := parseKind(kindText)
		if !ok {
			report(kindCol, kindText, SeverityError, "Loại đối tượng không rõ: ghi Tập thể, Cá nhân hoặc Hộ gia đình")
		}
		nm.Kind = k
	case st.sectionKind != "":
		nm.Kind = st.sectionKind
	}
	if code, col := get(FieldKindCode); code != "" {
		if k, ok := parseKind(code); !ok {
			st.codeUnread(col, code)
		} else if nm.Kind == "" && kindText == "" {
			nm.Kind = k
		}
	}

	// Form: the form column, else a code of our catalogue in the form code
	// column, else the section, else --form.
	formText, formCol := get(FieldForm)
	formCode, formCodeCol := get(FieldFormCode)
	if formCode != "" && !rd.forms.isCode(formCode) {
		st.codeUnread(formCodeCol, formCode)
		formCode = ""
	}
	switch {
	case formText != "":
		code, candidates := rd.forms.cachedMatch(formText)
		switch {
		case code != "":
			n.FormCode = code
		case len(candidates) > 0:
			if settled, why := rd.settleForm(candidates, st.sectionForm, nm.Kind); settled != "" {
				n.FormCode = settled
				report(formCol, formText, SeverityWarning, "Hình thức khen thưởng “%s” được hiểu là %s (%s)", formText, settled, why)
				break
			}
			report(formCol, formText, SeverityError, "Hình thức khen thưởng chưa rõ, có thể là: %s; hãy ghi đủ tên hoặc mã, hoặc chọn hình thức khi nhập (--form MÃ)", strings.Join(candidates, ", "))
		default:
			report(formCol, formText, SeverityError, "Không có hình thức khen thưởng này trong danh mục")
		}
	case formCode != "":
		n.FormCode, _ = rd.forms.cachedMatch(formCode)
	case st.sectionForm != "":
		n.FormCode = st.sectionForm
	case rd.opts.DefaultForm != "":
		n.FormCode = rd.opts.DefaultForm
	default:
		col := formCol
		if col < 0 {
			col = nameCol
		}
		report(col, "", SeverityError, "Chưa có hình thức khen thưởng: thêm cột Hình thức khen thưởng hoặc chọn hình thức khi nhập (--form MÃ)")
	}
	form := rd.forms.form(n.FormCode)
	if nm.Kind == "" && form != nil && len(form.Kinds) == 1 {
		nm.Kind = form.Kinds[0]
	}
	if nm.Kind == "" && kindText == "" {
		if personal {
			nm.Kind = khenthuong.Individual
		} else if k, ok := inferKind(name); ok {
			nm.Kind = k
		} else if name != "" {
			report(nameCol, name, SeverityError, "Không rõ là tập thể, cá nhân hay hộ gia đình: thêm cột Loại hoặc dòng mục “I. TẬP THỂ”, “II. CÁ NHÂN” phía trên")
		}
	}
	// A birth date in the name cell, as some lists write it.
	if nm.Kind == khenthuong.Individual {
		if rest, d, ok := birthInName(nm.Name); ok {
			if nm.Birth.IsZero() {
				nm.Birth = d
			}
			report(nameCol, nm.Name, SeverityWarning, "Năm sinh ghi trong ô họ tên: đã tách, năm sinh %s", d.Display())
			nm.Name = rest
		}
	}
	// Name and post in one cell, as a decision's list writes an entry.
	if nameCol >= 0 && nm.Position == "" && positionUnit == "" {
		combined := nameCol < len(l.cols) && combinedNameHeader(l.cols[nameCol].Header)
		if who, detail, ok := splitNameDetail(nm.Name, nm.Kind, combined); ok {
			switch {
			case nm.Kind == khenthuong.Household && nm.Address == "":
				nm.Address = detail
			case nm.Kind == khenthuong.Household:
				ok = false
			case nm.Kind == khenthuong.Collective && nm.Unit != "":
				ok = false
			default:
				positionUnit = detail
			}
			if ok {
				if !st.g.entries {
					report(nameCol, nm.Name, SeverityWarning, "Tên và %s ghi chung một ô: đã tách thành “%s” và “%s”", detailWords(nm.Kind), who, detail)
				}
				nm.Name = who
			}
		}
	}
	if positionUnit != "" {
		// "Chức vụ, đơn vị công tác" in one column: a person's post and unit
		// print together, a collective's is its parent unit.
		if nm.Kind == khenthuong.Individual {
			nm.Position = strings.TrimSpace(nm.Position + " " + positionUnit)
		} else {
			nm.Unit = strings.TrimSpace(nm.Unit + " " + positionUnit)
		}
	}

	// Gender and birth, from their columns or from the Nam / Nữ columns.
	genderText, genderCol := get(FieldGender)
	if genderText != "" {
		g, ok := parseGender(genderText)
		if !ok {
			report(genderCol, genderText, SeverityError, "Giới tính không rõ: ghi Nam hoặc Nữ")
		}
		nm.Gender = g
	}
	birthText, birthCol := get(FieldBirth)
	st.birth(birthText, birthCol, &nm.Birth, report)
	male, maleCol := get(FieldMale)
	female, femaleCol := get(FieldFemale)
	for _, side := range []struct {
		text   string
		col    int
		gender khenthuong.Gender
	}{{male, maleCol, khenthuong.Male}, {female, femaleCol, khenthuong.Female}} {
		if side.text == "" {
			continue
		}
		if male != "" && female != "" {
			report(femaleCol, female, SeverityError, "Cả cột Nam và cột Nữ đều có giá trị: chỉ ghi vào một cột")
			break
		}
		if nm.Gender != khenthuong.GenderUnknown && nm.Gender != side.gender {
			report(side.col, side.text, SeverityError, "Mâu thuẫn với cột Giới tính (%s)", nm.Gender.Label())
		}
		nm.Gender = side.gender
		if isMark(side.text) {
			continue
		}
		if g, ok := parseGender(side.text); ok && g == side.gender {
			continue // "Nam" typed in the Nam column
		}
		if nm.Birth.IsZero() {
			st.birth(side.text, side.col, &nm.Birth, report)
		}
	}
	if nm.Kind != khenthuong.Individual && nm.Kind != "" {
		if !nm.Birth.IsZero() || nm.Gender != khenthuong.GenderUnknown {
			report(nameCol, name, SeverityWarning, "%s không có giới tính, ngày sinh: bỏ qua các ô đó", nm.Kind.Label())
		}
	}

	if n.SubmissionNo == "" {
		n.SubmissionNo = st.submission.no
	}
	if n.ProposingUnit == "" {
		n.ProposingUnit = st.submission.unit
	}
	submission, subCol := get(FieldSubmissionDate)
	if submission == "" {
		n.SubmissionDate = st.submission.date
	} else {
		d, _, err := parseDateCell(submission)
		if err != nil {
			report(subCol, submission, SeverityError, "Ngày tờ trình: %s", khenthuong.ErrorMessage(err))
		}
		n.SubmissionDate = d
	}

	if nm.Unit == "" && st.groupUnit != "" && nm.Kind != khenthuong.Household {
		nm.Unit = st.groupUnit
	}
	n.Status = khenthuong.StatusSubmitted
	n.Normalize()
	if cased := nameCase(nm.Name, nm.Kind); cased != nm.Name {
		st.recased++
		if st.recased == 1 {
			st.recasedExample = [2]string{nm.Name, cased}
		}
		nm.Name = cased
	}
	if nm.Kind == khenthuong.Individual && nm.Gender == khenthuong.GenderUnknown {
		nm.Gender = genderOfTitle(nm.Title)
		if nm.Gender == khenthuong.GenderUnknown {
			if nm.Gender = genderOfMiddleName(nm.Name); nm.Gender != khenthuong.GenderUnknown {
				st.genderGuessed++
			}
		}
	}
	if nm.Name == "" {
		report(nameCol, "", SeverityError, "Chưa có họ và tên / tên tập thể")
	}

	// The domain's own checks, named by column.
	check := n
	check.CampaignID = 1 // the campaign is chosen when the rows are stored
	if !invalid {
		if err := check.Validate(); err != nil {
			col := st.columnFor(err)
			report(col, st.g.cell(i, col), SeverityError, "%s", khenthuong.ErrorMessage(err))
		} else if n.FormCode != "" && len(rd.opts.Forms) > 0 {
			if err := n.ValidateAgainst(form); err != nil {
				report(formCol, formText, SeverityError, "%s", khenthuong.ErrorMessage(err))
			}
		}
	}
	if !nm.Birth.IsZero() && rd.opts.Today.Before(nm.Birth) {
		report(st.firstCol(FieldBirth, FieldMale, FieldFemale), nm.Birth.Display(), SeverityError, "Ngày sinh sau ngày hôm nay")
	}
	// The row's problems left to right, as the clerk reads the row.
	own := rd.im.Problems[firstProblem:]
	sort.SliceStable(own, func(a, b int) bool { return columnIndex(own[a].Column) < columnIndex(own[b].Column) })
	r := Row{Sheet: sheet, Line: line, Nomination: n, Invalid: invalid}
	r.RegistryNo, _ = get(FieldRegistryNo)
	if amount, _ := get(FieldAmount); amount != "" {
		r.Amount = parseAmount(amount)
	}
	if invalid {
		// Kept to send the row back to the unit as it typed it (WriteRejected).
		cells := st.g.line(i)
		r.cells = append([]string(nil), cells[:min(len(cells), len(l.cols))]...)
		r.cols = l.cols
	}
	rd.im.read++
	rd.im.dups.add(&r)
	if rd.opts.OnRow != nil {
		rd.opts.OnRow(&r)
		if !r.Invalid {
			return
		}
	}
	rd.im.Rows = append(rd.im.Rows, r)
}

// columnIndex is the 1-based number of the column a problem names ("AB (Ghi chú)" → 28).
func columnIndex(label string) int {
	letters, _, _ := strings.Cut(label, " ")
	n, err := excelize.ColumnNameToNumber(letters)
	if err != nil {
		return 0
	}
	return n
}

// birth parses a birth date cell into d.
func (st *sheetState) birth(text string, col int, d *khenthuong.Date, report func(int, string, Severity, string, ...any)) {
	if text == "" {
		return
	}
	v, monthDropped, err := parseDateCell(text)
	if err != nil {
		report(col, text, SeverityError, "Ngày sinh: %s", khenthuong.ErrorMessage(err))
		return
	}
	if monthDropped {
		report(col, text, SeverityWarning, "Chỉ lấy năm sinh %d (không lưu được tháng mà thiếu ngày)", v.Year)
	}
	*d = v
}

// firstCol is the first column of the first field that has one.
func (st *sheetState) firstCol(fs ...Field) int {
	for _, f := range fs {
		if cs := st.l.byField[f]; len(cs) > 0 {
			return cs[0]
		}
	}
	return -1
}

// columnFor names the column of the field a domain error is about.
func (st *sheetState) columnFor(err error) int {
	var e *khenthuong.Error
	if !errors.As(err, &e) {
		return st.l.nameCol
	}
	switch Field(e.Field) {
	case FieldBirth:
		return st.firstCol(FieldBirth, FieldMale, FieldFemale)
	case FieldGender:
		return st.firstCol(FieldGender, FieldMale, FieldFemale)
	case FieldPosition:
		return st.firstCol(FieldPosition, FieldPositionUnit)
	case FieldUnit:
		return st.firstCol(FieldUnit, FieldPositionUnit)
	case "":
		return st.l.nameCol
	}
	if c := st.firstCol(Field(e.Field)); c >= 0 {
		return c
	}
	return st.l.nameCol
}

// settleForm picks one of the forms a loose text could mean ("Bằng khen",
// "Giấy khen"), from what the list says elsewhere: the form its section names,
// the form chosen for the import (--form), or the only candidate that applies
// to the nominee's kind. It returns "" when nothing settles it, and why it
// chose otherwise, for the warning the clerk sees.
func (rd *reader) settleForm(candidates []string, sectionForm string, kind khenthuong.Kind) (code, why string) {
	for _, pick := range []struct{ code, why string }{
		{sectionForm, "theo tiêu đề mục của danh sách"},
		{rd.opts.DefaultForm, "theo hình thức chọn khi nhập"},
	} {
		if pick.code != "" && slices.Contains(candidates, pick.code) {
			return pick.code, pick.why
		}
	}
	if kind == "" {
		return "", ""
	}
	var applies []string
	for _, c := range candidates {
		if f := rd.forms.form(c); f != nil && f.AppliesTo(kind) {
			applies = append(applies, c)
		}
	}
	if len(applies) == 1 {
		return applies[0], "hình thức duy nhất dành cho " + strings.ToLower(kind.Label())
	}
	return "", ""
}

// detailWords names what follows a name in a list entry.
func detailWords(k khenthuong.Kind) string {
	switch k {
	case khenthuong.Individual:
		return "chức vụ, đơn vị"
	case khenthuong.Household:
		return "địa chỉ"
	}
	return "đơn vị"
}

// nameCase writes a person's name, and the person's part of a household's
// ("HỘ ÔNG CAO VĂN ĐỨC" gives "Hộ ông Cao Văn Đức"), with a capital to each
// word; a collective's name is left as typed: its capitals are the unit's own.
func nameCase(name string, kind khenthuong.Kind) string {
	switch kind {
	case khenthuong.Individual:
		return vntext.PersonNameCase(name)
	case khenthuong.Household:
		words := strings.Fields(name)
		for n := min(3, len(words)-1); n >= 1; n-- {
			prefix := vntext.Fold(strings.Join(words[:n], " "))
			if prefix != "ho gia dinh" && prefix != "gia dinh" && prefix != "ho" {
				continue
			}
			lead := strings.ToLower(strings.Join(words[:n], " "))
			lead = strings.ToUpper(lead[:1]) + lead[1:] // the prefix starts with H or G
			if title, rest := vntext.SplitHonorific(strings.Join(words[n:], " ")); title != "" && rest != "" {
				return lead + " " + strings.ToLower(title) + " " + vntext.PersonNameCase(rest)
			}
			return lead + " " + vntext.PersonNameCase(strings.Join(words[n:], " "))
		}
	}
	return name
}
