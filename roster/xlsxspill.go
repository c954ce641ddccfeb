package roster

import (
	"bytes"
	"os"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// spillAt is how much of a sheet's XML a streamed sheet keeps in memory
// before it is moved to the sheet's temporary file (a variable for tests).
var spillAt = 512 << 10

// sheetSpill moves the rows an excelize StreamWriter holds in memory to its
// temporary file once they pass spillAt. excelize does it by itself only past
// 16 MB a sheet (StreamChunkSize, a constant), and a sheet under that stays in
// memory until the workbook is written: a roster of 100,000 over 20 forms,
// every sheet open at once, kept its 140 MB of XML. excelize has no option
// for it, so the writer's buffer and file (v2.11: StreamWriter.rawData, a
// bufferedWriter{tmpDir, tmp, buf}) are reached by reflection; where they are
// not as expected (another version of excelize), nothing is moved and the
// sheets stay in memory as before. The file is excelize's own: its Reader
// reads it back when the workbook is written, and File.Close removes it.
type sheetSpill struct {
	tmpDir string
	tmp    **os.File
	buf    *bytes.Buffer
}

func newSheetSpill(sw *excelize.StreamWriter) *sheetSpill {
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return nil
	}
	dir, tmp, buf := raw.FieldByName("tmpDir"), raw.FieldByName("tmp"), raw.FieldByName("buf")
	if !dir.IsValid() || dir.Kind() != reflect.String ||
		!tmp.IsValid() || tmp.Type() != reflect.TypeFor[*os.File]() ||
		!buf.IsValid() || buf.Type() != reflect.TypeFor[bytes.Buffer]() {
		return nil
	}
	return &sheetSpill{
		tmpDir: dir.String(),
		tmp:    (**os.File)(unsafe.Pointer(tmp.UnsafeAddr())),
		buf:    (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr())),
	}
}

// spill moves the rows in memory to the file once they pass spillAt.
func (s *sheetSpill) spill() error {
	if s == nil || s.buf.Len() < spillAt {
		return nil
	}
	if *s.tmp == nil {
		f, err := os.CreateTemp(s.tmpDir, "excelize-")
		if err != nil {
			return nil // as excelize: the rows stay in memory
		}
		*s.tmp = f
	}
	_, err := s.buf.WriteTo(*s.tmp)
	return err
}
