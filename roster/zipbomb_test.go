package roster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"runtime"
	"strings"
	"testing"

	"khenthuong"
)

// bomb is an .xlsx whose worksheet unpacks to size bytes of zeros (compressed
// to a few hundred kB); declared tells the zip header's uncompressed size,
// which a hostile file may also understate.
func bomb(t *testing.T, size, declared uint64) []byte {
	t.Helper()
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
	chunk := make([]byte, 1<<20)
	crc := crc32.NewIEEE()
	for written := uint64(0); written < size; written += uint64(len(chunk)) {
		fw.Write(chunk)
		crc.Write(chunk)
	}
	fw.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, part := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(part)
		w.Write([]byte("<x/>"))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(deflated.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(deflated.Bytes())
	zw.Close()
	return out.Bytes()
}

func TestZipBombIsRefusedWithBoundedMemory(t *testing.T) {
	cases := []struct {
		name           string
		size, declared uint64
	}{
		{"DeclaresItsSize", 1 << 30, 1 << 30},
		{"UnderstatesItsSize", 1 << 30, 4 << 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := bomb(t, c.size, c.declared)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			im, err := ReadXLSX(bytes.NewReader(data), "bom.xlsx", ReadOptions{Forms: khenthuong.DefaultForms()})
			runtime.ReadMemStats(&after)
			if err == nil && len(im.Rows) > 0 {
				t.Fatalf("a %d MB bomb gave %d rows", c.size>>20, len(im.Rows))
			}
			if err != nil && (khenthuong.ErrorCode(err) != khenthuong.EINVALID || !strings.Contains(khenthuong.ErrorMessage(err), "bom.xlsx")) {
				t.Errorf("error %v does not name the file as a clerk-readable refusal", err)
			}
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 200<<20 {
				t.Errorf("reading the bomb allocated %d MB", grown>>20)
			}
		})
	}
}
