package certificates

import (
	"fmt"
	"testing"

	"khenthuong"
)

// The office documents of a 2,000-recipient decision. Targets (issue 6):
// decision + list PDF < 1 s, run-sheet < 1 s, payment list < 1 s.

func bench2000() *khenthuong.Decision { return mixDecision("BKCT", 2871, 500, 1400, 100, false) }

func BenchmarkDecision2000(b *testing.B) {
	doc := decisionDoc(bench2000())
	for _, table := range []bool{false, true} {
		b.Run(fmt.Sprintf("table=%v", table), func(b *testing.B) {
			var size int64
			b.ReportAllocs()
			for b.Loop() {
				var w countingWriter
				if err := WriteDecision(&w, doc, DecisionOptions{ListTable: table}); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(size)/1024, "KB")
		})
	}
}

func BenchmarkDecisionDOCX2000(b *testing.B) {
	doc := decisionDoc(bench2000())
	b.ReportAllocs()
	for b.Loop() {
		var w countingWriter
		if err := WriteDecisionDOCX(&w, doc, DecisionOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRunSheet2000(b *testing.B) {
	var presenters []Presenter
	for i := range 200 {
		presenters = append(presenters, Presenter{Name: fmt.Sprintf("Nguyễn Văn %d", i), Title: "Phó Giám đốc Công an tỉnh"})
	}
	doc := RunSheetDoc{Decisions: []khenthuong.Decision{*bench2000()}, Forms: testForms(), Settings: testSettings(), BatchSize: 10, Presenters: presenters}
	b.ReportAllocs()
	for b.Loop() {
		var w countingWriter
		if err := WriteRunSheet(&w, doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPayments2000(b *testing.B) {
	doc := PaymentsDoc{Decisions: []khenthuong.Decision{*bench2000()}, Forms: testForms(), Settings: testSettings()}
	b.ReportAllocs()
	for b.Loop() {
		var w countingWriter
		if err := WritePayments(&w, doc); err != nil {
			b.Fatal(err)
		}
	}
}
