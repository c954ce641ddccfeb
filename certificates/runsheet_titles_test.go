package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong"
)

// A danh xưng the clerk typed before the presenter's name is read once, in
// the batch line and in the MC's script: never "Đồng chí Đồng chí".
func TestRunSheetPresenterTitleNotDoubled(t *testing.T) {
	for _, c := range []struct {
		name      string
		presenter string
		line      string // the run-sheet's batch line starts with it
		invite    string // the MC's invitation holds it
	}{
		{"no title", "Trần Hải Châu", "Đồng chí Trần Hải Châu, Bí thư Tỉnh ủy", "kính mời đồng chí Trần Hải Châu, Bí thư Tỉnh ủy"},
		{"Đồng chí typed", "Đồng chí Trần Hải Châu", "Đồng chí Trần Hải Châu, Bí thư Tỉnh ủy", "kính mời đồng chí Trần Hải Châu, Bí thư Tỉnh ủy"},
		{"Đ/c typed", "Đ/c Trần Hải Châu", "Đồng chí Trần Hải Châu, Bí thư Tỉnh ủy", "kính mời đồng chí Trần Hải Châu, Bí thư Tỉnh ủy"},
		{"lower case đồng chí", "đồng chí Trần Hải Châu", "Đồng chí Trần Hải Châu, Bí thư Tỉnh ủy", "kính mời đồng chí Trần Hải Châu, Bí thư Tỉnh ủy"},
		{"Bà", "Bà Lê Thị Hoa", "Bà Lê Thị Hoa, Bí thư Tỉnh ủy", "kính mời bà Lê Thị Hoa, Bí thư Tỉnh ủy"},
		{"Ông", "Ông Võ Văn Hưng", "Ông Võ Văn Hưng, Bí thư Tỉnh ủy", "kính mời ông Võ Văn Hưng, Bí thư Tỉnh ủy"},
		{"a rank", "Đại tá Lê Văn Tiến", "Đại tá Lê Văn Tiến, Bí thư Tỉnh ủy", "kính mời Đại tá Lê Văn Tiến, Bí thư Tỉnh ủy"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := mixDecision("BKCT", 90, 0, 3, 0, false)
			doc := RunSheetDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings(), BatchSize: 10,
				Presenters: []Presenter{{Name: c.presenter, Title: "Bí thư Tỉnh ủy"}}}
			path := docPDF(t, "title.pdf", func(b *bytes.Buffer) error { return WriteRunSheet(b, doc) })
			all := squash(strings.Join(pdfText(t, path), " "))
			for _, want := range []string{"(khay số 01 đến 03) " + c.line, c.invite} {
				if !strings.Contains(all, want) {
					t.Errorf("run-sheet lacks %q:\n%s", want, all)
				}
			}
			folded := strings.ToLower(all)
			for _, twice := range []string{"đồng chí đồng chí", "đồng chí đ/c", "đồng chí bà", "đồng chí ông", "đồng chí đại tá"} {
				if strings.Contains(folded, twice) {
					t.Errorf("run-sheet says %q", twice)
				}
			}
		})
	}
}
