package roster

import "strings"

// Formula injection: a cell typed as =HYPERLINK(...), @SUM(...) or
// -2+3+cmd|' /C calc'!A0 runs as a formula when a CSV holding it is opened
// in a spreadsheet. Every CSV the application writes neutralises such cells
// as OWASP recommends (a leading apostrophe, which Excel and LibreOffice show
// as text); the import warns about them, row by row. An .xlsx stores every
// cell as text and needs nothing.

// formulaStarts are the first characters OWASP lists as starting a formula
// (tab and carriage return too, which some spreadsheets skip before one).
const formulaStarts = "=+-@\t\r"

// SafeCSVCell returns s ready for a CSV cell: prefixed with an apostrophe
// when a spreadsheet would take it for a formula.
func SafeCSVCell(s string) string {
	if s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// looksLikeFormula reports the cells worth a warning at import: one that
// starts with = or @, or with + or - and then has a formula's parentheses,
// a pipe (DDE) or a sheet reference. A bullet ("- Chủ tịch") is not one.
func looksLikeFormula(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@':
		return len(s) > 1
	case '+', '-':
		return strings.ContainsAny(s[1:], "(|!")
	}
	return false
}

// warnFormulas warns about the formula-like cells of data row i, in the
// row's report: the text is imported as it is (the clerk may have meant it),
// and the exports neutralise it.
func (st *sheetState) warnFormulas(i int, report func(int, string, Severity, string, ...any)) {
	for c, col := range st.l.cols {
		if col.Field == "" || col.Field == FieldIgnore {
			continue
		}
		if v := st.g.cell(i, c); looksLikeFormula(v) {
			report(c, shorten(v, 40), SeverityWarning,
				"Ô bắt đầu bằng “%c” như một công thức bảng tính: được nhập như chữ; khi xuất CSV sẽ thêm dấu ' ở đầu để bảng tính không chạy nó", strings.TrimLeft(v, " \t\r\n")[0])
		}
	}
}
