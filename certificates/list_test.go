package certificates

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/vntext"
)

// wantEntries is the list a decision must print, as ListSections gives it,
// checked independently here: sections of the kinds present, numbered from
// 1, ";" then "." at the end of a section and "./." at the very end.
func checkListEntries(t *testing.T, d *khenthuong.Decision, got []listEntry) {
	t.Helper()
	var kinds []khenthuong.Kind
	byKind := map[khenthuong.Kind][]khenthuong.Recipient{}
	for _, r := range d.Recipients {
		if byKind[r.Nominee.Kind] == nil {
			kinds = append(kinds, r.Nominee.Kind)
		}
		byKind[r.Nominee.Kind] = append(byKind[r.Nominee.Kind], r)
	}
	var want []listEntry
	roman := []string{"I", "II", "III"}
	sec := 0
	for _, k := range khenthuong.Kinds {
		rs := byKind[k]
		if len(rs) == 0 {
			continue
		}
		heading := roman[sec] + ". " + strings.ToUpper(k.Label())
		if len(byKind[khenthuong.Collective]) == 0 && len(byKind[khenthuong.Household]) == 0 ||
			len(rs) == len(d.Recipients) {
			heading = "" // one kind: no section heading, no "I."
		}
		sec++
		for i, r := range rs {
			n := r.Nominee
			text := n.DisplayName()
			switch {
			case k == khenthuong.Individual:
				text += ", " + n.PositionAndUnit()
			case k == khenthuong.Household:
				text += ", " + n.Address
			case n.Unit != "" && !strings.Contains(vntext.Fold(n.Name), vntext.Fold(n.Unit)):
				text += ", " + n.Unit // a collective named with its unit does not repeat it
			}
			want = append(want, listEntry{section: heading, no: fmt.Sprint(i + 1), text: text})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries read back, want %d", len(got), len(want))
	}
	for i := range want {
		end := ";"
		switch {
		case i == len(want)-1:
			end = "./."
		case want[i+1].section != want[i].section:
			end = "."
		}
		w := want[i]
		w.text += end
		if got[i].section != w.section || got[i].no != w.no || got[i].text != w.text {
			t.Errorf("entry %d: got %s %s. %q, want %s %s. %q", i+1, got[i].section, got[i].no, got[i].text, w.section, w.no, w.text)
		}
	}
}

func TestListPDF(t *testing.T) {
	for _, c := range []struct {
		name             string
		coll, ind, house int
		sections         []string
	}{
		{"CollectivesAndIndividuals", 5, 4, 0, []string{"I. TẬP THỂ", "II. CÁ NHÂN"}},
		{"IndividualsOnly", 0, 9, 0, []string{""}},
		{"WithHouseholds", 3, 12, 2, []string{"I. TẬP THỂ", "II. CÁ NHÂN", "III. HỘ GIA ĐÌNH"}},
		{"CollectivesAndHouseholds", 2, 0, 2, []string{"I. TẬP THỂ", "II. HỘ GIA ĐÌNH"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := mixDecision("BKCT", 11, c.coll, c.ind, c.house, false)
			path := docPDF(t, "ds.pdf", func(b *bytes.Buffer) error { return WriteList(b, decisionDoc(d), false) })
			entries := readList(t, pdfLayout(t, path))
			checkListEntries(t, d, entries)
			var secs []string
			for _, e := range entries {
				if len(secs) == 0 || secs[len(secs)-1] != e.section {
					secs = append(secs, e.section)
				}
			}
			if strings.Join(secs, "|") != strings.Join(c.sections, "|") {
				t.Errorf("sections %q, want %q", secs, c.sections)
			}
			p1 := squash(pdfText(t, path)[0])
			if !strings.HasPrefix(p1, "DANH SÁCH ") || strings.Contains(p1, "QUYẾT ĐỊNH:") {
				t.Errorf("the list alone should start with its title:\n%.200s", p1)
			}
			checkPageFrame(t, path, AdminStyle())
		})
	}
	t.Run("RankInsteadOfOngBa", func(t *testing.T) {
		d := testDecision()
		path := docPDF(t, "ds.pdf", func(b *bytes.Buffer) error { return WriteList(b, decisionDoc(d), false) })
		text := squash(strings.Join(pdfText(t, path), " "))
		for _, want := range []string{
			"3. Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp;",
			"4. Đại tá Lê Văn Tiến, Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh;",
			"1. Bà Nguyễn Thị Ngọc Ánh, Phó Trưởng phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;",
			"I. TẬP THỂ 1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp. II. CÁ NHÂN",
			"5. Bà Huỳnh Thị Mỹ Duyên, Giáo viên Trường Tiểu học Ưng Lịch, xã Gio Việt./.",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("list lacks %q:\n%s", want, text)
			}
		}
	})
}

// TestListPageBreaks prints 400 recipients with units long enough to wrap
// over several lines: no entry may be split across pages, and every entry
// keeps its number and punctuation.
func TestListPageBreaks(t *testing.T) {
	d := mixDecision("BKCT", 21, 60, 330, 10, true)
	for _, withDecision := range []bool{false, true} {
		t.Run(fmt.Sprintf("WithDecision=%v", withDecision), func(t *testing.T) {
			path := docPDF(t, "ds.pdf", func(b *bytes.Buffer) error {
				if withDecision {
					return WriteDecision(b, decisionDoc(d), DecisionOptions{})
				}
				return WriteList(b, decisionDoc(d), false)
			})
			pages := pdfLayout(t, path)
			if len(pages) < 20 {
				t.Fatalf("%d pages for 400 long entries", len(pages))
			}
			entries := readList(t, pages) // reports any entry split across pages
			checkListEntries(t, d, entries)
			multi := 0
			for _, e := range entries {
				if len(e.text) > 200 {
					multi++
				}
			}
			if multi < 300 {
				t.Errorf("only %d entries wrap: the test does not test page breaks", multi)
			}
			checkPageFrame(t, path, AdminStyle())
		})
	}
}

var tableRow = regexp.MustCompile(`^\s*(\d+)\s{2,}(\S.*?)(\s{2,}(\S.*))?$`)

func TestListTable(t *testing.T) {
	d := mixDecision("BKCT", 31, 3, 40, 2, false)
	path := docPDF(t, "ds.pdf", func(b *bytes.Buffer) error { return WriteList(b, decisionDoc(d), true) })
	pages := pdfLayout(t, path)
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the table to continue", len(pages))
	}
	for i, lines := range pages {
		text := strings.Join(lines, "\n")
		if !strings.Contains(text, ColNo) || !strings.Contains(text, "Họ và tên / Tên tập thể") || !strings.Contains(text, ColPosition) {
			t.Errorf("page %d lacks the header row", i+1)
		}
	}
	// Rows: numbered from 1 per section, in the decision's order, no list punctuation.
	var got []string
	section := ""
	for _, lines := range pages {
		for _, l := range lines {
			if m := sectionLine.FindStringSubmatch(l); m != nil {
				section = m[1]
				continue
			}
			if m := tableRow.FindStringSubmatch(l); m != nil && section != "" {
				got = append(got, section+" "+m[1]+" "+strings.TrimSpace(m[2]))
			}
		}
	}
	var want []string
	secs := map[khenthuong.Kind]string{khenthuong.Collective: "I", khenthuong.Individual: "II", khenthuong.Household: "III"}
	n := map[khenthuong.Kind]int{}
	for _, r := range d.Recipients {
		n[r.Nominee.Kind]++
		want = append(want, fmt.Sprintf("%s %d %s", secs[r.Nominee.Kind], n[r.Nominee.Kind], r.Nominee.DisplayName()))
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		// A long name wraps in its cell (its first line starts the row); a
		// short one may run into the next column's text.
		if !strings.HasPrefix(want[i], got[i]) && !strings.HasPrefix(got[i], want[i]+" ") {
			t.Errorf("row %d: %q, want %q", i+1, got[i], want[i])
		}
	}
	all := strings.Join(pdfText(t, path), "")
	if strings.Contains(all, ";") || strings.Contains(all, "./.") {
		t.Error("the table form carries list punctuation")
	}
	checkPageFrame(t, path, AdminStyle())
}
