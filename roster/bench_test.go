package roster

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

var (
	benchFamilies = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	benchMiddles  = []string{"Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Quang", "Thị Thu", "Ngọc", "Xuân"}
	benchGivens   = []string{"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quỳnh", "Sáng", "Tiến", "Tình", "Trang", "Tuấn", "Yến"}
	benchUnits    = []string{"Sở Tư pháp", "Sở Nội vụ", "Công an tỉnh Quảng Trị", "Trường THPT Lệ Thủy", "UBND xã Ngư Hóa", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"}
	benchForms    = []string{"Bằng khen của Chủ tịch UBND tỉnh", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Giấy khen của Giám đốc Sở"}
)

func benchName(i int) string {
	return fmt.Sprintf("%s %s %s", benchFamilies[i%len(benchFamilies)], benchMiddles[(i/7)%len(benchMiddles)], benchGivens[(i/3)%len(benchGivens)])
}

// benchHeader and benchRow are a unit's list of individuals.
var benchHeader = []any{"STT", "Danh xưng", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Thành tích", "Đơn vị đề nghị", "Số tờ trình"}

func benchRow(i int) []any {
	title, gender := "Ông", "Nam"
	if i%2 == 1 {
		title, gender = "Bà", "Nữ"
	}
	return []any{i + 1, title, benchName(i), gender, fmt.Sprintf("%02d/%02d/%d", 1+i%28, 1+i%12, 1960+i%40), "Chuyên viên",
		benchUnits[i%len(benchUnits)], benchForms[i%len(benchForms)], "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024",
		benchUnits[i%len(benchUnits)], "45/TTr-STP"}
}

// writeBenchXLSX writes a unit's list of n individuals with the stream writer.
func writeBenchXLSX(b *testing.B, path string, n int) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(b, err)
	must(b, sw.SetRow("A1", []any{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"}))
	must(b, sw.SetRow("A3", benchHeader))
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		must(b, sw.SetRow(cell, benchRow(i)))
	}
	must(b, sw.Flush())
	must(b, f.SaveAs(path))
}

// benchImport reads, cleans and validates the list at path, of n rows, and
// checks it for duplicates, once per iteration.
func benchImport(b *testing.B, path string, n int) {
	opts := ReadOptions{Forms: testForms(), Today: testToday}
	b.ReportAllocs()
	for b.Loop() {
		im, err := Read(path, opts)
		if err != nil {
			b.Fatal(err)
		}
		im.CheckDuplicates(nil)
		if len(im.Rows) != n || im.Errors() != 0 {
			b.Fatalf("rows %d, errors %d", len(im.Rows), im.Errors())
		}
	}
}

// BenchmarkImportXLSX10000 reads, cleans and validates a 10,000-row list and
// checks it for duplicates: the part of an import before the store's commit.
func BenchmarkImportXLSX10000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "10000.xlsx")
	writeBenchXLSX(b, path, 10000)
	benchImport(b, path, 10000)
}

// BenchmarkImportXLS10000 is BenchmarkImportXLSX10000 on the same list
// saved in the Excel 97–2003 format.
func BenchmarkImportXLS10000(b *testing.B) {
	rows := [][]any{{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"}, nil, benchHeader}
	for i := 0; i < 10000; i++ {
		rows = append(rows, benchRow(i))
	}
	path := xlsFile(b, b.TempDir(), "10000.xls", xlsBookOf(b, xsheet{name: "Sheet1", rows: rows}))
	benchImport(b, path, 10000)
}

// BenchmarkExportXLSX10000 writes a 10,000-row roster over four forms.
func BenchmarkExportXLSX10000(b *testing.B) {
	codes := []string{"BKCT", "CSTDCS", "LDTT", "GKSO"}
	rows := make([]ExportRow, 10000)
	for i := range rows {
		rows[i] = ExportRow{Nomination: khenthuong.Nomination{
			ID: uint64(i + 1), Order: i + 1, FormCode: codes[i%len(codes)],
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: benchName(i), Gender: khenthuong.Male,
				Birth: khenthuong.Date{Year: 1960 + i%40}, Position: "Chuyên viên", Unit: benchUnits[i%len(benchUnits)]},
			Achievement: "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024", ProposingUnit: benchUnits[i%len(benchUnits)],
		}, DecisionNo: "2871/QĐ-UBND", DecisionDate: khenthuong.Date{Year: 2024, Month: 10, Day: 24}, RegistryNo: fmt.Sprint(i + 1), Amount: 2_340_000}
	}
	opts := ExportOptions{Forms: testForms(), Title: "Tổng kết năm 2024"}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(io.Discard, rows, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadLongList reads a unit's list of 10,000 to 300,000 rows as the
// CLI's import does (each row given to OnRow, none kept) and reports the
// peak of the Go heap while reading (MB-heap, sampled every millisecond):
// the sheets stream, so it stays the same whatever the length.
func BenchmarkReadLongList(b *testing.B) {
	for _, c := range []struct {
		ext  string
		rows []int
	}{{"csv", []int{10_000, 100_000, 300_000}}, {"xlsx", []int{10_000, 100_000}}} {
		for _, n := range c.rows {
			b.Run(fmt.Sprintf("%s/%d", c.ext, n), func(b *testing.B) {
				path := filepath.Join(b.TempDir(), "ds."+c.ext)
				if c.ext == "csv" {
					writeBenchCSV(b, path, n)
				} else {
					writeBenchXLSX(b, path, n)
				}
				opts := ReadOptions{Forms: testForms(), Today: testToday, MaxRows: n}
				read := 0
				opts.OnRow = func(*Row) { read++ }
				runtime.GC()
				peak := heapPeak()
				for b.Loop() {
					read = 0
					im, err := Read(path, opts)
					if err != nil {
						b.Fatal(err)
					}
					if read != n || im.Errors() != 0 {
						b.Fatalf("rows %d, errors %d", read, im.Errors())
					}
				}
				b.ReportMetric(float64(peak())/(1<<20), "MB-heap")
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/row")
			})
		}
	}
}

// writeBenchCSV writes the list of writeBenchXLSX as a CSV.
func writeBenchCSV(b *testing.B, path string, n int) {
	f, err := os.Create(path)
	must(b, err)
	w := csv.NewWriter(f)
	line := func(vs []any) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = fmt.Sprint(v)
		}
		return out
	}
	must(b, w.Write([]string{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"}))
	must(b, w.Write(line(benchHeader)))
	for i := 0; i < n; i++ {
		must(b, w.Write(line(benchRow(i))))
	}
	w.Flush()
	must(b, w.Error())
	must(b, f.Close())
}

// heapPeak samples the heap's live objects until the function it returns
// is called, which gives the highest figure seen.
func heapPeak() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		return peak
	}
}
