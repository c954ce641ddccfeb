package certificates

import (
	"fmt"
	"strings"
	"sync"

	"khenthuong"
	"khenthuong/assets/templates"
	"khenthuong/vntext"
)

// Embedded default templates (assets/templates).
const (
	DefaultBangKhen = "bangkhen-a3.json" // Bằng khen, A3 landscape 420 × 297
	DefaultGiayKhen = "giaykhen-a4.json" // Giấy khen, A4 landscape 297 × 210
)

var (
	defaultsOnce sync.Once
	defaults     map[string]Template
)

// DefaultTemplate returns an embedded default template by file name
// (DefaultBangKhen, DefaultGiayKhen). A copy: the caller may change it.
func DefaultTemplate(name string) (Template, error) {
	defaultsOnce.Do(loadDefaults)
	t, ok := defaults[name]
	if !ok {
		return Template{}, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có mẫu mặc định “%s”", name)
	}
	return t.clone(), nil
}

// DefaultTemplates returns every embedded default template.
func DefaultTemplates() []Template {
	defaultsOnce.Do(loadDefaults)
	var out []Template
	for _, name := range templates.Names() {
		out = append(out, defaults[name].clone())
	}
	return out
}

// DefaultTemplateFor returns the default template for an award form: the one
// listing its code, else Giấy khen A4 for a form whose title or name says
// Giấy khen, else Bằng khen A3.
func DefaultTemplateFor(f *khenthuong.AwardForm) Template {
	defaultsOnce.Do(loadDefaults)
	for _, name := range templates.Names() {
		for _, c := range defaults[name].FormCodes {
			if c == f.Code {
				return defaults[name].clone()
			}
		}
	}
	if strings.HasPrefix(vntext.Fold(f.Title), "giay khen") || strings.HasPrefix(vntext.Fold(f.Name), "giay khen") {
		return defaults[DefaultGiayKhen].clone()
	}
	return defaults[DefaultBangKhen].clone()
}

func loadDefaults() {
	defaults = map[string]Template{}
	for _, name := range templates.Names() {
		data, err := templates.Bytes(name)
		if err == nil {
			defaults[name], err = ParseTemplate(data)
		}
		if err != nil {
			panic(fmt.Sprintf("default template %s: %v", name, err)) // shipped broken: a bug the tests catch
		}
	}
}

// clone copies the slices, so a changed copy leaves the original alone.
func (t Template) clone() Template {
	t.FormCodes = append([]string(nil), t.FormCodes...)
	t.Fields = append([]Field(nil), t.Fields...)
	return t
}
