package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/store"
)

// changesFile is a data file in a temporary folder that can be opened again
// under another login, on a clock the test sets.
type changesFile struct {
	t     *testing.T
	path  string
	clock time.Time
}

func newChangesFile(t *testing.T) *changesFile {
	return &changesFile{t: t, path: filepath.Join(t.TempDir(), "khenthuong.db"),
		clock: time.Date(2025, 10, 24, 9, 0, 0, 0, time.Local)}
}

// at sets the clock to hh:mm on the test's day and returns it as the view shows it.
func (f *changesFile) at(hh, mm int) string {
	f.clock = time.Date(2025, 10, 24, hh, mm, 0, 0, time.Local)
	return f.clock.Format("02/01/2006 15:04")
}

func (f *changesFile) open(user string) *store.DB {
	f.t.Helper()
	db, err := store.Open(f.path, store.Options{User: user, NoBackup: true,
		Now: func() time.Time { return f.clock }})
	if err != nil {
		f.t.Fatal(err)
	}
	return db
}

// waitChanges applies what the view read in the background.
func waitChanges(m *MainWindow, v *changesView) {
	for {
		waitAll(m)
		v.loading.Wait()
		if !drainUI() {
			return
		}
	}
}

// changeLines is the table as a clerk reads it, one string per line.
func changeLines(v *changesView) []string {
	out := make([]string, len(v.rows))
	for i, r := range v.rows {
		out[i] = r[chgColAt] + " | " + r[chgColWho] + " | " + r[chgColAction] + " | " + r[chgColField] + " | " + r[chgColOld] + " → " + r[chgColNew]
	}
	return out
}

// writeShot saves the window as drawn into -shots, when given.
func writeShot(t *testing.T, m *MainWindow, name string) {
	t.Helper()
	if *shotDir == "" {
		return
	}
	out, err := os.Create(filepath.Join(*shotDir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, m.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestChangesOfANominationAndADecision: a nomination edited by two logins
// (one on the form) lists both edits newest first with their old values and
// who made them; a decision lists its creation, issue and amendment.
func TestChangesOfANominationAndADecision(t *testing.T) {
	f := newChangesFile(t)
	db := f.open("canbo")
	created := f.at(9, 0)
	c := khenthuong.Campaign{Name: "Tổng kết 2024", CeremonyDate: khenthuong.MustDate("2024-06-20")}
	must(t, db.CreateCampaign(&c))
	ns := sampleNominations()
	for i := range ns {
		ns[i].CampaignID = c.ID
	}
	must(t, db.CreateNominations(ns))
	edited := f.at(9, 30)
	an := ns[3] // Đại tá Nguyễn Văn An
	an.Nominee.Unit = "Công an tỉnh Quảng Trị"
	an.Notes = "Bổ sung hồ sơ"
	must(t, db.UpdateNomination(&an))

	f.at(10, 0)
	must(t, db.SetStatus([]uint64{ns[1].ID, ns[2].ID}, khenthuong.StatusApproved, ""))
	d := &khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		SubmissionNo: "312/TTr-SNV", SubmissionDate: khenthuong.MustDate("2025-10-10")}
	must(t, db.CreateDecision(d, []uint64{ns[1].ID, ns[2].ID}))
	issued, err := db.IssueDecision(d.ID)
	must(t, err)
	must(t, db.Close())

	// The head of the office opens the file and corrects the decision's number.
	db = f.open("tranthiha")
	t.Cleanup(func() { db.Close() })
	f.at(11, 0)
	issued.Number = "2872/QĐ-UBND"
	must(t, db.AmendDecision(issued, "Sai số quyết định"))

	a := test.NewTempApp(t)
	drainUI()
	m := New(a, db, Options{DataPath: "khenthuong.db"})
	m.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	cv := m.win.Canvas()

	t.Run("NominationEditedTwiceNewestFirst", func(t *testing.T) {
		m.setCampaign(c.ID)
		showPage(t, m, pageNominations)
		stored, err := db.Nomination(an.ID)
		must(t, err)
		m.nominations.openEditor(stored)
		e := m.nominations.editor
		onForm := f.at(14, 15)
		e.position.SetText("Giám đốc")
		test.Tap(e.save)
		waitAll(m)
		if m.nominations.editor != nil {
			t.Fatalf("not saved: %q", e.form.errorText(""))
		}
		stored, err = db.Nomination(an.ID)
		must(t, err)
		m.nominations.openEditor(stored)
		e = m.nominations.editor
		if e.changes == nil {
			t.Fatal("the form of a stored nomination has no history button")
		}
		test.Tap(e.changes)
		v := e.changesView
		waitChanges(m, v)
		want := []string{
			onForm + " | tranthiha | sửa | Chức vụ | Phó Giám đốc → Giám đốc",
			edited + " | canbo | sửa | Đơn vị | Công an tỉnh → Công an tỉnh Quảng Trị",
			" |  |  | Ghi chú |  → Bổ sung hồ sơ",
			created + " | canbo | tạo mới |  |  → ",
		}
		if got := changeLines(v); !slices.Equal(got, want) {
			t.Errorf("changes of the nomination:\n%q\nwant\n%q", got, want)
		}
		if got := v.count.Text; got != "3 lần thay đổi, mới nhất trước" {
			t.Errorf("count %q", got)
		}
		if v.more.Visible() || v.hint.text() != "" {
			t.Errorf("older changes offered %v, empty hint %q", v.more.Visible(), v.hint.text())
		}
		if got := columnTexts(t, v.table, chgColOld, 2); got[1] != "Công an tỉnh" {
			t.Errorf("drawn old values %q", got)
		}
		writeShot(t, m, "nomination-changes")
		dismissDialogs(cv)
	})

	t.Run("DecisionIssuedAndAmended", func(t *testing.T) {
		showPage(t, m, pageDecisions)
		s := m.decisions
		tapCell(t, s.table, 0, decColNumber)
		waitAll(m)
		if s.historyButton.Disabled() {
			t.Fatal("the history of a selected decision is greyed out")
		}
		test.Tap(s.historyButton)
		v := s.changes
		waitChanges(m, v)
		lines := changeLines(v)
		has := func(sub string) bool {
			for _, l := range lines {
				if contains(l, sub) {
					return true
				}
			}
			return false
		}
		for _, want := range []string{
			"11:00 | tranthiha | đính chính | Lý do đính chính |  → Sai số quyết định",
			" |  |  | Số quyết định | 2871/QĐ-UBND → 2872/QĐ-UBND",
			"canbo | ban hành | Trạng thái | Nháp → Đã ban hành",
			"canbo | tạo mới |",
		} {
			if !has(want) {
				t.Errorf("no line %q in\n%q", want, lines)
			}
		}
		writeShot(t, m, "decision-changes")
		if len(lines) == 0 || !contains(lines[0], "đính chính") || !contains(lines[len(lines)-1], "tạo mới") {
			t.Errorf("not newest first:\n%q", lines)
		}
		dismissDialogs(cv)
	})

	t.Run("NothingYet", func(t *testing.T) {
		v := showChanges(db, m.win, "nomination", "999999", "—")
		waitChanges(m, v)
		if got := v.hint.text(); got != "Chưa có thay đổi nào" {
			t.Errorf("empty trail says %q", got)
		}
		dismissDialogs(cv)
	})
}

// TestChangesPaged: a nomination saved 120 times shows its newest 50
// changes; "older changes" adds 50 at a time until the creation.
func TestChangesPaged(t *testing.T) {
	f := newChangesFile(t)
	db := f.open("canbo")
	t.Cleanup(func() { db.Close() })
	c := khenthuong.Campaign{Name: "Hằng năm 2025"}
	must(t, db.CreateCampaign(&c))
	ns := sampleNominations()[:1]
	ns[0].CampaignID = c.ID
	must(t, db.CreateNominations(ns))
	n := ns[0]
	for i := 1; i <= 119; i++ {
		n.Notes = "Lần " + strconv.Itoa(i)
		must(t, db.UpdateNomination(&n))
	}

	a := test.NewTempApp(t)
	drainUI()
	m := New(a, db, Options{DataPath: "khenthuong.db"})
	t.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	v := showNominationChanges(db, m.win, &n)
	for _, step := range []struct {
		records  int
		count    string
		more     bool
		lastNote string // the old value of the oldest edit shown
	}{
		{50, "50 thay đổi gần nhất trong 120, mới nhất trước", true, "Lần 69"},
		{100, "100 thay đổi gần nhất trong 120, mới nhất trước", true, "Lần 19"},
		{120, "120 lần thay đổi, mới nhất trước", false, ""},
	} {
		waitChanges(m, v)
		if got := len(v.rows); got != step.records {
			t.Errorf("%d lines, want %d", got, step.records)
		}
		if v.count.Text != step.count || v.more.Visible() != step.more {
			t.Errorf("count %q, older offered %v; want %q, %v", v.count.Text, v.more.Visible(), step.count, step.more)
		}
		if got := v.rows[0][chgColNew]; got != "Lần 119" {
			t.Errorf("the newest says %q", got)
		}
		last := v.rows[len(v.rows)-1]
		if step.more && last[chgColOld] != step.lastNote {
			t.Errorf("the oldest shown was %q, want %q", last[chgColOld], step.lastNote)
		}
		if !step.more && last[chgColAction] != "tạo mới" {
			t.Errorf("the last line is %q, not the creation", last)
		}
		if step.more {
			test.Tap(v.more)
		}
	}
}

// TestChangeRows pins what a clerk reads for each kind of change: the
// office's words for the action, the form's labels, values as the screens
// show them, bookkeeping left out, a decision's thousands of recipient
// changes on the server summed up in two lines.
func TestChangeRows(t *testing.T) {
	if err := SetLanguage("vi"); err != nil {
		t.Fatal(err)
	}
	ch := func(field, old, new string) khenthuong.FieldChange {
		fc := khenthuong.FieldChange{Field: field}
		if old != "" {
			fc.Old = []byte(old)
		}
		if new != "" {
			fc.New = []byte(new)
		}
		return fc
	}
	issue := []khenthuong.FieldChange{ch("status", `"draft"`, `"issued"`), ch("issued_at", `""`, `"2025-10-24T10:00:00Z"`)}
	for i := range 11 {
		no := `"BKCT-2025-` + strconv.Itoa(10001 + i)[1:] + `"`
		issue = append(issue, ch("recipients."+strconv.Itoa(i)+".registry_no", "", no))
	}
	for _, tc := range []struct {
		name   string
		entity string
		rec    khenthuong.AuditRecord
		want   []string
	}{
		{"Approved", "nomination", khenthuong.AuditRecord{User: "canbo", Action: "approve", Changes: []khenthuong.FieldChange{
			ch("status", `"submitted"`, `"approved"`), ch("updated_at", `"a"`, `"b"`), ch("version", "1", "2"), ch("updated_by", `"x"`, `"canbo"`)}},
			[]string{"canbo | duyệt | Trạng thái | Đã đề nghị → Được duyệt"}},
		{"RejectedWithAReason", "nomination", khenthuong.AuditRecord{User: "canbo", Action: "reject", Changes: []khenthuong.FieldChange{
			ch("reject_reason", "", `"Trùng thành tích"`), ch("status", `"submitted"`, `"rejected"`)}},
			[]string{"canbo | không duyệt | Lý do không duyệt |  → Trùng thành tích", " |  | Trạng thái | Đã đề nghị → Không duyệt"}},
		{"MovedBetweenCampaigns", "nomination", khenthuong.AuditRecord{User: "canbo", Action: "move", Changes: []khenthuong.FieldChange{
			ch("campaign_id", "1", "2"), ch("order", "3", "7")}},
			[]string{"canbo | chuyển sang đợt khác | Đợt khen thưởng | Tổng kết 2024 → Hằng năm 2025", " |  | Số thứ tự trong danh sách | 3 → 7"}},
		{"RecordOfAnEarlierVersion", "nomination", khenthuong.AuditRecord{User: "canbo", Action: "update",
			Before: []byte(`{"nominee":{"name":"Nguyễn Văn An","birth":"1968","kind":"ca_nhan"}}`),
			After:  []byte(`{"nominee":{"name":"Nguyễn Văn An","birth":"1968-03-12","kind":"ca_nhan"}}`)},
			[]string{"canbo | sửa | Ngày sinh | 1968 → 12/03/1968"}},
		{"Deleted", "nomination", khenthuong.AuditRecord{Action: "delete", Changes: []khenthuong.FieldChange{ch("", `{"id":4}`, "")}},
			[]string{"(không rõ) | xoá | (cả bản ghi) | (đã xoá) → "}},
		{"IssuedOnTheServer", "decision", khenthuong.AuditRecord{User: "tranthiha", Action: "issue", Changes: issue},
			[]string{"tranthiha | ban hành | Trạng thái | Nháp → Đã ban hành",
				" |  | Danh sách được khen |  → thay đổi ở 11 đối tượng",
				" |  | Số sổ vàng |  → từ BKCT-2025-0001 đến BKCT-2025-0011 (11 số)"}},
		{"DraftRecomputed", "decision", khenthuong.AuditRecord{User: "canbo", Action: "update", Changes: []khenthuong.FieldChange{
			ch("order", `"list"`, `"alpha"`), ch("recipient_count", "2", "3"), ch("recipients.2", "", "17"), ch("total_amount", "7020000", "10530000"),
			ch("by_kind.ca_nhan", "2", "3")}},
			[]string{"canbo | sửa | Thứ tự danh sách | Theo thứ tự đề nghị → Theo vần A, B, C",
				" |  | Số đối tượng được khen | 2 → 3",
				" |  | Danh sách được khen |  → thay đổi ở 1 đối tượng",
				" |  | Tổng tiền thưởng (đồng) | 7.020.000 → 10.530.000"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := changeRows(tc.entity, &tc.rec, map[string]string{"1": "Tổng kết 2024", "2": "Hằng năm 2025"})
			var got []string
			for _, r := range rows {
				got = append(got, r[chgColWho]+" | "+r[chgColAction]+" | "+r[chgColField]+" | "+r[chgColOld]+" → "+r[chgColNew])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
