package roster

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"khenthuong"
)

// csvSource is a CSV file read as a stream: once to tell its encoding,
// once for the limits of its lines and cells, a few records for its
// separator, and once for its rows. Each reading starts over from the top
// of the file, decoded.
type csvSource struct {
	rs     io.ReadSeeker
	name   string
	decode func(io.Reader) io.Reader
	skip   int   // bytes before the text: a UTF-8 BOM
	err    error // a failure to read the file while the rows were read
}

// readErr says the file could not be read to its end.
func (s *csvSource) readErr(err error) error {
	return khenthuong.Errorf(khenthuong.EINVALID, "Không đọc được tệp “%s”: %v", s.name, err)
}

func (s *csvSource) rewind() error {
	if _, err := s.rs.Seek(0, io.SeekStart); err != nil {
		return s.readErr(err)
	}
	return nil
}

// head is the first n bytes of the file.
func (s *csvSource) head(n int) ([]byte, error) {
	if err := s.rewind(); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(s.rs, int64(n)))
	if err != nil {
		return nil, s.readErr(err)
	}
	return b, nil
}

// all is the whole file, for the readers that take bytes.
func (s *csvSource) all() ([]byte, error) {
	if err := s.rewind(); err != nil {
		return nil, err
	}
	return readLimited(s.rs, s.name)
}

// detect tells the encoding as decodeCSV does, reading the file through
// once at most; head is its first 64 KB.
func (s *csvSource) detect(head []byte) (string, error) {
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		s.skip = len(utf8BOM)
		return "UTF-8 (BOM)", nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		utf16 := func(r io.Reader) io.Reader {
			return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
		}
		if err := s.rewind(); err != nil {
			return "", err
		}
		if _, err := io.Copy(io.Discard, utf16(s.rs)); err == nil {
			s.decode = utf16
			return "UTF-16", nil
		}
	}
	if err := s.rewind(); err != nil {
		return "", err
	}
	ok, err := looksLikeUTF8Stream(s.rs)
	if err != nil {
		return "", s.readErr(err)
	}
	if ok {
		return "UTF-8", nil
	}
	// 8-bit text: Windows-1258, or TCVN3 / VNI bytes from a workbook typed
	// in .VnTime or VNI-Times fonts. The latter are kept as Excel would show
	// them, for the cell-by-cell conversion to recognise.
	if mostlyLegacy(cp1252View(head)) {
		s.decode = func(r io.Reader) io.Reader { return transform.NewReader(r, cp1252Viewer{}) }
		return "8 bit (TCVN3/VNI)", nil
	}
	s.decode = func(r io.Reader) io.Reader {
		return transform.NewReader(r, transform.Chain(charmap.Windows1258.NewDecoder(), norm.NFC))
	}
	return "Windows-1258", nil
}

// open reads the text from its start.
func (s *csvSource) open() io.Reader {
	if err := s.rewind(); err != nil {
		s.err = err
		return strings.NewReader("")
	}
	var r io.Reader = bufio.NewReaderSize(&errReader{s: s}, 64<<10)
	if s.skip > 0 {
		io.CopyN(io.Discard, r, int64(s.skip))
	}
	if s.decode != nil {
		r = s.decode(r)
	}
	return r
}

// errReader keeps the first error of the file other than its end, which
// would otherwise read as the end of the rows.
type errReader struct{ s *csvSource }

func (r *errReader) Read(p []byte) (int, error) {
	n, err := r.s.rs.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && r.s.err == nil {
		r.s.err = r.s.readErr(err)
	}
	return n, err
}

// checkLimits scans the text for a line or a quoted cell past the limits,
// before it is split into cells.
func (s *csvSource) checkLimits() error {
	var t textLimits
	r := s.open()
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		if lerr := feedLimits(&t, buf[:n], s.name); lerr != nil {
			return lerr
		}
		if err != nil {
			if s.err != nil {
				return s.err
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			return s.readErr(err)
		}
	}
}

// records is the text of the rows and their separator: Excel's "sep=;"
// first line names it (and is not a row when Excel opens the file), else
// the first records tell it.
func (s *csvSource) records() (io.Reader, rune, error) {
	br := bufio.NewReader(s.open())
	first, err := br.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, 0, s.readErr(err)
	}
	if f := strings.TrimSpace(first); len(f) == 5 && strings.HasPrefix(strings.ToLower(f), "sep=") {
		return br, rune(f[4]), nil
	}
	sep := detectSeparator(s.open)
	return s.open(), sep, s.err
}

// looksLikeUTF8Stream is vntext.LooksLikeUTF8 over a stream: valid UTF-8
// without C1 control characters.
func looksLikeUTF8Stream(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := io.ReadFull(r, buf[carry:])
		chunk := buf[:carry+n]
		end := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !end {
			return false, err
		}
		// A rune cut by the end of the chunk waits for the next one.
		cut := len(chunk)
		if !end {
			for k := 1; k <= utf8.UTFMax-1 && k <= len(chunk); k++ {
				if c := chunk[len(chunk)-k]; c >= 0xC0 {
					if !utf8.FullRune(chunk[len(chunk)-k:]) {
						cut = len(chunk) - k
					}
					break
				} else if c < 0x80 {
					break
				}
			}
		}
		valid := chunk[:cut]
		if !utf8.Valid(valid) || hasC1(valid) {
			return false, nil
		}
		if end {
			return true, nil
		}
		carry = copy(buf, chunk[cut:])
	}
}

// hasC1 reports whether valid UTF-8 holds a C1 control character (U+0080–U+009F).
func hasC1(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xC2)
		if i < 0 || i+1 >= len(b) {
			return false
		}
		if c := b[i+1]; c >= 0x80 && c <= 0x9F {
			return true
		}
		b = b[i+1:]
	}
}

// cp1252Viewer is cp1252View as a transformer.
type cp1252Viewer struct{ transform.NopResetter }

func (cp1252Viewer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		r := rune(c)
		if c >= 0x80 && c <= 0x9F {
			if d := charmap.Windows1252.DecodeByte(c); d != utf8.RuneError {
				r = d
			}
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc++
	}
	return nDst, nSrc, nil
}
