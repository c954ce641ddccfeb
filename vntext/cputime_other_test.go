//go:build !unix

package vntext

import "time"

// cpuTime is not measured here: benchmarks report 0 ms-cpu/op.
func cpuTime() time.Duration { return 0 }
