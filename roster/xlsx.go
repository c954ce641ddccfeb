package roster

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// oleMagic starts a legacy .xls file and an encrypted .xlsx alike.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

const reasonHidden = "trang ẩn"

// ReadXLSX reads an .xlsx or .xlsm workbook: every visible sheet with a
// recognisable header row. name is the file name shown in the report.
func ReadXLSX(r io.Reader, name string, opts ReadOptions) (im *Import, err error) {
	data, err := readLimited(r, name)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, oleMagic) {
		return ReadXLS(bytes.NewReader(data), name, opts) // an .xls renamed, or a workbook with a password
	}
	if isODS(data) {
		return readODS(data, name, opts) // saved by LibreOffice, named .xlsx
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” không phải tệp Excel .xlsx (có thể tệp bị hỏng hoặc đổi đuôi)", name)
	}
	defer func() {
		// excelize parses untrusted XML; a bug there must not take the program down.
		if p := recover(); p != nil {
			slog.Error("roster: excelize panicked", "file", name, "panic", p)
			im, err = nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” bị hỏng, không đọc được: hãy mở bằng Excel và lưu lại thành .xlsx", name)
		}
	}()
	info, err := checkZip(data, name)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    zipLimits.total,
		UnzipXMLSizeLimit: zipLimits.xml,
	})
	if err != nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” bị hỏng hoặc không phải .xlsx: %v", name, err)
	}
	defer f.Close()
	rd := newReader(name, opts)
	legacyFonts := hasLegacyFont(f)
	hiddenCols := hiddenXLSXColumns(data)
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: sheet, Skipped: reasonHidden})
			continue
		}
		g, reason := readSheet(f, sheet, rd, hiddenCols[sheet], legacyFonts, info.maxMerges <= maxMergesToFill)
		if g == nil {
			rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: sheet, Skipped: reason})
			continue
		}
		rd.addGrid(g)
		if rd.failed != nil {
			return nil, rd.failed
		}
	}
	return rd.finish(), nil
}

// zipInfo is what checkZip learns about a workbook.
type zipInfo struct {
	maxMerges int // merged ranges of the sheet that has the most
}

// Merged ranges are filled down only in sheets this small with this few
// ranges: excelize resolves overlapping ranges in quadratic time and parses
// the whole sheet to list them.
const (
	maxMergesToFill   = 1000
	maxLinesToFill    = 5000
	mergeCellTag      = "mergeCell "
	mergeScanChunkLen = 64 << 10
)

// checkZip looks at the sizes the parts of the workbook declare before
// excelize unpacks them: it reserves memory for each part as declared, so a
// hostile file could otherwise make it reserve hundreds of megabytes. It
// also counts the merged ranges of each worksheet.
func checkZip(data []byte, name string) (zipInfo, error) {
	var info zipInfo
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return info, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” bị hỏng hoặc không phải .xlsx: %v", name, err)
	}
	if len(zr.File) > zipLimits.parts {
		return info, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” có quá nhiều thành phần (%d), không phải bảng tính thông thường", name, len(zr.File))
	}
	var total, inMemory uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		part := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		spills := (strings.HasPrefix(part, "xl/worksheets/sheet") || part == "xl/sharedstrings.xml") && size > uint64(zipLimits.xml)
		if !spills {
			inMemory += size
		}
	}
	if total > uint64(zipLimits.total) || inMemory > uint64(zipLimits.inMemory) {
		return info, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” giải nén ra quá lớn (%d MB): hãy tách thành nhiều tệp nhỏ hơn", name, total>>20)
	}
	for _, zf := range zr.File {
		part := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		if strings.HasPrefix(part, "xl/worksheets/") && strings.HasSuffix(part, ".xml") {
			info.maxMerges = max(info.maxMerges, countMerges(zf))
		}
	}
	return info, checkXMLParts(zr, name, xlsxSheetNames(zr))
}

// countMerges counts the <mergeCell> elements of a worksheet part, reading
// at most the size the part declares.
func countMerges(zf *zip.File) int {
	rc, err := zf.Open()
	if err != nil {
		return 0
	}
	defer rc.Close()
	r := io.LimitReader(rc, int64(min(zf.UncompressedSize64, uint64(zipLimits.total))))
	buf := make([]byte, mergeScanChunkLen+len(mergeCellTag))
	n, carry := 0, 0
	for {
		m, err := r.Read(buf[carry:])
		chunk := buf[:carry+m]
		n += bytes.Count(chunk, []byte(mergeCellTag))
		if err != nil {
			return n
		}
		// Keep the tail that may hold the start of a tag cut in two.
		carry = min(len(mergeCellTag)-1, len(chunk))
		copy(buf, chunk[len(chunk)-carry:])
		if n > maxMergesToFill {
			return n
		}
	}
}

// readSheet reads a sheet's cells raw (dates as serial numbers, so that the
// day-first reading is ours and not the number format's), capped in rows and
// columns. The rows come from excelize's stream and go through the first
// pass as they are read (sheetStream), unless the workbook has legacy fonts:
// a cell's font is found in the whole sheet, which excelize then holds
// anyway, and so does the grid.
func readSheet(f *excelize.File, sheet string, rd *reader, hiddenCols []int, legacyFonts, fillMerges bool) (*grid, string) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Sprintf("không đọc được (%v)", err)
	}
	defer rows.Close()
	g := &grid{name: sheet, hiddenCols: hiddenCols}
	add := func(cells []string) { g.lines = append(g.lines, cells) }
	var stream *sheetStream
	if !legacyFonts {
		stream = newSheetStream(rd, g)
		add = stream.add
		defer func() {
			if p := recover(); p != nil {
				stream.spool.close() // ReadXLSX recovers excelize's panics: the temporary file must not stay
				panic(p)
			}
		}()
	}
	maxLines := rd.opts.MaxRows + headerScanRows + 1000
	declared := declaredRows(f, sheet)
	raw := excelize.Options{RawCellValue: true}
	line, n := 1, 0 // n: the lines kept
	for ; rows.Next(); line++ {
		if line%progressEvery == 0 {
			rd.opts.progress(sheet, line, declared)
		}
		cols, err := rows.Columns(raw)
		if err != nil {
			rd.problem(sheet, line, "", "", SeverityError, "Không đọc được dòng này (%v): các dòng sau của trang bị bỏ qua", err)
			break
		}
		if n >= maxLines {
			if rowHasContent(cols) {
				rd.problem(sheet, line, "", "", SeverityError,
					"Trang dài quá %d dòng: chỉ đọc %d dòng đầu, hãy tách thành nhiều tệp", maxLines, maxLines)
				break
			}
			continue
		}
		if rows.GetRowOpts().Hidden {
			if g.hidden == nil {
				g.hidden = map[int]bool{}
			}
			g.hidden[n] = true
		}
		add(trimRow(cols))
		n++
	}
	if err := rows.Error(); err != nil {
		rd.problem(sheet, 0, "", "", SeverityError, "Trang đọc không hết (%v)", err)
	}
	rd.opts.progress(sheet, line-1, line-1)
	if fillMerges && n <= maxLinesToFill {
		g.merges = mergedRanges(f, sheet)
	}
	if stream != nil {
		stream.finish(g)
		return g, ""
	}
	fonts := map[int]string{}
	font := func(line, col int) string {
		cell, err := excelize.CoordinatesToCellName(col+1, line)
		if err != nil {
			return ""
		}
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			return ""
		}
		name, ok := fonts[id]
		if !ok {
			if st, err := f.GetStyle(id); err == nil && st != nil && st.Font != nil {
				name = st.Font.Family
			}
			fonts[id] = name
		}
		return name
	}
	g.font = font
	return g, ""
}

// mergedRanges lists the sheet's merged ranges that span several rows.
func mergedRanges(f *excelize.File, sheet string) []cellRange {
	mcs, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil
	}
	var out []cellRange
	for _, mc := range mcs {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil || r2 <= r1 {
			continue
		}
		out = append(out, cellRange{top: r1 - 1, left: c1 - 1, bottom: r2 - 1, right: c2 - 1})
	}
	return out
}

// hasLegacyFont reports whether any cell style of the workbook uses a
// TCVN3 (.VnTime...) or VNI font.
func hasLegacyFont(f *excelize.File) bool {
	for i := 0; i < 65536; i++ {
		st, err := f.GetStyle(i)
		if err != nil {
			return false
		}
		if st != nil && st.Font != nil && legacyFontName(st.Font.Family) {
			return true
		}
	}
	return false
}

// trimRow caps a row's columns and drops its empty tail; an empty row is nil.
func trimRow(cols []string) []string {
	n := min(len(cols), maxColumns)
	for n > 0 && cols[n-1] == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	if n < len(cols) {
		return append([]string(nil), cols[:n]...) // let go of a row padded out to column XFD
	}
	return cols
}

func rowHasContent(cols []string) bool {
	for _, v := range cols {
		if v != "" {
			return true
		}
	}
	return false
}

// declaredRows is the last row of the sheet's used range as the file declares
// it (the <dimension> element, read without parsing the sheet), or 0.
func declaredRows(f *excelize.File, sheet string) int {
	ref, err := f.GetSheetDimension(sheet)
	if err != nil || ref == "" {
		return 0
	}
	_, end, _ := strings.Cut(ref, ":")
	if end == "" {
		end = ref
	}
	_, row, err := excelize.CellNameToCoordinates(end)
	if err != nil {
		return 0
	}
	return row
}
