package postgres

import (
	"testing"
	"time"

	"khenthuong"
	"khenthuong/storetest"
)

// serverHarness runs the conformance suite on a new, initialised database per store.
type serverHarness struct{}

func (serverHarness) Open(t *testing.T, user string, now func() time.Time) khenthuong.Services {
	return openStore(t, initDatabase(t), Options{Now: now, User: user})
}

func TestConformance(t *testing.T) { storetest.Run(t, serverHarness{}) }
