package main

import (
	"os"
	"runtime/debug"
)

// exportMemoryLimit is the soft limit of the Go heap while a roster (of a
// campaign or a decision) is exported: the rows and the workbook are a few
// tens of megabytes for 30,000 nominations (streamed, a chunk of rows), but
// at Go's default pace the heap grows to twice what is kept before a
// collection, and with the data file's mapped pages the export reached
// 188-191 MB in a file of 300,000 nominations (131 MB with the limit). Near
// the limit the collector runs sooner. It is not set for prints: a decision
// of 100,000 recipients keeps far more than the limit, and the collector
// running without end tripled their processor time.
const exportMemoryLimit = 96 << 20

// limitExportMemory sets exportMemoryLimit unless GOMEMLIMIT says otherwise.
func limitExportMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(exportMemoryLimit)
	}
}
