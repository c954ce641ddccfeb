package certificates

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
)

// A batch is never split across pages (rows 21–24 on one page, 25 on the
// next), whatever the number of recipients.
func TestRunSheetBatchesStayWhole(t *testing.T) {
	st := AdminStyle()
	for _, n := range []int{23, 31, 38, 47, 55} {
		d := mixDecision("BKCT", uint64(80+n), 4, n, 0, true)
		doc := RunSheetDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings(), BatchSize: 5}
		pages, err := RunSheetPages(doc)
		if err != nil {
			t.Fatal(err)
		}
		pageOf := map[int]int{} // tray -> page of its row in the order of the ceremony
		for pi, p := range pages {
			for _, tx := range p.Texts {
				if tray, err := strconv.Atoi(tx.Text); err == nil && tx.Style == "B" && tx.X < st.Left+17 {
					if _, seen := pageOf[tray]; !seen {
						pageOf[tray] = pi
					}
				}
			}
		}
		if len(pageOf) != n+4 {
			t.Fatalf("%d recipients: %d tray rows read", n+4, len(pageOf))
		}
		for _, e := range doc.Entries() {
			first := e.Tray - e.InBatch + 1
			if pageOf[e.Tray] != pageOf[first] {
				t.Errorf("%d recipients: batch %d split: tray %d on page %d, tray %d on page %d",
					n+4, e.Batch, first, pageOf[first]+1, e.Tray, pageOf[e.Tray]+1)
			}
		}
	}
}

// The MC invites "đại diện" of collectives and households only: a person
// comes up in person.
func TestRunSheetCallsRepresentativesOfCollectivesOnly(t *testing.T) {
	for _, c := range []struct {
		coll, ind, house int
		want, not        string
	}{
		{0, 4, 0, "kính mời các cá nhân có tên sau đây", "đại diện các cá nhân"},
		{4, 0, 0, "kính mời đại diện các tập thể có tên sau đây", ""},
		{2, 2, 0, "kính mời đại diện các tập thể và các cá nhân có tên sau đây", "đại diện các cá nhân"},
		{0, 2, 2, "kính mời các cá nhân và đại diện các hộ gia đình có tên sau đây", "đại diện các cá nhân"},
	} {
		d := mixDecision("BKCT", 90, c.coll, c.ind, c.house, false)
		doc := RunSheetDoc{Decisions: []khenthuong.Decision{*d}, Forms: testForms(), Settings: testSettings(), BatchSize: 10}
		path := docPDF(t, "ks.pdf", func(b *bytes.Buffer) error { return WriteRunSheet(b, doc) })
		all := squash(strings.Join(pdfText(t, path), " "))
		if !strings.Contains(all, c.want) || c.not != "" && strings.Contains(all, c.not) {
			t.Errorf("%d/%d/%d: the MC's call-up lacks %q or says %q:\n%s", c.coll, c.ind, c.house, c.want, c.not, all)
		}
	}
}
