package roster

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"log/slog"
	"os"
	"unsafe"

	"khenthuong"
)

// sheetStream is the first pass over a sheet read as a stream: each line
// is scanned, then kept for the second pass.
type sheetStream struct {
	rd    *reader
	scan  *sheetScan
	spool lineSpool
}

// newSheetStream starts the first pass of g; its hidden columns and font
// are known.
func newSheetStream(rd *reader, g *grid) *sheetStream {
	return &sheetStream{rd: rd, scan: newSheetScan(rd, g)}
}

func (s *sheetStream) add(cells []string) {
	s.scan.add(cells)
	s.spool.add(cells)
}

// finish gives g its lines for the second pass. A failure of the
// temporary file ends the lines and fails the reading (reader.failed).
func (s *sheetStream) finish(g *grid) {
	next, failed := s.spool.lines()
	g.scan, g.close = s.scan, s.spool.close
	g.next = func() ([]string, bool) {
		l, ok := next()
		if err := failed(); !ok && err != nil && s.rd.failed == nil {
			slog.Error("roster: sheet spool", "sheet", g.name, "err", err)
			s.rd.failed = khenthuong.Internal(err)
		}
		return l, ok
	}
}

// spoolAbove is how many lines of a streamed sheet stay in memory between
// its two passes; the lines beyond go to a temporary file, read back by the
// second pass. A variable so that the tests can send every line there.
var spoolAbove = 2000

// lineSpool holds a streamed sheet's lines between the two passes.
type lineSpool struct {
	mem  [][]string
	f    *os.File
	w    *bufio.Writer
	err  error
	buf  []byte
	lens []int
}

// add keeps a line.
func (s *lineSpool) add(cells []string) {
	if s.err != nil {
		return
	}
	if s.f == nil && len(s.mem) < spoolAbove {
		s.mem = append(s.mem, cells)
		return
	}
	if s.f == nil {
		if s.f, s.err = os.CreateTemp("", "khenthuong-sheet-*"); s.err != nil {
			return
		}
		s.w = bufio.NewWriterSize(s.f, 64<<10)
	}
	// A line is its number of cells, their lengths, then their bytes.
	s.buf = binary.AppendUvarint(s.buf[:0], uint64(len(cells)))
	for _, v := range cells {
		s.buf = binary.AppendUvarint(s.buf, uint64(len(v)))
	}
	if _, err := s.w.Write(s.buf); err != nil {
		s.err = err
		return
	}
	for _, v := range cells {
		if _, err := s.w.WriteString(v); err != nil {
			s.err = err
			return
		}
	}
}

// lines returns the lines kept, one at a time, and a function that reports
// what went wrong with the temporary file, if anything did.
func (s *lineSpool) lines() (next func() ([]string, bool), failed func() error) {
	var r *bufio.Reader
	if s.f != nil && s.err == nil {
		if s.err = s.w.Flush(); s.err == nil {
			_, s.err = s.f.Seek(0, io.SeekStart)
		}
		r = bufio.NewReaderSize(s.f, 64<<10)
	}
	mem := s.mem
	s.mem = nil
	next = func() ([]string, bool) {
		if len(mem) > 0 {
			l := mem[0]
			mem[0], mem = nil, mem[1:]
			return l, true
		}
		if r == nil || s.err != nil {
			return nil, false
		}
		cells, err := s.read(r)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.err = err
			}
			return nil, false
		}
		return cells, true
	}
	return next, func() error { return s.err }
}

// read reads back one line: its cells share one string.
func (s *lineSpool) read(r *bufio.Reader) ([]string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > maxColumns {
		return nil, errors.New("dòng hỏng trong tệp tạm")
	}
	s.lens = s.lens[:0]
	total := 0
	for range n {
		l, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		if l > maxRowBytes {
			return nil, errors.New("dòng hỏng trong tệp tạm")
		}
		s.lens = append(s.lens, int(l))
		total += int(l)
	}
	if n == 0 {
		return nil, nil
	}
	if total == 0 {
		return make([]string, n), nil
	}
	b := make([]byte, total)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	text := unsafe.String(&b[0], len(b)) // b is this line's own and never written again
	cells := make([]string, n)
	off := 0
	for k, l := range s.lens {
		cells[k] = text[off : off+l]
		off += l
	}
	return cells, nil
}

// close removes the temporary file.
func (s *lineSpool) close() {
	s.mem = nil
	if s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
		s.f = nil
	}
}
