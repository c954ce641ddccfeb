package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

func init() {
	commands["decision"] = command{
		usage: `decision new|issue|amend ...
    quyết định khen thưởng và số sổ vàng:
  decision new --campaign ID --form CODE --number NUM --date YYYY-MM-DD --signer-title TEXT --signer NAME
      [--nominations IDS|approved] [--submission-no NUM] [--submission-date DATE] [--achievement TEXT]
      [--order list|alpha|unit]
    tạo dự thảo quyết định cho các đề nghị đã duyệt của một hình thức; approved (mặc định) là mọi
    đề nghị đã duyệt của hình thức trong đợt mà chưa có trong quyết định nào. Chức vụ người ký viết
    \n để xuống dòng ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"). Chỉ in mã của quyết định mới
  decision issue ID [--json]
    ban hành: cấp số sổ vàng theo thứ tự danh sách, tính lại tiền thưởng và khóa quyết định;
    in danh sách kèm số sổ vàng và tiền thưởng
  decision amend ID --reason TEXT [--number NUM] [--date DATE] [--signer-title TEXT] [--signer NAME]
      [--achievement TEXT] [--submission-no NUM] [--submission-date DATE]
    đính chính quyết định đã ban hành, ghi lại người sửa, thời điểm, lý do và nội dung cũ;
    số sổ vàng và tiền thưởng không đổi`,
		run: runDecision,
	}
}

func runDecision(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("dùng: decision new|issue|amend ...")
	}
	switch args[0] {
	case "new":
		return decisionNew(e, args[1:])
	case "issue":
		return decisionIssue(e, args[1:])
	case "amend":
		return decisionAmend(e, args[1:])
	case "-h", "-help", "--help":
		return flag.ErrHelp
	}
	return usagef("không có lệnh “decision %s” (new, issue, amend)", args[0])
}

// signerTitle turns the \n typed on a command line into a line break.
func signerTitle(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

func decisionNew(e *env, args []string) error {
	fs := newFlags("decision new")
	campaign := fs.Uint64("campaign", 0, "mã đợt")
	form := fs.String("form", "", "mã hình thức")
	number := fs.String("number", "", "số quyết định")
	date := fs.String("date", "", "ngày quyết định")
	title := fs.String("signer-title", "", "chức vụ người ký")
	signer := fs.String("signer", "", "tên người ký")
	noms := fs.String("nominations", "approved", "mã đề nghị, hoặc approved")
	subNo := fs.String("submission-no", "", "số tờ trình")
	subDate := fs.String("submission-date", "", "ngày tờ trình")
	achievement := fs.String("achievement", "", "thành tích ở Điều 1")
	order := fs.String("order", string(khenthuong.OrderList), "thứ tự danh sách")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("thừa tham số “%s”", pos[0])
	}
	if *campaign == 0 {
		return usagef("chưa chọn đợt (--campaign ID)")
	}
	if strings.TrimSpace(*form) == "" {
		return usagef("chưa chọn hình thức (--form CODE)")
	}
	d := khenthuong.Decision{
		CampaignID: *campaign, FormCode: *form, Number: *number, SignerTitle: signerTitle(*title), SignerName: *signer,
		SubmissionNo: *subNo, Achievement: *achievement, Order: khenthuong.ListOrder(*order),
	}
	if d.Date, err = khenthuong.ParseDate(*date); err != nil {
		return err
	}
	if d.SubmissionDate, err = khenthuong.ParseDate(*subDate); err != nil {
		return err
	}
	var ids []uint64
	if strings.TrimSpace(*noms) != "approved" {
		if ids, err = parseIDs(*noms); err != nil {
			return err
		}
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	// A form not in the catalogue is named as such, not as a campaign
	// without approved nominations of it.
	if _, err := db.Form(*form); err != nil {
		return err
	}
	if ids == nil {
		if ids, err = approvedNotListed(db, *campaign, *form); err != nil {
			return err
		}
	}
	if err := db.CreateDecision(&d, ids); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, d.ID)
	return nil
}

// approvedNotListed returns the approved nominations of a form in a campaign
// that no decision lists yet: EINVALID when there are none. The campaign may
// hold 100,000, and a decision as many recipients: the nominations and the
// recipients are streamed, only their IDs kept.
func approvedNotListed(svc khenthuong.Services, campaign uint64, form string) ([]uint64, error) {
	if _, err := svc.Campaign(campaign); err != nil {
		return nil, err
	}
	ds, err := svc.DecisionSummaries(campaign)
	if err != nil {
		return nil, err
	}
	listed := map[uint64]bool{}
	for _, d := range ds {
		err := svc.EachRecipient(d.ID, func(r *khenthuong.Recipient) error {
			listed[r.NominationID] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var ids []uint64
	err = svc.EachNomination(khenthuong.NominationFilter{CampaignID: campaign, FormCode: form, Status: khenthuong.StatusApproved},
		func(n *khenthuong.Nomination) error {
			if !listed[n.ID] {
				ids = append(ids, n.ID)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, khenthuong.Errorf(khenthuong.EINVALID,
			"Đợt %d không có đề nghị %s nào đã duyệt mà chưa có trong quyết định", campaign, strings.ToUpper(form))
	}
	return ids, nil
}

func decisionIssue(e *env, args []string) error {
	fs := newFlags("decision issue")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	id, err := decisionID(pos)
	if err != nil {
		return err
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := db.IssueDecision(id)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, d)
	}
	fmt.Fprintf(e.stderr, "Đã ban hành Quyết định số %s: %d số sổ vàng.\n", d.Number, len(d.Recipients))
	return printDecision(e.stdout, d)
}

func decisionAmend(e *env, args []string) error {
	fs := newFlags("decision amend")
	reason := fs.String("reason", "", "lý do sửa đổi")
	number := fs.String("number", "", "số quyết định")
	date := fs.String("date", "", "ngày quyết định")
	title := fs.String("signer-title", "", "chức vụ người ký")
	signer := fs.String("signer", "", "tên người ký")
	achievement := fs.String("achievement", "", "thành tích ở Điều 1")
	subNo := fs.String("submission-no", "", "số tờ trình")
	subDate := fs.String("submission-date", "", "ngày tờ trình")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	id, err := decisionID(pos)
	if err != nil {
		return err
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := db.Decision(id)
	if err != nil {
		return err
	}
	var dateErr error
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "number":
			d.Number = *number
		case "date":
			d.Date, dateErr = khenthuong.ParseDate(*date)
		case "signer-title":
			d.SignerTitle = signerTitle(*title)
		case "signer":
			d.SignerName = *signer
		case "achievement":
			d.Achievement = *achievement
		case "submission-no":
			d.SubmissionNo = *subNo
		case "submission-date":
			var err error
			if d.SubmissionDate, err = khenthuong.ParseDate(*subDate); err != nil {
				dateErr = err
			}
		}
	})
	if dateErr != nil {
		return dateErr
	}
	if err := db.AmendDecision(d, *reason); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã ghi sửa đổi lần %d của Quyết định số %s.\n", len(d.Amendments), d.Number)
	return nil
}

// listDecisions prints the decisions one at a time, each read with its
// recipients when its turn comes: memory holds the largest decision, not all.
func listDecisions(e *env, svc khenthuong.Services, o listOptions) error {
	ds, err := svc.DecisionSummaries(o.campaign)
	if err != nil {
		return err
	}
	var a *jsonArray
	if o.json {
		a = newJSONArray(e.stdout)
	}
	for i := range ds {
		if a != nil {
			d, err := svc.Decision(ds[i].ID)
			if err != nil {
				return err
			}
			if err := a.add(d); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		if err := printSummary(e.stdout, &ds[i], svc); err != nil {
			return err
		}
	}
	if a != nil {
		return a.close()
	}
	return nil
}

// printDecision prints a decision's heading and its list with registry numbers and amounts.
func printDecision(w io.Writer, d *khenthuong.Decision) error {
	s := khenthuong.DecisionSummary{Decision: *d, RecipientCount: len(d.Recipients), TotalAmount: d.Total()}
	return printRecipients(w, &s, func(fn func(*khenthuong.Recipient) error) error {
		for i := range d.Recipients {
			if err := fn(&d.Recipients[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// printSummary is printDecision with the recipients streamed from svc.
func printSummary(w io.Writer, s *khenthuong.DecisionSummary, svc khenthuong.QueryService) error {
	return printRecipients(w, s, func(fn func(*khenthuong.Recipient) error) error { return svc.EachRecipient(s.ID, fn) })
}

func printRecipients(w io.Writer, d *khenthuong.DecisionSummary, each func(func(*khenthuong.Recipient) error) error) error {
	status := "Dự thảo"
	if d.Status == khenthuong.DecisionIssued {
		status = "Đã ban hành"
	}
	fmt.Fprintf(w, "Quyết định số %s ngày %s (mã %d, đợt %d, %s, %s); người ký: %s %s\n",
		d.Number, d.Date.Display(), d.ID, d.CampaignID, d.FormCode, status,
		strings.ReplaceAll(d.SignerTitle, "\n", " / "), d.SignerName)
	for _, a := range d.Amendments {
		fmt.Fprintf(w, "  Sửa đổi %s bởi %s: %s\n", a.At.Format("02/01/2006 15:04"), a.User, a.Reason)
	}
	t := newTable(w, []string{"STT", "ĐỀ NGHỊ", "LOẠI", "HỌ VÀ TÊN / TÊN TẬP THỂ", "CHỨC VỤ, ĐƠN VỊ", "SỐ SỔ VÀNG", "TIỀN THƯỞNG"})
	i := 0
	err := each(func(r *khenthuong.Recipient) error {
		i++
		return t.row(strconv.Itoa(i), strconv.FormatUint(r.NominationID, 10), r.Nominee.Kind.Label(),
			r.Nominee.DisplayName(), r.Nominee.PositionAndUnit(), r.RegistryNo, vntext.FormatNumber(r.Amount))
	})
	if err != nil {
		return err
	}
	if err := t.row("", "", "", "Tổng cộng", "", "", vntext.FormatNumber(d.TotalAmount)); err != nil {
		return err
	}
	return t.close()
}

// decisionID is the one decision ID a subcommand takes.
func decisionID(pos []string) (uint64, error) {
	if len(pos) != 1 {
		return 0, usagef("cần đúng một mã quyết định")
	}
	return parseID(pos[0], "mã quyết định")
}
