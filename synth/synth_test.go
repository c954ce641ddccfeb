package synth

import (
	"testing"

	"khenthuong"
)

func TestGeneratedNominationsAreValidAndReproducible(t *testing.T) {
	forms := Forms(20)
	byCode := map[string]*khenthuong.AwardForm{}
	for i := range forms {
		byCode[forms[i].Code] = &forms[i]
	}
	a, b := New(7), New(7)
	kinds := map[khenthuong.Kind]int{}
	for i := 0; i < 2000; i++ {
		n := a.Nomination(1, forms)
		m := b.Nomination(1, forms)
		if n.Nominee != m.Nominee || n.FormCode != m.FormCode {
			t.Fatalf("same seed, different data: %+v vs %+v", n, m)
		}
		n.Normalize()
		if err := n.Validate(); err != nil {
			t.Fatalf("generated nomination invalid: %v (%+v)", err, n)
		}
		if err := n.ValidateAgainst(byCode[n.FormCode]); err != nil {
			t.Fatalf("generated form does not apply: %v", err)
		}
		kinds[n.Nominee.Kind]++
	}
	for _, k := range khenthuong.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no %s generated", k)
		}
	}
	if u := len(Units()); u < 2000 {
		t.Errorf("%d units, want about 2,000", u)
	}
}
