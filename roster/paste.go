package roster

import (
	"strings"

	"khenthuong"
)

// PastedSheet names the sheet of a pasted list in the report.
const PastedSheet = "Danh sách dán vào"

// ReadText reads a list pasted into the window: rows copied from Excel or
// from a Word table arrive tab-separated and are read as a sheet; lines
// copied from a Word document or a chat message ("I. TẬP THỂ", "1. Ông
// Trương Quang Sáng, Phó Giám đốc Sở Tư pháp;") as the numbered paragraphs
// of a document. Either way the rows, checks and report are those of the
// same list read from a file.
func ReadText(text string, opts ReadOptions) (*Import, error) {
	if len(text) > MaxFileSize {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Danh sách dán vào dài quá %d MB: hãy nhập từ tệp", MaxFileSize>>20)
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	rd := newReader(PastedSheet, opts)
	if strings.Contains(text, "\t") {
		lines, perr := parseCSV(text, '\t', rd.opts.MaxRows+headerScanRows+1000)
		g := &grid{name: PastedSheet, lines: lines}
		// Word copies its numbered paragraphs as "1.<tab>Ông A, ...": tabs,
		// but no header row. Those are read as lines.
		if tables, _ := findHeaders(g, rd.opts.Mapping); len(tables) > 0 {
			if perr != "" {
				rd.problem(PastedSheet, len(lines)+1, "", "", SeverityError, "%s", perr)
			}
			rd.addGrid(g)
			return rd.finish(), nil
		}
		text = strings.ReplaceAll(text, "\t", " ")
	}
	return ReadLines(strings.Split(text, "\n"), PastedSheet, opts), nil
}

// ReadLines reads lines of text (a pasted message, the text of a PDF) as a
// list under "I. TẬP THỂ", "II. CÁ NHÂN" headings, or as numbered lines
// with none, named sheet in the report.
func ReadLines(lines []string, sheet string, opts ReadOptions) *Import {
	rd := newReader(sheet, opts)
	var paras []*Paragraph
	for _, l := range lines {
		paras = append(paras, &Paragraph{Text: l})
	}
	if g := linesList(paras, sheet, false); g != nil {
		rd.addGrid(g)
	} else {
		rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: sheet, Skipped: "không có bảng (các cột cách nhau bằng Tab) cũng không có dòng đánh số"})
	}
	return rd.finish()
}

// ReadRows reads rows of cells already split (a table rebuilt from a PDF's
// text) as a sheet named sheet.
func ReadRows(rows [][]string, sheet string, opts ReadOptions) *Import {
	rd := newReader(sheet, opts)
	rd.addGrid(&grid{name: sheet, lines: rows})
	return rd.finish()
}
