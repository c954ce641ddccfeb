package certificates

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

func TestCalibrationPage(t *testing.T) {
	labelFace := page.LookupFace(page.FontSerif, "B")
	descent := labelFace.Descent * markLabelSize * page.MMPerPt
	sizePt := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)
	for _, size := range []string{"A3L", "A4L", "400x300"} {
		for _, p := range []PrinterProfile{{}, {Name: "Canon LBP 2900", OffsetX: 2, OffsetY: -1.5}, {Name: "Epson", OffsetX: -3.2, OffsetY: 4}} {
			t.Run(fmt.Sprintf("%s/%+.1f%+.1f", size, p.OffsetX, p.OffsetY), func(t *testing.T) {
				w, h, err := page.ParseSize(size)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := WriteCalibration(&buf, w, h, p); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), "calibration.pdf")
				os.WriteFile(path, buf.Bytes(), 0o644)

				m := sizePt.FindStringSubmatch(string(runTool(t, "pdfinfo", path)))
				pw, _ := strconv.ParseFloat(m[1], 64)
				ph, _ := strconv.ParseFloat(m[2], 64)
				if math.Abs(pw*25.4/72-w) > 0.01 || math.Abs(ph*25.4/72-h) > 0.01 {
					t.Errorf("page %s × %s pt, want %g × %g mm", m[1], m[2], w, h)
				}

				words := pdfWords(t, path)[0]
				marks := CalibrationMarks(w, h)
				if len(marks) != 9 {
					t.Fatalf("%d marks", len(marks))
				}
				for _, mk := range marks {
					wantX, wantBase := p.Pos(mk.X+markLabelDX, mk.Y+markLabelDY)
					label, row := false, false
					for i, wd := range words {
						if wd.Text != MarkLabel(mk.N) {
							continue
						}
						// The label beside the crosshair, moved by the profile.
						if math.Abs(wd.XMin-wantX) < 0.05 && math.Abs(wd.YMax-descent-wantBase) < 0.05 {
							label = true
						}
						// The table row: "#n x y" with the nominal position.
						if i+2 < len(words) && words[i+1].Text == mm(mk.X) && words[i+2].Text == mm(mk.Y) {
							row = true
						}
					}
					if !label {
						t.Errorf("label %s not at (%.2f, baseline %.2f)", MarkLabel(mk.N), wantX, wantBase)
					}
					if !row {
						t.Errorf("table lacks %s %s %s", MarkLabel(mk.N), mm(mk.X), mm(mk.Y))
					}
				}
				// The crosshairs themselves are where the labels say (layout level).
				pg, _ := CalibrationPage(w, h, p)
				for _, mk := range marks {
					cx, cy := p.Pos(mk.X, mk.Y)
					found := false
					for _, s := range pg.Shapes {
						found = found || s.Kind == page.ShapeCircle && math.Abs(s.X-cx) < 1e-9 && math.Abs(s.Y-cy) < 1e-9 && s.R == markRadius
					}
					if !found {
						t.Errorf("no crosshair circle at (%.2f, %.2f)", cx, cy)
					}
				}
			})
		}
	}
	t.Run("BadSize", func(t *testing.T) {
		if err := WriteCalibration(&bytes.Buffer{}, 10, 5000, PrinterProfile{}); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Errorf("got %v", err)
		}
	})
}
