package roster

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"unicode/utf16"
)

// The Excel 97–2003 binary format (BIFF8), as far as a nomination list needs
// it: sheet names and visibility, cell values (shared strings, labels,
// numbers, formula results, errors), merged ranges and the font of each cell
// (".VnTime" marks TCVN3 text). Layout per [MS-XLS].

// BIFF record types read here.
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recDateMode    = 0x0022
	recFilePass    = 0x002F
	recFont        = 0x0031
	recContinue    = 0x003C
	recColInfo     = 0x007D
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recXF          = 0x00E0
	recDimensions  = 0x0200
	recRow         = 0x0208
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recBOF         = 0x0809
)

const biff8Version = 0x0600

var (
	errBIFFTruncated = errors.New("bản ghi bị cắt cụt")
	errBIFFEncrypted = errors.New("tệp có đặt mật khẩu")
	errBIFFOld       = errors.New("dạng Excel 5.0/95 trở về trước")
)

// biffRecord is one record of the workbook stream; data is followed by the
// data of the CONTINUE records after it, kept apart because strings restart
// their flags at each boundary.
type biffRecord struct {
	typ   uint16
	data  []byte
	conts [][]byte
}

// biffRecords splits a stream into records from offset, stopping at the EOF
// record of the substream that starts there.
func biffRecords(stream []byte, offset int, each func(r biffRecord) error) error {
	depth := 0
	for pos := offset; pos+4 <= len(stream); {
		typ := binary.LittleEndian.Uint16(stream[pos:])
		size := int(binary.LittleEndian.Uint16(stream[pos+2:]))
		pos += 4
		if pos+size > len(stream) {
			return errBIFFTruncated
		}
		rec := biffRecord{typ: typ, data: stream[pos : pos+size]}
		pos += size
		for pos+4 <= len(stream) && binary.LittleEndian.Uint16(stream[pos:]) == recContinue {
			n := int(binary.LittleEndian.Uint16(stream[pos+2:]))
			if pos+4+n > len(stream) {
				return errBIFFTruncated
			}
			rec.conts = append(rec.conts, stream[pos+4:pos+4+n])
			pos += 4 + n
		}
		switch typ {
		case recBOF:
			depth++ // a chart embedded in a sheet has its own BOF…EOF
		case recEOF:
			depth--
			if depth <= 0 {
				return nil
			}
			continue
		}
		if err := each(rec); err != nil {
			return err
		}
	}
	return nil
}

// biffCursor reads across a record and its CONTINUE records.
type biffCursor struct {
	segs [][]byte
	seg  int
	pos  int
}

func newBIFFCursor(r biffRecord) *biffCursor {
	return &biffCursor{segs: append([][]byte{r.data}, r.conts...)}
}

// next moves to the next segment when the current one is used up.
func (c *biffCursor) next() bool {
	for c.seg < len(c.segs) && c.pos >= len(c.segs[c.seg]) {
		c.seg++
		c.pos = 0
	}
	return c.seg < len(c.segs)
}

func (c *biffCursor) bytes(n int) ([]byte, error) {
	out := make([]byte, 0, n)
	for len(out) < n {
		if !c.next() {
			return nil, errBIFFTruncated
		}
		seg := c.segs[c.seg]
		k := min(n-len(out), len(seg)-c.pos)
		out = append(out, seg[c.pos:c.pos+k]...)
		c.pos += k
	}
	return out, nil
}

func (c *biffCursor) skip(n int) error {
	for n > 0 {
		if !c.next() {
			return errBIFFTruncated
		}
		k := min(n, len(c.segs[c.seg])-c.pos)
		c.pos += k
		n -= k
	}
	return nil
}

func (c *biffCursor) u8() (int, error) {
	b, err := c.bytes(1)
	if err != nil {
		return 0, err
	}
	return int(b[0]), nil
}

func (c *biffCursor) u16() (int, error) {
	b, err := c.bytes(2)
	if err != nil {
		return 0, err
	}
	return int(binary.LittleEndian.Uint16(b)), nil
}

func (c *biffCursor) u32() (int, error) {
	b, err := c.bytes(4)
	if err != nil {
		return 0, err
	}
	return int(binary.LittleEndian.Uint32(b)), nil
}

// str reads an XLUnicodeRichExtendedString of cch characters whose flags
// byte comes next: 8-bit (Latin-1) or UTF-16 characters, which may continue
// in the next segment with a fresh flags byte, then formatting runs and
// phonetic data that are skipped.
func (c *biffCursor) str(cch int) (string, error) {
	flags, err := c.u8()
	if err != nil {
		return "", err
	}
	var runs, ext int
	if flags&0x08 != 0 {
		if runs, err = c.u16(); err != nil {
			return "", err
		}
	}
	if flags&0x04 != 0 {
		if ext, err = c.u32(); err != nil {
			return "", err
		}
	}
	units := make([]uint16, 0, cch)
	wide := flags&0x01 != 0
	for {
		if c.seg < len(c.segs) {
			seg := c.segs[c.seg]
			if wide {
				for c.pos+1 < len(seg) && len(units) < cch {
					units = append(units, binary.LittleEndian.Uint16(seg[c.pos:]))
					c.pos += 2
				}
			} else {
				for c.pos < len(seg) && len(units) < cch {
					units = append(units, uint16(seg[c.pos]))
					c.pos++
				}
			}
		}
		if len(units) == cch {
			break
		}
		// The characters go on in the next CONTINUE record, which starts
		// with its own flags byte: 8-bit or UTF-16 for the rest.
		c.seg++
		c.pos = 0
		if c.seg >= len(c.segs) || len(c.segs[c.seg]) == 0 {
			return "", errBIFFTruncated
		}
		wide = c.segs[c.seg][0]&0x01 != 0
		c.pos = 1
	}
	if err := c.skip(4*runs + ext); err != nil {
		return "", err
	}
	return string(utf16.Decode(units)), nil
}

// biffString reads the string at the start of b with a length field of
// lenBytes (1 for sheet and font names, 2 for labels).
func biffString(b []byte, lenBytes int) (string, error) {
	c := &biffCursor{segs: [][]byte{b}}
	var cch int
	var err error
	if lenBytes == 1 {
		cch, err = c.u8()
	} else {
		cch, err = c.u16()
	}
	if err != nil {
		return "", err
	}
	return c.str(cch)
}

// rkNumber decodes an RK value: a 30-bit integer or the top of a float64,
// either possibly divided by 100.
func rkNumber(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// biffNumber writes a number as excelize's raw value would: 1975, 29221, 1.5.
func biffNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// biffError is the text Excel shows for an error code.
func biffError(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#N/A"
}
