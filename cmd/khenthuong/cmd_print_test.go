package main

import (
	"archive/zip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
)

// pdfText extracts a PDF's text with poppler's pdftotext; the tests need it.
func pdfText(t *testing.T, path string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is missing: install poppler-utils (make setup does)")
	}
	out, err := exec.Command("pdftotext", append(append(args, path), "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// demoDecision fills a data file with the demo and returns its issued decision.
func demoDecision(t *testing.T) (db string, d khenthuong.Decision) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo")
	var ds []khenthuong.Decision
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "decisions", "--json")), &ds); err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Status == khenthuong.DecisionIssued {
			return db, d
		}
	}
	t.Fatalf("the demo has no issued decision: %+v", ds)
	return
}

func TestPrintCertificatesInCeremonyOrderWithTrays(t *testing.T) {
	db, d := demoDecision(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "bằng khen.pdf")
	id := strconv.FormatUint(d.ID, 10)
	mustCLI(t, db, "print", "certificates", "--decision", id, "--mode", "plain", "--trays", "-o", out)
	pages := strings.Split(pdfText(t, out), "\f")
	if got := len(pages) - 1; got != len(d.Recipients) {
		t.Fatalf("%d pages, want one per recipient (%d)", got, len(d.Recipients))
	}
	sheet := filepath.Join(dir, "kịch bản.pdf")
	mustCLI(t, db, "print", "runsheet", "--decision", id, "--batch", "5", "-o", sheet)
	trayLines := map[string]string{} // "07" -> the run-sheet line of tray 07
	for _, line := range strings.Split(pdfText(t, sheet, "-layout"), "\n") {
		if f := strings.Fields(line); len(f) > 2 && len(f[0]) == 2 && f[0] >= "01" && f[0] <= "99" {
			trayLines[f[0]] = line
		}
	}
	for i, page := range pages[:len(pages)-1] {
		tray := twoDigits(i + 1)
		if !strings.Contains(page, "Thứ tự: "+tray) {
			t.Errorf("page %d lacks its tray number %s", i+1, tray)
		}
		// The recipient of a page is the one whose name is printed first on it.
		name, at := "", len(page)
		for _, r := range d.Recipients {
			if k := strings.Index(page, r.Nominee.DisplayName()); k >= 0 && k < at {
				name, at = r.Nominee.DisplayName(), k
			}
		}
		words := strings.Fields(name)
		if len(words) > 2 {
			words = words[:2] // long names wrap in the run-sheet's column
		}
		if name == "" || !strings.Contains(trayLines[tray], strings.Join(words, " ")) {
			t.Errorf("certificate %d (%q) is not tray %s of the run-sheet: %q", i+1, name, tray, trayLines[tray])
		}
	}
	if !strings.Contains(pages[0], d.Number) {
		t.Errorf("first certificate lacks the decision number %q", d.Number)
	}
	t.Run("SubsetKeepsOrder", func(t *testing.T) {
		a, b := d.Recipients[len(d.Recipients)-1].NominationID, d.Recipients[0].NominationID
		sub := filepath.Join(dir, "hai.pdf")
		mustCLI(t, db, "print", "certificates", "--decision", id, "--recipients", strconv.FormatUint(a, 10)+","+strconv.FormatUint(b, 10), "-o", sub)
		ps := strings.Split(pdfText(t, sub), "\f")
		if len(ps)-1 != 2 || !strings.Contains(ps[0], d.Recipients[0].Nominee.Name) {
			t.Errorf("subset pages: %q", ps)
		}
	})
	t.Run("ReprintChangesNothing", func(t *testing.T) {
		before := mustCLI(t, db, "list", "decisions", "--json")
		mustCLI(t, db, "print", "certificates", "--decision", id, "-o", filepath.Join(dir, "lại.pdf"))
		if after := mustCLI(t, db, "list", "decisions", "--json"); after != before {
			t.Error("printing changed the decision")
		}
	})
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func TestPrintDocuments(t *testing.T) {
	db, d := demoDecision(t)
	id := strconv.FormatUint(d.ID, 10)
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		file string
		want []string
	}{
		{"Decision", []string{"decision", "--decision", id}, "qd.pdf", []string{"QUYẾT ĐỊNH", "Số: " + d.Number, "DANH SÁCH", "./."}},
		{"List", []string{"list", "--decision", id}, "ds.pdf", []string{"DANH SÁCH", "I. TẬP THỂ", "II. CÁ NHÂN"}},
		{"ListTable", []string{"list", "--decision", id, "--table"}, "dsb.pdf", []string{"STT"}},
		{"Payments", []string{"payments", "--decision", id}, "chi.pdf", []string{"DANH SÁCH CHI TIỀN THƯỞNG", "Bằng chữ:"}},
		{"Calibration", []string{"calibration", "--size", "A4L"}, "cc.pdf", []string{"#1"}},
		{"History", []string{"history", "Trương Quang Sáng"}, "qt.pdf", []string{"QUÁ TRÌNH KHEN THƯỞNG", d.Number}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.file)
			mustCLI(t, db, append(append([]string{"print"}, c.args...), "-o", out)...)
			text := pdfText(t, out)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s lacks %q", c.file, w)
				}
			}
		})
	}
	t.Run("DecisionDocx", func(t *testing.T) {
		out := filepath.Join(dir, "qd.docx")
		mustCLI(t, db, "print", "decision", "--decision", id, "-o", out)
		z, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		found := false
		for _, f := range z.File {
			found = found || f.Name == "word/document.xml"
		}
		if !found {
			t.Error("no word/document.xml in the .docx")
		}
	})
	t.Run("PaymentsXlsx", func(t *testing.T) {
		out := filepath.Join(dir, "chi.xlsx")
		mustCLI(t, db, "print", "payments", "--decision", id, "-o", out)
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("no xlsx: %v", err)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		for _, args := range [][]string{
			{"print", "decision", "--decision", "999", "-o", filepath.Join(dir, "x.pdf")},
			{"print", "certificates", "--decision", id, "-o", filepath.Join(dir, "x.txt")},
			{"print", "certificates", "--decision", id, "--printer", "không có", "-o", filepath.Join(dir, "x.pdf")},
			{"print", "poster", "-o", filepath.Join(dir, "x.pdf")},
		} {
			if _, errOut, code := cli(t, db, args...); code == 0 || errOut == "" {
				t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
			t.Error("a failed print left a file behind")
		}
	})
}

func TestPrinterProfilesAndCalibrationOffset(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "printer", "set", "Máy in phòng 203", "--offset-x", "2.5", "--offset-y", "-1.5")
	var ps []khenthuong.PrinterProfile
	if err := json.Unmarshal([]byte(mustCLI(t, db, "printer", "list", "--json")), &ps); err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Name != "Máy in phòng 203" || ps[0].OffsetX != 2.5 || ps[0].OffsetY != -1.5 {
		t.Fatalf("profiles = %+v", ps)
	}
	if out := mustCLI(t, db, "printer", "list"); !strings.Contains(out, "2,5") || !strings.Contains(out, "-1,5") {
		t.Errorf("printer list = %q", out)
	}
	if _, errOut, code := cli(t, db, "printer", "set", "X", "--offset-x", "90"); code == 0 || !strings.Contains(errOut, "50 mm") {
		t.Errorf("offset 90 mm accepted: %d %q", code, errOut)
	}
	// The calibration page printed through the profile moves every mark by the offset.
	dir := t.TempDir()
	plain, shifted := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	mustCLI(t, db, "print", "calibration", "--size", "A4L", "-o", plain)
	mustCLI(t, db, "print", "calibration", "--size", "A4L", "--printer", "máy in phòng 203", "-o", shifted)
	x0, y0 := wordBox(t, plain, "#1")
	x1, y1 := wordBox(t, shifted, "#1")
	const ptPerMM = 72 / 25.4
	if dx, dy := (x1-x0)/ptPerMM, (y1-y0)/ptPerMM; abs(dx-2.5) > 0.05 || abs(dy+1.5) > 0.05 {
		t.Errorf("mark #1 moved by (%.2f, %.2f) mm, want (2.5, -1.5)", dx, dy)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// wordBox returns the top-left corner (pt) of the first word equal to w, from pdftotext -bbox.
func wordBox(t *testing.T, path, w string) (x, y float64) {
	t.Helper()
	for _, line := range strings.Split(pdfText(t, path, "-bbox"), "\n") {
		if !strings.Contains(line, ">"+w+"</word>") {
			continue
		}
		x, _ = strconv.ParseFloat(attr(line, "xMin"), 64)
		y, _ = strconv.ParseFloat(attr(line, "yMin"), 64)
		return x, y
	}
	t.Fatalf("%s: no word %q", path, w)
	return
}

func attr(line, name string) string {
	_, rest, _ := strings.Cut(line, name+`="`)
	v, _, _ := strings.Cut(rest, `"`)
	return v
}

func TestCertificateTemplateExportImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo")
	file := filepath.Join(t.TempDir(), "mẫu bằng khen.json")
	mustCLI(t, db, "template", "export", "BKCT", file)
	data, err := os.ReadFile(file)
	if err != nil || !json.Valid(data) {
		t.Fatalf("exported template: %v", err)
	}
	edited := strings.Replace(string(data), `"name": "`, `"name": "Mẫu của Sở - `, 1)
	os.WriteFile(file, []byte(edited), 0o600)
	mustCLI(t, db, "template", "import", "BKCT", file)
	again := filepath.Join(t.TempDir(), "lại.json")
	mustCLI(t, db, "template", "export", "bkct", again)
	if b, _ := os.ReadFile(again); !strings.Contains(string(b), "Mẫu của Sở - ") {
		t.Errorf("imported template not used: %s", b[:min(len(b), 200)])
	}
	os.WriteFile(file, []byte(`{"name":"x","page_width":-5}`), 0o600)
	if _, errOut, code := cli(t, db, "template", "import", "BKCT", file); code == 0 || !strings.Contains(errOut, file) {
		t.Errorf("a broken template was accepted or the message does not name the file: %d %q", code, errOut)
	}
}
