package certificates

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"khenthuong/page"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata/golden (look at them before committing)")

// Golden renders: pdftoppm at 50 dpi, compared pixel by pixel with a
// tolerance for anti-aliasing differences between poppler versions. On a
// mismatch the new render and a diff are left in the system temp folder to
// look at; -update rewrites the goldens.
func TestGoldenRenders(t *testing.T) {
	emblem := testEmblem(t)
	d := testDecision()
	cases := []struct {
		name  string
		pages func(t *testing.T) []page.Page
	}{
		{"bangkhen-plain", func(t *testing.T) []page.Page {
			s := testSettings()
			s.EmblemPath = emblem
			p, _ := Layout(mustDefault(t, DefaultBangKhen), ValuesFor(d, &d.Recipients[0], testForm("BKCT"), s), ModePlain)
			return []page.Page{p}
		}},
		{"bangkhen-blank", func(t *testing.T) []page.Page {
			p, _ := Layout(mustDefault(t, DefaultBangKhen), ValuesFor(d, &d.Recipients[3], testForm("BKCT"), testSettings()), ModeBlank)
			return []page.Page{p}
		}},
		{"bangkhen-long", func(t *testing.T) []page.Page {
			p, _ := Layout(mustDefault(t, DefaultBangKhen), longValues(), ModePlain)
			return []page.Page{p}
		}},
		{"giaykhen-plain", func(t *testing.T) []page.Page {
			f := testForm("GKCA")
			p, _ := Layout(DefaultTemplateFor(f), ValuesFor(d, &d.Recipients[5], f, testSettings()), ModePlain)
			return []page.Page{p}
		}},
		{"calibration-a4l", func(t *testing.T) []page.Page {
			p, err := CalibrationPage(297, 210, PrinterProfile{Name: "Canon LBP 2900", OffsetX: 2, OffsetY: -1.5})
			if err != nil {
				t.Fatal(err)
			}
			return []page.Page{p}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf := writePDFFile(t, c.name+".pdf", c.pages(t)...)
			prefix := filepath.Join(t.TempDir(), c.name)
			runTool(t, "pdftoppm", "-r", "50", "-png", "-singlefile", pdf, prefix)
			got, err := os.ReadFile(prefix + ".png")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", c.name+".png")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s: look at it", golden)
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			bad, total, diff := compareImages(t, want, got)
			if frac := float64(bad) / float64(total); frac > 0.003 {
				out := filepath.Join(os.TempDir(), "certificates-golden-"+c.name)
				os.WriteFile(out+"-got.png", got, 0o644)
				if diff != nil {
					var b bytes.Buffer
					png.Encode(&b, diff)
					os.WriteFile(out+"-diff.png", b.Bytes(), 0o644)
				}
				t.Errorf("%d of %d pixels differ (%.2f%%): see %s-got.png and -diff.png", bad, total, 100*frac, out)
			}
		})
	}
}

// compareImages counts the pixels whose colour differs by more than 48 in
// any channel, and returns an image marking them in red.
func compareImages(t *testing.T, a, b []byte) (bad, total int, diff *image.NRGBA) {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("size %v, golden %v", ib.Bounds(), ia.Bounds())
	}
	r := ia.Bounds()
	diff = image.NewNRGBA(r)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			total++
			ca := color.NRGBAModel.Convert(ia.At(x, y)).(color.NRGBA)
			cb := color.NRGBAModel.Convert(ib.At(x, y)).(color.NRGBA)
			if far(ca.R, cb.R) || far(ca.G, cb.G) || far(ca.B, cb.B) {
				bad++
				diff.Set(x, y, color.NRGBA{255, 0, 0, 255})
			} else {
				g := uint8((int(cb.R) + int(cb.G) + int(cb.B)) / 6)
				diff.Set(x, y, color.NRGBA{g + 127, g + 127, g + 127, 255})
			}
		}
	}
	return bad, total, diff
}

func far(a, b uint8) bool {
	d := int(a) - int(b)
	return d > 48 || d < -48
}
