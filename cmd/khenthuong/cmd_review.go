package main

import (
	"fmt"
	"strings"

	"khenthuong"
)

func init() {
	commands["review"] = command{
		usage: `review --campaign ID (--approve IDS|all-submitted | --reject IDS --reason TEXT | --defer IDS | --submit IDS)
    xét duyệt đề nghị của một đợt: duyệt, không duyệt (phải có lý do), hoãn xét, hoặc trả về
    "đã đề nghị"; IDS là các mã đề nghị như 3,5,8-12; all-submitted là mọi đề nghị đang chờ xét
    của đợt. Cả danh sách được ghi cùng lúc: một đề nghị không chuyển được thì không ghi gì`,
		run: runReview,
	}
}

func runReview(e *env, args []string) error {
	fs := newFlags("review")
	campaign := fs.Uint64("campaign", 0, "mã đợt")
	approve := fs.String("approve", "", "mã đề nghị được duyệt, hoặc all-submitted")
	reject := fs.String("reject", "", "mã đề nghị không duyệt")
	deferIDs := fs.String("defer", "", "mã đề nghị hoãn xét")
	submit := fs.String("submit", "", "mã đề nghị trả về trạng thái đã đề nghị")
	reason := fs.String("reason", "", "lý do không duyệt")
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
	var to khenthuong.Status
	var list string
	n := 0
	for _, a := range []struct {
		value  string
		status khenthuong.Status
	}{
		{*approve, khenthuong.StatusApproved}, {*reject, khenthuong.StatusRejected},
		{*deferIDs, khenthuong.StatusDeferred}, {*submit, khenthuong.StatusSubmitted},
	} {
		if a.value != "" {
			to, list = a.status, a.value
			n++
		}
	}
	if n != 1 {
		return usagef("cần đúng một trong --approve, --reject, --defer, --submit")
	}
	if *reason != "" && to != khenthuong.StatusRejected {
		return usagef("--reason chỉ dùng với --reject")
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Campaign(*campaign); err != nil {
		return err
	}
	var ids []uint64
	inStatus := map[uint64]bool{} // the listed ones already in status to, to tell what changes
	if to == khenthuong.StatusApproved && strings.TrimSpace(list) == "all-submitted" {
		// Only the IDs are kept: every one is submitted, none approved
		// already, and the campaign may hold 100,000.
		err := db.EachNomination(khenthuong.NominationFilter{CampaignID: *campaign, Status: khenthuong.StatusSubmitted},
			func(n *khenthuong.Nomination) error {
				ids = append(ids, n.ID)
				return nil
			})
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			fmt.Fprintln(e.stderr, "Không có đề nghị nào đang chờ xét trong đợt này.")
			return nil
		}
	} else {
		if ids, err = parseIDs(list); err != nil {
			return err
		}
		// Each listed nomination is read alone: the campaign may hold 100,000.
		for _, id := range ids {
			n, err := db.Nomination(id)
			if khenthuong.ErrorCode(err) == khenthuong.ENOTFOUND || err == nil && n.CampaignID != *campaign {
				return khenthuong.Errorf(khenthuong.ENOTFOUND, "Đợt %d không có đề nghị số %d", *campaign, id)
			} else if err != nil {
				return err
			}
			if n.Status == to {
				inStatus[id] = true
			}
		}
	}
	if err := db.SetStatus(ids, to, *reason); err != nil {
		return err
	}
	// SetStatus leaves a nomination already in the status as it is: say so
	// rather than report a change that did not happen.
	listed, already := alreadyIn(inStatus, ids, to)
	if changed := listed - already; changed > 0 || already == 0 {
		fmt.Fprintf(e.stderr, "Đã chuyển %d đề nghị sang “%s”.\n", changed, to.Label())
	}
	if already > 0 {
		fmt.Fprintf(e.stderr, "%d đề nghị đã ở trạng thái “%s” từ trước, không thay đổi.\n", already, to.Label())
	}
	if to == khenthuong.StatusApproved {
		return printApprovalWarnings(e.stderr, db, *campaign, ids)
	}
	return nil
}

// alreadyIn counts the listed nominations (each once) and those already in
// status to (inStatus); a rejection is a change anyway, since it records the
// new reason.
func alreadyIn(inStatus map[uint64]bool, ids []uint64, to khenthuong.Status) (listed, already int) {
	set := make(map[uint64]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	if to == khenthuong.StatusRejected {
		return len(set), 0
	}
	return len(set), len(inStatus)
}
