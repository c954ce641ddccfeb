//go:build linux

package stress

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"khenthuong/store"
	"khenthuong/stress/hostile"
)

// BenchmarkCLIFirstWriteOfDay100k: the first write of the day on a file of
// 100,000 nominations, which first checks the file and writes its compressed
// backup (once a day); MB-backup is the backup's size.
func BenchmarkCLIFirstWriteOfDay100k(b *testing.B) {
	src := bigFile(b)
	var rss float64
	var size int64
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		path := filepath.Join(dir, "khenthuong.db")
		copyFile(b, src, path)
		b.StartTimer()
		rss = max(rss, runMeasured(b, "--db", path, "campaign", "new", "--name", "Đợt mới"))
		b.StopTimer()
		bs, err := store.BackupsOf(path)
		if err != nil || len(bs) != 1 {
			b.Fatalf("backups %v (%v)", bs, err)
		}
		fi, err := os.Stat(bs[0])
		must(b, err)
		size = fi.Size()
		b.StartTimer()
	}
	b.ReportMetric(rss, "MB-rss")
	b.ReportMetric(float64(size)/(1<<20), "MB-backup")
}

// BenchmarkCLIWrite100k: any later write of the day (the backup is taken):
// start, open, one new campaign. It never copies the file.
func BenchmarkCLIWrite100k(b *testing.B) {
	src := bigFile(b)
	path := filepath.Join(b.TempDir(), "khenthuong.db")
	copyFile(b, src, path)
	db, err := store.Open(path, store.Options{})
	must(b, err)
	_, err = db.DailyBackup()
	must(b, err)
	must(b, db.Close())
	var rss float64
	for b.Loop() {
		rss = max(rss, runMeasured(b, "--db", path, "campaign", "new", "--name", "Đợt mới"))
	}
	b.ReportMetric(rss, "MB-rss")
}

// BenchmarkHostileImport: each hostile file of issue 17 given to `import
// --dry-run`; time per refusal and the process's peak memory.
func BenchmarkHostileImport(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	c := newDataFile(b, path)
	for _, h := range []struct {
		name string
		data func() []byte
	}{
		{"HugeCell390MB.xlsx", func() []byte { return hostile.HugeCellXLSX(390 << 20) }},
		{"OneCell50MB.csv", func() []byte { return hostile.OneCellCSV(50 << 20) }},
		{"OneLine50MB.csv", func() []byte { return hostile.OneLineCSV(50 << 20) }},
		{"Repeat1e9.ods", func() []byte { return hostile.RepeatODS(4) }},
		{"Nested3000.ods", func() []byte { return hostile.NestedODS(3000) }},
		{"Nested3000.xls", func() []byte { return hostile.NestedSpreadsheetML(3000) }},
		{"NestedHTML.xls", func() []byte { return hostile.NestedHTML(900) }},
	} {
		b.Run(h.name, func(b *testing.B) {
			file := filepath.Join(dir, h.name)
			data := h.data()
			must(b, os.WriteFile(file, data, 0o600))
			b.ReportMetric(float64(len(data))/1024, "KB-file")
			var rss float64
			var worst time.Duration
			for b.Loop() {
				start := time.Now()
				r := cli(b, path, "import", file, "--campaign", "1", "--dry-run")
				worst = max(worst, time.Since(start))
				if r.code == 0 {
					b.Fatalf("%s was not refused", h.name)
				}
				rss = max(rss, runRefused(b, "--db", path, "import", file, "--campaign", "1", "--dry-run"))
			}
			_ = c
			b.ReportMetric(rss, "MB-rss")
			b.ReportMetric(worst.Seconds(), "s-worst")
		})
	}
}

// runRefused is runMeasured for a command that must fail: its peak memory in MB.
func runRefused(b *testing.B, args ...string) float64 { return rssOf(b, false, args...) }
