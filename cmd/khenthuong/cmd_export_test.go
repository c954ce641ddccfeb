package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

func TestExportThenImportGivesTheSameNominations(t *testing.T) {
	db, id := newCampaign(t)
	mustCLI(t, db, "import", writeTestFile(t, "ds.csv", unitCSV), "--campaign", id)
	dir := t.TempDir()
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(dir, "roster."+format)
			args := []string{"export", "--campaign", id, "-o", out}
			if format == "csv" {
				args = append(args, "--sep", ";")
			}
			_, errOut, code := cli(t, db, args...)
			if code != 0 {
				t.Fatalf("export: exit %d: %s", code, errOut)
			}
			second := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Bản sao "+format))
			mustCLI(t, db, "import", out, "--campaign", second)
			var orig, back []khenthuong.Nomination
			for _, n := range storedNominations(t, db) {
				switch itoaU(n.CampaignID) {
				case id:
					orig = append(orig, n)
				case second:
					back = append(back, n)
				}
			}
			if len(back) != len(orig) {
				t.Fatalf("imported back %d nominations, want %d", len(back), len(orig))
			}
			for i := range orig {
				a, b := orig[i], back[i]
				if a.Nominee != b.Nominee || a.FormCode != b.FormCode || a.Achievement != b.Achievement ||
					a.ProposingUnit != b.ProposingUnit || a.SubmissionNo != b.SubmissionNo || a.SubmissionDate != b.SubmissionDate || a.Order != b.Order {
					t.Errorf("row %d:\n got %+v\nwant %+v", i, b, a)
				}
			}
		})
	}
}

func TestExportFormatsAndErrors(t *testing.T) {
	db, id := newCampaign(t)
	list := unitCSV + "3;Ông Trần Văn An;Nam;1970;Chuyên viên Sở Tư pháp;BKCT\r\n"
	mustCLI(t, db, "import", writeTestFile(t, "ds.csv", list), "--campaign", id)
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "ds.csv")
	mustCLI(t, db, "export", "--campaign", id, "-o", csvPath, "--sep", ";", "--order", "alpha")
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\r\n")
	if !strings.HasPrefix(lines[0], "\uFEFFSTT;Danh xưng;Họ và tên / Tên tập thể;") {
		t.Errorf("csv header = %q", lines[0])
	}
	// By form (highest rank first), then collectives before people, people by given name.
	for i, want := range []string{"1;;Phòng Phổ biến", "2;Ông;Trần Văn An;", "3;Ông;Trương Quang Sáng;", "1;Bà;Nguyễn Thị Như Quỳnh;"} {
		if !strings.HasPrefix(lines[i+1], want) {
			t.Errorf("csv line %d = %q, want it to start with %q", i+2, lines[i+1], want)
		}
	}
	for _, c := range []struct {
		name    string
		args    []string
		code    int
		message string
	}{
		{"Decision", []string{"--decision", "1", "-o", filepath.Join(dir, "qd.xlsx")}, 1, "Không tìm thấy quyết định"},
		{"Both", []string{"--campaign", id, "--decision", "1", "-o", filepath.Join(dir, "x.xlsx")}, 2, "đúng một"},
		{"NoOutput", []string{"--campaign", id}, 2, "-o"},
		{"WrongExtension", []string{"--campaign", id, "-o", filepath.Join(dir, "x.pdf")}, 2, ".xlsx hoặc .csv"},
		{"WrongOrder", []string{"--campaign", id, "-o", filepath.Join(dir, "x.xlsx"), "--order", "unit"}, 2, "list hoặc alpha"},
		{"UnknownCampaign", []string{"--campaign", "42", "-o", filepath.Join(dir, "x.xlsx")}, 1, "42"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := cli(t, db, append([]string{"export"}, c.args...)...)
			if code != c.code || !strings.Contains(errOut, c.message) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, c.code, c.message)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "qd.xlsx")); err == nil {
		t.Error("a failed export left a file")
	}
}
