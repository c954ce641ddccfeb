package main

import (
	"fmt"

	"khenthuong"
)

func init() {
	commands["campaign"] = command{
		usage: `campaign new --name TEXT [--type phongtrao|dotxuat|hangnam|congtrang] [--from DATE] [--to DATE] [--ceremony-date DATE] [--place TEXT]
    tạo đợt khen thưởng; chỉ in mã của đợt mới`,
		run: runCampaign,
	}
}

func runCampaign(e *env, args []string) error {
	if len(args) == 0 || args[0] != "new" {
		return usagef("dùng: campaign new --name TEXT ...")
	}
	fs := newFlags("campaign new")
	name := fs.String("name", "", "tên đợt")
	typ := fs.String("type", string(khenthuong.CampaignMovement), "loại đợt")
	from := fs.String("from", "", "ngày bắt đầu")
	to := fs.String("to", "", "ngày kết thúc")
	ceremony := fs.String("ceremony-date", "", "ngày tổ chức")
	place := fs.String("place", "", "địa điểm")
	notes := fs.String("notes", "", "ghi chú")
	pos, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("thừa tham số “%s”", pos[0])
	}
	c := khenthuong.Campaign{Name: *name, Type: khenthuong.CampaignType(*typ), CeremonyPlace: *place, Notes: *notes}
	for _, d := range []struct {
		dst  *khenthuong.Date
		text string
	}{{&c.From, *from}, {&c.To, *to}, {&c.CeremonyDate, *ceremony}} {
		if *d.dst, err = khenthuong.ParseDate(d.text); err != nil {
			return err
		}
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.CreateCampaign(&c); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, c.ID)
	return nil
}
