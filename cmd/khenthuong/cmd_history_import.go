package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"khenthuong"
	"khenthuong/archive"
	"khenthuong/roster"
	"khenthuong/vntext"
)

// historyImportUsage is documented with history's own usage.
const historyImportUsage = `
history import FILE|FOLDER [--form CODE] [--number NUM --date DATE] [--dry-run] [--valid-only] [--json]
    nhập quyết định đã ký trong lưu trữ (.docx, .doc, .pdf có lớp chữ, hoặc danh sách Excel kèm --number,
    --date): nhận số, ngày, hình thức, người ký và danh sách kèm theo; ghi thành quyết định đã ban hành
    (đánh dấu từ lưu trữ; số sổ vàng, tiền thưởng chỉ khi văn bản ghi). Thư mục: mọi tệp trong đó, báo
    cáo từng tệp. Có lỗi thì không ghi tệp đó, trừ khi --valid-only (ghi các dòng không lỗi)`

// historyImportReport is what history import prints for one file.
type historyImportReport struct {
	File       string              `json:"file"`
	Decision   khenthuong.Decision `json:"decision"`
	RowsRead   int                 `json:"rows_read"`
	Recipients int                 `json:"recipients"` // valid rows: those written, or to be
	Errors     int                 `json:"errors"`
	Warnings   int                 `json:"warnings"`
	Problems   []roster.Problem    `json:"problems"`
	Written    bool                `json:"written"`
	Message    string              `json:"message"`
}

// archiveExts are the files a folder import reads.
var archiveExts = map[string]bool{".docx": true, ".pdf": true, ".xlsx": true, ".xls": true, ".ods": true, ".csv": true, ".doc": true}

func runHistoryImport(e *env, args []string) error {
	fs := newFlags("history import")
	formCode := fs.String("form", "", "mã hình thức khi văn bản không ghi rõ")
	number := fs.String("number", "", "số quyết định (cho danh sách Excel)")
	date := fs.String("date", "", "ngày quyết định (cho danh sách Excel)")
	dryRun := fs.Bool("dry-run", false, "chỉ in báo cáo, không ghi gì")
	validOnly := fs.Bool("valid-only", false, "ghi các dòng không lỗi khi danh sách có dòng lỗi")
	asJSON := fs.Bool("json", false, "in báo cáo dạng JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cần đúng một tệp hoặc thư mục quyết định")
	}
	opts := archive.Options{FormCode: strings.ToUpper(strings.TrimSpace(*formCode)), Number: vntext.Clean(*number)}
	if *date != "" {
		if opts.Date, err = khenthuong.ParseDate(*date); err != nil {
			return usagef("--date: %s", khenthuong.ErrorMessage(err))
		}
	}
	files, err := archiveFiles(pos[0])
	if err != nil {
		return err
	}
	if len(files) > 1 && (opts.Number != "" || !opts.Date.IsZero()) {
		return usagef("--number và --date chỉ dùng cho một tệp, không cho cả thư mục")
	}
	db, err := e.openDB(*dryRun)
	if err != nil {
		return err
	}
	defer db.Close()
	if opts.Forms, err = db.Forms(); err != nil {
		return err
	}
	if opts.FormCode != "" {
		if _, err := db.Form(opts.FormCode); err != nil {
			return err
		}
	}
	var reports []historyImportReport
	failed := 0
	for _, f := range files {
		rep := importArchiveFile(db, f, opts, *dryRun, *validOnly)
		if !rep.Written && !*dryRun || *dryRun && rep.Errors > 0 && !*validOnly {
			failed++
		}
		reports = append(reports, rep)
		if !*asJSON {
			printHistoryImport(e.stdout, &rep)
		}
	}
	if *asJSON {
		if err := writeJSON(e.stdout, reports); err != nil {
			return err
		}
	}
	if failed > 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "%d/%d tệp không ghi được (xem báo cáo ở trên)", failed, len(files))
	}
	return nil
}

// archiveFiles is the file given, or the decision files of the folder given, by name.
func archiveFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, roster.ReadFailure("tệp hay thư mục", path, err)
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Không đọc được thư mục “%s”: %v", path, err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && archiveExts[strings.ToLower(filepath.Ext(e.Name()))] && !strings.HasPrefix(e.Name(), "~$") {
			out = append(out, filepath.Join(path, e.Name()))
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Thư mục “%s” không có tệp .docx, .pdf hay danh sách Excel nào", path)
	}
	return out, nil
}

// importArchiveFile reads one decision and, unless told not to or it has
// errors, records it.
func importArchiveFile(db khenthuong.Services, path string, opts archive.Options, dryRun, validOnly bool) historyImportReport {
	rep := historyImportReport{File: path, Problems: []roster.Problem{}}
	res, err := archive.Read(path, opts)
	if err != nil {
		rep.Errors = 1
		rep.Message = khenthuong.ErrorMessage(err)
		return rep
	}
	rep.Decision, rep.Problems = res.Decision, res.Problems
	rep.RowsRead, rep.Recipients, rep.Errors = len(res.Rows), len(res.Decision.Recipients), res.Errors()
	rep.Warnings = len(res.Problems) - rep.Errors
	switch {
	case res.HeaderErrors() > 0:
		rep.Message = "Không ghi: chưa nhận ra số, ngày hoặc hình thức của quyết định (xem lỗi ở trên)."
		return rep
	case rep.Errors > 0 && !validOnly:
		rep.Message = fmt.Sprintf("Không ghi vì danh sách có %d lỗi: sửa tệp rồi nhập lại, hoặc dùng --valid-only để ghi %d dòng không lỗi.", rep.Errors, rep.Recipients)
		return rep
	case rep.Recipients == 0:
		rep.Message = "Không ghi: không có dòng nào trong danh sách kèm theo."
		return rep
	case dryRun:
		rep.Message = fmt.Sprintf("Chạy thử: không ghi gì; nhập thật sẽ ghi quyết định với %d đối tượng.", rep.Recipients)
		return rep
	}
	d := res.Decision
	if err := db.ImportArchive(&d); err != nil {
		rep.Message = "Không ghi được: " + khenthuong.ErrorMessage(err)
		return rep
	}
	rep.Decision, rep.Written = d, true
	rep.Message = fmt.Sprintf("Đã ghi quyết định số %s (mã %d, đợt %d) với %d đối tượng: có trong Tra cứu và lịch sử khen thưởng.", d.Number, d.ID, d.CampaignID, len(d.Recipients))
	if skipped := rep.RowsRead - rep.Recipients; skipped > 0 {
		rep.Message += fmt.Sprintf(" Bỏ qua %d dòng có lỗi.", skipped)
	}
	return rep
}

func printHistoryImport(w io.Writer, r *historyImportReport) {
	var b strings.Builder
	fmt.Fprintf(&b, "Tệp: %s\n", r.File)
	d := &r.Decision
	if d.Number != "" || !d.Date.IsZero() || d.FormCode != "" {
		fmt.Fprintf(&b, "  Quyết định số %s ngày %s, hình thức %s; người ký: %s %s\n", orDash(d.Number), orDash(d.Date.Display()), orDash(d.FormCode),
			strings.ReplaceAll(d.SignerTitle, "\n", " / "), d.SignerName)
		fmt.Fprintf(&b, "  Danh sách: %d dòng, %d đối tượng ghi được; %d lỗi, %d cảnh báo\n", r.RowsRead, r.Recipients, r.Errors, r.Warnings)
	}
	for _, sev := range []struct {
		s     roster.Severity
		title string
	}{{roster.SeverityError, "LỖI"}, {roster.SeverityWarning, "CẢNH BÁO"}} {
		n := 0
		for _, p := range r.Problems {
			if p.Severity != sev.s {
				continue
			}
			if n++; n <= maxReportLines {
				fmt.Fprintf(&b, "  %s: %s\n", sev.title, p)
			}
		}
		if n > maxReportLines {
			fmt.Fprintf(&b, "  ... và %d dòng nữa (--json cho đủ)\n", n-maxReportLines)
		}
	}
	fmt.Fprintf(&b, "  %s\n", r.Message)
	io.WriteString(w, b.String())
}

func orDash(s string) string {
	if s == "" {
		return "?"
	}
	return s
}
