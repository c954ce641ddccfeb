package ui

import "testing"

// BenchmarkDecidedNominations is what the review's greyed-out actions add
// when Đề nghị shows a campaign of the ten-year file (10,000 nominations,
// reviewed and issued): the nominations its decisions list, read once per
// campaign in the background with the warnings.
func BenchmarkDecidedNominations(b *testing.B) {
	_, db := yearsStore(b)
	cs, err := db.Campaigns()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for i := 0; b.Loop(); i++ {
		decided, err := decidedNominations(db, cs[i%2].ID)
		if err != nil {
			b.Fatal(err)
		}
		n = len(decided)
	}
	if n == 0 {
		b.Fatal("no nomination of the campaign is in a decision")
	}
	b.ReportMetric(float64(n), "decided")
}
