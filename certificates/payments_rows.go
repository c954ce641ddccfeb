package certificates

import (
	"slices"

	"khenthuong"
)

// stream is where decision i's recipients come from: Recipients when set,
// else the decision's own.
func (doc *PaymentsDoc) stream(i int) RecipientStream {
	if doc.Recipients != nil {
		return doc.Recipients(i)
	}
	return SliceStream(doc.Decisions[i].Recipients)
}

// kindRank is a kind's place in print order, every unknown kind last.
func kindRank(k khenthuong.Kind) int {
	if i := slices.Index(khenthuong.Kinds, k); i >= 0 {
		return i
	}
	return len(khenthuong.Kinds)
}

// plan reads the decisions' streams once for what the layout must know
// before its first row (groups, rows, total); its EachRow then gives the
// rows in khenthuong.PaymentList's order, reading each stream once per
// kind it holds.
func (doc *PaymentsDoc) plan() (*khenthuong.PaymentPlan, error) {
	return khenthuong.PlanPayments(doc.Decisions, doc.Forms, func(d int) khenthuong.RecipientReader { return doc.stream(d) })
}
