package postgres

import (
	"fmt"
	"testing"

	"khenthuong"
	"khenthuong/synth"
)

// Importing a unit's list through ImportNominations, the rows made one at a
// time as a list being read gives them: one server transaction, a COPY per
// batch. The client's peak heap (peak-MB) must not grow with the rows.
func BenchmarkServerImportStream(b *testing.B) {
	o := office(b)
	forms := synth.Forms(20)
	for _, rows := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			g := synth.New(uint64(rows))
			peakHeap(b, func() {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					c := &khenthuong.Campaign{Name: fmt.Sprintf("Đợt nhập %d-%d", rows, i)}
					if err := o.clerk.CreateCampaign(c); err != nil {
						b.Fatal(err)
					}
					list := func(yield func(*khenthuong.Nomination, error) bool) {
						for range rows {
							n := g.Nomination(c.ID, forms)
							if !yield(&n, nil) {
								return
							}
						}
					}
					b.StartTimer()
					ids, err := o.clerk.ImportNominations(list)
					if err != nil || len(ids) != rows {
						b.Fatalf("%d IDs: %v", len(ids), err)
					}
				}
			})
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*rows), "µs/row")
		})
	}
}
