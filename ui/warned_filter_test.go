package ui

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/store"
)

// TestOnlyNominationsWithWarnings shows Đề nghị of a real data file with and
// without "Chỉ đề nghị có cảnh báo": the check and a click on the Cảnh báo
// header keep only the rows the review warns about (a person nominated twice,
// one awarded before), paged and searched like the others, and a write
// changes them at once.
func TestOnlyNominationsWithWarnings(t *testing.T) {
	clock := time.Date(2025, 10, 24, 9, 0, 0, 0, time.UTC)
	db, err := store.Open(filepath.Join(t.TempDir(), "khenthuong.db"), store.Options{
		User: "canbo", NoBackup: true, Now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	must(t, err)
	t.Cleanup(func() { db.Close() })
	c := khenthuong.Campaign{Name: "Tổng kết 2024", CeremonyDate: khenthuong.MustDate("2024-06-20")}
	must(t, db.CreateCampaign(&c))
	ns := append(sampleNominations(),
		person("Ông", "Nguyễn Văn An", khenthuong.Male, "1968", "Phó Giám đốc", "Công an tỉnh"), // the same man again
		person("Ông", "Lê Văn Bình", khenthuong.Male, "1975", "Chuyên viên", "Sở Tư pháp"))      // and another
	for i := range ns {
		ns[i].CampaignID = c.ID
	}
	must(t, db.CreateNominations(ns))

	a := test.NewTempApp(t)
	drainUI()
	m := New(a, db, Options{DataPath: "khenthuong.db"})
	m.win.Resize(fyne.NewSize(1600, 900))
	t.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	showPage(t, m, pageNominations)
	s := m.nominations
	waitAll(m)
	rows := func() []string {
		t.Helper()
		waitAll(m)
		return columnTexts(t, s.table, colName, s.model.len())
	}
	all := rows()
	if len(all) != len(ns) {
		t.Fatalf("%d rows, want %d", len(all), len(ns))
	}
	warned := []string{"Nguyễn Văn An", "Lê Văn Bình", "Nguyễn Văn An", "Lê Văn Bình"}

	test.Tap(s.warnedCheck)
	if got := rows(); !slices.Equal(got, warned) {
		t.Fatalf("with the check: %q, want %q", got, warned)
	}
	if got := columnTexts(t, s.table, colWarnings, 4); !slices.Equal(got, []string{"⚠ 1", "⚠ 1", "⚠ 1", "⚠ 1"}) {
		t.Errorf("their Cảnh báo: %q", got)
	}
	if got := s.count.Text; got != "4 đề nghị" {
		t.Errorf("count %q", got)
	}
	writeShot(t, m, "nominations-with-warnings")
	test.Type(s.search, "binh")
	if got := rows(); !slices.Equal(got, []string{"Lê Văn Bình", "Lê Văn Bình"}) {
		t.Errorf("searched: %q", got)
	}
	s.search.SetText("duc")
	if got := rows(); len(got) != 0 || s.empty.label.Text != "Không có đề nghị nào có cảnh báo khớp với ô tìm kiếm và bộ lọc." {
		t.Errorf("searched for a row without warnings: %q, hint %q", got, s.empty.label.Text)
	}
	s.search.SetText("")
	test.Tap(s.warnedCheck)
	if got := rows(); !slices.Equal(got, all) {
		t.Errorf("without the check: %q", got)
	}

	// The header of Cảnh báo turns the filter on, and off again.
	tapHeader(t, s.table, colWarnings)
	if got := rows(); !s.warnedCheck.Checked || !slices.Equal(got, warned) {
		t.Errorf("after a click on Cảnh báo: checked %v, %q", s.warnedCheck.Checked, got)
	}
	// A write changes which rows have warnings: the second Lê Văn Bình goes.
	must(t, db.DeleteNomination(ns[len(ns)-1].ID))
	s.reload()
	if got := rows(); !slices.Equal(got, []string{"Nguyễn Văn An", "Nguyễn Văn An"}) {
		t.Errorf("after a deletion: %q", got)
	}
	tapHeader(t, s.table, colWarnings)
	if got := rows(); s.warnedCheck.Checked || len(got) != len(ns)-1 {
		t.Errorf("after a second click: checked %v, %d rows", s.warnedCheck.Checked, len(got))
	}

	// On a laptop the check stays whole, inside the window, and a tap on it works.
	m.win.Resize(laptop)
	waitAll(m)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.warnedCheck)
	if size := s.warnedCheck.Size(); pos.X < 0 || pos.X+size.Width > laptop.Width || size.Width < s.warnedCheck.MinSize().Width {
		t.Errorf("on a laptop the check lies at %v, %v wide", pos, size.Width)
	}
	test.Tap(s.warnedCheck)
	if got := rows(); !s.warnedCheck.Checked || len(got) != 2 {
		t.Errorf("on a laptop, after a tap: checked %v, %q", s.warnedCheck.Checked, got)
	}
}
