package certificates

import (
	"fmt"
	"testing"

	"khenthuong"
)

// thousand is a decision with 1,000 recipients, names cycling through the fixtures.
func thousand() *khenthuong.Decision {
	d := testDecision()
	base := d.Recipients
	d.Recipients = nil
	for i := 0; i < 1000; i++ {
		r := base[i%len(base)]
		r.NominationID = uint64(1000 + i)
		r.RegistryNo = fmt.Sprintf("BK-2022-%04d", i+1)
		d.Recipients = append(d.Recipients, r)
	}
	return d
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkCertificates1000 prints 1,000 plain-paper certificates (the heavier
// mode: border and headings) into one PDF. Targets: < 1 s, < 30 KB per page.
func BenchmarkCertificates1000(b *testing.B) {
	for _, mode := range []Mode{ModePlain, ModeBlank} {
		b.Run(string(mode), func(b *testing.B) {
			j := Job{Decision: thousand(), Form: testForm("BKCT"), Settings: testSettings(),
				Template: mustDefault(b, DefaultBangKhen), Mode: mode, Profile: PrinterProfile{Name: "HP", OffsetX: 1.5, OffsetY: -2}}
			var size int64
			b.ReportAllocs()
			for b.Loop() {
				var w countingWriter
				if _, err := Print(&w, j); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(size)/1000/1024, "KB/page")
		})
	}
}
