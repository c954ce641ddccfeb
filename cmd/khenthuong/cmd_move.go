package main

import "fmt"

func init() {
	commands["move"] = command{
		usage: `move --nominations IDS --to-campaign ID
    chuyển đề nghị sang đợt khen thưởng khác (xuống cuối danh sách của đợt, theo thứ tự IDS),
    có ghi nhật ký; không chuyển được đề nghị đã có trong quyết định (dự thảo hay đã ban hành).
    Cả danh sách được ghi cùng lúc: một đề nghị không chuyển được thì không ghi gì`,
		run: runMove,
	}
}

func runMove(e *env, args []string) error {
	fs := newFlags("move")
	list := fs.String("nominations", "", "mã đề nghị, như 3,5,8-12")
	to := fs.Uint64("to-campaign", 0, "mã đợt chuyển đến")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("thừa tham số “%s”", pos[0])
	}
	if *list == "" || *to == 0 {
		return usagef("cần --nominations IDS và --to-campaign ID")
	}
	ids, err := parseIDs(*list)
	if err != nil {
		return err
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.Campaign(*to)
	if err != nil {
		return err
	}
	// Say what moves: an ID given twice moves once, and a nomination
	// already in the campaign stays where it is.
	ids = uniqueIDs(ids)
	already := 0
	for _, id := range ids {
		if n, err := db.Nomination(id); err == nil && n.CampaignID == c.ID {
			already++
		}
	}
	if err := db.MoveNominations(ids, c.ID); err != nil {
		return err
	}
	if moved := len(ids) - already; moved > 0 || already == 0 {
		fmt.Fprintf(e.stderr, "Đã chuyển %d đề nghị sang đợt “%s”.\n", moved, c.Name)
	}
	if already > 0 {
		fmt.Fprintf(e.stderr, "%d đề nghị đã ở đợt “%s” từ trước, không chuyển.\n", already, c.Name)
	}
	return nil
}
