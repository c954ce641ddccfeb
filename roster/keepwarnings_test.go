package roster

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/vntext"
)

// TestKeepWarnings: a duplicate check keeping the first n warnings keeps
// those the whole check gives first, every error, and counts the rest;
// the look-ups it makes still take at most a chunk of names.
func TestKeepWarnings(t *testing.T) {
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Năm sinh;Đơn vị;Hình thức\n")
	var existing []khenthuong.Nomination
	for i := 1; i <= 120; i++ {
		name := fmt.Sprintf("Lê Văn Trùng %d", i%45)
		birth := fmt.Sprint(1970 + i%3)
		switch {
		case i%17 == 0:
			birth = "31/02/1980" // an error
		case i%13 == 0:
			birth = "05/1981" // a warning of the reading: only the year is kept
		}
		fmt.Fprintf(&b, "%d;%s;%s;Sở Nội vụ;BKCT\n", i, name, birth)
		if i%4 == 0 {
			existing = append(existing, khenthuong.Nomination{ID: uint64(len(existing) + 1), CampaignID: 1, FormCode: "BKCT", Status: khenthuong.StatusApproved,
				Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Name: name, Unit: "Sở Nội vụ", Birth: khenthuong.Date{Year: 1970 + i%3}}})
		}
	}
	path := filepath.Join(t.TempDir(), "trung.csv")
	must(t, os.WriteFile(path, []byte(b.String()), 0o644))
	lookup := func(names []string) ([]khenthuong.Nomination, error) {
		if len(names) > 5 {
			t.Errorf("%d names at once, want at most 5", len(names))
		}
		var out []khenthuong.Nomination
		for _, n := range existing {
			for _, name := range names {
				if vntext.Fold(n.Nominee.Name) == name {
					out = append(out, n)
					break
				}
			}
		}
		return out, nil
	}
	awards := func(ids []uint64) (map[uint64]khenthuong.Award, error) {
		out := map[uint64]khenthuong.Award{}
		for _, id := range ids {
			out[id] = khenthuong.Award{DecisionNumber: fmt.Sprintf("%d/QĐ-UBND", id)}
		}
		return out, nil
	}
	check := func(keep int) *Import {
		im, err := Read(path, testOptions())
		must(t, err)
		im.KeepWarnings(keep)
		must(t, im.CheckDuplicatesAwarded(lookup, awards, 5))
		return im
	}
	whole := check(0)
	all := problemsOf(whole)
	for _, want := range []string{"của tệp", "theo Quyết định số", "Chỉ lấy năm sinh"} {
		if !strings.Contains(all, want) {
			t.Fatalf("no warning with %q:%s", want, all)
		}
	}
	if whole.Errors() < 5 || whole.Warnings() < 100 {
		t.Fatalf("the list gives %d errors and %d warnings, want more:%s", whole.Errors(), whole.Warnings(), all)
	}
	for _, keep := range []int{1, 7, 40, whole.Warnings(), whole.Warnings() + 5} {
		var want []Problem
		left := keep
		for _, p := range whole.Problems {
			if p.Severity == SeverityWarning {
				if left == 0 {
					continue
				}
				left--
			}
			want = append(want, p)
		}
		im := check(keep)
		if !reflect.DeepEqual(im.Problems, want) {
			t.Errorf("keeping %d warnings:%s\nwant%s", keep, problemsOf(im), problemsOf(&Import{Problems: want}))
		}
		if im.Warnings() != whole.Warnings() || im.Errors() != whole.Errors() {
			t.Errorf("keeping %d warnings: %d warnings and %d errors counted, want %d and %d", keep, im.Warnings(), im.Errors(), whole.Warnings(), whole.Errors())
		}
	}
}
