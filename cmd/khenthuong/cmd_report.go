package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/certificates"
	"khenthuong/roster"
	"khenthuong/stats"
	"khenthuong/vntext"
)

func init() {
	commands["report"] = command{
		usage: `report --from YYYY-MM-DD --to YYYY-MM-DD [--issuer TEXT] [--campaign ID] [--form CODE] -o FILE.pdf|FILE.xlsx
        báo cáo tổng hợp kết quả khen thưởng trong kỳ: bảng số liệu và biểu đồ (PDF), các bảng (xlsx)`,
		run: runReport,
	}
}

func runReport(e *env, args []string) error {
	var out, from, to, issuer, form string
	var campaign uint64
	fs := newFlags("report")
	fs.StringVar(&out, "o", "", "tệp kết quả (.pdf hoặc .xlsx)")
	fs.StringVar(&from, "from", "", "từ ngày (YYYY-MM-DD)")
	fs.StringVar(&to, "to", "", "đến ngày (YYYY-MM-DD)")
	fs.StringVar(&issuer, "issuer", "", "chỉ các hình thức của thẩm quyền này")
	fs.StringVar(&form, "form", "", "chỉ hình thức khen thưởng này (mã)")
	fs.Uint64Var(&campaign, "campaign", 0, "chỉ đợt khen thưởng này")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("thừa “%s”", pos[0])
	}
	if out == "" {
		return usagef("cần -o TỆP")
	}
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".pdf" && ext != ".xlsx" {
		return usagef("tệp báo cáo phải có đuôi .pdf hoặc .xlsx")
	}
	f := stats.Filter{CampaignID: campaign, FormCode: strings.ToUpper(strings.TrimSpace(form)), Issuer: strings.TrimSpace(issuer)}
	for _, d := range []struct {
		flag, value string
		to          *khenthuong.Date
	}{{"--from", from, &f.From}, {"--to", to, &f.To}} {
		if d.value == "" {
			return usagef("cần %s YYYY-MM-DD", d.flag)
		}
		v, err := khenthuong.ParseDate(d.value)
		if err != nil || v.YearOnly() {
			return usagef("%s: ngày “%s” không hợp lệ", d.flag, d.value)
		}
		*d.to = v
	}
	if f.To.Before(f.From) {
		return usagef("--to phải sau --from")
	}
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkReportFilter(db, f); err != nil {
		return err
	}
	sum, err := stats.Compute(db, f)
	if err != nil {
		return err
	}
	if ext == ".xlsx" {
		err = atomicfile.Write(out, func(w io.Writer) error { return roster.WriteReportXLSX(w, sum) })
	} else {
		var settings khenthuong.Settings
		if settings, err = db.Settings(); err != nil {
			return err
		}
		doc := certificates.ReportDoc{Summary: sum, Settings: &settings, From: f.From, To: f.To, Issuer: f.Issuer}
		if campaign != 0 {
			c, err := db.Campaign(campaign)
			if err != nil {
				return err
			}
			doc.Campaign = c.Name
		}
		err = atomicfile.Write(out, func(w io.Writer) error { return certificates.WriteReport(w, doc) })
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã ghi %s: %s lượt khen thưởng, %s đồng\n", out,
		vntext.FormatNumber(int64(sum.Awards)), vntext.FormatNumber(sum.Bonus))
	return nil
}

// checkReportFilter refuses a form or an issuer the catalogue does not know:
// a typo would otherwise print a report of nothing.
func checkReportFilter(db khenthuong.Services, f stats.Filter) error {
	if f.FormCode != "" {
		if _, err := db.Form(f.FormCode); err != nil {
			return err
		}
	}
	if f.Issuer == "" {
		return nil
	}
	forms, err := db.Forms()
	if err != nil {
		return err
	}
	var issuers []string
	seen := map[string]bool{}
	for _, fm := range forms {
		if strings.Contains(vntext.Fold(fm.Issuer), vntext.Fold(f.Issuer)) {
			return nil
		}
		if !seen[fm.Issuer] {
			seen[fm.Issuer] = true
			issuers = append(issuers, fm.Issuer)
		}
	}
	return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có hình thức khen thưởng nào của thẩm quyền “%s” (các thẩm quyền: %s)",
		f.Issuer, strings.Join(issuers, ", "))
}
