package postgres

import (
	"testing"

	"khenthuong"
)

// "Chỉ đề nghị có cảnh báo" on a 10,000-nomination campaign: its first
// window of 300, the campaign's warned rows computed (each iteration asks
// for another campaign, so none is kept from the one before).
func BenchmarkServerOnlyWithWarnings10k(b *testing.B) {
	o := office(b)
	b.ResetTimer()
	var warned int
	peakHeap(b, func() {
		for i := 0; i < b.N; i++ {
			f := khenthuong.NominationFilter{CampaignID: o.campaigns[len(o.campaigns)-1-i%len(o.campaigns)]}
			p, err := o.clerk.QueryNominations(khenthuong.NominationQuery{Filter: f, Page: khenthuong.Page{Limit: 300}, WithWarnings: true})
			if err != nil {
				b.Fatal(err)
			}
			warned = p.Total
		}
	})
	b.ReportMetric(float64(warned), "warned")
}
