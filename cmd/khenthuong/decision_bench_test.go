//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khenthuong/synth/scale"
)

// BenchmarkBigDecisionCLI runs the print commands on the example: a
// decision of n recipients (2,000, 100,000, 300,000) in a file of n
// nominations (scale.DecisionFile), reporting the peak resident memory of
// the whole process (MB-peak, GNU time) as BenchmarkYearsCLI does.
func BenchmarkBigDecisionCLI(b *testing.B) {
	bin := yearsBinary(b)
	for _, n := range []int{2_000, 100_000, 300_000} {
		dir := b.TempDir()
		path, err := scale.CopyDecision(n, dir)
		if err != nil {
			b.Fatal(err)
		}
		out := func(name string) string { return filepath.Join(dir, name) }
		for _, c := range []struct {
			name string
			args []string
		}{
			{"PrintDecision", []string{"print", "decision", "--decision", "1", "-o", out("qd.pdf")}},
			{"PrintList", []string{"print", "list", "--decision", "1", "-o", out("ds.pdf")}},
			{"PrintListTable", []string{"print", "list", "--table", "--decision", "1", "-o", out("dsb.pdf")}},
			{"PrintPayments", []string{"print", "payments", "--decision", "1", "-o", out("chi.pdf")}},
			{"PrintPaymentsXLSX", []string{"print", "payments", "--decision", "1", "-o", out("chi.xlsx")}},
			{"PrintRunSheet", []string{"print", "runsheet", "--decision", "1", "-o", out("ks.pdf")}},
			{"PrintCertificates", []string{"print", "certificates", "--decision", "1", "-o", out("bk.pdf")}},
			{"ExportDecision", []string{"export", "--decision", "1", "-o", out("qd.xlsx")}},
		} {
			b.Run(fmt.Sprintf("%d/%s", n, c.name), func(b *testing.B) {
				rss := out("rss.txt")
				var peak int64
				for b.Loop() {
					cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", rss, bin, "--db", path}, c.args...)...)
					cmd.Env = append(os.Environ(), "KHENTHUONG_BENCH_NO_BACKUP=1")
					if msg, err := cmd.CombinedOutput(); err != nil {
						b.Fatalf("%v: %v\n%.2000s", c.args, err, msg)
					}
					kb, err := os.ReadFile(rss)
					if err != nil {
						b.Fatal(err)
					}
					v, _ := strconv.ParseInt(strings.TrimSpace(string(kb)), 10, 64)
					peak = max(peak, v)
				}
				b.ReportMetric(float64(peak)/1024, "MB-peak")
			})
		}
	}
}
