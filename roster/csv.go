package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"khenthuong"
	"khenthuong/vntext"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads a CSV list: separator ";", "," or tab (found from the file, or
// from Excel's "sep=;" first line), UTF-8 with or without a BOM, UTF-16 with
// a BOM (Excel's "Unicode Text"), or Windows-1258 bytes from old Excel on
// Vietnamese Windows. name is the file name shown in the report; the one
// sheet is named after it. A file (an io.ReadSeeker) is read as a stream,
// a few times over: memory holds a window of its lines, not the file.
func ReadCSV(r io.Reader, name string, opts ReadOptions) (*Import, error) {
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		data, err := readLimited(r, name)
		if err != nil {
			return nil, err
		}
		rs = bytes.NewReader(data)
	}
	size, err := rs.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Không đọc được tệp “%s”: %v", name, err)
	}
	if size > MaxFileSize {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” lớn quá %d MB: hãy tách thành nhiều tệp", name, MaxFileSize>>20)
	}
	src := &csvSource{rs: rs, name: name}
	head, err := src.head(64 << 10)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(head, oleMagic) {
		data, err := src.all()
		if err != nil {
			return nil, err
		}
		return ReadXLS(bytes.NewReader(data), name, opts) // an .xls renamed, or a workbook with a password
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” là tệp Excel .xlsx mang đuôi .csv: hãy đổi đuôi thành .xlsx", name)
	}
	enc, err := src.detect(head)
	if err != nil {
		return nil, err
	}
	if err := src.checkLimits(); err != nil {
		return nil, err
	}
	rd := newReader(name, opts)
	rd.im.Encoding = enc
	text, sep, err := src.records()
	if err != nil {
		return nil, err
	}
	g := &grid{name: name}
	sh := newSheetStream(rd, g)
	n, perr := parseCSVStream(text, sep, rd.opts.MaxRows+headerScanRows+1000, sh.add)
	if perr != "" {
		rd.problem(name, n+1, "", "", SeverityError, "%s", perr)
	}
	if src.err != nil {
		sh.spool.close()
		return nil, src.err
	}
	rd.opts.progress(name, n, n)
	sh.finish(g)
	rd.addGrid(g)
	if rd.failed != nil {
		return nil, rd.failed
	}
	return rd.finish(), nil
}

// decodeCSV turns the file's bytes into text and names the encoding found.
func decodeCSV(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return string(data[len(utf8BOM):]), "UTF-8 (BOM)"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(data); err == nil {
			return string(out), "UTF-16"
		}
	}
	if vntext.LooksLikeUTF8(data) {
		return string(data), "UTF-8"
	}
	// 8-bit text: Windows-1258, or TCVN3 / VNI bytes from a workbook typed
	// in .VnTime or VNI-Times fonts. The latter are kept as Excel would show
	// them, for the cell-by-cell conversion to recognise.
	if view := cp1252View(data); mostlyLegacy(view) {
		return view, "8 bit (TCVN3/VNI)"
	}
	return vntext.DecodeWindows1258(data), "Windows-1258"
}

// cp1252View reads bytes as Windows-1252 (Excel's view of TCVN3 and VNI
// text), keeping the five bytes cp1252 leaves undefined as C1 characters.
func cp1252View(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/2)
	for _, c := range data {
		r := rune(c)
		if c >= 0x80 && c <= 0x9F {
			if d := charmap.Windows1252.DecodeByte(c); d != utf8.RuneError {
				r = d
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mostlyLegacy reports whether most fields with non-ASCII text in the start
// of a file read as TCVN3 or VNI.
func mostlyLegacy(text string) bool {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	legacy, other := 0, 0
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\t' || r == '\n' || r == '\r' || r == '"' }) {
		if isASCII(f) {
			continue
		}
		if vntext.DetectEncoding(f, "") != vntext.Unicode {
			legacy++
		} else {
			other++
		}
	}
	return legacy > 0 && legacy >= other
}

// parseCSV parses text into rows numbered as Excel numbers them when it
// opens the file (blank lines are rows; a quoted line break is not).
func parseCSV(text string, sep rune, maxLines int) ([][]string, string) {
	var lines [][]string
	_, perr := parseCSVStream(strings.NewReader(text), sep, maxLines, func(l []string) { lines = append(lines, l) })
	return lines, perr
}

// parseCSVStream gives the rows of a CSV text to add, at most maxLines; it
// returns how many it gave and, when the text is not CSV from some point,
// why the rest was left.
func parseCSVStream(text io.Reader, sep rune, maxLines int, add func([]string)) (int, string) {
	cr := newCSVReader(text, sep)
	n := 0
	nextLine := 1 // physical line where the next record would start without blank lines
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return n, ""
		}
		if err != nil {
			return n, "Tệp CSV sai dạng từ đây (" + err.Error() + "): các dòng sau bị bỏ qua"
		}
		start, _ := cr.FieldPos(0)
		for ; nextLine < start; nextLine++ {
			add(nil) // blank lines csv skips
			n++
		}
		span := 1
		for _, f := range rec {
			span += strings.Count(f, "\n")
		}
		nextLine = start + span
		if n >= maxLines {
			if rowHasContent(rec) {
				return n, "Tệp dài quá giới hạn số dòng: chỉ đọc phần đầu, hãy tách thành nhiều tệp"
			}
			continue
		}
		add(trimRow(rec))
		n++
	}
}

func newCSVReader(text io.Reader, sep rune) *csv.Reader {
	cr := csv.NewReader(text)
	cr.Comma = sep
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	return cr
}

// detectSeparator picks the separator that splits the first records into the
// same number of fields most consistently: ";" files often hold commas in
// their text ("Chức vụ, đơn vị công tác").
func detectSeparator(open func() io.Reader) rune {
	best, bestScore, bestWidth := ';', -1, 0
	for _, sep := range []rune{';', ',', '\t', '|'} {
		cr := newCSVReader(open(), sep)
		counts := map[int]int{}
		for i := 0; i < 30; i++ {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			if n := len(rec); n > 1 {
				counts[n]++
			}
		}
		score, width := 0, 0
		for n, c := range counts {
			if c > score || c == score && n > width {
				score, width = c, n
			}
		}
		if score > bestScore || score == bestScore && width > bestWidth {
			best, bestScore, bestWidth = sep, score, width
		}
	}
	return best
}
