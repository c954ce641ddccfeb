package certificates

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

func TestDefaultTemplates(t *testing.T) {
	tpls := DefaultTemplates()
	if len(tpls) != 2 {
		t.Fatalf("%d default templates, want Bằng khen A3 and Giấy khen A4", len(tpls))
	}
	cases := []struct {
		name, file string
		w, h       float64
		forms      []string
	}{
		{"BangKhenA3Landscape", DefaultBangKhen, 420, 297, []string{"BKCT", "BKMTTQ", "CSTDT"}},
		{"GiayKhenA4Landscape", DefaultGiayKhen, 297, 210, []string{"GKCA", "GKSO", "GKXA"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := mustDefault(t, c.file)
			if tpl.PageWidth != c.w || tpl.PageHeight != c.h {
				t.Errorf("page %g × %g, want %g × %g", tpl.PageWidth, tpl.PageHeight, c.w, c.h)
			}
			keys := map[string]bool{}
			for _, f := range tpl.Fields {
				keys[f.Key] = true
			}
			for _, k := range FieldKeys {
				if !keys[k] && k != KeyFree {
					t.Errorf("no %s field", k)
				}
			}
			for _, code := range c.forms {
				got := DefaultTemplateFor(testForm(code))
				if got.Name != tpl.Name {
					t.Errorf("form %s gets %q, want %q", code, got.Name, tpl.Name)
				}
			}
		})
	}
	t.Run("UnknownGiayKhenFormGetsA4", func(t *testing.T) {
		got := DefaultTemplateFor(&khenthuong.AwardForm{Code: "GKTRUONG", Name: "Giấy khen của Hiệu trưởng", Title: "GIẤY KHEN"})
		if got.PageWidth != 297 {
			t.Errorf("got %q", got.Name)
		}
	})
	t.Run("CopiesAreIndependent", func(t *testing.T) {
		a := mustDefault(t, DefaultBangKhen)
		a.Fields[0].X = 1
		a.FormCodes[0] = "X"
		if b := mustDefault(t, DefaultBangKhen); b.Fields[0].X == 1 || b.FormCodes[0] == "X" {
			t.Error("changing a copy changed the default")
		}
	})
}

func TestTemplateJSONRoundTrip(t *testing.T) {
	for _, tpl := range DefaultTemplates() {
		var buf bytes.Buffer
		if err := tpl.Export(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ParseTemplate(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v\n%s", tpl.Name, err, buf.String())
		}
		if !reflect.DeepEqual(back, tpl) {
			t.Errorf("%s: round trip changed the template", tpl.Name)
		}
		if back2, err := ReadTemplate(&buf); err != nil || !reflect.DeepEqual(back2, tpl) {
			t.Errorf("ReadTemplate: %v", err)
		}
		if _, err := ReadTemplate(&buf); err == nil || !strings.Contains(err.Error(), "trống") {
			t.Errorf("ReadTemplate of a drained reader: %v", err)
		}
	}
}

func TestParseTemplateNormalises(t *testing.T) {
	nfd := "Ma\u0302\u0303u ba\u0306\u0300ng khen" // "Mẫu bằng khen" decomposed
	src := `{"name":"` + nfd + `","page_width":400,"page_height":300,"form_codes":[" bk ct "],
		"fields":[{"key":" NAME ","x":10,"y":10,"w":100,"h":20,"size":20,"style":"ib","color":"#c00"},
		{"key":"free","text":"Ghi chu\u0301","x":10,"y":40,"w":100,"h":20,"size":12}]}`
	tpl, err := ParseTemplate([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := tpl.Fields[0]
	switch {
	case tpl.Name != "Mẫu bằng khen":
		t.Errorf("name %q not NFC", tpl.Name)
	case tpl.FormCodes[0] != "BKCT":
		t.Errorf("form code %q", tpl.FormCodes[0])
	case f.Key != KeyName || f.Align != "C" || f.Font != page.FontSerif || f.Style != "BI" || f.MinSize != 20 || f.Color != "#C00":
		t.Errorf("defaults not filled: %+v", f)
	case tpl.Fields[1].Text != "Ghi chú":
		t.Errorf("text %q not NFC", tpl.Fields[1].Text)
	}
}

func TestParseTemplateErrors(t *testing.T) {
	field := `{"key":"name","x":10,"y":10,"w":100,"h":20,"size":20}`
	tpl := func(fields string) string {
		return `{"name":"Mẫu","page_width":420,"page_height":297,"fields":[` + fields + `]}`
	}
	with := func(kv string) string { return tpl(strings.Replace(field, `"key":"name"`, `"key":"name",`+kv, 1)) }
	cases := []struct {
		name, src, field, msg string
	}{
		{"Empty", ``, "", "trống"},
		{"NotJSON", "{\n\"name\": ,}", "", "không phải JSON hợp lệ (dòng 2)"},
		{"Trailing", tpl(field) + `{}`, "", "thừa"},
		{"WrongType", `{"name":"Mẫu","page_width":"rộng"}`, "page_width", "sai kiểu"},
		{"UnknownKey", `{"name":"Mẫu","colour":"red"}`, "colour", "khóa “colour”"},
		{"NoName", `{"page_width":420,"page_height":297,"fields":[` + field + `]}`, "name", "chưa có tên"},
		{"PageTooSmall", `{"name":"Mẫu","page_width":10,"page_height":297,"fields":[` + field + `]}`, "page_width", "Chiều rộng trang 10 mm"},
		{"PageTooTall", `{"name":"Mẫu","page_width":420,"page_height":5000,"fields":[` + field + `]}`, "page_height", "Chiều cao trang"},
		{"NoFields", tpl(``), "fields", "chưa có trường"},
		{"UnknownFieldKey", tpl(strings.Replace(field, `"name"`, `"ten"`, 1)), "fields[0].key", "loại “ten” không có"},
		{"ZeroWidth", tpl(strings.Replace(field, `"w":100`, `"w":0`, 1)), "fields[0].w", "Trường 1 (Danh xưng và họ tên): chiều rộng"},
		{"ZeroHeight", tpl(strings.Replace(field, `"h":20`, `"h":-1`, 1)), "fields[0].h", "chiều cao"},
		{"OffPageRight", tpl(strings.Replace(field, `"x":10`, `"x":400`, 1)), "fields[0].x", "ra ngoài chiều rộng trang 420 mm"},
		{"OffPageBottom", tpl(strings.Replace(field, `"y":10`, `"y":290`, 1)), "fields[0].y", "ra ngoài chiều cao trang"},
		{"BadAlign", with(`"align":"J"`), "fields[0].align", "căn lề “J”"},
		{"BadFont", with(`"font":"arial"`), "fields[0].font", "phông chữ “arial”"},
		{"BadStyle", with(`"style":"U"`), "fields[0].style", "kiểu chữ “U”"},
		{"SizeTooBig", tpl(strings.Replace(field, `"size":20`, `"size":500`, 1)), "fields[0].size", "cỡ chữ 500 pt"},
		{"MinAboveSize", with(`"min_size":30`), "fields[0].min_size", "cỡ chữ nhỏ nhất 30 pt"},
		{"BadColor", with(`"color":"red"`), "fields[0].color", "màu “RED”"},
		{"FreeWithoutText", tpl(strings.Replace(field, `"name"`, `"free"`, 1)), "fields[0].text", "chưa nhập nội dung"},
		{"UnknownPlaceholder", with(`"text":"Số: {so_vang}"`), "fields[0].text", "chỗ điền {so_vang}"},
		{"BadFormCode", `{"name":"Mẫu","form_codes":["A/B"],"page_width":420,"page_height":297,"fields":[` + field + `]}`, "form_codes[0]", "Mã hình thức"},
		{"BorderTooWide", `{"name":"Mẫu","border":{"inset":100,"width":60},"page_width":420,"page_height":297,"fields":[` + field + `]}`, "border", "Khung viền"},
		{"BadBorderColor", `{"name":"Mẫu","border":{"inset":8,"width":10,"color":"gold"},"page_width":420,"page_height":297,"fields":[` + field + `]}`, "border.color", "Màu khung viền"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseTemplate([]byte(c.src))
			if err == nil {
				t.Fatal("accepted")
			}
			var e *khenthuong.Error
			if !asError(err, &e) || e.Code != khenthuong.EINVALID {
				t.Fatalf("error %v is not an EINVALID *khenthuong.Error", err)
			}
			if e.Field != c.field {
				t.Errorf("field %q, want %q (%s)", e.Field, c.field, e.Message)
			}
			if !strings.Contains(e.Message, c.msg) {
				t.Errorf("message %q lacks %q", e.Message, c.msg)
			}
		})
	}
	t.Run("TooLarge", func(t *testing.T) {
		_, err := ParseTemplate(bytes.Repeat([]byte(" "), MaxTemplateMB+1))
		if err == nil || !strings.Contains(err.Error(), "lớn quá") {
			t.Errorf("got %v", err)
		}
	})
}

func asError(err error, target **khenthuong.Error) bool {
	e, ok := err.(*khenthuong.Error)
	if ok {
		*target = e
	}
	return ok
}

// FuzzParseTemplate: any file a clerk imports either fails with a message or
// gives a template that exports and re-imports unchanged and lays out inside
// the page without panicking.
func FuzzParseTemplate(f *testing.F) {
	for _, tpl := range DefaultTemplates() {
		var buf bytes.Buffer
		tpl.Export(&buf)
		f.Add(buf.Bytes())
	}
	f.Add([]byte(`{"name":"x","page_width":100,"page_height":100,"fields":[{"key":"free","text":"{{a}} {name} }","x":0,"y":0,"w":100,"h":100,"size":4}]}`))
	f.Add([]byte(`{"name":"x","page_width":1e308,"page_height":-0,"fields":null}`))
	vals := ValuesFor(testDecision(), &testDecision().Recipients[0], testForm("BKCT"), testSettings())
	f.Fuzz(func(t *testing.T, data []byte) {
		tpl, err := ParseTemplate(data)
		if err != nil {
			if khenthuong.ErrorMessage(err) == khenthuong.InternalMessage {
				t.Fatalf("internal error for bad input: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := tpl.Export(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ParseTemplate(buf.Bytes())
		if err != nil {
			t.Fatalf("export does not re-import: %v", err)
		}
		if !reflect.DeepEqual(back, tpl) {
			a, _ := json.Marshal(tpl)
			b, _ := json.Marshal(back)
			t.Fatalf("round trip changed the template:\n%s\n%s", a, b)
		}
		for _, mode := range []Mode{ModePlain, ModeBlank} {
			page, _ := Layout(tpl, vals, mode)
			for _, tx := range page.Texts {
				fl := tpl.Fields[tx.Field]
				if !inside(tx, fl, 1e-6) {
					t.Fatalf("text %q (%g,%g w %g) outside its box %+v", tx.Text, tx.X, tx.Baseline, tx.Width, fl)
				}
			}
		}
	})
}

// inside reports whether a placed line lies within its field's box.
func inside(tx page.Text, f Field, tol float64) bool {
	return tx.X >= f.X-tol && tx.X+tx.Width <= f.X+f.W+tol &&
		tx.Top() >= f.Y-tol && tx.Baseline+tx.Descent <= f.Y+f.H+tol &&
		!math.IsNaN(tx.X) && !math.IsNaN(tx.Baseline)
}
