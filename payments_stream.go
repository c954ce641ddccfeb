package khenthuong

import (
	"sort"
	"strings"
)

// RecipientReader gives one decision's recipients one at a time in list
// order (QueryService.EachRecipient bound to the decision); an error fn
// returns stops it and is returned as it is.
type RecipientReader = func(fn func(*Recipient) error) error

// HeldRecipients reads recipients held in memory.
func HeldRecipients(rs []Recipient) RecipientReader {
	return func(fn func(*Recipient) error) error {
		for i := range rs {
			if err := fn(&rs[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// PaymentPlan is PaymentList for decisions whose recipients are read rather
// than held (a decision of 100,000): PlanPayments reads each decision once
// to count its recipients by kind and add up the bonuses, then EachRow reads
// each decision once per kind it holds, so that nothing of the list is held.
type PaymentPlan struct {
	Rows   int   // recipients
	Total  int64 // đồng
	Groups int   // kinds present: with one, the list needs no "I." heading

	decisions []Decision
	each      func(d int) RecipientReader
	labels    map[string]string
	order     []int   // decisions in payment order
	counts    [][]int // [decision][kind rank]
}

// PlanPayments reads the decisions' recipients (decision d's from each(d))
// once.
func PlanPayments(decisions []Decision, forms map[string]*AwardForm, each func(d int) RecipientReader) (*PaymentPlan, error) {
	p := &PaymentPlan{decisions: decisions, each: each, labels: ShortFormNames(decisions, forms),
		order: paymentOrder(decisions, forms), counts: make([][]int, len(decisions))}
	present := make([]bool, len(Kinds)+1)
	for d := range decisions {
		p.counts[d] = make([]int, len(Kinds)+1)
		err := each(d)(func(r *Recipient) error {
			rk := kindRank(r.Nominee.Kind)
			p.counts[d][rk]++
			present[rk] = true
			p.Rows++
			p.Total += r.Amount
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, ok := range present {
		if ok {
			p.Groups++
		}
	}
	return p, nil
}

// paymentOrder is the order decisions are paid in within a kind, as
// CeremonyOrder calls them: the highest form first, then the earlier
// decision.
func paymentOrder(ds []Decision, forms map[string]*AwardForm) []int {
	rank := func(code string) int {
		if f := forms[code]; f != nil {
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

// PaymentHeading is a group's heading: "I. TẬP THỂ" for group 0.
func PaymentHeading(group int, k Kind) string {
	return RomanNumeral(group) + ". " + strings.ToUpper(k.Label())
}

// EachRow gives the rows of the list in PaymentList's order (by kind, then
// decision, then list order), numbered from 1 in each group, with the group
// (from 0) and kind each belongs to. A decision whose recipients are not as
// PlanPayments counted them changed while the list was written: ECONFLICT.
func (p *PaymentPlan) EachRow(fn func(group int, k Kind, r *PaymentRow) error) error {
	group, kind, no := -1, Kind(""), 0
	for rank := 0; rank <= len(Kinds); rank++ {
		for _, di := range p.order {
			want := p.counts[di][rank]
			if want == 0 {
				continue
			}
			d := &p.decisions[di]
			i, n := -1, 0
			err := p.each(di)(func(r *Recipient) error {
				i++
				k := r.Nominee.Kind
				if kindRank(k) != rank {
					return nil
				}
				if n++; n > want {
					return errListChanged(d)
				}
				if group < 0 || kind != k {
					group, kind, no = group+1, k, 0
				}
				no++
				name, detail := r.Nominee.EntryParts()
				row := PaymentRow{No: no, Name: name, Detail: detail, Form: p.labels[d.FormCode],
					Amount: r.Amount, Decision: di, Recipient: i, Nomination: r.NominationID}
				return fn(group, k, &row)
			})
			if err != nil {
				return err
			}
			if n != want {
				return errListChanged(d)
			}
		}
	}
	return nil
}

// errListChanged is what a list says when a decision's recipients changed
// between two reads (another clerk edited the draft meanwhile).
func errListChanged(d *Decision) error {
	return Errorf(ECONFLICT, "Danh sách của quyết định số %s vừa thay đổi trong khi in, hãy in lại", d.Number)
}
