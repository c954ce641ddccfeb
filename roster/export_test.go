package roster

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// sampleNominations covers every field of every kind, in catalogue rank
// order and list order, as the store returns a campaign's nominations.
func sampleNominations() []khenthuong.Nomination {
	sub := khenthuong.MustDate("2024-06-02")
	ns := []khenthuong.Nomination{
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Công an xã Ngư Hóa", Unit: "Công an huyện Minh Hóa",
			Classification: "Cơ quan hành chính", Field: "An ninh, trật tự"}, FormCode: "CTDT"},
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Đại tá", Name: "Lê Văn Tiến", Gender: khenthuong.Male,
			Birth: khenthuong.MustDate("1968-05-12"), Position: "Chính ủy", Unit: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"}, FormCode: "CSTDT"},
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Phổ biến, giáo dục pháp luật", Unit: "Sở Tư pháp",
			Classification: "Cơ quan hành chính", Field: "Tư pháp"}, FormCode: "BKCT"},
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Trương Quang Sáng", Gender: khenthuong.Male,
			Birth: khenthuong.MustDate("1975"), Position: "Phó Giám đốc", Unit: "Sở Tư pháp", Address: "Đông Hà, Quảng Trị",
			Classification: "Cơ quan hành chính", Field: "Tư pháp"}, FormCode: "BKCT"},
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: "Nguyễn Thị Như Quỳnh", Gender: khenthuong.Female,
			Birth: khenthuong.MustDate("1980-01-05"), Position: "Chuyên viên", Unit: "Sở Tư pháp"}, FormCode: "BKCT"},
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: "Hoàng Thị Mỹ Linh", Gender: khenthuong.Female,
			Position: "Chuyên viên", Unit: "Văn phòng Sở"}, FormCode: "BKCT"},
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Household, Name: "Hộ ông Cao Văn Đức", Address: "Thôn Tân Lịch, xã Ngư Hóa",
			Classification: "Đối tượng khác"}, FormCode: "BKCT"},
		{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Thượng úy", Name: "Đặng Đại Bàng", Gender: khenthuong.Male,
			Position: "Cán bộ", Unit: "Đồn Biên phòng Cha Lo"}, FormCode: "GKCA"},
	}
	for i := range ns {
		n := &ns[i]
		n.ID, n.CampaignID, n.Order, n.Status = uint64(100+i), 7, i+1, khenthuong.StatusSubmitted
		n.Achievement = "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"
		n.ProposingUnit, n.SubmissionNo, n.SubmissionDate = "Sở Tư pháp", "45/TTr-STP", sub
	}
	ns[3].Achievement = "Hoàn thành xuất sắc nhiệm vụ năm 2023;\n- Chủ trì 3 đề án cấp tỉnh"
	return ns
}

func TestExportImportRoundTrip(t *testing.T) {
	forms := testForms()
	ns := sampleNominations()
	rows := CampaignRows(ns)
	dir := t.TempDir()
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(dir, "ds."+format)
			var buf bytes.Buffer
			var err error
			opts := ExportOptions{Forms: forms, Title: "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc", Sep: ';'}
			if format == "xlsx" {
				err = WriteXLSX(&buf, rows, opts)
			} else {
				err = WriteCSV(&buf, rows, opts)
			}
			must(t, err)
			must(t, os.WriteFile(path, buf.Bytes(), 0o644))
			im, err := Read(path, ReadOptions{Forms: forms, Today: testToday})
			if err != nil {
				t.Fatal(err)
			}
			// "Trạng thái" is the board's, not the unit's: the import leaves
			// it, as a known column, without a word.
			if im.Errors() != 0 || im.Warnings() != 0 || len(im.Unknown) != 0 || len(im.Converted) != 0 {
				t.Fatalf("unknown %q, problems:%s", im.Unknown, problemsOf(im))
			}
			if len(im.Rows) != len(ns) {
				t.Fatalf("read %d rows, want %d", len(im.Rows), len(ns))
			}
			for i, r := range im.Rows {
				want := ns[i]
				want.CampaignID = 0
				for _, d := range nominationDiff(r.Nomination, want) {
					t.Errorf("row %d (%s:%d): %s", i, r.Sheet, r.Line, d)
				}
			}
		})
	}
}

func TestWriteXLSXLayout(t *testing.T) {
	forms := testForms()
	ns := sampleNominations()
	d := &khenthuong.Decision{
		ID: 3, CampaignID: 7, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2022-10-24"),
		Recipients: []khenthuong.Recipient{
			{NominationID: ns[2].ID, Nominee: ns[2].Nominee, RegistryNo: "BK-2022-0001", Amount: 4_680_000},
			{NominationID: ns[3].ID, Nominee: ns[3].Nominee, RegistryNo: "BK-2022-0002", Amount: 2_340_000},
		},
	}
	rows := append(CampaignRows(ns[:2]), DecisionRows(d)...)
	var buf bytes.Buffer
	must(t, WriteXLSX(&buf, rows, ExportOptions{Forms: forms, Title: "Kèm theo Quyết định số 2871/QĐ-UBND ngày 24/10/2022"}))
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "CTDT,CSTDT,BKCT" {
		t.Errorf("sheets = %s, want one per form by rank", got)
	}
	cell := func(sheet, ref string) string {
		v, err := f.GetCellValue(sheet, ref)
		must(t, err)
		return v
	}
	for ref, want := range map[string]string{
		"A1": "DANH SÁCH KHEN THƯỞNG: BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
		"A2": "Kèm theo Quyết định số 2871/QĐ-UBND ngày 24/10/2022",
		"A4": "STT", "C4": "Họ và tên / Tên tập thể", "G4": "Số quyết định", "J4": "Tiền thưởng",
		"A5": "1", "C5": "Phòng Phổ biến, giáo dục pháp luật", "E5": "Sở Tư pháp", "F5": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
		"G5": "2871/QĐ-UBND", "H5": "24/10/2022", "I5": "BK-2022-0001", "J5": "4,680,000", "K5": "Đã khen thưởng", "L5": "Tập thể",
		"A6": "2", "B6": "Ông", "C6": "Trương Quang Sáng", "J6": "2,340,000", "M6": "Nam", "N6": "1975",
	} {
		if got := cell("BKCT", ref); got != want {
			t.Errorf("BKCT!%s = %q, want %q", ref, got, want)
		}
	}
	for ref, want := range map[string]string{"C5": "Công an xã Ngư Hóa", "G5": "", "H5": "", "I5": "", "J5": ""} {
		if got := cell("CTDT", ref); got != want {
			t.Errorf("CTDT!%s = %q, want %q (no decision yet)", ref, got, want)
		}
	}
	panes, err := f.GetPanes("BKCT")
	must(t, err)
	if !panes.Freeze || panes.YSplit != 4 || panes.TopLeftCell != "A5" {
		t.Errorf("panes = %+v, want frozen below row 4", panes)
	}
	layout, err := f.GetPageLayout("BKCT")
	must(t, err)
	if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 {
		t.Errorf("page layout = size %d %s fit %d, want A4 landscape one page wide", *layout.Size, *layout.Orientation, *layout.FitToWidth)
	}
	if w, _ := f.GetColWidth("BKCT", "C"); w < 30 || w > 34 {
		t.Errorf("name column width %.1f, want fitted to the names", w)
	}
	if w, _ := f.GetColWidth("BKCT", "A"); w > 7 {
		t.Errorf("STT column width %.1f, want narrow", w)
	}
	styleID, err := f.GetCellStyle("BKCT", "C4")
	must(t, err)
	style, err := f.GetStyle(styleID)
	must(t, err)
	if !style.Font.Bold || len(style.Border) != 4 || style.Fill.Type != "pattern" {
		t.Errorf("header style = %+v, want bold, bordered, filled", style)
	}
	var printArea, printTitles bool
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == "BKCT" && dn.Name == "_xlnm.Print_Area" && dn.RefersTo == "'BKCT'!$A$1:$K$6" {
			printArea = true
		}
		if dn.Scope == "BKCT" && dn.Name == "_xlnm.Print_Titles" && dn.RefersTo == "'BKCT'!$4:$4" {
			printTitles = true
		}
	}
	if !printArea || !printTitles {
		t.Errorf("defined names = %+v, want the print area and the repeated header", f.GetDefinedName())
	}
}

func TestExportOrder(t *testing.T) {
	mk := func(kind khenthuong.Kind, name string, order int) ExportRow {
		return ExportRow{Nomination: khenthuong.Nomination{FormCode: "BKCT", Order: order, Nominee: khenthuong.Nominee{Kind: kind, Name: name}}}
	}
	rows := []ExportRow{
		mk(khenthuong.Individual, "Nguyễn Thị Bình", 1),
		mk(khenthuong.Individual, "Trần Văn An", 2),
		mk(khenthuong.Collective, "Sở Tư pháp", 3),
		mk(khenthuong.Individual, "Lê Văn Bình", 4),
		mk(khenthuong.Household, "Hộ ông Ánh", 5),
		mk(khenthuong.Collective, "Ban Dân tộc", 6),
		mk(khenthuong.Individual, "Đỗ Văn Ân", 7),
	}
	names := func(order khenthuong.ListOrder) string {
		var out []string
		groups, err := planExport(SliceRows(rows), ExportOptions{Order: order}, false)
		must(t, err)
		for _, g := range groups {
			must(t, g.each(SliceRows(rows), func(_ int, r *ExportRow) error {
				out = append(out, r.Nomination.Nominee.Name)
				return nil
			}))
		}
		return strings.Join(out, ", ")
	}
	if got, want := names(khenthuong.OrderList), "Nguyễn Thị Bình, Trần Văn An, Sở Tư pháp, Lê Văn Bình, Hộ ông Ánh, Ban Dân tộc, Đỗ Văn Ân"; got != want {
		t.Errorf("list order = %s\nwant %s", got, want)
	}
	if got, want := names(khenthuong.OrderAlpha), "Ban Dân tộc, Sở Tư pháp, Trần Văn An, Đỗ Văn Ân, Nguyễn Thị Bình, Lê Văn Bình, Hộ ông Ánh"; got != want {
		t.Errorf("alpha order = %s\nwant %s", got, want)
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	must(t, WriteCSV(&buf, DecisionRows(&khenthuong.Decision{
		FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2022-10-24"),
		Recipients: []khenthuong.Recipient{{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Trương Quang Sáng",
			Position: "Phó Giám đốc", Unit: "Sở Tư pháp, tỉnh Quảng Trị"}, RegistryNo: "12", Amount: 2_340_000}},
	}), ExportOptions{Forms: testForms(), Sep: ';'}))
	got := buf.String()
	if !strings.HasPrefix(got, "\uFEFFSTT;Danh xưng;Họ và tên / Tên tập thể;Chức vụ;Đơn vị;Hình thức khen thưởng;Số quyết định;Ngày quyết định;Số sổ vàng;Tiền thưởng;") {
		t.Errorf("header = %q", got[:min(len(got), 200)])
	}
	if want := "\r\n1;Ông;Trương Quang Sáng;Phó Giám đốc;Sở Tư pháp, tỉnh Quảng Trị;Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh;2871/QĐ-UBND;24/10/2022;12;2340000;Đã khen thưởng;Cá nhân;"; !strings.Contains(got, want) {
		t.Errorf("csv = %q, want it to contain %q", got, want)
	}
}

// TestWriteXLSXRowsFitTheirText: Excel and LibreOffice keep a written row's
// height, so each row is made as tall as its longest wrapped cell; widths
// leave room for 12 pt Vietnamese text and amounts with separators.
func TestWriteXLSXRowsFitTheirText(t *testing.T) {
	short := khenthuong.Nomination{ID: 1, Order: 1, FormCode: "BKCT", Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: "Lê Văn An", Unit: "Sở Y tế"}}
	long := short
	long.ID, long.Order = 2, 2
	long.Achievement = strings.Repeat("Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2024; ", 6)
	var buf bytes.Buffer
	must(t, WriteXLSX(&buf, []ExportRow{{Nomination: short, Amount: 12_340_000}, {Nomination: long}}, ExportOptions{Forms: testForms()}))
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hShort, err := f.GetRowHeight("BKCT", exportHeaderRow+1)
	must(t, err)
	hLong, err := f.GetRowHeight("BKCT", exportHeaderRow+2)
	must(t, err)
	achievementWidth, err := f.GetColWidth("BKCT", "R")
	must(t, err)
	lines := wrappedLines(long.Achievement, achievementWidth)
	if hShort < 16 || hLong < float64(lines)*16 || lines < 5 {
		t.Errorf("row heights %.0f and %.0f pt; the long achievement wraps onto %d lines", hShort, hLong, lines)
	}
	amountWidth, err := f.GetColWidth("BKCT", "J")
	must(t, err)
	if amountWidth < float64(len("12.340.000"))*charWidth {
		t.Errorf("the amount column is %.1f wide: 12.340.000 would show as ###", amountWidth)
	}
}

// The campaign's roster carries, for awarded nominations, the issued
// decision's number and date, the registry number and the bonus, and says
// where every other row stands: rejected and deferred rows never read like awards.
func TestCampaignRosterCarriesAwardsAndStatus(t *testing.T) {
	ns := sampleNominations()[:4]
	ns[0].Status = khenthuong.StatusApproved
	ns[1].Status = khenthuong.StatusRejected
	ns[1].RejectReason = "Chưa đủ thời gian công tác"
	ns[2].Status = khenthuong.StatusDeferred
	ns[3].Status = khenthuong.StatusApproved
	issued := khenthuong.Decision{Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2024-06-02"), Status: khenthuong.DecisionIssued,
		Recipients: []khenthuong.Recipient{{NominationID: ns[0].ID, RegistryNo: "BKCT-2024-0001", Amount: 3_600_000}}}
	draft := khenthuong.Decision{Number: "2872/QĐ-UBND", Date: khenthuong.MustDate("2024-06-03"), Status: khenthuong.DecisionDraft,
		Recipients: []khenthuong.Recipient{{NominationID: ns[3].ID, Amount: 1_800_000}}}
	var buf bytes.Buffer
	must(t, WriteCSV(&buf, CampaignRows(ns, issued, draft), ExportOptions{Forms: testForms(), Sep: ';'}))
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF")))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	byName := map[string][]string{}
	for _, r := range recs[1:] {
		byName[r[col["Họ và tên / Tên tập thể"]]] = r
	}
	for _, c := range []struct {
		n                                      khenthuong.Nomination
		number, date, registry, amount, status string
	}{
		{ns[0], "2871/QĐ-UBND", "02/06/2024", "BKCT-2024-0001", "3600000", "Đã khen thưởng"},
		{ns[1], "", "", "", "", "Không duyệt: Chưa đủ thời gian công tác"},
		{ns[2], "", "", "", "", khenthuong.StatusDeferred.Label()},
		{ns[3], "", "", "", "", khenthuong.StatusApproved.Label()}, // a draft gives nothing yet
	} {
		r := byName[c.n.Nominee.Name]
		if r == nil {
			t.Fatalf("%s not in the roster", c.n.Nominee.Name)
		}
		got := []string{r[col["Số quyết định"]], r[col["Ngày quyết định"]], r[col["Số sổ vàng"]], r[col["Tiền thưởng"]], r[col["Trạng thái"]]}
		if want := []string{c.number, c.date, c.registry, c.amount, c.status}; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", c.n.Nominee.Name, got, want)
		}
	}
}
