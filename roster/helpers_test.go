package roster

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khenthuong"
)

// fc is a test cell with a font, as old files typed in .VnTime or VNI-Times have.
type fc struct {
	v    any
	font string
}

// xsheet describes a worksheet the tests write the way units' files look.
type xsheet struct {
	name   string
	rows   [][]any // string, int, float64, time.Time or fc; nil skips a cell
	merges [][2]string
	hidden bool
	// hiddenRows are rows (1-based) hidden or filtered out, hiddenCols
	// columns ("F") hidden.
	hiddenRows []int
	hiddenCols []string
	// defaultFont, when set, is the font of every cell that has none (old
	// workbooks whose Normal style is .VnTime).
	defaultFont string
}

// writeXLSX writes the sheets into dir/name and returns the path.
func writeXLSX(t testing.TB, dir, name string, sheets ...xsheet) string {
	t.Helper()
	b := xlsxBytes(t, sheets...)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func xlsxBytes(t testing.TB, sheets ...xsheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fonts := map[string]int{}
	style := func(font string) int {
		if id, ok := fonts[font]; ok {
			return id
		}
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Size: 13}})
		if err != nil {
			t.Fatal(err)
		}
		fonts[font] = id
		return id
	}
	for i, s := range sheets {
		if i == 0 {
			must(t, f.SetSheetName("Sheet1", s.name))
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				font := s.defaultFont
				if x, ok := v.(fc); ok {
					v, font = x.v, x.font
				}
				must(t, f.SetCellValue(s.name, cell, v))
				if font != "" {
					must(t, f.SetCellStyle(s.name, cell, cell, style(font)))
				}
			}
		}
		for _, m := range s.merges {
			must(t, f.MergeCell(s.name, m[0], m[1]))
		}
		if s.hidden {
			must(t, f.SetSheetVisible(s.name, false))
		}
		for _, r := range s.hiddenRows {
			must(t, f.SetRowVisible(s.name, r, false))
		}
		for _, c := range s.hiddenCols {
			must(t, f.SetColVisible(s.name, c, false))
		}
	}
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// testForms is the default catalogue, as a new data file has it.
func testForms() []khenthuong.AwardForm {
	fs := khenthuong.DefaultForms()
	for i := range fs {
		fs[i].Normalize()
	}
	return fs
}

var testToday = khenthuong.Date{Year: 2025, Month: 1, Day: 1}

func testOptions() ReadOptions {
	return ReadOptions{Forms: testForms(), Today: testToday}
}

// nominationDiff lists the fields in which got differs from want, ignoring
// what the store sets.
func nominationDiff(got, want khenthuong.Nomination) []string {
	var diffs []string
	g, w := reflect.ValueOf(got.Nominee), reflect.ValueOf(want.Nominee)
	for i := 0; i < g.NumField(); i++ {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			diffs = append(diffs, fmt.Sprintf("Nominee.%s = %#v, want %#v", g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface()))
		}
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"FormCode", got.FormCode, want.FormCode},
		{"Achievement", got.Achievement, want.Achievement},
		{"ProposingUnit", got.ProposingUnit, want.ProposingUnit},
		{"SubmissionNo", got.SubmissionNo, want.SubmissionNo},
		{"SubmissionDate", got.SubmissionDate, want.SubmissionDate},
		{"Status", got.Status, want.Status},
		{"Notes", got.Notes, want.Notes},
		{"CampaignID", got.CampaignID, want.CampaignID},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			diffs = append(diffs, fmt.Sprintf("%s = %#v, want %#v", f.name, f.got, f.want))
		}
	}
	return diffs
}

// checkRows compares every field of every row read with the expected ones.
func checkRows(t *testing.T, im *Import, want []wantRow) {
	t.Helper()
	if len(im.Rows) != len(want) {
		for _, r := range im.Rows {
			t.Logf("row %s:%d %s", r.Sheet, r.Line, r.Nomination.Nominee.DisplayName())
		}
		t.Fatalf("read %d rows, want %d", len(im.Rows), len(want))
	}
	for i, w := range want {
		r := im.Rows[i]
		if r.Line != w.line || w.sheet != "" && r.Sheet != w.sheet {
			t.Errorf("row %d: at %s:%d, want %s:%d", i, r.Sheet, r.Line, w.sheet, w.line)
		}
		want := w.n
		if want.Status == "" {
			want.Status = khenthuong.StatusSubmitted
		}
		for _, d := range nominationDiff(r.Nomination, want) {
			t.Errorf("row %d (line %d): %s", i, r.Line, d)
		}
		if r.Invalid != w.invalid {
			t.Errorf("row %d (line %d): Invalid = %v, want %v", i, r.Line, r.Invalid, w.invalid)
		}
	}
}

type wantRow struct {
	sheet   string
	line    int
	n       khenthuong.Nomination
	invalid bool
}

// problemsOf lists the problems as one string each, for messages.
func problemsOf(im *Import) string {
	var b strings.Builder
	for _, p := range im.Problems {
		fmt.Fprintf(&b, "\n  [%s] %s", p.Severity, p)
	}
	return b.String()
}

func person(title, name string, g khenthuong.Gender, birth string, position, unit, form string) khenthuong.Nomination {
	return khenthuong.Nomination{
		Nominee: khenthuong.Nominee{
			Kind: khenthuong.Individual, Title: title, Name: name, Gender: g, Birth: khenthuong.MustDate(birth),
			Position: position, Unit: unit,
		},
		FormCode: form,
	}
}

func collective(name, unit, form string) khenthuong.Nomination {
	return khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: name, Unit: unit}, FormCode: form}
}
