package postgres

import (
	"testing"

	"khenthuong/storetest"
)

// TestQueryWithWarningsInParts runs the conformance area of "Chỉ đề nghị có
// cảnh báo" with the campaign computed a name at a time: no relation is lost
// between two parts.
func TestQueryWithWarningsInParts(t *testing.T) {
	defer func(size int) { warnedPart = size }(warnedPart)
	warnedPart = 1
	h := &serverHarness{logins: map[string]string{}}
	t.Cleanup(func() { h.drop(t) })
	storetest.QueryWithWarnings(t, h)
}
