package roster

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A streamed sheet's rows go to its temporary file past spillAt, not at
// excelize's 16 MB: found in excelize's writer, moved, read back in place.
func TestSheetSpillMovesRows(t *testing.T) {
	defer func(n int) { spillAt = n }(spillAt)
	spillAt = 4 << 10
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(t, err)
	sp := newSheetSpill(sw)
	if sp == nil {
		t.Fatal("excelize's StreamWriter no longer has rawData{tmpDir, tmp, buf}: every sheet stays in memory")
	}
	const rows = 500
	for i := 1; i <= rows; i++ {
		must(t, sw.SetRow(fmt.Sprintf("A%d", i), []any{i, fmt.Sprintf("Nguyễn Văn %d", i)}))
		must(t, sp.spill())
		if sp.buf.Len() >= spillAt {
			t.Fatalf("row %d: %d bytes in memory, past %d", i, sp.buf.Len(), spillAt)
		}
	}
	if *sp.tmp == nil {
		t.Fatal("no row was moved to the temporary file")
	}
	must(t, sw.Flush())
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	back, err := excelize.OpenReader(&buf)
	must(t, err)
	defer back.Close()
	got, err := back.GetRows("Sheet1")
	must(t, err)
	if len(got) != rows {
		t.Fatalf("%d rows read back, want %d", len(got), rows)
	}
	for i, r := range got {
		if want := []string{fmt.Sprint(i + 1), fmt.Sprintf("Nguyễn Văn %d", i+1)}; fmt.Sprint(r) != fmt.Sprint(want) {
			t.Errorf("row %d: %q, want %q", i+1, r, want)
		}
	}
}

// A campaign's roster whose sheets are moved to their files row by row
// is the same workbook as the golden one.
func TestSpilledCampaignMatchesGolden(t *testing.T) {
	defer func(n int) { spillAt = n }(spillAt)
	spillAt = 1
	for _, c := range goldenExports() {
		if c.name[:8] != "campaign" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			src := &countedRows{rows: c.rows}
			var buf bytes.Buffer
			_, err := WriteXLSXStream(&buf, src.stream, c.opts)
			must(t, err)
			checkGolden(t, c.name, buf.Bytes())
		})
	}
}
