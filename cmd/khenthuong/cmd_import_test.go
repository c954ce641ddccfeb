package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

// unitCSV is a unit's list saved from Excel as CSV: a title line, the
// header, sections, a name typed with its honorific.
const unitCSV = "\uFEFFDANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG;;;;;\r\n" +
	"STT;Họ và tên;Giới tính;Ngày sinh;Chức vụ, đơn vị công tác;Hình thức khen thưởng\r\n" +
	"I;TẬP THỂ;;;;\r\n" +
	"1;Phòng Phổ biến, giáo dục pháp luật;;;Sở Tư pháp;Bằng khen UBND tỉnh\r\n" +
	"II;CÁ NHÂN;;;;\r\n" +
	"1;Ông Trương Quang Sáng;Nam;05/01/1975;Phó Giám đốc Sở Tư pháp;BKCT\r\n" +
	"2;Bà Nguyễn Thị Như Quỳnh;Nữ;1980;Chuyên viên Sở Tư pháp;Chiến sĩ thi đua cơ sở\r\n"

// newCampaign makes a data file with one campaign and returns both.
func newCampaign(t *testing.T) (db, id string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "khenthuong.db")
	id = strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Tổng kết phong trào năm 2024"))
	return db, id
}

func writeTestFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func storedNominations(t *testing.T, db string) []khenthuong.Nomination {
	t.Helper()
	var ns []khenthuong.Nomination
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "nominations", "--json")), &ns); err != nil {
		t.Fatal(err)
	}
	return ns
}

func importJSON(t *testing.T, db string, args ...string) (importReport, string, int) {
	t.Helper()
	out, errOut, code := cli(t, db, append([]string{"import"}, append(args, "--json")...)...)
	var rep importReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON (%v): %s\nstderr: %s", err, out, errOut)
	}
	return rep, errOut, code
}

func TestImportDryRunWritesNothing(t *testing.T) {
	db, id := newCampaign(t)
	file := writeTestFile(t, "so-tu-phap.csv", unitCSV)
	rep, errOut, code := importJSON(t, db, file, "--campaign", id, "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if rep.RowsRead != 3 || rep.Importable != 3 || rep.Imported != 0 || rep.Errors != 0 || !rep.DryRun {
		t.Errorf("report = %+v", rep)
	}
	if ns := storedNominations(t, db); len(ns) != 0 {
		t.Errorf("dry run stored %d nominations", len(ns))
	}
}

func TestImportWritesAllRowsSubmittedInListOrder(t *testing.T) {
	db, id := newCampaign(t)
	file := writeTestFile(t, "so-tu-phap.csv", unitCSV)
	out := mustCLI(t, db, "import", file, "--campaign", id)
	for _, want := range []string{"Đọc 3 dòng: 0 lỗi, 0 cảnh báo", "Đã nhập 3 đề nghị vào đợt " + id} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	ns := storedNominations(t, db)
	if len(ns) != 3 {
		t.Fatalf("stored %d nominations, want 3", len(ns))
	}
	want := []struct {
		kind        khenthuong.Kind
		title, name string
		gender      khenthuong.Gender
		birth       string
		position    string
		unit, form  string
	}{
		{khenthuong.Collective, "", "Phòng Phổ biến, giáo dục pháp luật", "", "", "", "Sở Tư pháp", "BKCT"},
		{khenthuong.Individual, "Ông", "Trương Quang Sáng", khenthuong.Male, "1975-01-05", "Phó Giám đốc Sở Tư pháp", "", "BKCT"},
		{khenthuong.Individual, "Bà", "Nguyễn Thị Như Quỳnh", khenthuong.Female, "1980", "Chuyên viên Sở Tư pháp", "", "CSTDCS"},
	}
	for i, w := range want {
		n := ns[i]
		got := n.Nominee
		if got.Kind != w.kind || got.Title != w.title || got.Name != w.name || got.Gender != w.gender ||
			got.Birth.String() != w.birth || got.Position != w.position || got.Unit != w.unit || n.FormCode != w.form {
			t.Errorf("nomination %d = %+v %s", i, got, n.FormCode)
		}
		if n.Status != khenthuong.StatusSubmitted || n.Order != i+1 || strings.TrimSpace(id) != itoaU(n.CampaignID) {
			t.Errorf("nomination %d: status %s, order %d, campaign %d", i, n.Status, n.Order, n.CampaignID)
		}
	}

	// The same file again: every row is flagged as a possible duplicate, and still imported.
	rep, _, code := importJSON(t, db, file, "--campaign", id)
	if code != 0 || rep.Imported != 3 || rep.Warnings != 3 || !strings.Contains(rep.Problems[0].Message, "Có thể trùng với đề nghị mã 1") {
		t.Errorf("second import: exit %d, report %+v", code, rep)
	}
}

func TestImportBadFileChangesNothing(t *testing.T) {
	db, id := newCampaign(t)
	bad := strings.Replace(unitCSV, "05/01/1975", "31/02/1975", 1)
	file := writeTestFile(t, "loi.csv", bad)
	out, errOut, code := cli(t, db, "import", file, "--campaign", id)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if want := "trang “loi.csv”, dòng 6, cột D (Ngày sinh), “31/02/1975”: Ngày sinh: Ngày “31/02/1975” không có thật"; !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if !strings.Contains(errOut, "Không nhập được dòng nào: tệp có 1 lỗi") {
		t.Errorf("stderr = %q", errOut)
	}
	if ns := storedNominations(t, db); len(ns) != 0 {
		t.Errorf("a file with errors stored %d nominations", len(ns))
	}

	rep, errOut, code := importJSON(t, db, file, "--campaign", id, "--valid-only")
	if code != 0 || rep.Imported != 2 || rep.Errors != 1 {
		t.Fatalf("--valid-only: exit %d (%s), report %+v", code, errOut, rep)
	}
	if ns := storedNominations(t, db); len(ns) != 2 || ns[1].Nominee.Name != "Nguyễn Thị Như Quỳnh" {
		t.Errorf("--valid-only stored %+v", ns)
	}
}

func TestImportWithFormAndMapping(t *testing.T) {
	db, id := newCampaign(t)
	csv := "TT;Người được đề nghị;Nơi làm việc\n1;Lê Văn Tiến;Đồn Biên phòng Cha Lo\n"
	file := writeTestFile(t, "la.csv", csv)
	mapping := writeTestFile(t, "so-do.json", `{"columns": {"Người được đề nghị": "name", "Nơi làm việc": "unit"}}`)
	rep, errOut, code := importJSON(t, db, file, "--campaign", id, "--form", "ldtt", "--mapping", mapping)
	if code != 0 || rep.Imported != 1 {
		t.Fatalf("exit %d (%s), report %+v", code, errOut, rep)
	}
	ns := storedNominations(t, db)
	if len(ns) != 1 || ns[0].FormCode != "LDTT" || ns[0].Nominee.Unit != "Đồn Biên phòng Cha Lo" || ns[0].Nominee.Kind != khenthuong.Individual {
		t.Errorf("stored %+v", ns)
	}

	for _, c := range []struct {
		name    string
		args    []string
		code    int
		message string
	}{
		{"UnknownForm", []string{file, "--campaign", id, "--form", "XYZ"}, 1, "XYZ"},
		{"UnknownCampaign", []string{file, "--campaign", "99"}, 1, "99"},
		{"NoCampaign", []string{file}, 2, "--campaign"},
		{"NoFile", []string{"--campaign", id}, 2, "một tệp"},
		{"OldExcel", []string{writeTestFile(t, "cu.xls", "x"), "--campaign", id}, 1, "lưu thành .xlsx"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := cli(t, db, append([]string{"import"}, c.args...)...)
			if code != c.code || !strings.Contains(errOut, c.message) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, c.code, c.message)
			}
		})
	}
}

func itoaU(n uint64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
