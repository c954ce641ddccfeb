package khenthuong

import (
	"strings"

	"khenthuong/vntext"
)

// Level is the level of the issuing authority.
type Level string

const (
	LevelState    Level = "nhanuoc" // Chủ tịch nước, Thủ tướng
	LevelMinistry Level = "bo"      // bộ, ngành, đoàn thể trung ương
	LevelProvince Level = "tinh"
	LevelSector   Level = "nganh" // sở, ban, ngành, Công an tỉnh
	LevelCommune  Level = "xa"
	LevelUnit     Level = "coso" // head of a unit, a firm
)

var Levels = []Level{LevelState, LevelMinistry, LevelProvince, LevelSector, LevelCommune, LevelUnit}

func (l Level) Label() string {
	switch l {
	case LevelState:
		return "Nhà nước"
	case LevelMinistry:
		return "Bộ, ngành trung ương"
	case LevelProvince:
		return "Tỉnh"
	case LevelSector:
		return "Sở, ban, ngành"
	case LevelCommune:
		return "Xã, phường"
	case LevelUnit:
		return "Cơ sở"
	}
	return string(l)
}

// Coefficient is the bonus multiple of the base salary for each kind, in force from a date.
// A flat collective award (Cờ thi đua) simply has only a Collective value.
type Coefficient struct {
	From       Date    `json:"from"`
	Individual float64 `json:"individual"`
	Collective float64 `json:"collective"`
	Household  float64 `json:"household"`
}

// For returns the coefficient for kind k.
func (c Coefficient) For(k Kind) float64 {
	switch k {
	case Collective:
		return c.Collective
	case Household:
		return c.Household
	}
	return c.Individual
}

// AwardForm is an entry of the award catalogue (hình thức khen thưởng, danh hiệu thi đua).
type AwardForm struct {
	Code         string        `json:"code"`         // short key: "BKCT"
	Name         string        `json:"name"`         // as printed: "Bằng khen của Chủ tịch UBND tỉnh"
	Title        string        `json:"title"`        // the big word on the certificate: "BẰNG KHEN"
	Issuer       string        `json:"issuer"`       // "Chủ tịch UBND tỉnh"
	IssuerTitle  string        `json:"issuer_title"` // heading on the certificate: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
	Level        Level         `json:"level"`
	Kinds        []Kind        `json:"kinds"`
	Rank         int           `json:"rank"` // higher is read first at the ceremony
	Coefficients []Coefficient `json:"coefficients"`
	Series       string        `json:"series"` // registry series code its số sổ vàng come from
	Archived     bool          `json:"archived,omitempty"`
}

// AppliesTo reports whether the form can be given to kind k.
func (f *AwardForm) AppliesTo(k Kind) bool {
	for _, v := range f.Kinds {
		if v == k {
			return true
		}
	}
	return false
}

// CoefficientOn returns the coefficient for kind k in force on date d, and false if none is.
func (f *AwardForm) CoefficientOn(k Kind, d Date) (float64, bool) {
	var best *Coefficient
	for i := range f.Coefficients {
		c := &f.Coefficients[i]
		if d.Before(c.From) {
			continue
		}
		if best == nil || best.From.Before(c.From) {
			best = c
		}
	}
	if best == nil {
		return 0, false
	}
	return best.For(k), true
}

// Normalize cleans the text fields; the code is kept in upper case without spaces.
func (f *AwardForm) Normalize() {
	f.Code = f.normalizedCode()
	f.Name = vntext.Clean(f.Name)
	f.Title = vntext.Clean(f.Title)
	f.Issuer = vntext.Clean(f.Issuer)
	f.IssuerTitle = vntext.CleanMultiline(f.IssuerTitle)
	f.Series = strings.ToUpper(vntext.Clean(f.Series))
	if f.Series == "" {
		f.Series = f.Code
	}
}

// Validate checks the form's rules; the error names the field.
func (f *AwardForm) Validate() error {
	switch {
	case f.Code == "":
		return FieldErrorf("code", "Chưa nhập mã hình thức khen thưởng")
	case len(f.Code) > 20 || strings.ContainsAny(f.Code, "|/\\"):
		return FieldErrorf("code", "Mã “%s” chỉ gồm tối đa 20 chữ, số, dấu gạch", f.Code)
	case f.Name == "":
		return FieldErrorf("name", "Chưa nhập tên hình thức khen thưởng")
	case len([]rune(f.Name)) > MaxNameLength:
		return FieldErrorf("name", "Tên hình thức dài quá %d ký tự", MaxNameLength)
	case len(f.Kinds) == 0:
		return FieldErrorf("kinds", "Chọn ít nhất một đối tượng (tập thể, cá nhân, hộ gia đình) cho hình thức %s", f.Code)
	}
	for _, k := range f.Kinds {
		if !k.Valid() {
			return FieldErrorf("kinds", "Đối tượng “%s” không hợp lệ", k)
		}
	}
	for _, c := range f.Coefficients {
		if c.From.IsZero() {
			return FieldErrorf("coefficients", "Hệ số tiền thưởng phải có ngày áp dụng")
		}
		if c.Individual < 0 || c.Collective < 0 || c.Household < 0 {
			return FieldErrorf("coefficients", "Hệ số tiền thưởng không được âm")
		}
	}
	return nil
}

// objectWords begin the names of the awards that are things handed over
// (tặng Bằng khen, tặng Cờ thi đua); the other forms are danh hiệu thi đua.
var objectWords = []string{"bang khen", "giay khen", "co ", "huan chuong", "huy chuong", "ky niem chuong", "danh hieu"}

// AwardedName is the form as a decision gives it, after "tặng": the name of
// a thing as it is ("Bằng khen của Chủ tịch UBND tỉnh"), a danh hiệu with
// its word ("danh hiệu Chiến sĩ thi đua cấp tỉnh").
func (f *AwardForm) AwardedName() string {
	folded := vntext.Fold(f.Name)
	for _, w := range objectWords {
		if strings.HasPrefix(folded, w) {
			return f.Name
		}
	}
	if f.Name == "" {
		return ""
	}
	return "danh hiệu " + f.Name
}
