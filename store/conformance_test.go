package store

import (
	"path/filepath"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/storetest"
)

// fileHarness runs the conformance suite on a new data file per store.
type fileHarness struct{}

func (fileHarness) Open(t *testing.T, user string, now func() time.Time) khenthuong.Services {
	return openAt(t, filepath.Join(t.TempDir(), "khenthuong.db"), Options{Now: now, User: user, Timeout: 2 * time.Second})
}

func TestConformance(t *testing.T) { storetest.Run(t, fileHarness{}) }
