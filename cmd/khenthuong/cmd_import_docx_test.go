package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A unit's list sent as a Word document imports as its spreadsheet would.
func TestImportWordList(t *testing.T) {
	db, id := newCampaign(t)
	file := filepath.Join(t.TempDir(), "danh sach.docx")
	archivedDecision(t, file, "45/TTr-STP", "2024-06-02")
	rep, errOut, code := importJSON(t, db, file, "--campaign", id)
	if code != 0 || rep.Imported != 2 || rep.Errors != 0 {
		t.Fatalf("exit %d (%s) %+v", code, errOut, rep)
	}
	ns := storedNominations(t, db)
	if len(ns) != 2 || ns[0].Nominee.Name != "Phòng Phổ biến, giáo dục pháp luật" || ns[1].Nominee.Title != "Ông" || ns[1].FormCode != "BKCT" {
		t.Errorf("stored %+v", ns)
	}
	old := writeTestFile(t, "cu.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	if _, errOut, code := cli(t, db, "import", old, "--campaign", id); code == 0 || !strings.Contains(errOut, ".docx") {
		t.Errorf("a .doc: exit %d, %s", code, errOut)
	}
}
