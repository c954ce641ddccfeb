package roster

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/atomicfile"
)

// RejectedHeader heads the column that tells the unit what to fix.
const RejectedHeader = "Lỗi cần sửa"

// Rejected counts the rows WriteRejected writes: those with an error.
func (im *Import) Rejected() int {
	n := 0
	for _, r := range im.Rows {
		if r.Invalid {
			n++
		}
	}
	return n
}

// WriteRejected writes the rows with errors to an .xlsx to send back to the
// unit: its own columns, with its own headers, as it typed them (legacy text
// converted), then "Lỗi cần sửa" listing each error with its column. Rows
// of tables with different columns go to sheets of their own.
func (im *Import) WriteRejected(path string) error {
	if im.Rejected() == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có dòng lỗi nào để ghi ra")
	}
	errorsOf := map[rowKey][]string{}
	for _, p := range im.Problems {
		if p.Severity != SeverityError || p.Row == 0 {
			continue
		}
		msg := p.Message
		if p.Column != "" {
			msg = "cột " + p.Column + ": " + msg
		}
		k := rowKey{p.Sheet, p.Row}
		errorsOf[k] = append(errorsOf[k], msg)
	}
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return fmt.Errorf("roster: rejected: %w", err)
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Font: &excelize.Font{Color: "C00000"}})
	if err != nil {
		return fmt.Errorf("roster: rejected: %w", err)
	}
	sheets := map[string]string{} // header signature → sheet name
	next := map[string]int{}      // sheet name → next row
	for _, r := range im.Rows {
		if !r.Invalid {
			continue
		}
		headers := make([]string, len(r.cols))
		for i, c := range r.cols {
			headers[i] = c.Header
		}
		sig := strings.Join(headers, "\x00")
		name, ok := sheets[sig]
		if !ok {
			name = rejectedSheetName(r.Sheet, len(sheets))
			sheets[sig] = name
			if len(sheets) == 1 {
				if err := f.SetSheetName("Sheet1", name); err != nil {
					return fmt.Errorf("roster: rejected: %w", err)
				}
			} else if _, err := f.NewSheet(name); err != nil {
				return fmt.Errorf("roster: rejected: %w", err)
			}
			row := append(append([]any{}, anySlice(headers)...), RejectedHeader, "Trang, dòng trong tệp gốc")
			if err := f.SetSheetRow(name, "A1", &row); err != nil {
				return fmt.Errorf("roster: rejected: %w", err)
			}
			last, _ := excelize.CoordinatesToCellName(len(row), 1)
			_ = f.SetCellStyle(name, "A1", last, bold)
			for i := range headers {
				col, _ := excelize.ColumnNumberToName(i + 1)
				_ = f.SetColWidth(name, col, col, 18)
			}
			errCol, _ := excelize.ColumnNumberToName(len(headers) + 1)
			_ = f.SetColWidth(name, errCol, errCol, 60)
			_ = f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
			next[name] = 2
		}
		cells := make([]any, len(headers))
		for i := range cells {
			if i < len(r.cells) {
				cells[i] = r.cells[i]
			} else {
				cells[i] = ""
			}
		}
		msgs := errorsOf[rowKey{r.Sheet, r.Line}]
		if len(msgs) == 0 {
			msgs = []string{"dòng có lỗi"}
		}
		cells = append(cells, strings.Join(msgs, "\n"), fmt.Sprintf("%s, dòng %d", r.Sheet, r.Line))
		cell, _ := excelize.CoordinatesToCellName(1, next[name])
		if err := f.SetSheetRow(name, cell, &cells); err != nil {
			return fmt.Errorf("roster: rejected: %w", err)
		}
		errCell, _ := excelize.CoordinatesToCellName(len(headers)+1, next[name])
		_ = f.SetCellStyle(name, errCell, errCell, wrap)
		next[name]++
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
}

type rowKey struct {
	sheet string
	line  int
}

// rejectedSheetName is the sheet the unit's rows go back in: its own
// sheet's name, made valid for Excel.
func rejectedSheetName(sheet string, n int) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, sheet)
	if n > 0 {
		name = fmt.Sprintf("%s (%d)", name, n+1)
	}
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	if strings.TrimSpace(name) == "" {
		name = "Dòng lỗi"
	}
	return name
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
