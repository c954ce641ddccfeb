package roster

import (
	"strings"
	"testing"

	"khenthuong"
)

func TestCheckDuplicates(t *testing.T) {
	sheet := xsheet{name: "S", rows: [][]any{
		{"STT", "Loại", "Họ và tên", "Năm sinh", "Đơn vị", "Hình thức"},
		{1, "Tập thể", "Phòng Tư pháp", "", "UBND huyện", "BKCT"},
		{2, "Cá nhân", "Nguyễn Văn An", 1970, "Sở Nội vụ", "BKCT"},
		{3, "Cá nhân", "NGUYỄN VĂN AN", 1970, "Sở Tài chính", "CSTDT"}, // same name and birth year: row 3
		{4, "Cá nhân", "Nguyễn Văn An", 1985, "Sở Y tế", "BKCT"},       // same name only: a namesake
		{5, "Tập thể", "Phòng  tư pháp", "", "UBND xã", "TTLDXS"},      // collectives: the name is enough
		{6, "Cá nhân", "Trần Thị Bình", 1990, "Sở Nội vụ", "BKCT"},     // like a stored nomination
		{7, "Cá nhân", "Lê Văn Cường", 1991, "Sở Xây dựng", "BKCT"},    // a stored namesake, other unit and year
		{8, "Cá nhân", "Hoàng Văn Dũng", "", "", "BKCT"},               // nothing to tell them apart
		{9, "Cá nhân", "Hoàng Văn Dũng", "", "", "BKCT"},
	}}
	im, err := Read(writeXLSX(t, t.TempDir(), "trung.xlsx", sheet), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	existing := []khenthuong.Nomination{
		{ID: 41, CampaignID: 2, FormCode: "BKCT", Status: khenthuong.StatusApproved,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: "Trần Thị Bình", Birth: khenthuong.MustDate("1990-03-04"), Unit: "Sở Y tế"}},
		{ID: 42, CampaignID: 2, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: "Lê Văn Cường", Birth: khenthuong.MustDate("1970"), Unit: "Sở Tư pháp"}},
	}
	im.CheckDuplicates(existing)
	var got []string
	for _, p := range im.Problems {
		if p.Severity != SeverityWarning {
			t.Errorf("problem %s is not a warning", p)
		}
		got = append(got, itoa(p.Row)+" "+p.Column+": "+p.Message)
	}
	want := []string{
		"0 C (Họ và tên): Danh sách không ghi giới tính ở 7 dòng: đã lấy theo tên đệm (Thị là nữ, Văn là nam); các dòng khác để trống",
		"0 C (Họ và tên): Họ tên viết toàn chữ hoa hoặc chữ thường ở 1 dòng: đã viết hoa chữ đầu mỗi tiếng (ví dụ “NGUYỄN VĂN AN” thành “Nguyễn Văn An”)",
		"4 C (Họ và tên): Có thể trùng với dòng 3 của tệp: Nguyễn Văn An, Sở Nội vụ, 1970, BKCT",
		"6 C (Họ và tên): Có thể trùng với dòng 2 của tệp: Phòng Tư pháp, UBND huyện, BKCT",
		"7 C (Họ và tên): Có thể trùng với đề nghị mã 41 đã có (đợt 2, Được duyệt): Bà Trần Thị Bình, Sở Y tế, 1990, BKCT",
		"10 C (Họ và tên): Có thể trùng với dòng 9 của tệp: Hoàng Văn Dũng, BKCT",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if im.Errors() != 0 {
		t.Errorf("duplicates must not block the import:%s", problemsOf(im))
	}
}

// A stored nomination an issued decision lists is named by that decision;
// the others by their status. Only approved nominations are asked about.
func TestCheckDuplicatesAwardedNamesTheDecision(t *testing.T) {
	person := func(id uint64, name string, st khenthuong.Status) khenthuong.Nomination {
		return khenthuong.Nomination{ID: id, CampaignID: 3, FormCode: "BKCT", Status: st,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: name, Unit: "Sở Nội vụ"}}
	}
	stored := []khenthuong.Nomination{
		person(51, "Trần Thị Bình", khenthuong.StatusApproved),
		person(52, "Lê Văn Cường", khenthuong.StatusApproved),
		person(53, "Hoàng Văn Dũng", khenthuong.StatusApproved), // approved, in a draft only
		person(54, "Phan Văn Em", khenthuong.StatusSubmitted),
		person(55, "Đỗ Văn Giang", khenthuong.StatusApproved), // no row looks like it: not asked about
	}
	awards := map[uint64]khenthuong.Award{
		51: {NominationID: 51, DecisionNumber: "1234/QĐ-UBND", DecisionDate: khenthuong.MustDate("2024-06-02")},
		52: {NominationID: 52, DecisionNumber: "87/QĐ-UBND", DecisionDate: khenthuong.MustDate("2009")}, // an archive decision
	}
	want := map[string]string{
		"Trần Thị Bình":  "(đợt 3, đã được tặng theo Quyết định số 1234/QĐ-UBND ngày 02/06/2024)",
		"Lê Văn Cường":   "(đợt 3, đã được tặng theo Quyết định số 87/QĐ-UBND năm 2009)",
		"Hoàng Văn Dũng": "(đợt 3, Được duyệt)",
		"Phan Văn Em":    "(đợt 3, Đã đề nghị)",
	}
	var rows []Row
	for i, n := range stored[:4] {
		n.ID = 0
		rows = append(rows, Row{Sheet: "DS", Line: i + 2, Nomination: n})
	}
	im := &Import{Rows: rows}
	var asked []uint64
	err := im.CheckDuplicatesAwarded(func([]string) ([]khenthuong.Nomination, error) { return stored, nil },
		func(ids []uint64) (map[uint64]khenthuong.Award, error) {
			asked = append(asked, ids...)
			out := map[uint64]khenthuong.Award{}
			for _, id := range ids {
				if a, ok := awards[id]; ok {
					out[id] = a
				}
			}
			return out, nil
		}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 3 {
		t.Errorf("asked awards of %v, want the 3 approved nominations rows look like", asked)
	}
	for _, p := range im.Problems {
		if w, ok := want[p.Value]; ok {
			if !strings.Contains(p.Message, w) {
				t.Errorf("%s: %q, want %q", p.Value, p.Message, w)
			}
			delete(want, p.Value)
		}
	}
	if len(want) != 0 {
		t.Errorf("no warning for %v:%s", want, problemsOf(im))
	}
}
