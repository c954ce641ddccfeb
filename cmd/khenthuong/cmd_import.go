package main

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"

	"khenthuong"
	"khenthuong/roster"
)

func init() {
	commands["import"] = command{
		usage: `import FILE --campaign ID [--form CODE] [--dry-run] [--valid-only] [--rejected FILE.xlsx] [--json] [--mapping FILE.json]
    nhập danh sách đề nghị từ tệp Excel (.xlsx, .xlsm, .xls), bảng tính .ods, .csv hoặc văn bản Word .docx, .doc
    của đơn vị vào một đợt; in báo cáo (số dòng, lỗi, cảnh báo, ô đã chuyển mã). Có lỗi thì không ghi gì,
    trừ khi có --valid-only (chỉ ghi các dòng không lỗi); --rejected ghi các dòng lỗi ra .xlsx để gửi trả
    đơn vị (các cột của đơn vị và cột “Lỗi cần sửa”); --dry-run chỉ in báo cáo`,
		run: runImport,
	}
}

// importReport is what import prints, as text or JSON.
type importReport struct {
	File           string              `json:"file"`
	Campaign       uint64              `json:"campaign"`
	DryRun         bool                `json:"dry_run"`
	ValidOnly      bool                `json:"valid_only"`
	Encoding       string              `json:"encoding,omitempty"`
	RowsRead       int                 `json:"rows_read"`
	Importable     int                 `json:"importable"` // rows that are (or with --dry-run would be) written
	Imported       int                 `json:"imported"`   // rows written
	Errors         int                 `json:"errors"`
	Warnings       int                 `json:"warnings"`
	ConvertedCells int                 `json:"converted_cells"`
	IDs            []uint64            `json:"ids"`
	Sheets         []roster.Sheet      `json:"sheets"`
	UnknownColumns []string            `json:"unknown_columns"`
	Problems       []roster.Problem    `json:"problems"`
	Converted      []roster.Conversion `json:"converted"`
	Message        string              `json:"message"`
	Rejected       int                 `json:"rejected,omitempty"`      // rows with errors written to --rejected
	RejectedFile   string              `json:"rejected_file,omitempty"` // the --rejected file, when written
}

func runImport(e *env, args []string) error {
	fs := newFlags("import")
	campaignID := fs.Uint64("campaign", 0, "đợt khen thưởng nhận các đề nghị")
	formCode := fs.String("form", "", "mã hình thức cho các dòng không ghi hình thức")
	dryRun := fs.Bool("dry-run", false, "chỉ in báo cáo, không ghi gì")
	validOnly := fs.Bool("valid-only", false, "chỉ ghi các dòng không lỗi")
	asJSON := fs.Bool("json", false, "in báo cáo dạng JSON")
	mappingPath := fs.String("mapping", "", "tệp sơ đồ cột (JSON) cho mẫu riêng của đơn vị")
	rejectedPath := fs.String("rejected", "", "ghi các dòng lỗi ra tệp .xlsx này để gửi trả đơn vị")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cần đúng một tệp danh sách")
	}
	if *campaignID == 0 {
		return usagef("cần --campaign MÃ_ĐỢT")
	}
	if *rejectedPath != "" && !strings.EqualFold(filepath.Ext(*rejectedPath), ".xlsx") {
		return usagef("--rejected cần tên tệp .xlsx")
	}
	opts := roster.ReadOptions{DefaultForm: *formCode}
	if *mappingPath != "" {
		if opts.Mapping, err = roster.LoadMapping(*mappingPath); err != nil {
			return err
		}
	}
	db, err := e.openDB(*dryRun)
	if err != nil {
		return err
	}
	defer db.Close()
	campaign, err := db.Campaign(*campaignID)
	if err != nil {
		return err
	}
	if opts.Forms, err = db.Forms(); err != nil {
		return err
	}
	if *formCode != "" {
		if _, err := db.Form(*formCode); err != nil {
			return err
		}
	}
	// The rows go to a spool as they are read and checked, and from there to
	// the store in batches: memory holds neither the file's rows nor the write.
	// Reading makes garbage at the pace of the file (a sheet's cells, the
	// decoded text): collected sooner than usual, the heap stays near what is live.
	defer debug.SetGCPercent(debug.SetGCPercent(40))
	var spool *rowSpool // none for a dry run: nothing will be written
	if !*dryRun {
		if spool, err = newRowSpool(); err != nil {
			return err
		}
		defer spool.close()
	}
	valid := 0
	opts.OnRow = func(r *roster.Row) {
		if !r.Invalid {
			valid++
			if spool != nil {
				spool.add(&r.Nomination)
			}
		}
	}
	im, err := roster.Read(pos[0], opts)
	if err != nil {
		return err
	}
	debug.FreeOSMemory()
	if !*asJSON {
		// The text report names the first warnings and counts the rest: a
		// long list's thousands of likely duplicates are counted, not worded
		// and held through the write. Errors all stay, for --rejected.
		im.KeepWarnings(maxReportLines)
	}
	// Only the stored nominations sharing a name with a row can be duplicates.
	if err := im.CheckDuplicatesAwarded(db.NominationsByName, db.AwardsOf, nameChunk); err != nil {
		return err
	}
	im.DropDuplicateIndex()
	// What the reading and the look-up freed goes back to the system before
	// the write, instead of counting as the process's memory until the end.
	debug.FreeOSMemory()

	importable := 0
	if im.Errors() == 0 || *validOnly {
		importable = valid
	}
	rep := importReport{
		File: pos[0], Campaign: campaign.ID, DryRun: *dryRun, ValidOnly: *validOnly, Encoding: im.Encoding,
		RowsRead: im.RowsRead(), Importable: importable, Errors: im.Errors(), Warnings: im.Warnings(),
		ConvertedCells: len(im.Converted), IDs: []uint64{}, Sheets: nonNil(im.Sheets), UnknownColumns: nonNil(im.Unknown),
		Problems: nonNil(im.Problems), Converted: nonNil(im.Converted),
	}
	var writeErr error
	if !*dryRun && importable > 0 {
		// Every row or none, whatever happens to this process meanwhile.
		var ids []uint64
		if ids, writeErr = db.ImportNominations(spool.rows(campaign.ID, khenthuong.StatusSubmitted)); writeErr == nil {
			rep.Imported, rep.IDs = len(ids), ids
		}
	}
	rep.Message = importMessage(&rep, campaign, writeErr)
	if *rejectedPath != "" && rep.Errors > 0 && writeErr == nil {
		if err := im.WriteRejected(*rejectedPath); err != nil {
			return err
		}
		rep.Rejected, rep.RejectedFile = im.Rejected(), *rejectedPath
		rep.Message += fmt.Sprintf(" Đã ghi %d dòng lỗi ra “%s” để gửi trả đơn vị.", rep.Rejected, *rejectedPath)
	}
	if *asJSON {
		err = writeJSON(e.stdout, rep)
	} else {
		err = printImportReport(e.stdout, &rep)
	}
	if err != nil {
		return err
	}
	switch {
	case writeErr != nil:
		return writeErr
	case importable == 0:
		return khenthuong.Errorf(khenthuong.EINVALID, "Không nhập được dòng nào: tệp có %d lỗi (xem báo cáo ở trên)", rep.Errors)
	}
	return nil
}

// importMessage is the last line of the report: what happened.
func importMessage(r *importReport, c *khenthuong.Campaign, writeErr error) string {
	target := fmt.Sprintf("đợt %d “%s”", c.ID, c.Name)
	switch {
	case writeErr != nil:
		return "Không ghi được gì: " + khenthuong.ErrorMessage(writeErr)
	case r.Importable == 0 && r.Errors > 0 && !r.ValidOnly:
		return fmt.Sprintf("Không ghi gì vì tệp có %d lỗi: sửa tệp rồi nhập lại (hoặc dùng --valid-only để chỉ nhập các dòng không lỗi).", r.Errors)
	case r.Importable == 0:
		return "Không có dòng nào nhập được."
	case r.DryRun:
		return fmt.Sprintf("Chạy thử: không ghi gì; nhập thật sẽ ghi %d đề nghị vào %s.", r.Importable, target)
	}
	msg := fmt.Sprintf("Đã nhập %d đề nghị vào %s (trạng thái %s).", r.Imported, target, khenthuong.StatusSubmitted.Label())
	if skipped := r.RowsRead - r.Imported; skipped > 0 {
		msg += fmt.Sprintf(" Bỏ qua %d dòng có lỗi.", skipped)
	}
	return msg
}

// maxReportLines caps each list of the text report; --json has everything.
const maxReportLines = 200

func printImportReport(w io.Writer, r *importReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Tệp: %s", r.File)
	if r.Encoding != "" {
		fmt.Fprintf(&b, " (mã %s)", r.Encoding)
	}
	b.WriteString("\n")
	for _, s := range r.Sheets {
		if s.Skipped != "" {
			fmt.Fprintf(&b, "  Trang “%s”: bỏ qua (%s)\n", s.Name, s.Skipped)
			continue
		}
		var cols []string
		for _, c := range s.Columns {
			if c.Field != "" && c.Field != roster.FieldIgnore && c.Field != roster.FieldCode {
				cols = append(cols, c.Letter+" "+c.Field.Label())
			}
		}
		fmt.Fprintf(&b, "  Trang “%s”: tiêu đề ở dòng %d, %d dòng dữ liệu; cột: %s\n", s.Name, s.HeaderRow, s.Rows, strings.Join(cols, ", "))
	}
	if len(r.UnknownColumns) > 0 {
		fmt.Fprintf(&b, "  Cột không nhận ra, bỏ qua: %s\n", strings.Join(r.UnknownColumns, "; "))
	}
	fmt.Fprintf(&b, "Đọc %d dòng: %d lỗi, %d cảnh báo, %d ô đã chuyển mã.\n", r.RowsRead, r.Errors, r.Warnings, r.ConvertedCells)
	for _, sev := range []struct {
		s     roster.Severity
		title string
		total int
	}{{roster.SeverityError, "LỖI", r.Errors}, {roster.SeverityWarning, "CẢNH BÁO", r.Warnings}} {
		n := 0
		for _, p := range r.Problems {
			if p.Severity != sev.s {
				continue
			}
			if n == 0 {
				fmt.Fprintf(&b, "\n%s:\n", sev.title)
			}
			if n < maxReportLines {
				fmt.Fprintf(&b, "  %s\n", p)
			}
			n++
		}
		if total := max(n, sev.total); total > maxReportLines {
			fmt.Fprintf(&b, "  ... và %d dòng nữa (xem đủ với --json)\n", total-maxReportLines)
		}
	}
	if len(r.Converted) > 0 {
		b.WriteString("\nÔ ĐÃ CHUYỂN MÃ:\n")
		for i, c := range r.Converted {
			if i == maxReportLines {
				fmt.Fprintf(&b, "  ... và %d ô nữa (xem đủ với --json)\n", len(r.Converted)-maxReportLines)
				break
			}
			fmt.Fprintf(&b, "  trang “%s”, dòng %d, cột %s: %s “%s” → “%s”\n", c.Sheet, c.Row, c.Column, c.Encoding, c.From, c.To)
		}
	}
	fmt.Fprintf(&b, "\n%s\n", r.Message)
	_, err := io.WriteString(w, b.String())
	return err
}
