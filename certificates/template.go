package certificates

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/vntext"
)

// Field keys: what a field prints. The value comes from Values (see ValuesFor);
// a field with Text prints that text instead, with {placeholders} filled in.
const (
	KeyQuocHieu     = "quochieu"      // CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	KeyTieuNgu      = "tieungu"       // Độc lập - Tự do - Hạnh phúc
	KeyIssuer       = "issuer"        // CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
	KeyTang         = "tang"          // TẶNG
	KeyTitle        = "title"         // BẰNG KHEN
	KeyName         = "name"          // danh xưng + name, or the collective's name
	KeyPositionUnit = "position_unit" // chức vụ + đơn vị
	KeyAchievement  = "achievement"   // Đã có thành tích xuất sắc trong ...
	KeyDecisionLine = "decision_line" // Quyết định số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022
	KeyRegistryLine = "registry_line" // Số sổ vàng: ...
	KeyPlaceDate    = "place_date"    // Quảng Trị, ngày 24 tháng 10 năm 2022
	KeySignerTitle  = "signer_title"  // KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (may span lines)
	KeySignerName   = "signer_name"
	KeyFree         = "free"   // the clerk's own text (Text is required)
	KeyEmblem       = "emblem" // box of the national emblem image (plain paper only)
)

// FieldKeys lists the keys a field may have, in the order of the certificate.
var FieldKeys = []string{
	KeyEmblem, KeyQuocHieu, KeyTieuNgu, KeyIssuer, KeyTang, KeyTitle, KeyName, KeyPositionUnit,
	KeyAchievement, KeyDecisionLine, KeyRegistryLine, KeyPlaceDate, KeySignerTitle, KeySignerName, KeyFree,
}

// FieldLabels are the Vietnamese names of the keys, for messages and the editor.
var FieldLabels = map[string]string{
	KeyEmblem:       "Quốc huy",
	KeyQuocHieu:     "Quốc hiệu",
	KeyTieuNgu:      "Tiêu ngữ",
	KeyIssuer:       "Cấp khen",
	KeyTang:         "Chữ “TẶNG”",
	KeyTitle:        "Tên hình thức (BẰNG KHEN)",
	KeyName:         "Danh xưng và họ tên",
	KeyPositionUnit: "Chức vụ, đơn vị",
	KeyAchievement:  "Thành tích",
	KeyDecisionLine: "Dòng quyết định",
	KeyRegistryLine: "Dòng số sổ vàng",
	KeyPlaceDate:    "Địa danh, ngày tháng",
	KeySignerTitle:  "Chức vụ người ký",
	KeySignerName:   "Họ tên người ký",
	KeyFree:         "Chữ tự nhập",
}

// Template is the layout of one kind of certificate: page size and boxes in
// millimetres from the top-left corner of the sheet. It is plain data, stored
// as JSON (in the database, and in files offices share).
type Template struct {
	Name       string   `json:"name"`
	FormCodes  []string `json:"form_codes,omitempty"` // award forms that use it ("BKCT")
	PageWidth  float64  `json:"page_width"`           // mm
	PageHeight float64  `json:"page_height"`          // mm
	Border     Border   `json:"border"`               // ornament drawn on plain paper
	Fields     []Field  `json:"fields"`
}

// Border is the ornament the program draws around a plain-paper certificate.
// A zero Width draws none.
type Border struct {
	Inset  float64 `json:"inset"`  // mm from the sheet's edge to the outer line
	Width  float64 `json:"width"`  // mm between the outer and the inner line
	Color  string  `json:"color"`  // hex, the frame
	Accent string  `json:"accent"` // hex, the thin inner line and the motif centres
}

// Field is one box of text (or the emblem image) on the certificate.
type Field struct {
	Key     string  `json:"key"`            // what it prints (Key* constants)
	Text    string  `json:"text,omitempty"` // fixed text or a format with {placeholders}
	X       float64 `json:"x"`              // mm from the left edge
	Y       float64 `json:"y"`              // mm from the top edge
	W       float64 `json:"w"`              // mm
	H       float64 `json:"h"`              // mm
	Align   string  `json:"align"`          // "L", "C" or "R"
	Font    string  `json:"font"`           // "serif" or "decor"
	Size    float64 `json:"size"`           // pt
	MinSize float64 `json:"min_size"`       // pt; long text shrinks down to it, then wraps
	Style   string  `json:"style"`          // "", "B", "I", "BI"
	Color   string  `json:"color"`          // hex "#RRGGBB"
	Upper   bool    `json:"upper,omitempty"`
	OnBlank bool    `json:"on_blank"` // printed on pre-printed blanks too
}

// Limits of a template, generous for any real certificate.
const (
	MaxFields     = 100
	MaxFieldText  = 1000 // runes
	MinFontSize   = 4.0  // pt
	MaxFontSize   = 200.0
	MaxTemplateMB = 1 << 20 // bytes of JSON
)

// label is the field's Vietnamese name for messages: "Trường 3 (Họ tên)".
func (f *Field) label(i int) string {
	l := FieldLabels[f.Key]
	if l == "" {
		l = f.Key
	}
	return fmt.Sprintf("Trường %d (%s)", i+1, l)
}

// Normalize fills defaults (alignment C, font serif, colour black, minimum
// size = size) and brings the text to NFC, so a valid template needs no other
// cleaning downstream.
func (t *Template) Normalize() {
	t.Name = strings.TrimSpace(norm.NFC.String(t.Name))
	for i := range t.FormCodes {
		t.FormCodes[i] = strings.ToUpper(strings.Join(strings.Fields(t.FormCodes[i]), ""))
	}
	t.Border.Color = strings.ToUpper(strings.TrimSpace(t.Border.Color))
	t.Border.Accent = strings.ToUpper(strings.TrimSpace(t.Border.Accent))
	for i := range t.Fields {
		f := &t.Fields[i]
		f.Key = strings.ToLower(strings.TrimSpace(f.Key))
		f.Text = norm.NFC.String(strings.ReplaceAll(f.Text, "\r\n", "\n"))
		f.Align = strings.ToUpper(strings.TrimSpace(f.Align))
		if f.Align == "" {
			f.Align = "C"
		}
		f.Font = strings.ToLower(strings.TrimSpace(f.Font))
		if f.Font == "" {
			f.Font = page.FontSerif
		}
		f.Style = strings.ToUpper(strings.TrimSpace(f.Style))
		if f.Style == "IB" {
			f.Style = "BI"
		}
		if f.MinSize == 0 {
			f.MinSize = f.Size
		}
		f.Color = strings.ToUpper(strings.TrimSpace(f.Color))
		if f.Color == "" {
			f.Color = "#000000"
		}
	}
}

// Validate checks the template; the error is a *khenthuong.Error in
// Vietnamese naming the field ("fields[3].w").
func (t *Template) Validate() error {
	bad := func(field, format string, args ...any) error {
		return khenthuong.FieldErrorf(field, format, args...)
	}
	finite := func(vs ...float64) bool {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		}
		return true
	}
	switch {
	case t.Name == "":
		return bad("name", "Mẫu bằng khen chưa có tên")
	case utf8.RuneCountInString(t.Name) > khenthuong.MaxNameLength:
		return bad("name", "Tên mẫu dài quá %d ký tự", khenthuong.MaxNameLength)
	case !finite(t.PageWidth) || t.PageWidth < page.MinSide || t.PageWidth > page.MaxSide:
		return bad("page_width", "Chiều rộng trang %s mm không hợp lệ (từ %g đến %g mm)", mm(t.PageWidth), page.MinSide, page.MaxSide)
	case !finite(t.PageHeight) || t.PageHeight < page.MinSide || t.PageHeight > page.MaxSide:
		return bad("page_height", "Chiều cao trang %s mm không hợp lệ (từ %g đến %g mm)", mm(t.PageHeight), page.MinSide, page.MaxSide)
	case len(t.Fields) == 0:
		return bad("fields", "Mẫu “%s” chưa có trường nào", t.Name)
	case len(t.Fields) > MaxFields:
		return bad("fields", "Mẫu có %d trường, nhiều nhất %d", len(t.Fields), MaxFields)
	}
	for i, c := range t.FormCodes {
		if c == "" || len(c) > 20 || strings.ContainsAny(c, "|/\\") {
			return bad(fmt.Sprintf("form_codes[%d]", i), "Mã hình thức “%s” không hợp lệ", c)
		}
	}
	b := t.Border
	switch {
	case !finite(b.Inset, b.Width) || b.Inset < 0 || b.Width < 0:
		return bad("border", "Khung viền: khoảng cách và bề rộng không được âm")
	case b.Width > 0 && (2*(b.Inset+b.Width) >= math.Min(t.PageWidth, t.PageHeight)):
		return bad("border", "Khung viền rộng quá khổ giấy")
	case b.Color != "" && !validColor(b.Color):
		return bad("border.color", "Màu khung viền “%s” không đúng dạng #RRGGBB", b.Color)
	case b.Accent != "" && !validColor(b.Accent):
		return bad("border.accent", "Màu điểm nhấn khung viền “%s” không đúng dạng #RRGGBB", b.Accent)
	}
	for i := range t.Fields {
		f := &t.Fields[i]
		name := func(attr string) string { return fmt.Sprintf("fields[%d].%s", i, attr) }
		l := f.label(i)
		if _, ok := FieldLabels[f.Key]; !ok {
			return bad(name("key"), "Trường %d: loại “%s” không có (dùng một trong: %s)", i+1, f.Key, strings.Join(FieldKeys, ", "))
		}
		switch {
		case !finite(f.X, f.Y, f.W, f.H, f.Size, f.MinSize):
			return bad(name("x"), "%s: số đo không hợp lệ", l)
		case f.W <= 0:
			return bad(name("w"), "%s: chiều rộng phải lớn hơn 0", l)
		case f.H <= 0:
			return bad(name("h"), "%s: chiều cao phải lớn hơn 0", l)
		case f.X < 0 || f.X+f.W > t.PageWidth+0.001:
			return bad(name("x"), "%s: ô chữ (x = %s, rộng %s mm) ra ngoài chiều rộng trang %s mm", l, mm(f.X), mm(f.W), mm(t.PageWidth))
		case f.Y < 0 || f.Y+f.H > t.PageHeight+0.001:
			return bad(name("y"), "%s: ô chữ (y = %s, cao %s mm) ra ngoài chiều cao trang %s mm", l, mm(f.Y), mm(f.H), mm(t.PageHeight))
		case f.Key == KeyFree && strings.TrimSpace(f.Text) == "":
			return bad(name("text"), "%s: chưa nhập nội dung", l)
		case utf8.RuneCountInString(f.Text) > MaxFieldText:
			return bad(name("text"), "%s: nội dung dài quá %d ký tự", l, MaxFieldText)
		case !utf8.ValidString(f.Text):
			return bad(name("text"), "%s: nội dung không phải văn bản UTF-8", l)
		case f.Key == KeyEmblem:
			continue // an image: no font attributes
		case f.Align != "L" && f.Align != "C" && f.Align != "R":
			return bad(name("align"), "%s: căn lề “%s” không có (L trái, C giữa, R phải)", l, f.Align)
		case page.LookupFace(f.Font, "") == nil:
			return bad(name("font"), "%s: phông chữ “%s” không có (dùng %s)", l, f.Font, strings.Join(page.Fonts, ", "))
		case !validStyle(f.Style) || page.LookupFace(f.Font, f.Style) == nil:
			return bad(name("style"), "%s: kiểu chữ “%s” không có (để trống, B đậm, I nghiêng, BI đậm nghiêng)", l, f.Style)
		case f.Size < MinFontSize || f.Size > MaxFontSize:
			return bad(name("size"), "%s: cỡ chữ %s pt không hợp lệ (từ %g đến %g)", l, mm(f.Size), MinFontSize, MaxFontSize)
		case f.MinSize < MinFontSize || f.MinSize > f.Size:
			return bad(name("min_size"), "%s: cỡ chữ nhỏ nhất %s pt phải từ %g đến cỡ chữ %s pt", l, mm(f.MinSize), MinFontSize, mm(f.Size))
		case !validColor(f.Color):
			return bad(name("color"), "%s: màu “%s” không đúng dạng #RRGGBB", l, f.Color)
		}
		if p := badPlaceholder(f.Text); p != "" {
			return bad(name("text"), "%s: chỗ điền {%s} không có (dùng một trong: %s)", l, p, strings.Join(Placeholders, ", "))
		}
	}
	return nil
}

// mm writes a measure the Vietnamese way, with a decimal comma: "148,5".
func mm(v float64) string {
	if math.Abs(v) >= 1e6 || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return vntext.FormatDecimal(v, 2)
}

func validStyle(s string) bool {
	for _, v := range page.Styles {
		if s == v {
			return true
		}
	}
	return false
}

func validColor(s string) bool {
	_, ok := page.ParseColor(s)
	return ok
}

// ParseTemplate reads a template from JSON (as exported), normalises and
// validates it. Errors are *khenthuong.Error with a Vietnamese message.
func ParseTemplate(data []byte) (Template, error) {
	var t Template
	if len(data) > MaxTemplateMB {
		return t, khenthuong.Errorf(khenthuong.EINVALID, "Tệp mẫu lớn quá %d KB", MaxTemplateMB>>10)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return Template{}, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Template{}, khenthuong.Errorf(khenthuong.EINVALID, "Tệp mẫu có nội dung thừa sau mẫu")
	}
	t.Normalize()
	if err := t.Validate(); err != nil {
		return Template{}, err
	}
	return t, nil
}

// ReadTemplate is ParseTemplate for a reader (a file being imported).
func ReadTemplate(r io.Reader) (Template, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTemplateMB+1))
	if err != nil {
		return Template{}, khenthuong.Internal(err)
	}
	return ParseTemplate(data)
}

// Export writes the template as indented JSON ending with a newline: the
// format offices share, read back by ParseTemplate.
func (t Template) Export(w io.Writer) error {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return khenthuong.Internal(err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func jsonError(data []byte, err error) error {
	line := func(off int64) int {
		if off > int64(len(data)) {
			off = int64(len(data))
		}
		return bytes.Count(data[:off], []byte("\n")) + 1
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return khenthuong.Errorf(khenthuong.EINVALID, "Tệp mẫu trống")
	case errors.As(err, &syn):
		return khenthuong.Errorf(khenthuong.EINVALID, "Tệp mẫu không phải JSON hợp lệ (dòng %d)", line(syn.Offset))
	case errors.As(err, &typ):
		return khenthuong.FieldErrorf(typ.Field, "Tệp mẫu: giá trị của “%s” sai kiểu (dòng %d)", typ.Field, line(typ.Offset))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return khenthuong.FieldErrorf(f, "Tệp mẫu có khóa “%s” không dùng được", f)
	}
	return khenthuong.Errorf(khenthuong.EINVALID, "Tệp mẫu không đọc được: JSON không hợp lệ")
}
