package roster

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

func TestWriteTemplate(t *testing.T) {
	forms := testForms()
	var buf bytes.Buffer
	must(t, WriteTemplate(&buf, forms))
	dir := t.TempDir()
	path := filepath.Join(dir, "mau.xlsx")
	must(t, os.WriteFile(path, buf.Bytes(), 0o644))

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if visible, _ := f.GetSheetVisible(listsSheet); visible {
		t.Error("the lists sheet should be hidden")
	}
	dvs, err := f.GetDataValidations("Danh sách")
	must(t, err)
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[strings.Split(dv.Sqref, ":")[0]] = dv.Formula1
	}
	for cell, want := range map[string]string{
		"B5": "'Danh mục'!$A$2:$A$4",  // Loại
		"C5": "'Danh mục'!$B$2:$B$23", // Danh xưng
		"E5": "'Danh mục'!$C$2:$C$3",  // Giới tính
		"J5": "'Danh mục'!$D$2:$D$8",  // Phân loại đối tượng
		"L5": "'Danh mục'!$E$2:$E$13", // Hình thức khen thưởng
	} {
		if got := strings.Trim(lists[cell], "="); got != want {
			t.Errorf("drop-down at %s = %q, want %q", cell, got, want)
		}
	}
	formList, err := f.GetCellValue(listsSheet, "E2")
	must(t, err)
	if formList != forms[0].Name {
		t.Errorf("first form in the list = %q, want %q", formList, forms[0].Name)
	}
	f.Close()

	// As written, only example rows: nothing to import.
	im, err := Read(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Rows) != 0 || im.Warnings() != 3 || im.Errors() != 1 {
		t.Errorf("template as is: %d rows, problems:%s", len(im.Rows), problemsOf(im))
	}

	// With the examples numbered, they are three valid rows, one per kind.
	f, err = excelize.OpenFile(path)
	must(t, err)
	for i, cell := range []string{"A5", "A6", "A7"} {
		must(t, f.SetCellValue("Danh sách", cell, i+1))
	}
	must(t, f.SaveAs(path))
	f.Close()
	im, err = Read(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if im.Errors() != 0 || im.Warnings() != 0 || len(im.Unknown) != 0 {
		t.Fatalf("unknown %q, problems:%s", im.Unknown, problemsOf(im))
	}
	var kinds []string
	for _, r := range im.Rows {
		kinds = append(kinds, string(r.Nomination.Nominee.Kind)+":"+r.Nomination.FormCode)
	}
	if got, want := strings.Join(kinds, " "), "tapthe:CTDT canhan:CSTDT hogiadinh:BKCT"; got != want {
		t.Errorf("rows = %s, want %s", got, want)
	}
	sang := im.Rows[1].Nomination.Nominee
	if sang.Title != "Ông" || sang.Name != "Trương Quang Sáng" || sang.Gender != khenthuong.Male || sang.Birth != khenthuong.MustDate("1975-01-05") {
		t.Errorf("example individual = %+v", sang)
	}
}
