package main

import (
	"fmt"
	"strconv"
	"strings"

	"khenthuong"
)

func init() {
	commands["list"] = command{
		usage: `list campaigns|nominations|forms|decisions [--campaign ID] [--json]
    liệt kê đợt khen thưởng, đề nghị (theo thứ tự danh sách), danh mục hình thức, hoặc quyết định
    (mới nhất trước) với danh sách, số sổ vàng và tiền thưởng của từng người`,
		run: runList,
	}
}

func runList(e *env, args []string) error {
	fs := newFlags("list")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	campaign := fs.Uint64("campaign", 0, "chỉ đề nghị của đợt này")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cần đúng một loại: campaigns, nominations, forms hoặc decisions")
	}
	lister, ok := listers[pos[0]]
	if !ok {
		return usagef("không liệt kê được “%s”", pos[0])
	}
	if *campaign != 0 && (pos[0] == "campaigns" || pos[0] == "forms") {
		return usagef("--campaign chỉ dùng với nominations hoặc decisions")
	}
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	if *campaign != 0 {
		// A campaign that does not exist is said so, not listed as empty.
		if _, err := db.Campaign(*campaign); err != nil {
			return err
		}
	}
	return lister(e, db, listOptions{json: *asJSON, campaign: *campaign})
}

type listOptions struct {
	json     bool
	campaign uint64
}

// listers is filled here and by later subcommand files (decisions).
var listers = map[string]func(e *env, svc khenthuong.Services, o listOptions) error{
	"campaigns":   listCampaigns,
	"nominations": listNominations,
	"forms":       listForms,
	"decisions":   listDecisions,
}

func listCampaigns(e *env, svc khenthuong.Services, o listOptions) error {
	cs, err := svc.Campaigns()
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(e.stdout, nonNil(cs))
	}
	rows := make([][]string, len(cs))
	for i, c := range cs {
		rows[i] = []string{strconv.FormatUint(c.ID, 10), c.Name, c.Type.Label(), period(c.From, c.To), c.CeremonyDate.Display(), c.CeremonyPlace}
	}
	return table(e.stdout, []string{"MÃ", "TÊN ĐỢT", "LOẠI", "THỜI GIAN", "NGÀY TỔ CHỨC", "ĐỊA ĐIỂM"}, rows)
}

// listNominations streams the nominations: memory holds one at a time (a
// block of table rows), whatever the size of the file.
func listNominations(e *env, svc khenthuong.Services, o listOptions) error {
	none := "Chưa có đề nghị nào: nhập danh sách của đơn vị bằng khenthuong import TỆP --campaign MÃ_ĐỢT."
	if o.campaign != 0 {
		none = fmt.Sprintf("Đợt %d chưa có đề nghị nào: nhập danh sách của đơn vị bằng khenthuong import TỆP --campaign %d.", o.campaign, o.campaign)
	}
	return streamNominations(e, svc, khenthuong.NominationFilter{CampaignID: o.campaign}, o.json, none)
}

// streamNominations prints the nominations matching f as JSON or as a table;
// none is said on stderr when the table is empty.
func streamNominations(e *env, svc khenthuong.Services, f khenthuong.NominationFilter, asJSON bool, none string) error {
	if asJSON {
		a := newJSONArray(e.stdout)
		if err := svc.EachNomination(f, func(n *khenthuong.Nomination) error { return a.add(n) }); err != nil {
			return err
		}
		return a.close()
	}
	t := newTable(e.stdout, nominationHeader)
	err := svc.EachNomination(f, func(n *khenthuong.Nomination) error { return t.row(nominationRow(n)...) })
	if err != nil {
		return err
	}
	if err := t.close(); err != nil {
		return err
	}
	if t.rows == 0 {
		fmt.Fprintln(e.stderr, none)
	}
	return nil
}

var nominationHeader = []string{"MÃ", "ĐỢT", "STT", "LOẠI", "HỌ VÀ TÊN / TÊN TẬP THỂ", "CHỨC VỤ, ĐƠN VỊ", "HÌNH THỨC", "TRẠNG THÁI"}

func nominationRow(n *khenthuong.Nomination) []string {
	return []string{
		strconv.FormatUint(n.ID, 10), strconv.FormatUint(n.CampaignID, 10), strconv.Itoa(n.Order),
		n.Nominee.Kind.Label(), n.Nominee.DisplayName(), n.Nominee.PositionAndUnit(), n.FormCode, n.Status.Label(),
	}
}

func listForms(e *env, svc khenthuong.Services, o listOptions) error {
	fs, err := svc.Forms()
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(e.stdout, nonNil(fs))
	}
	rows := make([][]string, len(fs))
	for i, f := range fs {
		kinds := make([]string, len(f.Kinds))
		for j, k := range f.Kinds {
			kinds[j] = k.Label()
		}
		rows[i] = []string{f.Code, f.Name, f.Issuer, strings.Join(kinds, ", "), f.Series}
	}
	return table(e.stdout, []string{"MÃ", "HÌNH THỨC", "NGƯỜI KÝ", "ĐỐI TƯỢNG", "SỔ"}, rows)
}

func period(from, to khenthuong.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return "từ " + from.Display()
	case from.IsZero():
		return "đến " + to.Display()
	}
	return from.Display() + " - " + to.Display()
}

// nonNil makes an empty list print as [] rather than null, for scripts.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
