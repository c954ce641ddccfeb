package main

import (
	"bytes"
	"fmt"
	"os"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/certificates"
)

// runCertificateTemplate is `template export|import FORM FILE.json`.
func runCertificateTemplate(e *env, pos []string) error {
	if len(pos) != 3 {
		return usagef("dùng: template %s FORM TỆP.json", pos[0])
	}
	verb, code, path := pos[0], pos[1], pos[2]
	if verb == "export" {
		db, err := e.openDB(true)
		if err != nil {
			return err
		}
		defer db.Close()
		form, err := db.Form(code)
		if err != nil {
			return err
		}
		tpl, err := templateFor(db, form)
		if err != nil {
			return err
		}
		if err := atomicfile.Write(path, tpl.Export); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Đã xuất mẫu in “%s” của hình thức %s ra %s\n", tpl.Name, form.Code, path)
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return khenthuong.Errorf(khenthuong.EINVALID, "Không đọc được tệp mẫu in %s", path)
	}
	tpl, err := certificates.ParseTemplate(data)
	if err != nil {
		return khenthuong.Prefixed(err, path)
	}
	var clean bytes.Buffer
	if err := tpl.Export(&clean); err != nil {
		return err
	}
	db, err := e.openDB(false)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SaveTemplate(code, clean.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Đã nhập mẫu in “%s” cho hình thức %s\n", tpl.Name, code)
	return nil
}

// templateFor is the office's template for the form, or the default one.
func templateFor(db dataStore, form *khenthuong.AwardForm) (certificates.Template, error) {
	data, err := db.Template(form.Code)
	switch {
	case khenthuong.ErrorCode(err) == khenthuong.ENOTFOUND:
		return certificates.DefaultTemplateFor(form), nil
	case err != nil:
		return certificates.Template{}, err
	}
	return certificates.ParseTemplate(data)
}
