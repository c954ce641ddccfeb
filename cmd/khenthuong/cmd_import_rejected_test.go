package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// --valid-only --rejected stores the good rows and writes the bad ones,
// with the unit's columns and what to fix, for the unit.
func TestImportRejectedRowsForTheUnit(t *testing.T) {
	db, id := newCampaign(t)
	bad := strings.Replace(unitCSV, "05/01/1975", "31/02/1975", 1)
	file := writeTestFile(t, "loi.csv", bad)
	out := filepath.Join(t.TempDir(), "tra lai.xlsx")
	rep, errOut, code := importJSON(t, db, file, "--campaign", id, "--valid-only", "--rejected", out)
	if code != 0 || rep.Imported != 2 || rep.Rejected != 1 || rep.RejectedFile != out {
		t.Fatalf("exit %d (%s), report %+v", code, errOut, rep)
	}
	if !strings.Contains(rep.Message, "1 dòng lỗi") {
		t.Errorf("message %q", rep.Message)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	if len(rows) != 2 || rows[0][6] != "Lỗi cần sửa" || rows[1][1] != "Ông Trương Quang Sáng" || !strings.Contains(rows[1][6], "không có thật") {
		t.Errorf("rejected rows %q", rows)
	}
	if _, errOut, code := cli(t, db, "import", file, "--campaign", id, "--rejected", "x.csv"); code == 0 || !strings.Contains(errOut, ".xlsx") {
		t.Errorf("--rejected x.csv: exit %d, %s", code, errOut)
	}
}
