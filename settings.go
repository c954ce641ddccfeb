package khenthuong

import (
	"math"
	"slices"
	"sort"

	"khenthuong/vntext"
)

// Rounding is how a bonus amount is rounded: the decree says up to tens of
// thousands of đồng, some offices round to the nearest.
type Rounding string

const (
	RoundUp10k      Rounding = "up10k"
	RoundNearest10k Rounding = "nearest10k"
	RoundUp1k       Rounding = "up1k"
	RoundNone       Rounding = "none"
)

var Roundings = []Rounding{RoundUp10k, RoundNearest10k, RoundUp1k, RoundNone}

func (r Rounding) Label() string {
	switch r {
	case RoundUp10k:
		return "Làm tròn lên hàng chục nghìn đồng"
	case RoundNearest10k:
		return "Làm tròn đến hàng chục nghìn đồng gần nhất"
	case RoundUp1k:
		return "Làm tròn lên hàng nghìn đồng"
	case RoundNone:
		return "Không làm tròn"
	}
	return string(r)
}

// Apply rounds a raw amount in đồng.
func (r Rounding) Apply(amount float64) int64 {
	// Coefficients like 1.5 × 2,340,000 are exact in decimal but not in binary:
	// snap to the đồng first so 3,510,000.0000001 does not round up to 3,520,000.
	a := math.Round(amount)
	switch r {
	case RoundUp10k:
		return int64(math.Ceil(a/10000) * 10000)
	case RoundNearest10k:
		return int64(math.Round(a/10000) * 10000)
	case RoundUp1k:
		return int64(math.Ceil(a/1000) * 1000)
	}
	return int64(a)
}

// SalaryStep is the base salary (mức lương cơ sở) in force from a date.
type SalaryStep struct {
	From   Date  `json:"from"`
	Amount int64 `json:"amount"`
}

// Signer is someone who signs decisions; Title is free text and may span lines
// ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").
type Signer struct {
	Title string `json:"title"`
	Name  string `json:"name"`
}

// Settings are the office's own facts.
type Settings struct {
	Province      string        `json:"province"`       // "Quảng Trị"
	Authority     string        `json:"authority"`      // issuing body: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
	AuthorityAbbr string        `json:"authority_abbr"` // used in numbers: "UBND"
	Office        string        `json:"office"`         // the board: "Ban Thi đua - Khen thưởng, Sở Nội vụ"
	Place         string        `json:"place"`          // date-line place: "Quảng Trị"
	Signers       []Signer      `json:"signers"`
	BaseSalaries  []SalaryStep  `json:"base_salaries"`
	Rounding      Rounding      `json:"rounding"`
	EmblemPath    string        `json:"emblem_path,omitempty"` // national emblem image supplied by the office
	Language      string        `json:"language,omitempty"`    // "vi" (default) or "en"
	Texts         DocumentTexts `json:"texts"`
}

// DefaultSettings are the settings of a new data file.
func DefaultSettings() Settings {
	return Settings{
		Province:      "Quảng Trị",
		Authority:     "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
		AuthorityAbbr: "UBND",
		Office:        "Ban Thi đua - Khen thưởng, Sở Nội vụ",
		Place:         "Quảng Trị",
		Signers: []Signer{
			{Title: "CHỦ TỊCH", Name: ""},
			{Title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", Name: ""},
		},
		BaseSalaries: []SalaryStep{
			{From: MustDate("2019-07-01"), Amount: 1490000},
			{From: MustDate("2023-07-01"), Amount: 1800000},
			{From: MustDate("2024-07-01"), Amount: 2340000},
		},
		Rounding: RoundUp10k,
		Language: "vi",
		Texts:    DefaultDocumentTexts(),
	}
}

// Normalize cleans text fields and keeps the salary table in date order.
func (s *Settings) Normalize() {
	s.Province = vntext.Clean(s.Province)
	s.Authority = vntext.CleanMultiline(s.Authority)
	s.AuthorityAbbr = vntext.Clean(s.AuthorityAbbr)
	s.Office = vntext.Clean(s.Office)
	s.Place = vntext.Clean(s.Place)
	for i := range s.Signers {
		s.Signers[i].Title = vntext.CleanMultiline(s.Signers[i].Title)
		s.Signers[i].Name = vntext.Clean(s.Signers[i].Name)
	}
	sort.SliceStable(s.BaseSalaries, func(i, j int) bool { return s.BaseSalaries[i].From.Before(s.BaseSalaries[j].From) })
	if s.Rounding == "" {
		s.Rounding = RoundUp10k
	}
	s.Texts.Normalize()
}

// Validate checks the settings; the error names the field.
func (s *Settings) Validate() error {
	if s.Place == "" {
		return FieldErrorf("place", "Chưa nhập địa danh ghi ở dòng ngày tháng")
	}
	seen := map[Date]bool{}
	for _, st := range s.BaseSalaries {
		switch {
		case st.From.IsZero() || st.From.YearOnly():
			return FieldErrorf("base_salaries", "Mức lương cơ sở phải có ngày áp dụng đầy đủ")
		case st.Amount <= 0:
			return FieldErrorf("base_salaries", "Mức lương cơ sở từ %s phải lớn hơn 0", st.From.Display())
		case seen[st.From]:
			return FieldErrorf("base_salaries", "Hai mức lương cơ sở cùng áp dụng từ %s", st.From.Display())
		}
		seen[st.From] = true
	}
	if !slices.Contains(Roundings, s.Rounding) {
		return FieldErrorf("rounding", "Cách làm tròn “%s” không hợp lệ", s.Rounding)
	}
	return s.Texts.Validate()
}

// BaseSalaryOn returns the base salary in force on d, and false when d precedes the table.
func (s *Settings) BaseSalaryOn(d Date) (int64, bool) {
	var amount int64
	found := false
	var from Date
	for _, st := range s.BaseSalaries {
		if d.Before(st.From) {
			continue
		}
		if !found || from.Before(st.From) {
			amount, from, found = st.Amount, st.From, true
		}
	}
	return amount, found
}

// Bonus is the amount for one recipient of kind k of form f decided on date d:
// the form's coefficient in force × the base salary in force, rounded per the setting.
func (s *Settings) Bonus(f *AwardForm, k Kind, d Date) (int64, error) {
	coef, ok := f.CoefficientOn(k, d)
	if !ok {
		return 0, Errorf(EINVALID, "Hình thức “%s” chưa có hệ số tiền thưởng áp dụng ngày %s", f.Name, d.Display())
	}
	salary, ok := s.BaseSalaryOn(d)
	if !ok {
		return 0, Errorf(EINVALID, "Chưa có mức lương cơ sở áp dụng ngày %s", d.Display())
	}
	return s.Rounding.Apply(coef * float64(salary)), nil
}
