package ui

import (
	"os"
	"runtime/debug"
)

// windowGCPercent is the collector's pace in the window. The window keeps
// the data file's search index (60 MB for 200,000 nominations); at Go's
// default pace (100) the heap grows to twice what is kept before each
// collection, so a sort that reads a campaign of 100,000 took the process to
// 214 MB of its own memory, 267 MB with the file's mapped pages. At 50 the
// heap grows by half: 184 MB, for about 5 % more processor time at start and
// in such a sort. A pace rather than a memory limit: the index grows with
// the file, and a fixed limit under it would have the collector run without
// end (docs/performance.md, "The window under 300 MB").
const windowGCPercent = 50

// paceCollector sets windowGCPercent unless GOGC says otherwise.
func paceCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(windowGCPercent)
	}
}
