package khenthuong

import (
	"errors"
	"strings"
	"testing"
)

func TestBonus(t *testing.T) {
	s := DefaultSettings()
	forms := map[string]AwardForm{}
	for _, f := range DefaultForms() {
		forms[f.Code] = f
	}
	cases := []struct {
		name     string
		form     string
		kind     Kind
		date     string
		rounding Rounding
		want     int64
	}{
		{"BangKhenIndividual2024", "BKCT", Individual, "2024-10-24", RoundUp10k, 2340000},
		{"BangKhenCollective2024", "BKCT", Collective, "2024-10-24", RoundUp10k, 4680000},
		{"BangKhenIndividualAfterJuly2025", "BKCT", Individual, "2025-07-01", RoundUp10k, 3510000},
		{"BangKhenCollectiveAfterJuly2025", "BKCT", Collective, "2025-08-15", RoundUp10k, 7020000},
		{"SalaryOf2019", "BKCT", Individual, "2020-03-01", RoundUp10k, 1490000},
		{"SalaryOf2023", "BKCT", Individual, "2023-07-01", RoundUp10k, 1800000},
		{"LaoDongTienTienRoundsUp", "LDTT", Individual, "2023-08-01", RoundUp10k, 540000},
		{"LaoDongTienTien2019RoundsUp", "LDTT", Individual, "2019-08-01", RoundUp10k, 450000},
		{"LaoDongTienTien2019Nearest", "LDTT", Individual, "2019-08-01", RoundNearest10k, 450000},
		{"LaoDongTienTien2019NoRounding", "LDTT", Individual, "2019-08-01", RoundNone, 447000},
		{"CommuneGiayKhenBefore2025", "GKXA", Individual, "2024-08-01", RoundUp10k, 360000},
		{"CommuneGiayKhenBefore2025NoRounding", "GKXA", Individual, "2024-08-01", RoundNone, 351000},
		{"CoThiDua", "CTDT", Collective, "2024-08-01", RoundUp10k, 18720000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s.Rounding = c.rounding
			f := forms[c.form]
			got, err := s.Bonus(&f, c.kind, MustDate(c.date))
			if err != nil || got != c.want {
				t.Errorf("Bonus = %d, %v; want %d", got, err, c.want)
			}
		})
	}
	t.Run("NoSalaryBeforeTable", func(t *testing.T) {
		f := forms["BKCT"]
		if _, err := s.Bonus(&f, Individual, MustDate("2018-01-01")); ErrorCode(err) != EINVALID {
			t.Errorf("err = %v, want invalid", err)
		}
	})
}

func TestRoundingNearest(t *testing.T) {
	cases := []struct {
		r    Rounding
		in   float64
		want int64
	}{
		{RoundNearest10k, 3514999, 3510000},
		{RoundNearest10k, 3515000, 3520000},
		{RoundUp10k, 3510000.0000001, 3510000},
		{RoundUp10k, 3510001, 3520000},
		{RoundUp1k, 447000.4, 447000},
		{RoundUp1k, 447001, 448000},
		{RoundNone, 447000.6, 447001},
	}
	for _, c := range cases {
		if got := c.r.Apply(c.in); got != c.want {
			t.Errorf("%s.Apply(%v) = %d, want %d", c.r, c.in, got, c.want)
		}
	}
}

func TestSettingsValidateNamesField(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Settings)
		field string
	}{
		{"NoPlace", func(s *Settings) { s.Place = "" }, "place"},
		{"ZeroSalary", func(s *Settings) { s.BaseSalaries[0].Amount = 0 }, "base_salaries"},
		{"SameDateTwice", func(s *Settings) { s.BaseSalaries[1].From = s.BaseSalaries[0].From }, "base_salaries"},
		{"BadRounding", func(s *Settings) { s.Rounding = "sideways" }, "rounding"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := DefaultSettings()
			c.edit(&s)
			s.Normalize()
			err := s.Validate()
			var e *Error
			if err == nil || !asError(err, &e) || e.Field != c.field {
				t.Errorf("Validate() = %v, want an error naming %q", err, c.field)
			}
		})
	}
	s := DefaultSettings()
	s.Normalize()
	if err := s.Validate(); err != nil {
		t.Errorf("default settings invalid: %v", err)
	}
}

func TestDocumentTextsValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*DocumentTexts)
		field string // "" when valid
	}{
		{"Defaults", func(*DocumentTexts) {}, ""},
		{"EveryPlaceholder", func(d *DocumentTexts) { d.Article1 = "{" + strings.Join(Placeholders, "} {") + "}" }, ""},
		{"TypoInArticle2", func(d *DocumentTexts) { d.Article2 = "Các {kind} có tên tại Điều 1" }, "texts_article2"},
		{"UnknownInALegalBasis", func(d *DocumentTexts) { d.LegalBases = append(d.LegalBases, LegalBasis{Text: "Căn cứ {luat}"}) }, "texts_legal_bases"},
		{"VietnameseNames", func(d *DocumentTexts) { d.Article1 = "Tặng {Hình thức} cho {so luong}, {thành tích}" }, ""},
		{"PeriodEndsBeforeItBegins", func(d *DocumentTexts) {
			d.LegalBases = []LegalBasis{{Text: "Căn cứ Luật", From: MustDate("2024-01-01"), To: MustDate("2023-01-01")}}
		}, "texts_legal_bases"},
		{"TooLongRecipient", func(d *DocumentTexts) { d.Recipients = []string{strings.Repeat("Lưu ", MaxAchievementLength)} }, "texts_recipients"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := DefaultDocumentTexts()
			c.edit(&d)
			err := d.Validate()
			if got := errorField(err); got != c.field || (c.field == "") != (err == nil) {
				t.Errorf("Validate() = %v (field %q), want field %q", err, got, c.field)
			}
			st := DefaultSettings()
			st.Texts = d
			if got := errorField(st.Validate()); got != c.field {
				t.Errorf("Settings.Validate field %q, want %q", got, c.field)
			}
		})
	}
}

// errorField is the field an error names, "" for none.
func errorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
