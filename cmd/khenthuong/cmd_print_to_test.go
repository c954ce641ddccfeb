//go:build !windows

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"khenthuong/printing/cupstest"
)

var jobLine = regexp.MustCompile(`lệnh in (\S+)\)`)

// Every print document sent with --to through CUPS comes out of the virtual
// PDF printer on the paper of the -o PDF, every word where that PDF has it.
func TestPrintToPrinterMatchesTheWrittenPDF(t *testing.T) {
	db, d := demoDecision(t)
	id := strconv.FormatUint(d.ID, 10)
	s := cupstest.Start(t)
	out := s.FilePrinter("Phong_TD")
	mustCLI(t, db, "printer", "set", "Phong_TD", "--offset-x", "3", "--offset-y", "-2")
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		// written are the -o flags giving the same pages as --to Phong_TD
		written []string
	}{
		{"certificates, the printer's own profile", []string{"certificates", "--decision", id, "--mode", "plain"}, []string{"--printer", "Phong_TD"}},
		{"calibration A3 landscape", []string{"calibration"}, []string{"--printer", "Phong_TD"}},
		{"decision", []string{"decision", "--decision", id}, nil},
		{"list", []string{"list", "--decision", id, "--table"}, nil},
		{"runsheet", []string{"runsheet", "--decision", id, "--batch", "5"}, nil},
		{"payments", []string{"payments", "--decision", id}, nil},
		{"history", []string{"history", d.Recipients[0].Nominee.Name, "--nominee", strconv.FormatUint(d.Recipients[0].NomineeID, 10)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf := filepath.Join(dir, tc.args[0]+".pdf")
			mustCLI(t, db, append(append(append([]string{"print"}, tc.args...), tc.written...), "-o", pdf)...)
			_, stderr, code := cli(t, db, append(append([]string{"print"}, tc.args...), "--to", "Phong_TD")...)
			m := jobLine.FindStringSubmatch(stderr)
			if code != 0 || m == nil {
				t.Fatalf("print --to: exit %d\n%s", code, stderr)
			}
			written, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatal(err)
			}
			compareWords(t, written, s.WaitJob(m[1], out))
		})
	}
}

func compareWords(t *testing.T, written, printed []byte) {
	t.Helper()
	w, err := cupstest.Words(written)
	if err != nil {
		t.Fatal(err)
	}
	p, err := cupstest.Words(printed)
	if err != nil {
		t.Fatal(err)
	}
	if problems := cupstest.SamePlaces(w, p, 0.3); len(problems) > 0 {
		t.Fatalf("%d differences, the first:\n%s", len(problems), strings.Join(problems[:min(10, len(problems))], "\n"))
	}
}

func TestPrintersAndPrintToRefusals(t *testing.T) {
	db, d := demoDecision(t)
	id := strconv.FormatUint(d.ID, 10)
	s := cupstest.Start(t)
	s.FilePrinter("A_Van_thu")
	s.FilePrinter("B_Phong_TD")
	s.SetDefault("B_Phong_TD")
	var ps []struct {
		Name    string
		Default bool
	}
	if err := json.Unmarshal([]byte(mustCLI(t, db, "printers", "--json")), &ps); err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Name != "B_Phong_TD" || !ps[0].Default || ps[1].Name != "A_Van_thu" {
		t.Fatalf("printers --json = %+v, want the default B_Phong_TD first", ps)
	}
	if table := mustCLI(t, db, "printers"); !strings.Contains(table, "mặc định") {
		t.Fatalf("printers:\n%s", table)
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"decision", "--decision", id, "--to", "B_Phong_TD", "-o", "x.pdf"}, "chọn một trong hai"},
		{[]string{"decision", "--decision", id}, "cần -o TỆP hoặc --to MÁY_IN"},
		{[]string{"decision", "--decision", id, "-o", "x.pdf", "--copies", "2"}, "--copies và --tray chỉ dùng với --to"},
		{[]string{"decision", "--decision", id, "--to", "B_Phong_TD", "--copies", "0"}, "--copies phải từ 1 đến 999"},
		{[]string{"decision", "--decision", id, "--to", "Khong_co"}, "Không có máy in “Khong_co”"},
	} {
		_, stderr, code := cli(t, db, append([]string{"print"}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("print %v: exit %d, stderr %q; want “%s”", tc.args, code, stderr, tc.msg)
		}
	}
}
