// Package storetest is the conformance suite of the services contract: every
// behaviour of khenthuong.Services written once and run against each store (the
// bbolt data file, the PostgreSQL office server), in the manner of the Go CDK's
// drivertest. A store's own test builds a Harness and calls Run; only what is
// truly specific to one store (file locks, connection loss, roles) is tested
// beside it. Errors are compared by code, never by message.
package storetest

import (
	"sort"
	"sync"
	"testing"
	"time"

	"khenthuong"
)

// Harness makes stores for the suite.
type Harness interface {
	// Open returns a new, empty store as a new office starts with it (the seeded
	// catalogue and default settings), whose clock is now and whose audit user is
	// user. The store is closed by the harness through t.Cleanup.
	Open(t *testing.T, user string, now func() time.Time) khenthuong.Services
}

// area is one part of the contract, tested as one subtest.
type area struct {
	name string
	run  func(t *testing.T, h Harness)
}

var (
	areasMu sync.Mutex
	areas   []area
)

// register adds an area to the suite; each area lives in a file of its own.
func register(name string, run func(t *testing.T, h Harness)) {
	areasMu.Lock()
	defer areasMu.Unlock()
	areas = append(areas, area{name, run})
}

// Run runs every area of the suite against the harness's store, in name order.
func Run(t *testing.T, h Harness) {
	areasMu.Lock()
	list := append([]area(nil), areas...)
	areasMu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].name < list[j].name })
	for _, a := range list {
		t.Run(a.name, func(t *testing.T) { a.run(t, h) })
	}
}
