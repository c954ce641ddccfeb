package certificates

import (
	"strings"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/page"
)

func TestValuesFor(t *testing.T) {
	d := testDecision()
	v := ValuesFor(d, &d.Recipients[3], testForm("BKCT"), testSettings())
	want := map[string]string{
		KeyQuocHieu:     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		KeyTieuNgu:      "Độc lập - Tự do - Hạnh phúc",
		KeyIssuer:       "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
		KeyTang:         "TẶNG",
		KeyTitle:        "BẰNG KHEN",
		KeyName:         "Đại tá Lê Văn Tiến",
		KeyPositionUnit: "Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
		KeyAchievement:  "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023",
		KeyDecisionLine: "Quyết định số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022",
		KeyRegistryLine: "Số sổ vàng: BK-2022-0004",
		KeyPlaceDate:    "Quảng Trị, ngày 24 tháng 10 năm 2022",
		KeySignerTitle:  "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
		KeySignerName:   "Hoàng Nam",
		"honorific":     "Đại tá",
		"person_name":   "Lê Văn Tiến",
		"registry_no":   "BK-2022-0004",
	}
	for k, w := range want {
		if got := v.Text[k]; got != w {
			t.Errorf("%s = %q, want %q", k, got, w)
		}
	}
	if v.Recipient != "Đại tá Lê Văn Tiến" {
		t.Errorf("recipient %q", v.Recipient)
	}
	t.Run("ZeroPaddedDate", func(t *testing.T) {
		d := testDecision()
		d.Date = khenthuong.MustDate("2025-01-05")
		v := ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings())
		if got := v.Text[KeyPlaceDate]; got != "Quảng Trị, ngày 05 tháng 01 năm 2025" {
			t.Errorf("place_date %q", got)
		}
	})
	t.Run("NoRegistryNumberYet", func(t *testing.T) {
		d := testDecision()
		d.Recipients[0].RegistryNo = ""
		v := ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings())
		page, _ := Layout(mustDefault(t, DefaultBangKhen), v, ModePlain)
		for _, tx := range page.Texts {
			if strings.HasPrefix(tx.Text, "Số sổ vàng") {
				t.Errorf("printed %q without a number", tx.Text)
			}
		}
	})
	t.Run("LineUnderTheNameReadsAsTheList", func(t *testing.T) {
		for _, c := range []struct {
			nominee khenthuong.Nominee
			want    string
		}{
			{khenthuong.Nominee{Kind: khenthuong.Household, Name: "Gia đình bà Hồ Thị Lan", Address: "bản Tà Rùng, xã Hướng Hóa"}, "Bản Tà Rùng, xã Hướng Hóa"},
			{khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Hồ Văn Bảy", Address: "thôn Tân Lịch, xã Ngư Hóa"}, "Thôn Tân Lịch, xã Ngư Hóa"},
			{khenthuong.Nominee{Kind: khenthuong.Individual, Name: "Lê Văn An", Position: "Trưởng phòng", Unit: "Phòng Tư pháp", Address: "Gio Linh"}, "Trưởng phòng Tư pháp"},
			{khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Tư pháp", Unit: "UBND huyện Gio Linh"}, "UBND huyện Gio Linh"},
			{khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Công an xã Gio Mai, huyện Gio Linh", Unit: "huyện Gio Linh"}, ""},
		} {
			d := testDecision()
			d.Recipients[0].Nominee = c.nominee
			v := ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings())
			if got := v.Text[KeyPositionUnit]; got != c.want {
				t.Errorf("%s: line under the name %q, want %q", c.nominee.Name, got, c.want)
			}
		}
	})
	t.Run("RecipientAchievementWins", func(t *testing.T) {
		d := testDecision()
		d.Recipients[1].Achievement = "đã có thành tích xuất sắc trong công tác phòng, chống tội phạm năm 2022"
		v := ValuesFor(d, &d.Recipients[1], testForm("BKCT"), testSettings())
		if got := v.Text[KeyAchievement]; got != "Đã có thành tích xuất sắc trong công tác phòng, chống tội phạm năm 2022" {
			t.Errorf("achievement %q", got)
		}
	})
}

func TestExpandPlaceholders(t *testing.T) {
	vals := map[string]string{"registry_no": "BK-01", "place": "Quảng Trị", "empty": ""}
	cases := []struct{ format, want string }{
		{"Số sổ vàng: {registry_no}", "Số sổ vàng: BK-01"},
		{"{place}, {registry_no}", "Quảng Trị, BK-01"},
		{"Số: {empty}", ""},
		{"{{registry_no}} là {registry_no}", "{registry_no} là BK-01"},
		{"không có chỗ điền", "không có chỗ điền"},
		{"mở {không đóng", "mở {không đóng"},
	}
	for _, c := range cases {
		if got := expand(c.format, vals); got != c.want {
			t.Errorf("expand(%q) = %q, want %q", c.format, got, c.want)
		}
	}
}

// longValues are texts far longer than any box.
func longValues() Values {
	d := testDecision()
	r := &d.Recipients[0]
	r.Nominee.Name = "Nguyễn Thị Ngọc Ánh Tôn Nữ Hoàng Phương Thảo Quỳnh Hương Diễm Kiều Thị Mỹ Lệ"
	r.Nominee.Position = "Phó Trưởng phòng Phổ biến, giáo dục pháp luật kiêm Trưởng ban Biên tập Bản tin Tư pháp và Chủ tịch Công đoàn cơ sở"
	r.Nominee.Unit = "Sở Tư pháp tỉnh Quảng Trị, Ủy ban nhân dân tỉnh Quảng Trị, nay là Sở Tư pháp tỉnh Quảng Trị mới sau sắp xếp đơn vị hành chính"
	r.Achievement = strings.Repeat("đã có thành tích xuất sắc trong phong trào thi đua yêu nước, góp phần vào sự nghiệp xây dựng và bảo vệ Tổ quốc; ", 3)
	return ValuesFor(d, r, testForm("BKCT"), testSettings())
}

func TestLayoutKeepsTextInsideBoxes(t *testing.T) {
	huge := longValues()
	huge.Text[KeyName] = strings.Repeat("Đặng Đại Bàng ", 40)
	huge.Text[KeyAchievement] = strings.Repeat("Đã có thành tích xuất sắc ", 200)
	huge.Text[KeySignerTitle] = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTHƯỜNG TRỰC\nPHỤ TRÁCH KHỐI NỘI CHÍNH\nVÀ CÔNG TÁC THI ĐUA KHEN THƯỞNG"
	huge.Text[KeyPositionUnit] = strings.Repeat("Siêudàimàkhôngcódấucáchnàocả", 20)
	d := testDecision()
	cases := []struct {
		name      string
		vals      Values
		wantWarn  []string // field keys that must warn
		forbidden []string // field keys that must not warn
	}{
		{"Usual", ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings()), nil, FieldKeys},
		{"LongShrinksAndWraps", longValues(), nil, FieldKeys},
		{"HugeWarns", huge, []string{KeyName, KeyAchievement, KeyPositionUnit}, nil},
	}
	for _, file := range []string{DefaultBangKhen, DefaultGiayKhen} {
		tpl := mustDefault(t, file)
		for _, c := range cases {
			t.Run(file+"/"+c.name, func(t *testing.T) {
				page, warns := Layout(tpl, c.vals, ModePlain)
				for _, tx := range page.Texts {
					if !inside(tx, tpl.Fields[tx.Field], 1e-6) {
						t.Errorf("%s %q leaves its box", tx.Key, tx.Text)
					}
					if tx.Size < 3 {
						t.Errorf("%s at %g pt", tx.Key, tx.Size)
					}
				}
				warned := map[string]bool{}
				for _, w := range warns {
					warned[w.Key] = true
					if w.Recipient != c.vals.Recipient || !strings.HasPrefix(w.String(), c.vals.Recipient+": ") {
						t.Errorf("warning %q does not name the recipient", w)
					}
				}
				for _, k := range c.wantWarn {
					if !warned[k] {
						t.Errorf("no warning for %s (%v)", k, warns)
					}
				}
				for _, k := range c.forbidden {
					if warned[k] {
						t.Errorf("unexpected warning for %s: %v", k, warns)
					}
				}
			})
		}
	}
}

func TestLayoutFitting(t *testing.T) {
	face := page.LookupFace(page.FontSerif, "B")
	one := "Phó Giám đốc Sở Tư pháp"
	w1 := face.Width(one, 20)
	cases := []struct {
		name      string
		text      string
		w, h      float64
		size, min float64
		wantSize  float64
		wantLines int
	}{
		{"FitsAsIs", one, w1 + 1, 20, 20, 12, 20, 1},
		{"ShrinksALittleBeforeWrapping", one, w1 * 0.9, 20, 20, 12, 18, 1},
		{"WrapsBeforeShrinkingFar", one, w1 * 0.8, 20, 20, 12, 20, 2},
		{"ShrinksWhenTheBoxHoldsOneLine", one, w1 * 0.8, 9, 20, 12, 16, 1},
		{"WrapsBelowMinimum", one, w1 * 0.55, 20, 20, 12, 20, 2},
		{"HardLineBreaksKept", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 100, 20, 16, 12, 16, 2},
		{"HardLinesShrinkToFitHeight", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 100, 9, 16, 10, 0, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fit := fitText(face, c.text, c.w, c.h, c.size, c.min)
			if c.wantSize != 0 && fit.size != c.wantSize {
				t.Errorf("size %g, want %g", fit.size, c.wantSize)
			}
			if len(fit.lines) != c.wantLines {
				t.Errorf("lines %q, want %d", fit.lines, c.wantLines)
			}
			if got := strings.Join(fit.lines, " "); got != strings.ReplaceAll(c.text, "\n", " ") {
				t.Errorf("text changed: %q", got)
			}
		})
	}
	t.Run("BalancedLines", func(t *testing.T) {
		text := "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"
		full := face.Width(text, 12)
		fit := fitText(face, text, full*0.7, 30, 12, 12)
		if len(fit.lines) != 2 {
			t.Fatalf("lines %q", fit.lines)
		}
		a, b := face.Width(fit.lines[0], 12), face.Width(fit.lines[1], 12)
		if a/b > 1.25 || b/a > 1.25 {
			t.Errorf("unbalanced: %q (%.1f mm) / %q (%.1f mm)", fit.lines[0], a, fit.lines[1], b)
		}
	})
}

func TestLayoutModes(t *testing.T) {
	tpl := mustDefault(t, DefaultBangKhen)
	v := longValues()
	v.Emblem = "quoc-huy.png"
	plain, _ := Layout(tpl, v, ModePlain)
	blank, _ := Layout(tpl, v, ModeBlank)
	if len(plain.Shapes) == 0 || len(plain.Images) != 1 {
		t.Errorf("plain: %d shapes, %d images; want the border and the emblem", len(plain.Shapes), len(plain.Images))
	}
	if len(blank.Shapes) != 0 || len(blank.Images) != 0 {
		t.Errorf("blank: %d shapes, %d images; want none", len(blank.Shapes), len(blank.Images))
	}
	for _, tx := range blank.Texts {
		if !tpl.Fields[tx.Field].OnBlank {
			t.Errorf("blank mode prints %s %q", tx.Key, tx.Text)
		}
	}
	v.Emblem = ""
	if p, _ := Layout(tpl, v, ModePlain); len(p.Images) != 0 {
		t.Error("emblem drawn without an image: nothing is bundled")
	}
	for _, s := range []string{"", "blank", " PLAIN "} {
		if _, err := ParseMode(s); err != nil {
			t.Errorf("ParseMode(%q): %v", s, err)
		}
	}
	if _, err := ParseMode("color"); err == nil {
		t.Error("ParseMode accepted color")
	}
}

func TestLayoutMissingGlyphWarns(t *testing.T) {
	v := longValues()
	v.Text[KeyName] = "Bà Lý Thị 漢 Hoa"
	page, warns := Layout(mustDefault(t, DefaultBangKhen), v, ModeBlank)
	found := false
	for _, tx := range page.Texts {
		if tx.Key == KeyName {
			found = tx.Text == "Bà Lý Thị ? Hoa"
		}
	}
	if !found {
		t.Error("missing glyph not replaced by ?")
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Message, "漢") {
		t.Errorf("warnings %v", warns)
	}
}

func TestLayoutIsFastOnPathologicalText(t *testing.T) {
	tpl := Template{Name: "x", PageWidth: 1000, PageHeight: 1000, Fields: []Field{
		{Key: KeyFree, Text: strings.Repeat("Đặng Đại Bàng ", 70), X: 0, Y: 0, W: 1000, H: 1000, Size: 200, MinSize: 4},
		{Key: KeyFree, Text: strings.Repeat("Ư", 1000), X: 0, Y: 0, W: 10, H: 10, Size: 200, MinSize: 4},
	}}
	tpl.Normalize()
	if err := tpl.Validate(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	Layout(tpl, Values{}, ModePlain)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("layout took %v", d)
	}
}

// The editor lays out templates that are not valid yet: nothing loops,
// panics or prints at 0 pt.
func TestLayoutToleratesInvalidTemplates(t *testing.T) {
	v := longValues()
	for _, f := range []Field{
		{Key: KeyName, W: 0, H: 10, Size: 12},
		{Key: KeyName, W: 100, H: 10, Size: 0},
		{Key: KeyName, W: 100, H: 10, Size: 12, MinSize: 0},
		{Key: KeyName, W: 100, H: 10, Size: 12, MinSize: 40},
		{Key: KeyName, W: 100, H: 10, Size: 1e9, MinSize: -3},
	} {
		f.Font, f.Align, f.OnBlank = page.FontSerif, "C", true
		tpl := Template{Name: "x", PageWidth: 200, PageHeight: 100, Fields: []Field{f}}
		page, _ := Layout(tpl, v, ModeBlank)
		for _, tx := range page.Texts {
			if tx.Size < smallestSize || tx.Size > MaxFontSize || !inside(tx, f, 1e-6) {
				t.Errorf("%+v: placed %q at %g pt", f, tx.Text, tx.Size)
			}
		}
	}
	if err := WriteCertificates(&strings.Builder{}, page.Page{Width: 0, Height: 100}); err == nil {
		t.Error("wrote a page of width 0")
	}
}

// A collective's long name may take the position line, which a collective
// leaves empty; a person's may not, and a short name stays in its own box.
func TestLayoutLongNameTakesTheEmptyPositionLine(t *testing.T) {
	collective := func(name string) Values {
		d := testDecision()
		r := &d.Recipients[0]
		r.Nominee = khenthuong.Nominee{Kind: khenthuong.Collective, Name: name}
		return ValuesFor(d, r, testForm("BKCT"), testSettings())
	}
	long := "Hội Liên hiệp Phụ nữ thị trấn Khe Sanh, huyện Hướng Hóa, tỉnh Quảng Trị (cũ) nay là xã Khe Sanh, tỉnh Quảng Trị"
	person := collective(long)
	person.Text[KeyPositionUnit] = "Phó Chủ tịch"
	cases := []struct {
		name      string
		vals      Values
		mode      Mode
		intoBelow bool // the name reaches into the position field's box
		warns     bool
	}{
		{"LongCollectivePlain", collective(long), ModePlain, true, false},
		{"LongCollectiveOnBlank", collective(long), ModeBlank, true, false},
		{"ShortCollective", collective("Phòng Tư pháp huyện Gio Linh"), ModePlain, false, false},
		{"LongNameWithAPosition", person, ModePlain, false, true},
	}
	tpl := mustDefault(t, DefaultBangKhen)
	var name, pos, achievement Field
	for _, f := range tpl.Fields {
		switch f.Key {
		case KeyName:
			name = f
		case KeyPositionUnit:
			pos = f
		case KeyAchievement:
			achievement = f
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, warns := Layout(tpl, c.vals, c.mode)
			warned := false
			for _, w := range warns {
				warned = warned || w.Key == KeyName
			}
			if warned != c.warns {
				t.Errorf("name warned %v, want %v: %v", warned, c.warns, warns)
			}
			grown := name
			grown.H = pos.Y + pos.H - name.Y
			lines, below := 0, false
			for _, tx := range page.Texts {
				if tx.Key != KeyName {
					continue
				}
				lines++
				if !inside(tx, grown, 1e-6) || tx.Baseline+tx.Descent > achievement.Y {
					t.Errorf("%q leaves the name and position boxes", tx.Text)
				}
				below = below || tx.Baseline+tx.Descent > name.Y+name.H+1e-6
				if !c.warns && tx.Size < tpl.Fields[tx.Field].MinSize {
					t.Errorf("%q at %g pt, under the minimum", tx.Text, tx.Size)
				}
			}
			if below != c.intoBelow || c.intoBelow && lines < 2 {
				t.Errorf("%d lines, reaching below the name box %v; want %v", lines, below, c.intoBelow)
			}
		})
	}
}
