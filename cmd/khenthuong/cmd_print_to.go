package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/printing"
)

// output checks where a print goes: a file (-o, whose extension says the
// format) or a printer (--to), exactly one of the two.
func (f *printFlags) output(doc, exts string) (ext string, err error) {
	switch {
	case f.out != "" && f.to != "":
		return "", usagef("chọn một trong hai: -o TỆP hoặc --to MÁY_IN")
	case f.out == "" && f.to == "":
		return "", usagef("cần -o TỆP hoặc --to MÁY_IN")
	case f.to == "" && (f.copies != 1 || f.tray != ""):
		return "", usagef("--copies và --tray chỉ dùng với --to")
	case f.to != "" && (f.copies < 1 || f.copies > printing.MaxCopies):
		return "", usagef("--copies phải từ 1 đến %d", printing.MaxCopies)
	case f.to != "":
		return ".pdf", nil
	}
	ext = strings.ToLower(filepath.Ext(f.out))
	if !strings.Contains(exts, ext) || ext == "" {
		return "", usagef("tệp kết quả của print %s phải có đuôi %s", doc, exts)
	}
	return ext, nil
}

// emit writes the document's PDF to -o, or sends its pages to --to: the
// printer gets the very pages the PDF holds. Either way the pages are laid
// out one at a time as they are written: pages streams them from the first
// each time it is called.
func (p *printJob) emit(title string, pages func(yield func(page.Page) error) error, write func(io.Writer) error) error {
	if p.f.to == "" {
		return p.write(write)
	}
	res, err := printing.Print(context.Background(), printing.Job{
		Printer: p.f.to, Title: title, Copies: p.f.copies, Tray: p.f.tray, Stream: pages,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(p.e.stderr, "Đã gửi %d trang × %d bản tới máy in %s (lệnh in %s)\n", res.Pages, res.Copies, res.Printer, res.JobID)
	return nil
}

// decisionTitle names a print job after its decision: "Quyết định số 12/QĐ-UBND".
func decisionTitle(doc certificates.DecisionDoc) string {
	return "Quyết định số " + strings.TrimSpace(certificates.DecisionNumber(doc.Decision.Number, doc.Settings.AuthorityAbbr))
}
