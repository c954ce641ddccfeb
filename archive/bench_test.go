package archive

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"khenthuong"
	"khenthuong/certificates"
)

// bigDecision is a decision of a ten-year review with n recipients, as the
// application prints it.
func bigDecision(b *testing.B, n int, docx bool) string {
	b.Helper()
	d := signedDecision()
	d.Recipients = nil
	for i := range n {
		k := khenthuong.Individual
		title := "Ông"
		if i%3 == 0 {
			k, title = khenthuong.Collective, ""
		}
		d.Recipients = append(d.Recipients, khenthuong.Recipient{Nominee: khenthuong.Nominee{
			Kind: k, Title: title, Name: fmt.Sprintf("Nguyễn Văn Thành %d", i), Position: "Trưởng phòng Nghiệp vụ", Unit: fmt.Sprintf("Công an xã số %d, Công an tỉnh Quảng Trị", i),
		}})
	}
	s := khenthuong.DefaultSettings()
	doc := certificates.DecisionDoc{Decision: d, Form: formOf(d.FormCode), Settings: &s}
	var buf bytes.Buffer
	name := "qd.pdf"
	var err error
	if docx {
		name = "qd.docx"
		err = certificates.WriteDecisionDOCX(&buf, doc, certificates.DecisionOptions{})
	} else {
		err = certificates.WriteDecision(&buf, doc, certificates.DecisionOptions{})
	}
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadDecision reads a signed decision of 1,000 recipients, the
// largest an office issues (a ten-year review), from its PDF and its .docx.
func BenchmarkReadDecision(b *testing.B) {
	for _, docx := range []bool{false, true} {
		name := "PDF"
		if docx {
			name = "DOCX"
		}
		b.Run(name+"1000", func(b *testing.B) {
			path := bigDecision(b, 1000, docx)
			fi, _ := os.Stat(path)
			b.ReportMetric(float64(fi.Size())/1024, "KiB")
			b.ResetTimer()
			for range b.N {
				res, err := Read(path, Options{Forms: testForms()})
				if err != nil || len(res.Decision.Recipients) != 1000 {
					b.Fatalf("%v, %d recipients", err, len(res.Decision.Recipients))
				}
			}
		})
	}
}
