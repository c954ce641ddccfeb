//go:build linux

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/roster"
	"khenthuong/store"
	"khenthuong/synth/scale"
)

// BenchmarkYearsCLI runs the real binary on the data file a clerk reaches
// after years (package scale: 100,000 and 300,000 nominations reviewed and
// issued) and reports, per command, the wall time and the peak resident
// memory of the whole process (MB-peak, measured by GNU time). Write
// commands run without the automatic backup at open
// (KHENTHUONG_BENCH_NO_BACKUP=1), which is being replaced by one a day.
func BenchmarkYearsCLI(b *testing.B) {
	bin := yearsBinary(b)
	for _, n := range []int{100_000, 300_000} {
		dir := b.TempDir()
		path, err := scale.Copy(n, dir)
		if err != nil {
			b.Fatal(err)
		}
		ids := yearsIDs(b, path)
		out := func(name string) string { return filepath.Join(dir, name) }
		dec := strconv.FormatUint(ids.decision, 10)
		rss := out("rss.txt")
		for _, c := range []struct {
			name string
			args []string
		}{
			{"ListNominationsJSON", []string{"list", "nominations", "--json"}},
			{"ListDecisions", []string{"list", "decisions"}},
			{"Search", []string{"search", "nguyen van"}},
			{"History", []string{"history", "nguyen van an"}},
			{"ExportCampaign", []string{"export", "--campaign", strconv.FormatUint(ids.campaign, 10), "-o", out("dot.xlsx")}},
			{"ExportDecision", []string{"export", "--decision", dec, "-o", out("qd.xlsx")}},
			{"PrintPayments", []string{"print", "payments", "--decision", dec, "-o", out("chi.pdf")}},
			{"PrintDecision", []string{"print", "decision", "--decision", dec, "-o", out("qd.pdf")}},
			{"PrintList", []string{"print", "list", "--decision", dec, "-o", out("ds.pdf")}},
			{"Report", []string{"report", "--from", "2020-01-01", "--to", "2029-12-31", "-o", out("bc.pdf")}},
			{"Check", []string{"check"}},
			{"Backup", []string{"backup", "-o", out("saoluu.db")}},
			{"ApproveOne", nil}, // alternates approve and defer
			{"NewCampaign", []string{"campaign", "new", "--name", "Đợt mới"}},
			{"Import10000", []string{"import", yearsList(b, 10_000), "--campaign", strconv.FormatUint(ids.campaign, 10)}},
			{"Import100000", []string{"import", yearsList(b, 100_000), "--campaign", strconv.FormatUint(ids.campaign, 10)}},
			{"Import30000", []string{"import", yearsList(b, 30_000), "--campaign", strconv.FormatUint(ids.campaign, 10)}},
		} {
			b.Run(fmt.Sprintf("%d/%s", n, c.name), func(b *testing.B) {
				var peak int64
				var cpu float64 // seconds of processor time of the command, user and system
				for i := 0; b.Loop(); i++ {
					args := c.args
					if args == nil {
						flag := "--approve"
						if i%2 == 1 {
							flag = "--defer"
						}
						args = []string{"review", "--campaign", strconv.FormatUint(ids.rejectedCampaign, 10), flag, strconv.FormatUint(ids.rejected, 10)}
					}
					// GNU time forks a small process to run the command, whose
					// peak is the command's own (a child of this process would
					// start with this process's pages counted).
					cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M %U %S", "-o", rss, bin, "--db", path}, args...)...)
					cmd.Env = append(os.Environ(), "KHENTHUONG_BENCH_NO_BACKUP=1")
					if msg, err := cmd.CombinedOutput(); err != nil && c.name != "Check" {
						b.Fatalf("%v: %v\n%.2000s", args, err, msg)
					}
					kb, err := os.ReadFile(rss)
					if err != nil {
						b.Fatal(err)
					}
					f := strings.Fields(string(kb))
					v, _ := strconv.ParseInt(f[0], 10, 64)
					peak = max(peak, v)
					for _, t := range f[1:] {
						s, _ := strconv.ParseFloat(t, 64)
						cpu += s
					}
				}
				b.ReportMetric(float64(peak)/1024, "MB-peak")
				if rows, ok := strings.CutPrefix(c.name, "Import"); ok {
					n, _ := strconv.Atoi(rows)
					b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/row")
					// The machine is shared: the processor time is the steadier figure.
					b.ReportMetric(cpu*1e6/float64(b.N*n), "cpu-µs/row")
				}
			})
		}
	}
}

// yearsList writes, once, a unit's list of n rows as a CSV to import.
func yearsList(b *testing.B, n int) string {
	path := filepath.Join(os.TempDir(), "khenthuong-scale", fmt.Sprintf("list-%d.csv", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ns, err := scale.Nominations(1, n)
	if err != nil {
		b.Fatal(err)
	}
	err = atomicfile.Write(path, func(w io.Writer) error {
		return roster.WriteCSV(w, roster.CampaignRows(ns), roster.ExportOptions{Forms: scale.Forms, Sep: ','})
	})
	if err != nil {
		b.Fatal(err)
	}
	return path
}

var (
	yearsBinOnce sync.Once
	yearsBin     string
	yearsBinErr  error
)

// yearsBinary builds the binary once per benchmark run.
func yearsBinary(b *testing.B) string {
	yearsBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "khenthuong-bin-")
		if err != nil {
			yearsBinErr = err
			return
		}
		yearsBin = filepath.Join(dir, "khenthuong")
		msg, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", yearsBin, ".").CombinedOutput()
		if err != nil {
			yearsBinErr = fmt.Errorf("%v: %s", err, msg)
		}
	})
	if yearsBinErr != nil {
		b.Fatal(yearsBinErr)
	}
	return yearsBin
}

// yearsRefs are the records the commands name.
type yearsRefs struct {
	campaign         uint64 // the newest campaign
	decision         uint64 // the decision with the most recipients
	rejected         uint64 // a rejected nomination, to approve and defer
	rejectedCampaign uint64
}

func yearsIDs(b *testing.B, path string) yearsRefs {
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var r yearsRefs
	cs, err := db.Campaigns()
	if err != nil || len(cs) == 0 {
		b.Fatal(err)
	}
	r.campaign = cs[0].ID
	ds, err := db.DecisionSummaries(0)
	if err != nil {
		b.Fatal(err)
	}
	most := 0
	for _, d := range ds {
		if d.RecipientCount > most {
			most, r.decision = d.RecipientCount, d.ID
		}
	}
	stop := fmt.Errorf("stop")
	err = db.EachNomination(khenthuong.NominationFilter{CampaignID: r.campaign, Status: khenthuong.StatusRejected}, func(n *khenthuong.Nomination) error {
		r.rejected, r.rejectedCampaign = n.ID, n.CampaignID
		return stop
	})
	if err != stop {
		b.Fatal("no rejected nomination", err)
	}
	return r
}
