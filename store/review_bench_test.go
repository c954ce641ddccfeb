package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"khenthuong"
	"khenthuong/synth"
)

// The review benchmarks share one file of 100,000 nominations: ten yearly
// campaigns from 2015, the last one (the campaign under review) with 5,000
// nominations, the nine others with 95,000 between them, 60% of which were
// awarded by issued decisions (one per form and campaign), so that the
// warnings and the history meet awards, not just nominations.
var (
	reviewOnce     sync.Once
	reviewPath     string
	reviewErr      error
	reviewCampaign uint64
)

const (
	reviewRows         = 100_000
	reviewCampaign5000 = 5_000
)

func reviewFile(b *testing.B) string {
	b.Helper()
	reviewOnce.Do(func() {
		dir, err := os.MkdirTemp("", "khenthuong-review-bench-")
		if err != nil {
			reviewErr = err
			return
		}
		reviewPath = filepath.Join(dir, "khenthuong.db")
		reviewErr = makeReviewFile(reviewPath)
	})
	if reviewErr != nil {
		b.Fatal(reviewErr)
	}
	return reviewPath
}

func makeReviewFile(path string) error {
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		return err
	}
	defer db.Close()
	// Older coefficients and salaries, so that decisions of 2015 have amounts.
	forms := synth.Forms(20)
	for i := range forms {
		old := forms[i].Coefficients[0]
		old.From = khenthuong.MustDate("2010-01-01")
		forms[i].Coefficients = append([]khenthuong.Coefficient{old}, forms[i].Coefficients...)
		if err := db.SaveForm(&forms[i]); err != nil {
			return err
		}
	}
	s, _ := db.Settings()
	s.BaseSalaries = append(s.BaseSalaries, khenthuong.SalaryStep{From: khenthuong.MustDate("2013-07-01"), Amount: 1_150_000})
	if err := db.SaveSettings(&s); err != nil {
		return err
	}
	g := synth.New(7)
	campaigns := synth.Campaigns(2015, 10)
	earlier := (reviewRows - reviewCampaign5000) / (len(campaigns) - 1)
	for ci := range campaigns {
		c := &campaigns[ci]
		if err := db.CreateCampaign(c); err != nil {
			return err
		}
		rows := earlier
		if ci == len(campaigns)-1 {
			rows = reviewRows - earlier*(len(campaigns)-1)
			reviewCampaign = c.ID
		}
		ns := make([]khenthuong.Nomination, rows)
		for i := range ns {
			ns[i] = g.Nomination(c.ID, forms)
			if ci < len(campaigns)-1 && i%5 < 3 {
				ns[i].Status = khenthuong.StatusApproved
			}
		}
		if err := db.CreateNominations(ns); err != nil {
			return err
		}
		if ci == len(campaigns)-1 {
			break
		}
		byForm := map[string][]uint64{}
		for _, n := range ns {
			if n.Status == khenthuong.StatusApproved {
				byForm[n.FormCode] = append(byForm[n.FormCode], n.ID)
			}
		}
		for fi, f := range forms {
			if len(byForm[f.Code]) == 0 {
				continue
			}
			d := &khenthuong.Decision{CampaignID: c.ID, FormCode: f.Code, Number: fmt.Sprintf("%d/QĐ-UBND", 100+fi),
				Date: khenthuong.Date{Year: c.From.Year, Month: 12, Day: 20}, SignerTitle: "CHỦ TỊCH", SignerName: "Võ Văn Hưng",
				SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.Date{Year: c.From.Year, Month: 12, Day: 10}}
			if err := db.CreateDecision(d, byForm[f.Code]); err != nil {
				return err
			}
			if _, err := db.IssueDecision(d.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

func cleanupReviewBench() {
	if reviewPath != "" {
		_ = os.RemoveAll(filepath.Dir(reviewPath))
	}
}

// BenchmarkWarnings computes the warnings of the 5,000-nomination campaign
// against the 100,000 of the file: Warm is the screen asking again (index
// built, records cached), Cold opens the file first (the search index is
// built and every record decoded by the call).
func BenchmarkWarnings(b *testing.B) {
	path := reviewFile(b)
	b.Run("Warm", func(b *testing.B) {
		db, err := Open(path, Options{NoBackup: true, ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Warnings(reviewCampaign); err != nil {
			b.Fatal(err)
		}
		var n int
		for b.Loop() {
			ws, err := db.Warnings(reviewCampaign)
			if err != nil {
				b.Fatal(err)
			}
			n = len(ws)
		}
		b.ReportMetric(float64(n), "warned")
	})
	// AfterList is the review screen's first call: the nominations screen has
	// listed the campaign (index built, its records decoded), the awards and
	// the other campaigns' records are read by the call.
	b.Run("AfterList", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			db, err := Open(path, Options{NoBackup: true, ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.Nominations(khenthuong.NominationFilter{CampaignID: reviewCampaign}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := db.Warnings(reviewCampaign); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			_ = db.Close()
			b.StartTimer()
		}
	})
	b.Run("Cold", func(b *testing.B) {
		for b.Loop() {
			db, err := Open(path, Options{NoBackup: true, ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.Warnings(reviewCampaign); err != nil {
				b.Fatal(err)
			}
			_ = db.Close()
		}
	})
}

// BenchmarkHistory searches the 100,000 nominations of all campaigns, as the
// Tra cứu screen does while the clerk types (index built, records cached).
func BenchmarkHistory(b *testing.B) {
	path := reviewFile(b)
	db, err := Open(path, Options{NoBackup: true, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	fullName, _ := synth.New(7).Person()
	queries := []struct{ name, q string }{
		{"FullName", fullName},
		{"FamilyAndGiven", "nguyen hung"},
		{"NameAndUnit", "tran thi cong an"},
		{"NoMatch", "zzz"},
		{"Broad", "nguyen"},
	}
	for _, q := range queries {
		if _, err := db.History(q.q); err != nil { // decode the records once, as typing does
			b.Fatal(err)
		}
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var n, awarded int
			for b.Loop() {
				hs, err := db.History(q.q)
				if err != nil {
					b.Fatal(err)
				}
				n, awarded = len(hs), 0
				for _, h := range hs {
					if h.Award != nil {
						awarded++
					}
				}
			}
			b.ReportMetric(float64(n), "rows")
			b.ReportMetric(float64(awarded), "awarded")
		})
	}
}
