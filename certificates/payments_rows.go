package certificates

import (
	"slices"
	"sort"
	"strings"

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

// paymentOrder is the order decisions are paid in within a kind, as
// khenthuong.CeremonyOrder calls them: the highest form first, then the
// earlier decision.
func (doc *PaymentsDoc) paymentOrder() []int {
	ds := doc.Decisions
	rank := func(code string) int {
		if f := doc.Forms[code]; f != nil {
			return f.Rank
		}
		return 0
	}
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		da, db := &ds[order[a]], &ds[order[b]]
		if ra, rb := rank(da.FormCode), rank(db.FormCode); ra != rb {
			return ra > rb
		}
		return da.Date.Before(db.Date) || (da.Date == db.Date && da.ID < db.ID)
	})
	return order
}

// paymentRow is a row of the payment list and the group it opens or continues.
type paymentRow struct {
	group int // from 0, in print order
	kind  khenthuong.Kind
	khenthuong.PaymentRow
}

// eachPaymentRow gives the rows of the payment list in khenthuong.PaymentList's
// order (by kind, then decision, then list order), numbered from 1 in each
// group, reading each decision's stream once per kind it holds.
func (doc *PaymentsDoc) eachPaymentRow(fn func(r *paymentRow) error) error {
	labels := khenthuong.ShortFormNames(doc.Decisions, doc.Forms)
	order := doc.paymentOrder()
	// Which ranks each decision holds, so that a pass reads only those.
	ranks := make([]map[int]bool, len(doc.Decisions))
	for _, di := range order {
		ranks[di] = map[int]bool{}
		err := doc.stream(di)(func(r *khenthuong.Recipient) error {
			ranks[di][kindRank(r.Nominee.Kind)] = true
			return nil
		})
		if err != nil {
			return err
		}
	}
	row := paymentRow{group: -1}
	for rank := 0; rank <= len(khenthuong.Kinds); rank++ {
		for _, di := range order {
			if !ranks[di][rank] {
				continue
			}
			d := &doc.Decisions[di]
			i := -1
			err := doc.stream(di)(func(r *khenthuong.Recipient) error {
				i++
				k := r.Nominee.Kind
				if kindRank(k) != rank {
					return nil
				}
				if row.group < 0 || row.kind != k {
					row.group, row.kind, row.No = row.group+1, k, 0
				}
				name, detail := r.Nominee.EntryParts()
				row.PaymentRow = khenthuong.PaymentRow{No: row.No + 1, Name: name, Detail: detail, Form: labels[d.FormCode],
					Amount: r.Amount, Decision: di, Recipient: i, Nomination: r.NominationID}
				return fn(&row)
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// paymentTotals are what the layout must know before its first row: how
// many groups and rows there are, and the total.
type paymentTotals struct {
	groups, rows int
	total        int64
}

func (doc *PaymentsDoc) totals() (paymentTotals, error) {
	var t paymentTotals
	err := doc.eachPaymentRow(func(r *paymentRow) error {
		t.groups = r.group + 1
		t.rows++
		t.total += r.Amount
		return nil
	})
	return t, err
}

// groupHeading is "I. TẬP THỂ".
func groupHeading(group int, k khenthuong.Kind) string {
	return khenthuong.RomanNumeral(group) + ". " + strings.ToUpper(k.Label())
}
