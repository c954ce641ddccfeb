//go:build linux

package stress

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

// The benchmarks of the whole program share one 100,000-nomination file,
// made once per test binary.
var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

func bigFile(b *testing.B) string {
	b.Helper()
	bigOnce.Do(func() {
		start := time.Now()
		dir, err := os.MkdirTemp("", "khenthuong-bench-")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "khenthuong.db")
		db, err := store.Open(bigPath, store.Options{NoBackup: true})
		if err != nil {
			bigErr = err
			return
		}
		defer db.Close()
		forms := synth.Forms(20)
		for i := range forms {
			if bigErr = db.SaveForm(&forms[i]); bigErr != nil {
				return
			}
		}
		g := synth.New(1)
		for _, c := range synth.Campaigns(2016, 10) {
			if bigErr = db.CreateCampaign(&c); bigErr != nil {
				return
			}
			ns := make([]khenthuong.Nomination, 10_000)
			for i := range ns {
				ns[i] = g.Nomination(c.ID, forms)
			}
			if bigErr = db.CreateNominations(ns); bigErr != nil {
				return
			}
		}
		b.Logf("the 100,000-nomination file took %v to generate", time.Since(start))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// runMeasured runs the binary (through the helper, see rssHelperEnv) and returns its maximum resident set in MB.
func runMeasured(b *testing.B, args ...string) float64 { return rssOf(b, true, args...) }

// rssOf runs the binary through the helper, which prints the peak resident
// set also for a command that fails; ok says which outcome is expected.
func rssOf(b *testing.B, ok bool, args ...string) float64 {
	b.Helper()
	cmd := exec.Command(os.Args[0], append([]string{bin}, args...)...)
	cmd.Env = append(childEnv(), rssHelperEnv+"=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if (err == nil) != ok {
		b.Fatalf("%v: exit %v, want success %v\n%s", args, err, ok, errb.Bytes())
	}
	kb, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		b.Fatalf("rss helper: %q: %v", out, err)
	}
	return kb / 1024 // kilobytes on Linux
}

// BenchmarkCLIListCampaigns100k starts the CLI on a file of 100,000
// nominations: open, indexes loaded, one listing; MB-rss is the process's peak
// resident memory.
func BenchmarkCLIListCampaigns100k(b *testing.B) {
	path := bigFile(b)
	var rss float64
	for b.Loop() {
		rss = max(rss, runMeasured(b, "--db", path, "list", "campaigns"))
	}
	b.ReportMetric(rss, "MB-rss")
}

// BenchmarkCLISearch100k: the CLI started for one search over 100,000.
func BenchmarkCLISearch100k(b *testing.B) {
	path := bigFile(b)
	var rss float64
	for b.Loop() {
		rss = max(rss, runMeasured(b, "--db", path, "search", "nguyen van hung"))
	}
	b.ReportMetric(rss, "MB-rss")
}

// BenchmarkCLIImport10000 imports a 10,000-row .xlsx end to end with the
// binary: reading, cleaning, checks, duplicates against the file, the backup
// at open and the commit.
func BenchmarkCLIImport10000(b *testing.B) {
	dir := b.TempDir()
	base := filepath.Join(dir, "base.db")
	c := newDataFile(b, base)
	xlsx := filepath.Join(dir, "10000.xlsx")
	writeXLSX(b, xlsx, 10_000, 11)
	var rss float64
	i := 0
	for b.Loop() {
		b.StopTimer()
		db := filepath.Join(dir, "run"+strconv.Itoa(i)+".db")
		i++
		copyFile(b, base, db)
		b.StartTimer()
		rss = max(rss, runMeasured(b, "--db", db, "import", xlsx, "--campaign", strconv.FormatUint(c.ID, 10)))
	}
	b.ReportMetric(rss, "MB-rss")
}
