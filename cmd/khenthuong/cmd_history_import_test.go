package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"khenthuong"
	"khenthuong/certificates"
)

// archivedDecision writes a signed decision as the office keeps it, in the
// format of path's extension (.pdf or .docx).
func archivedDecision(t *testing.T, path, number, date string) {
	t.Helper()
	rec := func(k khenthuong.Kind, title, name, position, unit string) khenthuong.Recipient {
		return khenthuong.Recipient{Nominee: khenthuong.Nominee{Kind: k, Title: title, Name: name, Position: position, Unit: unit}}
	}
	d := &khenthuong.Decision{
		FormCode: "BKCT", Number: number, Date: khenthuong.MustDate(date),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam", Status: khenthuong.DecisionIssued,
		Recipients: []khenthuong.Recipient{
			rec(khenthuong.Collective, "", "Phòng Phổ biến, giáo dục pháp luật", "", "Sở Tư pháp"),
			rec(khenthuong.Individual, "Ông", "Trương Quang Sáng", "Phó Giám đốc", "Sở Tư pháp"),
		},
	}
	var form *khenthuong.AwardForm
	for _, f := range khenthuong.DefaultForms() {
		if f.Code == "BKCT" {
			form = &f
		}
	}
	s := khenthuong.DefaultSettings()
	doc := certificates.DecisionDoc{Decision: d, Form: form, Settings: &s}
	var buf bytes.Buffer
	var err error
	if strings.HasSuffix(path, ".docx") {
		err = certificates.WriteDecisionDOCX(&buf, doc, certificates.DecisionOptions{})
	} else {
		err = certificates.WriteDecision(&buf, doc, certificates.DecisionOptions{})
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func historyImport(t *testing.T, db string, args ...string) ([]historyImportReport, string, int) {
	t.Helper()
	out, errOut, code := cli(t, db, append([]string{"history", "import"}, append(args, "--json")...)...)
	var reps []historyImportReport
	if err := json.Unmarshal([]byte(out), &reps); err != nil {
		t.Fatalf("report is not JSON (%v): %s\nstderr: %s", err, out, errOut)
	}
	return reps, errOut, code
}

func TestHistoryImport(t *testing.T) {
	t.Run("SignedPDFThenHistoryAndSearch", func(t *testing.T) {
		db, _ := newCampaign(t)
		file := filepath.Join(t.TempDir(), "2871.pdf")
		archivedDecision(t, file, "2871/QĐ-UBND", "2022-10-24")
		reps, errOut, code := historyImport(t, db, file, "--dry-run")
		if code != 0 || len(reps) != 1 || reps[0].Written || reps[0].Recipients != 2 || reps[0].Decision.Number != "2871/QĐ-UBND" {
			t.Fatalf("--dry-run: exit %d (%s) %+v", code, errOut, reps)
		}
		if out := mustCLI(t, db, "history", "truong quang sang"); strings.Contains(out, "2871") {
			t.Errorf("--dry-run wrote: %s", out)
		}
		reps, errOut, code = historyImport(t, db, file)
		if code != 0 || !reps[0].Written || !reps[0].Decision.Archive {
			t.Fatalf("exit %d (%s) %+v", code, errOut, reps)
		}
		out := mustCLI(t, db, "history", "truong quang sang")
		if !strings.Contains(out, "2871/QĐ-UBND") || !strings.Contains(out, "24/10/2022") {
			t.Errorf("history after the import:\n%s", out)
		}
		// Twice: refused, nothing more written.
		reps, _, code = historyImport(t, db, file)
		if code == 0 || reps[0].Written || !strings.Contains(reps[0].Message, "đã có") {
			t.Errorf("second import: exit %d, %+v", code, reps[0])
		}
	})
	t.Run("FolderReportsEachFile", func(t *testing.T) {
		db, _ := newCampaign(t)
		dir := t.TempDir()
		archivedDecision(t, filepath.Join(dir, "a.pdf"), "10/QĐ-UBND", "2016-01-10")
		archivedDecision(t, filepath.Join(dir, "b.docx"), "20/QĐ-UBND", "2017-02-20")
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddPage()
		pdf.Rect(10, 10, 50, 50, "F")
		if err := pdf.OutputFileAndClose(filepath.Join(dir, "c-scan.pdf")); err != nil {
			t.Fatal(err)
		}
		reps, _, code := historyImport(t, db, dir)
		if code == 0 || len(reps) != 3 {
			t.Fatalf("exit %d, %d reports", code, len(reps))
		}
		if !reps[0].Written || !reps[1].Written || reps[2].Written || !strings.Contains(reps[2].Message, "bản quét") {
			t.Errorf("reports: %+v", reps)
		}
		out := mustCLI(t, db, "history", "phong pho bien")
		if !strings.Contains(out, "10/QĐ-UBND") || !strings.Contains(out, "20/QĐ-UBND") {
			t.Errorf("history:\n%s", out)
		}
	})
	t.Run("ExcelListNeedsNumberAndDate", func(t *testing.T) {
		db, _ := newCampaign(t)
		file := writeTestFile(t, "ds.csv", "STT;Họ và tên;Chức vụ;Đơn vị;Số sổ vàng\r\n1;Ông Nguyễn Văn An;Trưởng phòng;Sở Nội vụ;BK-2019-07\r\n")
		reps, _, code := historyImport(t, db, file, "--form", "BKCT")
		if code == 0 || reps[0].Written {
			t.Errorf("without --number, --date: exit %d %+v", code, reps[0])
		}
		reps, errOut, code := historyImport(t, db, file, "--form", "BKCT", "--number", "15/QĐ-UBND", "--date", "01/03/2019")
		if code != 0 || !reps[0].Written || reps[0].Decision.Recipients[0].RegistryNo != "BK-2019-07" {
			t.Errorf("exit %d (%s) %+v", code, errOut, reps[0])
		}
	})
	t.Run("PartlyRecognisedNeedsValidOnly", func(t *testing.T) {
		db, _ := newCampaign(t)
		file := writeTestFile(t, "ds.csv", "STT;Họ và tên;Chức vụ;Đơn vị;Ngày sinh\r\n1;Ông Nguyễn Văn An;Trưởng phòng;Sở Nội vụ;\r\n2;Bà Trần Thị Hoa;Chuyên viên;Sở Nội vụ;31/02/1980\r\n")
		args := []string{file, "--form", "BKCT", "--number", "16/QĐ-UBND", "--date", "2019-03-02"}
		reps, _, code := historyImport(t, db, args...)
		if code == 0 || reps[0].Written || reps[0].Errors != 1 {
			t.Fatalf("with an error: exit %d %+v", code, reps[0])
		}
		found := false
		for _, p := range reps[0].Problems {
			if p.Row == 3 && p.Severity == "error" {
				found = true
			}
		}
		if !found {
			t.Errorf("the bad row is not reported by its line: %+v", reps[0].Problems)
		}
		reps, _, code = historyImport(t, db, append(args, "--valid-only")...)
		if code != 0 || !reps[0].Written || len(reps[0].Decision.Recipients) != 1 {
			t.Errorf("--valid-only: exit %d %+v", code, reps[0])
		}
	})
}
