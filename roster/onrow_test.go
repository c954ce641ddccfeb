package roster

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"khenthuong"
)

// TestOnRowStreams: read with ReadOptions.OnRow, a file gives the same rows
// (to OnRow, in order), the same problems and the same duplicate warnings
// as read whole, and the Import keeps only the rows with errors.
func TestOnRowStreams(t *testing.T) {
	dir := t.TempDir()
	xlsx := writeXLSX(t, dir, "ds.xlsx", xsheet{name: "S", rows: [][]any{
		{"STT", "Loại", "Họ và tên", "Năm sinh", "Đơn vị", "Hình thức"},
		{1, "Cá nhân", "Nguyễn Văn An", 1970, "Sở Nội vụ", "BKCT"},
		{2, "Cá nhân", "NGUYỄN VĂN AN", 1970, "Sở Tài chính", "CSTDT"},
		{3, "Cá nhân", "Trần Thị Bình", "31/02/1990", "Sở Nội vụ", "BKCT"}, // an error
		{4, "Cá nhân", "Trần Thị Bình", 1990, "Sở Y tế", "BKCT"},
	}})
	csv := filepath.Join(dir, "ds.csv")
	if err := os.WriteFile(csv, []byte("STT,Họ và tên,Năm sinh,Đơn vị,Hình thức\n1,Lê Văn Cường,1991,Sở Xây dựng,BKCT\n2,Lê Văn Cường,1991,Sở Xây dựng,XYZ\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	existing := []khenthuong.Nomination{{ID: 41, CampaignID: 2, FormCode: "BKCT", Status: khenthuong.StatusApproved,
		Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: "Trần Thị Bình", Birth: khenthuong.MustDate("1990"), Unit: "Sở Y tế"}}}
	for _, path := range []string{xlsx, csv} {
		t.Run(filepath.Ext(path), func(t *testing.T) {
			whole, err := Read(path, testOptions())
			must(t, err)
			whole.CheckDuplicates(existing)

			var streamed []Row
			opts := testOptions()
			opts.OnRow = func(r *Row) { streamed = append(streamed, *r) }
			im, err := Read(path, opts)
			must(t, err)
			if names, want := im.Names(), whole.Names(); !reflect.DeepEqual(names, want) {
				t.Errorf("names %v, want %v", names, want)
			}
			im.CheckDuplicates(existing)

			if !reflect.DeepEqual(streamed, whole.Rows) {
				t.Errorf("rows given to OnRow:\n%+v\nwant:\n%+v", streamed, whole.Rows)
			}
			if im.RowsRead() != len(whole.Rows) || whole.RowsRead() != len(whole.Rows) {
				t.Errorf("RowsRead %d and %d, want %d", im.RowsRead(), whole.RowsRead(), len(whole.Rows))
			}
			var invalid []Row
			for _, r := range whole.Rows {
				if r.Invalid {
					invalid = append(invalid, r)
				}
			}
			if len(invalid) != 1 || !reflect.DeepEqual(im.Rows, invalid) {
				t.Errorf("rows kept: %+v, want the invalid ones %+v", im.Rows, invalid)
			}
			if !reflect.DeepEqual(im.Problems, whole.Problems) {
				t.Errorf("problems:%s\nwant:%s", problemsOf(im), problemsOf(whole))
			}
			if im.Warnings() == 0 || im.Errors() != 1 {
				t.Errorf("%d warnings, %d errors:%s", im.Warnings(), im.Errors(), problemsOf(im))
			}
		})
	}
}
