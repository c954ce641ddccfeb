package vntext

import (
	"bytes"
	"slices"
	"testing"
	"time"
)

func BenchmarkFold(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"Name", "Nguyễn Thị Như Quỳnh"},
		{"Unit", "Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp"},
		{"NFD", "Nguye\u0302\u0303n Thi\u0323 Nhu\u031b Quy\u0300nh"},
		{"ASCII", "Nguyen Thi Nhu Quynh"},
		{"AlreadyFolded", "nguyen thi nhu quynh"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Fold(bc.in)
			}
		})
	}
}

func BenchmarkClean(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Clean("  Nguyễn  Thị Như\u00a0Quỳnh ")
	}
}

func BenchmarkCompare(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Compare("Nguyễn Thị Như Quỳnh", "Nguyễn Thị Như Quyên")
	}
}

func BenchmarkSortKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		SortKey("Nguyễn Thị Như Quỳnh")
	}
}

func BenchmarkNameSortKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NameSortKey("Nguyễn Thị Như Quỳnh")
	}
}

// BenchmarkSort100kNames is the start-up case: compute the keys of 100,000
// people once, then sort by them. The target is under 300 ms per operation.
func BenchmarkSort100kNames(b *testing.B) {
	names := realNames(b, 100_000)
	for _, bc := range []struct {
		name string
		key  func(string) []byte
	}{{"SortKey", SortKey}, {"NameSortKey", NameSortKey}} {
		b.Run(bc.name, func(b *testing.B) {
			var keysTime time.Duration
			cpuStart := cpuTime()
			for b.Loop() {
				start := time.Now()
				type row struct {
					key  []byte
					name string
				}
				rows := make([]row, len(names))
				for i, n := range names {
					rows[i] = row{bc.key(n), n}
				}
				keysTime += time.Since(start)
				slices.SortFunc(rows, func(x, y row) int { return bytes.Compare(x.key, y.key) })
			}
			b.ReportMetric(float64(keysTime.Milliseconds())/float64(b.N), "ms-keys/op")
			// CPU time, GC included: on a shared machine wall time also
			// counts the time other processes held the CPU.
			b.ReportMetric(float64((cpuTime()-cpuStart).Milliseconds())/float64(b.N), "ms-cpu/op")
		})
	}
}

func BenchmarkFold100kNames(b *testing.B) {
	names := realNames(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			Fold(n)
		}
	}
}

func BenchmarkDetectEncoding(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"Unicode", "Nguyễn Thị Như Quỳnh"},
		{"TCVN3", "NguyÔn ThÞ Nh\u00ad Quúnh"},
		{"VNI", "Nguyeãn Thò Nhö Quyønh"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				DetectEncoding(bc.in, "")
			}
		})
	}
}
