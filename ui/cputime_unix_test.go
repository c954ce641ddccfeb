//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used so far (every
// thread: the collector's work is counted), steadier than the wall time on
// a machine shared with other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
