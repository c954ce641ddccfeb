package certificates

import (
	"bytes"
	"errors"
	"testing"

	"khenthuong"
)

// The .docx of a decision read from a stream is the same file as from the
// recipients held, list or table; a stream that fails or changes between
// its reads stops it with nothing written.
func TestStreamedDecisionDOCX(t *testing.T) {
	d := interleaved(mixDecision("BKCT", 81, 7, 25, 4, true))
	for _, table := range []bool{false, true} {
		opts := DecisionOptions{ListTable: table}
		var held, fromStream bytes.Buffer
		if err := WriteDecisionDOCX(&held, streamDoc(d, nil), opts); err != nil {
			t.Fatal(err)
		}
		s := &streamed{}
		if err := WriteDecisionDOCX(&fromStream, streamDoc(d, s), opts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fromStream.Bytes(), held.Bytes()) {
			t.Errorf("table %v: the streamed .docx differs from the held one", table)
		}
		// Counting, then a read per kind (and one for the table's widths).
		if want := 1 + 3 + map[bool]int{false: 0, true: 3}[table]; s.passes != want {
			t.Errorf("table %v: %d reads of the stream, want %d", table, s.passes, want)
		}
	}
	boom := errors.New("disk gone")
	n := len(d.Recipients)
	for _, c := range []struct {
		name string
		s    streamed
		want func(error) bool
	}{
		{"FirstRead", streamed{fail: boom, failAt: 3}, func(err error) bool { return errors.Is(err, boom) }},
		{"WhileWriting", streamed{fail: boom, failAt: 2*n + n/2}, func(err error) bool { return errors.Is(err, boom) }},
		{"Changed", streamed{shortAfter: 1}, func(err error) bool { return khenthuong.ErrorCode(err) == khenthuong.ECONFLICT }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			s := c.s
			err := WriteDecisionDOCX(&buf, streamDoc(d, &s), DecisionOptions{})
			if !c.want(err) {
				t.Fatalf("error = %v", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written after the error", buf.Len())
			}
		})
	}
}
