package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/roster"
)

func init() {
	commands["template"] = command{
		usage: `template -o FILE.xlsx | template export|import FORM FILE.json
    -o: tạo mẫu danh sách đề nghị khen thưởng để gửi đơn vị điền (có sẵn các cột, dòng ví dụ và
    danh sách chọn loại, danh xưng, giới tính, phân loại, hình thức lấy từ danh mục);
    export/import: xuất hoặc nhập mẫu in bằng khen của hình thức FORM (JSON, để chia sẻ giữa các cơ quan)`,
		run: runTemplate,
	}
}

func runTemplate(e *env, args []string) error {
	flags := newFlags("template")
	out := flags.String("o", "", "tệp mẫu (.xlsx)")
	pos, err := parseFlags(flags, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 && (pos[0] == "export" || pos[0] == "import") {
		return runCertificateTemplate(e, pos)
	}
	switch {
	case len(pos) != 0:
		return usagef("thừa tham số “%s”", pos[0])
	case *out == "":
		return usagef("cần -o TỆP.xlsx")
	case strings.ToLower(filepath.Ext(*out)) != ".xlsx":
		return usagef("tệp mẫu phải có đuôi .xlsx")
	}
	forms, err := templateForms(e)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(*out, func(w io.Writer) error { return roster.WriteTemplate(w, forms) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã tạo mẫu danh sách %s\n", *out)
	return nil
}

// templateForms is the catalogue of the data file, or the default one when
// there is no data file yet (a template can be made before anything else).
func templateForms(e *env) ([]khenthuong.AwardForm, error) {
	if _, err := os.Stat(e.dbPath); errors.Is(err, fs.ErrNotExist) {
		forms := khenthuong.DefaultForms()
		for i := range forms {
			forms[i].Normalize()
		}
		return forms, nil
	}
	db, err := e.openDB(true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Forms()
}
