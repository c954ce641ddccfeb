package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/roster"
	"khenthuong/store"
)

// reviewCSV is a unit's list of six Bằng khen nominations: two collectives, four people.
const reviewCSV = "STT;Họ và tên;Giới tính;Ngày sinh;Chức vụ, đơn vị công tác;Hình thức khen thưởng\r\n" +
	"I;TẬP THỂ;;;;\r\n" +
	"1;Phòng Phổ biến, giáo dục pháp luật;;;Sở Tư pháp;BKCT\r\n" +
	"2;Phòng An ninh nội địa;;;Công an tỉnh;BKCT\r\n" +
	"II;CÁ NHÂN;;;;\r\n" +
	"1;Ông Trương Quang Sáng;Nam;05/01/1975;Phó Giám đốc Sở Tư pháp;BKCT\r\n" +
	"2;Bà Nguyễn Thị Như Quỳnh;Nữ;1980;Chuyên viên Sở Tư pháp;BKCT\r\n" +
	"3;Ông Lê Văn Tiến;Nam;1970;Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh;BKCT\r\n" +
	"4;Bà Hoàng Thị Thủy;Nữ;1985;Đội trưởng Công an tỉnh;BKCT\r\n"

// importReview makes a campaign with reviewCSV imported and returns the file,
// the campaign ID and the nominations' IDs in list order.
func importReview(t *testing.T) (db, campaign string, ids []string) {
	t.Helper()
	db, campaign = newCampaign(t)
	rep, errOut, code := importJSON(t, db, writeTestFile(t, "so-tu-phap.csv", reviewCSV), "--campaign", campaign)
	if code != 0 || len(rep.IDs) != 6 {
		t.Fatalf("import: exit %d, %d IDs: %s", code, len(rep.IDs), errOut)
	}
	for _, id := range rep.IDs {
		ids = append(ids, strconv.FormatUint(id, 10))
	}
	return db, campaign, ids
}

func listDecisionsJSON(t *testing.T, db string, args ...string) []khenthuong.Decision {
	t.Helper()
	var ds []khenthuong.Decision
	if err := json.Unmarshal([]byte(mustCLI(t, db, append([]string{"list", "decisions", "--json"}, args...)...)), &ds); err != nil {
		t.Fatal(err)
	}
	return ds
}

// wantFail runs a command that must fail with exit code and a message containing text.
func wantFail(t *testing.T, db string, code int, text string, args ...string) {
	t.Helper()
	out, errOut, got := cli(t, db, args...)
	if got != code || out != "" || !strings.Contains(errOut, text) {
		t.Fatalf("khenthuong %s: exit %d (want %d), stdout %q, stderr %q (want %q)",
			strings.Join(args, " "), got, code, out, errOut, text)
	}
}

func TestReviewDecisionHistoryEndToEnd(t *testing.T) {
	db, campaign, ids := importReview(t)

	// Review: approve four, reject one with its reason, defer one.
	wantFail(t, db, 1, "lý do", "review", "--campaign", campaign, "--reject", ids[4])
	mustCLI(t, db, "review", "--campaign", campaign, "--approve", strings.Join(ids[:4], ","))
	mustCLI(t, db, "review", "--campaign", campaign, "--reject", ids[4], "--reason", "Chưa đủ thời gian công tác tại đơn vị")
	mustCLI(t, db, "review", "--campaign", campaign, "--defer", ids[5])
	ns := storedNominations(t, db)
	wantStatus := []khenthuong.Status{"approved", "approved", "approved", "approved", "rejected", "deferred"}
	for i, n := range ns {
		if n.Status != wantStatus[i] {
			t.Errorf("nomination %d: %s, want %s", n.ID, n.Status, wantStatus[i])
		}
	}
	if ns[4].RejectReason != "Chưa đủ thời gian công tác tại đơn vị" {
		t.Errorf("reject reason %q", ns[4].RejectReason)
	}

	// A decision for every approved Bằng khen nomination; stdout is only its ID.
	out := mustCLI(t, db, "decision", "new", "--campaign", campaign, "--form", "BKCT", "--number", "2871/QĐ-UBND",
		"--date", "2024-06-02", "--signer-title", `KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH`, "--signer", "Hoàng Nam",
		"--nominations", "approved", "--submission-no", "86/TTr-SNV", "--submission-date", "20/05/2024")
	decision := strings.TrimSpace(out)
	if _, err := strconv.ParseUint(decision, 10, 64); err != nil {
		t.Fatalf("decision new printed %q, want only the ID", out)
	}
	mustCLI(t, db, "decision", "issue", decision)

	ds := listDecisionsJSON(t, db, "--campaign", campaign)
	if len(ds) != 1 {
		t.Fatalf("%d decisions", len(ds))
	}
	d := ds[0]
	if d.Status != khenthuong.DecisionIssued || d.SignerTitle != "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" || d.SubmissionDate.String() != "2024-05-20" {
		t.Fatalf("decision %+v", d)
	}
	wantRecipients := []struct {
		name, registry string
		amount         int64
	}{
		{"Phòng Phổ biến, giáo dục pháp luật", "BKCT-2024-0001", 3_600_000},
		{"Phòng An ninh nội địa", "BKCT-2024-0002", 3_600_000},
		{"Trương Quang Sáng", "BKCT-2024-0003", 1_800_000},
		{"Nguyễn Thị Như Quỳnh", "BKCT-2024-0004", 1_800_000},
	}
	if len(d.Recipients) != len(wantRecipients) {
		t.Fatalf("recipients %+v", d.Recipients)
	}
	for i, w := range wantRecipients {
		r := d.Recipients[i]
		if r.Nominee.Name != w.name || r.RegistryNo != w.registry || r.Amount != w.amount {
			t.Errorf("recipient %d: %s %s %d, want %+v", i, r.Nominee.Name, r.RegistryNo, r.Amount, w)
		}
	}
	text := mustCLI(t, db, "list", "decisions")
	for _, want := range []string{"2871/QĐ-UBND", "BKCT-2024-0004", "3.600.000", "10.800.000", "Đã ban hành"} {
		if !strings.Contains(text, want) {
			t.Errorf("list decisions lacks %q:\n%s", want, text)
		}
	}

	// The issued decision and its recipients are locked.
	wantFail(t, db, 1, "đã có trong quyết định", "review", "--campaign", campaign, "--submit", ids[0])
	wantFail(t, db, 1, "đã ban hành", "decision", "issue", decision)
	wantFail(t, db, 1, "lý do", "decision", "amend", decision, "--number", "2873/QĐ-UBND")
	wantFail(t, db, 1, "Không có gì thay đổi", "decision", "amend", decision, "--reason", "Không sửa gì")

	// An amendment with its reason keeps the numbers and the old values.
	mustCLI(t, db, "decision", "amend", decision, "--reason", "Sai ngày ký khi đánh máy", "--date", "03/06/2024")
	d = listDecisionsJSON(t, db)[0]
	if d.Date.String() != "2024-06-03" || len(d.Amendments) != 1 || d.Amendments[0].Reason != "Sai ngày ký khi đánh máy" ||
		!strings.Contains(d.Amendments[0].Before, `"2024-06-02"`) || d.Recipients[3].RegistryNo != "BKCT-2024-0004" {
		t.Fatalf("amended decision %+v", d)
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.Audit("decision", decision)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, r := range recs {
		actions = append(actions, r.Action)
	}
	amended, _ := json.Marshal(recs[len(recs)-1].Changes)
	if !slices.Equal(actions, []string{"create", "issue", "amend"}) || !strings.Contains(string(amended), "Sai ngày ký khi đánh máy") {
		t.Fatalf("audit of the decision: %v", actions)
	}

	// The decision's roster carries the registry numbers and amounts.
	csv := filepath.Join(t.TempDir(), "qd.csv")
	mustCLI(t, db, "export", "--decision", decision, "-o", csv)
	if b, err := os.ReadFile(csv); err != nil || !strings.Contains(string(b), "BKCT-2024-0003") || !strings.Contains(string(b), "2871/QĐ-UBND") {
		t.Errorf("export by decision: %v\n%s", err, b)
	}
	// Streamed from the data file, the roster is the one of the decision held whole.
	// So is the campaign's, its awarded rows carrying the decision's.
	s, err = store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	forms, err := s.Forms()
	if err != nil {
		t.Fatal(err)
	}
	campaignID, _ := strconv.ParseUint(campaign, 10, 64)
	var nominations []khenthuong.Nomination
	err = s.EachNomination(khenthuong.NominationFilter{CampaignID: campaignID}, func(n *khenthuong.Nomination) error {
		nominations = append(nominations, *n)
		return nil
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		flag string
		rows []roster.ExportRow
	}{{"--decision", roster.DecisionRows(&d)}, {"--campaign", roster.CampaignRows(nominations, d)}} {
		id := decision
		if c.flag == "--campaign" {
			id = campaign
		}
		for _, order := range []khenthuong.ListOrder{khenthuong.OrderList, khenthuong.OrderAlpha} {
			mustCLI(t, db, "export", c.flag, id, "--order", string(order), "-o", csv)
			got, err := os.ReadFile(csv)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			opts := roster.ExportOptions{Order: order, Forms: forms}
			if err := roster.WriteCSV(&want, c.rows, opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("export %s --order %s:\n%s\nwant\n%s", c.flag, order, got, want.Bytes())
			}
			if c.flag == "--campaign" && !strings.Contains(string(got), "BKCT-2024-0003") {
				t.Errorf("export --campaign lacks the registry numbers:\n%s", got)
			}
		}
	}

	// The person's history shows the award.
	var hs []khenthuong.HistoryEntry
	if err := json.Unmarshal([]byte(mustCLI(t, db, "history", "truong quang sang", "--json")), &hs); err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "2871/QĐ-UBND" ||
		hs[0].Award.RegistryNo != "BKCT-2024-0003" || hs[0].Award.DecisionDate.String() != "2024-06-03" || hs[0].Campaign == "" {
		t.Fatalf("history %+v", hs)
	}
	if out := mustCLI(t, db, "history", "TRƯƠNG", "Quang", "Sáng"); !strings.Contains(out, "BKCT-2024-0003") || !strings.Contains(out, "1.800.000") {
		t.Errorf("history table:\n%s", out)
	}
	if ps, err := store.CheckFile(db); err != nil || len(ps) > 0 {
		t.Fatalf("check: %v %v", ps, err)
	}
}

func TestReviewAllSubmittedAndApprovedNotListed(t *testing.T) {
	db, campaign, ids := importReview(t)
	mustCLI(t, db, "review", "--campaign", campaign, "--approve", "all-submitted")
	for _, n := range storedNominations(t, db) {
		if n.Status != khenthuong.StatusApproved {
			t.Fatalf("nomination %d still %s", n.ID, n.Status)
		}
	}
	first := strings.TrimSpace(mustCLI(t, db, "decision", "new", "--campaign", campaign, "--form", "bkct",
		"--number", "1/QĐ-UBND", "--date", "2024-06-02", "--signer-title", "CHỦ TỊCH", "--signer", "Võ Văn Hưng",
		"--nominations", ids[0]+","+ids[2]))
	// "approved" (the default) leaves out what a decision already lists.
	second := strings.TrimSpace(mustCLI(t, db, "decision", "new", "--campaign", campaign, "--form", "BKCT",
		"--number", "2/QĐ-UBND", "--date", "2024-06-02", "--signer-title", "CHỦ TỊCH", "--signer", "Võ Văn Hưng", "--order", "alpha"))
	ds := listDecisionsJSON(t, db)
	byID := map[string]khenthuong.Decision{}
	for _, d := range ds {
		byID[fmt.Sprint(d.ID)] = d
	}
	if len(byID[first].Recipients) != 2 || len(byID[second].Recipients) != 4 {
		t.Fatalf("decisions %+v", ds)
	}
	// Alphabetical: collectives by name, then people by given name (Quỳnh, Sáng, Thủy, Tiến).
	var names []string
	for _, r := range byID[second].Recipients {
		names = append(names, r.Nominee.Name)
	}
	if got := strings.Join(names, ", "); got != "Phòng An ninh nội địa, Nguyễn Thị Như Quỳnh, Hoàng Thị Thủy, Lê Văn Tiến" {
		t.Errorf("alphabetical list: %s", got)
	}
	wantFail(t, db, 1, "không có đề nghị BKCT nào", "decision", "new", "--campaign", campaign, "--form", "BKCT",
		"--number", "3/QĐ-UBND", "--date", "2024-06-02", "--signer-title", "CHỦ TỊCH", "--signer", "Võ Văn Hưng")
}

func TestReviewAndDecisionUsageErrors(t *testing.T) {
	db, campaign, ids := importReview(t)
	for _, c := range []struct {
		name string
		args []string
		code int
		text string
	}{
		{"NoAction", []string{"review", "--campaign", campaign}, 2, "cần đúng một"},
		{"TwoActions", []string{"review", "--campaign", campaign, "--approve", ids[0], "--defer", ids[1]}, 2, "cần đúng một"},
		{"NoCampaign", []string{"review", "--approve", ids[0]}, 2, "--campaign"},
		{"ReasonWithoutReject", []string{"review", "--campaign", campaign, "--approve", ids[0], "--reason", "x"}, 2, "--reason"},
		{"BadIDs", []string{"review", "--campaign", campaign, "--approve", "abc"}, 2, "không phải số"},
		{"OtherCampaign", []string{"review", "--campaign", campaign, "--approve", "999"}, 1, "không có đề nghị số 999"},
		{"MissingCampaign", []string{"review", "--campaign", "77", "--approve", ids[0]}, 1, "Không tìm thấy đợt"},
		{"PartlyMissing", []string{"review", "--campaign", campaign, "--defer", ids[0] + ",999"}, 1, "999"},
		{"DecisionWhat", []string{"decision"}, 2, "new|issue|amend"},
		{"DecisionUnknown", []string{"decision", "print", "1"}, 2, "decision print"},
		{"NewNotApproved", []string{"decision", "new", "--campaign", campaign, "--form", "BKCT", "--number", "1/QĐ",
			"--date", "2024-06-02", "--signer-title", "CHỦ TỊCH", "--signer", "A", "--nominations", ids[0]}, 1, "chưa được duyệt"},
		{"NewBadDate", []string{"decision", "new", "--campaign", campaign, "--form", "BKCT", "--number", "1/QĐ",
			"--date", "2024-13-02", "--signer-title", "CHỦ TỊCH", "--signer", "A"}, 1, "không đúng dạng"},
		{"NewUnknownForm", []string{"decision", "new", "--campaign", campaign, "--form", "BKTW", "--number", "1/QĐ",
			"--date", "2024-06-02", "--signer-title", "CHỦ TỊCH", "--signer", "A"}, 1, "Không tìm thấy hình thức khen thưởng mã “BKTW”"},
		{"NewUnknownFormListed", []string{"decision", "new", "--campaign", campaign, "--form", "BKTW", "--number", "1/QĐ",
			"--date", "2024-06-02", "--signer-title", "CHỦ TỊCH", "--signer", "A", "--nominations", ids[0]}, 1, "Không tìm thấy hình thức khen thưởng mã “BKTW”"},
		{"IssueMissing", []string{"decision", "issue", "42"}, 1, "Không tìm thấy quyết định"},
		{"IssueNoID", []string{"decision", "issue"}, 2, "mã quyết định"},
		{"AmendMissing", []string{"decision", "amend", "42", "--reason", "x"}, 1, "Không tìm thấy quyết định"},
		{"HistoryNothing", []string{"history"}, 2, "chưa có tên"},
	} {
		t.Run(c.name, func(t *testing.T) { wantFail(t, db, c.code, c.text, c.args...) })
	}
	if ns := storedNominations(t, db); ns[0].Status != khenthuong.StatusSubmitted || ns[1].Status != khenthuong.StatusSubmitted {
		t.Fatal("a refused review changed a nomination")
	}
}

func TestDemoIssuesADecision(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo")
	mustCLI(t, db, "demo")
	ds := listDecisionsJSON(t, db)
	if len(ds) != 2 {
		t.Fatalf("demo has %d decisions, want the issued Bằng khen and a draft", len(ds))
	}
	var issued *khenthuong.Decision
	for i := range ds {
		if ds[i].Status == khenthuong.DecisionIssued {
			issued = &ds[i]
		}
	}
	if issued == nil || issued.Number != "2871/QĐ-UBND" || issued.Recipients[0].RegistryNo != "BKCT-2024-0001" {
		t.Fatalf("demo decisions %+v", ds)
	}
	var hs []khenthuong.HistoryEntry
	json.Unmarshal([]byte(mustCLI(t, db, "history", "Nguyễn Văn Tình", "--json")), &hs)
	if len(hs) != 1 || hs[0].Award == nil || hs[0].Award.DecisionNumber != "2871/QĐ-UBND" {
		t.Fatalf("history of the demo's Nguyễn Văn Tình: %+v", hs)
	}
	out := mustCLI(t, db, "help")
	for _, name := range []string{"review", "decision new", "history", "list campaigns|nominations|forms|decisions"} {
		if !strings.Contains(out, name) {
			t.Errorf("help does not mention %q", name)
		}
	}
}

// Issuing is irreversible: the CLI refuses a decision with blanks its
// wording uses and names them; the decision stays a draft.
func TestDecisionIssueRefusesBlanks(t *testing.T) {
	db, campaign, ids := importReview(t)
	mustCLI(t, db, "review", "--campaign", campaign, "--approve", strings.Join(ids[:4], ","))
	out := mustCLI(t, db, "decision", "new", "--campaign", campaign, "--form", "BKCT", "--number", "2871/QĐ-UBND",
		"--date", "2024-06-02", "--signer-title", "CHỦ TỊCH", "--nominations", "approved")
	decision := strings.TrimSpace(out)
	wantFail(t, db, 1, "còn để trống tên người ký, số tờ trình, ngày tờ trình", "decision", "issue", decision)
	if ds := listDecisionsJSON(t, db, "--campaign", campaign); len(ds) != 1 || ds[0].Status != khenthuong.DecisionDraft {
		t.Errorf("after the refusal: %+v", ds)
	}
}
