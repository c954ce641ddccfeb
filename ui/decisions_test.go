package ui

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"khenthuong"
)

// openDecisions seeds the sample list with every nomination approved and
// opens Quyết định on it.
func openDecisions(t *testing.T) (*fakeServices, *MainWindow, *decisionsScreen, khenthuong.Campaign) {
	t.Helper()
	f := newFake()
	c := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
	approveAll(t, f, c)
	m := newTestUI(t, f)
	showPage(t, m, pageDecisions)
	return f, m, m.decisions, c
}

func approveAll(t testing.TB, f *fakeServices, c khenthuong.Campaign) {
	t.Helper()
	ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	var ids []uint64
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	if err := f.SetStatus(ids, khenthuong.StatusApproved, ""); err != nil {
		t.Fatal(err)
	}
}

// issuedDecision stores decision 2871/QĐ-UBND for every approved BKCT
// nomination of c and issues it, as the screen would.
func issuedDecision(t testing.TB, f *fakeServices, c khenthuong.Campaign) *khenthuong.Decision {
	t.Helper()
	ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID, Status: khenthuong.StatusApproved, FormCode: "BKCT"})
	var ids []uint64
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	d := khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam", SubmissionNo: "312/TTr-SNV",
		SubmissionDate: khenthuong.MustDate("2025-10-10"), Achievement: "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"}
	if err := f.CreateDecision(&d, ids); err != nil {
		t.Fatal(err)
	}
	issued, err := f.IssueDecision(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return issued
}

// recipientColumn reads column col of the selected decision's recipients.
func recipientColumn(t *testing.T, s *decisionsScreen, col int) []string {
	t.Helper()
	return columnTexts(t, s.recipients, col, s.recipientCount())
}

func TestDecisions(t *testing.T) {
	t.Run("CreateIssueAndAmend", func(t *testing.T) {
		f, m, s, _ := openDecisions(t)
		cv := m.win.Canvas()
		if len(s.list) != 0 || !s.empty.Visible() {
			t.Fatalf("%d decisions at first", len(s.list))
		}

		// Tạo quyết định: the approved nominations of the form, all checked.
		test.Tap(s.newButton)
		waitAll(m)
		e := s.editor
		if e == nil {
			t.Fatal("no dialog for a new decision")
		}
		if got := e.award.Selected; got != "BKCT — Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (6 được duyệt)" {
			t.Errorf("award offered %q", got)
		}
		if got := e.picker.checkedIDs(); len(got) != 6 {
			t.Fatalf("%d nominations checked, want all 6", len(got))
		}
		if e.signerTitle.Text != "CHỦ TỊCH" {
			t.Errorf("signer title starts as %q", e.signerTitle.Text)
		}
		e.signer.SetSelectedIndex(1) // KT. CHỦ TỊCH / PHÓ CHỦ TỊCH from Cài đặt
		if e.signerTitle.Text != "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" {
			t.Errorf("choosing the signer gave %q", e.signerTitle.Text)
		}
		for i, it := range e.picker.items {
			if strings.Contains(it.text, "Lê Văn Bình") {
				e.picker.setChecked(i, false)
			}
		}
		test.Tap(e.save)
		if got := e.form.errorText("number"); got != "Chưa nhập số quyết định" {
			t.Errorf("no number: %q", got)
		}
		test.Type(e.number, "2871/QĐ-UBND")
		e.date.SetText("24/10/2025")
		test.Type(e.signerName, "Hoàng Nam")
		test.Type(e.submissionNo, "312/TTr-SNV")
		e.submissionDate.SetText("10/10/2025")
		test.Tap(e.save)
		waitAll(m)
		if s.editor != nil {
			t.Fatalf("the dialog stayed open: %q", e.form.errorText(""))
		}
		if len(s.list) != 1 {
			t.Fatalf("%d decisions listed", len(s.list))
		}
		row := []string{}
		for col := range numDecCols {
			row = append(row, columnTexts(t, s.table, col, 1)[0])
		}
		// 1 collective × 3,0 and 4 individuals × 1,5 of 2.340.000 đồng.
		want := []string{"2871/QĐ-UBND", "24/10/2025", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "5", "21.060.000", "Nháp"}
		if !slices.Equal(row, want) {
			t.Errorf("decision row %q,\nwant %q", row, want)
		}
		if s.current == nil || s.selected() == nil {
			t.Fatal("the new decision is not selected")
		}
		if got := recipientColumn(t, s, recColName); !slices.Equal(got, []string{"Phòng Phổ biến, giáo dục pháp luật",
			"Ông Trương Quang Sáng", "Bà Nguyễn Thị Bình", "Đại tá Nguyễn Văn An", "Ông Nguyễn Văn Đức"}) {
			t.Errorf("recipients %q", got)
		}
		if got := recipientColumn(t, s, recColRegistry); !slices.Equal(got, []string{"", "", "", "", ""}) {
			t.Errorf("a draft has registry numbers %q", got)
		}

		// A draft is reordered by hand.
		tapCell(t, s.recipients, 1, recColName)
		test.Tap(s.downButton)
		waitAll(m)
		if got := recipientColumn(t, s, recColName)[1:3]; !slices.Equal(got, []string{"Bà Nguyễn Thị Bình", "Ông Trương Quang Sáng"}) {
			t.Errorf("after moving down: %q", got)
		}
		if s.recipients.selected != 2 || s.current.Order != khenthuong.OrderManual {
			t.Errorf("moved row selected %d, order %s", s.recipients.selected, s.current.Order)
		}

		// Ban hành: numbers in list order, locked.
		test.Tap(s.issueButton)
		if got := overlayText(cv); !contains(got, "số sổ vàng") || !contains(got, "không sửa, không xóa được") {
			t.Errorf("confirmation reads %q", got)
		}
		test.Tap(overlayButton(t, cv, "Ban hành"))
		waitAll(m)
		if got := columnTexts(t, s.table, decColStatus, 1)[0]; got != "Đã ban hành" {
			t.Errorf("status %q", got)
		}
		if got := recipientColumn(t, s, recColRegistry); !slices.Equal(got, []string{"BKCT-2025-0001", "BKCT-2025-0002",
			"BKCT-2025-0003", "BKCT-2025-0004", "BKCT-2025-0005"}) {
			t.Errorf("registry numbers %q", got)
		}
		if got := recipientColumn(t, s, recColAmount); !slices.Equal(got, []string{"7.020.000", "3.510.000", "3.510.000", "3.510.000", "3.510.000"}) {
			t.Errorf("amounts %q", got)
		}
		if got := recipientColumn(t, s, recColName)[2]; got != "Ông Trương Quang Sáng" {
			t.Errorf("issued in another order: %q", got)
		}

		// Locked: no edit, no delete, no reorder; the service refuses too.
		for name, b := range map[string]interface{ Disabled() bool }{"edit": s.editButton, "delete": s.deleteButton,
			"issue": s.issueButton, "up": s.upButton, "down": s.downButton} {
			if !b.Disabled() {
				t.Errorf("%s is enabled on an issued decision", name)
			}
		}
		if s.amendButton.Disabled() {
			t.Error("amend is disabled on an issued decision")
		}
		s.deleteSelected()
		test.Tap(overlayButton(t, cv, "Xóa"))
		if got := overlayText(cv); !contains(got, "đã ban hành, không sửa hay xóa được") {
			t.Errorf("deleting an issued decision: %q", got)
		}
		dismissDialogs(cv)
		tapCell(t, s.recipients, 1, recColName)
		s.moveRecipient(1)
		if got := overlayText(cv); !contains(got, "đã ban hành, không sửa hay xóa được") {
			t.Errorf("reordering an issued decision: %q", got)
		}
		dismissDialogs(cv)

		// Đính chính: a reason is required; numbers stay.
		test.Tap(s.amendButton)
		e = s.editor
		if e == nil || e.mode != editAmend {
			t.Fatal("no amendment dialog")
		}
		e.signerName.SetText("Hoàng Văn Nam")
		test.Tap(e.save)
		if got := e.form.errorText("reason"); got != "Sửa đổi quyết định đã ban hành phải ghi rõ lý do" {
			t.Errorf("no reason: %q", got)
		}
		test.Type(e.reason, "Sai tên người ký")
		test.Tap(e.save)
		waitAll(m)
		if s.editor != nil {
			t.Fatalf("the amendment dialog stayed open: %q", e.form.errorText(""))
		}
		d, _ := f.Decision(s.current.ID)
		if d.SignerName != "Hoàng Văn Nam" || len(d.Amendments) != 1 || d.Amendments[0].Reason != "Sai tên người ký" ||
			!contains(d.Amendments[0].Before, `"signer_name":"Hoàng Nam"`) {
			t.Errorf("stored %q, amendments %+v", d.SignerName, d.Amendments)
		}
		if d.Recipients[0].RegistryNo != "BKCT-2025-0001" {
			t.Errorf("amending changed the numbers: %q", d.Recipients[0].RegistryNo)
		}
		if !s.amendments.Visible() || !contains(s.amendments.Text, "canbo: Sai tên người ký") {
			t.Errorf("amendment history reads %q", s.amendments.Text)
		}
		if !contains(s.facts.Text, "Hoàng Văn Nam") {
			t.Errorf("detail reads %q", s.facts.Text)
		}
	})

	t.Run("EditAndDeleteDraft", func(t *testing.T) {
		f, m, s, c := openDecisions(t)
		cv := m.win.Canvas()
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		d := khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "5/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"), SignerTitle: "CHỦ TỊCH"}
		if err := f.CreateDecision(&d, []uint64{ns[1].ID, ns[2].ID, ns[3].ID}); err != nil {
			t.Fatal(err)
		}
		s.reload()
		waitAll(m)
		tapCell(t, s.table, 0, decColNumber)
		waitAll(m)
		if got := columnTexts(t, s.table, decColNumber, 1)[0]; got != "05/QĐ-UBND" {
			t.Errorf("number shown %q (numbers below 10 are padded)", got)
		}
		// Sửa: the draft's three, checked, and the three approved ones
		// waiting; drop one, add one, order alphabetically.
		test.Tap(s.editButton)
		waitAll(m)
		e := s.editor
		if e == nil || e.mode != editDraft || len(e.picker.items) != 6 || len(e.picker.checkedIDs()) != 3 {
			t.Fatalf("edit dialog %+v", e)
		}
		e.picker.setChecked(0, false)
		e.picker.setChecked(3, true) // the collective
		e.order.SetSelected("Theo vần A, B, C")
		test.Tap(e.save)
		waitAll(m)
		if got := recipientColumn(t, s, recColName); !slices.Equal(got, []string{"Phòng Phổ biến, giáo dục pháp luật", "Đại tá Nguyễn Văn An", "Bà Nguyễn Thị Bình"}) {
			t.Errorf("after editing: %q", got)
		}
		if got := recipientColumn(t, s, recColAmount); !slices.Equal(got, []string{"7.020.000", "3.510.000", "3.510.000"}) {
			t.Errorf("amounts after editing: %q", got)
		}
		// Xóa: asked first; the nominations wait for a decision again.
		test.Tap(s.deleteButton)
		if !contains(overlayText(cv), "Xóa quyết định nháp số 05/QĐ-UBND?") {
			t.Errorf("confirmation %q", overlayText(cv))
		}
		test.Tap(overlayButton(t, cv, "Xóa"))
		waitAll(m)
		if ds, _ := f.Decisions(c.ID); len(ds) != 0 || len(s.list) != 0 || !s.empty.Visible() {
			t.Errorf("after delete: %d stored, %d listed", len(ds), len(s.list))
		}
		test.Tap(s.newButton)
		waitAll(m)
		if e := s.editor; e == nil || len(e.picker.items) != 6 {
			t.Error("the deleted draft's nominations are not offered again")
		}
	})

	t.Run("NothingApprovedToDecide", func(t *testing.T) {
		f := newFake()
		seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
		m := newTestUI(t, f)
		showPage(t, m, pageDecisions)
		test.Tap(m.decisions.newButton)
		waitAll(m)
		if m.decisions.editor != nil || !contains(overlayText(m.win.Canvas()), "Hãy duyệt đề nghị") {
			t.Errorf("with nothing approved: %q", overlayText(m.win.Canvas()))
		}
	})

	t.Run("DecisionPDFThroughTheDocumentButton", func(t *testing.T) {
		f := newFake()
		c := seedCampaign(t, f, "Tổng kết 2024", sampleNominations()...)
		approveAll(t, f, c)
		issuedDecision(t, f, c)
		m := newTestUI(t, f)
		showPage(t, m, pageDecisions)
		s := m.decisions
		dir := t.TempDir()
		var suggested, opened []string
		m.saver.choose = func(name string, done func(string)) {
			suggested = append(suggested, name)
			done(filepath.Join(dir, name))
		}
		m.saver.open = func(path string) error { opened = append(opened, path); return nil }

		tapCell(t, s.table, 0, decColNumber)
		waitAll(m)
		test.Tap(s.docButtons[docDecision])
		waitAll(m)
		v := s.doc
		if v == nil || len(v.preview.pages) < 2 {
			t.Fatalf("preview of the decision: %+v", v)
		}
		if texts := strings.Join(v.preview.pageTexts(), " "); !contains(texts, "QUYẾT ĐỊNH") || !contains(texts, "2871/QĐ-UBND") {
			t.Errorf("page 1 of the preview reads %q", texts)
		}
		if v.preview.label.Text != "Trang 1/"+formatCount(len(v.preview.pages)) {
			t.Errorf("page label %q", v.preview.label.Text)
		}
		test.Tap(v.save)
		waitAll(m)
		path := filepath.Join(dir, "QD-2871-QD-UBND.pdf")
		data, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Fatalf("%s: %v, starts %q", path, err, data[:min(len(data), 8)])
		}
		if !slices.Equal(opened, []string{path}) || !contains(v.status.Text, path) {
			t.Errorf("opened %q, status %q", opened, v.status.Text)
		}

		// The same decision as .docx, and the payment list as .xlsx.
		v.format.SetSelectedIndex(1)
		test.Tap(v.save)
		waitAll(m)
		if data, err := os.ReadFile(filepath.Join(dir, "QD-2871-QD-UBND.docx")); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
			t.Errorf("docx: %v", err)
		}
		dismissDialogs(m.win.Canvas())
		test.Tap(s.docButtons[docPayments])
		waitAll(m)
		s.doc.format.SetSelectedIndex(1)
		test.Tap(s.doc.save)
		waitAll(m)
		if data, err := os.ReadFile(filepath.Join(dir, "Chi-tien-QD-2871-QD-UBND.xlsx")); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
			t.Errorf("payments xlsx: %v", err)
		}
		dismissDialogs(m.win.Canvas())

		// The run-sheet takes a batch size; a wrong one is refused before saving.
		test.Tap(s.docButtons[docRunSheet])
		waitAll(m)
		v = s.doc
		v.batch.SetText("0")
		waitAll(m)
		if !v.save.Disabled() || !contains(v.status.Text, "từ 1 đến 1000") {
			t.Errorf("batch 0: save enabled %v, status %q", !v.save.Disabled(), v.status.Text)
		}
		v.batch.SetText("2")
		waitAll(m)
		test.Tap(v.save)
		waitAll(m)
		if data, err := os.ReadFile(filepath.Join(dir, "Kich-ban-QD-2871-QD-UBND.pdf")); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("run-sheet: %v", err)
		}
		want := []string{"QD-2871-QD-UBND.pdf", "QD-2871-QD-UBND.docx", "Chi-tien-QD-2871-QD-UBND.xlsx", "Kich-ban-QD-2871-QD-UBND.pdf"}
		if !slices.Equal(suggested, want) {
			t.Errorf("suggested names %q", suggested)
		}
	})

	t.Run("ListsFollowTheCampaignChosen", func(t *testing.T) {
		f := newFake()
		old := seedCampaign(t, f, "Đợt cũ", sampleNominations()...)
		approveAll(t, f, old)
		issuedDecision(t, f, old)
		seedCampaign(t, f, "Đợt mới", sampleNominations()...)
		m := newTestUI(t, f)
		showPage(t, m, pageDecisions)
		if len(m.decisions.list) != 0 {
			t.Errorf("the newest campaign lists %d decisions", len(m.decisions.list))
		}
		m.decisions.campaignSelect.SetSelected("Đợt cũ")
		waitAll(m)
		if len(m.decisions.list) != 1 {
			t.Errorf("the old campaign lists %d decisions", len(m.decisions.list))
		}
	})
}

func TestAsciiFileName(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"QĐ", "2871/QĐ-UBND"}, "QD-2871-QD-UBND"},
		{[]string{"Quá trình khen thưởng", "Trương Quang Sáng"}, "Qua-trinh-khen-thuong-Truong-Quang-Sang"},
		{[]string{"Chi tiền", "05/QĐ-UBND"}, "Chi-tien-05-QD-UBND"},
	} {
		if got := asciiFileName(tc.in...); got != tc.want {
			t.Errorf("asciiFileName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDecisionScreenshots draws Quyết định (an issued decision and a draft),
// Tra cứu and the review on Đề nghị for a person to look at:
// go test -tags migrated_fynedo ./ui/ -run DecisionScreenshots -shots DIR
// (docs/decisions.png and docs/history.png were made with it).
func TestDecisionScreenshots(t *testing.T) {
	if *shotDir == "" {
		t.Skip("no -shots folder")
	}
	f := newFake()
	more := []khenthuong.Nomination{
		person("Bà", "Hồ Thị Lan", khenthuong.Female, "1979", "Phó Trưởng phòng", "Sở Nội vụ"),
		person("Thượng úy", "Lê Văn Tiến", khenthuong.Male, "1990", "Cán bộ", "Công an xã Gio Linh"),
		person("Ông", "Nguyễn Văn An", khenthuong.Male, "1968", "Phó Giám đốc", "Công an tỉnh"),
	}
	for i := range more {
		more[i].FormCode = "CSTDT"
	}
	c := seedCampaign(t, f, "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023", append(sampleNominations(), more...)...)
	ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	var ids []uint64
	for _, n := range ns[:8] {
		ids = append(ids, n.ID)
	}
	if err := f.SetStatus(ids, khenthuong.StatusApproved, ""); err != nil {
		t.Fatal(err)
	}
	f.now = time.Date(2025, 10, 24, 15, 30, 0, 0, time.Local) // issued on the decision's day
	issued := issuedDecision(t, f, c)
	draft := khenthuong.Decision{CampaignID: c.ID, FormCode: "CSTDT", Number: "2904/QĐ-UBND", Date: khenthuong.MustDate("2025-10-30"),
		SignerTitle: "CHỦ TỊCH", SignerName: "Võ Văn Hưng"}
	if err := f.CreateDecision(&draft, []uint64{ns[6].ID, ns[7].ID}); err != nil {
		t.Fatal(err)
	}
	m := newTestUI(t, f)
	fyneApp().Settings().SetTheme(theme.DefaultTheme())
	m.win.Resize(fyneSize(1280, 800))
	save := func(name string) {
		waitAll(m)
		out, err := os.Create(filepath.Join(*shotDir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, m.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	showPage(t, m, pageDecisions)
	for i, d := range m.decisions.list {
		if d.ID == issued.ID {
			tapCell(t, m.decisions.table, i, decColNumber)
		}
	}
	save("decisions")
	test.Tap(m.decisions.docButtons[docDecision])
	save("decision-document")
	dismissDialogs(m.win.Canvas())
	// The draft lacks its submission: the detail says so, the preview marks the blanks.
	for i, d := range m.decisions.list {
		if d.ID == draft.ID {
			tapCell(t, m.decisions.table, i, decColNumber)
		}
	}
	save("decision-draft-blanks")
	test.Tap(m.decisions.docButtons[docDecision])
	save("decision-draft-preview")
	dismissDialogs(m.win.Canvas())

	showPage(t, m, pageLookup)
	test.Type(m.lookup.search, "nguyen van an")
	waitAll(m)
	tapCell(t, m.lookup.table, 1, histColName)
	save("history")

	showPage(t, m, pageNominations)
	tapCell(t, m.nominations.table, 3, colName)
	save("review")
}
