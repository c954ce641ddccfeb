package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/roster"
)

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "chua-co.db")
	out := filepath.Join(dir, "mau.xlsx")
	mustCLI(t, db, "template", "-o", out)
	if _, err := os.Stat(db); err == nil {
		t.Error("making a template created the data file")
	}
	im, err := roster.Read(out, roster.ReadOptions{Forms: khenthuong.DefaultForms()})
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Sheets) == 0 || im.Sheets[0].HeaderRow != 4 || im.Warnings() != 3 {
		t.Errorf("template reads back as %+v, problems %+v", im.Sheets, im.Problems)
	}
	if _, errOut, code := cli(t, db, "template"); code != 2 || !strings.Contains(errOut, "-o") {
		t.Errorf("template without -o: exit %d, %q", code, errOut)
	}
}
