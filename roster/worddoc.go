package roster

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"

	"khenthuong"
)

// Word 97–2003 documents (.doc): the text of the main document through the
// piece table, and tables told from paragraphs by the paragraph properties
// (in table, end of row), read with the bounds of the other readers. Text
// alone is enough for a list: formatting other than the font is not read.

const (
	maxDocStream = 64 << 20 // one stream of a .doc
	maxDocChars  = 16 << 20 // characters of the main text
)

// ParseDOC reads a Word 97–2003 document into paragraphs and tables. A
// file Word 6/95 or older wrote, an encrypted one, or one that is not a
// Word document is refused with how to save it as .docx.
func ParseDOC(data []byte, name string) (doc *Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("roster: .doc reader panicked", "file", name, "panic", p)
			doc, err = nil, errDocLegacyCause(name, fmt.Errorf("%v", p))
		}
	}()
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, errDocLegacyCause(name, err)
	}
	streams := map[string][]byte{}
	for f, err := cf.Next(); err == nil; f, err = cf.Next() {
		switch f.Name {
		case "WordDocument", "0Table", "1Table":
			if f.Size > maxDocStream {
				return nil, errDocLegacyCause(name, fmt.Errorf("phần %s lớn bất thường", f.Name))
			}
			b, err := io.ReadAll(io.LimitReader(f, maxDocStream))
			if err != nil {
				return nil, errDocLegacyCause(name, err)
			}
			streams[f.Name] = b
		}
	}
	wd := streams["WordDocument"]
	if len(wd) < 0x200 || binary.LittleEndian.Uint16(wd) != 0xA5EC {
		return nil, errDocLegacyCause(name, fmt.Errorf("không phải văn bản Word"))
	}
	flags := binary.LittleEndian.Uint16(wd[0x0A:])
	if flags&0x0100 != 0 {
		return nil, khenthuong.Errorf(khenthuong.EINVALID,
			"Tệp “%s” là văn bản Word có đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu rồi lưu thành .docx", name)
	}
	table := streams["0Table"]
	if flags&0x0200 != 0 {
		table = streams["1Table"]
	}
	fib, err := readFib(wd)
	if err != nil {
		return nil, errDocLegacyCause(name, err)
	}
	pieces, err := readPieces(table, fib.fcClx, fib.lcbClx)
	if err != nil {
		return nil, errDocLegacyCause(name, err)
	}
	text, fcs := pieceText(wd, pieces, fib.ccpText)
	props := readParaProps(wd, table, fib.fcPlcfBtePapx, fib.lcbPlcfBtePapx)
	return buildDocument(text, fcs, props), nil
}

func errDocLegacyCause(name string, cause error) error {
	return khenthuong.Errorf(khenthuong.EINVALID,
		"Chưa đọc được văn bản Word 97–2003 “%s” (%v): hãy mở bằng Word và lưu thành .docx (Tệp > Lưu thành > Tài liệu Word .docx), hoặc bằng LibreOffice Writer (Lưu thành > Word 2007-365)", name, cause)
}

type fib struct {
	ccpText                       uint32
	fcClx, lcbClx                 uint32
	fcPlcfBtePapx, lcbPlcfBtePapx uint32
}

// readFib reads the file information block: where the text, the piece
// table and the paragraph properties are.
func readFib(wd []byte) (fib, error) {
	var f fib
	pos := 32
	csw := int(binary.LittleEndian.Uint16(wd[pos:]))
	pos += 2 + 2*csw
	if pos+2 > len(wd) {
		return f, fmt.Errorf("FIB ngắn")
	}
	cslw := int(binary.LittleEndian.Uint16(wd[pos:]))
	lw := pos + 2
	if cslw < 4 || lw+4*cslw > len(wd) {
		return f, fmt.Errorf("FIB ngắn")
	}
	f.ccpText = binary.LittleEndian.Uint32(wd[lw+12:])
	pos = lw + 4*cslw
	cb := int(binary.LittleEndian.Uint16(wd[pos:]))
	rg := pos + 2
	pair := func(i int) (uint32, uint32) {
		if i >= cb || rg+8*i+8 > len(wd) {
			return 0, 0
		}
		return binary.LittleEndian.Uint32(wd[rg+8*i:]), binary.LittleEndian.Uint32(wd[rg+8*i+4:])
	}
	f.fcPlcfBtePapx, f.lcbPlcfBtePapx = pair(13)
	f.fcClx, f.lcbClx = pair(33)
	if f.lcbClx == 0 {
		return f, fmt.Errorf("không có bảng mảnh văn bản")
	}
	if f.ccpText > maxDocChars {
		return f, fmt.Errorf("văn bản dài bất thường")
	}
	return f, nil
}

type piece struct {
	cpStart, cpEnd uint32
	fc             uint32 // byte offset in WordDocument
	compressed     bool   // one byte a character (Windows-1252)
}

// readPieces reads the piece table (Clx): which bytes hold which characters.
func readPieces(table []byte, fc, lcb uint32) ([]piece, error) {
	if uint64(fc)+uint64(lcb) > uint64(len(table)) {
		return nil, fmt.Errorf("bảng mảnh văn bản nằm ngoài tệp")
	}
	clx := table[fc : fc+lcb]
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 0x01: // Prc: formatting of pieces, skipped
			if i+3 > len(clx) {
				return nil, fmt.Errorf("Prc hỏng")
			}
			i += 3 + int(int16(binary.LittleEndian.Uint16(clx[i+1:])))
		case 0x02:
			if i+5 > len(clx) {
				return nil, fmt.Errorf("Pcdt hỏng")
			}
			n := int(binary.LittleEndian.Uint32(clx[i+1:]))
			plc := clx[i+5:]
			if n > len(plc) || n < 4 {
				return nil, fmt.Errorf("Pcdt hỏng")
			}
			count := (n - 4) / 12
			var out []piece
			for k := 0; k < count; k++ {
				cpStart := binary.LittleEndian.Uint32(plc[4*k:])
				cpEnd := binary.LittleEndian.Uint32(plc[4*k+4:])
				pcd := plc[4*(count+1)+8*k:]
				fcv := binary.LittleEndian.Uint32(pcd[2:])
				p := piece{cpStart: cpStart, cpEnd: cpEnd, fc: fcv}
				if fcv&0x40000000 != 0 {
					p.compressed, p.fc = true, (fcv&^0x40000000)/2
				}
				out = append(out, p)
			}
			return out, nil
		default:
			return nil, fmt.Errorf("Clx hỏng")
		}
	}
	return nil, fmt.Errorf("không có Pcdt")
}

// pieceText is the main text (its first ccpText characters) and, for each
// character, the byte offset it was read from (for its paragraph's properties).
func pieceText(wd []byte, pieces []piece, ccp uint32) ([]rune, []uint32) {
	var text []rune
	var fcs []uint32
	for _, p := range pieces {
		for cp := p.cpStart; cp < p.cpEnd && cp < ccp; cp++ {
			off := cp - p.cpStart
			if p.compressed {
				at := uint64(p.fc) + uint64(off)
				if at >= uint64(len(wd)) {
					return text, fcs
				}
				text = append(text, charmap.Windows1252.DecodeByte(wd[at]))
				fcs = append(fcs, uint32(at))
				continue
			}
			at := uint64(p.fc) + 2*uint64(off)
			if at+2 > uint64(len(wd)) {
				return text, fcs
			}
			u := binary.LittleEndian.Uint16(wd[at:])
			if utf16.IsSurrogate(rune(u)) && at+4 <= uint64(len(wd)) && cp+1 < p.cpEnd {
				u2 := binary.LittleEndian.Uint16(wd[at+2:])
				text = append(text, utf16.DecodeRune(rune(u), rune(u2)), 0)
				fcs = append(fcs, uint32(at), uint32(at+2))
				cp++
				continue
			}
			text = append(text, rune(u))
			fcs = append(fcs, uint32(at))
		}
	}
	return text, fcs
}

// paraRun is a range of bytes whose paragraphs have the same properties.
type paraRun struct {
	fcStart, fcEnd uint32
	inTable, ttp   bool
}

// readParaProps reads, from the paragraph property pages, which paragraphs
// are in a table and which end a table row. Damaged pages are skipped: the
// text is still read, tables as paragraphs.
func readParaProps(wd, table []byte, fc, lcb uint32) []paraRun {
	if lcb < 8 || uint64(fc)+uint64(lcb) > uint64(len(table)) {
		return nil
	}
	plc := table[fc : fc+lcb]
	n := int((lcb - 4) / 8)
	var runs []paraRun
	for i := 0; i < n; i++ {
		pn := binary.LittleEndian.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF
		start := uint64(pn) * 512
		if start+512 > uint64(len(wd)) {
			continue
		}
		page := wd[start : start+512]
		crun := int(page[511])
		if 4*(crun+1)+13*crun > 511 {
			continue
		}
		for k := 0; k < crun; k++ {
			r := paraRun{fcStart: binary.LittleEndian.Uint32(page[4*k:]), fcEnd: binary.LittleEndian.Uint32(page[4*k+4:])}
			off := int(page[4*(crun+1)+13*k]) * 2
			if off > 0 && off < 511 {
				r.inTable, r.ttp = papxTableFlags(page, off)
			}
			runs = append(runs, r)
		}
	}
	return runs
}

// papxTableFlags reads sprmPFInTable and sprmPFTtp from a PapxInFkp.
func papxTableFlags(page []byte, off int) (inTable, ttp bool) {
	cb := int(page[off])
	var grpprl []byte
	if cb != 0 {
		end := off + 1 + 2*cb - 1
		if end > len(page) {
			return
		}
		grpprl = page[off+1 : end]
	} else {
		if off+2 > len(page) {
			return
		}
		end := off + 2 + 2*int(page[off+1])
		if end > len(page) {
			return
		}
		grpprl = page[off+2 : end]
	}
	if len(grpprl) < 2 {
		return
	}
	grpprl = grpprl[2:] // istd
	for i := 0; i+2 <= len(grpprl); {
		sprm := binary.LittleEndian.Uint16(grpprl[i:])
		i += 2
		size := 0
		switch sprm >> 13 {
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6:
			if i >= len(grpprl) {
				return
			}
			if sprm == 0xC615 && grpprl[i] == 255 {
				return // sprmPChgTabs in its long form: stop here
			}
			size = 1 + int(grpprl[i])
		}
		if i+size > len(grpprl) {
			return
		}
		switch sprm {
		case 0x2416:
			inTable = grpprl[i] != 0
		case 0x2417:
			ttp = grpprl[i] != 0
		}
		i += size
	}
	return
}

func propsAt(runs []paraRun, fc uint32) (inTable, ttp bool) {
	for _, r := range runs {
		if fc >= r.fcStart && fc < r.fcEnd {
			return r.inTable, r.ttp
		}
	}
	return false, false
}

// buildDocument splits the text into paragraphs and tables: a paragraph
// ends at \r, a table cell at \x07, a row at the \x07 of a row-end paragraph.
// Field instructions (between \x13 and \x14) are left out, their results kept.
func buildDocument(text []rune, fcs []uint32, props []paraRun) *Document {
	doc := &Document{}
	var para strings.Builder
	var cell []string
	var row []string
	var tbl *Table
	fieldDepth, instr := 0, 0
	flushTable := func() {
		if tbl != nil {
			if len(row) > 0 {
				tbl.Rows = append(tbl.Rows, row)
				row = nil
			}
			doc.Blocks = append(doc.Blocks, Block{Table: tbl})
			tbl = nil
		}
	}
	for i, r := range text {
		switch r {
		case 0x13:
			fieldDepth++
			instr++
			continue
		case 0x14:
			if instr > 0 {
				instr--
			}
			continue
		case 0x15:
			if fieldDepth > 0 {
				fieldDepth--
			}
			if instr > 0 {
				instr--
			}
			continue
		}
		if instr > 0 {
			continue
		}
		switch r {
		case '\r', 0x07:
			inTable, ttp := propsAt(props, fcs[i])
			p := para.String()
			para.Reset()
			switch {
			case r == 0x07 && ttp:
				if tbl == nil {
					tbl = &Table{}
				}
				tbl.Rows = append(tbl.Rows, row)
				row = nil
			case r == 0x07 || inTable:
				if tbl == nil {
					tbl = &Table{}
				}
				cell = append(cell, p)
				if r == 0x07 {
					row = append(row, strings.Join(cell, "\n"))
					cell = nil
				}
			default:
				flushTable()
				doc.Blocks = append(doc.Blocks, Block{Para: &Paragraph{Text: p}})
			}
		case 0x0B, 0x0C, 0x0E:
			para.WriteByte('\n')
		case 0x1E:
			para.WriteByte('-')
		case 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x1F, 0:
		case 0xA0:
			para.WriteByte(' ')
		default:
			para.WriteRune(r)
		}
	}
	flushTable()
	if para.Len() > 0 {
		doc.Blocks = append(doc.Blocks, Block{Para: &Paragraph{Text: para.String()}})
	}
	return doc
}

// ReadDOC reads a list in a Word 97–2003 document as ReadDOCX reads a .docx.
func ReadDOC(r io.Reader, name string, opts ReadOptions) (*Import, error) {
	data, err := readLimited(r, name)
	if err != nil {
		return nil, err
	}
	doc, err := ParseDOC(data, name)
	if err != nil {
		return nil, err
	}
	return ReadDocument(doc, name, opts), nil
}
