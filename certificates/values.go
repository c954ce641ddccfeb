package certificates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"khenthuong"
	"khenthuong/vntext"
)

// Values are the texts printed for one recipient, by field key and by
// placeholder name. Layout reads nothing else, so a preview can show any
// values, and tests can build them by hand.
type Values struct {
	Recipient string            // the recipient as warnings name them: "Ông Trương Quang Sáng"
	Text      map[string]string // by field key ("name") and placeholder ("decision_no")
	Emblem    string            // path of the national emblem image, plain paper only ("" = none)
}

// Placeholders a field's Text may use, as {name}: every field key that carries
// a value, plus the parts they are made of.
var Placeholders = []string{
	KeyQuocHieu, KeyTieuNgu, KeyIssuer, KeyTang, KeyTitle, KeyName, KeyPositionUnit, KeyAchievement,
	KeyDecisionLine, KeyRegistryLine, KeyPlaceDate, KeySignerTitle, KeySignerName,
	"honorific",     // danh xưng: Ông, Bà, Đại tá
	"person_name",   // the name without danh xưng
	"position",      // chức vụ
	"unit",          // đơn vị
	"decision_no",   // 2871/QĐ-UBND
	"decision_date", // ngày 24 tháng 10 năm 2022
	"registry_no",   // số sổ vàng
	"place",         // Quảng Trị
	"province",      // Quảng Trị
	"authority",     // ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
	"form_name",     // Bằng khen của Chủ tịch UBND tỉnh
}

var placeholderSet = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range Placeholders {
		m[p] = true
	}
	return m
}()

// Fixed wording of the heading: the template may override it with Text.
const (
	QuocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	TieuNgu  = "Độc lập - Tự do - Hạnh phúc"
	Tang     = "TẶNG"
)

// ValuesFor builds the texts printed for recipient r of decision d, of award
// form f, with the office settings s. The domain values are already clean
// (NFC); nothing is re-cleaned here.
func ValuesFor(d *khenthuong.Decision, r *khenthuong.Recipient, f *khenthuong.AwardForm, s *khenthuong.Settings) Values {
	n := &r.Nominee
	date := ""
	if !d.Date.IsZero() && !d.Date.YearOnly() {
		date = vntext.LongDate(d.Date.Year, d.Date.Month, d.Date.Day)
	}
	issuer := f.IssuerTitle
	if issuer == "" && s.Authority != "" {
		issuer = "CHỦ TỊCH " + s.Authority
	}
	title := f.Title
	if title == "" {
		title = strings.ToUpper(f.Name)
	}
	achievement := r.Achievement
	if achievement == "" {
		achievement = d.Achievement
	}
	// The line under the name reads as the decision's list does: a person's
	// post and unit (else address), a household's address, a collective's
	// parent unit unless its name already says it.
	_, detail := n.EntryParts()
	t := map[string]string{
		KeyQuocHieu:     QuocHieu,
		KeyTieuNgu:      TieuNgu,
		KeyIssuer:       issuer,
		KeyTang:         Tang,
		KeyTitle:        title,
		KeyName:         n.PrintName(),
		KeyPositionUnit: upperFirst(detail),
		KeyAchievement:  upperFirst(achievement),
		KeySignerTitle:  d.SignerTitle,
		KeySignerName:   d.SignerName,
		"honorific":     n.PrintTitle(),
		"person_name":   n.Name,
		"position":      n.Position,
		"unit":          n.Unit,
		"decision_no":   d.Number,
		"decision_date": date,
		"registry_no":   r.RegistryNo,
		"place":         s.Place,
		"province":      s.Province,
		"authority":     s.Authority,
		"form_name":     f.Name,
	}
	if d.Number != "" {
		t[KeyDecisionLine] = strings.TrimSpace("Quyết định số " + d.Number + " " + date)
	}
	if r.RegistryNo != "" {
		t[KeyRegistryLine] = "Số sổ vàng: " + r.RegistryNo
	}
	switch {
	case s.Place != "" && date != "":
		t[KeyPlaceDate] = s.Place + ", " + date
	case date != "":
		t[KeyPlaceDate] = upperFirst(date)
	}
	return Values{Recipient: n.PrintName(), Text: t, Emblem: s.EmblemPath}
}

// text returns what field f prints for v: its Text with placeholders filled
// (nothing when every placeholder in it is empty, so "Số sổ vàng: {registry_no}"
// disappears until the number exists), else the value of its key.
func (v Values) text(f *Field) string {
	var s string
	if f.Text == "" {
		s = v.Text[f.Key]
	} else {
		s = expand(f.Text, v.Text)
	}
	if !norm.NFC.IsNormalString(s) { // hand-built Values; domain values are NFC already
		s = norm.NFC.String(s)
	}
	if f.Upper {
		s = strings.ToUpper(s)
	}
	return s
}

// expand fills {placeholders}; "{{" and "}}" print braces. A format whose
// placeholders are all empty gives "".
func expand(format string, vals map[string]string) string {
	if !strings.Contains(format, "{") && !strings.Contains(format, "}") {
		return format
	}
	var b strings.Builder
	holders, filled := 0, 0
	for i := 0; i < len(format); {
		c := format[i]
		switch {
		case c == '{' && strings.HasPrefix(format[i:], "{{"):
			b.WriteByte('{')
			i += 2
		case c == '}' && strings.HasPrefix(format[i:], "}}"):
			b.WriteByte('}')
			i += 2
		case c == '{':
			end := strings.IndexByte(format[i:], '}')
			if end < 0 {
				b.WriteString(format[i:])
				i = len(format)
				continue
			}
			holders++
			if v := vals[format[i+1:i+end]]; v != "" {
				filled++
				b.WriteString(v)
			}
			i += end + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	if holders > 0 && filled == 0 {
		return ""
	}
	return b.String()
}

// badPlaceholder returns the first unknown placeholder name in a format.
func badPlaceholder(format string) string {
	for i := 0; i < len(format); i++ {
		if format[i] != '{' {
			continue
		}
		if strings.HasPrefix(format[i:], "{{") {
			i++
			continue
		}
		end := strings.IndexByte(format[i:], '}')
		if end < 0 {
			return ""
		}
		if name := format[i+1 : i+end]; !placeholderSet[name] {
			if name == "" {
				return " "
			}
			return name
		}
		i += end
	}
	return ""
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
