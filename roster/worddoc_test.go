package roster

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"khenthuong"
)

// A Word 97–2003 document, written the way Word lays one out: the text in
// one Unicode piece of the WordDocument stream, the piece table in 1Table,
// and one page of paragraph properties marking the table's paragraphs (in
// table) and the ends of its rows (row end).

// docPara is a paragraph of the test document: its text and end mark
// ('\r' a paragraph, 0x07 a cell), in a table or not, ending a row or not.
type docPara struct {
	text    string
	end     rune
	inTable bool
	rowEnd  bool
}

func docParas(body []string, rows [][]string) []docPara {
	var ps []docPara
	for _, b := range body {
		ps = append(ps, docPara{text: b, end: '\r'})
	}
	for _, r := range rows {
		for _, c := range r {
			lines := strings.Split(c, "\n")
			for i, l := range lines {
				end := rune('\r')
				if i == len(lines)-1 {
					end = 0x07
				}
				ps = append(ps, docPara{text: l, end: end, inTable: true})
			}
		}
		ps = append(ps, docPara{end: 0x07, inTable: true, rowEnd: true})
	}
	return append(ps, docPara{text: "Quảng Trị, ngày 05 tháng 01 năm 2015", end: '\r'})
}

// docBytes writes the paragraphs as a .doc.
func docBytes(ps []docPara) []byte {
	const textFC = 0x800 // the text starts on page 4 of the stream
	var text []uint16
	type span struct {
		fcStart, fcEnd uint32
		inTable, ttp   bool
	}
	var spans []span
	for _, p := range ps {
		start := textFC + 2*len(text)
		text = append(text, utf16.Encode([]rune(p.text))...)
		text = append(text, uint16(p.end))
		spans = append(spans, span{uint32(start), uint32(textFC + 2*len(text)), p.inTable, p.rowEnd})
	}
	ccp := len(text)
	wd := make([]byte, textFC)
	binary.LittleEndian.PutUint16(wd[0:], 0xA5EC)
	binary.LittleEndian.PutUint16(wd[2:], 0x00C1)
	binary.LittleEndian.PutUint16(wd[0x0A:], 0x0200) // fWhichTblStm: 1Table
	binary.LittleEndian.PutUint16(wd[32:], 14)       // csw
	binary.LittleEndian.PutUint16(wd[62:], 22)       // cslw
	binary.LittleEndian.PutUint32(wd[64+12:], uint32(ccp))
	binary.LittleEndian.PutUint16(wd[152:], 93) // cbRgFcLcb
	for _, u := range text {
		wd = binary.LittleEndian.AppendUint16(wd, u)
	}
	for len(wd)%512 != 0 {
		wd = append(wd, 0)
	}
	// The paragraph properties pages (FKP): FCs, one BxPap each, the PAPXs;
	// a few paragraphs a page.
	var pages []int
	var pageFCs []uint32
	for from := 0; from < len(spans); from += 12 {
		group := spans[from:min(from+12, len(spans))]
		pages = append(pages, len(wd)/512)
		pageFCs = append(pageFCs, group[0].fcStart)
		fkp := make([]byte, 512)
		crun := len(group)
		papxAt := 510
		for i, s := range group {
			binary.LittleEndian.PutUint32(fkp[4*i:], s.fcStart)
			grpprl := []byte{0, 0} // istd
			if s.inTable {
				grpprl = append(grpprl, 0x16, 0x24, 1)
			}
			if s.ttp {
				grpprl = append(grpprl, 0x17, 0x24, 1)
			}
			if len(grpprl)%2 == 0 {
				grpprl = append(grpprl, 0) // PapxInFkp holds 2×cb−1 bytes
			}
			cb := (len(grpprl) + 1) / 2
			papxAt = (papxAt - (1 + 2*cb - 1)) &^ 1
			fkp[papxAt] = byte(cb)
			copy(fkp[papxAt+1:], grpprl)
			fkp[4*(crun+1)+13*i] = byte(papxAt / 2)
		}
		binary.LittleEndian.PutUint32(fkp[4*crun:], group[crun-1].fcEnd)
		fkp[511] = byte(crun)
		wd = append(wd, fkp...)
	}
	pageFCs = append(pageFCs, spans[len(spans)-1].fcEnd)

	var tbl []byte
	clx := []byte{0x02}
	plc := binary.LittleEndian.AppendUint32(nil, 0)
	plc = binary.LittleEndian.AppendUint32(plc, uint32(ccp))
	plc = append(plc, 0, 0)
	plc = binary.LittleEndian.AppendUint32(plc, textFC)
	plc = append(plc, 0, 0)
	clx = binary.LittleEndian.AppendUint32(clx, uint32(len(plc)))
	clx = append(clx, plc...)
	tbl = append(tbl, clx...)
	bte := len(tbl)
	for _, fc := range pageFCs {
		tbl = binary.LittleEndian.AppendUint32(tbl, fc)
	}
	for _, pn := range pages {
		tbl = binary.LittleEndian.AppendUint32(tbl, uint32(pn))
	}
	fcLcb := func(i int, fc, lcb int) {
		binary.LittleEndian.PutUint32(wd[154+8*i:], uint32(fc))
		binary.LittleEndian.PutUint32(wd[154+8*i+4:], uint32(lcb))
	}
	fcLcb(13, bte, 4*len(pageFCs)+4*len(pages))
	fcLcb(33, 0, len(clx))
	return oleStreams([]oleStream{{"WordDocument", wd}, {"1Table", tbl}})
}

type oleStream struct {
	name string
	data []byte
}

// oleStreams lays streams in a compound file, each on whole sectors, one
// after the other, then the FAT and the directory.
func oleStreams(streams []oleStream) []byte {
	const sec, end, fatMark, free = 512, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	var body []byte
	var starts, sizes []int
	var chain []uint32
	for _, s := range streams {
		d := append([]byte(nil), s.data...)
		for len(d) < 4096 || len(d)%sec != 0 {
			d = append(d, 0)
		}
		first := len(body) / sec
		starts = append(starts, first)
		sizes = append(sizes, len(d)) // 4096 at least: out of the mini stream
		n := len(d) / sec
		for k := 0; k < n; k++ {
			if k == n-1 {
				chain = append(chain, end)
			} else {
				chain = append(chain, uint32(first+k+1))
			}
		}
		body = append(body, d...)
	}
	fatAt := len(chain)
	chain = append(chain, fatMark)
	dirAt := len(chain)
	chain = append(chain, end)
	for len(chain)%128 != 0 {
		chain = append(chain, free)
	}
	header := make([]byte, sec)
	copy(header, oleMagic)
	put16 := func(at int, v uint16) { binary.LittleEndian.PutUint16(header[at:], v) }
	put32 := func(at int, v uint32) { binary.LittleEndian.PutUint32(header[at:], v) }
	put16(0x18, 0x3E)
	put16(0x1A, 3)
	put16(0x1C, 0xFFFE)
	put16(0x1E, 9)
	put16(0x20, 6)
	put32(0x2C, 1)
	put32(0x30, uint32(dirAt))
	put32(0x38, 4096)
	put32(0x3C, end)
	put32(0x44, end)
	for i := 0; i < 109; i++ {
		put32(0x4C+4*i, free)
	}
	put32(0x4C, uint32(fatAt))
	dirEntry := func(name string, typ byte, left, right, child uint32, start uint32, size int) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			binary.LittleEndian.PutUint16(e[2*i:], c)
		}
		if name != "" {
			binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		}
		e[66], e[67] = typ, 1
		binary.LittleEndian.PutUint32(e[68:], left)
		binary.LittleEndian.PutUint32(e[72:], right)
		binary.LittleEndian.PutUint32(e[76:], child)
		binary.LittleEndian.PutUint32(e[116:], start)
		binary.LittleEndian.PutUint64(e[120:], uint64(size))
		return e
	}
	dir := dirEntry("Root Entry", 5, free, free, 1, end, 0)
	for i, s := range streams {
		right := uint32(free)
		if i+2 <= len(streams) {
			right = uint32(i + 2)
		}
		dir = append(dir, dirEntry(s.name, 2, free, right, free, uint32(starts[i]), sizes[i])...)
	}
	for len(dir) < sec {
		dir = append(dir, dirEntry("", 0, free, free, free, 0, 0)...)
	}
	out := append(header, body...)
	for _, v := range chain {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return append(out, dir...)
}

func TestReadDOC(t *testing.T) {
	dir := t.TempDir()
	body := []string{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "(Kèm theo Tờ trình số 12/TTr-STP ngày 02/01/2015 của Sở Tư pháp)"}
	rows := [][]string{
		{"STT", "Họ và tên", "Chức vụ, đơn vị", "Hình thức khen thưởng"},
		{"I. TẬP THỂ", "", "", ""},
		{"1", "Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh"},
		{"II. CÁ NHÂN", "", "", ""},
		{"1", "Ông Trương Quang Sáng", "Phó Giám đốc\nSở Tư pháp", "BKCT"},
		{"2", "Bà Lê Thị Hoa", "Chuyên viên Sở Tư pháp", "BKCT"},
	}
	path := filepath.Join(dir, "danh sach.doc")
	must(t, os.WriteFile(path, docBytes(docParas(body, rows)), 0o644))
	im, err := Read(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	sub := func(n khenthuong.Nomination) khenthuong.Nomination {
		n.SubmissionNo, n.ProposingUnit, n.SubmissionDate = "12/TTr-STP", "Sở Tư pháp", khenthuong.MustDate("2015-01-02")
		return n
	}
	if im.Errors() > 0 {
		t.Errorf("errors:%s", problemsOf(im))
	}
	checkRows(t, im, []wantRow{
		{sheet: "Bảng 1", line: 3, n: sub(collective("Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp", "BKCT"))},
		{sheet: "Bảng 1", line: 5, n: sub(person("Ông", "Trương Quang Sáng", khenthuong.Male, "", "Phó Giám đốc Sở Tư pháp", "", "BKCT"))},
		{sheet: "Bảng 1", line: 6, n: sub(person("Bà", "Lê Thị Hoa", khenthuong.Female, "", "Chuyên viên Sở Tư pháp", "", "BKCT"))},
	})

	t.Run("WordsOwnFile", func(t *testing.T) {
		// A file Word itself wrote: mscfb's test document, when the module
		// cache holds it.
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/richardlehane/mscfb").Output()
		if err != nil {
			t.Skip("module directory unknown")
		}
		data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "test", "test.doc"))
		if err != nil {
			t.Skip("no test.doc in the module cache")
		}
		doc, err := ParseDOC(data, "test.doc")
		if err != nil {
			t.Fatal(err)
		}
		paras, tables, cells := 0, 0, 0
		for _, b := range doc.Blocks {
			if b.Para != nil {
				paras++
				continue
			}
			tables++
			for _, r := range b.Table.Rows {
				cells += len(r)
			}
		}
		if paras < 100 || tables < 10 || cells < 2*tables || !strings.HasPrefix(doc.Blocks[0].Para.Text, "Hurley's") {
			t.Errorf("%d paragraphs, %d tables, %d cells; first %q", paras, tables, cells, doc.Blocks[0].Para.Text)
		}
	})

	t.Run("Refusals", func(t *testing.T) {
		for _, c := range []struct {
			name string
			data []byte
			want string
		}{
			{"NotWord", oleStreams([]oleStream{{"WordDocument", make([]byte, 600)}}), "lưu thành .docx"},
			{"Encrypted", func() []byte {
				b := docBytes(docParas(body, rows[:1]))
				// fEncrypted in the FIB, which starts the first sector
				b[512+0x0B] |= 0x01
				return b
			}(), "mật khẩu"},
		} {
			_, err := ParseDOC(c.data, c.name+".doc")
			if err == nil || !strings.Contains(khenthuong.ErrorMessage(err), c.want) {
				t.Errorf("%s: %v", c.name, err)
			}
		}
	})
}

func FuzzParseDOC(f *testing.F) {
	f.Add(docBytes(docParas([]string{"I. TẬP THỂ", "1. Phòng A;"}, [][]string{{"STT", "Họ và tên"}, {"1", "Ông A"}})))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ReadDOC(bytes.NewReader(data), "f.doc", testOptions())
	})
}
