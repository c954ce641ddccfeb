package main

import (
	"fmt"
	"strconv"

	"khenthuong/vntext"
)

func init() {
	commands["history"] = command{
		usage: `history QUERY [--json]
    tra cứu quá trình khen thưởng của một người hoặc tập thể qua mọi đợt, mọi năm (không phân
    biệt dấu, hoa thường): mỗi đề nghị, kèm quyết định, ngày, hình thức, số sổ vàng nếu đã được
    khen; mới nhất trước` + historyImportUsage,
		run: runHistory,
	}
}

func runHistory(e *env, args []string) error {
	if len(args) > 0 && args[0] == "import" {
		return runHistoryImport(e, args[1:])
	}
	query, asJSON, err := parseQuery("history", args, "chưa có tên cần tra cứu")
	if err != nil {
		return err
	}
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	hs, err := db.History(query)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e.stdout, nonNil(hs))
	}
	if len(hs) == 0 {
		fmt.Fprintf(e.stderr, "Không tìm thấy ai tên “%s” trong các đợt và quyết định đã ghi (có dấu hay không đều được).\n", query)
	}
	rows := make([][]string, len(hs))
	for i, h := range hs {
		n := &h.Nomination
		row := []string{strconv.FormatUint(n.ID, 10), h.Campaign, n.Nominee.DisplayName(), n.Nominee.PositionAndUnit(),
			n.FormCode, n.Status.Label(), "", "", "", ""}
		if a := h.Award; a != nil {
			row[6], row[7], row[8] = a.DecisionNumber, a.DecisionDate.Display(), a.RegistryNo
			if a.Amount > 0 { // a decision from the archive has only the amounts it wrote
				row[9] = vntext.FormatNumber(a.Amount)
			}
		}
		rows[i] = row
	}
	return table(e.stdout, []string{"ĐỀ NGHỊ", "ĐỢT", "HỌ VÀ TÊN / TÊN TẬP THỂ", "CHỨC VỤ, ĐƠN VỊ", "HÌNH THỨC",
		"TRẠNG THÁI", "QUYẾT ĐỊNH", "NGÀY", "SỐ SỔ VÀNG", "TIỀN THƯỞNG"}, rows)
}
