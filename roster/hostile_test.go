package roster

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/stress/hostile"
)

// Hostile files: small on disk, huge once expanded (issue 17, point 3). Each
// is refused with a message naming the file, the sheet and the limit, and
// reading it allocates a bounded amount whatever it claims to hold.

type hostileFile struct {
	name, file, sheet, limit string
	read                     func() (*Import, error)
}

func hostileFiles(t testing.TB) []hostileFile {
	opts := ReadOptions{Forms: khenthuong.DefaultForms()}
	xlsx := hostile.HugeCellXLSX(390 << 20)
	csv := hostile.OneCellCSV(50 << 20)
	csvLine := hostile.OneLineCSV(50 << 20)
	ods := hostile.RepeatODS(4)
	return []hostileFile{
		{"HugeCellXLSX", "o-lon.xlsx", "sharedStrings.xml", "32767 ký tự",
			func() (*Import, error) { return ReadXLSX(bytes.NewReader(xlsx), "o-lon.xlsx", opts) }},
		{"OneCellCSV", "mot-dong.csv", "trang “mot-dong.csv”", "32767 ký tự",
			func() (*Import, error) { return ReadCSV(bytes.NewReader(csv), "mot-dong.csv", opts) }},
		{"OneLineCSV", "mot-dong.csv", "trang “mot-dong.csv”", "dòng dài quá 4 MB",
			func() (*Import, error) { return ReadCSV(bytes.NewReader(csvLine), "mot-dong.csv", opts) }},
		{"RepeatODS", "lap.ods", "trang “Trang 1”", "lặp lại",
			func() (*Import, error) { return ReadODS(bytes.NewReader(ods), "lap.ods", opts) }},
		{"NestedODS", "long.ods", "trang “Danh sách”", "lồng nhau sâu quá",
			func() (*Import, error) { return ReadODS(bytes.NewReader(hostile.NestedODS(3000)), "long.ods", opts) }},
		{"NestedSpreadsheetML", "long.xls", "trang “Danh sách”", "lồng nhau sâu quá",
			func() (*Import, error) {
				return ReadXLS(bytes.NewReader(hostile.NestedSpreadsheetML(3000)), "long.xls", opts)
			}},
		{"NestedHTML", "web.xls", "trang web", "lồng nhau sâu quá",
			func() (*Import, error) { return ReadXLS(bytes.NewReader(hostile.NestedHTML(900)), "web.xls", opts) }},
	}
}

func TestHostileFilesRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds files of hundreds of megabytes (compressed to a few hundred kilobytes)")
	}
	for _, h := range hostileFiles(t) {
		t.Run(h.name, func(t *testing.T) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			im, err := h.read()
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("read: %d rows, %d problems, want a refusal", len(im.Rows), len(im.Problems))
			}
			msg := khenthuong.ErrorMessage(err)
			if khenthuong.ErrorCode(err) != khenthuong.EINVALID {
				t.Fatalf("code %s: %v", khenthuong.ErrorCode(err), err)
			}
			for _, want := range []string{h.file, h.sheet, h.limit} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			// The input itself (up to 50 MB, and its decoded copy) aside, reading adds little.
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 200<<20 {
				t.Errorf("reading allocated %d MB", grown>>20)
			}
		})
	}
}

// TestLimitsLeaveOrdinaryFilesAlone: a long (but real) cell and a deep (but
// real) nesting pass.
func TestLimitsLeaveOrdinaryFilesAlone(t *testing.T) {
	opts := ReadOptions{Forms: khenthuong.DefaultForms()}
	cell := strings.Repeat("Đã có thành tích xuất sắc. ", 1000) // 27,000 characters, 36 KB
	csv := "STT;Họ và tên;Thành tích\n1;Lê Văn An;" + cell + "\n"
	if _, err := ReadCSV(strings.NewReader(csv), "dai.csv", opts); err != nil {
		t.Fatalf("a long cell: %v", err)
	}
	if _, err := ReadODS(bytes.NewReader(hostile.NestedODS(20)), "ods.ods", opts); err != nil {
		t.Fatalf("20 nested spans: %v", err)
	}
	if _, err := ReadXLSX(bytes.NewReader(hostile.HugeCellXLSX(30_000)), "o.xlsx", opts); asLimit(err) != nil {
		t.Fatalf("a 30,000-character cell: %v", err)
	}
}

// The hostile shapes, small, as seeds of the fuzz targets: the limits hold
// whatever the fuzzer makes of them.
func FuzzHostile(f *testing.F) {
	f.Add(uint8(0), 200_000)
	f.Add(uint8(1), 3000)
	f.Add(uint8(2), 3000)
	f.Add(uint8(3), 3)
	f.Add(uint8(4), 5_000_000)
	f.Fuzz(func(t *testing.T, kind uint8, n int) {
		opts := fuzzOptions()
		n = min(max(n, 0), 8<<20)
		var im *Import
		var err error
		switch kind % 5 {
		case 0:
			im, err = ReadXLSX(bytes.NewReader(hostile.HugeCellXLSX(n)), "f.xlsx", opts)
		case 1:
			im, err = ReadODS(bytes.NewReader(hostile.NestedODS(n%5000)), "f.ods", opts)
		case 2:
			im, err = ReadXLS(bytes.NewReader(hostile.NestedSpreadsheetML(n%5000)), "f.xls", opts)
		case 3:
			im, err = ReadODS(bytes.NewReader(hostile.RepeatODS(n%8)), "f.ods", opts)
		case 4:
			im, err = ReadCSV(bytes.NewReader(hostile.OneLineCSV(n)), "f.csv", opts)
		}
		checkImport(t, im, err)
	})
}

// TestXMLGuardSkipsCommentsAndCDATA: markup inside comments, CDATA and
// declarations is not counted as elements, however the reads split it.
func TestXMLGuardSkipsCommentsAndCDATA(t *testing.T) {
	doc := `<?xml version="1.0"?><!DOCTYPE a><a><!-- <b><b><b> -> --><![CDATA[<c><c><c> ]] > ]]><d x="<e>"/>` +
		strings.Repeat("<f></f>", 3) + `</a>`
	for chunk := 1; chunk <= len(doc); chunk++ {
		g := newXMLGuard(&chunked{s: doc, n: chunk}, "a.xml", "trang “A”", "", nil)
		if _, err := io.Copy(io.Discard, g); err != nil {
			t.Fatalf("chunks of %d: %v", chunk, err)
		}
		if g.depth != 0 || g.siblings[0] != 1 || g.state != xmlText {
			t.Fatalf("chunks of %d: depth %d, top elements %d, state %d", chunk, g.depth, g.siblings[0], g.state)
		}
	}
}

// chunked reads s n bytes at a time.
type chunked struct {
	s string
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}
