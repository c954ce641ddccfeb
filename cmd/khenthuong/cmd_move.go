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
	if err := db.MoveNominations(ids, c.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã chuyển %d đề nghị sang đợt “%s”.\n", len(ids), c.Name)
	return nil
}
