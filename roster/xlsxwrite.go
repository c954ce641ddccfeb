package roster

import (
	"archive/zip"
	"io"

	"github.com/xuri/excelize/v2"
)

// writeWorkbook writes f to w as it is compressed. excelize's Write builds
// the whole compressed file in a buffer first and copies it after: tens of
// megabytes for a list of 100,000, held with the buffer's spare room. Its
// zip writer, given through SetZipWriter, writes to w instead, and the
// buffer Write then copies is empty.
func writeWorkbook(f *excelize.File, w io.Writer) error {
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	return f.Write(w)
}
