package archive

import (
	"fmt"
	"log/slog"
	"strings"

	"khenthuong"
)

// PDFText reads the text layer of a PDF, page by page, as lines. A scanned
// PDF (pages with no text) and an encrypted one are refused with a message
// for the clerk naming the file.
func PDFText(data []byte, name string) ([][]string, error) {
	pages, err := pdfLines(data, name)
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(pages))
	for i, p := range pages {
		for _, l := range p {
			out[i] = append(out[i], lineText(l))
		}
	}
	return out, nil
}

// pdfLines is PDFText with the place of each piece of text kept.
func pdfLines(data []byte, name string) (pages [][][]run, err error) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("archive: PDF reader panicked", "file", name, "panic", p)
			pages, err = nil, errPDFDamaged(name, fmt.Errorf("%v", p))
		}
	}()
	f, err := parsePDF(data)
	if err != nil {
		return nil, errPDFDamaged(name, err)
	}
	for _, v := range f.objs {
		if d := f.dict(v); d != nil && d["Encrypt"] != nil {
			return nil, khenthuong.Errorf(khenthuong.EINVALID,
				"Tệp “%s” là PDF có đặt mật khẩu hoặc bảo vệ, chương trình không đọc được: hãy mở bằng trình đọc PDF, in ra PDF mới (Microsoft Print to PDF) rồi nhập tệp đó", name)
		}
	}
	list := f.pdfPages()
	if len(list) == 0 {
		return nil, errPDFDamaged(name, fmt.Errorf("không tìm thấy trang nào"))
	}
	text := false
	for _, p := range list {
		lines := f.pageText(p.page, p.resources)
		for _, l := range lines {
			for _, r := range l {
				if strings.TrimSpace(r.text) != "" {
					text = true
				}
			}
		}
		pages = append(pages, lines)
	}
	if !text {
		return nil, khenthuong.Errorf(khenthuong.EINVALID,
			"Tệp “%s” là bản quét (chỉ có hình ảnh, không có lớp chữ): chương trình không đọc được chữ trong ảnh. Hãy nhập bản Word hoặc PDF xuất từ Word của quyết định, hoặc nhập danh sách bằng Excel kèm --number và --date", name)
	}
	return pages, nil
}

func errPDFDamaged(name string, cause error) error {
	return khenthuong.Errorf(khenthuong.EINVALID, "Tệp “%s” bị hỏng hoặc không phải PDF (%v)", name, cause)
}
