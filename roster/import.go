package roster

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"khenthuong"
)

// Limits for untrusted files. ReadOptions may lower the row and cell caps.
const (
	DefaultMaxRows    = 100_000 // data rows read from one file
	DefaultMaxCellLen = 5_000   // characters in one cell
	MaxFileSize       = 100 << 20
	maxColumns        = 200 // columns read from a row
	headerScanRows    = 20  // the header row is looked for in this many rows
	maxHeaderCellLen  = 120 // longer cells are titles, not headers
)

// zipLimits bound what an .xlsx may unpack to. Variables so that the fuzz
// tests can lower them.
var zipLimits = struct {
	total    int64 // all parts, uncompressed
	xml      int64 // a worksheet or the shared strings above this size goes to a temporary file
	inMemory int64 // all the parts that excelize keeps in memory
	parts    int
}{total: 400 << 20, xml: 16 << 20, inMemory: 96 << 20, parts: 5000}

// ReadOptions tune Read.
type ReadOptions struct {
	// Forms is the award-form catalogue the form column is matched against.
	Forms []khenthuong.AwardForm
	// DefaultForm is the form code for rows that name none (--form CODE).
	DefaultForm string
	// Mapping is a saved column mapping, tried before the built-in header names.
	Mapping *Mapping
	// MaxRows caps the data rows read (default DefaultMaxRows).
	MaxRows int
	// MaxCellLen caps the characters of one cell (default DefaultMaxCellLen).
	MaxCellLen int
	// Today is the date birth dates must not pass (default: today).
	Today khenthuong.Date
	// Progress, when set, is called from the reading goroutine as the rows
	// of each sheet are read: often enough for a progress bar, rarely enough
	// to cost nothing.
	Progress func(ReadProgress)
	// OnRow, when set, is given each row as it is read, and the Import keeps
	// in Rows only those with an error (what WriteRejected sends back): a
	// list of 100,000 rows is then never held whole. The duplicate check
	// keeps a few fields of every row.
	OnRow func(*Row)
}

// ReadProgress says how far the reading of a sheet has gone.
type ReadProgress struct {
	Sheet string
	Line  int // rows of the sheet read so far
	Lines int // rows the sheet declares (its used range), at least Line
}

// progressEvery is how many rows pass between two Progress calls.
const progressEvery = 500

func (o ReadOptions) progress(sheet string, line, lines int) {
	if o.Progress != nil {
		o.Progress(ReadProgress{Sheet: sheet, Line: line, Lines: max(lines, line)})
	}
}

func (o ReadOptions) withDefaults() ReadOptions {
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxCellLen <= 0 {
		o.MaxCellLen = DefaultMaxCellLen
	}
	if o.Today.IsZero() {
		o.Today = today()
	}
	return o
}

// Severity says whether a problem blocks the row (error) or is for the clerk to check (warning).
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is one thing wrong in the file, named so that the clerk can find it.
type Problem struct {
	Sheet    string   `json:"sheet"`
	Row      int      `json:"row,omitempty"`    // 1-based row as Excel shows it; 0 for the whole sheet or file
	Column   string   `json:"column,omitempty"` // "F (Ngày sinh)"
	Value    string   `json:"value,omitempty"`
	Message  string   `json:"message"`
	Severity Severity `json:"severity"`
}

// String is the problem in one line: "Sheet1, dòng 7, cột F (Ngày sinh), “31/02/1980”: Ngày ... ".
func (p Problem) String() string {
	var b strings.Builder
	if p.Sheet != "" {
		fmt.Fprintf(&b, "trang “%s”", p.Sheet)
	}
	if p.Row > 0 {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "dòng %d", p.Row)
	}
	if p.Column != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "cột %s", p.Column)
	}
	if p.Value != "" {
		fmt.Fprintf(&b, ", “%s”", shorten(p.Value, 80))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Conversion records a cell converted from a legacy encoding.
type Conversion struct {
	Sheet    string `json:"sheet"`
	Row      int    `json:"row"`
	Column   string `json:"column"`
	From     string `json:"from"`
	To       string `json:"to"`
	Encoding string `json:"encoding"` // "TCVN3 (ABC)" or "VNI"
}

// Column is one column of a read sheet and the field it was mapped to.
type Column struct {
	Letter string `json:"letter"`
	Header string `json:"header"`
	Field  Field  `json:"field,omitempty"` // "" for an unknown column
}

// Sheet says how one sheet of the file was read.
type Sheet struct {
	Name      string   `json:"name"`
	HeaderRow int      `json:"header_row,omitempty"` // 0 when the sheet was skipped
	Columns   []Column `json:"columns,omitempty"`
	Rows      int      `json:"rows"`              // data rows read
	Skipped   string   `json:"skipped,omitempty"` // why the sheet was not read
}

// Row is one nominee read from the file.
type Row struct {
	Sheet      string                `json:"sheet"`
	Line       int                   `json:"line"` // 1-based row in the sheet
	Nomination khenthuong.Nomination `json:"nomination"`
	Invalid    bool                  `json:"invalid,omitempty"` // the row has an error
	// What a decision's list gives beside the nominee: its registry number
	// (số sổ vàng) and bonus in đồng, as written; a nomination takes neither.
	RegistryNo string `json:"registry_no,omitempty"`
	Amount     int64  `json:"amount,omitempty"`
	// An invalid row's cells as read (legacy text converted) and the
	// columns of its table, to send it back to the unit.
	cells []string
	cols  []Column
}

// Import is the result of reading a file: the rows and everything the clerk
// should see before confirming.
type Import struct {
	File      string       `json:"file"`
	Encoding  string       `json:"encoding,omitempty"` // of a CSV file: UTF-8, UTF-8 (BOM), UTF-16, Windows-1258
	Sheets    []Sheet      `json:"sheets"`
	Rows      []Row        `json:"rows"`
	Problems  []Problem    `json:"problems"`
	Converted []Conversion `json:"converted"`
	Unknown   []string     `json:"unknown_columns"` // "Sheet1: cột H “Ghi chú cũ”"
	// Mapping is the header mapping found in the file (header text → field),
	// ready to be corrected and saved for the unit's next file.
	Mapping Mapping `json:"mapping"`

	read int      // rows read, also those given to ReadOptions.OnRow
	dups dupIndex // what CheckDuplicates needs of each row
	// keepWarnings, when set, is how many warnings the duplicate check
	// keeps (KeepWarnings); droppedWarnings counts the others.
	keepWarnings, droppedWarnings int
}

// RowsRead is the number of rows read, whether kept in Rows or given to ReadOptions.OnRow.
func (im *Import) RowsRead() int { return im.read }

// Errors counts the problems that are errors.
func (im *Import) Errors() int { return im.count(SeverityError) }

// Warnings counts the problems that are warnings, also those KeepWarnings let go.
func (im *Import) Warnings() int { return im.count(SeverityWarning) + im.droppedWarnings }

func (im *Import) count(s Severity) int {
	n := 0
	for _, p := range im.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// sortProblems orders the problems as the file reads: file-level first,
// then by sheet, row and column.
func (im *Import) sortProblems() {
	sheet := map[string]int{"": -1}
	for i, s := range im.Sheets {
		if _, ok := sheet[s.Name]; !ok {
			sheet[s.Name] = i
		}
	}
	sort.SliceStable(im.Problems, func(a, b int) bool {
		pa, pb := &im.Problems[a], &im.Problems[b]
		if sa, sb := sheet[pa.Sheet], sheet[pb.Sheet]; sa != sb {
			return sa < sb
		}
		if pa.Row != pb.Row {
			return pa.Row < pb.Row
		}
		return columnIndex(pa.Column) < columnIndex(pb.Column)
	})
}

// Nominations returns every row's nomination, in file order.
func (im *Import) Nominations() []khenthuong.Nomination {
	ns := make([]khenthuong.Nomination, len(im.Rows))
	for i, r := range im.Rows {
		ns[i] = r.Nomination
	}
	return ns
}

// Valid returns the nominations of the rows without errors, in file order.
func (im *Import) Valid() []khenthuong.Nomination {
	ns := make([]khenthuong.Nomination, 0, len(im.Rows))
	for _, r := range im.Rows {
		if !r.Invalid {
			ns = append(ns, r.Nomination)
		}
	}
	return ns
}

// Read reads a unit's nomination list: .xlsx, .xlsm, .xls, .ods, .csv or .docx. A file that
// cannot be read at all is an error (EINVALID, with a message for the clerk);
// everything else is in the Import's problems.
func Read(path string, opts ReadOptions) (*Import, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".xls", ".xlsx", ".xlsm", ".ods", ".csv", ".txt", ".docx", ".doc":
	default:
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Chưa đọc được tệp “%s”: chỉ nhận tệp Excel .xlsx, .xlsm, .xls, bảng tính .ods, .csv hoặc văn bản Word .docx, .doc", filepath.Base(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, ReadFailure("tệp", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” lớn quá %d MB: hãy tách thành nhiều tệp", filepath.Base(path), MaxFileSize>>20)
	}
	name := filepath.Base(path)
	switch ext {
	case ".csv", ".txt":
		return ReadCSV(f, name, opts)
	case ".xls":
		return ReadXLS(f, name, opts)
	case ".ods":
		return ReadODS(f, name, opts)
	case ".docx":
		return ReadDOCX(f, name, opts)
	case ".doc":
		return ReadDOC(f, name, opts)
	}
	return ReadXLSX(f, name, opts)
}

// readLimited reads a whole file of at most MaxFileSize bytes.
func readLimited(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Không đọc được tệp “%s”: %v", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” lớn quá %d MB: hãy tách thành nhiều tệp", name, MaxFileSize>>20)
	}
	return data, nil
}

// errXLSPassword and errXLSOld explain the workbooks ReadXLS cannot read.
func errXLSPassword(name string) error {
	return khenthuong.Errorf(khenthuong.EINVALID,
		"Tệp “%s” có đặt mật khẩu, chương trình không đọc được: hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại", name)
}

func errXLSOld(name string) error {
	return khenthuong.Errorf(khenthuong.EINVALID,
		"Tệp “%s” là dạng Excel 5.0/95 trở về trước, chương trình chưa đọc được: hãy mở bằng Excel và lưu thành .xlsx (Tệp > Lưu thành > Sổ làm việc Excel)", name)
}

// shorten cuts s to n characters for messages.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
