package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

// openHistory seeds two campaigns, the older with an issued decision, and opens Tra cứu.
func openHistory(t *testing.T) (*fakeServices, *MainWindow, *historyScreen) {
	t.Helper()
	f := newFake()
	old := seedCampaign(t, f, "Tổng kết phong trào 2014 - 2023", sampleNominations()...)
	approveAll(t, f, old)
	issuedDecision(t, f, old)
	again := person("Ông", "Trương Quang Sáng", khenthuong.Male, "1970", "Giám đốc", "Sở Tư pháp")
	again.FormCode = "CSTDT"
	seedCampaign(t, f, "Hằng năm 2025", again)
	m := newTestUI(t, f)
	showPage(t, m, pageLookup)
	return f, m, m.lookup
}

// historyRow reads every column of row r.
func historyRow(t *testing.T, s *historyScreen, r int) []string {
	t.Helper()
	var row []string
	for col := range numHistCols {
		row = append(row, columnTexts(t, s.table, col, r+1)[r])
	}
	return row
}

func TestHistory(t *testing.T) {
	t.Run("FindsAPersonTypedWithoutTones", func(t *testing.T) {
		_, m, s := openHistory(t)
		if s.count.Text != "Gõ tên để tìm trong mọi đợt khen thưởng" {
			t.Errorf("before typing: %q", s.count.Text)
		}
		test.Type(s.search, "truong quang sang")
		waitAll(m)
		if len(s.results) != 2 || s.count.Text != "2 đề nghị, 1 đã được khen" {
			t.Fatalf("%d results, count %q", len(s.results), s.count.Text)
		}
		// Newest first: the award of 24/10/2025, then the nomination of a
		// campaign whose ceremony was on 20/06/2024.
		if got := historyRow(t, s, 1); got[histColCampaign] != "Hằng năm 2025" || got[histColStatus] != "Đã đề nghị" || got[histColDecision] != "" {
			t.Errorf("row 2 %q", got)
		}
		// Post and unit in their own columns, the award by its name (issue 18).
		want := []string{"Ông Trương Quang Sáng", "1970", "Phó Giám đốc", "Sở Tư pháp", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Được khen",
			"2871/QĐ-UBND", "24/10/2025", "BKCT-2025-0002", "3.510.000", "Tổng kết phong trào 2014 - 2023"}
		if got := historyRow(t, s, 0); !slices.Equal(got, want) {
			t.Errorf("row 1 %q,\nwant %q", got, want)
		}
	})

	t.Run("OnlyTheLastQueryCounts", func(t *testing.T) {
		_, m, s := openHistory(t)
		test.Type(s.search, "nguyen")
		s.search.SetText("")
		test.Type(s.search, "le van binh")
		waitAll(m)
		if len(s.results) != 1 || s.results[0].Nomination.Nominee.Name != "Lê Văn Bình" || s.query != "le van binh" {
			t.Errorf("results for %q: %d", s.query, len(s.results))
		}
		if s.progress.Visible() {
			t.Error("the progress bar still runs")
		}
		s.search.SetText("")
		waitAll(m)
		if len(s.results) != 0 || !s.printButton.Disabled() {
			t.Errorf("after clearing: %d results", len(s.results))
		}
	})

	t.Run("PrintAwardHistory", func(t *testing.T) {
		_, m, s := openHistory(t)
		dir := t.TempDir()
		m.saver.choose = func(name string, done func(string)) { done(filepath.Join(dir, name)) }
		m.saver.open = func(string) error { return nil }
		test.Type(s.search, "TRƯƠNG QUANG SÁNG")
		waitAll(m)
		if !s.printButton.Disabled() {
			t.Error("print enabled with nothing selected")
		}
		tapCell(t, s.table, 1, histColName)
		test.Tap(s.printButton)
		waitAll(m)
		v := s.doc
		if v == nil || len(v.preview.pages) != 1 {
			t.Fatalf("history preview %+v", v)
		}
		texts := v.preview.pageTexts()
		if !slices.Contains(texts, "QUÁ TRÌNH KHEN THƯỞNG") || !slices.Contains(texts, "BKCT-2025-0002") {
			t.Errorf("preview reads %q", texts)
		}
		test.Tap(v.save)
		waitAll(m)
		data, err := os.ReadFile(filepath.Join(dir, "Qua-trinh-khen-thuong-Truong-Quang-Sang.pdf"))
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("history PDF: %v", err)
		}
	})

	t.Run("CtrlFFocusesTheSearch", func(t *testing.T) {
		_, m, s := openHistory(t)
		m.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutSearch)
		if m.page != pageLookup || m.win.Canvas().Focused() != s.search {
			t.Errorf("Ctrl+F: page %d, focus %T", m.page, m.win.Canvas().Focused())
		}
	})
}
