package roster

import (
	"bytes"
	"encoding/binary"
	"math"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// A small writer of Excel 97–2003 files for the tests: the BIFF8 records a
// unit's list uses, in the compound file container, with the shared strings
// split over CONTINUE records the way Excel splits them.

// xlsCell is one cell: a string, an int or float64 number, an error
// (xlsErr), or a formula result string (xlsFormulaText).
type xlsCell struct {
	row, col int
	value    any
	font     int // index into xlsBook.fonts; 0 is Arial
}

type (
	xlsErr         byte
	xlsFormulaText string
)

type xlsSheetSpec struct {
	name       string
	hidden     bool
	hiddenRows []int // 0-based
	hiddenCols []int // 0-based
	cells      []xlsCell
	merges     [][4]int // top, bottom, left, right (0-based)
}

type xlsBook struct {
	fonts  []string // font names; fonts[0] is the default
	sheets []xlsSheetSpec
}

func rec(typ uint16, data []byte) []byte {
	out := binary.LittleEndian.AppendUint16(nil, typ)
	out = binary.LittleEndian.AppendUint16(out, uint16(len(data)))
	return append(out, data...)
}

// wideOrNarrow returns the flags byte and character bytes of s: 8-bit when
// every character fits, UTF-16 otherwise.
func wideOrNarrow(s string) (byte, []byte, int) {
	units := utf16.Encode([]rune(s))
	narrow := true
	for _, u := range units {
		if u > 0xFF {
			narrow = false
		}
	}
	var b []byte
	if narrow {
		for _, u := range units {
			b = append(b, byte(u))
		}
		return 0, b, len(units)
	}
	for _, u := range units {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return 1, b, len(units)
}

func shortString(s string) []byte {
	flags, chars, n := wideOrNarrow(s)
	return append([]byte{byte(n), flags}, chars...)
}

func longString(s string) []byte {
	flags, chars, n := wideOrNarrow(s)
	return append(binary.LittleEndian.AppendUint16(nil, uint16(n)), append([]byte{flags}, chars...)...)
}

// sstRecords writes the shared strings with records of at most limit bytes
// of data, splitting a string's characters over a CONTINUE record that
// starts with the flags byte, as Excel does.
func sstRecords(strs []string, limit int) []byte {
	var segs [][]byte
	cur := binary.LittleEndian.AppendUint32(nil, uint32(len(strs)))
	cur = binary.LittleEndian.AppendUint32(cur, uint32(len(strs)))
	flush := func() {
		segs = append(segs, cur)
		cur = nil
	}
	for _, s := range strs {
		flags, chars, n := wideOrNarrow(s)
		if len(cur)+3 > limit { // the header is never split
			flush()
		}
		cur = binary.LittleEndian.AppendUint16(cur, uint16(n))
		cur = append(cur, flags)
		width := 1 + int(flags)
		for len(chars) > 0 {
			room := (limit - len(cur)) / width * width
			if room <= 0 {
				flush()
				cur = append(cur, flags)
				continue
			}
			k := min(room, len(chars))
			cur = append(cur, chars[:k]...)
			chars = chars[k:]
			if len(chars) > 0 {
				flush()
				cur = append(cur, flags)
			}
		}
	}
	flush()
	out := rec(recSST, segs[0])
	for _, s := range segs[1:] {
		out = append(out, rec(recContinue, s)...)
	}
	return out
}

func cellHeader(c xlsCell) []byte {
	b := binary.LittleEndian.AppendUint16(nil, uint16(c.row))
	b = binary.LittleEndian.AppendUint16(b, uint16(c.col))
	return binary.LittleEndian.AppendUint16(b, uint16(c.font+1)) // XF i+1 uses font i; XF 0 is the default
}

// xlsStream builds the workbook stream.
func (bk xlsBook) xlsStream(sstLimit int) []byte {
	fonts := bk.fonts
	if len(fonts) == 0 {
		fonts = []string{"Arial"}
	}
	var strs []string
	index := map[string]int{}
	for _, sh := range bk.sheets {
		for _, c := range sh.cells {
			if s, ok := c.value.(string); ok {
				if _, seen := index[s]; !seen {
					index[s] = len(strs)
					strs = append(strs, s)
				}
			}
		}
	}
	bof := func(dt uint16) []byte {
		d := binary.LittleEndian.AppendUint16(nil, biff8Version)
		d = binary.LittleEndian.AppendUint16(d, dt)
		return rec(recBOF, append(d, make([]byte, 12)...))
	}
	var globals []byte
	globals = append(globals, bof(0x0005)...)
	// Font indices skip 4: the fifth FONT record is font 5.
	for _, f := range fonts {
		globals = append(globals, rec(recFont, append(make([]byte, 14), shortString(f)...))...)
	}
	xfFontIndex := func(i int) uint16 {
		if i >= 4 {
			return uint16(i + 1)
		}
		return uint16(i)
	}
	globals = append(globals, rec(recXF, append(binary.LittleEndian.AppendUint16(nil, 0), make([]byte, 18)...))...)
	for i := range fonts {
		globals = append(globals, rec(recXF, append(binary.LittleEndian.AppendUint16(nil, xfFontIndex(i)), make([]byte, 18)...))...)
	}
	var sheetRecs [][]byte
	var boundOffsets []int // where each BOUNDSHEET's offset field is in globals
	for _, sh := range bk.sheets {
		boundOffsets = append(boundOffsets, len(globals)+4)
		d := make([]byte, 6)
		if sh.hidden {
			d[4] = 1
		}
		globals = append(globals, rec(recBoundSheet, append(d, shortString(sh.name)...))...)
	}
	globals = append(globals, sstRecords(strs, sstLimit)...)
	globals = append(globals, rec(recEOF, nil)...)

	for _, sh := range bk.sheets {
		var s []byte
		s = append(s, bof(0x0010)...)
		last := 0
		for _, c := range sh.cells {
			last = max(last, c.row+1)
		}
		dim := binary.LittleEndian.AppendUint32(nil, 0)
		dim = binary.LittleEndian.AppendUint32(dim, uint32(last))
		s = append(s, rec(recDimensions, append(dim, make([]byte, 6)...))...)
		for _, c := range sh.hiddenCols {
			d := binary.LittleEndian.AppendUint16(nil, uint16(c))
			d = binary.LittleEndian.AppendUint16(d, uint16(c))
			d = binary.LittleEndian.AppendUint16(d, 2560)   // width
			d = binary.LittleEndian.AppendUint16(d, 0x0F)   // cell format
			d = binary.LittleEndian.AppendUint16(d, 0x0001) // fHidden
			d = binary.LittleEndian.AppendUint16(d, 0)
			s = append(s, rec(recColInfo, d)...)
		}
		for _, r := range sh.hiddenRows {
			d := binary.LittleEndian.AppendUint16(nil, uint16(r))
			d = append(d, make([]byte, 10)...)
			d = binary.LittleEndian.AppendUint16(d, 0x0020) // fDyZero
			d = binary.LittleEndian.AppendUint16(d, 0x0F)
			s = append(s, rec(recRow, d)...)
		}
		for _, c := range sh.cells {
			h := cellHeader(c)
			switch v := c.value.(type) {
			case string:
				s = append(s, rec(recLabelSST, binary.LittleEndian.AppendUint32(h, uint32(index[v])))...)
			case int:
				rk := uint32(int32(v)<<2) | 0x02
				s = append(s, rec(recRK, binary.LittleEndian.AppendUint32(h, rk))...)
			case float64:
				s = append(s, rec(recNumber, binary.LittleEndian.AppendUint64(h, math.Float64bits(v)))...)
			case xlsErr:
				s = append(s, rec(recBoolErr, append(h, byte(v), 1))...)
			case xlsFormulaText:
				res := []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}
				d := append(append(h, res...), make([]byte, 6)...)
				s = append(s, rec(recFormula, d)...)
				s = append(s, rec(recString, longString(string(v)))...)
			}
		}
		if len(sh.merges) > 0 {
			d := binary.LittleEndian.AppendUint16(nil, uint16(len(sh.merges)))
			for _, m := range sh.merges {
				for _, v := range m {
					d = binary.LittleEndian.AppendUint16(d, uint16(v))
				}
			}
			s = append(s, rec(recMergedCells, d)...)
		}
		s = append(s, rec(recEOF, nil)...)
		sheetRecs = append(sheetRecs, s)
	}
	stream := globals
	for i, s := range sheetRecs {
		binary.LittleEndian.PutUint32(stream[boundOffsets[i]:], uint32(len(stream)))
		stream = append(stream, s...)
	}
	return stream
}

// compoundFile wraps a stream named "Workbook" in an OLE2 compound file
// (version 3, 512-byte sectors, the stream padded out of the mini stream).
func compoundFile(streamName string, stream []byte) []byte {
	const sector = 512
	const endOfChain, fatSect, freeSect, noStream = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
	data := append([]byte(nil), stream...)
	for len(data) < 4096 || len(data)%sector != 0 {
		data = append(data, 0)
	}
	streamSectors := len(data) / sector
	fatSectors := 1
	for (streamSectors+fatSectors+1+127)/128 > fatSectors {
		fatSectors++
	}
	dirSector := streamSectors + fatSectors
	fat := make([]uint32, fatSectors*128)
	for i := range fat {
		fat[i] = freeSect
	}
	for i := 0; i < streamSectors; i++ {
		fat[i] = uint32(i + 1)
	}
	fat[streamSectors-1] = endOfChain
	for i := 0; i < fatSectors; i++ {
		fat[streamSectors+i] = fatSect
	}
	fat[dirSector] = endOfChain

	var h bytes.Buffer
	h.Write(oleMagic)
	h.Write(make([]byte, 16))
	le := func(v any) { _ = binary.Write(&h, binary.LittleEndian, v) }
	le(uint16(0x003E))
	le(uint16(0x0003))
	le(uint16(0xFFFE))
	le(uint16(9))
	le(uint16(6))
	h.Write(make([]byte, 6))
	le(uint32(0))
	le(uint32(fatSectors))
	le(uint32(dirSector))
	le(uint32(0))
	le(uint32(4096))
	le(uint32(endOfChain))
	le(uint32(0))
	le(uint32(endOfChain))
	le(uint32(0))
	for i := 0; i < 109; i++ {
		if i < fatSectors {
			le(uint32(streamSectors + i))
		} else {
			le(uint32(freeSect))
		}
	}

	entry := func(name string, typ byte, child, start uint32, size uint64) []byte {
		e := make([]byte, 128)
		units := utf16.Encode([]rune(name))
		for i, u := range units {
			binary.LittleEndian.PutUint16(e[2*i:], u)
		}
		if name != "" {
			binary.LittleEndian.PutUint16(e[64:], uint16(2*len(units)+2))
		}
		e[66], e[67] = typ, 1
		binary.LittleEndian.PutUint32(e[68:], noStream)
		binary.LittleEndian.PutUint32(e[72:], noStream)
		binary.LittleEndian.PutUint32(e[76:], child)
		binary.LittleEndian.PutUint32(e[116:], start)
		binary.LittleEndian.PutUint64(e[120:], size)
		return e
	}
	var dir []byte
	dir = append(dir, entry("Root Entry", 5, 1, endOfChain, 0)...)
	dir = append(dir, entry(streamName, 2, noStream, 0, uint64(len(data)))...)
	dir = append(dir, entry("", 0, noStream, 0, 0)...)
	dir = append(dir, entry("", 0, noStream, 0, 0)...)

	out := h.Bytes()
	out = append(out, data...)
	for _, v := range fat {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return append(out, dir...)
}

// xlsFile writes the book as an .xls file and returns its path.
func xlsFile(t testing.TB, dir, name string, bk xlsBook) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := writeFile(path, compoundFile("Workbook", bk.xlsStream(8224))); err != nil {
		t.Fatal(err)
	}
	return path
}
