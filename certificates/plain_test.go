package certificates

import (
	"bytes"
	"strings"
	"testing"

	"khenthuong/page"
)

// TestPlainCertificate: on plain paper the certificate carries the national
// emblem above the Quốc hiệu (drawn by the program when the office gives no
// image: red disc, yellow star, its ribbon's words), a border in the manner
// of the model certificates (a red band with a gold key fret, gold corner
// squares), and the signer's block stands clear of the bottom frame.
func TestPlainCertificate(t *testing.T) {
	d := testDecision()
	for _, name := range []string{DefaultBangKhen, DefaultGiayKhen} {
		t.Run(name, func(t *testing.T) {
			tpl, _ := DefaultTemplate(name)
			p, warns := Layout(tpl, ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings()), ModePlain)
			if len(warns) > 0 {
				t.Errorf("warnings %v", warns)
			}
			var box, quocHieu, signer *Field
			for i := range tpl.Fields {
				switch tpl.Fields[i].Key {
				case KeyEmblem:
					box = &tpl.Fields[i]
				case KeyQuocHieu:
					quocHieu = &tpl.Fields[i]
				case KeySignerName:
					signer = &tpl.Fields[i]
				}
			}
			// The emblem: a red disc, a yellow five-pointed star, inside its box, above the Quốc hiệu.
			var disc, starShape bool
			for _, s := range p.Shapes {
				inBox := s.X >= box.X && s.X <= box.X+box.W && s.Y >= box.Y && s.Y <= box.Y+box.H
				switch {
				case s.Kind == page.ShapeCircle && s.Fill == emblemRed && inBox && s.R > box.W/4:
					disc = true
				case s.Kind == page.ShapePolygon && len(s.Points) == 10 && s.Fill == emblemGold:
					starShape = true
					for _, pt := range s.Points {
						if pt.Y > quocHieu.Y || pt.X < box.X || pt.X > box.X+box.W {
							t.Errorf("the star's point %v is outside the emblem's box", pt)
						}
					}
				}
			}
			if !disc || !starShape {
				t.Errorf("no emblem drawn: disc %v, star %v", disc, starShape)
			}
			motto := false
			for _, tx := range p.Texts {
				if tx.Key == KeyEmblem && tx.Text == EmblemText && tx.X >= box.X && tx.X+tx.Width <= box.X+box.W && tx.Baseline < quocHieu.Y {
					motto = true
				}
			}
			if !motto {
				t.Error("the emblem's ribbon has no words")
			}
			// The border: the red band and the gold fret along the sides.
			frets := 0
			for _, s := range p.Shapes {
				if s.Kind == page.ShapeLine && len(s.Points) == 8 {
					frets++
				}
			}
			if frets < 40 {
				t.Errorf("%d key-fret units in the border", frets)
			}
			// The signer's block: its name's box at least 8 mm above the border's inner line.
			if gap := tpl.PageHeight - innerLine(tpl.Border) - (signer.Y + signer.H); gap < 8 {
				t.Errorf("the signer's name is %.1f mm above the bottom frame", gap)
			}
			for _, tx := range p.Texts {
				if bottom := tx.Baseline + tx.Descent; bottom > tpl.PageHeight-innerLine(tpl.Border)-2 {
					t.Errorf("%q reaches %.1f mm, on the frame", tx.Text, bottom)
				}
			}
		})
	}
	// With the office's own image, the image is printed, not the drawing.
	tpl, _ := DefaultTemplate(DefaultBangKhen)
	v := ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings())
	v.Emblem = "quochuy.png"
	p, _ := Layout(tpl, v, ModePlain)
	if len(p.Images) != 1 {
		t.Errorf("the office's emblem image: %d images", len(p.Images))
	}
	for _, tx := range p.Texts {
		if tx.Key == KeyEmblem {
			t.Error("the drawn emblem's words printed over the office's image")
		}
	}
	// On a pre-printed blank, nothing of it prints.
	b, _ := Layout(tpl, ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings()), ModeBlank)
	if len(b.Shapes) > 0 {
		t.Errorf("%d shapes on a pre-printed blank", len(b.Shapes))
	}
	// And the PDF reads back with the emblem's words.
	path := docPDF(t, "bk.pdf", func(buf *bytes.Buffer) error {
		return WriteCertificates(buf, mustLayout(t, tpl, ValuesFor(d, &d.Recipients[0], testForm("BKCT"), testSettings())))
	})
	if txt := squash(pdfText(t, path)[0]); !strings.Contains(txt, EmblemText+" CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Errorf("the certificate reads:\n%s", txt)
	}
}

func mustLayout(t *testing.T, tpl Template, v Values) page.Page {
	t.Helper()
	p, _ := Layout(tpl, v, ModePlain)
	return p
}
