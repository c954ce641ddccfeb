package certificates_test

import (
	"fmt"

	"khenthuong/certificates"
	"khenthuong/page"
)

// A preview draws the same Page the PDF writer prints: shapes, then images,
// then each text line at (X, Top()) in millimetres, scaled to pixels, with
// the face's own font file (Face.Data) at Size points.
func ExampleLayout() {
	tpl, _ := certificates.DefaultTemplate(certificates.DefaultBangKhen)
	vals := certificates.Values{Recipient: "Ông Trương Quang Sáng", Text: map[string]string{
		certificates.KeyName:         "Ông Trương Quang Sáng",
		certificates.KeyPositionUnit: "Phó Giám đốc Sở Tư pháp",
	}}
	pg, warnings := certificates.Layout(tpl, vals, certificates.ModeBlank)
	const pxPerMM = 2.0
	for _, t := range pg.Texts {
		face := page.LookupFace(t.Font, t.Style)
		fmt.Printf("%s %q in %s at %.0f px, inside its box: %v\n", t.Key, t.Text, face.File,
			t.Size*25.4/72*pxPerMM, t.X >= tpl.Fields[t.Field].X)
	}
	fmt.Println(len(warnings), "warnings")
	// Output:
	// name "Ông Trương Quang Sáng" in Vollkorn-BoldItalic.ttf at 25 px, inside its box: true
	// position_unit "Phó Giám đốc Sở Tư pháp" in LiberationSerif-Bold.ttf at 14 px, inside its box: true
	// 0 warnings
}
