package ui

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/vntext"
)

// openNominations seeds the sample list and opens Đề nghị on it.
func openNominations(t *testing.T) (*fakeServices, *MainWindow, *nominationsScreen, khenthuong.Campaign) {
	t.Helper()
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
	m := newTestUI(t, f)
	showPage(t, m, pageNominations)
	return f, m, m.nominations, c
}

func TestNominations(t *testing.T) {
	allNames := []string{"Phòng Phổ biến, giáo dục pháp luật", "Trương Quang Sáng", "Nguyễn Thị Bình",
		"Nguyễn Văn An", "Lê Văn Bình", "Nguyễn Văn Đức"}

	t.Run("RowsInListOrder", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		if got := s.count.Text; got != "6 đề nghị" {
			t.Errorf("count %q", got)
		}
		if got := columnTexts(t, s.table, colName, 6); !slices.Equal(got, allNames) {
			t.Errorf("names %q", got)
		}
		if got := columnTexts(t, s.table, colOrder, 6); !slices.Equal(got, []string{"1", "2", "3", "4", "5", "6"}) {
			t.Errorf("STT %q", got)
		}
		row := []string{}
		for col := range numNomCols {
			row = append(row, columnTexts(t, s.table, col, 4)[3])
		}
		want := []string{"4", "Cá nhân", "Đại tá", "Nguyễn Văn An", "Đã đề nghị", "", "Nam", "1968", "Phó Giám đốc", "Công an tỉnh", "BKCT", "Sở Tư pháp"}
		if !slices.Equal(row, want) {
			t.Errorf("row 4 reads %q,\nwant %q", row, want)
		}
		if got := columnTexts(t, s.table, colKind, 1)[0]; got != "Tập thể" {
			t.Errorf("collective's kind %q", got)
		}
	})

	t.Run("SearchFoldsVietnamese", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		test.Type(s.search, "nguyen van")
		settleRows(s)
		if got := s.count.Text; got != "2 đề nghị" {
			t.Errorf("count %q", got)
		}
		if got := columnTexts(t, s.table, colName, 2); !slices.Equal(got, []string{"Nguyễn Văn An", "Nguyễn Văn Đức"}) {
			t.Errorf("found %q", got)
		}
		s.search.SetText("CÔNG AN") // units and positions too
		settleRows(s)
		if got := columnTexts(t, s.table, colName, 2); s.count.Text != "2 đề nghị" || !slices.Equal(got, []string{"Nguyễn Văn An", "Nguyễn Văn Đức"}) {
			t.Errorf("unit search: %q, %q", s.count.Text, got)
		}
		s.search.SetText("")
		settleRows(s)
		if got := s.count.Text; got != "6 đề nghị" {
			t.Errorf("count after clearing %q", got)
		}
	})

	t.Run("FiltersCombine", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		n, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		n[2].Status = khenthuong.StatusApproved
		if err := f.UpdateNomination(&n[2]); err != nil {
			t.Fatal(err)
		}
		s.reload()
		waitAll(m)
		s.kindSelect.SetSelected(kindLabel(khenthuong.Individual))
		settleRows(s)
		if got := s.count.Text; got != "5 đề nghị" {
			t.Errorf("individuals: %q", got)
		}
		s.statusSelect.SetSelected(statusLabel(khenthuong.StatusApproved))
		settleRows(s)
		if got := columnTexts(t, s.table, colName, 1); s.model.len() != 1 || got[0] != "Nguyễn Thị Bình" {
			t.Errorf("approved individuals: %d rows, %q", s.model.len(), got)
		}
		s.statusSelect.SetSelectedIndex(0)
		settleRows(s)
		s.formSelect.SetSelected("CSTDT")
		settleRows(s)
		if s.model.len() != 0 {
			t.Errorf("%d rows for a form nobody has", s.model.len())
		}
	})

	t.Run("SortByNameIsVietnameseOrder", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		tapHeader(t, s.table, colName)
		settleRows(s)
		want := []string{"Nguyễn Văn An", "Nguyễn Thị Bình", "Lê Văn Bình", "Nguyễn Văn Đức",
			"Phòng Phổ biến, giáo dục pháp luật", "Trương Quang Sáng"}
		if got := columnTexts(t, s.table, colName, 6); !slices.Equal(got, want) {
			t.Errorf("ascending %q,\nwant %q", got, want)
		}
		tapHeader(t, s.table, colName)
		settleRows(s)
		slices.Reverse(want)
		if got := columnTexts(t, s.table, colName, 6); !slices.Equal(got, want) {
			t.Errorf("descending %q", got)
		}
		test.Type(s.search, "nguyen") // filtering keeps the order
		settleRows(s)
		if got := columnTexts(t, s.table, colName, 3); !slices.Equal(got, []string{"Nguyễn Văn Đức", "Nguyễn Thị Bình", "Nguyễn Văn An"}) {
			t.Errorf("filtered descending %q", got)
		}
		tapHeader(t, s.table, colOrder)
		settleRows(s)
		if got := columnTexts(t, s.table, colName, 3); !slices.Equal(got, []string{"Nguyễn Thị Bình", "Nguyễn Văn An", "Nguyễn Văn Đức"}) {
			t.Errorf("back to list order %q", got)
		}
	})

	t.Run("EveryColumnSortsByTheQuery", func(t *testing.T) {
		// Each click asks the query for the column's order (the second one
		// reverses it), and the rows come in that order.
		f, _, s, c := openNominations(t)
		all, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		for _, tc := range []struct {
			col  int
			sort khenthuong.NominationSort
			want []string // the column's texts, ascending
		}{
			{colKind, khenthuong.SortByKind, []string{"Tập thể", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân"}},
			{colTitle, khenthuong.SortByTitle, nil},
			{colGender, khenthuong.SortByGender, nil},
			{colBirth, khenthuong.SortByBirth, nil},
			{colPosition, khenthuong.SortByPosition, nil},
		} {
			for _, desc := range []bool{false, true} {
				before := len(f.queryState().asked)
				tapHeader(t, s.table, tc.col)
				settleRows(s)
				asked := f.queryState().asked[before:]
				if len(asked) == 0 || asked[0].Sort != tc.sort || asked[0].Descending != desc {
					t.Fatalf("column %d (desc %v) asked %+v, want sort %q", tc.col, desc, asked, tc.sort)
				}
				ns := slices.Clone(all)
				slices.SortStableFunc(ns, func(a, b khenthuong.Nomination) int {
					c := bytes.Compare(tc.sort.Key(&a), tc.sort.Key(&b))
					if desc {
						c = -c
					}
					return c
				})
				want := make([]string, len(ns))
				for i := range ns {
					want[i] = ns[i].Nominee.Name
				}
				if got := columnTexts(t, s.table, colName, 6); !slices.Equal(got, want) || s.table.sortCol != tc.col || s.table.sortDesc != desc {
					t.Errorf("column %d desc %v: names %q, want %q", tc.col, desc, got, want)
				}
				if tc.want != nil && !desc {
					if got := columnTexts(t, s.table, tc.col, 6); !slices.Equal(got, tc.want) {
						t.Errorf("column %d reads %q, want %q", tc.col, got, tc.want)
					}
				}
			}
		}
		tapHeader(t, s.table, colWarnings) // no order of the query: the list stays as it is
		settleRows(s)
		if s.model.sortCol != colPosition {
			t.Errorf("a click on Cảnh báo sorted by %d", s.model.sortCol)
		}
	})

	t.Run("AddNomination", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		m.win.Canvas().Focus(s.search) // Ctrl+N reaches the window even from the search box
		s.search.TypedShortcut(shortcutNew)
		e := s.editor
		if e == nil {
			t.Fatal("Ctrl+N opened no editor")
		}
		if m.win.Canvas().Focused() != e.name {
			t.Error("the name field should have the focus")
		}
		e.kind.SetSelected(kindLabel(khenthuong.Individual))
		test.Type(e.title, "Bà")
		test.Type(e.name, "hoàng thị   thu hà")
		e.gender.SetSelected("Nữ")
		test.Type(e.birth, "05/01/1985")
		test.Type(e.position, "Chuyên viên")
		test.Type(e.unit, "Sở Nội vụ")
		e.classification.SetText(khenthuong.Classifications[1])
		e.selectAward("CSTDT")
		test.Type(e.achievement, "Đã có thành tích xuất sắc")
		test.Type(e.proposer, "Sở Nội vụ")
		test.Type(e.submissionNo, "12/TTr-SNV")
		test.Type(e.submissionDate, "15/5/2024")
		test.Tap(e.save)
		waitAll(m)

		all, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if len(all) != 7 {
			t.Fatalf("%d nominations, want 7", len(all))
		}
		n := all[6]
		if n.Nominee.Name != "Hoàng Thị Thu Hà" || n.Nominee.Title != "Bà" || n.Nominee.Gender != khenthuong.Female ||
			n.Nominee.Birth != khenthuong.MustDate("1985-01-05") || n.FormCode != "CSTDT" || n.Order != 7 ||
			n.SubmissionDate != khenthuong.MustDate("2024-05-15") || n.Status != khenthuong.StatusSubmitted ||
			n.Nominee.Classification != "Cơ quan hành chính" {
			t.Errorf("stored %+v", n)
		}
		if s.editor != nil {
			t.Error("the dialog stayed open")
		}
		if sel := s.selected(); sel == nil || sel.ID != n.ID {
			t.Error("the new nomination is not selected")
		}
		if s.count.Text != "7 đề nghị" {
			t.Errorf("count %q", s.count.Text)
		}

		// The next one starts from the same submission.
		s.newItem()
		if e := s.editor; e.proposer.Text != "Sở Nội vụ" || e.submissionNo.Text != "12/TTr-SNV" || e.awardCode() != "CSTDT" || e.name.Text != "" {
			t.Errorf("next form starts with proposer %q, no %q, award %q, name %q", e.proposer.Text, e.submissionNo.Text, e.awardCode(), e.name.Text)
		}
	})

	t.Run("SaveAndAddAnother", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		s.newItem()
		e := s.editor
		test.Type(e.name, "Hồ Thị Lan")
		e.selectAward("LDTT")
		test.Type(e.submissionNo, "7/TTr-SYT")
		test.Tap(e.saveNext)
		waitAll(m)
		next := s.editor
		if next == nil || next == e || next.name.Text != "" || next.awardCode() != "LDTT" || next.submissionNo.Text != "7/TTr-SYT" {
			t.Fatalf("after Lưu và thêm: editor %p (was %p), name %q", next, e, next.name.Text)
		}
		if m.win.Canvas().Focused() != next.name {
			t.Error("the next form should start on the name")
		}
		test.Type(next.name, "Hồ Văn Nam")
		test.Tap(next.save)
		waitAll(m)
		all, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID, FormCode: "LDTT"})
		if len(all) != 2 || all[0].Order != 7 || all[1].Order != 8 || all[1].SubmissionNo != "7/TTr-SYT" {
			t.Errorf("stored %+v", all)
		}
	})

	t.Run("AddValidationInline", func(t *testing.T) {
		f, _, s, c := openNominations(t)
		s.newItem()
		e := s.editor
		test.Tap(e.save)
		if got := e.form.errorText("name"); got != "Chưa nhập họ và tên" {
			t.Errorf("name error %q", got)
		}
		test.Type(e.name, "Phan Văn Minh")
		test.Tap(e.save)
		if got := e.form.errorText("form"); got != "Chưa chọn hình thức khen thưởng" {
			t.Errorf("form error %q", got)
		}
		e.selectAward("BKCT")
		test.Type(e.birth, "1890")
		test.Tap(e.save)
		if got := e.form.errorText("birth"); !contains(got, "không đúng dạng") {
			t.Errorf("birth error %q", got)
		}
		if all, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID}); len(all) != 6 {
			t.Errorf("%d nominations stored after invalid input", len(all))
		}
	})

	t.Run("KindDecidesFieldsAndAwards", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		s.newItem()
		e := s.editor
		e.kind.SetSelected(kindLabel(khenthuong.Collective))
		if e.form.rows["gender"].box.Visible() || e.form.rows["birth"].box.Visible() || e.form.rows["title"].box.Visible() {
			t.Error("person fields shown for a collective")
		}
		if got := e.form.rows["name"].label.Text; got != "Tên tập thể" {
			t.Errorf("name label %q", got)
		}
		if slices.Contains(e.awardCodes, "CSTDT") || !slices.Contains(e.awardCodes, "CTDT") {
			t.Errorf("awards for a collective: %q", e.awardCodes)
		}
		e.kind.SetSelected(kindLabel(khenthuong.Individual))
		if !e.form.rows["gender"].box.Visible() || slices.Contains(e.awardCodes, "CTDT") {
			t.Errorf("individual: gender shown %v, awards %q", e.form.rows["gender"].box.Visible(), e.awardCodes)
		}
	})

	t.Run("EditByDoubleClickAndEnter", func(t *testing.T) {
		f, m, s, _ := openNominations(t)
		doubleTapCell(t, s.table, 3, colName)
		e := s.editor
		if e == nil || e.name.Text != "Nguyễn Văn An" || e.title.Text != "Đại tá" || e.birth.Text != "1968" || e.order.Text != "4" {
			t.Fatalf("double-click opened %+v", e)
		}
		e.position.SetText("Giám đốc")
		e.name.SetText("NGUYỄN văn an") // a person's name is written as names are
		test.Tap(e.save)
		waitAll(m)
		n, _ := f.Nomination(s.model.at(3).ID)
		if n.Nominee.Position != "Giám đốc" || n.Order != 4 || n.Nominee.Name != "Nguyễn Văn An" {
			t.Errorf("stored %+v", n)
		}
		if got := columnTexts(t, s.table, colPosition, 4)[3]; got != "Giám đốc" {
			t.Errorf("table shows %q", got)
		}
		// Enter on the focused table opens the selected row.
		tapCell(t, s.table, 1, colName)
		typeKey(t, m.win.Canvas(), fyne.KeyDown)
		typeKey(t, m.win.Canvas(), fyne.KeyReturn)
		if s.editor == nil || s.editor.name.Text != "Nguyễn Thị Bình" {
			t.Errorf("Enter after Down opened %+v", s.editor)
		}
	})

	t.Run("DeleteWithConfirmation", func(t *testing.T) {
		f, m, s, c := openNominations(t)
		cv := m.win.Canvas()
		tapCell(t, s.table, 1, colName)
		typeKey(t, cv, fyne.KeyDelete)
		if !contains(overlayText(cv), "Xóa đề nghị khen thưởng Ông Trương Quang Sáng?") {
			t.Fatalf("confirmation reads %q", overlayText(cv))
		}
		test.Tap(overlayButton(t, cv, "Hủy"))
		if all, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID}); len(all) != 6 {
			t.Fatal("deleted although the clerk said no")
		}
		test.Tap(s.deleteButton)
		test.Tap(overlayButton(t, cv, "Xóa"))
		waitAll(m)
		all, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		if len(all) != 5 || slices.ContainsFunc(all, func(n khenthuong.Nomination) bool { return n.Nominee.Name == "Trương Quang Sáng" }) {
			t.Errorf("after delete: %d nominations", len(all))
		}
		if s.count.Text != "5 đề nghị" || columnTexts(t, s.table, colName, 2)[1] != "Nguyễn Thị Bình" {
			t.Errorf("table after delete: %q, %q", s.count.Text, columnTexts(t, s.table, colName, 2))
		}
	})

	t.Run("LoadErrorShowsMessage", func(t *testing.T) {
		f, m, s, _ := openNominations(t)
		f.failNext = khenthuong.Errorf(khenthuong.ELOCKED, "Tệp dữ liệu đang được mở ở cửa sổ khác")
		s.reload()
		waitAll(m)
		if !contains(overlayText(m.win.Canvas()), "Tệp dữ liệu đang được mở ở cửa sổ khác") {
			t.Errorf("error dialog reads %q", overlayText(m.win.Canvas()))
		}
		if s.progress.Visible() {
			t.Error("the progress bar still runs")
		}
	})
}

// TestNominationsFollowAnotherClerk: another clerk's change reloads the
// window of Đề nghị on screen, and only that.
func TestNominationsFollowAnotherClerk(t *testing.T) {
	svc := &changing{fakeServices: newFake()}
	c := seedCampaign(t, svc.fakeServices, "Đợt lớn")
	svc.noms = benchNominations(c.ID, 5_000)
	a := test.NewTempApp(t)
	drainUI()
	m := New(a, svc, Options{DataPath: "postgres://nguyenvanan@may-chu:5432/khenthuong"})
	m.win.Resize(fyne.NewSize(1600, 900))
	defer m.win.Close()
	waitAll(m)
	showPage(t, m, pageNominations)
	s := m.nominations
	s.table.ScrollTo(widget.TableCellID{Row: 3_000, Col: colName})
	waitAll(m)
	n := *s.model.at(3_000)
	n.Nominee.Name = "Đặng Thị Sửa Bởi Người Khác"
	if err := svc.UpdateNomination(&n); err != nil { // another clerk's write
		t.Fatal(err)
	}
	before := svc.askedCount()
	svc.tell(khenthuong.Change{Entity: "nomination", Key: "3001", User: "tranthiha", At: time.Now()})
	deadline := time.Now().Add(2 * time.Second)
	for s.model.at(3_000) == nil || s.model.at(3_000).Nominee.Name != n.Nominee.Name {
		if time.Now().After(deadline) {
			t.Fatal("the change is not on screen within 2 s")
		}
		time.Sleep(50 * time.Millisecond)
		waitAll(m)
	}
	if asked := svc.askedSince(before); len(asked) != 1 || asked[0].Page.Limit != pageWindow || asked[0].Page.Offset > 3_000 {
		t.Errorf("the change asked %+v, want the window on screen", asked)
	}
}

func TestMatchWords(t *testing.T) {
	for _, tc := range []struct {
		key, query string
		want       bool
	}{
		{"nguyen van an", "nguyen van", true},
		{"nguyen van an", "van an", true},
		{"nguyen van an", "an nguyen", true}, // words in any order
		{"tran van nguyen", "nguyen van", true},
		{"hoang thi an", "an", true},
		{"hoang thi ha", "an", false}, // only at the start of a word
		{"nguyen van an", "nguyen van b", false},
		{"pho giam doc so tu phap", "tu ph", true},
	} {
		if got := matchWords(tc.key, splitQuery(tc.query)); got != tc.want {
			t.Errorf("matchWords(%q, %q) = %v", tc.key, tc.query, got)
		}
	}
}

// TestNominationsPage: Đề nghị of a long campaign asks for the window of
// rows it shows, not the campaign: the first rows, then, as the clerk
// scrolls, the window around the rows scrolled to; the sort, the search and
// the filters are the query's, and a reload asks for the window on screen.
func TestNominationsPage(t *testing.T) {
	const n = 25_000
	f := newFake()
	c := seedCampaign(t, f, "Đợt lớn")
	f.noms = benchNominations(c.ID, n)
	m := newTestUI(t, f)
	before := f.askedCount()
	showPage(t, m, pageNominations)
	s := m.nominations
	held := func() (int, int) { return s.model.offset, s.model.offset + len(s.model.rows) }

	asked := f.askedSince(before)
	if len(asked) != 1 || asked[0].Page != (khenthuong.Page{Offset: 0, Limit: pageWindow}) || asked[0].Filter.CampaignID != c.ID {
		t.Fatalf("showing the campaign asked %+v, want one window from the top", asked)
	}
	if lo, hi := held(); lo != 0 || hi != pageWindow || s.model.len() != n {
		t.Fatalf("holds rows %d-%d of %d", lo, hi, s.model.len())
	}
	if s.count.Text != "25.000 đề nghị" {
		t.Errorf("count %q", s.count.Text)
	}

	// Scrolling far down asks for the rows scrolled to, and shows them.
	before = f.askedCount()
	s.table.ScrollTo(widget.TableCellID{Row: 12_000, Col: colName})
	waitAll(m)
	asked = f.askedSince(before)
	if len(asked) == 0 || asked[0].Page.Offset > 12_000 || asked[0].Page.Offset+asked[0].Page.Limit <= 12_000 || asked[0].Page.Limit != pageWindow {
		t.Fatalf("scrolling to row 12,000 asked %+v", asked)
	}
	if lo, hi := held(); lo > 12_000 || hi <= 12_000 {
		t.Fatalf("after scrolling holds rows %d-%d", lo, hi)
	}
	if got := s.model.text(12_000, colOrder, s.labels); got != "12001" {
		t.Errorf("row 12,000 shows No. %q", got)
	}
	// The warnings asked for are those of the rows held, window by window.
	f.mu.Lock()
	pages := slices.Clone(f.reviewState().pages)
	f.mu.Unlock()
	if len(pages) < 2 {
		t.Fatalf("%d windows of warnings asked, want one for the top and one for row 12,000", len(pages))
	}
	held12 := make([]uint64, len(s.model.rows))
	for i := range s.model.rows {
		held12[i] = s.model.rows[i].ID
	}
	for _, p := range pages {
		if len(p) > pageWindow {
			t.Fatalf("warnings asked for %d rows, more than a window", len(p))
		}
	}
	if last := pages[len(pages)-1]; !slices.Equal(last, held12) {
		t.Errorf("the last warnings asked were for %d rows from %v, not the %d rows held", len(last), last[:min(1, len(last))], len(held12))
	}

	// A reload (another clerk's change, or the screen shown again) asks for the window on screen.
	before = f.askedCount()
	lo, _ := held()
	s.shown()
	waitAll(m)
	if asked = f.askedSince(before); len(asked) != 1 || asked[0].Page.Offset != lo {
		t.Fatalf("a reload asked %+v, want the window from %d", asked, lo)
	}

	// A sort is the query's: one window of the new order, from the top.
	before = f.askedCount()
	tapHeader(t, s.table, colName)
	waitAll(m)
	asked = f.askedSince(before)
	if len(asked) == 0 || asked[0].Sort != khenthuong.SortByName || asked[0].Page.Offset != 0 {
		t.Fatalf("sorting by name asked %+v", asked)
	}
	s.table.ScrollToTop()
	waitAll(m)
	names := columnTexts(t, s.table, colName, 10)
	for i := 1; i < len(names); i++ {
		if bytes.Compare(vntext.NameSortKey(names[i-1]), vntext.NameSortKey(names[i])) > 0 {
			t.Errorf("%q before %q", names[i-1], names[i])
		}
	}
	// Cảnh báo is not an order of the query: a click on it asks for the
	// rows with warnings only, in the same order; a second click for all.
	for _, on := range []bool{true, false} {
		before = f.askedCount()
		tapHeader(t, s.table, colWarnings)
		waitAll(m)
		if asked = f.askedSince(before); len(asked) == 0 || asked[0].WithWarnings != on || asked[0].Sort != khenthuong.SortByName ||
			s.model.sortCol != colName || s.warnedCheck.Checked != on {
			t.Errorf("a click on Cảnh báo asked %+v, sorted by %d", asked, s.model.sortCol)
		}
	}

	// The search is the query's too, with a bounded count.
	before = f.askedCount()
	s.search.SetText("nguyen van")
	waitAll(m)
	asked = f.askedSince(before)
	if len(asked) != 1 || asked[0].Filter.Query != "nguyen van" || asked[0].CountLimit == 0 {
		t.Fatalf("the search asked %+v", asked)
	}
	if s.model.len() == 0 || s.model.len() >= n || s.count.Text != formatCount(s.model.len())+" đề nghị" {
		t.Errorf("search: %d rows, count %q", s.model.len(), s.count.Text)
	}

	// A common word counts no further than the rows asked for and a thousand
	// more ("hơn"); scrolling to the end counts on.
	s.search.SetText("a")
	waitAll(m)
	if !s.model.atLeast || s.count.Text != "hơn 1.300 đề nghị" {
		t.Fatalf("search of a common word: count %q", s.count.Text)
	}
	s.table.ScrollTo(widget.TableCellID{Row: 1_299, Col: colName})
	waitAll(m)
	if s.model.len() <= 1_300 || s.model.at(1_299) == nil {
		t.Errorf("after scrolling to the end of a bounded count: %d rows, count %q", s.model.len(), s.count.Text)
	}

	// "Chọn hết" marks every row the search finds, not only the window held.
	s.search.SetText("")
	waitAll(m)
	test.Tap(s.review.markAllButton)
	waitAll(m)
	if got := len(s.marked()); got != n || s.review.markedLabel.Text != "Đã chọn 25.000 dòng" {
		t.Errorf("Chọn hết marked %d rows (%q), want %d", got, s.review.markedLabel.Text, n)
	}
}
