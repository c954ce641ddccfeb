package main

import (
	"os"
	"runtime/debug"
)

// readMemoryLimit is the soft limit of the Go heap for the commands that
// read without writing (list, search, history, export, print, report). What
// they keep is a few tens of megabytes (the search index of 300,000
// nominations is 85 MB), but at Go's default pace the heap grows to twice
// what is kept before a collection, and with the data file's mapped pages a
// search of 300,000 nominations reached 212 MB. Near the limit the collector
// runs sooner; a command that keeps more (the print of a decision of 100,000
// recipients) still gets it, collecting more often.
const readMemoryLimit = 96 << 20

// limitReadMemory sets readMemoryLimit unless GOMEMLIMIT says otherwise.
func limitReadMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(readMemoryLimit)
	}
}
