//go:build linux

package store_test

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/synth"
	"khenthuong/synth/scale"
)

// BenchmarkYearsImportStream imports n rows into the file after years with
// ImportNominations, the rows made one at a time as a list being read gives
// them: the time per row must not grow with n, nor the memory. It reports the
// peak of the live heap (peak-MB, sampled every 5 ms) and of the process's
// resident set during the import (MB-rss: the kernel's high-water mark,
// reset before the import).
func BenchmarkYearsImportStream(b *testing.B) {
	for _, rows := range []int{10_000, 100_000, 300_000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			db := yearsCopy(b, 100_000)
			var cpu time.Duration
			var heap, rss uint64
			for b.Loop() {
				b.StopTimer()
				c := &khenthuong.Campaign{Name: "Đợt nhập"}
				if err := db.CreateCampaign(c); err != nil {
					b.Fatal(err)
				}
				g := synth.New(7)
				list := func(yield func(*khenthuong.Nomination, error) bool) {
					for range rows {
						n := g.Nomination(c.ID, scale.Forms)
						if !yield(&n, nil) {
							return
						}
					}
				}
				runtime.GC()
				resetPeakRSS()
				b.StartTimer()
				start := cpuTime()
				var ids []uint64
				h := peakHeap(func() {
					var err error
					if ids, err = db.ImportNominations(list); err != nil {
						b.Fatal(err)
					}
				})
				cpu += cpuTime() - start
				if len(ids) != rows {
					b.Fatalf("%d IDs", len(ids))
				}
				heap, rss = max(heap, h), max(rss, peakRSS())
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*rows), "µs/row")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*rows), "cpu-µs/row")
			b.ReportMetric(float64(heap)/(1<<20), "peak-MB")
			b.ReportMetric(float64(rss)/(1<<20), "MB-rss")
		})
	}
}

// peakHeap runs fn and returns the largest heap in use seen meanwhile.
func peakHeap(fn func()) uint64 {
	var peak uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	return peak
}

// resetPeakRSS sets the kernel's high-water mark of this process's resident
// set back to its current size (Linux 4.0 and later).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the high-water mark of the resident set, in bytes.
func peakRSS() uint64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
