package certificates

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"khenthuong"
	"khenthuong/page"
)

// squash joins the words of a text with single spaces: pdftotext breaks
// wrapped lines where the layout did.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func printJob(t testing.TB, j Job) (string, []Warning) {
	t.Helper()
	var buf bytes.Buffer
	warns, err := Print(&buf, j)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bangkhen.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, warns
}

func testJob(t testing.TB, mode Mode) Job {
	return Job{Decision: testDecision(), Form: testForm("BKCT"), Settings: testSettings(),
		Template: mustDefault(t, DefaultBangKhen), Mode: mode}
}

func TestCertificatesText(t *testing.T) {
	headings := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "TẶNG", "BẰNG KHEN"}
	for _, mode := range []Mode{ModePlain, ModeBlank} {
		t.Run(string(mode), func(t *testing.T) {
			j := testJob(t, mode)
			path, warns := printJob(t, j)
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			pages := pdfText(t, path)
			if len(pages) != len(j.Decision.Recipients) {
				t.Fatalf("%d pages for %d recipients", len(pages), len(j.Decision.Recipients))
			}
			for i, r := range j.Decision.Recipients {
				text := squash(pages[i])
				if !norm.NFC.IsNormalString(text) {
					t.Errorf("page %d is not NFC", i+1)
				}
				want := []string{r.Nominee.DisplayName(), r.Nominee.PositionAndUnit(),
					"Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023",
					"Quyết định số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022", "Số sổ vàng: " + r.RegistryNo,
					"Quảng Trị, ngày 24 tháng 10 năm 2022", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Hoàng Nam"}
				if mode == ModePlain {
					want = append(want, headings...)
				}
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("page %d lacks %q:\n%s", i+1, w, text)
					}
				}
				if mode == ModeBlank {
					for _, h := range headings {
						if strings.Contains(text, h) {
							t.Errorf("blank page %d prints the pre-printed %q", i+1, h)
						}
					}
				}
				if strings.ContainsAny(text, "?\uFFFD") {
					t.Errorf("page %d has a replaced letter: %s", i+1, text)
				}
			}
		})
	}
}

// Names typed as NFD (or pasted from Windows-1258 text) still print as NFC.
func TestDecomposedInputPrintsAsNFC(t *testing.T) {
	f, err := os.Open("testdata/test_strings_forms.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []string
	var pages []page.Page
	tpl := mustDefault(t, DefaultBangKhen)
	sc := bufio.NewScanner(f)
	sc.Scan()
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		nfd := decodeCodepoints(t, cols[2])
		if nfd == cols[1] {
			continue // nothing to decompose
		}
		v := Values{Recipient: nfd, Text: map[string]string{KeyName: nfd}}
		p, _ := Layout(tpl, v, ModeBlank)
		pages = append(pages, p)
		want = append(want, cols[1])
	}
	if len(want) < 10 {
		t.Fatalf("only %d test strings", len(want))
	}
	got := pdfText(t, writePDFFile(t, "nfd.pdf", pages...))
	for i, w := range want {
		if squash(got[i]) != squash(w) {
			t.Errorf("got %q, want %q", squash(got[i]), w)
		}
	}
}

func decodeCodepoints(t testing.TB, s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseUint(strings.TrimPrefix(f, "U+"), 16, 32)
		if err != nil {
			t.Fatalf("code point %q", f)
		}
		b.WriteRune(rune(v))
	}
	return b.String()
}

// findLine finds the words of a placed line among the PDF's words.
func findLine(words []word, tx page.Text) ([]word, bool) {
	want := strings.Fields(tx.Text)
	for i := 0; i+len(want) <= len(words); i++ {
		if math.Abs(words[i].XMin-tx.X) > 0.2 || math.Abs(words[i].YMin-tx.Top()) > 0.2 {
			continue
		}
		ok := true
		for k, w := range want {
			ok = ok && words[i+k].Text == w
		}
		if ok {
			return words[i : i+len(want)], true
		}
	}
	return nil, false
}

// The PDF puts every line where the layout says, and the layout inside the
// template's boxes: checked on the words pdftotext finds, for usual and for
// very long names, units and achievements.
func TestFieldPositionsMatchTemplate(t *testing.T) {
	d := testDecision()
	cases := []struct {
		name string
		vals Values
	}{
		{"Usual", ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings())},
		{"Collective", ValuesFor(d, &d.Recipients[5], testForm("BKCT"), testSettings())},
		{"VeryLong", longValues()},
	}
	for _, file := range []string{DefaultBangKhen, DefaultGiayKhen} {
		tpl := mustDefault(t, file)
		for _, mode := range []Mode{ModePlain, ModeBlank} {
			for _, c := range cases {
				t.Run(fmt.Sprintf("%s/%s/%s", file, mode, c.name), func(t *testing.T) {
					page, _ := Layout(tpl, c.vals, mode)
					words := pdfWords(t, writePDFFile(t, "pos.pdf", page))[0]
					const tol = 0.15 // mm: poppler rounds, fpdf writes 1/100 pt
					seen := map[string]bool{}
					for _, tx := range page.Texts {
						line, ok := findLine(words, tx)
						if !ok {
							t.Errorf("%s line %q not found at x=%.2f top=%.2f", tx.Key, tx.Text, tx.X, tx.Top())
							continue
						}
						seen[tx.Key] = true
						last := line[len(line)-1]
						if math.Abs(last.XMax-(tx.X+tx.Width)) > tol || math.Abs(line[0].YMax-(tx.Baseline+tx.Descent)) > tol {
							t.Errorf("%s %q: PDF box ends at (%.2f, %.2f), layout at (%.2f, %.2f)",
								tx.Key, tx.Text, last.XMax, line[0].YMax, tx.X+tx.Width, tx.Baseline+tx.Descent)
						}
						f := tpl.Fields[tx.Field]
						for _, w := range line {
							if w.XMin < f.X-tol || w.XMax > f.X+f.W+tol || w.YMin < f.Y-tol || w.YMax > f.Y+f.H+tol {
								t.Errorf("%s word %q at [%.2f %.2f %.2f %.2f] leaves its box [%g %g %g %g]",
									tx.Key, w.Text, w.XMin, w.YMin, w.XMax, w.YMax, f.X, f.Y, f.X+f.W, f.Y+f.H)
							}
						}
					}
					for _, f := range tpl.Fields {
						if f.Key != KeyEmblem && (mode == ModePlain || f.OnBlank) && !seen[f.Key] {
							t.Errorf("field %s printed nothing", f.Key)
						}
					}
					// Alignment as the template says, for the usual single-line fields.
					for _, tx := range page.Texts {
						f := tpl.Fields[tx.Field]
						var off float64
						switch f.Align {
						case "L":
							off = tx.X - f.X
						case "C":
							off = (tx.X + tx.Width/2) - (f.X + f.W/2)
						case "R":
							off = (tx.X + tx.Width) - (f.X + f.W)
						}
						if math.Abs(off) > 1e-6 {
							t.Errorf("%s %q misaligned by %.3f mm", tx.Key, tx.Text, off)
						}
					}
				})
			}
		}
	}
}

func TestPrinterOffsetMovesEveryField(t *testing.T) {
	profiles := []PrinterProfile{
		{Name: "Canon LBP", OffsetX: 3.5, OffsetY: -2.25},
		{Name: "HP lệch trái", OffsetX: -4, OffsetY: 6.1},
		{Name: "Phóng 2%", OffsetX: 1, OffsetY: 1, Scale: 1.02},
	}
	for _, mode := range []Mode{ModeBlank, ModePlain} {
		base := testJob(t, mode)
		base.Recipients = []uint64{101, 104}
		path, _ := printJob(t, base)
		ref := pdfWords(t, path)
		for _, p := range profiles {
			t.Run(string(mode)+"/"+p.Name, func(t *testing.T) {
				j := base
				j.Profile = p
				path, _ := printJob(t, j)
				got := pdfWords(t, path)
				for pg := range ref {
					if len(got[pg]) != len(ref[pg]) || len(ref[pg]) < 10 {
						t.Fatalf("page %d: %d words, %d without offset", pg+1, len(got[pg]), len(ref[pg]))
					}
					for i, w := range ref[pg] {
						g := got[pg][i]
						wx, wy := p.Pos(w.XMin, w.YMin)
						if g.Text != w.Text || math.Abs(g.XMin-wx) > 0.02 || math.Abs(g.YMin-wy) > 0.02 {
							t.Errorf("page %d %q at (%.3f, %.3f), want (%.3f, %.3f)", pg+1, g.Text, g.XMin, g.YMin, wx, wy)
						}
					}
				}
			})
		}
	}
	t.Run("Validate", func(t *testing.T) {
		for _, p := range []PrinterProfile{{Name: ""}, {Name: "x", OffsetX: 80}, {Name: "x", OffsetY: math.NaN()}, {Name: "x", Scale: 3}} {
			if err := p.Validate(); err == nil {
				t.Errorf("%+v accepted", p)
			}
		}
		j := testJob(t, ModeBlank)
		j.Profile = PrinterProfile{Name: "x", OffsetX: 99}
		if _, err := Print(&bytes.Buffer{}, j); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("bad profile printed: %v", err)
		}
	})
	t.Run("Corrected", func(t *testing.T) {
		// Printed with +1 mm, the mark at 20 mm was measured at 22.5 mm: the
		// printer itself adds 1.5 mm, so the profile needs -1.5 mm.
		p := PrinterProfile{Name: "x", OffsetX: 1, OffsetY: -1}.Corrected(22.5, 18, 20, 20)
		if p.OffsetX != -1.5 || p.OffsetY != 1 {
			t.Errorf("corrected %+v", p)
		}
	})
}

func TestJobRecipients(t *testing.T) {
	t.Run("SubsetInGivenOrder", func(t *testing.T) {
		j := testJob(t, ModeBlank)
		j.Recipients = []uint64{104, 101, 106}
		var calls int
		j.Progress = func(done, total int) {
			calls++
			if total != 3 || done != calls {
				t.Errorf("progress %d/%d", done, total)
			}
		}
		path, _ := printJob(t, j)
		pages := pdfText(t, path)
		want := []string{"Đại tá Lê Văn Tiến", "Bà Nguyễn Thị Ngọc Ánh", "Phòng Phổ biến, giáo dục pháp luật"}
		if len(pages) != len(want) {
			t.Fatalf("%d pages", len(pages))
		}
		for i, w := range want {
			if !strings.Contains(squash(pages[i]), w) {
				t.Errorf("page %d lacks %q", i+1, w)
			}
		}
	})
	t.Run("UnknownRecipient", func(t *testing.T) {
		j := testJob(t, ModeBlank)
		j.Recipients = []uint64{101, 999}
		_, err := Print(&bytes.Buffer{}, j)
		if khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND || !strings.Contains(err.Error(), "999") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("NoRecipients", func(t *testing.T) {
		j := testJob(t, ModeBlank)
		j.Decision.Recipients = nil
		if _, err := Print(&bytes.Buffer{}, j); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("got %v", err)
		}
		if err := WriteCertificates(&bytes.Buffer{}); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("WriteCertificates(): %v", err)
		}
	})
	t.Run("WarningsNameTheRecipient", func(t *testing.T) {
		j := testJob(t, ModeBlank)
		j.Decision.Recipients[2].Nominee.Unit = strings.Repeat("Phòng Cảnh sát quản lý hành chính về trật tự xã hội ", 6)
		_, warns := printJob(t, j)
		if len(warns) != 1 || warns[0].Recipient != "Ông Trương Quang Sáng" || warns[0].Key != KeyPositionUnit {
			t.Errorf("warnings %v", warns)
		}
	})
}

// testEmblem draws a stand-in emblem (red disc, gold ring, yellow star): the
// product bundles none, offices supply theirs.
func testEmblem(t testing.TB) string {
	const n = 240
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	c := float64(n) / 2
	var star [10][2]float64
	for i := range star {
		r := 62.0
		if i%2 == 1 {
			r = 25
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		star[i] = [2]float64{c + r*math.Cos(a), c + r*math.Sin(a)}
	}
	inStar := func(x, y float64) bool {
		in := false
		for i, j := 0, len(star)-1; i < len(star); j, i = i, i+1 {
			a, b := star[i], star[j]
			if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
				in = !in
			}
		}
		return in
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			d := math.Hypot(fx-c, fy-c)
			switch {
			case inStar(fx, fy):
				img.Set(x, y, color.NRGBA{255, 210, 0, 255})
			case d < 104:
				img.Set(x, y, color.NRGBA{200, 16, 32, 255})
			case d < 118:
				img.Set(x, y, color.NRGBA{212, 160, 23, 255})
			}
		}
	}
	path := filepath.Join(t.TempDir(), "quoc-huy.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEmblem(t *testing.T) {
	t.Run("PlainPaperDrawsTheOfficesImage", func(t *testing.T) {
		j := testJob(t, ModePlain)
		j.Settings.EmblemPath = testEmblem(t)
		path, _ := printJob(t, j)
		out := string(runTool(t, "pdfimages", "-list", path))
		if n := strings.Count(out, "\n") - 2; n < len(j.Decision.Recipients) {
			t.Errorf("%d images for %d pages:\n%s", n, len(j.Decision.Recipients), out)
		}
	})
	t.Run("MissingFileIsTheClerksError", func(t *testing.T) {
		j := testJob(t, ModePlain)
		j.Settings.EmblemPath = filepath.Join(t.TempDir(), "khong-co.png")
		_, err := Print(&bytes.Buffer{}, j)
		if khenthuong.ErrorCode(err) != khenthuong.EINVALID || !strings.Contains(err.Error(), "khong-co.png") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("NotAnImage", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "quoc-huy.png")
		os.WriteFile(bad, []byte("not a picture"), 0o644)
		j := testJob(t, ModePlain)
		j.Settings.EmblemPath = bad
		if _, err := Print(&bytes.Buffer{}, j); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("got %v", err)
		}
	})
	t.Run("BlankModeIgnoresIt", func(t *testing.T) {
		j := testJob(t, ModeBlank)
		j.Settings.EmblemPath = filepath.Join(t.TempDir(), "khong-co.png")
		if _, err := Print(&bytes.Buffer{}, j); err != nil {
			t.Error(err)
		}
	})
}

// A batch of 1,000 certificates meets the budget in size; the time
// is the benchmark's to show (the machine is shared).
func TestThousandCertificatesSize(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	j := Job{Decision: thousand(), Form: testForm("BKCT"), Settings: testSettings(),
		Template: mustDefault(t, DefaultBangKhen), Mode: ModePlain}
	var w countingWriter
	if _, err := Print(&w, j); err != nil {
		t.Fatal(err)
	}
	if per := w.n / 1000; per > 30*1024 {
		t.Errorf("%d bytes per page, budget 30 KB", per)
	}
}
