package khenthuong

import (
	"bytes"
	"sort"

	"khenthuong/vntext"
)

// kindRank orders kinds as lists print them: collectives, individuals, households.
func kindRank(k Kind) int {
	for i, v := range Kinds {
		if v == k {
			return i
		}
	}
	return len(Kinds)
}

// SortRecipients puts recipients in the decision's order. List order keeps the
// given order within each kind (the caller passes them in nomination order);
// alphabetical sorts people by given name, then middle, then family name, and
// collectives by name; by unit groups recipients of a unit together, keeping
// list order inside a unit and the units in order of first appearance.
// Manual order is left as it is. Kinds always come I. tập thể, II. cá nhân, III. hộ gia đình.
func SortRecipients(rs []Recipient, order ListOrder) {
	if order == OrderManual {
		return
	}
	keys := make([][]byte, len(rs))
	firstOfUnit := map[string]int{}
	for i := range rs {
		n := &rs[i].Nominee
		switch order {
		case OrderAlpha:
			if n.Kind == Individual {
				keys[i] = vntext.NameSortKey(n.Name)
			} else {
				keys[i] = vntext.SortKey(n.Name)
			}
		case OrderUnit:
			u := vntext.Fold(n.Unit)
			if _, ok := firstOfUnit[u]; !ok {
				firstOfUnit[u] = i
			}
		}
	}
	idx := make([]int, len(rs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ra, rb := &rs[idx[a]], &rs[idx[b]]
		if ka, kb := kindRank(ra.Nominee.Kind), kindRank(rb.Nominee.Kind); ka != kb {
			return ka < kb
		}
		switch order {
		case OrderAlpha:
			return bytes.Compare(keys[idx[a]], keys[idx[b]]) < 0
		case OrderUnit:
			return firstOfUnit[vntext.Fold(ra.Nominee.Unit)] < firstOfUnit[vntext.Fold(rb.Nominee.Unit)]
		}
		return false
	})
	sorted := make([]Recipient, len(rs))
	for i, j := range idx {
		sorted[i] = rs[j]
	}
	copy(rs, sorted)
}

// CeremonySlot is one certificate in the order it is called on stage.
type CeremonySlot struct {
	DecisionID uint64 `json:"decision_id"`
	Decision   int    `json:"-"`         // index in the decisions given, which tells drafts without IDs apart
	Recipient  int    `json:"recipient"` // index in the decision's Recipients
	Tray       int    `json:"tray"`      // position number on the tray and on the certificate, from 1
	Batch      int    `json:"batch"`     // group called up together, from 1
	InBatch    int    `json:"in_batch"`  // position within the batch, from 1
}

// CeremonyOrder is the reading order of a ceremony: highest form first,
// collectives before individuals (then households) within a form, then the
// decision's list order; split into batches of batchSize on stage. The same
// numbers go on the run-sheet, the tray and each certificate.
func CeremonyOrder(decisions []Decision, forms map[string]*AwardForm, batchSize int) []CeremonySlot {
	if batchSize < 1 {
		batchSize = 1
	}
	type item struct {
		d, r int
	}
	var items []item
	for d := range decisions {
		for r := range decisions[d].Recipients {
			items = append(items, item{d, r})
		}
	}
	rank := func(code string) int {
		if f := forms[code]; f != nil {
			return f.Rank
		}
		return 0
	}
	sort.SliceStable(items, func(a, b int) bool {
		da, db := &decisions[items[a].d], &decisions[items[b].d]
		if ra, rb := rank(da.FormCode), rank(db.FormCode); ra != rb {
			return ra > rb
		}
		ka := kindRank(da.Recipients[items[a].r].Nominee.Kind)
		kb := kindRank(db.Recipients[items[b].r].Nominee.Kind)
		if ka != kb {
			return ka < kb
		}
		if items[a].d != items[b].d {
			return da.Date.Before(db.Date) || (da.Date == db.Date && da.ID < db.ID)
		}
		return items[a].r < items[b].r
	})
	slots := make([]CeremonySlot, len(items))
	for i, it := range items {
		slots[i] = CeremonySlot{
			DecisionID: decisions[it.d].ID,
			Decision:   it.d,
			Recipient:  it.r,
			Tray:       i + 1,
			Batch:      i/batchSize + 1,
			InBatch:    i%batchSize + 1,
		}
	}
	return slots
}
