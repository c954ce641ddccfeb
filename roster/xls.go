package roster

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"strings"

	"github.com/richardlehane/mscfb"

	"khenthuong"
)

// ReadXLS reads an Excel 97–2003 workbook (.xls): the same sheets, cells,
// merged ranges and fonts as ReadXLSX reads from an .xlsx, so that a unit's
// list kept in the old format since the 2000s imports without re-saving.
// Excel 5.0/95 files and files with a password get a message saying how to
// re-save them. name is the file name shown in the report.
func ReadXLS(r io.Reader, name string, opts ReadOptions) (im *Import, err error) {
	data, err := readLimited(r, name)
	if err != nil {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return ReadXLSX(bytes.NewReader(data), name, opts) // an .xlsx (or .ods) renamed .xls
	case looksLikeSpreadsheetML(data):
		return readSpreadsheetML(data, name, opts) // Excel 2003's XML Spreadsheet
	case looksLikeHTML(data):
		return readHTML(data, name, opts) // a web page a "Xuất Excel" button made
	}
	defer func() {
		// The file is untrusted binary: a bug here must not take the program down.
		if p := recover(); p != nil {
			slog.Error("roster: .xls reader panicked", "file", name, "panic", p)
			im, err = nil, errXLSDamaged(name, fmt.Errorf("%v", p))
		}
	}()
	stream, err := workbookStream(data)
	if err != nil {
		return nil, xlsError(name, err)
	}
	book, err := readBIFFGlobals(stream)
	if err != nil {
		return nil, xlsError(name, err)
	}
	rd := newReader(name, opts)
	for i, sh := range book.sheets {
		switch {
		case i >= maxXLSSheets:
			rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: sh.name, Skipped: fmt.Sprintf("tệp có hơn %d trang", maxXLSSheets)})
			continue
		case sh.hidden:
			rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: sh.name, Skipped: reasonHidden})
			continue
		case !sh.worksheet:
			rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: sh.name, Skipped: "không phải trang bảng tính (biểu đồ hoặc macro)"})
			continue
		}
		g, reason := book.readSheet(stream, sh, rd)
		if g == nil {
			rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: sh.name, Skipped: reason})
			continue
		}
		rd.addGrid(g)
	}
	return rd.finish(), nil
}

// xlsError is the clerk's message for a workbook that cannot be read.
func xlsError(name string, err error) error {
	switch {
	case errors.Is(err, errBIFFEncrypted):
		return errXLSPassword(name)
	case errors.Is(err, errBIFFOld):
		return errXLSOld(name)
	}
	return errXLSDamaged(name, err)
}

func errXLSDamaged(name string, cause error) error {
	return khenthuong.Errorf(khenthuong.EINVALID,
		"Tệp “%s” bị hỏng hoặc không phải tệp Excel .xls (%v): hãy mở bằng Excel và lưu thành .xlsx", name, cause)
}

// maxXLSSheets bounds the sheets read: each is a pass over the stream from
// its own offset, and a damaged file could declare thousands.
const maxXLSSheets = 255

// maxWorkbookStream bounds the stream read out of the compound file: the
// file is at most MaxFileSize, and its stream cannot be larger.
const maxWorkbookStream = MaxFileSize

// workbookStream returns the "Workbook" stream of the compound file; a
// "Book" stream alone is Excel 5.0/95.
func workbookStream(data []byte) ([]byte, error) {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	old := false
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		switch entry.Name {
		case "EncryptedPackage": // an .xlsx with a password
			return nil, errBIFFEncrypted
		case "Workbook":
			if entry.Size > maxWorkbookStream {
				return nil, fmt.Errorf("phần dữ liệu lớn bất thường (%d byte)", entry.Size)
			}
			return io.ReadAll(io.LimitReader(entry, maxWorkbookStream))
		case "Book":
			old = true
		}
	}
	if old {
		return nil, errBIFFOld
	}
	return nil, errors.New("không có phần dữ liệu bảng tính")
}

// biffBook is what the workbook globals say.
type biffBook struct {
	sheets  []biffSheet
	strings []string // the shared string table
	fonts   []string // font names, by font index
	xfFont  []int    // font index of each cell format
	legacy  bool     // a font is .VnTime-like or VNI: cells' fonts are worth looking up
}

type biffSheet struct {
	name      string
	offset    int // of the sheet's BOF record in the stream
	hidden    bool
	worksheet bool
}

func readBIFFGlobals(stream []byte) (*biffBook, error) {
	if len(stream) < 8 || binary.LittleEndian.Uint16(stream) != recBOF {
		return nil, errors.New("không bắt đầu bằng bản ghi BOF")
	}
	if v := binary.LittleEndian.Uint16(stream[4:]); v != biff8Version {
		return nil, errBIFFOld
	}
	b := &biffBook{}
	err := biffRecords(stream, 0, func(r biffRecord) error {
		switch r.typ {
		case recFilePass:
			return errBIFFEncrypted
		case recBoundSheet:
			if len(r.data) < 8 {
				return errBIFFTruncated
			}
			name, err := biffString(r.data[6:], 1)
			if err != nil {
				return err
			}
			b.sheets = append(b.sheets, biffSheet{
				name:      name,
				offset:    int(binary.LittleEndian.Uint32(r.data)),
				hidden:    r.data[4]&0x03 != 0,
				worksheet: r.data[5] == 0,
			})
		case recFont:
			name := ""
			if len(r.data) > 14 {
				name, _ = biffString(r.data[14:], 1)
			}
			b.fonts = append(b.fonts, name)
			if legacyFontName(name) {
				b.legacy = true
			}
		case recXF:
			if len(r.data) < 2 {
				return errBIFFTruncated
			}
			b.xfFont = append(b.xfFont, int(binary.LittleEndian.Uint16(r.data)))
		case recSST:
			strs, err := readSST(r)
			if err != nil {
				return err
			}
			b.strings = strs
		}
		return nil
	})
	return b, err
}

// readSST reads the shared string table.
func readSST(r biffRecord) ([]string, error) {
	c := newBIFFCursor(r)
	if _, err := c.u32(); err != nil { // total references
		return nil, err
	}
	unique, err := c.u32()
	if err != nil {
		return nil, err
	}
	// The count is the file's word: never reserve more than the record can hold.
	out := make([]string, 0, min(unique, len(r.data)+len(r.conts)*8224))
	for i := 0; i < unique; i++ {
		cch, err := c.u16()
		if err != nil {
			return out, nil // a short table: the cells that use the rest read as empty
		}
		s, err := c.str(cch)
		if err != nil {
			return out, nil
		}
		out = append(out, s)
	}
	return out, nil
}

// fontOf is the font name of a cell format.
func (b *biffBook) fontOf(xf int) string {
	if xf < 0 || xf >= len(b.xfFont) {
		return ""
	}
	i := b.xfFont[xf]
	if i >= 4 {
		i-- // font index 4 does not exist in BIFF: the list skips it
	}
	if i < 0 || i >= len(b.fonts) {
		return ""
	}
	return b.fonts[i]
}

// readSheet reads one worksheet into a grid, as readSheet does for .xlsx.
func (b *biffBook) readSheet(stream []byte, sh biffSheet, rd *reader) (*grid, string) {
	if sh.offset <= 0 || sh.offset+4 > len(stream) || binary.LittleEndian.Uint16(stream[sh.offset:]) != recBOF {
		return nil, "không tìm thấy dữ liệu của trang"
	}
	maxLines := rd.opts.MaxRows + headerScanRows + 1000
	var lines [][]string
	var xfs map[[2]int]int // the cell format of each cell, when fonts matter
	if b.legacy {
		xfs = map[[2]int]int{}
	}
	var merges []cellRange
	declared := 0 // rows the sheet declares (DIMENSIONS)
	var hidden map[int]bool
	var hiddenCols []int
	tooLong := false
	set := func(row, col, xf int, v string) {
		if row >= maxLines || col >= maxColumns || col < 0 {
			if row >= maxLines && v != "" {
				tooLong = true
			}
			return
		}
		for len(lines) <= row {
			lines = append(lines, nil)
			if len(lines)%progressEvery == 0 {
				rd.opts.progress(sh.name, len(lines), declared)
			}
		}
		for len(lines[row]) <= col {
			lines[row] = append(lines[row], "")
		}
		lines[row][col] = v // a BIFF string holds at most 32,767 characters; rows.go reports long cells
		if xfs != nil {
			xfs[[2]int{row, col}] = xf
		}
	}
	pendingFormula := [3]int{-1, -1, -1} // row, col, xf of a formula whose string result follows
	err := biffRecords(stream, sh.offset, func(r biffRecord) error {
		d := r.data
		cell := func() (row, col, xf int, ok bool) {
			if len(d) < 6 {
				return 0, 0, 0, false
			}
			return int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:])), int(binary.LittleEndian.Uint16(d[4:])), true
		}
		switch r.typ {
		case recRow:
			// fDyZero: the row is hidden (or filtered out).
			if len(d) >= 14 && binary.LittleEndian.Uint16(d[12:])&0x0020 != 0 {
				if hidden == nil {
					hidden = map[int]bool{}
				}
				hidden[int(binary.LittleEndian.Uint16(d))] = true
			}
		case recColInfo:
			// fHidden on a range of columns.
			if len(d) >= 10 && binary.LittleEndian.Uint16(d[8:])&0x0001 != 0 {
				first, last := int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
				for c := first; c <= min(last, maxColumns-1); c++ {
					hiddenCols = append(hiddenCols, c)
				}
			}
		case recDimensions:
			if len(d) >= 8 {
				declared = int(binary.LittleEndian.Uint32(d[4:])) // one past the last row
			}
		case recLabelSST:
			if row, col, xf, ok := cell(); ok && len(d) >= 10 {
				if i := int(binary.LittleEndian.Uint32(d[6:])); i < len(b.strings) {
					set(row, col, xf, b.strings[i])
				}
			}
		case recLabel:
			if row, col, xf, ok := cell(); ok && len(d) > 8 {
				if s, err := biffString(d[6:], 2); err == nil {
					set(row, col, xf, s)
				}
			}
		case recNumber:
			if row, col, xf, ok := cell(); ok && len(d) >= 14 {
				set(row, col, xf, biffNumber(float64frombits(d[6:])))
			}
		case recRK:
			if row, col, xf, ok := cell(); ok && len(d) >= 10 {
				set(row, col, xf, biffNumber(rkNumber(binary.LittleEndian.Uint32(d[6:]))))
			}
		case recMulRK:
			if len(d) < 6 {
				return nil
			}
			row, col := int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
			for p := 4; p+6 <= len(d)-2; p += 6 {
				xf := int(binary.LittleEndian.Uint16(d[p:]))
				set(row, col, xf, biffNumber(rkNumber(binary.LittleEndian.Uint32(d[p+2:]))))
				col++
			}
		case recBoolErr:
			if row, col, xf, ok := cell(); ok && len(d) >= 8 {
				set(row, col, xf, boolOrError(d[6], d[7] != 0))
			}
		case recFormula:
			row, col, xf, ok := cell()
			if !ok || len(d) < 14 {
				return nil
			}
			res := d[6:14]
			if res[6] != 0xFF || res[7] != 0xFF {
				set(row, col, xf, biffNumber(float64frombits(res)))
				return nil
			}
			switch res[0] {
			case 0: // a string: the STRING record that follows holds it
				pendingFormula = [3]int{row, col, xf}
				return nil
			case 1:
				set(row, col, xf, boolOrError(res[2], false))
			case 2:
				set(row, col, xf, boolOrError(res[2], true))
			}
		case recString:
			if pendingFormula[0] >= 0 && len(d) > 2 {
				if s, err := biffString(d, 2); err == nil {
					set(pendingFormula[0], pendingFormula[1], pendingFormula[2], s)
				}
			}
		case recMergedCells:
			if len(d) < 2 {
				return nil
			}
			n := int(binary.LittleEndian.Uint16(d))
			for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
				p := d[2+8*i:]
				top, bottom := int(binary.LittleEndian.Uint16(p)), int(binary.LittleEndian.Uint16(p[2:]))
				left, right := int(binary.LittleEndian.Uint16(p[4:])), int(binary.LittleEndian.Uint16(p[6:]))
				if bottom > top && len(merges) < maxMergesToFill {
					merges = append(merges, cellRange{top: top, left: left, bottom: bottom, right: right})
				}
			}
		}
		if r.typ != recFormula && r.typ != recString {
			pendingFormula = [3]int{-1, -1, -1}
		}
		return nil
	})
	if err != nil {
		rd.problem(sh.name, 0, "", "", SeverityError, "Trang đọc không hết (%v)", err)
	}
	if tooLong {
		rd.problem(sh.name, maxLines+1, "", "", SeverityError,
			"Trang dài quá %d dòng: chỉ đọc %d dòng đầu, hãy tách thành nhiều tệp", maxLines, maxLines)
	}
	for i, l := range lines {
		lines[i] = trimRow(l)
	}
	rd.opts.progress(sh.name, len(lines), len(lines))
	g := &grid{name: sh.name, lines: lines, hidden: hidden, hiddenCols: hiddenCols}
	if len(lines) <= maxLinesToFill {
		g.merges = merges
	}
	if xfs != nil {
		g.font = func(line, col int) string {
			xf, ok := xfs[[2]int{line - 1, col}]
			if !ok {
				xf = 0x0F // the default cell format
			}
			return b.fontOf(xf)
		}
	}
	return g, ""
}

func float64frombits(b []byte) float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

// boolOrError is the text of a boolean or error cell.
func boolOrError(v byte, isError bool) string {
	switch {
	case isError:
		return biffError(v)
	case v != 0:
		return "TRUE"
	}
	return "FALSE"
}

// legacyFontName reports whether a font is one of the TCVN3 (.VnTime…) or
// VNI (VNI-Times…) fonts whose text needs converting.
func legacyFontName(name string) bool {
	fam := strings.ToLower(strings.TrimSpace(name))
	return strings.HasPrefix(fam, ".vn") || strings.HasPrefix(fam, "vni")
}
