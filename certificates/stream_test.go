package certificates

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"khenthuong"
	"khenthuong/page"
)

// interleaved puts d's recipients in a mixed order of kinds, as a clerk's
// list often is, so that reading a stream a kind at a time matters.
func interleaved(d *khenthuong.Decision) *khenthuong.Decision {
	rs := d.Recipients
	out := make([]khenthuong.Recipient, 0, len(rs))
	for step := range 3 {
		for i := step; i < len(rs); i += 3 {
			out = append(out, rs[i])
		}
	}
	d.Recipients = out
	return d
}

// streamed is d without its recipients and a stream giving them, failing
// with fail (when not nil) at the recipient number failAt counted over
// every pass, and giving only the first shortAfter passes whole.
type streamed struct {
	rs         []khenthuong.Recipient
	fail       error
	failAt     int
	shortAfter int
	read       int
	passes     int
}

func (s *streamed) stream(fn func(*khenthuong.Recipient) error) error {
	s.passes++
	rs := s.rs
	if s.shortAfter > 0 && s.passes > s.shortAfter {
		rs = rs[:len(rs)-1] // a recipient removed meanwhile
	}
	for i := range rs {
		s.read++
		if s.fail != nil && s.read == s.failAt {
			return s.fail
		}
		if err := fn(&rs[i]); err != nil {
			return err
		}
	}
	return nil
}

// withoutRecipients is a copy of d whose recipients come from s.
func withoutRecipients(d *khenthuong.Decision, s *streamed) khenthuong.Decision {
	s.rs = d.Recipients
	c := *d
	c.Recipients = nil
	return c
}

// printDoc is one document of a decision, from the recipients in memory or streamed.
type printDoc struct {
	name string
	// firstReads is how many passes read the recipients before the layout's
	// own (counting, and the payment list's totals).
	firstReads int
	pages      func(d *khenthuong.Decision, s *streamed) ([]page.Page, error)
	write      func(w *bytes.Buffer, d *khenthuong.Decision, s *streamed) error
}

func streamDoc(d *khenthuong.Decision, s *streamed) DecisionDoc {
	doc := DecisionDoc{Decision: d, Form: testForm(d.FormCode), Settings: testSettings()}
	if s != nil {
		c := withoutRecipients(d, s)
		doc.Decision, doc.Stream = &c, s.stream
	}
	return doc
}

func paymentsDoc(ds []*khenthuong.Decision, ss []*streamed) PaymentsDoc {
	doc := PaymentsDoc{Forms: testForms(), Settings: testSettings()}
	for i, d := range ds {
		if ss != nil {
			doc.Decisions = append(doc.Decisions, withoutRecipients(d, ss[i]))
		} else {
			doc.Decisions = append(doc.Decisions, *d)
		}
	}
	if ss != nil {
		doc.Recipients = func(i int) RecipientStream { return ss[i].stream }
	}
	return doc
}

var printDocs = []printDoc{
	{"Decision", 1,
		func(d *khenthuong.Decision, s *streamed) ([]page.Page, error) {
			return DecisionPages(streamDoc(d, s), DecisionOptions{})
		},
		func(w *bytes.Buffer, d *khenthuong.Decision, s *streamed) error {
			return WriteDecision(w, streamDoc(d, s), DecisionOptions{})
		}},
	{"DecisionTableMarked", 1,
		func(d *khenthuong.Decision, s *streamed) ([]page.Page, error) {
			return DecisionPages(streamDoc(d, s), DecisionOptions{ListTable: true, MarkBlanks: true})
		},
		func(w *bytes.Buffer, d *khenthuong.Decision, s *streamed) error {
			return WriteDecision(w, streamDoc(d, s), DecisionOptions{ListTable: true})
		}},
	{"List", 1,
		func(d *khenthuong.Decision, s *streamed) ([]page.Page, error) {
			return ListPages(streamDoc(d, s), false)
		},
		func(w *bytes.Buffer, d *khenthuong.Decision, s *streamed) error {
			return WriteList(w, streamDoc(d, s), false)
		}},
	{"ListTable", 1,
		func(d *khenthuong.Decision, s *streamed) ([]page.Page, error) {
			return ListPages(streamDoc(d, s), true)
		},
		func(w *bytes.Buffer, d *khenthuong.Decision, s *streamed) error {
			return WriteList(w, streamDoc(d, s), true)
		}},
	{"Payments", 1, // one read for the kinds each decision holds, the rows and the total
		func(d *khenthuong.Decision, s *streamed) ([]page.Page, error) {
			var ss []*streamed
			if s != nil {
				ss = []*streamed{s}
			}
			return PaymentsPages(paymentsDoc([]*khenthuong.Decision{d}, ss))
		},
		func(w *bytes.Buffer, d *khenthuong.Decision, s *streamed) error {
			return WritePayments(w, paymentsDoc([]*khenthuong.Decision{d}, []*streamed{s}))
		}},
}

// The writers given a stream of recipients lay out the very pages they
// lay out from the recipients in memory: sections, numbering, the last
// entry's "./.", table widths, page breaks, page numbers, totals.
func TestStreamedDocumentsAreTheSamePages(t *testing.T) {
	decisions := []struct {
		name string
		d    *khenthuong.Decision
	}{
		{"ThreeKindsInterleaved", interleaved(mixDecision("BKCT", 61, 25, 90, 10, false))},
		{"OneKind", mixDecision("BKCT", 62, 0, 40, 0, false)},
		{"LongUnits", interleaved(mixDecision("BKCT", 63, 6, 30, 3, true))},
	}
	for _, dc := range decisions {
		for _, pd := range printDocs {
			t.Run(dc.name+"/"+pd.name, func(t *testing.T) {
				want, err := pd.pages(dc.d, nil)
				if err != nil {
					t.Fatal(err)
				}
				got, err := pd.pages(dc.d, &streamed{})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want) {
					t.Fatalf("%d pages streamed, %d from memory", len(got), len(want))
				}
				for i := range want {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("page %d differs:\nstreamed %+v\nmemory   %+v", i+1, got[i].Texts, want[i].Texts)
					}
				}
			})
		}
	}
}

// The payment list of a ceremony pays the decisions by kind, then the
// higher form first: streamed, it reads each decision as PaymentList does.
func TestStreamedPaymentsOfACeremony(t *testing.T) {
	ds := []*khenthuong.Decision{
		interleaved(mixDecision("BKCT", 71, 4, 9, 2, false)),
		interleaved(mixDecision("CTDT", 72, 3, 0, 0, false)),
		interleaved(mixDecision("CSTDT", 73, 0, 5, 0, false)),
	}
	want, err := PaymentsPages(paymentsDoc(ds, nil))
	if err != nil {
		t.Fatal(err)
	}
	got, err := PaymentsPages(paymentsDoc(ds, []*streamed{{}, {}, {}}))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("streamed payment list differs: %d pages, %d from memory", len(got), len(want))
	}
}

// An error of the stream (the data file unreadable halfway) stops the
// document: the writer returns it and has written nothing, so the print
// command's atomic file is never renamed into place. A list that changes
// between two reads is refused rather than misnumbered.
func TestStreamErrorsStopTheDocument(t *testing.T) {
	boom := errors.New("disk gone")
	d := interleaved(mixDecision("BKCT", 64, 20, 60, 5, false))
	n := len(d.Recipients)
	for _, pd := range printDocs {
		for _, c := range []struct {
			name string
			s    streamed
			want func(error) bool
		}{
			{"FirstRead", streamed{fail: boom, failAt: 3}, func(err error) bool { return errors.Is(err, boom) }},
			{"WhileWriting", streamed{fail: boom, failAt: 3*n + n/2}, func(err error) bool { return errors.Is(err, boom) }},
			{"Changed", streamed{shortAfter: pd.firstReads}, func(err error) bool { return khenthuong.ErrorCode(err) == khenthuong.ECONFLICT }},
		} {
			t.Run(pd.name+"/"+c.name, func(t *testing.T) {
				var buf bytes.Buffer
				s := c.s
				err := pd.write(&buf, d, &s)
				if !c.want(err) {
					t.Fatalf("error = %v", err)
				}
				if buf.Len() != 0 {
					t.Errorf("%d bytes written after the error", buf.Len())
				}
			})
		}
	}
}
