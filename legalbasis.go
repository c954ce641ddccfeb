package khenthuong

import (
	"encoding/json"
	"strings"

	"khenthuong/vntext"
)

// LegalBasis is one "Căn cứ ..." of a decision with the period the law it
// cites is in force: a decision cites the bases in force on its date.
type LegalBasis struct {
	Text string `json:"text"`
	From Date   `json:"from"` // first day in force; zero: since ever
	To   Date   `json:"to"`   // last day in force; zero: still in force
}

// InForceOn reports whether the basis applies to a decision dated d; an
// undated draft cites the bases in force today's way: those still in force.
func (b LegalBasis) InForceOn(d Date) bool {
	if d.IsZero() || d.YearOnly() {
		return b.To.IsZero()
	}
	return (b.From.IsZero() || !d.Before(b.From)) && (b.To.IsZero() || !b.To.Before(d))
}

// Period is the period as the settings show it: "01/01/2024 – nay".
func (b LegalBasis) Period() string {
	from, to := b.From.Display(), b.To.Display()
	if from == "" {
		from = "trước đây"
	}
	if to == "" {
		to = "nay"
	}
	return from + " – " + to
}

// UnmarshalJSON reads a basis saved before bases had periods: a bare string
// is a basis with no period (MigrateLegalBases then dates the known laws).
func (b *LegalBasis) UnmarshalJSON(p []byte) error {
	var s string
	if err := json.Unmarshal(p, &s); err == nil {
		*b = LegalBasis{Text: s}
		return nil
	}
	type plain LegalBasis
	return json.Unmarshal(p, (*plain)(b))
}

// BasesOn are the texts of the bases in force on d, in their order.
func (t DocumentTexts) BasesOn(d Date) []string {
	var out []string
	for _, b := range t.LegalBases {
		if b.InForceOn(d) {
			out = append(out, b.Text)
		}
	}
	return out
}

// DefaultLegalBases carry the history of the laws a provincial award
// decision cites, each with the period it is in force, so that a decision
// entered for 2019 cites the 2003 law and one of 2025 the 2022 law. Dates are
// those of the laws' own texts (consolidated texts 16/VBHN-VPQH of 2013 for
// the emulation law; the local government law 77/2015/QH13 as amended by
// 47/2019/QH14; see localGov2025 for the 2025 laws).
func DefaultLegalBases() []LegalBasis {
	return []LegalBasis{
		// Luật Tổ chức chính quyền địa phương 77/2015/QH13 of 19/6/2015, in force 1/1/2016;
		// amended by Luật 47/2019/QH14 of 22/11/2019, in force 1/7/2020.
		{Text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
			From: MustDate("2016-01-01"), To: MustDate("2020-06-30")},
		{Text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
			From: MustDate("2020-07-01"), To: MustDate("2025-02-28")},
		localGov2025[0], localGov2025[1],
		// Luật Thi đua, Khen thưởng 15/2003/QH11 of 26/11/2003, in force 1/7/2004; amended by
		// 47/2005/QH11 of 14/6/2005 (in force 27/6/2005) and 39/2013/QH13 of 16/11/2013 (in
		// force 1/6/2014); replaced by Luật Thi đua, khen thưởng 06/2022/QH15 of 15/6/2022,
		// in force 1/1/2024.
		{Text: "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003",
			From: MustDate("2004-07-01"), To: MustDate("2005-06-26")},
		{Text: "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005",
			From: MustDate("2005-06-27"), To: MustDate("2014-05-31")},
		{Text: "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
			From: MustDate("2014-06-01"), To: MustDate("2023-12-31")},
		{Text: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
			From: MustDate("2024-01-01")},
		// Nghị định 91/2017/NĐ-CP of 31/7/2017, in force 1/10/2017; replaced by Nghị định
		// 98/2023/NĐ-CP of 31/12/2023, in force with the 2022 law on 1/1/2024; replaced in
		// turn by Nghị định 152/2025/NĐ-CP of 14/6/2025, in force 1/7/2025 (as Thông tư
		// 15/2025/TT-BNV and the provinces' decisions of late 2025 cite it).
		{Text: "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
			From: MustDate("2017-10-01"), To: MustDate("2023-12-31")},
		{Text: "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
			From: MustDate("2024-01-01"), To: MustDate("2025-06-30")},
		{Text: "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
			From: MustDate("2025-07-01")},
	}
}

// localGov2025 are the two local government laws of 2025. Luật 65/2025/QH15
// was adopted on 19/2/2025 and in force from 1/3/2025. Luật 72/2025/QH15 was
// adopted on 16/6/2025 and, by its own Điều 51 ("Luật này có hiệu lực thi
// hành từ ngày được thông qua"; 65/2025/QH15 "hết hiệu lực kể từ ngày Luật
// này có hiệu lực thi hành"), in force the same day; the district level
// ended on 1/7/2025 under its transitional clause. Sources: the law's text
// as published on xaydungchinhsach.chinhphu.vn and thuvienphapluat.vn, and
// Nghị quyết 1673/NQ-UBTVQH15 of 16/6/2025, which already cites it.
var localGov2025 = [2]LegalBasis{
	{Text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
		From: MustDate("2025-03-01"), To: MustDate("2025-06-15")},
	{Text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
		From: MustDate("2025-06-16")},
}

// oldDefaultBases are the bases every data file had before bases carried
// periods; a file that still has exactly them gets the dated defaults.
var oldDefaultBases = []string{
	"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
	"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
	"Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
}

// MigrateLegalBases dates bases saved without periods. The untouched old
// defaults become the dated defaults. In a list the office edited, every
// line is kept as typed; a line that is one of the default laws takes that
// law's period, and the other texts of the same law in the defaults (those
// it replaced, and those that replaced it) are added around it, so that
// every decision cites the text of its date, unless the office typed a line
// of that law of its own; any other line stays in force for every date.
// Bases that already carry a period are returned as they are.
func MigrateLegalBases(bases []LegalBasis) []LegalBasis {
	for _, b := range bases {
		if !b.From.IsZero() || !b.To.IsZero() {
			return bases
		}
	}
	texts := make([]string, len(bases))
	for i, b := range bases {
		texts[i] = vntext.Fold(b.Text)
	}
	if equalFolded(texts, oldDefaultBases) {
		return DefaultLegalBases()
	}
	defaults := DefaultLegalBases()
	var out []LegalBasis
	have := map[string]bool{}
	own := map[string]bool{} // laws the office cites in a line of its own
	for i, t := range texts {
		have[t] = true
		if defaultIndex(defaults, bases[i].Text) < 0 {
			own[lawKey(bases[i].Text)] = true
		}
	}
	add := func(b LegalBasis) {
		if !have[vntext.Fold(b.Text)] {
			out = append(out, b)
			have[vntext.Fold(b.Text)] = true
		}
	}
	for _, b := range bases {
		i := defaultIndex(defaults, b.Text)
		if i < 0 {
			out = append(out, b)
			continue
		}
		chain := sameLaw(defaults, i)
		for _, other := range chain {
			if other.From.Before(defaults[i].From) {
				add(other)
			}
		}
		d := defaults[i]
		d.Text = b.Text
		out = append(out, d)
		if own[lawKey(b.Text)] {
			continue // the office cites a later text of its own
		}
		for _, other := range chain {
			if defaults[i].From.Before(other.From) {
				add(other)
			}
		}
	}
	return out
}

func equalFolded(folded, texts []string) bool {
	if len(folded) != len(texts) {
		return false
	}
	for i := range texts {
		if folded[i] != vntext.Fold(texts[i]) {
			return false
		}
	}
	return true
}

func defaultIndex(defaults []LegalBasis, text string) int {
	f := strings.TrimRight(vntext.Fold(text), " .;")
	for i, d := range defaults {
		if vntext.Fold(d.Text) == f {
			return i
		}
	}
	return -1
}

// sameLaw are the other defaults citing the law of defaults[i] (the same
// first words), in date order.
func sameLaw(defaults []LegalBasis, i int) []LegalBasis {
	key := lawKey(defaults[i].Text)
	var out []LegalBasis
	for j, d := range defaults {
		if j != i && lawKey(d.Text) == key {
			out = append(out, d)
		}
	}
	return out
}

// lawKey names the law a basis cites: "luat to chuc chinh quyen dia phuong",
// "luat thi dua, khen thuong", "nghi dinh".
func lawKey(text string) string {
	f := strings.TrimPrefix(vntext.Fold(text), "can cu ")
	if cut, _, ok := strings.Cut(f, " ngay "); ok {
		f = cut
	}
	if strings.HasPrefix(f, "nghi dinh") {
		return "nghi dinh"
	}
	return f
}
