package stats

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/synth"
)

// world is generated data: nominations over several campaigns, some of them
// in issued or draft decisions dated over the years.
type world struct {
	noms  []khenthuong.Nomination
	decs  []khenthuong.Decision
	forms []khenthuong.AwardForm
}

func generate(n int, seed uint64) world {
	g := synth.New(seed)
	rnd := rand.New(rand.NewPCG(seed, 7))
	w := world{forms: synth.Forms(20)}
	w.forms[len(w.forms)-1].Issuer = "Chủ tịch UBND huyện"
	camps := synth.Campaigns(2012, 14)
	w.noms = make([]khenthuong.Nomination, n)
	for i := range w.noms {
		c := uint64(1 + rnd.IntN(len(camps)))
		nm := g.Nomination(c, w.forms)
		nm.ID = uint64(i + 1)
		nm.Status = khenthuong.Statuses[rnd.IntN(len(khenthuong.Statuses))]
		if i%13 == 0 {
			nm.ProposingUnit = "" // falls back to the nominee's unit
		}
		// Dated by the unit's Tờ trình, or else by the day it was recorded, or not at all.
		year := 2012 + rnd.IntN(14)
		switch i % 3 {
		case 0:
			nm.SubmissionDate = khenthuong.Date{Year: year, Month: 1 + rnd.IntN(12), Day: 1 + rnd.IntN(28)}
		case 1:
			nm.CreatedAt = time.Date(year, time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 10, 0, 0, 0, time.Local)
		}
		w.noms[i] = nm
	}
	// Decisions: approved nominations grouped by campaign and form, a few per decision.
	type k struct {
		c    uint64
		form string
	}
	open := map[k]int{} // index in w.decs of the decision being filled
	for i := range w.noms {
		nm := &w.noms[i]
		if nm.Status != khenthuong.StatusApproved {
			continue
		}
		kk := k{nm.CampaignID, nm.FormCode}
		at, ok := open[kk]
		if !ok || len(w.decs[at].Recipients) >= 1+rnd.IntN(40) {
			y := 2011 + int(nm.CampaignID)
			st := khenthuong.DecisionIssued
			if rnd.IntN(8) == 0 {
				st = khenthuong.DecisionDraft
			}
			w.decs = append(w.decs, khenthuong.Decision{ID: uint64(len(w.decs) + 1), CampaignID: nm.CampaignID, FormCode: nm.FormCode,
				Date: khenthuong.Date{Year: y + rnd.IntN(2), Month: 1 + rnd.IntN(12), Day: 1 + rnd.IntN(28)}, Status: st})
			at = len(w.decs) - 1
			open[kk] = at
		}
		d := &w.decs[at]
		d.Recipients = append(d.Recipients, khenthuong.Recipient{NominationID: nm.ID, NomineeID: nm.ID, Nominee: nm.Nominee,
			Amount: int64(1+rnd.IntN(50)) * 10_000})
	}
	return w
}

// expected counts one figure the plain way: every issued decision in the filter and period.
func (w world) recipients(f Filter, keep func(d *khenthuong.Decision, r *khenthuong.Recipient) bool) (n int, amt int64) {
	issuer := map[string]string{}
	for _, fm := range w.forms {
		issuer[fm.Code] = fm.Issuer
	}
	for _, d := range w.decs {
		if d.Status != khenthuong.DecisionIssued {
			continue
		}
		if f.CampaignID != 0 && d.CampaignID != f.CampaignID {
			continue
		}
		if f.FormCode != "" && d.FormCode != f.FormCode {
			continue
		}
		if f.Issuer != "" && issuer[d.FormCode] != f.Issuer {
			continue
		}
		dt := d.Date.Time()
		if !f.From.IsZero() && dt.Before(f.From.Time()) {
			continue
		}
		if !f.To.IsZero() && dt.After(f.To.Time()) {
			continue
		}
		for _, r := range d.Recipients {
			if keep(&d, &r) {
				n++
				amt += r.Amount
			}
		}
	}
	return n, amt
}

func TestSummarize(t *testing.T) {
	w := generate(20_000, 3)
	filters := map[string]Filter{
		"All":         {},
		"Period":      {From: khenthuong.MustDate("2018-04-01"), To: khenthuong.MustDate("2022-06-30")},
		"Campaign":    {CampaignID: 5},
		"Form":        {FormCode: w.forms[2].Code, From: khenthuong.MustDate("2015-01-01")},
		"Issuer":      {Issuer: "Chủ tịch UBND huyện"},
		"EmptyPeriod": {From: khenthuong.MustDate("1990-01-01"), To: khenthuong.MustDate("1990-12-31")},
	}
	for name, f := range filters {
		t.Run(name, func(t *testing.T) {
			s := Summarize(w.noms, w.decs, w.forms, f)
			all := func(*khenthuong.Decision, *khenthuong.Recipient) bool { return true }
			n, amt := w.recipients(f, all)
			if s.Awards != n || s.Bonus != amt {
				t.Errorf("awards %d bonus %d, want %d %d", s.Awards, s.Bonus, n, amt)
			}
			if name != "EmptyPeriod" && n == 0 {
				t.Fatal("the generated data gives nothing to count")
			}
			sumN, sumAmt := 0, int64(0)
			for _, c := range s.ByForm {
				n, amt := w.recipients(f, func(d *khenthuong.Decision, _ *khenthuong.Recipient) bool { return d.FormCode == c.Key })
				if c.Count != n || c.Amount != amt {
					t.Errorf("form %s: %d %d, want %d %d", c.Key, c.Count, c.Amount, n, amt)
				}
				sumN += c.Count
				sumAmt += c.Amount
			}
			if sumN != s.Awards || sumAmt != s.Bonus {
				t.Errorf("forms add up to %d %d, not %d %d", sumN, sumAmt, s.Awards, s.Bonus)
			}
			for _, c := range s.ByKind {
				n, _ := w.recipients(f, func(_ *khenthuong.Decision, r *khenthuong.Recipient) bool { return string(r.Nominee.Kind) == c.Key })
				if c.Count != n {
					t.Errorf("kind %s: %d, want %d", c.Key, c.Count, n)
				}
			}
			// Units: the plain count of every unit, the top ones compared, the rest in "Khác".
			units := map[string]int{}
			prop := map[uint64]string{}
			for _, nm := range w.noms {
				prop[nm.ID] = nm.ProposingUnit
			}
			w.recipients(f, func(_ *khenthuong.Decision, r *khenthuong.Recipient) bool {
				u := prop[r.NominationID]
				if u == "" {
					u = r.Nominee.Unit
				}
				if u == "" {
					u = r.Nominee.Address
				}
				units[u]++
				return true
			})
			rest := 0
			for _, c := range units {
				rest += c
			}
			for i, c := range s.ByUnit {
				if c.Label == OtherUnits && i == len(s.ByUnit)-1 && len(units) > TopUnits {
					if c.Count != rest {
						t.Errorf("Khác: %d, want %d", c.Count, rest)
					}
					continue
				}
				if units[c.Key] != c.Count {
					t.Errorf("unit %q: %d, want %d", c.Key, c.Count, units[c.Key])
				}
				if i > 0 && s.ByUnit[i-1].Count < c.Count {
					t.Errorf("unit %q above a smaller one", c.Key)
				}
				rest -= c.Count
			}
			if len(units) > TopUnits && len(s.ByUnit) != TopUnits+1 {
				t.Errorf("%d unit rows for %d units", len(s.ByUnit), len(units))
			}
			women, _ := w.recipients(f, func(_ *khenthuong.Decision, r *khenthuong.Recipient) bool {
				return r.Nominee.Kind == khenthuong.Individual && r.Nominee.Gender == khenthuong.Female
			})
			people, _ := w.recipients(f, func(_ *khenthuong.Decision, r *khenthuong.Recipient) bool {
				return r.Nominee.Kind == khenthuong.Individual
			})
			if s.Women != women || s.Individuals != people {
				t.Errorf("women %d of %d, want %d of %d", s.Women, s.Individuals, women, people)
			}
			if people > 0 && fmt.Sprintf("%.6f", s.WomenPercent) != fmt.Sprintf("%.6f", float64(women)*100/float64(people)) {
				t.Errorf("women %v%%", s.WomenPercent)
			}
			for _, c := range s.ByGender {
				n, _ := w.recipients(f, func(_ *khenthuong.Decision, r *khenthuong.Recipient) bool {
					return r.Nominee.Kind == khenthuong.Individual && string(r.Nominee.Gender) == c.Key
				})
				if c.Count != n {
					t.Errorf("gender %q: %d, want %d", c.Key, c.Count, n)
				}
			}
			colls, _ := w.recipients(f, func(_ *khenthuong.Decision, r *khenthuong.Recipient) bool {
				return r.Nominee.Kind == khenthuong.Collective
			})
			if s.Collectives != colls {
				t.Errorf("collectives %d, want %d", s.Collectives, colls)
			}
			pc := 0.0
			for _, c := range s.ByClassification {
				n, _ := w.recipients(f, func(_ *khenthuong.Decision, r *khenthuong.Recipient) bool {
					return r.Nominee.Kind == khenthuong.Collective && r.Nominee.Classification == c.Key
				})
				if c.Count != n {
					t.Errorf("classification %q: %d, want %d", c.Key, c.Count, n)
				}
				pc += c.Percent
			}
			if colls > 0 && (pc < 99.999 || pc > 100.001) {
				t.Errorf("classification percentages add up to %v", pc)
			}
			// Nominations by status: counted from the nominations directly.
			for _, c := range s.ByStatus {
				n := 0
				for _, nm := range w.noms {
					date := nm.SubmissionDate
					if date.IsZero() && !nm.CreatedAt.IsZero() {
						date = khenthuong.DateOf(nm.CreatedAt)
					}
					inPeriod := f.From.IsZero() && f.To.IsZero() ||
						!date.IsZero() && (f.From.IsZero() || !date.Before(f.From)) && (f.To.IsZero() || !f.To.Before(date))
					if string(nm.Status) == c.Key && inPeriod && (f.CampaignID == 0 || nm.CampaignID == f.CampaignID) &&
						(f.FormCode == "" || nm.FormCode == f.FormCode) && (f.Issuer == "" || nm.FormCode == w.forms[len(w.forms)-1].Code) {
						n++
					}
				}
				if c.Count != n {
					t.Errorf("status %s: %d, want %d", c.Key, c.Count, n)
				}
			}
			// Years: the ten years up to the period's end, the period's start ignored.
			if len(s.ByYear) != Years && n > 0 {
				t.Errorf("%d years", len(s.ByYear))
			}
			for _, c := range s.ByYear {
				y, _ := strconv.Atoi(c.Key)
				yf := f
				yf.From = khenthuong.Date{Year: y, Month: 1, Day: 1}
				if yf.To.IsZero() || yf.To.Year > y {
					yf.To = khenthuong.Date{Year: y, Month: 12, Day: 31}
				}
				n, amt := w.recipients(yf, func(*khenthuong.Decision, *khenthuong.Recipient) bool { return true })
				if c.Count != n || c.Amount != amt {
					t.Errorf("year %d: %d %d, want %d %d", y, c.Count, c.Amount, n, amt)
				}
			}
		})
	}
}

func TestFormatPercent(t *testing.T) {
	for _, tc := range []struct {
		p    float64
		want string
	}{{52.345, "52,3%"}, {100, "100%"}, {0, "0%"}, {12.96, "13%"}} {
		if got := FormatPercent(tc.p); got != tc.want {
			t.Errorf("FormatPercent(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

// BenchmarkSummarize is the dashboard's refresh over 100,000 nominations in
// memory (loading them from the store is the store's benchmark).
func BenchmarkSummarize(b *testing.B) {
	w := generate(100_000, 1)
	n := 0
	for _, d := range w.decs {
		n += len(d.Recipients)
	}
	for b.Loop() {
		Summarize(w.noms, w.decs, w.forms, Filter{})
	}
	b.ReportMetric(float64(n), "awards")
}
