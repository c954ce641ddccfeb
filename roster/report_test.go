package roster

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/stats"
)

func TestWriteReportXLSX(t *testing.T) {
	s := &stats.Summary{Filter: stats.Filter{From: khenthuong.MustDate("2024-01-01"), To: khenthuong.MustDate("2024-12-31")}, Decisions: 2, Awards: 5, Individuals: 4, Women: 3, WomenPercent: 75, Collectives: 1, Bonus: 1_234_000,
		ByForm: []stats.Count{{Key: "BKCT", Label: "Bằng khen", Count: 5, Amount: 1_234_000, Percent: 100}},
		ByKind: []stats.Count{{Key: "canhan", Label: "Cá nhân", Count: 4, Percent: 80}, {Key: "tapthe", Label: "Tập thể", Count: 1, Percent: 20}}}
	var buf bytes.Buffer
	if err := WriteReportXLSX(&buf, s); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Run("OneSheetPerTable", func(t *testing.T) {
		want := []string{ReportSummarySheet}
		for _, sec := range stats.Sections(s) {
			want = append(want, sec.Sheet)
		}
		got := f.GetSheetList()
		if len(got) != len(want) {
			t.Fatalf("sheets %q, want %q", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("sheet %d %q, want %q", i, got[i], want[i])
			}
		}
	})
	t.Run("FiguresReadBack", func(t *testing.T) {
		rows, _ := f.GetRows(ReportSummarySheet, excelize.Options{RawCellValue: true})
		if rows[0][0] != "BÁO CÁO TỔNG HỢP KẾT QUẢ KHEN THƯỞNG" || rows[1][0] != "Từ ngày 01/01/2024 đến ngày 31/12/2024" {
			t.Errorf("title %q", rows[:2])
		}
		totals := rows[reportTableRow:] // under the header row
		if totals[1][1] != "5" || totals[6][1] != "1234000" || totals[5][1] != "0.75" {
			t.Errorf("totals %q", rows)
		}
		rows, _ = f.GetRows("Đối tượng", excelize.Options{RawCellValue: true})
		if rows[0][0] != "KHEN THƯỞNG THEO ĐỐI TƯỢNG" {
			t.Errorf("title %q", rows[0])
		}
		kinds := rows[reportTableRow-1:] // from the header row
		if len(kinds) != 4 || kinds[1][1] != "Cá nhân" || kinds[1][2] != "4" || kinds[3][1] != "Cộng" || kinds[3][2] != "5" {
			t.Errorf("kinds %q", rows)
		}
	})
	t.Run("NoSummary", func(t *testing.T) {
		if err := WriteReportXLSX(&bytes.Buffer{}, nil); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("err %v", err)
		}
	})
}
