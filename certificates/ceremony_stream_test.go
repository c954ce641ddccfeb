package certificates

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"khenthuong"
)

// streamedCeremony is ds without their recipients, each streamed by ss[i].
func streamedCeremony(ds []khenthuong.Decision) ([]khenthuong.Decision, []*streamed) {
	out := make([]khenthuong.Decision, len(ds))
	ss := make([]*streamed, len(ds))
	for i := range ds {
		ss[i] = &streamed{}
		out[i] = withoutRecipients(&ds[i], ss[i])
	}
	return out, ss
}

// ceremonies are ceremonyDecisions, with their lists interleaved and as
// two drafts of one date without IDs (told apart by their place).
func ceremonies() map[string][]khenthuong.Decision {
	inter := ceremonyDecisions()
	for i := range inter {
		interleaved(&inter[i])
	}
	a, b := interleaved(mixDecision("BKCT", 0, 3, 7, 1, false)), interleaved(mixDecision("BKCT", 0, 2, 4, 0, false))
	return map[string][]khenthuong.Decision{
		"Ceremony": ceremonyDecisions(), "Interleaved": inter, "Drafts": {*a, *b},
	}
}

// The ceremony read from streams, a group of one kind of one decision at a
// time, is the order khenthuong.CeremonyOrder gives from memory: the same
// entries, print runs, run-sheet pages and certificates.
func TestStreamedCeremonyIsTheSame(t *testing.T) {
	forms := testForms()
	for name, ds := range ceremonies() {
		for _, batch := range []int{1, 4, 7} {
			mem := RunSheetDoc{Decisions: ds, Forms: forms, Settings: testSettings(), BatchSize: batch,
				Presenters: []Presenter{{Name: "Nguyễn Văn A", Title: "Phó Giám đốc Công an tỉnh"}}}
			sds, ss := streamedCeremony(ds)
			str := mem
			str.Decisions, str.Recipients = sds, func(i int) RecipientStream { return ss[i].stream }

			cer, err := str.plan()
			if err != nil {
				t.Fatal(err)
			}
			var got []CeremonyEntry
			if err := cer.eachBatch(func(_ int, b []CeremonyEntry) error { got = append(got, b...); return nil }); err != nil {
				t.Fatal(err)
			}
			if want := mem.Entries(); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s/%d: streamed calling order differs:\n%+v\nwant %+v", name, batch, got, want)
			}

			want, err := RunSheetPages(mem)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := RunSheetPages(str)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(pages, want) {
				t.Fatalf("%s/%d: streamed run-sheet differs: %d pages, %d from memory", name, batch, len(pages), len(want))
			}

			for i, run := range PrintOrder(ds, forms, batch) {
				at := slices.IndexFunc(ds, func(d khenthuong.Decision) bool { return d.ID == run.DecisionID })
				if name == "Drafts" {
					at = i // no IDs: the runs come in the decisions' order here
				}
				got, err := PrintRunOf(sds, forms, batch, at, func(d int) RecipientStream { return ss[d].stream })
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, run) {
					t.Fatalf("%s/%d: decision %d: streamed print run %+v, want %+v", name, batch, at, got, run)
				}
				certificatesAreTheSame(t, &ds[at], &sds[at], ss[at], run)
			}
		}
	}
}

// certificatesAreTheSame lays out d's certificates from memory and from the
// stream s, in the run's order with its trays, in list order, in an order
// of many runs (read whole) and for a few recipients.
func certificatesAreTheSame(t *testing.T, d, summary *khenthuong.Decision, s *streamed, run PrintRun) {
	t.Helper()
	reversed := slices.Clone(run.Recipients)
	slices.Reverse(reversed)
	f := testForms()[d.FormCode]
	for _, c := range []struct {
		name  string
		ids   []uint64
		trays []int
	}{
		{"Ceremony", run.Recipients, run.Trays},
		{"List", nil, nil},
		{"Reversed", reversed, nil},
		{"Some", []uint64{run.Recipients[len(run.Recipients)-1], run.Recipients[0]}, []int{9, 3}},
	} {
		mem := Job{Decision: d, Form: f, Settings: testSettings(), Template: DefaultTemplateFor(f), Recipients: c.ids, Trays: c.trays}
		want, wantW, err := mem.Pages()
		if err != nil {
			t.Fatal(err)
		}
		str := mem
		str.Decision, str.Stream = summary, s.stream
		got, gotW, err := str.Pages()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotW, wantW) {
			t.Fatalf("%s: %s: streamed certificates differ: %d pages, %d from memory", d.Number, c.name, len(got), len(want))
		}
	}
}

// A streamed batch names a recipient missing from the decision, and refuses
// a list that changed while it printed; nothing is written.
func TestStreamedCertificatesErrors(t *testing.T) {
	d := interleaved(mixDecision("BKCT", 65, 5, 12, 2, false))
	f := testForm("BKCT")
	run := PrintOrder([]khenthuong.Decision{*d}, testForms(), 5)[0]
	for _, c := range []struct {
		name string
		ids  []uint64
		s    streamed
		want string
	}{
		{"Missing", []uint64{run.Recipients[0], 999999}, streamed{}, khenthuong.ENOTFOUND},
		{"ChangedInOrder", run.Recipients, streamed{shortAfter: 2}, khenthuong.ECONFLICT},
		{"ChangedList", nil, streamed{shortAfter: 1}, khenthuong.ECONFLICT},
	} {
		s := c.s
		summary := withoutRecipients(d, &s)
		j := Job{Decision: &summary, Form: f, Settings: testSettings(), Template: DefaultTemplateFor(f), Recipients: c.ids, Stream: s.stream}
		var buf bytes.Buffer
		if _, err := Print(&buf, j); khenthuong.ErrorCode(err) != c.want {
			t.Errorf("%s: error %v, want %s", c.name, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written", c.name, buf.Len())
		}
	}
}
